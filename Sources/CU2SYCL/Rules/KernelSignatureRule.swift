import Clang

/// Kernels, and device functions that (transitively) read built-ins, sync or use shared memory,
/// receive `const sycl::nd_item<N> &item` and their local memory as parameters; calls between them pass
/// these along.
public struct KernelSignatureRule: MigrationRule {
  public static let id = "kernel-signature"
  public static let summary = "Adds the nd_item (and local memory) parameters to kernels and to the device functions that need them, and passes them along the call graph."
  public static let covers = ["__global__ functions", "device call graph"]
  public static let claimsOccurrences = false
  public static let examples = [
    RuleExample(
      cuda: """
      __device__ int lane() { return threadIdx.x; }
      __device__ int twice_lane() { return 2 * lane(); }
      __global__ void fill(int *out) { out[lane()] = twice_lane(); }

      """,
      sycl: """
      int lane(const sycl::nd_item<1> &item) { return item.get_local_id(0); }
      int twice_lane(const sycl::nd_item<1> &item) { return 2 * lane(item); }
      void fill(int *out, const sycl::nd_item<1> &item) { out[lane(item)] = twice_lane(item); }

      """),
    // A variadic template takes them before its parameter pack, where calls still deduce the pack.
    RuleExample(
      cuda: """
      template <typename... T> __device__ void set(int v, T... t) { ((t[threadIdx.x] = v), ...); }
      template <typename... T> __global__ void fill(int v, T... t) { set(v, t...); }

      """,
      sycl: """
      template <typename... T> void set(int v, const sycl::nd_item<1> &item, T... t) { ((t[item.get_local_id(0)] = v), ...); }
      template <typename... T> void fill(int v, const sycl::nd_item<1> &item, T... t) { set(v, item, t...); }

      """),
    // Flagged (W008): a host caller of a __host__ __device__ function that now takes the item.
    RuleExample(
      cuda: """
      __host__ __device__ inline int lane_id() { return threadIdx.x % 32; }
      __global__ void k(int *out) { out[threadIdx.x] = lane_id(); }
      inline bool first_lane() { return lane_id() == 0; }

      """,
      sycl: """
      inline int lane_id(const sycl::nd_item<1> &item) { return item.get_local_id(0) % 32; }
      void k(int *out, const sycl::nd_item<1> &item) { out[item.get_local_id(0)] = lane_id(item); }
      // CU2SYCL-W008: 'lane_id' now takes the nd_item; this host call must be rewritten
      inline bool first_lane() { return lane_id() == 0; }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    let plan = context.plan
    for usr in context.census.functionOrder where plan.needsItem.contains(usr) {
      guard let f = context.census.functions[usr] else { continue }
      let n = plan.dimensions[usr] ?? 1
      var params = ["const sycl::nd_item<\(n)> &\(context.itemName)"]
      params += (plan.localVariables[usr] ?? []).compactMap { SharedVariableShape($0, context: context)?.parameter }
      params += (plan.globalVariables[usr] ?? []).compactMap { SharedVariableShape($0.asParameterVariable, context: context)?.parameter }
      if plan.usesStream.contains(usr) { params.append("const sycl::stream &\(context.streamName)") }
      // A function a macro defines is the macro's text: flag it at each expansion instead of editing there.
      if f.definedInMacro {
        for decl in f.declarations {
          guard let r = context.range(of: decl) else { continue }
          context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.macroBody.id,
                                    message: "'\(f.name)' is defined by a macro and needs the nd_item (const sycl::nd_item<\(n)> &\(context.itemName)) as a parameter: add it in the macro by hand")
        }
        continue
      }
      for decl in f.declarations { addParameters(params, to: decl, beforePack: f.packIndex, context: context) }
      // Parameters after defaulted ones cannot go without defaults: the defaults move to the calls.
      let defaults = Self.removeDefaultArguments(f, context: context)
      // Calls from other device functions pass the item, local memory and device variables along.
      let args = [context.itemName] + (plan.localVariables[usr] ?? []).map(\.name) + (plan.globalVariables[usr] ?? []).map(\.name)
        + (plan.usesStream.contains(usr) ? [context.streamName] : [])
      for callerUSR in context.census.functionOrder {
        guard let callerInfo = context.census.functions[callerUSR] else { continue }
        for call in callerInfo.calls where call.callee == usr {
          if plan.needsItem.contains(callerInfo.usr) {
            if let k = f.packIndex {
              insertArguments(args, beforePack: k, defaults: defaults, in: call.call, callee: f.name, context: context)
            } else {
              appendArguments(Self.omittedDefaults(defaults, call: call.call, context: context) + args, to: call.call, context: context)
            }
          } else if let r = context.range(of: call.call) {
            context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.hostDeviceItem.id,
                                      message: "'\(f.name)' now takes the nd_item; this host call must be rewritten")
          }
        }
      }
    }
  }

  private func addParameters(_ params: [String], to decl: Cursor, beforePack: Int?, context: MigrationContext) {
    guard let r = context.range(of: decl), let text = context.texts[r.file] else { return }
    let joined = params.joined(separator: ", ")
    let parms = decl.children.filter { $0.kind == .parmDecl }
    if let k = beforePack, k < parms.count, let pr = context.range(of: parms[k]) {
      context.replace(r.file, pr.range.lowerBound..<pr.range.lowerBound, with: joined + ", ", rule: Self.id)
      return
    }
    if let last = parms.last, let lr = context.range(of: last) {
      context.replace(r.file, lr.range.upperBound..<lr.range.upperBound, with: ", " + joined, rule: Self.id)
      return
    }
    // No parameters: find `(` after the name and the matching `)`, replacing an optional `void`.
    let tokens = decl.tokens
    guard let nameIndex = tokens.firstIndex(where: { $0.spelling == decl.spelling }),
          nameIndex + 1 < tokens.count, tokens[nameIndex + 1].spelling == "(",
          let open = tokens[nameIndex + 1].range.end.spelling?.offset else { return }
    var close = nameIndex + 2
    while close < tokens.count, tokens[close].spelling != ")" { close += 1 }
    guard close < tokens.count, let closeAt = tokens[close].range.start.spelling?.offset else { return }
    _ = text
    context.replace(r.file, open..<closeAt, with: joined, rule: Self.id)
  }

  /// Each parameter's default text (nil for parameters without one), from whichever declaration has it,
  /// and the ` = value` ranges to remove.
  static func defaultArguments(_ f: FunctionInfo, context: MigrationContext) -> (texts: [String?], removals: [(String, Range<Int>)]) {
    var defaults: [String?] = []
    var removals: [(String, Range<Int>)] = []
    for decl in f.declarations {
      let parms = decl.children.filter { $0.kind == .parmDecl }
      if defaults.count < parms.count { defaults += Array(repeating: nil, count: parms.count - defaults.count) }
      for (i, p) in parms.enumerated() {
        let tokens = p.tokens
        guard let eq = tokens.firstIndex(where: { $0.spelling == "=" }), let r = context.range(of: p), let text = context.texts[r.file],
              let at = tokens[eq].range.start.spelling?.offset, let valueStart = tokens.dropFirst(eq + 1).first?.range.start.spelling?.offset,
              r.range.contains(at) else { continue }
        defaults[i] = text[valueStart..<r.range.upperBound].trimmingCharacters(in: .whitespaces)
        // From the end of the declarator (spaces before `=` included) to the end of the value.
        var start = at
        while start > r.range.lowerBound, text.bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
        removals.append((r.file, start..<r.range.upperBound))
      }
    }
    return (defaults, removals)
  }

  static func defaultArgumentTexts(_ f: FunctionInfo, context: MigrationContext) -> [String?] { defaultArguments(f, context: context).texts }

  /// Removes ` = value` from parameters (in every declaration) and returns the defaults.
  static func removeDefaultArguments(_ f: FunctionInfo, context: MigrationContext) -> [String?] {
    let (texts, removals) = defaultArguments(f, context: context)
    for (file, range) in removals { context.replace(file, range, with: "", rule: id) }
    return texts
  }

  /// The defaults of the parameters a call leaves out.
  static func omittedDefaults(_ defaults: [String?], call: Cursor, context: MigrationContext) -> [String] {
    let written = context.writtenArguments(call).count
    guard written < defaults.count else { return [] }
    return defaults[written...].map { $0 ?? "" }
  }

  /// A call of a variadic function: the item and local memory go before the arguments of its pack,
  /// after the `k` arguments of the parameters before it.
  private func insertArguments(_ args: [String], beforePack k: Int, defaults: [String?], in call: Cursor, callee: String,
                               context: MigrationContext) {
    let written = context.writtenArguments(call)
    guard let place = Self.packPosition(k, written: written, defaults: defaults, context: context) else {
      if let r = context.range(of: call) {
        context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.variadicItem.id,
                                  message: "'\(callee)' now takes the nd_item before its parameter pack, and this call's arguments do not show where that is; pass \(args.joined(separator: ", ")) as argument \(k + 1) by hand")
      }
      return
    }
    switch place {
    case .append(let omitted): appendArguments(omitted + args, to: call, context: context)
    case .before(let argument):
      guard let r = context.writtenRange(of: argument) else { return }
      context.replace(r.file, r.range.lowerBound..<r.range.lowerBound, with: args.joined(separator: ", ") + ", ", rule: Self.id)
    }
  }

  enum PackPosition {
    /// After the written arguments, with the defaults of the parameters they leave out (no pack arguments).
    case append([String])
    /// Before this argument, the pack's first.
    case before(Cursor)
  }

  /// Where the arguments a variadic function now takes before its pack (parameter `k`) go in a call;
  /// nil when an argument before that is itself a pack expansion (`f(args...)`), which hides the place.
  static func packPosition(_ k: Int, written: [Cursor], defaults: [String?], context: MigrationContext) -> PackPosition? {
    let expands = { (c: Cursor) in Syntax.stripImplicit(c).kind == .packExpansionExpr || context.text(of: c).hasSuffix("...") }
    if written.prefix(k).contains(where: expands) { return nil }
    if written.count > k { return .before(written[k]) }
    // Fewer arguments than the parameters before the pack: defaults fill the rest, and the pack is empty.
    let omitted = defaults.count >= k ? defaults[written.count..<k].map { $0 } : []
    guard omitted.allSatisfy({ $0 != nil }), written.count + omitted.count == k else { return nil }
    return .append(omitted.compactMap { $0 })
  }

  private func appendArguments(_ args: [String], to call: Cursor, context: MigrationContext) {
    guard let r = context.range(of: call), let text = context.texts[r.file], r.range.count >= 2,
          text.bytes[r.range.upperBound - 1] == UInt8(ascii: ")") else { return }
    let close = r.range.upperBound - 1
    let hasArgs = !context.writtenArguments(call).isEmpty
    context.replace(r.file, close..<close, with: (hasArgs ? ", " : "") + args.joined(separator: ", "), rule: Self.id)
  }
}
