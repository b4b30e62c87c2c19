import Clang
import Foundation

/// Helpers emitted into `cu2sycl/runtime.hpp` when a migrated file uses them.
public enum RuntimeHelper: String, Sendable, Codable, CaseIterable, Comparable {
  case defaultQueue = "default_queue"
  case errorString = "error_string"
  case allocateSymbol = "allocate_symbol"
  case bfloat16 = "bfloat16"
  case warpShuffle = "warp_shuffle"
  case ballot = "ballot"
  case activeMask = "active_mask"
  case tileGroup = "tile_group"
  case threadGroup = "thread_group"
  case atomicCompareExchange = "atomic_compare_exchange"
  case atomicWrap = "atomic_inc_dec"
  case sincos = "sincos"
  case mathPointers = "math_pointers"
  case findFirstSet = "ffs"
  case bitReverse = "bit_reverse"
  case bytePerm = "byte_perm"
  case funnelShift = "funnelshift"
  case streams = "streams"
  case events = "events"
  case devices = "devices"
  case helperCuda = "helper_cuda"
  case occupancy = "occupancy"
  case cudaArch = "cuda_arch"
  case random = "random"
  case texture = "texture"
  case surface = "surface"
  case textureReference = "texture_reference"
  case texture3D = "texture_3d"
  case driverTexture = "driver_texture"
  case driverSurface = "driver_surface"
  case devicePointer = "device_ptr"
  case contexts = "contexts"
  case deviceName = "device_name"
  case errorName = "error_name"
  case pitchedMemory = "pitched_memory"
  case pointerAttributes = "pointer_attributes"
  case freeAsync = "free_async"
  case dim3 = "dim3"
  case graphs = "graphs"
  case mathConstants = "math_constants"
  case mul24 = "mul24"
  case graphics = "graphics"
  /// Emitted as its own header, `cu2sycl/gl_interop.hpp`, where the program included cuda_gl_interop.h.
  case glInterop = "gl_interop"
  case glDevices = "gl_devices"
  case memoryPools = "memory_pools"
  case cacheHints = "cache_hints"
  case interprocess = "interprocess"
  case kernelLauncher = "kernel_launcher"
  case modules = "modules"
  case helperCudaDriver = "helper_cuda_drvapi"
  case nvrtcHelper = "nvrtc_helper"
  public static func < (a: RuntimeHelper, b: RuntimeHelper) -> Bool { a.rawValue < b.rawValue }
}

/// Everything the rules of one translation unit share: the census, the plan, and the edits and outcomes they produce.
public final class MigrationContext {
  public let census: Census
  public let plan: KernelPlan
  public var texts: [String: SourceText] { census.texts }
  public private(set) var edits: [Edit] = []
  public private(set) var entries: [CensusEntry]
  /// Runtime helpers used, per file.
  public private(set) var helpers: [String: Set<RuntimeHelper>] = [:]
  /// Warning comments to insert: file -> line start offset -> comment lines.
  public private(set) var warningComments: [String: [Int: [String]]] = [:]
  private var indexByKey: [OccurrenceKey: Int] = [:]

  public let itemName = "item"
  /// The `sycl::stream` that device printf writes to.
  public let streamName = "stream"
  public let queue = "cu2sycl::default_queue()"

  /// The output path of a migrated input file (nil for files outside the migrated tree).
  public let outputName: (String) -> String?
  /// The root of the migrated tree (outputs mirror it), for paths to the headers cu2sycl writes there.
  public let inputRoot: String?
  /// Names the whole migrated tree writes as string literals, and where its kernels are defined.
  public let program: ProgramNames

  init(census: Census, dimensions: [String: Int] = [:], inputRoot: String? = nil, program: ProgramNames = ProgramNames(),
       outputName: @escaping (String) -> String?) {
    self.census = census
    self.inputRoot = inputRoot
    self.outputName = outputName
    self.program = program
    self.entries = census.entries
    self.plan = KernelPlan(census: census, dimensions: dimensions)
    for (i, e) in entries.enumerated() { indexByKey[e.occurrence.key] = i }
  }

