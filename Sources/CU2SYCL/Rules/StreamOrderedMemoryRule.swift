import Clang

/// Stream-ordered allocation. `cudaMallocAsync` allocates at once (the memory is ready before the stream
/// reaches the call, which CUDA allows); `cudaFreeAsync` must not release memory the stream's earlier work
/// still uses, and SYCL 2020 has no queue-ordered free, so `cu2sycl::free_async` waits for the queue, then
/// frees. Allocations from explicit memory pools are not converted.
public struct StreamOrderedMemoryRule: MigrationRule {
  public static let id = "stream-ordered-memory"
  public static let summary = "Maps cudaMallocAsync/cudaFreeAsync to USM allocation on the stream's queue and a free after its work."
  public static let covers = ["cudaMallocAsync", "cudaFreeAsync"]
  public static let examples = [
    RuleExample(
      cuda: """
      void scratch(int n, cudaStream_t s) {
        float *d;
        cudaMallocAsync(&d, n * sizeof(float), s);
        cudaMemsetAsync(d, 0, n * sizeof(float), s);
        cudaFreeAsync(d, s);
      }

      """,
      sycl: """
      void scratch(int n, cu2sycl::queue_ptr s) {
        float *d;
        d = sycl::malloc_device<float>(n, cu2sycl::queue(s));
        cu2sycl::queue(s).memset(d, 0, n * sizeof(float));
        cu2sycl::free_async(d, cu2sycl::queue(s));
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      var pieces: [Piece]
      var yieldsStatus = false
      if o.name == "cudaMallocAsync" {
        // Three arguments: the four-argument form allocates from a memory pool.
        guard args.count == 3, let (target, type) = context.assignmentTarget(args[0]) else { continue }
        let q = context.queue(forStream: args[2], in: r.file, rule: Self.id)
        pieces = target + [.text(" = ")] + context.usmAllocation("malloc_device", pointerType: type, size: args[1], queue: q)
        if !context.isStatement(call) { pieces = context.allocationStatus(pieces); yieldsStatus = true }
      } else {
        guard args.count == 2, let p = context.source(args[0]) else { continue }
        pieces = [.text("cu2sycl::free_async("), p, .text(", ")] + context.queue(forStream: args[1], in: r.file, rule: Self.id) + [.text(")")]
        context.use(.freeAsync, in: r.file)
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id) else { continue }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
