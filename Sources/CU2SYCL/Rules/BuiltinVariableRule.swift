/// `threadIdx`, `blockIdx`, `blockDim`, `gridDim` and `warpSize` become `nd_item` queries. CUDA's x is
/// SYCL's last dimension: in an N-dimensional kernel x is N-1, y is N-2, z is N-3.
public struct BuiltinVariableRule: MigrationRule {
  public static let id = "builtin-variables"
  public static let summary = "Maps threadIdx/blockIdx/blockDim/gridDim/warpSize to nd_item queries with CUDA's x as SYCL's last dimension; warpSize is 32 in code that requires sub-groups of 32."
  public static let covers = ["threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void tile(float *m, int w) {
        int col = blockIdx.x * 16 + threadIdx.x, row = blockIdx.y * 16 + threadIdx.y;
        m[row * w + col] = gridDim.x * blockDim.y;
      }

      """,
      sycl: """
      void tile(float *m, int w, const sycl::nd_item<2> &item) {
        int col = item.get_group(1) * 16 + item.get_local_id(1), row = item.get_group(0) * 16 + item.get_local_id(0);
        m[row * w + col] = item.get_group_range(1) * item.get_local_range(0);
      }

      """),
    // Flagged (W010): warpSize in a kernel without warp functions is the sub-group size.
    RuleExample(
      cuda: """
      __global__ void lanes(int *lane, int *warp) {
        lane[threadIdx.x] = threadIdx.x % warpSize;
        warp[threadIdx.x] = threadIdx.x / warpSize;
      }

      """,
      sycl: """
      void lanes(int *lane, int *warp, const sycl::nd_item<1> &item) {
        // CU2SYCL-W010: warpSize is now the sub-group size, which need not be 32; check code that assumes 32
        lane[item.get_local_id(0)] = item.get_local_id(0) % item.get_sub_group().get_max_local_range()[0];
        // CU2SYCL-W010: warpSize is now the sub-group size, which need not be 32; check code that assumes 32
        warp[item.get_local_id(0)] = item.get_local_id(0) / item.get_sub_group().get_max_local_range()[0];
      }

      """),
  ]

  static let wholeQueries = ["threadIdx": "get_local_id()", "blockIdx": "get_group().get_group_id()", "blockDim": "get_local_range()",
                              "gridDim": "get_group_range()"]
  static let queries = ["threadIdx": "get_local_id", "blockIdx": "get_group", "blockDim": "get_local_range", "gridDim": "get_group_range"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .builtinVariable }) {
      let o = context.entries[i].occurrence
      guard let cursor = context.entries[i].cursor, let function = context.enclosingFunction(of: cursor),
            let n = context.plan.dimensions[function.usr] else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.unsupported,
                      message: "'\(o.name)' is used outside device code; replace it by hand")
        continue
      }
      let range = o.offset..<(o.offset + o.length)
      let parts = o.name.split(separator: ".").map(String.init)
      // Kernels using warp functions require sub-groups of 32 ([[sycl::reqd_sub_group_size(32)]]),
      // and every kernel that reaches such a function uses them: there warpSize is exactly 32.
      if o.name == "warpSize", !context.entries[i].inMacroBody, context.plan.usesSubGroups.contains(function.usr) {
        context.replace(o.file, range, with: "32", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
        continue
      }
      if o.name == "warpSize" {
        context.replace(o.file, range, with: "\(context.itemName).get_sub_group().get_max_local_range()[0]", rule: Self.id)
        context.claim(i, .review, rule: Self.id, warning: Warnings.subGroupSize,
                      message: "warpSize is now the sub-group size, which need not be 32; check code that assumes 32")
        continue
      }
      // A whole blockDim (or threadIdx, ...) is a dim3 value: the runtime's dim3 built from the item's
      // range or id, whose last dimension is CUDA's x.
      if parts.count == 1, let whole = Self.wholeQueries[o.name], !context.entries[i].inMacroBody {
        context.replace(o.file, range, with: "cu2sycl::dim3(\(context.itemName).\(whole))", rule: Self.id)
        context.use(.dim3, in: o.file)
        context.claim(i, .converted, rule: Self.id)
        continue
      }
      guard parts.count == 2, let query = Self.queries[parts[0]],
            let d = context.syclIndex(component: parts[1], dimensions: n) else { continue }
      context.replace(o.file, range, with: "\(context.itemName).\(query)(\(d))", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
