/// CUDA's memory fences are sequentially consistent fences at the scope they name.
public struct FenceRule: MigrationRule {
  public static let id = "fences"
  public static let summary = "Maps __threadfence_block/__threadfence/__threadfence_system to sycl::atomic_fence at work-group, device and system scope."
  public static let covers = Array(scopes.keys).sorted()
  public static let examples = [
    RuleExample(cuda: """
      __global__ void publish(int *data, volatile int *flag) {
        data[threadIdx.x] = 1;
        __threadfence();
        if (threadIdx.x == 0) *flag = 1;
        __threadfence_block();
      }

      """,
      sycl: """
      void publish(int *data, volatile int *flag, const sycl::nd_item<1> &item) {
        data[item.get_local_id(0)] = 1;
        sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::device);
        if (item.get_local_id(0) == 0) *flag = 1;
        sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::work_group);
      }

      """),
  ]

  static let scopes = ["__threadfence": "device", "__threadfence_block": "work_group", "__threadfence_system": "system"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.scopes[$0.occurrence.name] != nil }) {
      let entry = context.entries[i]
      let o = entry.occurrence
      let fence = "sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::\(Self.scopes[o.name]!))"
      if entry.inMacroBody {
        guard let call = context.emptyCallInMacroBody(entry) else { continue }
        context.replace(o.file, call.range, with: fence, rule: Self.id)
      } else {
        guard let cursor = entry.cursor, let call = context.call(named: cursor), let r = context.range(of: call),
              context.text(of: call).hasPrefix(o.name) else { continue }
        context.replace(r.file, r.range, with: fence, rule: Self.id)
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
