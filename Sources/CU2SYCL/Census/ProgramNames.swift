/// What every unit may need to know about the whole migrated tree, gathered from the texts before
/// any unit is parsed: the names written as string literals (kernels looked up by name in a module)
/// and the files that define kernels (to say which migrated file a module's kernels come from).
public struct ProgramNames: Sendable {
  /// Identifiers that appear as a whole string literal somewhere (`"VecAdd_kernel"`).
  public var stringLiterals: Set<String> = []
  /// Kernel name -> the input files that define a `__global__` function of that name.
  public var kernelFiles: [String: [String]] = [:]

  public init() {}

  public init(texts: [String: SourceText]) {
    for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
      let s = text.string
      for literal in ProgramNames.stringLiterals(in: s) where ProgramNames.isIdentifier(literal) { stringLiterals.insert(literal) }
      guard text.contains("__global__") else { continue }
      for name in ProgramNames.kernelDefinitions(in: text) where !(kernelFiles[name] ?? []).contains(path) { kernelFiles[name, default: []].append(path) }
    }
  }

  static func isIdentifier(_ s: String) -> Bool {
    guard let f = s.first, f.isLetter || f == "_" else { return false }
    return s.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
  }

  /// The contents of `"..."` literals (escapes kept as written; character literals skipped).
  static func stringLiterals(in s: String) -> [String] {
    var out: [String] = []
    var i = s.utf8.startIndex
    let u = s.utf8
    while i < u.endIndex {
      let c = u[i]
      if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
        var j = u.index(after: i)
        while j < u.endIndex, u[j] != c, u[j] != UInt8(ascii: "\n") {
          if u[j] == UInt8(ascii: "\\") { j = u.index(after: j); if j == u.endIndex { break } }
          j = u.index(after: j)
        }
        if c == UInt8(ascii: "\""), j < u.endIndex, u[j] == c { out.append(String(s[u.index(after: i)..<j]) ) }
        i = j < u.endIndex ? u.index(after: j) : j
        continue
      }
      i = u.index(after: i)
    }
    return out
  }

  /// Names of functions written `__global__ ... name(` (definitions and declarations alike).
  static func kernelDefinitions(in text: SourceText) -> [String] {
    var out: [String] = []
    var next = 0
    while let found = text.firstOffset(of: "__global__", from: next) {
      next = found + "__global__".utf8.count
      // The head runs to the first `(`; a `;` or `{` before it means this is no function head.
      var end = next
      while end < text.bytes.count, ![UInt8(ascii: "("), UInt8(ascii: ";"), UInt8(ascii: "{")].contains(text.bytes[end]) { end += 1 }
      guard end < text.bytes.count, text.bytes[end] == UInt8(ascii: "(") else { continue }
      if let name = identifiers(in: text[next..<end]).last, !out.contains(name) { out.append(name) }
    }
    return out
  }
}