  // MARK: Occurrences

  /// Indices of unclaimed entries matching a filter.
  public func pending(_ filter: (CensusEntry) -> Bool) -> [Int] {
    entries.indices.filter { entries[$0].occurrence.rule == nil && filter(entries[$0]) }
  }

  public func isClaimed(_ index: Int) -> Bool { entries[index].occurrence.rule != nil }

  /// Records a rule's verdict on one occurrence. A warning id adds a comment above the code (above
  /// `commentAt` when given: one comment for several occurrences).
  public func claim(_ index: Int, _ outcome: Outcome, rule: String, warning: WarningKind? = nil, message: String? = nil,
                    commentAt: Int? = nil) {
    guard entries[index].occurrence.rule == nil else { return }
    entries[index].occurrence.outcome = outcome
    entries[index].occurrence.rule = rule
    if let warning {
      let o = entries[index].occurrence
      let text = message ?? warning.title
      entries[index].occurrence.warning = warning.id
      entries[index].occurrence.message = text
      addWarningComment(file: o.file, offset: commentAt ?? o.offset, id: warning.id, message: text)
    }
  }

  /// Claims every unclaimed occurrence whose range lies inside `range` of `file`.
  public func claimAll(in file: String, _ range: Range<Int>, _ outcome: Outcome, rule: String, where filter: (Occurrence) -> Bool = { _ in true }) {
    for i in entries.indices where entries[i].occurrence.rule == nil {
      let o = entries[i].occurrence
      if o.file == file, o.offset >= range.lowerBound, o.offset + o.length <= range.upperBound, filter(o) {
        claim(i, outcome, rule: rule)
      }
    }
  }

  public func addWarningComment(file: String, offset: Int, id: String, message: String) {
    guard let text = texts[file] else { return }
    var lineStart = text.lineStart(of: offset)
    // Inside a multi-line macro, the comment goes above the #define.
    while lineStart >= 2, text.bytes[lineStart - 2] == UInt8(ascii: "\\") { lineStart = text.lineStart(of: lineStart - 2) }
    let line = "\(text.indentation(ofLineAt: lineStart))// CU2SYCL-\(id): \(message)"
    var lines = warningComments[file, default: [:]][lineStart, default: []]
    if !lines.contains(line) { lines.append(line) }
    warningComments[file, default: [:]][lineStart] = lines
  }

  public func use(_ helper: RuntimeHelper, in file: String) { helpers[file, default: []].insert(helper) }

  /// How a migrated file includes a header cu2sycl writes at the output root (`cu2sycl/gl_interop.hpp`).
  public func generatedInclude(_ relative: String, from file: String) -> String {
    guard let root = inputRoot, let out = outputName(file), out.hasPrefix(root + "/") else { return relative }
    let depth = out.dropFirst(root.count + 1).split(separator: "/").count - 1
    return String(repeating: "../", count: max(depth, 0)) + relative
  }

  // MARK: Edits

  public func edit(_ file: String, _ range: Range<Int>, _ pieces: [Piece], rule: String) {
    edits.append(Edit(file: file, range: range, pieces: pieces, rule: rule))
  }

  public func replace(_ file: String, _ range: Range<Int>, with text: String, rule: String) {
    edits.append(Edit(file: file, range: range, text: text, rule: rule))
  }

  /// Whether an edit made so far replaces `range` without rendering it through a source piece (another
  /// rule rewrote the construct around it, spelling it itself): an edit there would be lost.
  public func isReplaced(_ file: String, _ range: Range<Int>) -> Bool {
    edits.contains { e in
      guard e.file == file, !e.range.isEmpty, e.range.lowerBound <= range.lowerBound, range.upperBound <= e.range.upperBound,
            e.range != range else { return false }
      return !e.pieces.contains { piece in
        if case .source(let r) = piece { return r.lowerBound <= range.lowerBound && range.upperBound <= r.upperBound }
        return false
      }
    }
  }

