import Clang

/// The free functions of cooperative groups: making groups (`this_thread_block`, `tiled_partition`),
/// the free forms of the group operations (`cg::sync(g)`), and the collectives (`cg::reduce`, scans).
extension CooperativeGroupsRule {
  func convertFunction(_ i: Int, _ context: MigrationContext) {
    let entry = context.entries[i]
    let o = entry.occurrence
    let item = context.itemName
    func manual(_ kind: WarningKind, _ message: String) { context.claim(i, .manual, rule: Self.id, warning: kind, message: message) }
    guard let cursor = entry.cursor, let call = context.call(named: cursor), let r = context.range(of: call),
          r.range.lowerBound == o.offset, let cr = context.range(of: cursor) else {
      manual(Warnings.unsupported, "'\(o.name)' is not called directly here; use the SYCL group function by hand")
      return
    }
    let args = context.writtenArguments(call)
    guard let function = context.enclosingFunction(of: cursor), context.plan.needsItem.contains(function.usr) || !args.isEmpty else {
      manual(Warnings.unsupported, "'\(o.name)' is used outside device code; replace it by hand")
      return
    }
    switch o.name {
    case "this_thread_block":
      // `this_thread_block(scratch)` only adds shared scratch for tiles wider than a warp (flagged there).
      context.replace(r.file, r.range, with: "\(item).get_group()", rule: Self.id)
      context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
    case "tiled_partition" where args.count == 1:
      var kind = createdKind(call, context) ?? .tile(nil)
      if let n = cursor.referenced?.templateArgumentSpellings?.first.flatMap({ Int($0) }) { kind = .tile(n) }
      let written: String
      if case .tile(let n?) = kind { written = String(n) } else { written = "?" }
      if let finding = unsupported(kind, what: "tiled_partition<\(written)>")
        ?? unsupported(groupKind(args[0], context), what: "tiled_partition of this group") {
        manual(finding.0, finding.1)
        return
      }
      // Every tile inside the sub-group is the sub-group; its operations know the tile's size.
      context.replace(r.file, r.range, with: "\(item).get_sub_group()", rule: Self.id)
      context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
    case "tiled_partition" where args.count == 2:
      // A size known only at run time in CUDA's type system, but often a constant: a thread_group tile.
      let size = Syntax.stripImplicit(args[1]).integerValue ?? args[1].integerValue
      guard let n = size.map(Int.init), GroupKind.subGroupTileSizes.contains(n), let s = context.source(args[1]) else {
        manual(Warnings.groupSize, "tiled_partition(group, \(context.text(of: args[1]))): the tile size is not a constant of 1 to 32, so cu2sycl cannot place the tile in the 32-wide sub-group; use a constant size, or the work-group with local memory for larger tiles")
        return
      }
      if let finding = unsupported(groupKind(args[0], context), what: "tiled_partition of this group") {
        manual(finding.0, finding.1)
        return
      }
      context.use(.threadGroup, in: r.file)
      context.edit(r.file, r.range, [.text("cu2sycl::thread_group(\(item).get_sub_group(), "), s, .text(")")], rule: Self.id)
      context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
    case "sync", "thread_rank", "group_size", "num_threads":
      guard args.count == 1 else { return }
      let method = o.name == "group_size" ? "size" : o.name
      switch translate(method, of: groupKind(args[0], context), group: context.operand(args[0]), arguments: [], call: call, context) {
      case .pieces(let pieces): context.edit(r.file, r.range, pieces, rule: Self.id)
      case .finding(let warning, let message): manual(warning, "cg::\(o.name)(group)" + message.drop { $0 != ":" })
      case .unknown: return
      }
    case "reduce", "inclusive_scan", "exclusive_scan":
      guard args.count == 3 || (args.count == 2 && o.name != "reduce") else { return }
      let kind = groupKind(args[0], context)
      if let finding = unsupported(kind, what: "cg::\(o.name) over this group") {
        manual(finding.0, finding.1)
        return
      }
      if kind == .generic {
        manual(Warnings.groupSize, "cg::\(o.name) over a thread_group chosen at run time: SYCL group algorithms need the group's type; call it on the sycl::group or sycl::sub_group the thread_group was made from")
        return
      }
      if let n = kind.narrowTile, o.name != "reduce" {
        manual(Warnings.groupSize, "cg::\(o.name) over a tile of \(n): SYCL scans cover the whole 32-wide sub-group; scan within the tile with cu2sycl::shfl_up(sg, v, d, \(n)) in a loop over d = 1, 2, 4, ...")
        return
      }
      if args.count == 3 {
        guard isGroupOperator(args[2]) else {
          manual(Warnings.groupOperator, "cg::\(o.name) with the operator '\(context.text(of: args[2]))': SYCL group algorithms take only SYCL function objects (sycl::plus, sycl::minimum, ...)")
          return
        }
      }
      if let n = kind.narrowTile, let last = context.range(of: args[2]) {
        // A butterfly of xor shuffles that stays inside the tile.
        context.use(.tileGroup, in: r.file)
        context.replace(cr.file, cr.range, with: "cu2sycl::tile_reduce", rule: Self.id)
        context.replace(last.file, last.range.upperBound..<last.range.upperBound, with: ", \(n)", rule: Self.id)
        break
      }
      let name = o.name == "reduce" ? "sycl::reduce_over_group" : "sycl::\(o.name)_over_group"
      context.replace(cr.file, cr.range, with: name, rule: Self.id)
      if args.count == 2, let last = context.range(of: args[1]) {
        // Without an operator cooperative groups add; SYCL needs it written.
        context.replace(last.file, last.range.upperBound..<last.range.upperBound, with: ", sycl::plus<>()", rule: Self.id)
      }
    case "this_grid", "this_multi_grid":
      let (kind, message) = unsupported(.grid, what: "\(o.name)()")!
      manual(kind, message)
      return
    case "coalesced_threads":
      let (kind, message) = unsupported(.coalesced, what: "\(o.name)()")!
      manual(kind, message)
      return
    case "binary_partition", "labeled_partition":
      manual(Warnings.groupSize, "\(o.name)(): SYCL has no group of the lanes that share a label; compute the label's lanes with cu2sycl::ballot and use lane arithmetic on item.get_sub_group()")
      return
    default:
      return
    }
    context.claim(i, .converted, rule: Self.id)
  }

