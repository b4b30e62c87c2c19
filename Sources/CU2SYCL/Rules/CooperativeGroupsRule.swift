import Clang
import Foundation

/// Cooperative groups become SYCL 2020's two groups: the thread block is the work-group
/// (`sycl::group<N>`, `item.get_group()`), a tile of 32 is the sub-group (`sycl::sub_group`,
/// `item.get_sub_group()`; kernels using it require sub-groups of 32). Their methods and the free
/// functions become group functions and algorithms; `cg::reduce` and the scans become
/// `sycl::reduce_over_group` / `*_scan_over_group` with SYCL's function objects. Groups SYCL does not
/// have (tiles of other sizes, the grid, coalesced groups) are flagged with what to do. The
/// `namespace cg = cooperative_groups;` alias and `using namespace cooperative_groups;` go once a file
/// has nothing left that names them.
public struct CooperativeGroupsRule: MigrationRule {
  public static let id = "cooperative-groups"
  public static let summary = "Maps cooperative groups to the SYCL work-group and sub-group: this_thread_block, tiled_partition<32>, their methods, cg::reduce and scans; flags grid and coalesced groups."
  public static let covers = ["this_thread_block", "thread_block", "tiled_partition", "thread_block_tile", "thread_block.sync",
                              "thread_block.thread_rank", "thread_block.size", "thread_block.group_index", "thread_block.thread_index",
                              "thread_block_tile.shfl_down", "thread_block_tile.ballot", "cooperative_groups::sync",
                              "cooperative_groups::reduce", "cooperative_groups::inclusive_scan", "cooperative_groups::exclusive_scan",
                              "cooperative_groups::plus", "cooperative_groups::less", "cooperative_groups::greater", "this_grid",
                              "grid_group", "coalesced_threads", "coalesced_group"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      #include <cooperative_groups/reduce.h>
      namespace cg = cooperative_groups;

      __global__ void block_sum(const float *in, float *out) {
        cg::thread_block block = cg::this_thread_block();
        cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
        float v = cg::reduce(warp, in[block.thread_rank()], cg::plus<float>());
        if (warp.thread_rank() == 0) out[block.group_index().x * block.size() / 32 + warp.meta_group_rank()] = v;
        block.sync();
      }

      """,
      sycl: """

      void block_sum(const float *in, float *out, const sycl::nd_item<1> &item) {
        sycl::group<1> block = item.get_group();
        sycl::sub_group warp = item.get_sub_group();
        float v = sycl::reduce_over_group(warp, in[block.get_local_linear_id()], sycl::plus<float>());
        if (warp.get_local_linear_id() == 0) out[block.get_group_id(0) * block.get_local_linear_range() / 32 + warp.get_group_linear_id()] = v;
        sycl::group_barrier(block);
      }

      """),
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      #include <cooperative_groups/scan.h>
      using namespace cooperative_groups;

      __device__ int tile_sum(thread_block_tile<32> t, int v) {
        for (int o = t.size() / 2; o > 0; o /= 2) v += t.shfl_down(v, o);
        return t.shfl(v, 0) + t.any(v > 0) + t.all(v > 0) + t.ballot(v > 0) + t.shfl_xor(v, 1) + t.shfl_up(v, 1);
      }
      __global__ void k(int *data) {
        auto tile = tiled_partition<32>(this_thread_block());
        int x = exclusive_scan(tile, data[this_thread_block().thread_index().x]);
        sync(this_thread_block());
        data[thread_rank(this_thread_block())] = tile_sum(tile, x) + reduce(tile, x, less<int>());
      }

      """,
      sycl: """

      int tile_sum(sycl::sub_group t, int v) {
        for (int o = t.get_local_linear_range() / 2; o > 0; o /= 2) v += cu2sycl::shfl_down(t, v, o);
        return sycl::select_from_group(t, v, 0) + sycl::any_of_group(t, v > 0) + sycl::all_of_group(t, v > 0) + cu2sycl::ballot(t, v > 0) + sycl::permute_group_by_xor(t, v, 1) + cu2sycl::shfl_up(t, v, 1);
      }
      void k(int *data, const sycl::nd_item<1> &item) {
        auto tile = item.get_sub_group();
        int x = sycl::exclusive_scan_over_group(tile, data[item.get_group().get_local_id(0)], sycl::plus<>());
        sycl::group_barrier(item.get_group());
        data[item.get_group().get_local_linear_id()] = tile_sum(tile, x) + sycl::reduce_over_group(tile, x, sycl::minimum<int>());
      }

      """),
  ]

  /// Reduction operators: cooperative groups' name → SYCL function object.
  static let operators = ["plus": "plus", "less": "minimum", "greater": "maximum", "bit_and": "bit_and", "bit_or": "bit_or",
                          "bit_xor": "bit_xor"]

  /// What a group expression is, from its type.
  enum GroupKind: Equatable {
    case block, tile(Int?), grid, coalesced, generic
  }

  public init() {}

  public func apply(to context: MigrationContext) {
    let all = context.pending { [.type, .function, .member].contains($0.occurrence.kind) && Self.isCooperativeGroups($0) }
      .sorted { (context.entries[$0].occurrence.file, context.entries[$0].occurrence.offset) < (context.entries[$1].occurrence.file, context.entries[$1].occurrence.offset) }
    let types = all.filter { context.entries[$0].occurrence.kind == .type }
    // Tile types first: `thread_block_tile<32, cg::thread_block>` is replaced as a whole.
    for i in types where context.entries[i].occurrence.name == "thread_block_tile" && !context.isClaimed(i) { convertType(i, context) }
    for i in types where !context.isClaimed(i) { convertType(i, context) }
    for i in all where !context.isClaimed(i) {
      if context.entries[i].inMacroBody {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.macroBody,
                      message: "'\(context.entries[i].occurrence.name)' is in a macro body; expand the macro or write its body with SYCL groups")
        continue
      }
      switch context.entries[i].occurrence.kind {
      case .function: convertFunction(i, context)
      case .member: convertMember(i, context)
      default: break
      }
    }
    removeNamespaceLines(context)
  }

  // MARK: Which occurrences

  /// Whether an occurrence names a declaration of namespace `cooperative_groups`.
  static func isCooperativeGroups(_ entry: CensusEntry) -> Bool {
    guard let cursor = entry.cursor else { return false }
    var decl = entry.occurrence.kind == .member ? cursor.referenced : Census.declaration(named: cursor)
    while let d = decl {
      // The SDK declares them in cooperative_groups::__v1 (and details namespaces).
      if d.kind == .namespace, d.spelling == "cooperative_groups" { return true }
      decl = d.semanticParent
    }
    return false
  }

  func groupKind(_ expression: Cursor) -> GroupKind {
    var spelling = expression.type.canonical.spelling
    for prefix in ["const ", "volatile "] where spelling.hasPrefix(prefix) { spelling.removeFirst(prefix.count) }
    while spelling.hasSuffix("&") || spelling.hasSuffix(" ") { spelling.removeLast() }
    if let r = spelling.range(of: "thread_block_tile<") {
      return .tile(Int(spelling[r.upperBound...].prefix { $0.isNumber }))
    }
    if spelling.hasSuffix("thread_block") { return .block }
    if spelling.hasSuffix("grid_group") || spelling.hasSuffix("multi_grid_group") { return .grid }
    if spelling.hasSuffix("coalesced_group") { return .coalesced }
    return .generic
  }

  /// The finding for a group SYCL has no equivalent of, or nil for the work-group and a tile of 32.
  func unsupported(_ kind: GroupKind, what: String) -> (WarningKind, String)? {
    switch kind {
    case .block, .tile(32): return nil
    case .tile(let n):
      return (Warnings.groupSize, "\(what): a tile of \(n.map(String.init) ?? "this size") is not a SYCL group (only the work-group and the sub-group of 32 are); rewrite it with sycl::select_from_group and lane arithmetic")
    case .grid where what.hasSuffix(".sync()") || what.hasPrefix("sync("):
      return (Warnings.gridSync, "\(what): SYCL 2020 has no grid-wide barrier; split the kernel here into two kernels launched one after the other (the launch boundary is the barrier)")
    case .grid where what.hasSuffix("()"):
      return (Warnings.gridSync, "\(what): the grid as a group needs CUDA's cooperative launch, which SYCL 2020 does not have; use item.get_global_linear_id() and get_global_range() for ranks and sizes, and split the kernel at each grid.sync()")
    case .grid:
      return (Warnings.gridSync, "\(what): SYCL 2020 has no grid-wide group")
    case .coalesced:
      return (Warnings.coalescedGroup, "\(what): SYCL has no group of the converged lanes; make the whole sub-group call the collective and use item.get_sub_group()")
    case .generic:
      return (Warnings.groupSize, "\(what): a thread_group of run-time size is not a SYCL group; use sycl::group<N> or sycl::sub_group")
    }
  }

  // MARK: Types

  func convertType(_ i: Int, _ context: MigrationContext) {
    let entry = context.entries[i]
    let o = entry.occurrence
    guard !entry.inMacroBody, let text = context.texts[o.file] else {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.macroBody,
                    message: "'\(o.name)' is in a macro body; write the SYCL group type (sycl::group<N>, sycl::sub_group) by hand")
      return
    }
    let start = qualifiedStart(text, o.offset)
    let end = o.offset + o.length
    switch o.name {
    case "thread_block_tile":
      guard let close = templateArgumentsEnd(text, from: end) else { return }
      let first = text[text.skipHorizontalSpace(from: end) + 1..<close].split(separator: ",").first
        .map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
      var size = Int(first)
      if size == nil, let decl = entry.cursor.flatMap({ context.census.parent[$0] }), [.varDecl, .parmDecl, .fieldDecl].contains(decl.kind),
         case .tile(let n) = groupKind(decl) { size = n }
      if size != 32 {
        let (kind, message) = unsupported(.tile(size), what: "thread_block_tile<\(first)>")!
        context.claim(i, .manual, rule: Self.id, warning: kind, message: message)
        return
      }
      context.replace(o.file, start..<(close + 1), with: "sycl::sub_group", rule: Self.id)
      context.claimAll(in: o.file, start..<(close + 1), .converted, rule: Self.id)
    case "thread_block":
      guard let cursor = entry.cursor, let f = context.enclosingFunction(of: cursor), let n = context.plan.dimensions[f.usr] else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.unsupported,
                      message: "thread_block outside device code; use sycl::group<N> by hand")
        return
      }
      context.replace(o.file, start..<end, with: "sycl::group<\(n)>", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    case "grid_group", "multi_grid_group", "coalesced_group", "thread_group":
      let kind: GroupKind = o.name == "coalesced_group" ? .coalesced : o.name == "thread_group" ? .generic : .grid
      let (warning, message) = unsupported(kind, what: o.name)!
      context.claim(i, .manual, rule: Self.id, warning: warning, message: message)
    default:
      if let op = Self.operators[o.name] {
        context.replace(o.file, start..<end, with: "sycl::\(op)", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      }
    }
  }

  /// The start of `ns::name` or `::ns::name` written before `offset`.
  func qualifiedStart(_ text: SourceText, _ offset: Int) -> Int {
    var start = offset
    while true {
      var j = start
      while j > 0, text.bytes[j - 1] == UInt8(ascii: " ") { j -= 1 }
      guard j >= 2, text.bytes[j - 1] == UInt8(ascii: ":"), text.bytes[j - 2] == UInt8(ascii: ":") else { return start }
      j -= 2
      while j > 0, text.bytes[j - 1] == UInt8(ascii: " ") { j -= 1 }
      var k = j
      while k > 0, text.isIdentifierByte(text.bytes[k - 1]) { k -= 1 }
      start = k
      if k == j { return start }
    }
  }

  /// The offset of the `>` closing a template argument list that starts at `from` (after spaces).
  func templateArgumentsEnd(_ text: SourceText, from: Int) -> Int? {
    var i = text.skipHorizontalSpace(from: from)
    guard i < text.bytes.count, text.bytes[i] == UInt8(ascii: "<") else { return nil }
    var depth = 0
    while i < text.bytes.count {
      switch text.bytes[i] {
      case UInt8(ascii: "<"), UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ">"), UInt8(ascii: ")"):
        depth -= 1
        if depth == 0 { return i }
      case UInt8(ascii: ";"), UInt8(ascii: "{"): return nil
      default: break
      }
      i += 1
    }
    return nil
  }

  // MARK: Free functions

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
    case "this_thread_block" where args.isEmpty:
      context.replace(r.file, r.range, with: "\(item).get_group()", rule: Self.id)
    case "tiled_partition":
      let size = cursor.referenced?.templateArgumentSpellings?.first.flatMap { Int($0) }
      guard args.count == 1, size == 32 else {
        let what = args.count == 1 ? "tiled_partition<\(size.map(String.init) ?? "?")>" : "tiled_partition(group, size)"
        let (kind, message) = unsupported(args.count == 1 ? .tile(size) : .generic, what: what)!
        manual(kind, message)
        return
      }
      if let finding = unsupported(groupKind(args[0]), what: "tiled_partition of this group") {
        manual(finding.0, finding.1)
        return
      }
      context.replace(r.file, r.range, with: "\(item).get_sub_group()", rule: Self.id)
      context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
    case "sync", "thread_rank", "group_size", "num_threads":
      guard args.count == 1, let g = context.source(args[0]) else { return }
      if let finding = unsupported(groupKind(args[0]), what: "\(o.name)(group)") {
        manual(finding.0, finding.1)
        return
      }
      let pieces: [Piece]
      switch o.name {
      case "sync": pieces = [.text("sycl::group_barrier("), g, .text(")")]
      case "thread_rank": pieces = context.operand(args[0]) + [.text(".get_local_linear_id()")]
      default: pieces = context.operand(args[0]) + [.text(".get_local_linear_range()")]
      }
      context.edit(r.file, r.range, pieces, rule: Self.id)
    case "reduce", "inclusive_scan", "exclusive_scan":
      guard args.count == 3 || (args.count == 2 && o.name != "reduce") else { return }
      if let finding = unsupported(groupKind(args[0]), what: "cg::\(o.name) over this group") {
        manual(finding.0, finding.1)
        return
      }
      if args.count == 3 {
        let op = Syntax.stripImplicit(args[2]).type.canonical.spelling
        guard op.contains("cooperative_groups::"), Self.operators.keys.contains(where: { op.contains("::\($0)<") }) else {
          manual(Warnings.groupOperator, "cg::\(o.name) with the operator '\(context.text(of: args[2]))': SYCL group algorithms take only SYCL function objects (sycl::plus, sycl::minimum, ...)")
          return
        }
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
    case "coalesced_threads", "binary_partition", "labeled_partition":
      let (kind, message) = unsupported(o.name == "coalesced_threads" ? .coalesced : .generic, what: "\(o.name)()")!
      manual(kind, message)
      return
    default:
      return
    }
    context.claim(i, .converted, rule: Self.id)
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
    let kind = groupKind(Syntax.stripImplicit(base))
    if let finding = unsupported(kind, what: "\(parts[0]).\(method)()") {
      manual(finding.0, finding.1)
      return
    }
    let args = context.writtenArguments(call).compactMap { context.source($0) }
    func withArguments(_ name: String) -> [Piece] {
      [.text("\(name)("), b] + args.flatMap { [Piece.text(", "), $0] } + [.text(")")]
    }
    var range = r.range
    var pieces: [Piece]
    switch method {
    case "sync": pieces = withArguments("sycl::group_barrier")
    case "thread_rank": pieces = [b, .text(".get_local_linear_id()")]
    case "size", "num_threads": pieces = [b, .text(".get_local_linear_range()")]
    case "meta_group_rank" where kind != .block: pieces = [b, .text(".get_group_linear_id()")]
    case "meta_group_size" where kind != .block: pieces = [b, .text(".get_group_linear_range()")]
    case "shfl" where args.count == 2: pieces = withArguments("sycl::select_from_group")
    case "shfl_xor" where args.count == 2: pieces = withArguments("sycl::permute_group_by_xor")
    case "shfl_down" where args.count == 2, "shfl_up" where args.count == 2:
      context.use(.warpShuffle, in: r.file)
      pieces = withArguments("cu2sycl::\(method)")
    case "any" where args.count == 1: pieces = withArguments("sycl::any_of_group")
    case "all" where args.count == 1: pieces = withArguments("sycl::all_of_group")
    case "ballot" where args.count == 1:
      context.use(.ballot, in: r.file)
      pieces = withArguments("cu2sycl::ballot")
    case "group_index", "thread_index", "group_dim", "dim_threads" where kind == .block:
      // `block.group_index().x`: one component of the dim3, from the group (CUDA's x is SYCL's last).
      guard let component = context.semanticParent(of: call), component.kind == .memberRefExpr,
            ["x", "y", "z"].contains(component.spelling), let cr = context.range(of: component),
            let f = context.enclosingFunction(of: cursor), let n = context.plan.dimensions[f.usr] else {
        manual(Warnings.unsupported, "\(method)() as a whole dim3; use its .x/.y/.z, or the group's sycl::range/sycl::id by hand")
        return
      }
      let query = ["group_index": "get_group_id", "thread_index": "get_local_id"][method] ?? "get_local_range"
      if let d = context.syclIndex(component: component.spelling, dimensions: n) {
        pieces = [b, .text(".\(query)(\(d))")]
      } else {
        // A dimension the kernel does not have: index 0 of extent 1.
        pieces = [.text(query == "get_local_range" ? "1" : "0")]
      }
      range = cr.range
      if let c = context.entryIndex(at: cr.file, offset: cr.range.lowerBound, name: "dim3.\(component.spelling)") {
        context.claim(c, .converted, rule: Self.id)
      }
    default:
      return
    }
    context.edit(r.file, range, pieces, rule: Self.id)
    context.claim(i, .converted, rule: Self.id)
  }

  // MARK: Namespace lines

  /// Removes `namespace cg = cooperative_groups;` and `using namespace cooperative_groups;` lines from
  /// files where every cooperative-groups occurrence was converted.
  func removeNamespaceLines(_ context: MigrationContext) {
    var blocked = Set<String>()
    var touched = Set<String>()
    for e in context.entries where Self.isCooperativeGroups(e) || e.occurrence.name.hasPrefix("cooperative_groups") {
      touched.insert(e.occurrence.file)
      if e.occurrence.rule == nil || e.occurrence.outcome == .manual || e.occurrence.outcome == .unsupported { blocked.insert(e.occurrence.file) }
    }
    let pattern = try! NSRegularExpression(
      pattern: #"^[ \t]*(namespace[ \t]+[A-Za-z_][A-Za-z_0-9]*[ \t]*=[ \t]*(::)?cooperative_groups|using[ \t]+namespace[ \t]+(::)?cooperative_groups)[ \t]*;[ \t]*(//[^\n]*)?\r?$"#)
    for file in touched.subtracting(blocked).sorted() {
      guard let text = context.texts[file] else { continue }
      for (n, start) in text.lineStarts.enumerated() {
        let end = n + 1 < text.lineStarts.count ? text.lineStarts[n + 1] : text.bytes.count
        guard end > start else { continue }
        var line = text[start..<end]
        if line.hasSuffix("\n") { line.removeLast() }
        guard line.contains("cooperative_groups"),
              pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil else { continue }
        context.replace(file, start..<end, with: "", rule: Self.id)
      }
    }
  }
}
