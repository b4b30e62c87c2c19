/// Strings the SARIF renderer derives: URIs, rule names, Markdown and fingerprints.
enum SARIFText {
  /// A path as a URI reference. RFC 3986 lets a path segment hold unreserved characters, sub-delims
  /// and `@` as data (`b+tree` stays `b+tree`); every other UTF-8 byte is percent-encoded: spaces,
  /// non-ASCII, `%`, and `#`, `?`, `:` (which would end the path or read as a scheme).
  static func uriPath(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      if verbatim.contains(byte) {
        out.append(Character(UnicodeScalar(byte)))
      } else {
        out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
      }
    }
    return out
  }

  private static let verbatim = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@/".utf8)

  /// `file:` URI of an absolute directory, with the trailing slash a base URI needs.
  static func directoryURI(_ path: String) -> String {
    var p = path
    while p.count > 1, p.hasSuffix("/") { p.removeLast() }
    return "file://" + uriPath(p) + (p.hasSuffix("/") ? "" : "/")
  }

  /// A rule's `name`: its title as one PascalCase identifier ("inline PTX assembly" → InlinePTXAssembly).
  static func ruleName(_ title: String) -> String {
    title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// The warning explanations are plain text with `code` spans: outside the spans, characters that
  /// Markdown would read as emphasis, links or HTML (`__shared__`, `a[i]`, `<<<>>>`) are escaped.
  static func markdown(_ text: String) -> String {
    var out = ""
    var inCode = false
    for c in text {
      if c == "`" { inCode.toggle() }
      if !inCode, "\\*_[]<>#|".contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }

  /// 64-bit FNV-1a of the UTF-8 bytes, mixed by MurmurHash3's finalizer (so findings that differ in one
  /// byte get unrelated values), as 16 hex digits: stable across runs and platforms (Swift's `Hasher`
  /// is seeded per process), and ample to tell one project's findings apart.
  static func fingerprint(_ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (i, part) in parts.enumerated() {
      // A 0 byte between parts: ("ab", "c") and ("a", "bc") differ.
      for byte in (i == 0 ? [] : [0]) + Array(part.utf8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
    hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
    hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
    hash ^= hash >> 33
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
