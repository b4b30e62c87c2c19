import Clang

/// Occupancy and kernel-attribute queries. SYCL 2020 reports a device's work-group limit and compute
/// units, not per-kernel occupancy, so the helpers answer from those: block sizes stay valid for the
/// device and grids fill it. `cudaFuncGetAttributes` yields `cu2sycl::func_attributes` with CUDA's field
/// names; fields SYCL cannot know (registers, static shared memory) are flagged where read.
public struct OccupancyRule: MigrationRule {
  public static let id = "occupancy"
  public static let summary = "Maps occupancy and kernel-attribute queries to device limits."
  public static let covers = ["cudaOccupancyMaxPotentialBlockSize", "cudaOccupancyMaxActiveBlocksPerMultiprocessor",
                              "cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags", "cudaFuncGetAttributes", "cudaFuncAttributes",
                              "cudaOccupancyDefault"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void scale(float *v, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) v[i] *= 2.0f;
      }
      void run(float *v, int n) {
        int minGrid = 0, block = 0, perUnit = 0;
        cudaOccupancyMaxPotentialBlockSize(&minGrid, &block, scale, 0, 0);
        cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perUnit, scale, block, 0);
        cudaFuncAttributes attr;
        cudaFuncGetAttributes(&attr, scale);
        if (block > attr.maxThreadsPerBlock) block = attr.maxThreadsPerBlock;
        scale<<<(n + block - 1) / block, block>>>(v, n);
      }

      """,
      sycl: """
      void scale(float *v, int n, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        if (i < n) v[i] *= 2.0f;
      }
      void run(float *v, int n) {
        int minGrid = 0, block = 0, perUnit = 0;
        cu2sycl::max_potential_block_size(&minGrid, &block, 0);
        cu2sycl::max_active_blocks_per_unit(&perUnit, block);
        cu2sycl::func_attributes attr;
        attr = cu2sycl::function_attributes();
        if (block > attr.maxThreadsPerBlock) block = attr.maxThreadsPerBlock;
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + block - 1) / block * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
          scale(v, n, item);
        });
      }

      """),
  ]

  /// func_attributes fields SYCL cannot report, with what they hold.
  static let standInFields: [String: String] = [
    "numRegs": "SYCL does not report a kernel's registers; this is 0",
    "sharedSizeBytes": "SYCL does not report a kernel's static local memory; this is 0",
    "constSizeBytes": "SYCL 2020 has no constant memory; this is 0",
    "localSizeBytes": "SYCL does not report a kernel's private memory; this is 0",
    "ptxVersion": "SYCL kernels have no PTX version; this is 0",
    "binaryVersion": "SYCL kernels have no binary version; this is 0",
  ]
  static let measuredFields: Set<String> = ["maxThreadsPerBlock", "maxDynamicSharedSizeBytes"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      var pieces: [Piece]
      switch o.name {
      case "cudaOccupancyMaxPotentialBlockSize":
        guard args.count >= 3, let grid = context.source(args[0]), let block = context.source(args[1]) else { continue }
        let limit = args.count >= 5 ? context.writtenSource(args[4]) : nil
        pieces = [.text("cu2sycl::max_potential_block_size("), grid, .text(", "), block, .text(", ")] + [limit ?? .text("0")] + [.text(")")]
      case "cudaOccupancyMaxActiveBlocksPerMultiprocessor", "cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags":
        guard args.count >= 3, let count = context.source(args[0]), let block = context.writtenSource(args[2]) else { continue }
        pieces = [.text("cu2sycl::max_active_blocks_per_unit("), count, .text(", "), block, .text(")")]
      case "cudaFuncGetAttributes":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        pieces = target + [.text(" = cu2sycl::function_attributes()")]
      default:
        continue
      }
      // The kernel and dynamic shared memory arguments do not change the answer.
      for a in args {
        if let ar = context.writtenRange(of: a) { context.claimAll(in: ar.file, ar.range, .converted, rule: Self.id) }
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: o.name != "cudaFuncGetAttributes", rule: Self.id) else { continue }
      context.use(.occupancy, in: r.file)
      context.claim(i, .converted, rule: Self.id)
    }
    context.rename([.type], rule: Self.id, helpers: [.occupancy]) { $0 == "cudaFuncAttributes" ? "cu2sycl::func_attributes" : nil }
    context.claimFields(of: "cudaFuncAttributes", measured: Self.measuredFields, standIns: Self.standInFields, rule: Self.id)
  }
}
