/// The bytes of one source file with a line index. Offsets are UTF-8 byte offsets, as libclang reports them.
public struct SourceText: Sendable {
  public let path: String
  public let bytes: [UInt8]
  /// Byte offset where each line starts (line 1 is index 0).
  public let lineStarts: [Int]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    lineStarts = starts
  }

  public init(path: String, string: String) { self.init(path: path, bytes: Array(string.utf8)) }

  public var string: String { String(decoding: bytes, as: UTF8.self) }

  public subscript(range: Range<Int>) -> String {
    let r = max(0, range.lowerBound)..<min(bytes.count, max(range.lowerBound, range.upperBound))
    return String(decoding: bytes[r], as: UTF8.self)
  }

  /// 1-based line and byte column of an offset.
  public func lineColumn(of offset: Int) -> (line: Int, column: Int) {
    var lo = 0, hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return (lo + 1, offset - lineStarts[lo] + 1)
  }

  /// The whitespace that starts the line containing `offset`.
  public func indentation(ofLineAt offset: Int) -> String {
    let (line, _) = lineColumn(of: offset)
    var i = lineStarts[line - 1]
    var out = ""
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") {
      out.append(Character(UnicodeScalar(bytes[i])))
      i += 1
    }
    return out
  }

  /// Offset of the start of the line containing `offset`.
  public func lineStart(of offset: Int) -> Int { lineStarts[lineColumn(of: offset).line - 1] }

  /// Offset just past the newline ending the line containing `offset` (or the end of the file).
  public func lineEnd(of offset: Int) -> Int {
    var i = offset
    while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
    return min(i + 1, bytes.count)
  }

  public func isBlank(_ range: Range<Int>) -> Bool {
    bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)].allSatisfy {
      $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
    }
  }

  /// The lines (newline included) whose first character after spaces and tabs is `#`: scans that only read
  /// preprocessor directives skip the other lines without making strings of them.
  public var directiveLines: [Range<Int>] {
    lineStarts.compactMap { start in
      let hash = skipHorizontalSpace(from: start)
      guard hash < bytes.count, bytes[hash] == UInt8(ascii: "#") else { return nil }
      return start..<lineEnd(of: start)
    }
  }

  /// Skips spaces and tabs (not newlines) forward from `offset`.
  public func skipHorizontalSpace(from offset: Int) -> Int {
    var i = offset
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
    return i
  }

  /// The range of a whole statement line when `range` is the only code on its line(s); otherwise `range`.
  public func wholeLines(around range: Range<Int>) -> Range<Int> {
    let start = lineStart(of: range.lowerBound)
    let end = lineEnd(of: max(range.lowerBound, range.upperBound - 1))
    let before = start..<range.lowerBound
    let after = range.upperBound..<end
    return isBlank(before) && isBlank(after) ? start..<end : range
  }

  /// What to delete to remove an expression statement: the expression, its `;`, and the whole line
  /// when nothing else is on it.
  public func statementRemoval(_ expression: Range<Int>) -> Range<Int> {
    var end = skipHorizontalSpace(from: expression.upperBound)
    if end < bytes.count, bytes[end] == UInt8(ascii: ";") { end += 1 }
    return wholeLines(around: expression.lowerBound..<end)
  }

  /// Detects the line ending used by the file, so inserted lines match it.
  public var newline: String {
    if let i = bytes.firstIndex(of: UInt8(ascii: "\n")), i > 0, bytes[i - 1] == UInt8(ascii: "\r") { return "\r\n" }
    return "\n"
  }

  /// After an identifier ending at `offset`, the end of a following `.member` (or `offset` if none).
  public func endOfMemberAccess(from offset: Int) -> Int {
    var i = skipHorizontalSpace(from: offset)
    guard i < bytes.count, bytes[i] == UInt8(ascii: ".") else { return offset }
    i = skipHorizontalSpace(from: i + 1)
    let start = i
    while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
    return i > start ? i : offset
  }

  /// The end of the identifier that starts at `offset`.
  public func endOfIdentifier(from offset: Int) -> Int {
    var i = offset
    while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
    return i
  }

  /// The written use of a macro starting at `offset`: its name, with the parenthesized arguments that
  /// follow it (a function-like macro). Nil when no identifier starts there.
  public func macroUse(at offset: Int) -> Range<Int>? {
    guard offset < bytes.count, isIdentifierByte(bytes[offset]), offset == 0 || !isIdentifierByte(bytes[offset - 1]),
          !(bytes[offset] >= 48 && bytes[offset] <= 57) else { return nil }
    var i = offset
    while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
    let name = i
    i = skipHorizontalSpace(from: i)
    guard i < bytes.count, bytes[i] == UInt8(ascii: "(") else { return offset..<name }
    var depth = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "(") { depth += 1 }
      if bytes[i] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return offset..<(i + 1) } }
      i += 1
    }
    return offset..<name
  }

  public func isIdentifierByte(_ b: UInt8) -> Bool {
    (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
  }

  /// Whether `offset` lies inside an `extern "C" { ... }` block (comments and strings skipped; the
  /// preprocessor's conditionals are not evaluated, which suits the usual `#ifdef __cplusplus` guards).
  /// Whether C++ code (anything but blank lines, comments and preprocessor directives) comes before
  /// `offset`: nvcc includes cuda_runtime.h ahead of a file's first line, so such code may use what
  /// it declares (`NULL`, `size_t`) even above the file's own includes.
  public func hasCodeBefore(_ offset: Int) -> Bool {
    var line = 0
    var inBlockComment = false
    var continued = false
    while line < min(offset, bytes.count) {
      let end = lineEnd(of: line)
      var t = self[line..<min(end, offset)].trimmingCharacters(in: .whitespacesAndNewlines)
      defer { line = end }
      if continued { continued = t.hasSuffix("\\"); continue }
      if inBlockComment {
        guard let close = t.range(of: "*/") else { continue }
        inBlockComment = false
        t = String(t[close.upperBound...]).trimmingCharacters(in: .whitespaces)
      }
      while t.hasPrefix("/*") {
        guard let close = t.range(of: "*/") else { inBlockComment = true; t = ""; break }
        t = String(t[close.upperBound...]).trimmingCharacters(in: .whitespaces)
      }
      if t.isEmpty || t.hasPrefix("//") { continue }
      if t.hasPrefix("#") { continued = t.hasSuffix("\\"); continue }
      return true
    }
    return false
  }

  public func isInsideExternC(_ offset: Int) -> Bool {
    var stack: [Bool] = []
    var i = 0
    let end = min(offset, bytes.count)
    func at(_ j: Int, _ c: Character) -> Bool { j < bytes.count && bytes[j] == c.asciiValue! }
    while i < end {
      let b = bytes[i]
      if at(i, "/") && at(i + 1, "/") {
        while i < end && !at(i, "\n") { i += 1 }
      } else if at(i, "/") && at(i + 1, "*") {
        i += 2
        while i < end && !(at(i, "*") && at(i + 1, "/")) { i += 1 }
        i += 1
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        i += 1
        while i < end && bytes[i] != b { if bytes[i] == UInt8(ascii: "\\") { i += 1 }; i += 1 }
      } else if b == UInt8(ascii: "{") {
        let before = self[max(0, i - 40)..<i].filter { !$0.isWhitespace }
        stack.append(before.hasSuffix("extern\"C\""))
      } else if b == UInt8(ascii: "}") {
        _ = stack.popLast()
      }
      i += 1
    }
    return stack.contains(true)
  }
}

extension SourceText {
  /// Whether the bytes contain `needle` (a byte search: much faster than Foundation's string search
  /// for the whole-file prefilters that run on every file of a tree).
  public func contains(_ needle: String) -> Bool { firstOffset(of: needle) != nil }

  /// The offset of the first `needle` at or after `start` (a byte search).
  public func firstOffset(of needle: String, from start: Int = 0) -> Int? {
    let n = Array(needle.utf8)
    guard !n.isEmpty else { return start }
    guard bytes.count >= n.count else { return nil }
    return bytes.withUnsafeBufferPointer { h in
      let first = n[0], last = h.count - n.count
      var i = max(0, start)
      while i <= last {
        if h[i] == first {
          var j = 1
          while j < n.count && h[i + j] == n[j] { j += 1 }
          if j == n.count { return i }
        }
        i += 1
      }
      return nil
    }
  }
}
