import Clang

/// Pieces the host-API rules share: where a call's output goes, which queue a stream names, and how a
/// rewritten call keeps yielding a status when the program reads one.
extension MigrationContext {
  /// The call a census entry names when it is a plain call of a CUDA API function written by its name
  /// (not in a macro body; a real SDK's `_v2` renaming counts as the written name), with its written
  /// arguments.
  public func apiCall(_ entry: CensusEntry) -> (call: Cursor, file: String, range: Range<Int>, args: [Cursor])? {
    guard !entry.inMacroBody, let cursor = entry.cursor, let call = call(named: cursor), let r = range(of: call),
          writtenName(entry) == Self.driverName(entry.occurrence.name) else { return nil }
    return (call, r.file, r.range, writtenArguments(call))
  }

  /// Whether an argument is written as a null pointer (`NULL`, `0`, `nullptr`).
  public func isNullPointer(_ arg: Cursor) -> Bool {
    guard let r = writtenRange(of: arg), let text = texts[r.file] else { return false }
    return ["NULL", "0", "nullptr", "0L"].contains(text[r.range].filter { !$0.isWhitespace })
  }

  /// The lvalue an output parameter writes, and its type, from `&x`, `(void **)&x` or a pointer `px`
  /// (then `*px`); nil for a null pointer, which asks for no output.
  public func assignmentTarget(_ arg: Cursor) -> (pieces: [Piece], type: String)? {
    if isNullPointer(arg) { return nil }
    var c = Syntax.stripImplicit(arg)
    while c.kind == .cStyleCastExpr || c.kind == .cxxReinterpretCastExpr || c.kind == .cxxStaticCastExpr || c.kind == .parenExpr,
          let inner = c.children.last {
      c = Syntax.stripImplicit(inner)
    }
    if c.kind == .unaryOperator, text(of: c).hasPrefix("&"), let operand = c.children.first, let p = source(operand) {
      return ([p], operand.type.spelling)
    }
    guard let p = source(c) else { return nil }
    return ([.text("*")] + (Syntax.needsParentheses(text(of: c)) ? [.text("("), p, .text(")")] : [p]), c.type.pointee.spelling)
  }

  /// Whether a stream argument is CUDA's null stream: absent, `0`/`NULL`/`nullptr`, or the special
  /// handles `cudaStreamLegacy`/`cudaStreamPerThread` (both the default queue here).
  public func isNullStream(_ arg: Cursor?) -> Bool {
    guard let arg, let r = writtenRange(of: arg), !r.range.isEmpty, let source = texts[r.file] else { return true }
    let written = source[r.range].filter { !$0.isWhitespace }
    if ["0", "NULL", "nullptr", "cudaStreamLegacy", "cudaStreamPerThread", "cudaStreamDefault", "(cudaStream_t)0"].contains(written) {
      return true
    }
    return Syntax.stripImplicit(arg).integerValue == 0
  }

  /// The queue a CUDA stream argument names: the default queue for the null stream, else
  /// `cu2sycl::queue(stream)`. The CUDA names inside the argument are part of the conversion.
  public func queue(forStream arg: Cursor?, in file: String, rule: String) -> [Piece] {
    if let arg, let r = writtenRange(of: arg) { claimAll(in: r.file, r.range, .converted, rule: rule) }
    use(.defaultQueue, in: file)
    guard !isNullStream(arg), let arg, let p = writtenSource(arg) else { return [.text(queue)] }
    use(.streams, in: file)
    return [.text("cu2sycl::queue("), p, .text(")")]
  }

  /// Replaces a call with `pieces`. When the program reads the call's status (`if (cudaX(...) != 0)`,
  /// an error-check macro), the result is `(pieces, 0)` unless the pieces already yield a status.
  public func replaceCall(_ call: Cursor, with pieces: [Piece], yieldsStatus: Bool = false, rule: String) -> Bool {
    guard let r = range(of: call) else { return false }
    var pieces = pieces
    if !isStatement(call) && !yieldsStatus { pieces = [.text("(")] + pieces + [.text(", 0)")] }
    edit(r.file, r.range, pieces, rule: rule)
    return true
  }

