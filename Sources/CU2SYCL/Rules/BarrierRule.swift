/// `__syncthreads()` is a work-group barrier (`__syncwarp()`, a sub-group barrier, is the warp rule's).
public struct BarrierRule: MigrationRule {
  public static let id = "barriers"
  public static let summary = "Maps __syncthreads() to sycl::group_barrier on the work-group."
  public static let covers = ["__syncthreads"]
  public static let examples = [
    RuleExample(cuda: "__global__ void k() { __syncthreads(); }\n",
                sycl: "void k(const sycl::nd_item<1> &item) { sycl::group_barrier(item.get_group()); }\n"),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    let groups = ["__syncthreads": "get_group()"]
    for i in context.pending({ $0.occurrence.kind == .function && groups[$0.occurrence.name] != nil }) {
      let o = context.entries[i].occurrence
      guard let cursor = context.entries[i].cursor, let call = context.call(named: cursor), let r = context.range(of: call),
            context.text(of: call).hasPrefix(o.name) else { continue }
      context.replace(r.file, r.range, with: "sycl::group_barrier(\(context.itemName).\(groups[o.name]!))", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
