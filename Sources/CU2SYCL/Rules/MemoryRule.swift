import Clang

/// The memory API maps to unified shared memory on the default in-order queue (asynchronous copies and
/// sets on their stream's queue). CUDA's synchronous copies and sets wait for completion. When the program reads the call's error code, the converted
/// expression yields one (0, or cudaErrorMemoryAllocation's 2 when an allocation returns null).
public struct MemoryRule: MigrationRule {
  public static let id = "memory-management"
  public static let summary = "Maps cudaMalloc/Free/Memcpy/Memset, pinned and managed memory, and cudaDeviceSynchronize to USM on the default queue."
  public static let covers = ["cudaMalloc", "cudaFree", "cudaMemcpy", "cudaMemset", "cudaMemcpyAsync", "cudaMemsetAsync", "cudaMemPrefetchAsync",
                              "cudaMallocHost", "cudaFreeHost", "cudaMallocManaged",
                              "cudaDeviceSynchronize", "cudaThreadSynchronize", "cudaMemcpyHostToDevice", "cudaMemcpyDeviceToHost",
                              "cudaMemcpyDeviceToDevice", "cudaMemcpyHostToHost", "cudaMemcpyDefault"] + attachFlags.keys.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      void upload(const float *h, float *d, int n, cudaStream_t s) {
        cudaMemcpyAsync(d, h, n * sizeof(float), cudaMemcpyHostToDevice, s);
        cudaMemsetAsync(d, 0, sizeof(float), s);
        cudaMemPrefetchAsync(d, n * sizeof(float), 0, s);
        cudaMemcpyAsync(d, h, sizeof(float), cudaMemcpyDefault);
      }

      """,
      sycl: """
      void upload(const float *h, float *d, int n, cu2sycl::queue_ptr s) {
        cu2sycl::queue(s).memcpy(d, h, n * sizeof(float));
        cu2sycl::queue(s).memset(d, 0, sizeof(float));
        cu2sycl::queue(s).prefetch(d, n * sizeof(float));
        cu2sycl::default_queue().memcpy(d, h, sizeof(float));
      }