  /// The written range of a cursor, when it is plainly in a user file (not produced by a macro body).
  public func range(of c: Cursor) -> (file: String, range: Range<Int>)? {
    guard let s = c.extent.start.spelling, let e = c.extent.end.spelling, s.file == e.file,
          census.userFiles.contains(s.file), s.offset <= e.offset else { return nil }
    // Macro expansions collapse to the use site; the expansion and spelling starts then agree but the
    // text does not hold the construct. Callers compare texts where that matters.
    var end = e.offset
    // Inside another macro's argument (CHECK(f(n * SIZE))), an expression that ends with a macro ends
    // where that macro's name starts: take in the name.
    if s.offset < end, let x = c.extent.end.expansion, x.offset != e.offset, let text = texts[s.file] {
      let isIdentifier = { (b: UInt8) in b == UInt8(ascii: "_") || (b >= 48 && b <= 57) || ((b | 0x20) >= 97 && (b | 0x20) <= 122) }
      if end < text.bytes.count, isIdentifier(text.bytes[end]), !isIdentifier(text.bytes[end - 1]) {
        while end < text.bytes.count, isIdentifier(text.bytes[end]) { end += 1 }
      }
    }
    return (s.file, s.offset..<end)
  }

  /// The written range of an expression that may be a use of a macro from the CUDA headers
  /// (`cudaStreamNonBlocking`): its range, else the macro's name where it is used. clang gives such an
  /// expression no range of its own (nil at top level, empty inside another macro's argument).
  public func writtenRange(of c: Cursor) -> (file: String, range: Range<Int>)? {
    if let r = range(of: c), !r.range.isEmpty { return extendedOverMacro(r) }
    for location in [c.extent.start.file, c.extent.start.expansion] {
      guard let s = location, census.userFiles.contains(s.file) else { continue }
      // Only where the census saw a CUDA macro used: a defaulted argument is empty too.
      if let macro = entries.first(where: { $0.occurrence.kind == .macro && $0.occurrence.file == s.file && $0.occurrence.offset == s.offset }) {
        return (s.file, s.offset..<(s.offset + macro.occurrence.length))
      }
    }
    // A user macro (`DATA_SIZE`, `NULL`, `SIZE(n)`) used inside another macro's argument
    // (`checkCudaErrors(cudaMalloc(&p, DATA_SIZE))`): clang maps the expression to the macro's name.
    if let r = range(of: c), r.range.isEmpty, let text = texts[r.file], let use = text.macroUse(at: r.range.lowerBound) {
      return (r.file, use)
    }
    return range(of: c)
  }

  /// A `.source` piece for an expression that may be a use of a CUDA macro (see `writtenRange`).
  public func writtenSource(_ c: Cursor) -> Piece? { writtenRange(of: c).map { .source($0.range) } }

  public func text(of c: Cursor) -> String {
    guard let r = expressionRange(of: c), let t = texts[r.file] else { return "" }
    return t[r.range]
  }

  /// The expression's text as a piece (a macro used inside another macro's argument included).
  public func source(_ c: Cursor) -> Piece? { expressionRange(of: c).map { .source($0.range) } }

  /// The written range of an expression in a user file (see `writtenRange` for macros in it).
  private func expressionRange(of c: Cursor) -> (file: String, range: Range<Int>)? {
    guard let r = range(of: c) else { return nil }
    return writtenRange(of: c) ?? r
  }

  /// Inside another macro's argument, clang ends an expression that ends with a use of a user macro
  /// (`2 * BYTES`) where that macro's name starts: the range then takes the use in.
  private func extendedOverMacro(_ r: (file: String, range: Range<Int>)) -> (file: String, range: Range<Int>) {
    guard let t = texts[r.file], r.range.upperBound < t.bytes.count, !t.isIdentifierByte(t.bytes[r.range.upperBound - 1]),
          ![UInt8(ascii: "."), UInt8(ascii: ">")].contains(t.bytes[r.range.upperBound - 1]),
          let use = t.macroUse(at: r.range.upperBound) else { return r }
    return (r.file, r.range.lowerBound..<use.upperBound)
  }