  /// Whether a reduction's operator is one of cooperative groups' function objects (also when its type
  /// depends on a template parameter: `cg::plus<T>()`).
  func isGroupOperator(_ argument: Cursor) -> Bool {
    let written = Syntax.stripImplicit(argument)
    let op = written.type.canonical.spelling
    if op.contains("cooperative_groups::"), Self.operators.keys.contains(where: { op.contains("::\($0)<") }) { return true }
    return written.children.contains { c in
      guard [.templateRef, .typeRef].contains(c.kind), let decl = c.referenced else { return false }
      return Self.operators[decl.spelling] != nil && Self.isInCooperativeGroups(decl)
    }
  }

  /// A tile narrower than the sub-group passed where a `thread_group` is expected: it is a
  /// `sycl::sub_group` now, so the conversion to `cu2sycl::thread_group` must be told the tile's size.
  /// (A work-group and a sub-group of 32 convert implicitly.)
  func convertTilesToThreadGroups(_ context: MigrationContext) {
    var conversions: [(file: String, range: Range<Int>, size: Int)] = []
    for (c, _) in context.census.parent where c.kind == .callExpr {
      guard let ctor = c.referenced, ctor.kind == .constructor, ctor.spelling == "thread_group",
            ctor.semanticParent.map(Self.isInCooperativeGroups) == true, c.children.count == 1,
            let n = groupKind(c.children[0], context).narrowTile, let r = context.range(of: c), !r.range.isEmpty,
            context.enclosingFunction(of: c).map({ $0.space != .host }) == true else { continue }
      conversions.append((r.file, r.range, n))
    }
    for v in conversions.sorted(by: { ($0.file, $0.range.lowerBound) < ($1.file, $1.range.lowerBound) }) {
      context.use(.threadGroup, in: v.file)
      context.replace(v.file, v.range.lowerBound..<v.range.lowerBound, with: "cu2sycl::thread_group(", rule: Self.id)
      context.replace(v.file, v.range.upperBound..<v.range.upperBound, with: ", \(v.size))", rule: Self.id)
    }
  }
}
