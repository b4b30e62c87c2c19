import Clang

/// Stream capture: `cudaStreamBeginCapture(s, mode); ...; cudaStreamEndCapture(s, &graph);` in one block
/// becomes `cu2sycl::capture_stream(&graph, [=] { ... });`: the statements between the two calls are
/// recorded as a function and run at each launch of the graph, not at capture time, with their stream
/// work on the launch stream's queue. The
/// function captures by value, so kernel arguments keep the values they had at capture (as CUDA records
/// them); variables whose address is taken or that are written keep referring to the originals.
struct StreamCapture {
  let context: MigrationContext
  let rule: String

  /// The stream work a captured region records; other calls are host code that now runs at every launch.
  static let streamWork: Set<String> = ["cudaMemcpyAsync", "cudaMemsetAsync", "cudaMemcpy2DAsync", "cudaMemset2DAsync",
                                        "cudaMemcpy3DAsync", "cudaMemset3DAsync", "cudaMemcpyToSymbolAsync",
                                        "cudaMemcpyFromSymbolAsync", "cudaEventRecord", "cudaEventRecordWithFlags",
                                        "cudaStreamWaitEvent", "cudaLaunchHostFunc", "cudaStreamAddCallback",
                                        "cudaMemPrefetchAsync", "cudaGetLastError", "cudaPeekAtLastError",
                                        "cudaGetErrorString", "cudaGetErrorName", "cudaMallocAsync", "cudaFreeAsync"]