  /// Whether a call's value is discarded (it is a statement of its own).
  public func isStatement(_ c: Cursor) -> Bool {
    guard let p = census.parent[c] else { return false }
    switch p.kind {
    case .compoundStmt: return true
    case .cStyleCastExpr: return p.type.spelling == "void"
    case .ifStmt, .whileStmt, .forStmt, .doStmt:
      // The body of a braceless if/loop (not its condition).
      return p.children.last == c
    default: return false
    }
  }
}

/// Syntax helpers shared by the rules.
public enum Syntax {
  /// Skips implicit nodes (casts, temporaries) that have the same extent as their only child.
  public static func stripImplicit(_ c: Cursor) -> Cursor {
    var c = c
    while c.kind == .unexposedExpr, let child = c.children.first, c.children.count == 1 {
      c = child
    }
    return c
  }

  /// The constant value of a local variable read here, when its initializer is a constant and the
  /// function never writes it (`int mask = 0xffffffff; __any_sync(mask, p)`): every use of the variable
  /// is a read (below an implicit lvalue-to-rvalue conversion), so no assignment, increment, address or
  /// reference binding can change it.
  public static func unchangedLocalValue(_ reference: Cursor) -> UInt64? {
    guard reference.kind == .declRefExpr, let variable = reference.referenced, variable.kind == .varDecl,
          let function = variable.semanticParent,
          [.functionDecl, .functionTemplate, .cxxMethod].contains(function.kind),
          let initializer = variable.children.last(where: \.isExpression),
          let value = stripImplicit(initializer).integerValue ?? initializer.integerValue
    else { return nil }
    func onlyRead(_ c: Cursor, parent: Cursor?) -> Bool {
      if c.kind == .declRefExpr, c.referenced == variable { return parent?.kind == .unexposedExpr }
      return c.children.allSatisfy { onlyRead($0, parent: c) }
    }
    return onlyRead(function, parent: nil) ? value : nil
  }

  /// Wraps an expression's text in parentheses unless it is primary (name, literal, call, subscript, parenthesized).
  public static func needsParentheses(_ text: String) -> Bool {
    let t = text.trimmingCharacters(in: .whitespaces)
    if t.isEmpty { return false }
    if t.hasPrefix("(") && matchingParen(t) == t.count - 1 { return false }
    var depth = 0
    for ch in t {
      switch ch {
      case "(", "[", "<": depth += 1
      case ")", "]", ">": depth -= 1
      case " ", "+", "-", "*", "/", "%", "?", ":", "&", "|", "^", "=", "!", ",":
        if depth == 0 { return true }
      default: break
      }
    }
    return false
  }

  private static func matchingParen(_ t: String) -> Int? {
    var depth = 0
    for (i, ch) in t.enumerated() {
      if ch == "(" { depth += 1 }
      if ch == ")" { depth -= 1; if depth == 0 { return i } }
    }
    return nil
  }
}

extension String {
  func trimmingCharacters(in set: Set<Character>) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}

extension Set where Element == Character {
  static let whitespaces: Set<Character> = [" ", "\t", "\n", "\r"]
}

extension MigrationContext {
  /// The call expression whose callee is `reference` (a DeclRefExpr naming a function).
  public func call(named reference: Cursor) -> Cursor? {
    var c = reference
    while let p = census.parent[c] {
      if p.kind == .unexposedExpr { c = p; continue }
      if p.kind == .callExpr, p.children.first == c { return p }
      return nil
    }
    return nil
  }

  /// The nearest ancestor that is not an implicit node or parentheses.
  public func semanticParent(of c: Cursor) -> Cursor? {
    var c = c
    while let p = census.parent[c] {
      if p.kind == .unexposedExpr || p.kind == .parenExpr { c = p; continue }
      return p
    }
    return nil
  }

