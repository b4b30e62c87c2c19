import Clang

/// What a cooperative-groups expression is, from its type (and, in templates, from where it comes from).
enum GroupKind: Equatable {
  /// `tile(n)`: a `thread_block_tile<n>` (nil: a size cu2sycl cannot evaluate, a template parameter).
  /// `generic`: a `thread_group` chosen at run time. `dependent`: a template parameter's type.
  case block, tile(Int?), grid, coalesced, generic, dependent

  /// Tiles that fit in the 32-wide sub-group of migrated kernels: lanes `lane / n * n` to `+ n - 1`.
  static let subGroupTileSizes: Set<Int> = [1, 2, 4, 8, 16, 32]

  /// The size of a tile that lives inside the sub-group.
  var tileSize: Int? {
    if case .tile(let n?) = self, GroupKind.subGroupTileSizes.contains(n) { return n }
    return nil
  }

  /// A tile narrower than the sub-group (its operations need the tile size).
  var narrowTile: Int? { tileSize.flatMap { $0 < 32 ? $0 : nil } }
}

extension CooperativeGroupsRule {
  /// The kind of a group expression. In templates the type may be dependent: a variable initialized
  /// from `this_thread_block(...)` or `tiled_partition<N>(...)` is that group, and a parameter of a
  /// template type is whatever its callers pass (when they agree).
  func groupKind(_ expression: Cursor, _ context: MigrationContext, depth: Int = 0) -> GroupKind {
    // Below implicit conversions: a tile passed as a `const thread_group &` is still the tile.
    let written = Syntax.stripImplicit(expression)
    let kind = declaredKind(written.type.canonical.spelling)
    guard kind == .dependent, depth < 4 else { return kind }
    guard written.kind == .declRefExpr, let decl = written.referenced else { return kind }
    if decl.kind == .varDecl, let initializer = decl.children.last.map(Syntax.stripImplicit), initializer.kind == .callExpr {
      return createdKind(initializer, context) ?? kind
    }
    if decl.kind == .parmDecl { return callersKind(of: decl, context, depth: depth) ?? kind }
    return kind
  }

  /// The kind a type names; `dependent` for any other type (group operations only see group types, so
  /// that is a template parameter's).
  func declaredKind(_ canonical: String) -> GroupKind {
    var spelling = canonical
    for prefix in ["const ", "volatile "] where spelling.hasPrefix(prefix) { spelling.removeFirst(prefix.count) }
    while spelling.hasSuffix("&") || spelling.hasSuffix(" ") { spelling.removeLast() }
    if let r = spelling.range(of: "thread_block_tile<") {
      return .tile(Int(spelling[r.upperBound...].prefix { $0.isNumber }))
    }
    if spelling.hasSuffix("thread_block") { return .block }
    if spelling.hasSuffix("grid_group") || spelling.hasSuffix("multi_grid_group") { return .grid }
    if spelling.hasSuffix("coalesced_group") { return .coalesced }
    if spelling.hasSuffix("thread_group") { return .generic }
    return .dependent
  }

  /// The group a (possibly dependent) call creates: `this_thread_block(...)`, `tiled_partition<N>(...)`.
  func createdKind(_ call: Cursor, _ context: MigrationContext) -> GroupKind? {
    guard let callee = call.children.first.map(Syntax.stripImplicit), let name = Census.calledName(callee) else { return nil }
    switch name {
    case "this_thread_block": return .block
    case "tiled_partition":
      let written = context.text(of: callee)
      guard let arguments = KernelPlan.writtenTemplateArguments(written) else { return .generic }
      return .tile(arguments.first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
    default: return nil
    }
  }

  /// The kind every caller of a function template passes for one of its parameters. Callers passing a
  /// group that is flagged where it is made (a tile of a template-dependent size, the grid) do not count.
  func callersKind(of parameter: Cursor, _ context: MigrationContext, depth: Int) -> GroupKind? {
    guard let function = context.enclosingFunction(of: parameter),
          let index = function.definition?.children.filter({ $0.kind == .parmDecl }).firstIndex(of: parameter) else { return nil }
    var kinds: [GroupKind] = []
    for caller in context.census.functions.values {
      for call in caller.calls where call.callee == function.usr {
        let arguments = Array(call.call.children.dropFirst())
        guard index < arguments.count else { continue }
        let kind = groupKind(arguments[index], context, depth: depth + 1)
        if case .tile(let n) = kind, n.map({ !GroupKind.subGroupTileSizes.contains($0) }) ?? true { continue }
        if kind == .grid || kind == .coalesced { continue }
        if !kinds.contains(kind) { kinds.append(kind) }
      }
    }
    return kinds.count == 1 ? kinds[0] : nil
  }

  /// The finding for a group SYCL has no equivalent of, or nil for the work-group, a tile inside the
  /// sub-group and a run-time `thread_group` (whose operations are checked one by one).
  func unsupported(_ kind: GroupKind, what: String) -> (WarningKind, String)? {
    switch kind {
    case .block, .generic: return nil
    case .tile(let n?) where GroupKind.subGroupTileSizes.contains(n): return nil
    case .tile(let n?):
      return (Warnings.groupSize, "\(what): a tile of \(n) spans several sub-groups, and SYCL has no such group; use the work-group with local memory (sycl::group_barrier(item.get_group()))")
    case .tile(nil):
      return (Warnings.groupSize, "\(what): the tile's size is not a constant cu2sycl can evaluate (a template parameter?); tiles of 1 to 32 become the 32-wide sub-group with lane arithmetic, larger ones need the work-group and local memory")
    case .grid where what.hasSuffix(".sync()") || what.hasPrefix("sync("):
      return (Warnings.gridSync, "\(what): SYCL 2020 has no grid-wide barrier; split the kernel here into two kernels launched one after the other (the launch boundary is the barrier)")
    case .grid where what.hasSuffix("()"):
      return (Warnings.gridSync, "\(what): the grid as a group needs CUDA's cooperative launch, which SYCL 2020 does not have; use item.get_global_linear_id() and get_global_range() for ranks and sizes, and split the kernel at each grid.sync()")
    case .grid:
      return (Warnings.gridSync, "\(what): SYCL 2020 has no grid-wide group")
    case .coalesced:
      return (Warnings.coalescedGroup, "\(what): SYCL has no group of the converged lanes; make the whole sub-group call the collective and use item.get_sub_group()")
    case .dependent:
      return (Warnings.groupSize, "\(what): the group's type is a template parameter whose callers pass different groups (or none cu2sycl can see); write the SYCL group operation for each instantiation")
    }
  }

  /// Whether an expression of C++ precedence `precedence` (5: `*` `/` `%`, 6: `+` `-`) written where
  /// `call` is needs parentheses.
  func needsParentheses(replacing call: Cursor, precedence: Int, _ context: MigrationContext) -> Bool {
    var c = call
    while let p = context.census.parent[c] {
      if p.kind == .unexposedExpr { c = p; continue }
      switch p.kind {
      case .unaryOperator, .cStyleCastExpr, .memberRefExpr: return true
      case .binaryOperator:
        guard let op = context.binaryOperator(p) else { return true }
        let q = ["*": 5, "/": 5, "%": 5, "+": 6, "-": 6, "<<": 7, ">>": 7][op] ?? 9
        return q < precedence || (q == precedence && p.children.last == c)
      default: return false
      }
    }
    return false
  }
}
