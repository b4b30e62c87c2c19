import Clang
import Foundation

/// How a call of one CUDA device function becomes SYCL, as data: the math, intrinsic and conversion
/// rules are tables of these.
///
/// A pattern is either a plain name (`sycl::sqrt`): the callee is renamed and the arguments stay as
/// written, with their formatting; or an expression in which `$0`, `$1`, ... stand for the arguments
/// and `%0`, `%1`, ... for the arguments as operands (parenthesized unless primary), e.g.
/// `static_cast<int>(sycl::rint($0))` or `%0 + %1`. An expression pattern is parenthesized where the
/// call stands in an operator context. Arguments that CUDA converted implicitly to the parameter type
/// get the conversion spelled out (`static_cast<float>(k)`, `2.0f` for the literal `2`), because SYCL's
/// built-ins are templates that do not convert.
public struct CallTemplate: Sendable {
  public var pattern: String
  /// The runtime helper the pattern calls, if any.
  public var helper: RuntimeHelper?
  /// Convert every argument to the call's own type (CUDA's mixed `min(int, unsigned)` overloads:
  /// SYCL's min/max take two arguments of one type).
  public var unify: Bool
  /// Used instead of `pattern` when the pattern repeats an argument that is not a plain name or
  /// literal (so it would be evaluated twice).
  public var fallback: String?
  public var fallbackHelper: RuntimeHelper?
  /// The result does not depend on the signedness of integer arguments (bit counts): an integer
  /// argument of the parameter's size is passed as written. (CUDA's SDK and cu2sycl's declarations
  /// disagree on the signedness of some of these parameters.)
  public var signednessFree: Bool
  /// The replacement is an ordinary function with CUDA's parameter types (a runtime helper such as
  /// `cu2sycl::mul24(int, int)`): arguments convert implicitly, as they did in CUDA.
  public var typed: Bool

  public init(_ pattern: String, helper: RuntimeHelper? = nil, unify: Bool = false, fallback: String? = nil,
              fallbackHelper: RuntimeHelper? = nil, signednessFree: Bool = false, typed: Bool = false) {
    self.signednessFree = signednessFree
    self.typed = typed
    self.pattern = pattern
    self.helper = helper
    self.unify = unify
    self.fallback = fallback
    self.fallbackHelper = fallbackHelper
  }

  public var isName: Bool { !pattern.contains("(") && !pattern.contains("$") && !pattern.contains("%") && !pattern.contains(" ") }

  /// Whether the pattern's result is an operator expression (not primary).
  public var isOperatorExpression: Bool { !isName && Self.patternNeedsParentheses(pattern) }

  static func patternNeedsParentheses(_ pattern: String) -> Bool {
    var t = pattern.replacingOccurrences(of: "::", with: "")
    for i in (0...9).reversed() { t = t.replacingOccurrences(of: "$\(i)", with: "x").replacingOccurrences(of: "%\(i)", with: "x") }
    return Syntax.needsParentheses(t)
  }

  /// Placeholder indices the pattern uses more than once.
  func repeatedArguments(_ pattern: String) -> Set<Int> {
    var counts: [Int: Int] = [:]
    let chars = Array(pattern)
    for i in chars.indices.dropLast() where (chars[i] == "$" || chars[i] == "%") {
      if let d = chars[i + 1].wholeNumberValue { counts[d, default: 0] += 1 }
    }
    return Set(counts.filter { $0.value > 1 }.keys)
  }
}

/// Every table-driven device-function template, for deciding how a nested call renders.
enum CallTemplates {
  static func lookup(_ name: String, declaration: Cursor?) -> CallTemplate? {
    MathRule.template(for: name, declaration: declaration) ?? IntrinsicRule.template(for: name, declaration: declaration)
  }

  /// The key of a specific overload in a table: `pow:float (float, int)`.
  /// The template for a call: the overload-specific entry (`name:signature`) when there is one, else the name's.
  static func lookup(_ table: [String: CallTemplate], _ name: String, _ declaration: Cursor?) -> CallTemplate? {
    if let key = overloadKey(name, declaration), let t = table[key] { return t }
    return table[name]
  }

  static func overloadKey(_ name: String, _ declaration: Cursor?) -> String? {
    guard let d = declaration else { return nil }
    return name + ":" + d.type.canonical.spelling
  }
}