  /// The operator of a binary expression (the text between its operands).
  public func binaryOperator(_ c: Cursor) -> String? {
    guard c.kind == .binaryOperator || c.kind == .compoundAssignOperator, c.children.count == 2,
          let l = range(of: c.children[0]), let r = range(of: c.children[1]), let t = texts[l.file],
          l.range.upperBound <= r.range.lowerBound else { return nil }
    return t[l.range.upperBound..<r.range.lowerBound].trimmingCharacters(in: .whitespaces)
  }

  /// The written arguments of a call (defaulted arguments have no text and are left out).
  public func writtenArguments(_ call: Cursor) -> [Cursor] {
    call.arguments.filter { a in
      guard let r = writtenRange(of: a) else { return false }
      return !r.range.isEmpty
    }
  }

  /// The occurrence index whose cursor is `c`, if unclaimed.
  public func entryIndex(at file: String, offset: Int, name: String? = nil) -> Int? {
    entries.indices.first {
      let o = entries[$0].occurrence
      return o.file == file && o.offset == offset && (name == nil || o.name == name) && o.rule == nil
    }
  }

  /// The SYCL dimension index of CUDA component x/y/z in an N-dimensional kernel.
  public func syclIndex(component: String, dimensions n: Int) -> Int? {
    guard let c = ["x": 0, "y": 1, "z": 2][component], n - 1 - c >= 0 else { return nil }
    return n - 1 - c
  }

  /// The function a cursor is inside of (by walking parents up to a function declaration).
  public func enclosingFunction(of c: Cursor) -> FunctionInfo? {
    var c = c
    while let p = census.parent[c] {
      if [.functionDecl, .functionTemplate, .cxxMethod].contains(p.kind) { return census.functions[p.canonical.usr] }
      c = p
    }
    return nil
  }

  /// Text of the statement's line indentation at a cursor.
  public func indentation(at c: Cursor) -> String {
    guard let r = range(of: c), let t = texts[r.file] else { return "" }
    return t.indentation(ofLineAt: r.range.lowerBound)
  }

  /// A `.source` piece, wrapped in parentheses when it is not a primary expression.
  public func operand(_ c: Cursor) -> [Piece] {
    guard let p = source(c) else { return [] }
    return Syntax.needsParentheses(text(of: c)) ? [.text("("), p, .text(")")] : [p]
  }

  /// In a `#define` body: the range of `name()` (a call without arguments) at an occurrence, and
  /// whether a `;` follows it (the call is a statement).
  public func emptyCallInMacroBody(_ entry: CensusEntry) -> (range: Range<Int>, isStatement: Bool)? {
    let o = entry.occurrence
    guard entry.inMacroBody, let text = texts[o.file] else { return nil }
    var i = text.skipHorizontalSpace(from: o.offset + o.length)
    guard i < text.bytes.count, text.bytes[i] == UInt8(ascii: "(") else { return nil }
    i = text.skipHorizontalSpace(from: i + 1)
    guard i < text.bytes.count, text.bytes[i] == UInt8(ascii: ")") else { return nil }
    let after = text.skipHorizontalSpace(from: i + 1)
    return (o.offset..<(i + 1), after < text.bytes.count && text.bytes[after] == UInt8(ascii: ";"))
  }

  /// In a byte count written `n * sizeof(T)` or `sizeof(T) * n`, the element count `n`.
  public func elementCount(inBytes bytes: Cursor, element: String) -> Cursor? {
    let written = Syntax.stripImplicit(bytes)
    guard written.kind == .binaryOperator, binaryOperator(written) == "*", written.children.count == 2 else { return nil }
    let sizeofElement = "sizeof(\(element))".replacingSpaces()
    let l = written.children[0], r = written.children[1]
    if text(of: r).replacingSpaces() == sizeofElement { return l }
    if text(of: l).replacingSpaces() == sizeofElement { return r }
    return nil
  }
}
