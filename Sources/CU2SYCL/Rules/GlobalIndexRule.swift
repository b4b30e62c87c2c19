import Clang

/// The global-index idiom `blockIdx.x * blockDim.x + threadIdx.x` (in any operand order) becomes
/// `item.get_global_id(0)`, and `blockDim.x * gridDim.x` becomes `item.get_global_range(0)`.
public struct GlobalIndexRule: MigrationRule {
  public static let id = "global-index"
  public static let summary = "Recognizes the global-index and grid-stride idioms and uses SYCL's global id and range."
  public static let covers = ["blockIdx * blockDim + threadIdx", "blockDim * gridDim"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void scale(float *v, int n) {
        for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) v[i] *= 2;
      }

      """,
      sycl: """
      void scale(float *v, int n, const sycl::nd_item<1> &item) {
        for (int i = item.get_global_id(0); i < n; i += item.get_global_range(0)) v[i] *= 2;
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .builtinVariable && !$0.inMacroBody }) where !context.isClaimed(i) {
      guard let cursor = context.entries[i].cursor, let function = context.enclosingFunction(of: cursor),
            let n = context.plan.dimensions[function.usr] else { continue }
      let name = context.entries[i].occurrence.name
      let parts = name.split(separator: ".").map(String.init)
      guard parts.count == 2, let product = context.semanticParent(of: cursor), context.binaryOperator(product) == "*",
            let d = context.syclIndex(component: parts[1], dimensions: n) else { continue }
      let factors = Set(product.children.compactMap { builtinName(Syntax.stripImplicit($0), context) })
      if factors == ["blockDim.\(parts[1])", "gridDim.\(parts[1])"] {
        replace(product, with: "\(context.itemName).get_global_range(\(d))", context: context)
        continue
      }
      guard factors == ["blockIdx.\(parts[1])", "blockDim.\(parts[1])"], let sum = context.semanticParent(of: product),
            context.binaryOperator(sum) == "+" else { continue }
      let terms = sum.children.map { Syntax.stripImplicit($0) }
      guard terms.contains(where: { builtinName($0, context) == "threadIdx.\(parts[1])" }) else { continue }
      replace(sum, with: "\(context.itemName).get_global_id(\(d))", context: context)
    }
  }

  private func builtinName(_ c: Cursor, _ context: MigrationContext) -> String? {
    var c = c
    while c.kind == .parenExpr, let inner = c.children.first { c = Syntax.stripImplicit(inner) }
    guard c.kind == .memberRefExpr, let r = context.range(of: c) else { return nil }
    return context.entries.first { $0.occurrence.file == r.file && $0.occurrence.offset == r.range.lowerBound
      && $0.occurrence.kind == .builtinVariable }?.occurrence.name
  }

  private func replace(_ c: Cursor, with text: String, context: MigrationContext) {
    guard let r = context.range(of: c) else { return }
    context.replace(r.file, r.range, with: text, rule: Self.id)
    context.claimAll(in: r.file, r.range, .converted, rule: Self.id) { $0.kind == .builtinVariable }
  }
}
