import Clang

/// The driver's memory API, as USM on the same queues as the runtime's (memory-management). A
/// `CUdeviceptr` is an integer holding a device address; it becomes `cu2sycl::device_ptr`, a
/// `std::byte *`, so what programs do with it keeps working: assigning the allocation, `d + offset`
/// (byte arithmetic, as on the integer), casts to a typed pointer for a kernel, `&d` in a kernel
/// argument array, and passing it to the copy functions. Bit operations on the address
/// (`d & 255`) need a cast to `std::uintptr_t`.
public struct DriverMemoryRule: MigrationRule {
  public static let id = "driver-memory"
  public static let summary = "Maps CUdeviceptr and the driver's allocation, copy and set functions (cuMemAlloc, cuMemcpyHtoD, cuMemsetD32, ...) to USM."
  public static let covers = ["CUdeviceptr", "cuMemAlloc", "cuMemAllocManaged", "cuMemAllocHost", "cuMemHostAlloc", "cuMemFree", "cuMemFreeHost",
                              "cuMemHostGetDevicePointer", "cuMemcpy", "cuMemcpyHtoD", "cuMemcpyDtoH", "cuMemcpyDtoD", "cuMemcpyAsync",
                              "cuMemcpyHtoDAsync", "cuMemcpyDtoHAsync", "cuMemcpyDtoDAsync", "cuMemsetD8", "cuMemsetD16", "cuMemsetD32",
                              "cuMemsetD8Async", "cuMemsetD16Async", "cuMemsetD32Async", "CU_MEMHOSTALLOC_*", "CU_MEM_ATTACH_*"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      int roundTrip(float *host, int n, CUstream stream) {
        CUdeviceptr d, second;
        if (cuMemAlloc(&d, 2 * n * sizeof(float)) != CUDA_SUCCESS) return 1;
        second = d + n * sizeof(float);
        cuMemcpyHtoD(d, host, n * sizeof(float));
        cuMemsetD32(second, 0, n);
        cuMemsetD8Async(second, 0xff, 4, stream);
        cuMemcpyDtoDAsync(second, d, n * sizeof(float), stream);
        cuMemcpyDtoH(host, second, n * sizeof(float));
        float *typed = (float *)d;
        cuMemFree(d);
        return typed == nullptr;
      }

      """,
      sycl: """
      int roundTrip(float *host, int n, cu2sycl::queue_ptr stream) {
        cu2sycl::device_ptr d, second;
        if (((d = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(2 * n * sizeof(float), cu2sycl::default_queue()))) != nullptr ? 0 : 2) != 0) return 1;
        second = d + n * sizeof(float);
        cu2sycl::default_queue().memcpy(d, host, n * sizeof(float)).wait();
        cu2sycl::default_queue().fill(second, static_cast<unsigned int>(0), n).wait();
        cu2sycl::queue(stream).memset(second, 0xff, 4);
        cu2sycl::queue(stream).memcpy(second, d, n * sizeof(float));
        cu2sycl::default_queue().memcpy(host, second, n * sizeof(float)).wait();
        float *typed = (float *)d;
        sycl::free(d, cu2sycl::default_queue());
        return typed == nullptr;
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda.h>
      void pinned(float **host, CUdeviceptr *mapped, CUdeviceptr *managed, size_t bytes) {
        cuMemHostAlloc((void **)host, bytes, CU_MEMHOSTALLOC_DEVICEMAP);
        cuMemHostGetDevicePointer(mapped, *host, 0);
        cuMemAllocManaged(managed, bytes, CU_MEM_ATTACH_GLOBAL);
        cuMemFreeHost(*host);
      }

      """,
      sycl: """
      void pinned(float **host, cu2sycl::device_ptr *mapped, cu2sycl::device_ptr *managed, size_t bytes) {
        *host = static_cast<float *>(sycl::malloc_host(bytes, cu2sycl::default_queue()));
        *mapped = reinterpret_cast<cu2sycl::device_ptr>(*host);
        *managed = static_cast<cu2sycl::device_ptr>(sycl::malloc_shared(bytes, cu2sycl::default_queue()));
        sycl::free(*host, cu2sycl::default_queue());
      }

      """),
  ]

  static let allocators = ["cuMemAlloc": "malloc_device", "cuMemAllocManaged": "malloc_shared", "cuMemAllocHost": "malloc_host", "cuMemHostAlloc": "malloc_host"]
  /// cuMemsetD16/D32 write a pattern of that width: `queue::fill` with a value of that type.
  static let fillTypes = ["cuMemsetD16": "unsigned short", "cuMemsetD32": "unsigned int", "cuMemsetD16Async": "unsigned short", "cuMemsetD32Async": "unsigned int"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains(MigrationContext.driverName($0.occurrence.name)) }) {
      guard let (call, file, _, args) = context.apiCall(context.entries[i]) else { continue }
      let name = MigrationContext.driverName(context.entries[i].occurrence.name)
      let q = context.queue
      var pieces: [Piece]
      var yieldsStatus = false
      switch name {
      case let allocator where Self.allocators[allocator] != nil:
        guard args.count >= 2, let (target, type) = context.assignmentTarget(args[0]), let size = context.source(args[1]) else { continue }
        context.claimDropped(args.dropFirst(2), rule: Self.id)
        let function = Self.allocators[allocator]!
        if isDevicePointer(type) { context.use(.devicePointer, in: file) }
        let allocation: [Piece] = isDevicePointer(type)
          ? [.text("static_cast<cu2sycl::device_ptr>(sycl::\(function)("), size, .text(", \(q)))")]
          : context.usmAllocation(function, pointerType: type, size: args[1], queue: [.text(q)])
        pieces = target + [.text(" = ")] + allocation
        if !context.isStatement(call) {
          // CUDA_ERROR_OUT_OF_MEMORY is 2, like cudaErrorMemoryAllocation.
          pieces = context.allocationStatus(pieces)
          yieldsStatus = true
        }
      case "cuMemFree", "cuMemFreeHost":
        guard args.count == 1, let p = context.source(args[0]) else { continue }
        pieces = [.text("sycl::free("), p, .text(", \(q))")]
      case "cuMemHostGetDevicePointer":
        // USM host memory is device-accessible at the same address.
        guard args.count >= 2, let (target, _) = context.assignmentTarget(args[0]), let p = context.source(args[1]) else { continue }
        context.claimDropped(args.dropFirst(2), rule: Self.id)
        let cast = Syntax.stripImplicit(args[1]).type.spelling.replacingSpaces() == "void*" ? "static_cast" : "reinterpret_cast"
        pieces = target + [.text(" = \(cast)<cu2sycl::device_ptr>("), p, .text(")")]
        context.use(.devicePointer, in: file)
      case "cuMemcpy", "cuMemcpyHtoD", "cuMemcpyDtoH", "cuMemcpyDtoD":
        guard args.count == 3, let d = context.source(args[0]), let s = context.source(args[1]), let n = context.source(args[2]) else { continue }
        pieces = [.text("\(q).memcpy("), d, .text(", "), s, .text(", "), n, .text(").wait()")]
      case "cuMemcpyAsync", "cuMemcpyHtoDAsync", "cuMemcpyDtoHAsync", "cuMemcpyDtoDAsync":
        guard args.count == 4, let d = context.source(args[0]), let s = context.source(args[1]), let n = context.source(args[2]) else { continue }
        pieces = context.queue(forStream: args[3], in: file, rule: Self.id) + [.text(".memcpy("), d, .text(", "), s, .text(", "), n, .text(")")]
      case "cuMemsetD8", "cuMemsetD16", "cuMemsetD32", "cuMemsetD8Async", "cuMemsetD16Async", "cuMemsetD32Async":
        let async = name.hasSuffix("Async")
        guard args.count == (async ? 4 : 3), let p = context.source(args[0]), let v = context.source(args[1]), let n = context.source(args[2]) else { continue }
        let queue: [Piece] = async ? context.queue(forStream: args[3], in: file, rule: Self.id) : [.text(q)]
        let wait = async ? "" : ".wait()"
        if let type = Self.fillTypes[name] {
          let value: [Piece] = Syntax.stripImplicit(args[1]).type.spelling == type ? [v] : [.text("static_cast<\(type)>("), v, .text(")")]
          pieces = queue + [.text(".fill("), p, .text(", ")] + value + [.text(", "), n, .text(")\(wait)")]
        } else {
          pieces = queue + [.text(".memset("), p, .text(", "), v, .text(", "), n, .text(")\(wait)")]
        }
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id) else { continue }
      context.use(.defaultQueue, in: file)
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .type && ["CUdeviceptr", "CUdeviceptr_v2"].contains($0.occurrence.name) }) {
      guard context.replaceWrittenName(i, with: "cu2sycl::device_ptr", rule: Self.id) else { continue }
      context.use(.devicePointer, in: context.entries[i].occurrence.file)
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// Whether an output parameter's type is CUdeviceptr (an integer in CUDA, the byte pointer here).
  private func isDevicePointer(_ type: String) -> Bool {
    let t = type.replacingSpaces()
    return t.hasPrefix("CUdeviceptr") || t == "unsignedlonglong"
  }
}