      """),
    RuleExample(
      cuda: """
      void copy(const float *h, float *out, int n) {
        float *d;
        cudaMalloc(&d, n * sizeof(float));
        cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);
        cudaMemset(d, 0, sizeof(float));
        cudaDeviceSynchronize();
        cudaMemcpy(out, d, n * sizeof(float), cudaMemcpyDeviceToHost);
        cudaFree(d);
      }

      """,
      sycl: """
      void copy(const float *h, float *out, int n) {
        float *d;
        d = sycl::malloc_device<float>(n, cu2sycl::default_queue());
        cu2sycl::default_queue().memcpy(d, h, n * sizeof(float)).wait();
        cu2sycl::default_queue().memset(d, 0, sizeof(float)).wait();
        cu2sycl::default_queue().wait_and_throw();
        cu2sycl::default_queue().memcpy(out, d, n * sizeof(float)).wait();
        sycl::free(d, cu2sycl::default_queue());
      }

      """),
    RuleExample(
      cuda: """
      int alloc(double **p, size_t bytes) {
        if (cudaMallocManaged((void **)p, bytes) != cudaSuccess) return 1;
        return 0;
      }

      """,
      sycl: """
      int alloc(double **p, size_t bytes) {
        if (((*p = static_cast<double *>(sycl::malloc_shared(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2) != 0) return 1;
        return 0;
      }

      """),
    RuleExample(
      cuda: """
      #define BYTES (64 << 10)
      #define CHECK(call) if ((call) != cudaSuccess) return 1
      int upload(void **p, const char *h) {
        CHECK(cudaMalloc(p, BYTES));
        CHECK(cudaMemcpy(*p, h, BYTES, cudaMemcpyHostToDevice));
        return 0;
      }

      """,
      sycl: """
      #define BYTES (64 << 10)
      #define CHECK(call) if ((call) != 0) return 1
      int upload(void **p, const char *h) {
        CHECK(((*p = sycl::malloc_device(BYTES, cu2sycl::default_queue())) != nullptr ? 0 : 2));
        CHECK((cu2sycl::default_queue().memcpy(*p, h, BYTES).wait(), 0));
        return 0;
      }

      """),
    // Pinned host memory and a device-to-device copy.
    RuleExample(
      cuda: """
      void stage(const float *d, float *d2, int n) {
        float *pinned;
        cudaMallocHost(&pinned, n * sizeof(float));
        cudaMemcpy(d2, d, n * sizeof(float), cudaMemcpyDeviceToDevice);
        cudaMemcpy(pinned, d2, n * sizeof(float), cudaMemcpyDeviceToHost);
        cudaFreeHost(pinned);
      }

      """,
      sycl: """
      void stage(const float *d, float *d2, int n) {
        float *pinned;
        pinned = sycl::malloc_host<float>(n, cu2sycl::default_queue());
        cu2sycl::default_queue().memcpy(d2, d, n * sizeof(float)).wait();
        cu2sycl::default_queue().memcpy(pinned, d2, n * sizeof(float)).wait();
        sycl::free(pinned, cu2sycl::default_queue());
      }

      """),
  ]

  /// Managed-memory attach flags kept in variables: CUDA's values (renamed by the stream rule, after
  /// cudaStreamAttachMemAsync has taken its own).
  static let attachFlags = ["cudaMemAttachGlobal": "0x01", "cudaMemAttachHost": "0x02", "cudaMemAttachSingle": "0x04"]

  static let allocators = ["cudaMalloc": "malloc_device", "cudaMallocHost": "malloc_host", "cudaMallocManaged": "malloc_shared"]

  public init() {}

  public func apply(to context: MigrationContext) {
    let names = Set(Self.covers)
    for i in context.pending({ $0.occurrence.kind == .function && names.contains($0.occurrence.name) && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      guard let cursor = context.entries[i].cursor, let call = context.call(named: cursor), let r = context.range(of: call),
            context.text(of: call).hasPrefix(o.name) else { continue }
      let args = context.writtenArguments(call)
      let q = context.queue
      let used = !context.isStatement(call)
      var pieces: [Piece]
      var yieldsStatus = false  // the pieces already produce an int status
      switch o.name {
      case let name where Self.allocators[name] != nil:
        guard args.count >= 2, let (target, element) = context.assignmentTarget(args[0]) else { continue }
        let alloc = context.usmAllocation(Self.allocators[name]!, pointerType: element, size: args[1], queue: [.text(q)])
        pieces = target + [.text(" = ")] + alloc
        // cudaMallocManaged's attach flags only narrow which streams may touch the memory; USM shared
        // memory is reachable from every queue.
        context.claimArguments(args.dropFirst(2), rule: Self.id)
        if used {
          pieces = context.allocationStatus(pieces)
          yieldsStatus = true
        }
      case "cudaFree", "cudaFreeHost":
        guard args.count == 1, let p = context.source(args[0]) else { continue }
        pieces = [.text("sycl::free("), p, .text(", \(q))")]
      case "cudaMemcpy":
        guard args.count == 4, let d = context.source(args[0]), let s = context.source(args[1]), let n = context.source(args[2]) else { continue }
        pieces = [.text("\(q).memcpy("), d, .text(", "), s, .text(", "), n, .text(").wait()")]
        if let kr = context.range(of: args[3]) { context.claimAll(in: kr.file, kr.range, .converted, rule: Self.id) { $0.kind == .constant } }
      case "cudaMemset":
        guard args.count == 3, let p = context.source(args[0]), let v = context.source(args[1]), let n = context.source(args[2]) else { continue }
        pieces = [.text("\(q).memset("), p, .text(", "), v, .text(", "), n, .text(").wait()")]
      case "cudaMemcpyAsync":
        // Asynchronous on the stream's in-order queue: no wait.
        guard args.count >= 4, let d = context.source(args[0]), let s = context.source(args[1]), let n = context.source(args[2]) else { continue }
        pieces = context.queue(forStream: args.count > 4 ? args[4] : nil, in: r.file, rule: Self.id)
          + [.text(".memcpy("), d, .text(", "), s, .text(", "), n, .text(")")]
        if let kr = context.range(of: args[3]) { context.claimAll(in: kr.file, kr.range, .converted, rule: Self.id) { $0.kind == .constant } }
      case "cudaMemsetAsync":
        guard args.count >= 3, let p = context.source(args[0]), let v = context.source(args[1]), let n = context.source(args[2]) else { continue }
        pieces = context.queue(forStream: args.count > 3 ? args[3] : nil, in: r.file, rule: Self.id)
          + [.text(".memset("), p, .text(", "), v, .text(", "), n, .text(")")]
      case "cudaMemPrefetchAsync":
        // The destination device is the queue's: SYCL prefetches to the device the queue runs on.
        guard args.count >= 3, let p = context.source(args[0]), let n = context.source(args[1]) else { continue }
        pieces = context.queue(forStream: args.count > 3 ? args[3] : nil, in: r.file, rule: Self.id)
          + [.text(".prefetch("), p, .text(", "), n, .text(")")]
        if let dr = context.range(of: args[2]) { context.claimAll(in: dr.file, dr.range, .converted, rule: Self.id) }
      case "cudaDeviceSynchronize", "cudaThreadSynchronize":
        pieces = [.text("\(q).wait_and_throw()")]
      default:
        continue
      }
      if used && !yieldsStatus { pieces = [.text("(")] + pieces + [.text(", 0)")] }
      context.edit(r.file, r.range, pieces, rule: Self.id)
      context.use(.defaultQueue, in: r.file)
      context.claim(i, .converted, rule: Self.id)
    }
    // A synchronization inside a #define (an error-check macro that syncs first, say).
    for i in context.pending({ ["cudaDeviceSynchronize", "cudaThreadSynchronize"].contains($0.occurrence.name) && $0.inMacroBody }) {
      guard let call = context.emptyCallInMacroBody(context.entries[i]) else { continue }
      let wait = "\(context.queue).wait_and_throw()"
      context.replace(context.entries[i].occurrence.file, call.range, with: call.isStatement ? wait : "(\(wait), 0)", rule: Self.id)
      context.use(.defaultQueue, in: context.entries[i].occurrence.file)
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
