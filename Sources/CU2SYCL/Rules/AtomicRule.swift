import Clang
import Foundation

/// CUDA atomics on a pointer become `sycl::atomic_ref` on the pointed-to object: relaxed order (CUDA's
/// atomics do not order other memory), device scope (work-group scope and local space for `__shared__`
/// variables; `_block` and `_system` variants pick their scope).
public struct AtomicRule: MigrationRule {
  public static let id = "atomics"
  public static let summary = "Maps atomicAdd/Sub/Exch/Min/Max/And/Or/Xor (and _block/_system variants) to sycl::atomic_ref operations."
  public static let covers = ["atomicAdd", "atomicSub", "atomicExch", "atomicMin", "atomicMax", "atomicAnd", "atomicOr", "atomicXor"]
    + ["atomicAdd", "atomicSub", "atomicExch", "atomicMin", "atomicMax", "atomicAnd", "atomicOr", "atomicXor"].flatMap { [$0 + "_block", $0 + "_system"] }
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void count(const int *v, unsigned int *hits, float *total) {
        if (v[threadIdx.x] > 0) atomicAdd(&hits[v[threadIdx.x] % 8], 1u);
        float old = atomicAdd(total, 1.5f);
      }

      """,
      sycl: """
      void count(const int *v, unsigned int *hits, float *total, const sycl::nd_item<1> &item) {
        if (v[item.get_local_id(0)] > 0) sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(hits[v[item.get_local_id(0)] % 8]).fetch_add(1u);
        float old = sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(*total).fetch_add(1.5f);
      }

      """),
  ]

  static let operations = ["atomicAdd": "fetch_add", "atomicSub": "fetch_sub", "atomicExch": "exchange", "atomicMin": "fetch_min",
                           "atomicMax": "fetch_max", "atomicAnd": "fetch_and", "atomicOr": "fetch_or", "atomicXor": "fetch_xor"]

  public init() {}

  public func apply(to context: MigrationContext) {
    let names = Set(Self.covers)
    for i in context.pending({ $0.occurrence.kind == .function && names.contains($0.occurrence.name) && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      var base = o.name
      var scope = "device"
      if base.hasSuffix("_block") { base = String(base.dropLast(6)); scope = "work_group" }
      if base.hasSuffix("_system") { base = String(base.dropLast(7)); scope = "system" }
      guard let op = Self.operations[base], let cursor = context.entries[i].cursor, let call = context.call(named: cursor),
            let r = context.range(of: call), context.text(of: call).hasPrefix(o.name) else { continue }
      let args = context.writtenArguments(call)
      guard args.count == 2, let value = context.source(args[1]) else { continue }
      let element = args[0].type.pointee.spelling.replacingOccurrences(of: "volatile ", with: "")
      let (object, shared) = pointee(of: args[0], context)
      guard !object.isEmpty else { continue }
      var type = "sycl::atomic_ref<\(element), sycl::memory_order::relaxed, sycl::memory_scope::\(shared && scope == "device" ? "work_group" : scope)"
      if shared { type += ", sycl::access::address_space::local_space" }
      type += ">"
      context.edit(r.file, r.range, [.text(type + "(")] + object + [.text(").\(op)("), value, .text(")")], rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// The object an address expression points to (`&x` gives `x`, `p` gives `*p`), and whether it is shared memory.
  private func pointee(of address: Cursor, _ context: MigrationContext) -> ([Piece], Bool) {
    let c = Syntax.stripImplicit(address)
    let shared = referencesShared(c)
    if c.kind == .unaryOperator, context.text(of: c).hasPrefix("&"), let operand = c.children.first, let p = context.source(operand) {
      return ([p], shared)
    }
    guard let p = context.source(c) else { return ([], false) }
    return ([.text("*")] + (Syntax.needsParentheses(context.text(of: c)) ? [.text("("), p, .text(")")] : [p]), shared)
  }

  private func referencesShared(_ c: Cursor) -> Bool {
    if c.kind == .declRefExpr, let v = c.referenced, v.kind == .varDecl {
      return v.children.contains { $0.kind == .cudaSharedAttr }
    }
    // Only the base of a subscript or member names the object; indices do not.
    let children = c.children
    guard let first = children.first else { return false }
    return referencesShared(Syntax.stripImplicit(first))
  }
}
