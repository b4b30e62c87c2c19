import Clang

/// The operations of one group, written as a method (`g.sync()`) or a free function (`cg::sync(g)`):
/// their SYCL form for the work-group, the 32-wide sub-group, a narrower tile of it (lane arithmetic and
/// the warp-shuffle helpers with the tile as the width) and a run-time `thread_group` (the
/// `cu2sycl::thread_group` helper, which has the same three methods).
extension CooperativeGroupsRule {
  enum Translation {
    case pieces([Piece])
    case finding(WarningKind, String)
    /// Not an operation cu2sycl knows: the occurrence stays unsupported.
    case unknown
  }

  /// `group` is the group expression as an operand, `arguments` the other written arguments.
  func translate(_ method: String, of kind: GroupKind, group: [Piece], arguments: [Piece], call: Cursor,
                 _ context: MigrationContext) -> Translation {
    if let finding = unsupported(kind, what: "\(method)()") { return .finding(finding.0, finding.1) }
    func function(_ name: String, extra: [Piece] = []) -> [Piece] {
      [.text("\(name)(")] + group + arguments.flatMap { [Piece.text(", "), $0] } + extra + [.text(")")]
    }
    func parenthesized(_ pieces: [Piece], precedence: Int) -> [Piece] {
      needsParentheses(replacing: call, precedence: precedence, context) ? [.text("(")] + pieces + [.text(")")] : pieces
    }
    let n = arguments.count
    switch kind {
    case .generic:
      // cu2sycl::thread_group has these three (num_threads is CUDA's newer name for size).
      switch method {
      case "sync" where n == 0, "thread_rank" where n == 0, "size" where n == 0, "num_threads" where n == 0:
        return .pieces(group + [.text(".\(method)()")])
      default:
        return .finding(Warnings.groupSize, "\(method)() on a thread_group chosen at run time: cu2sycl::thread_group has only thread_rank(), size() and sync(); call the operation on the sycl::group or sycl::sub_group it was made from")
      }
    case .block:
      switch method {
      case "sync" where n == 0: return .pieces(function("sycl::group_barrier"))
      case "thread_rank" where n == 0: return .pieces(group + [.text(".get_local_linear_id()")])
      case "size" where n == 0, "num_threads" where n == 0: return .pieces(group + [.text(".get_local_linear_range()")])
      default: return .unknown
      }
    default:
      guard let size = kind.tileSize else { return .unknown }
      let width: [Piece] = size < 32 ? [.text(", \(size)")] : []
      switch method {
      case "sync" where n == 0: return .pieces(function("sycl::group_barrier"))
      case "thread_rank" where n == 0:
        if size == 32 { return .pieces(group + [.text(".get_local_linear_id()")]) }
        return .pieces(parenthesized(group + [.text(".get_local_linear_id() % \(size)")], precedence: 5))
      case "size" where n == 0, "num_threads" where n == 0:
        return .pieces(size == 32 ? group + [.text(".get_local_linear_range()")] : [.text("\(size)u")])
      case "meta_group_rank" where n == 0:
        if size == 32 { return .pieces(group + [.text(".get_group_linear_id()")]) }
        // Tiles are numbered through the work-group: the sub-group's tiles, then the lane's tile in it.
        return .pieces(parenthesized(group + [.text(".get_group_linear_id() * \(32 / size) + ")] + group
                                       + [.text(".get_local_linear_id() / \(size)")], precedence: 6))
      case "meta_group_size" where n == 0:
        if size == 32 { return .pieces(group + [.text(".get_group_linear_range()")]) }
        guard let f = context.enclosingFunction(of: call), context.plan.needsItem.contains(f.usr) else { return .unknown }
        return .pieces(parenthesized([.text("(\(context.itemName).get_local_range().size() + \(size - 1)) / \(size)")], precedence: 5))
      case "shfl" where n == 2:
        return .pieces(size == 32 ? function("sycl::select_from_group") : function("cu2sycl::shfl", extra: width))
      case "shfl_xor" where n == 2:
        return .pieces(size == 32 ? function("sycl::permute_group_by_xor") : function("cu2sycl::shfl_xor", extra: width))
      case "shfl_down" where n == 2, "shfl_up" where n == 2:
        return .pieces(function("cu2sycl::\(method)", extra: width))
      case "any" where n == 1, "all" where n == 1:
        return .pieces(size == 32 ? function("sycl::\(method)_of_group") : function("cu2sycl::tile_\(method)", extra: width))
      case "ballot" where n == 1:
        return .pieces(size == 32 ? function("cu2sycl::ballot") : function("cu2sycl::tile_ballot", extra: width))
      default: return .unknown
      }
    }
  }

