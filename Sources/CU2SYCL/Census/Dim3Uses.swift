import Clang

/// How a unit uses its local `dim3` variables, which decides whether one can become a `sycl::range<N>`.
struct Dim3Uses {
  /// Variables (by USR) assigned as a whole, whose address is taken or that bind to a non-const reference:
  /// a `sycl::range` cannot stand in for the dim3 there.
  var escaping = Set<String>()
  /// The highest component (x = 1, y = 2, z = 3) each variable gets assigned a value other than 1.
  var assignedComponents: [String: Int] = [:]

  init() {}

  init(census: Census) {
    for (c, parent) in census.parent where c.kind == .declRefExpr {
      guard let v = c.referenced, v.kind == .varDecl, c.type.canonical.spelling.hasSuffix("dim3") else { continue }
      var p = parent
      while p.kind == .parenExpr, let up = census.parent[p] { p = up }
      switch p.kind {
      case .memberRefExpr:
        if let component = ["x": 1, "y": 2, "z": 3][p.spelling], Self.isAssignedOtherThanOne(p, census) {
          assignedComponents[v.usr] = max(assignedComponents[v.usr] ?? 1, component)
        }
      // A conversion to const dim3 (const reference) or a copy (by value) takes a range too.
      case .unexposedExpr: break
      default: escaping.insert(v.usr)
      }
    }
  }

  /// `grid.y = n` or `grid.y *= 2`, but not `grid.y = 1` (a dimension of size 1 changes nothing).
  private static func isAssignedOtherThanOne(_ member: Cursor, _ census: Census) -> Bool {
    var child = member
    var p = census.parent[member]
    while let q = p, q.kind == .parenExpr { child = q; p = census.parent[q] }
    guard let op = p, op.kind == .binaryOperator || op.kind == .compoundAssignOperator || op.kind == .unaryOperator,
          op.children.first == child else { return false }
    if op.kind == .unaryOperator {
      // ++grid.y / grid.y++ change it; -grid.y does not.
      return op.tokens.contains { $0.spelling == "++" || $0.spelling == "--" }
    }
    let tokens = op.tokens.map(\.spelling)
    let assigns = ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="]
    guard let i = tokens.firstIndex(where: { assigns.contains($0) }) else { return false }
    let value = tokens[(i + 1)...].joined()
    return !(tokens[i] == "=" && ["1", "1u", "1U"].contains(value))
  }
}

extension Census {
  /// Whether a declaration is inside a function body (a local variable, static or not).
  func isLocal(_ declaration: Cursor) -> Bool {
    var c = declaration
    while let p = parent[c] {
      if [.functionDecl, .functionTemplate, .cxxMethod, .constructor, .destructor, .lambdaExpr].contains(p.kind) { return true }
      if [.structDecl, .classDecl, .classTemplate, .namespace, .translationUnit].contains(p.kind) { return false }
      c = p
    }
    return false
  }
}