extension MigrationContext {
  /// Rewrites the call of a CUDA device function named by census entry `index` with a template and
  /// claims it. Returns false (claiming nothing) when the call cannot be rewritten here.
  @discardableResult
  func rewriteCall(_ index: Int, with template: CallTemplate, rule: String) -> Bool {
    let entry = entries[index]
    let o = entry.occurrence
    guard let cursor = entry.cursor else { return false }
    if entry.inMacroBody {
      // In a #define only the name can be replaced, and only when nothing else needs to change.
      guard template.isName, let call = call(named: cursor),
            template.typed || !writtenArguments(call).contains(where: { conversion(of: $0, to: template.unify ? call.type : nil) != nil }) else {
        claim(index, .manual, rule: rule, warning: Warnings.macroBody,
              message: "\(o.name) in a macro body: convert it by hand (\(template.pattern.replacingOccurrences(of: "$", with: "x")))")
        return true
      }
      replace(o.file, o.offset..<(o.offset + o.length), with: template.pattern, rule: rule)
      if let h = template.helper { use(h, in: o.file) }
      claim(index, .converted, rule: rule)
      return true
    }
    guard let call = call(named: cursor), let callRange = range(of: call), let callee = range(of: cursor),
          callee.file == callRange.file, callee.range.lowerBound == callRange.range.lowerBound, let text = texts[o.file] else { return false }
    let calleeText = text[callee.range]
    guard calleeText == o.name || calleeText.hasSuffix("::" + o.name) else { return false }
    let args = writtenArguments(call)
    guard args.allSatisfy({ range(of: $0)?.file == o.file }) else { return false }
    let target: CType? = template.unify ? call.type : nil
    var pattern = template.pattern
    var helper = template.helper
    if let fallback = template.fallback,
       template.repeatedArguments(pattern).contains(where: { $0 < args.count && !isPlainOperand(args[$0]) }) {
      pattern = fallback
      helper = template.fallbackHelper
    }
    var pieces: [Piece] = []
    if template.isName {
      pieces.append(.text(pattern))
      var pos = callee.range.upperBound
      for arg in args {
        let r = range(of: arg)!.range
        if r.lowerBound > pos { pieces.append(.source(pos..<r.lowerBound)) }
        pieces += template.typed ? [.source(r)] : argument(arg, to: target, signednessFree: template.signednessFree).pieces
        pos = r.upperBound
      }
      if callRange.range.upperBound > pos { pieces.append(.source(pos..<callRange.range.upperBound)) }
    } else {
      let rendered = args.map { argument($0, to: target, signednessFree: template.signednessFree) }
      let chars = Array(pattern)
      var literal = ""
      var i = 0
      while i < chars.count {
        if (chars[i] == "$" || chars[i] == "%"), i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue, d < rendered.count {
          if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
          let a = rendered[d]
          pieces += chars[i] == "%" && !a.isPrimary ? [.text("(")] + a.pieces + [.text(")")] : a.pieces
          i += 2
          continue
        }
        literal.append(chars[i])
        i += 1
      }
      if !literal.isEmpty { pieces.append(.text(literal)) }
      if CallTemplate.patternNeedsParentheses(pattern) && needsParenthesesAround(call) {
        pieces = [.text("(")] + pieces + [.text(")")]
      }
    }
    edit(o.file, callRange.range, pieces, rule: rule)
    if let helper { use(helper, in: o.file) }
    claim(index, .converted, rule: rule)
    return true
  }

  /// An argument as pieces, with CUDA's implicit conversion to `target` (or to the parameter type)
  /// spelled out; `isPrimary` tells whether it can stand as an operand without parentheses.
  func argument(_ arg: Cursor, to target: CType?, signednessFree: Bool = false) -> (pieces: [Piece], isPrimary: Bool) {
    guard let r = range(of: arg) else { return ([], true) }
    if let (written, type) = conversion(of: arg, to: target), let w = range(of: written),
       !(signednessFree && Self.sameSizeIntegers(type, Self.plainType(written.type))) {
      let t = text(of: written)
      if let literal = Self.convertedLiteral(t, to: type) { return ([.text(literal)], true) }
      return ([.text("static_cast<\(type)>("), .source(w.range), .text(")")], true)
    }
    // A call that becomes an operator expression parenthesizes itself (needsParenthesesAround).
    return ([.source(r.range)], !Syntax.needsParentheses(text(of: arg)))
  }

  /// The written expression and the type it must be converted to, when CUDA converted it implicitly.
  func conversion(of arg: Cursor, to target: CType?) -> (Cursor, String)? {
    let written = Syntax.stripImplicit(arg)
    let to = Self.plainType(target ?? arg.type)
    var from = Self.plainType(written.type)
    // Built-in variables are unsigned int in CUDA but size_t (item.get_local_id(0), ...) once migrated,
    // and so is unsigned arithmetic on them: SYCL's templates would then see two argument types.
    // (`blockDim.x` itself is a property reference, typed `<pseudo-object type>` below its conversion.)
    let builtin = (from == "unsigned int" || from == "<pseudo-object type>") && Self.readsBuiltinVariable(written)
    if builtin { from = "unsigned long" }
    guard !to.isEmpty, !from.isEmpty, !to.contains("type-parameter"), !from.contains("type-parameter"),
          builtin || !written.type.isDependent, !(target ?? arg.type).isDependent, to != from,
          Self.arithmeticTypes.contains(to), Self.arithmeticTypes.contains(from) || from.hasPrefix("enum ") else { return nil }
    return (written, to)
  }