  /// `sycl::malloc_X<T>(count, q)` when the size is `count * sizeof(T)`, else a cast of the byte allocation
  /// (none for `void *`).
  public func usmAllocation(_ function: String, pointerType: String, size: Cursor, queue q: [Piece]) -> [Piece] {
    guard let sizePiece = source(size) else { return [] }
    let pointer = pointerType.trimmingCharacters(in: .whitespaces)
    let element = pointer.hasSuffix("*") ? String(pointer.dropLast()).trimmingCharacters(in: .whitespaces) : pointer
    if element == "void" || element.isEmpty { return [.text("sycl::\(function)("), sizePiece, .text(", ")] + q + [.text(")")] }
    // Type spellings come from clang, so CUDA type names in them (vectors, half) are mapped here.
    if let count = elementCount(inBytes: size, element: element), let p = source(count) {
      return [.text("sycl::\(function)<\(TypeSpelling.sycl(element))>("), p, .text(", ")] + q + [.text(")")]
    }
    return [.text("static_cast<\(TypeSpelling.sycl(pointer))>(sycl::\(function)("), sizePiece, .text(", ")] + q + [.text("))")]
  }

  /// `((assignment) != nullptr ? 0 : 2)`: the status of an allocation, cudaErrorMemoryAllocation's 2 when it
  /// returns null.
  public func allocationStatus(_ assignment: [Piece], field: String = "") -> [Piece] {
    [.text("((")] + assignment + [.text(")\(field) != nullptr ? 0 : 2)")]
  }

  /// Removes a call SYCL needs no counterpart of: the whole statement, or `status` where the program
  /// reads the call's result. The CUDA names in its arguments are part of the conversion.
  public func removeCall(_ call: Cursor, status: String = "0", rule: String) -> Bool {
    guard let r = range(of: call) else { return false }
    claimArguments(writtenArguments(call), rule: rule)
    if isStatement(call), census.parent[call]?.kind == .compoundStmt, let text = texts[r.file] {
      replace(r.file, text.statementRemoval(r.range), with: "", rule: rule)
    } else {
      replace(r.file, r.range, with: status, rule: rule)
    }
    return true
  }

  /// Claims the CUDA names inside arguments a conversion consumes or drops (copy kinds, flags, devices).
  public func claimArguments<C: Collection>(_ args: C, rule: String) where C.Element == Cursor {
    for a in args {
      guard let ar = writtenRange(of: a) else { continue }
      // A macro that ends the argument (`cudaHostAllocMapped | cudaHostAllocPortable`) extends past its
      // range, which stops where that expansion starts: claim what starts inside.
      for i in entries.indices where entries[i].occurrence.rule == nil {
        let o = entries[i].occurrence
        if o.file == ar.file, o.offset >= ar.range.lowerBound, o.offset <= ar.range.upperBound, o.length > 0 {
          claim(i, .converted, rule: rule)
        }
      }
    }
  }

  /// Replaces CUDA names written as themselves (a type in a declaration or cast, an enumerator, a macro)
  /// with their SYCL spelling and claims them converted. `spelling` answers nil for names it leaves;
  /// `skip` leaves occurrences another rule handles.
  public func rename(_ kinds: Set<ConstructKind>, rule: String, helpers: [RuntimeHelper] = [], skip: (Int) -> Bool = { _ in false },
                     _ spelling: (String) -> String?) {
    for i in pending({ kinds.contains($0.occurrence.kind) && spelling($0.occurrence.name) != nil }) where !skip(i) {
      let o = entries[i].occurrence
      guard let sycl = spelling(o.name), replaceWrittenName(i, with: sycl, rule: rule) else { continue }
      for helper in helpers { use(helper, in: o.file) }
      claim(i, .converted, rule: rule)
    }
  }

  /// Replaces the name written at an occurrence (only when the text there is that name).
  public func replaceWrittenName(_ index: Int, with sycl: String, rule: String) -> Bool {
    let o = entries[index].occurrence
    let token = o.offset..<(o.offset + o.length)
    guard let text = texts[o.file], token.upperBound <= text.bytes.count, text[token] == o.name else { return false }
    replace(o.file, token, with: sycl, rule: rule)
    return true
  }

  /// Field reads of a CUDA struct that became a helper struct with the same field names: they keep their
  /// text. Fields the helper fills for real convert; stand-ins are flagged W016 with their reason.
  public func claimFields(of type: String, measured: Set<String>, standIns: [String: String], rule: String) {
    for i in pending({ $0.occurrence.kind == .member && $0.occurrence.name.hasPrefix(type + ".") }) {
      let field = String(entries[i].occurrence.name.dropFirst(type.count + 1))
      if measured.contains(field) {
        claim(i, .converted, rule: rule)
      } else if let why = standIns[field] {
        claim(i, .review, rule: rule, warning: Warnings.deviceProperty, message: "\(field): \(why), check what the code decides with it")
      }
    }
  }
}