  /// The runtime helper a translated operation calls.
  func helper(for pieces: [Piece]) -> RuntimeHelper? {
    let text = pieces.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
    if text.hasPrefix("cu2sycl::tile_") { return .tileGroup }
    if text.hasPrefix("cu2sycl::ballot") { return .ballot }
    if text.hasPrefix("cu2sycl::shfl") { return .warpShuffle }
    return nil
  }

  // MARK: Methods

  func convertMember(_ i: Int, _ context: MigrationContext) {
    let entry = context.entries[i]
    let o = entry.occurrence
    let parts = o.name.split(separator: ".").map(String.init)
    guard parts.count == 2, let cursor = entry.cursor, let base = cursor.children.first,
          let call = context.call(named: cursor), let r = context.range(of: call), let b = context.source(base) else { return }
    func manual(_ kind: WarningKind, _ message: String) { context.claim(i, .manual, rule: Self.id, warning: kind, message: message) }
    let method = parts[1]
    let kind = groupKind(base, context)
    if kind == .block, ["group_index", "thread_index", "group_dim", "dim_threads"].contains(method) {
      convertBlockIndex(i, method: method, base: b, call: call, context)
      return
    }
    let arguments = context.writtenArguments(call).compactMap { context.source($0) }
    switch translate(method, of: kind, group: [b], arguments: arguments, call: call, context) {
    case .pieces(let pieces):
      if let h = helper(for: pieces) { context.use(h, in: r.file) }
      context.edit(r.file, r.range, pieces, rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    case .finding(let warning, let message):
      manual(warning, message.hasPrefix("\(method)()") ? "\(parts[0]).\(message)" : message)
    case .unknown:
      return
    }
  }

  /// `block.group_index().x`: one component of the dim3, from the group (CUDA's x is SYCL's last).
  func convertBlockIndex(_ i: Int, method: String, base: Piece, call: Cursor, _ context: MigrationContext) {
    guard let cursor = context.entries[i].cursor, let component = context.semanticParent(of: call), component.kind == .memberRefExpr,
          ["x", "y", "z"].contains(component.spelling), let cr = context.range(of: component),
          let f = context.enclosingFunction(of: cursor), let n = context.plan.dimensions[f.usr] else {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.unsupported,
                    message: "\(method)() as a whole dim3; use its .x/.y/.z, or the group's sycl::range/sycl::id by hand")
      return
    }
    let query = ["group_index": "get_group_id", "thread_index": "get_local_id"][method] ?? "get_local_range"
    let pieces: [Piece]
    if let d = context.syclIndex(component: component.spelling, dimensions: n) {
      pieces = [base, .text(".\(query)(\(d))")]
    } else {
      // A dimension the kernel does not have: index 0 of extent 1.
      pieces = [.text(query == "get_local_range" ? "1" : "0")]
    }
    if let c = context.entryIndex(at: cr.file, offset: cr.range.lowerBound, name: "dim3.\(component.spelling)") {
      context.claim(c, .converted, rule: Self.id)
    }
    context.edit(cr.file, cr.range, pieces, rule: Self.id)
    context.claim(i, .converted, rule: Self.id)
  }
}