  /// Converts every region it can; returns the graph variables the regions write (for node counts).
  func convertRegions() -> Set<Cursor> {
    var capturedGraphs = Set<Cursor>()
    for i in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name == "cudaStreamBeginCapture" }) {
      switch region(from: i) {
      case .success(let graph):
        if let graph { capturedGraphs.insert(graph) }
      case .failure(let reason):
        context.claim(i, .manual, rule: rule, warning: Warnings.captureRegion, message: reason.text)
        // The capture mode belongs to the call left as written.
        if let (_, file, range, _) = context.apiCall(context.entries[i]) { context.claimAll(in: file, range, .manual, rule: rule) }
      }
    }
    for i in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name == "cudaStreamEndCapture" }) {
      context.claim(i, .manual, rule: rule, warning: Warnings.captureRegion,
                    message: "no convertible cudaStreamBeginCapture on this stream in the same block: put both in one block")
    }
    return capturedGraphs
  }

  struct Reason: Error { let text: String }

  private func region(from i: Int) -> Result<Cursor?, Reason> {
    guard let (beginCall, file, _, beginArgs) = context.apiCall(context.entries[i]), beginArgs.count == 2,
          let text = context.texts[file] else {
      return .failure(Reason(text: "cudaStreamBeginCapture is not a plain call: write it as a statement of its own"))
    }
    guard let beginStatement = statement(of: beginCall), let block = context.census.parent[beginStatement],
          let beginRange = statementRange(beginStatement, file: file) else {
      return .failure(Reason(text: "cudaStreamBeginCapture is not a statement of its own (its status is stored or tested): write it as one"))
    }
    let stream = context.text(of: beginArgs[0]).replacingSpaces()
    // The first cudaStreamEndCapture on the same stream among the block's later statements.
    var end: (index: Int, statement: Cursor, range: Range<Int>, graph: Cursor)?
    for j in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name == "cudaStreamEndCapture" && $0.occurrence.file == file
                               && $0.occurrence.offset > beginRange.upperBound }) {
      guard let (call, _, _, args) = context.apiCall(context.entries[j]), args.count == 2,
            context.text(of: args[0]).replacingSpaces() == stream, let s = statement(of: call) else { continue }
      guard context.census.parent[s] == block, let r = statementRange(s, file: file) else { continue }
      if end == nil || r.lowerBound < end!.range.lowerBound { end = (j, s, r, args[1]) }
    }
    guard let end else {
      return .failure(Reason(text: "no cudaStreamEndCapture(\(stream), ...) later in the same block: put the region in one block"))
    }
    let body = block.children.filter { c in
      guard let r = extent(c, file: file) else { return false }
      return r.lowerBound >= beginRange.upperBound && r.upperBound <= end.range.lowerBound
    }
    let regionRange = beginRange.upperBound..<end.range.lowerBound
    let analysis = analyze(body, region: regionRange, file: file)
    if let reason = analysis.failure { return .failure(Reason(text: reason)) }
    let graphText = context.text(of: end.graph)
    if mentionsRegionDeclaration(end.graph, region: regionRange, file: file) {
      return .failure(Reason(text: "the graph `\(graphText)` is declared inside the region: declare it before cudaStreamBeginCapture"))
    }

    // cu2sycl::capture_stream(&graph, [=, &x] {   ...   });
    let captures = (["="] + analysis.byReference.sorted().map { "&" + $0 }).joined(separator: ", ")
    var signature = ""
    var close = "});"
    if analysis.returnsInErrorChecks, let result = resultType(of: beginStatement), result != "void" {
      signature = "() -> \(TypeSpelling.sycl(result))"
      close = "return {};  // the error checks above return from the recorded function\n\(text.indentation(ofLineAt: end.range.lowerBound))});"
    }
    // The stream it began on does not matter: the work replays on the launch stream's queue.
    context.replace(file, beginRange, with: "cu2sycl::capture_stream(\(graphText), [\(captures)]\(signature) {", rule: rule)
    context.use(.streams, in: file)
    context.replace(file, end.range, with: close, rule: rule)
    let escapes = !analysis.byReference.isEmpty && graphEscapes(end.graph, function: beginStatement)
    if escapes && analysis.hostCode.isEmpty {
      let names = analysis.byReference.sorted().map { "`\($0)`" }.joined(separator: ", ")
      context.claim(i, .review, rule: rule, warning: Warnings.captureHostCode,
                    message: "the captured region refers to \(names) by reference and the graph leaves this function: launch it only while they exist")
    } else if analysis.hostCode.isEmpty {
      context.claim(i, .converted, rule: rule)
    } else {
      context.claim(i, .review, rule: rule, warning: Warnings.captureHostCode,
                    message: "the captured region runs at each cudaGraphLaunch: its host code (marked below) runs at every launch, not once at capture")
      for offset in analysis.hostCode {
        context.addWarningComment(file: file, offset: offset, id: Warnings.captureHostCode.id,
                                  message: "host code in a captured region: runs at every launch of the graph, not once at capture")
      }
    }
    context.claim(end.index, .converted, rule: rule)
    context.claimAll(in: file, beginRange, .converted, rule: rule)
    context.claimAll(in: file, end.range, .converted, rule: rule)
    context.use(.graphs, in: file)
    // The graph variable `&graph` names, for node counts.
    let written = Syntax.stripImplicit(end.graph)
    if written.kind == .unaryOperator, let operand = written.children.first, let variable = baseVariable(operand) {
      return .success(variable.canonical)
    }
    return .success(nil)
  }

  /// Whether the captured graph can outlive the function: it is written through a pointer (not `&local`),
  /// or the local graph variable is returned or copied elsewhere.
  private func graphEscapes(_ graphArgument: Cursor, function statement: Cursor) -> Bool {
    let written = Syntax.stripImplicit(graphArgument)
    guard written.kind == .unaryOperator, let operand = written.children.first, let variable = baseVariable(operand),
          variable.kind == .varDecl else { return true }
    var body = statement
    while let p = context.census.parent[body], ![.functionDecl, .cxxMethod, .functionTemplate, .lambdaExpr].contains(p.kind) { body = p }
    func reads(_ c: Cursor) -> Bool {
      if c.kind == .declRefExpr, c.referenced == variable { return true }
      return c.children.contains(where: reads)
    }
    func escapes(_ c: Cursor) -> Bool {
      if c.kind == .returnStmt, reads(c) { return true }
      if c.kind == .binaryOperator, context.binaryOperator(c) == "=", c.children.count == 2, reads(c.children[1]) { return true }
      return c.children.contains(where: escapes)
    }
    return escapes(body)
  }

  /// The result type of the function a statement is in.
  private func resultType(of c: Cursor) -> String? {
    var c = c
    while let p = context.census.parent[c] {
      if [.functionDecl, .cxxMethod, .functionTemplate].contains(p.kind) { return p.resultType.spelling }
      if p.kind == .lambdaExpr { return nil }
      c = p
    }
    return nil
  }

  // MARK: The region's code

  struct Analysis {
    var failure: String?
    /// Variables declared before the region that it writes or takes the address of.
    var byReference = Set<String>()
    /// Start offsets of top-level statements with host code.
    var hostCode: [Int] = []
    var returnsInErrorChecks = false
  }

  private func analyze(_ body: [Cursor], region: Range<Int>, file: String) -> Analysis {
    var a = Analysis()
    let launchCalls = Set(context.census.launches.map(\.call))
    for statement in body {
      guard let r = extent(statement, file: file) else { continue }
      var host = false
      walkInner(statement, parent: nil, region: region, file: file, loopDepth: 0, switchDepth: 0, launchCalls: launchCalls, analysis: &a,
                host: &host, checking: !isErrorCheck(statement, file: file))
      if a.failure != nil { return a }
      if host { a.hostCode.append(r.lowerBound) }
    }
    // Declarations of the region that the code after it uses would go out of scope with the function.
    if let after = declarationUsedAfter(region: region, body: body, file: file) {
      a.failure = "`\(after)` is declared inside the captured region and used after it: declare it before cudaStreamBeginCapture"
    }
    return a
  }

  /// Walks one statement: exits from the region fail it; host calls and writes to outer variables are host
  /// code (unless `checking` is off: in an error check they are expected).
  private func walkInner(_ c: Cursor, parent: Cursor?, region: Range<Int>, file: String, loopDepth: Int, switchDepth: Int,
                         launchCalls: Set<Cursor>, analysis a: inout Analysis, host: inout Bool, checking: Bool) {
    if a.failure != nil { return }
    switch c.kind {
    case .returnStmt where !checking:
      // An error check's return is taken only on a failed status, which migrated stream calls do not yield;
      // it returns from the recorded function, which then needs the enclosing function's result type.
      a.returnsInErrorChecks = true
    case .returnStmt:
      a.failure = "a return inside the captured region would leave the recorded function, not the enclosing one: move it out of the region"
      return
    case .gotoStmt:
      a.failure = "a goto inside the captured region: restructure the region without it"
      return
    case .breakStmt where loopDepth == 0 && switchDepth == 0, .continueStmt where loopDepth == 0:
      a.failure = "a break or continue inside the captured region leaves it: move the loop's control out of the region"
      return
    case .lambdaExpr:
      return  // its body runs wherever the lambda is called
    default:
      break
    }
    let loops: Set<CursorKind> = [.forStmt, .whileStmt, .doStmt, .cxxForRangeStmt]
    let innerLoop = loopDepth + (loops.contains(c.kind) ? 1 : 0)
    let innerSwitch = switchDepth + (c.kind == .switchStmt ? 1 : 0)

    if c.kind == .declRefExpr, let decl = c.referenced, isOuterLocal(decl, region: region, file: file) {
      // An array copied into the lambda would give its work the capture-time contents: CUDA's work reads the
      // array through a pointer, when it runs.
      if decl.type.spelling.hasSuffix("]") { a.byReference.insert(decl.spelling) }
      // So would an object whose member function is called (`h.data()` must be the original's buffer).
      if let p = parent, p.kind == .memberRefExpr, let call = context.census.parent[p], call.kind == .callExpr,
         !decl.type.spelling.hasSuffix("*") {
        a.byReference.insert(decl.spelling)
      }
      if let p = parent, writes(p, operand: c) {
        a.byReference.insert(decl.spelling)
        if checking { host = true }
      }
    }
    if c.kind == .unaryOperator, context.text(of: c).hasPrefix("&") || c.tokens.first?.spelling == "&", let operand = c.children.first,
       let base = baseVariable(operand) {
      if isOuterLocal(base, region: region, file: file) {
        a.byReference.insert(base.spelling)
      } else if isRegionLocal(base, region: region, file: file) {
        a.failure = "the address of `\(base.spelling)`, declared inside the captured region, is taken there: the recorded work may use it after the region's function returns; declare it before cudaStreamBeginCapture"
        return
      }
    }
    // A write to anything but a variable of the region (memory, outer variables, members) is host code.
    if checking, let lhs = c.children.first, writes(c, operand: lhs),
       !(Syntax.stripImplicit(lhs).kind == .declRefExpr && baseVariable(lhs).map { isRegionLocal($0, region: region, file: file) } == true) {
      host = true
    }
    if checking, c.kind == .callExpr, !launchCalls.contains(c), isHostCall(c) {
      host = true
    }
    if checking, c.kind == .cxxNewExpr || c.kind == .cxxDeleteExpr { host = true }
    for child in c.children {
      walkInner(child, parent: c, region: region, file: file, loopDepth: innerLoop, switchDepth: innerSwitch, launchCalls: launchCalls,
                analysis: &a, host: &host, checking: checking)
    }
  }

  /// Whether `p` writes its child `operand`: the left side of an assignment, or ++/--.
  private func writes(_ p: Cursor, operand: Cursor) -> Bool {
    if p.kind == .compoundAssignOperator { return p.children.first == operand }
    if p.kind == .binaryOperator, p.children.first == operand, context.binaryOperator(p) == "=" { return true }
    if p.kind == .unaryOperator {
      let t = p.tokens.map(\.spelling)
      return t.first == "++" || t.first == "--" || t.last == "++" || t.last == "--"
    }
    return false
  }

  /// The variable an lvalue names: `x`, `x[i]`, `x.f`, `(x)`.
  func baseVariable(_ c: Cursor) -> Cursor? {
    var c = Syntax.stripImplicit(c)
    while true {
      switch c.kind {
      case .declRefExpr:
        return c.referenced.flatMap { [.varDecl, .parmDecl].contains($0.kind) ? $0 : nil }
      case .arraySubscriptExpr, .memberRefExpr, .parenExpr, .unexposedExpr:
        guard let first = c.children.first else { return nil }
        c = first
      default:
        return nil
      }
    }
  }

  /// A call of something other than the CUDA API (host code), ignoring constructors and operators.
  private func isHostCall(_ call: Cursor) -> Bool {
    guard let f = call.referenced else { return false }
    // Constructors, operators and const member functions (`h.data()`, `v.size()`) only read.
    if f.kind == .constructor || f.spelling.hasPrefix("operator") || (f.kind == .cxxMethod && f.isConstMethod) { return false }
    if f.kind == .cxxMethod, ["data", "size", "c_str", "length", "empty", "get", "begin", "end", "front", "back", "at"].contains(f.spelling) {
      return false
    }
    guard [.functionDecl, .cxxMethod, .functionTemplate].contains(f.kind) else { return false }
    let name = f.spelling
    if let file = f.location.expansion?.file, !context.census.userFiles.contains(file), name.hasPrefix("cu") || name.hasPrefix("__cuda") {
      // A launch's configuration is a call of cudaConfigureCall (__cudaPushCallConfiguration).
      return !Self.streamWork.contains(name) && !name.hasPrefix("cudaEvent") && !name.hasSuffix("CallConfiguration")
        && name != "cudaConfigureCall"
    }
    return true
  }

  private func isOuterLocal(_ decl: Cursor, region: Range<Int>, file: String) -> Bool {
    guard decl.kind == .varDecl || decl.kind == .parmDecl, let at = decl.location.expansion, at.file == file else { return false }
    if decl.kind == .varDecl {
      guard let owner = decl.semanticParent, [.functionDecl, .functionTemplate, .cxxMethod, .constructor, .destructor].contains(owner.kind),
            decl.storageClass != Cursor.storageStatic else { return false }
    }
    return at.offset < region.lowerBound
  }

  private func isRegionLocal(_ decl: Cursor, region: Range<Int>, file: String) -> Bool {
    guard decl.kind == .varDecl, let at = decl.location.expansion, at.file == file else { return false }
    return region.contains(at.offset) && decl.storageClass != Cursor.storageStatic
  }

  private func mentionsRegionDeclaration(_ c: Cursor, region: Range<Int>, file: String) -> Bool {
    if c.kind == .declRefExpr, let d = c.referenced, isRegionLocal(d, region: region, file: file) { return true }
    return c.children.contains { mentionsRegionDeclaration($0, region: region, file: file) }
  }

  /// A variable declared directly in the region and referenced after it in the enclosing block.
  private func declarationUsedAfter(region: Range<Int>, body: [Cursor], file: String) -> String? {
    var declared = Set<Cursor>()
    for s in body where s.kind == .declStmt {
      for d in s.children where d.kind == .varDecl { declared.insert(d) }
    }
    guard !declared.isEmpty, let block = body.first.flatMap({ context.census.parent[$0] }) else { return nil }
    func find(_ c: Cursor) -> String? {
      if c.kind == .declRefExpr, let d = c.referenced, declared.contains(d) { return d.spelling }
      for child in c.children { if let found = find(child) { return found } }
      return nil
    }
    for s in block.children {
      guard let r = extent(s, file: file), r.lowerBound >= region.upperBound else { continue }
      if let found = find(s) { return found }
    }
    return nil
  }

  /// A statement written as an error-check macro (`checkCudaErrors(...)`, `cudaCheckErrors("...")`).
  private func isErrorCheck(_ statement: Cursor, file: String) -> Bool {
    guard let start = statement.extent.start.expansion, start.file == file, let text = context.texts[file] else { return false }
    var end = start.offset
    while end < text.bytes.count, text.isIdentifierByte(text.bytes[end]) { end += 1 }
    let name = text[start.offset..<end].lowercased()
    guard !name.isEmpty, text.skipHorizontalSpace(from: end) < text.bytes.count,
          text.bytes[text.skipHorizontalSpace(from: end)] == UInt8(ascii: "(") else { return false }
    return name.contains("check") || name.contains("err") || name.contains("assert")
  }

  // MARK: Statements

  /// The statement of a block that contains `c`.
  /// (A block written in the file: the braces of a macro's `do { ... } while (0)` are part of the statement.)
  private func statement(of c: Cursor) -> Cursor? {
    var c = c
    let functions: Set<CursorKind> = [.functionDecl, .cxxMethod, .functionTemplate, .constructor, .destructor, .lambdaExpr]
    while let p = context.census.parent[c] {
      if p.kind == .compoundStmt, let start = p.extent.start.expansion, let text = context.texts[start.file],
         start.offset < text.bytes.count, text.bytes[start.offset] == UInt8(ascii: "{") {
        return c
      }
      if functions.contains(p.kind) { return nil }
      c = p
    }
    return nil
  }

  /// A statement's range in `file` as written (from its macro use when it comes from one), without its `;`.
  private func extent(_ c: Cursor, file: String) -> Range<Int>? {
    guard let s = c.extent.start.expansion, s.file == file, let e = c.extent.end.expansion, e.file == file, s.offset <= e.offset else {
      return nil
    }
    return s.offset..<e.offset
  }

  /// An expression statement's range through its `;` (found by scanning: a macro's range ends at its
  /// name). Nil for declarations and control statements.
  private func statementRange(_ c: Cursor, file: String) -> Range<Int>? {
    guard !c.isDeclaration, c.kind != .declStmt, ![.ifStmt, .forStmt, .whileStmt, .switchStmt, .returnStmt].contains(c.kind),
          let start = c.extent.start.expansion, start.file == file, let text = context.texts[file] else { return nil }
    guard let semicolon = text.statementEnd(from: start.offset) else { return nil }
    return start.offset..<(semicolon + 1)
  }
}

extension SourceText {
  /// The offset of the `;` that ends the statement starting at `offset` (outside brackets, strings and
  /// comments).
  func statementEnd(from offset: Int) -> Int? {
    var depth = 0
    var i = offset
    let b = bytes
    while i < b.count {
      let ch = b[i]
      switch ch {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth < 0 { return nil }
      case UInt8(ascii: ";") where depth == 0: return i
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        i += 1
        while i < b.count, b[i] != ch {
          if b[i] == UInt8(ascii: "\\") { i += 1 }
          i += 1
        }
      case UInt8(ascii: "/") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "/"):
        while i < b.count, b[i] != UInt8(ascii: "\n") { i += 1 }
      case UInt8(ascii: "/") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "*"):
        i += 2
        while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
        i += 1
      default: break
      }
      i += 1
    }
    return nil
  }
}