  static func readsBuiltinVariable(_ c: Cursor) -> Bool {
    if c.kind == .memberRefExpr, let base = c.children.first, base.type.canonical.spelling.contains("__cuda_builtin_") { return true }
    return c.children.contains { readsBuiltinVariable($0) }
  }

  static let arithmeticTypes: Set<String> = [
    "bool", "char", "signed char", "unsigned char", "short", "unsigned short", "int", "unsigned int", "long", "unsigned long",
    "long long", "unsigned long long", "float", "double",
  ]

  static func sameSizeIntegers(_ a: String, _ b: String) -> Bool {
    let size: [String: Int] = ["int": 4, "unsigned int": 4, "long": 8, "unsigned long": 8, "long long": 8, "unsigned long long": 8]
    return size[a] != nil && size[a] == size[b]
  }

  static func plainType(_ t: CType) -> String {
    var s = t.canonical.spelling
    for q in ["const ", "volatile "] { while s.hasPrefix(q) { s.removeFirst(q.count) } }
    return s
  }

  /// A literal written for the target type: `2` as `2.0f`, `1` as `1u`, `0.5` as `0.5f`.
  static func convertedLiteral(_ text: String, to type: String) -> String? {
    var t = text.trimmingCharacters(in: .whitespaces)
    var sign = ""
    if t.hasPrefix("-") {
      sign = "-"
      t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
    }
    let integer = t.range(of: #"^([1-9][0-9]*|0)$"#, options: .regularExpression) != nil
    let hex = t.range(of: #"^0[xX][0-9a-fA-F]+$"#, options: .regularExpression) != nil
    let decimal = t.range(of: #"^([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
    let suffix: String?
    switch type {
    case "float": suffix = integer ? ".0f" : decimal ? "f" : nil
    case "double": suffix = integer ? ".0" : nil
    case "unsigned int": suffix = integer || hex ? "u" : nil
    case "long": suffix = integer || hex ? "l" : nil
    case "unsigned long": suffix = integer || hex ? "ul" : nil
    case "long long": suffix = integer || hex ? "ll" : nil
    case "unsigned long long": suffix = integer || hex ? "ull" : nil
    default: suffix = nil
    }
    // A negative value converted to an unsigned type is not that literal with a suffix.
    guard let suffix, sign.isEmpty || !type.hasPrefix("unsigned") else { return nil }
    return sign + t + suffix
  }

  /// A name, member, element with a plain index, or literal: evaluating it twice is harmless and cheap.
  func isPlainOperand(_ arg: Cursor) -> Bool {
    let t = text(of: Syntax.stripImplicit(arg)).replacingOccurrences(of: " ", with: "")
    let name = #"[A-Za-z_][A-Za-z0-9_]*(\[([A-Za-z_][A-Za-z0-9_]*|[0-9]+)\])*"#
    return t.range(of: "^\(name)((\\.|->)\(name))*$|^[0-9][0-9A-Za-z.]*$", options: .regularExpression) != nil
  }

  /// A call of a CUDA function that a template turns into an operator expression (`__fadd_rn(a, b)`).
  func isOperatorCall(_ c: Cursor) -> Bool {
    guard c.kind == .callExpr, let callee = c.children.first.map(Syntax.stripImplicit), let ref = callee.referenced else { return false }
    return CallTemplates.lookup(ref.spelling, declaration: ref)?.isOperatorExpression == true
  }

  /// Whether an expression replacing `call` must be parenthesized where it stands.
  func needsParenthesesAround(_ call: Cursor) -> Bool {
    var c = call
    while let p = census.parent[c], p.kind == .unexposedExpr { c = p }
    guard let p = census.parent[c] else { return true }
    switch p.kind {
    case .parenExpr, .returnStmt, .varDecl, .compoundStmt, .declStmt: return false
    case .callExpr:
      // An argument keeps its own parentheses unless the enclosing call becomes an operator expression.
      return p.children.first == c || isOperatorCall(p)
    case .binaryOperator, .compoundAssignOperator:
      let op = binaryOperator(p) ?? ""
      return !(p.children.last == c && (op == "=" || (p.kind == .compoundAssignOperator)))
    default: return true
    }
  }
}
