import Clang

/// A readable dump of the AST cursors of one file, for developers investigating how libclang sees CUDA.
public enum ASTDump {
  public static func dump(_ tu: TranslationUnit, onlyFile: String) -> String {
    var out = ""
    func visit(_ c: Cursor, depth: Int) {
      let start = c.extent.start.spelling
      let exp = c.extent.start.expansion
      let end = c.extent.end.spelling
      if depth == 1, exp?.file != onlyFile { return }
      let ref = c.referenced.map { r -> String in
        let p = r.location.spelling
        return " -> \(r.kind) \(r.spelling) @\(p.map { "\($0.file.asLike.last):\($0.line)" } ?? "?")"
      } ?? ""
      let range = "\(start?.offset ?? -1)..<\(end?.offset ?? -1) exp:\(exp?.offset ?? -1)"
      out += String(repeating: "  ", count: depth) + "\(c.kind) '\(c.spelling)' [\(range)] type='\(c.type.spelling)'\(ref)\n"
      for ch in c.children { visit(ch, depth: depth + 1) }
    }
    for ch in tu.cursor.children { visit(ch, depth: 1) }
    return out
  }
}

private struct NSStringLike { let s: String; var last: Substring { s.split(separator: "/").last ?? "" } }
private func as_(_ s: String) -> NSStringLike { NSStringLike(s: s) }
extension String { fileprivate var asLike: NSStringLike { NSStringLike(s: self) } }
private typealias NSStringLikeAlias = NSStringLike
