import Clang
import Foundation

/// CUDA atomics on a pointer become `sycl::atomic_ref` on the pointed-to object: relaxed order (CUDA's
/// atomics do not order other memory), device scope (work-group scope and local space for `__shared__`
/// variables; `_block` and `_system` variants pick their scope). atomicCAS, atomicInc and atomicDec,
/// which atomic_ref has no member for, call small helpers that take the atomic_ref.
public struct AtomicRule: MigrationRule {
  public static let id = "atomics"
  public static let summary = "Maps atomicAdd/Sub/Exch/Min/Max/And/Or/Xor/CAS/Inc/Dec (and _block/_system variants) to sycl::atomic_ref operations."
  static let baseNames = ["atomicAdd", "atomicSub", "atomicExch", "atomicMin", "atomicMax", "atomicAnd", "atomicOr", "atomicXor",
                          "atomicCAS", "atomicInc", "atomicDec"]
  public static let covers = baseNames + baseNames.flatMap { [$0 + "_block", $0 + "_system"] }
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
    RuleExample(
      cuda: """
      __device__ double addDouble(double *address, double val) {
        unsigned long long int *bits = (unsigned long long int *)address;
        unsigned long long int old = *bits, assumed;
        do {
          assumed = old;
          old = atomicCAS(bits, assumed, __double_as_longlong(val + __longlong_as_double(assumed)));
        } while (assumed != old);
        return __longlong_as_double(old);
      }
      __global__ void ticket(unsigned int *ring, int *lock) {
        unsigned int slot = atomicInc(ring, 7u);
        while (atomicCAS_block(lock, 0, 1) != 0) {}
        atomicExch_block(lock, 0);
      }

      """,
      sycl: """
      double addDouble(double *address, double val) {
        unsigned long long int *bits = (unsigned long long int *)address;
        unsigned long long int old = *bits, assumed;
        do {
          assumed = old;
          old = cu2sycl::atomic_compare_exchange(sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(*bits), assumed, sycl::bit_cast<long long>(val + sycl::bit_cast<double>(static_cast<long long>(assumed))));
        } while (assumed != old);
        return sycl::bit_cast<double>(static_cast<long long>(old));
      }
      void ticket(unsigned int *ring, int *lock, const sycl::nd_item<1> &item) {
        unsigned int slot = cu2sycl::atomic_inc(sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*ring), 7u);
        while (cu2sycl::atomic_compare_exchange(sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::work_group>(*lock), 0, 1) != 0) {}
        sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::work_group>(*lock).exchange(0);
      }

      """),
    // Flagged (W022): a 16-bit atomic.
    RuleExample(
      cuda: """
      __global__ void mark(const int *index, unsigned short *seen) {
        atomicCAS(&seen[index[threadIdx.x]], (unsigned short)0, (unsigned short)1);
      }

      """,
      sycl: """
      void mark(const int *index, unsigned short *seen, const sycl::nd_item<1> &item) {
        // CU2SYCL-W022: atomicCAS on unsigned short: sycl::atomic_ref has no unsigned short form; use a 32-bit type or a compare-exchange loop on the enclosing word
        atomicCAS(&seen[index[item.get_local_id(0)]], (unsigned short)0, (unsigned short)1);
      }

      """),
    // The other read-modify-write operations map to atomic_ref's members.
    RuleExample(
      cuda: """
      __global__ void stats(const int *v, int *lo, int *hi, int *left, int *last) {
        int x = v[threadIdx.x];
        atomicMin(lo, x);
        atomicMax(hi, x);
        atomicSub(left, 1);
        atomicExch(last, x);
      }

      """,
      sycl: """
      void stats(const int *v, int *lo, int *hi, int *left, int *last, const sycl::nd_item<1> &item) {
        int x = v[item.get_local_id(0)];
        sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*lo).fetch_min(x);
        sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*hi).fetch_max(x);
        sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*left).fetch_sub(1);
        sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*last).exchange(x);
      }

      """),
  ]

  static let operations = ["atomicAdd": "fetch_add", "atomicSub": "fetch_sub", "atomicExch": "exchange", "atomicMin": "fetch_min",
                           "atomicMax": "fetch_max", "atomicAnd": "fetch_and", "atomicOr": "fetch_or", "atomicXor": "fetch_xor"]
  /// Operations atomic_ref has no member for: a helper that takes the atomic_ref.
  static let helpers: [String: (name: String, helper: RuntimeHelper, arguments: Int)] = [
    "atomicCAS": ("cu2sycl::atomic_compare_exchange", .atomicCompareExchange, 3),
    "atomicInc": ("cu2sycl::atomic_inc", .atomicWrap, 2),
    "atomicDec": ("cu2sycl::atomic_dec", .atomicWrap, 2),
  ]
  /// Types CUDA has atomics for that sycl::atomic_ref does not support (it takes 32- and 64-bit
  /// integers, float, double and pointers; a dependent type is left to the template's instantiation).
  static let unsupportedTypes: Set<String> = ["unsigned short", "short", "char", "signed char", "unsigned char", "bool"]

  public init() {}

  public func apply(to context: MigrationContext) {
    let names = Set(Self.covers)
    for i in context.pending({ $0.occurrence.kind == .function && names.contains($0.occurrence.name) && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      var base = o.name
      var scope = "device"
      if base.hasSuffix("_block") { base = String(base.dropLast(6)); scope = "work_group" }
      if base.hasSuffix("_system") { base = String(base.dropLast(7)); scope = "system" }
      let op = Self.operations[base], helper = Self.helpers[base]
      guard op != nil || helper != nil, let cursor = context.entries[i].cursor, let call = context.call(named: cursor),
            let r = context.range(of: call), context.text(of: call).hasPrefix(o.name) else { continue }
      let args = context.writtenArguments(call)
      guard args.count == (helper?.arguments ?? 2) else { continue }
      let element = args[0].type.pointee.spelling.replacingOccurrences(of: "volatile ", with: "")
      let plain = MigrationContext.plainType(args[0].type.pointee)
      guard !Self.unsupportedTypes.contains(plain), !plain.contains("half"), !plain.contains("bfloat16") else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.atomicType,
                      message: "\(o.name) on \(element): sycl::atomic_ref has no \(element) form; use a 32-bit type or a compare-exchange loop on the enclosing word")
        continue
      }
      let (object, shared) = pointee(of: args[0], context)
      guard !object.isEmpty else { continue }
      var type = "sycl::atomic_ref<\(element), sycl::memory_order::relaxed, sycl::memory_scope::\(shared && scope == "device" ? "work_group" : scope)"
      if shared { type += ", sycl::access::address_space::local_space" }
      type += ">"
      // The values convert implicitly, as in CUDA (atomic_ref's and the helpers' parameters are the element type).
      let values = args.dropFirst().compactMap { context.source($0).map { [$0] } }
      guard values.count == args.count - 1 else { continue }
      if let op {
        context.edit(r.file, r.range, [.text(type + "(")] + object + [.text(").\(op)(")] + values[0] + [.text(")")], rule: Self.id)
      } else if let helper {
        var pieces: [Piece] = [.text(helper.name + "(" + type + "(")] + object + [.text(")")]
        for v in values { pieces += [.text(", ")] + v }
        context.edit(r.file, r.range, pieces + [.text(")")], rule: Self.id)
        context.use(helper.helper, in: r.file)
      }
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
