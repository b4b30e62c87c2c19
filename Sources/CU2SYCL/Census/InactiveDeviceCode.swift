import Clang

/// Code a host-only parse never sees: the branches of `#if` chains that test `__CUDA_ARCH__` and are
/// inactive on the host (`#ifdef __CUDA_ARCH__ ... #else`, `#if __CUDA_ARCH__ >= 700 ... #endif`). The
/// census cannot convert what it did not parse, but it must not count it as nothing either: the names
/// written there that are CUDA's are occurrences like any other.
enum InactiveDeviceCode {
  /// One skipped branch (or run of consecutive skipped branches) of a `__CUDA_ARCH__` chain.
  struct Branch {
    /// The directive that opens it (`#ifdef __CUDA_ARCH__`, `#elif ...`, `#else`).
    var directive: Int
    /// Identifiers written in it, outside directives, comments and literals.
    var identifiers: [(name: String, range: Range<Int>)]
  }

  /// The branches among clang's skipped ranges of a file whose `#if` chain tests `__CUDA_ARCH__`.
  static func branches(_ text: SourceText, skipped: [Range<Int>]) -> [Branch] {
    skipped.compactMap { r in
      let start = text.lineStart(of: r.lowerBound)
      guard let keyword = directive(text, at: start), let chain = chainOpening(text, branch: start, keyword: keyword),
            conditions(text, from: chain, to: r.upperBound).contains(where: { $0.contains("__CUDA_ARCH__") }) else { return nil }
      return Branch(directive: start, identifiers: identifiers(text, in: r))
    }
  }

  /// The keyword of a preprocessor directive on the line starting at `lineStart` (`if`, `else`, ...).
  static func directive(_ text: SourceText, at lineStart: Int) -> String? {
    var i = text.skipHorizontalSpace(from: lineStart)
    guard i < text.bytes.count, text.bytes[i] == UInt8(ascii: "#") else { return nil }
    i = text.skipHorizontalSpace(from: i + 1)
    return text[i..<text.endOfIdentifier(from: i)]
  }

  private static let opening: Set<String> = ["if", "ifdef", "ifndef"]
  private static let continuing: Set<String> = ["elif", "elifdef", "elifndef", "else"]

  /// The line start of the `#if` that opens the chain a branch belongs to.
  private static func chainOpening(_ text: SourceText, branch: Int, keyword: String) -> Int? {
    if opening.contains(keyword) { return branch }
    guard continuing.contains(keyword) else { return nil }
    var depth = 0
    for start in text.lineStarts.reversed() where start < branch {
      guard let k = directive(text, at: start) else { continue }
      if k == "endif" { depth += 1 } else if opening.contains(k) {
        if depth == 0 { return start }
        depth -= 1
      }
    }
    return nil
  }

  /// The lines of the chain's `#if` and `#elif` directives at its own depth, up to `end`.
  private static func conditions(_ text: SourceText, from chain: Int, to end: Int) -> [String] {
    var out: [String] = []
    var depth = 0
    for start in text.lineStarts where start >= chain && start < end {
      guard let k = directive(text, at: start) else { continue }
      if opening.contains(k) {
        if depth == 0 { out.append(line(text, at: start)) }
        depth += 1
      } else if k == "endif" {
        depth -= 1
        if depth == 0 { break }
      } else if depth == 1, k.hasPrefix("elif") {
        out.append(line(text, at: start))
      }
    }
    return out
  }

  private static func line(_ text: SourceText, at start: Int) -> String {
    var end = start
    while end < text.bytes.count, text.bytes[end] != UInt8(ascii: "\n") { end += 1 }
    return text[start..<end]
  }

  /// Identifiers in a range of code, outside preprocessor directives, comments and string or character
  /// literals.
  static func identifiers(_ text: SourceText, in range: Range<Int>) -> [(name: String, range: Range<Int>)] {
    var out: [(String, Range<Int>)] = []
    let b = text.bytes
    var i = range.lowerBound
    var atLineStart = true
    let end = min(range.upperBound, b.count)
    while i < end {
      let c = b[i]
      if c == UInt8(ascii: "\n") { atLineStart = true; i += 1; continue }
      if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") { i += 1; continue }
      if atLineStart && c == UInt8(ascii: "#") {
        // A directive, with its continuation lines.
        while i < end, !(b[i] == UInt8(ascii: "\n") && b[i - 1] != UInt8(ascii: "\\")) { i += 1 }
        continue
      }
      atLineStart = false
      if c == UInt8(ascii: "/"), i + 1 < end, b[i + 1] == UInt8(ascii: "/") {
        while i < end, b[i] != UInt8(ascii: "\n") { i += 1 }
      } else if c == UInt8(ascii: "/"), i + 1 < end, b[i + 1] == UInt8(ascii: "*") {
        i += 2
        while i + 1 < end, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
        i += 2
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        i += 1
        while i < end, b[i] != c, b[i] != UInt8(ascii: "\n") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
        i += 1
      } else if text.isIdentifierByte(c), !(c >= 48 && c <= 57) {
        let e = text.endOfIdentifier(from: i)
        out.append((text[i..<e], i..<e))
        i = e
      } else if c >= 48 && c <= 57 {
        // A number (with its suffix: 1.0f, 0xffu).
        while i < end, text.isIdentifierByte(b[i]) || b[i] == UInt8(ascii: ".") { i += 1 }
      } else {
        i += 1
      }
    }
    return out
  }
}
