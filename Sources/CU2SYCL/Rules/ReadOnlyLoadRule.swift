/// `__ldg(p)` loads through CUDA's read-only data cache; in SYCL it is a plain load (`*p`), and the
/// compiler picks the caching.
public struct ReadOnlyLoadRule: MigrationRule {
  public static let id = "read-only-loads"
  public static let summary = "Maps __ldg(p) to a plain load *p."
  public static let covers = ["__ldg"]
  public static let examples = [
    RuleExample(cuda: "__global__ void k(const float *in, float *out) { out[threadIdx.x] = __ldg(&in[threadIdx.x]) + __ldg(in); }\n",
                sycl: "void k(const float *in, float *out, const sycl::nd_item<1> &item) { out[item.get_local_id(0)] = in[item.get_local_id(0)] + *in; }\n"),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name == "__ldg" && !$0.inMacroBody }) {
      guard let cursor = context.entries[i].cursor, let call = context.call(named: cursor), let r = context.range(of: call),
            let address = context.writtenArguments(call).first else { continue }
      let c = Syntax.stripImplicit(address)
      // __ldg(&x) is x; __ldg(p) is *p.
      if c.kind == .unaryOperator, context.text(of: c).hasPrefix("&"), let operand = c.children.first, let p = context.source(operand) {
        context.edit(r.file, r.range, [p], rule: Self.id)
      } else {
        context.edit(r.file, r.range, [.text("*")] + context.operand(c), rule: Self.id)
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
