import Clang
import Foundation

/// Cooperative groups become SYCL 2020's two groups: the thread block is the work-group
/// (`sycl::group<N>`, `item.get_group()`), a tile of 32 is the sub-group (`sycl::sub_group`,
/// `item.get_sub_group()`; kernels using it require sub-groups of 32). A tile of 1 to 16 is also the
/// sub-group, its operations written with the tile's size: rank `lane % n`, shuffles with width `n`, votes
/// and `cg::reduce` through small helpers that stay inside the tile. A `thread_group` (a block or a tile
/// chosen at run time, also `tiled_partition(g, n)` with a constant n) is `cu2sycl::thread_group`.
/// Methods and free functions become group functions and algorithms; `cg::reduce` and the scans become
/// `sycl::reduce_over_group` / `*_scan_over_group` with SYCL's function objects. Groups SYCL does not
/// have (tiles wider than the sub-group, the grid, coalesced groups) are flagged with what to do. The
/// `namespace cg = cooperative_groups;` alias and `using namespace cooperative_groups;` go once a file
/// has nothing left that names them.
public struct CooperativeGroupsRule: MigrationRule {
  public static let id = "cooperative-groups"
  public static let summary = "Maps cooperative groups to the SYCL work-group and sub-group: this_thread_block, tiles of 1 to 32 lanes, thread_group, their methods, cg::reduce and scans; flags grid and coalesced groups."
  public static let covers = ["this_thread_block", "thread_block", "tiled_partition", "thread_block_tile", "thread_block.sync",
                              "thread_block.thread_rank", "thread_block.size", "thread_block.group_index", "thread_block.thread_index",
                              "thread_block_tile.shfl_down", "thread_block_tile.ballot", "cooperative_groups::sync",
                              "cooperative_groups::reduce", "cooperative_groups::inclusive_scan", "cooperative_groups::exclusive_scan",
                              "cooperative_groups::plus", "cooperative_groups::less", "cooperative_groups::greater", "this_grid",
                              "grid_group", "coalesced_threads", "coalesced_group", "thread_group", "thread_group.sync",
                              "thread_group.thread_rank", "thread_group.size", "thread_block_tile.meta_group_rank",
                              "thread_block_tile.shfl", "thread_block_tile.shfl_xor", "block_tile_memory"]
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
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      #include <cooperative_groups/reduce.h>
      namespace cg = cooperative_groups;

      __global__ void tiles(const int *in, int *out) {
        cg::thread_block block = cg::this_thread_block();
        cg::thread_block_tile<16> tile = cg::tiled_partition<16>(block);
        int v = in[block.thread_rank()];
        for (int o = tile.size() / 2; o > 0; o /= 2) v += tile.shfl_down(v, o);
        v = tile.shfl(v, 0) + tile.shfl_xor(v, 1) + tile.shfl_up(v, 1);
        unsigned votes = tile.ballot(v > 0) + tile.any(v > 0) + tile.all(v > 0);
        tile.sync();
        int sum = cg::reduce(tile, v, cg::plus<int>());
        if (tile.thread_rank() == 0) out[tile.meta_group_rank()] = sum + votes + 2 * tile.thread_rank() + tile.meta_group_size();
      }

      """,
      sycl: """

      void tiles(const int *in, int *out, const sycl::nd_item<1> &item) {
        sycl::group<1> block = item.get_group();
        sycl::sub_group tile = item.get_sub_group();
        int v = in[block.get_local_linear_id()];
        for (int o = 16u / 2; o > 0; o /= 2) v += cu2sycl::shfl_down(tile, v, o, 16);
        v = cu2sycl::shfl(tile, v, 0, 16) + cu2sycl::shfl_xor(tile, v, 1, 16) + cu2sycl::shfl_up(tile, v, 1, 16);
        unsigned votes = cu2sycl::tile_ballot(tile, v > 0, 16) + cu2sycl::tile_any(tile, v > 0, 16) + cu2sycl::tile_all(tile, v > 0, 16);
        sycl::group_barrier(tile);
        int sum = cu2sycl::tile_reduce(tile, v, sycl::plus<int>(), 16);
        if (tile.get_local_linear_id() % 16 == 0) out[tile.get_group_linear_id() * 2 + tile.get_local_linear_id() / 16] = sum + votes + 2 * (tile.get_local_linear_id() % 16) + (item.get_local_range().size() + 15) / 16;
      }

      """),
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      using namespace cooperative_groups;

      __device__ int sum(thread_group g, int *x, int v) {
        int lane = g.thread_rank();
        for (int i = g.size() / 2; i > 0; i /= 2) {
          x[lane] = v;
          g.sync();
          if (lane < i) v += x[lane + i];
          sync(g);
        }
        return v;
      }
      __global__ void k(int *data) {
        __shared__ int x[256];
        thread_block block = this_thread_block();
        thread_block_tile<8> t8 = tiled_partition<8>(block);
        thread_group warp = tiled_partition(block, 32);
        int tile = block.thread_rank() / 8 * 8, lanes = block.thread_rank() / 32 * 32;
        data[block.thread_rank()] = sum(block, x, 1) + sum(t8, x + tile, 1) + sum(warp, x + lanes, 1);
      }

      """,
      sycl: """

      int sum(cu2sycl::thread_group g, int *x, int v) {
        int lane = g.thread_rank();
        for (int i = g.size() / 2; i > 0; i /= 2) {
          x[lane] = v;
          g.sync();
          if (lane < i) v += x[lane + i];
          g.sync();
        }
        return v;
      }
      void k(int *data, const sycl::nd_item<1> &item, int (&x)[256]) {
        sycl::group<1> block = item.get_group();
        sycl::sub_group t8 = item.get_sub_group();
        cu2sycl::thread_group warp = cu2sycl::thread_group(item.get_sub_group(), 32);
        int tile = block.get_local_linear_id() / 8 * 8, lanes = block.get_local_linear_id() / 32 * 32;
        data[block.get_local_linear_id()] = sum(block, x, 1) + sum(cu2sycl::thread_group(t8, 8), x + tile, 1) + sum(warp, x + lanes, 1);
      }

      """),
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      #include <cooperative_groups/reduce.h>
      namespace cg = cooperative_groups;

      template <typename T, typename Group> __device__ T group_sum(T v, Group &g) {
        return cg::reduce(g, v, cg::plus<T>());
      }
      template <typename T> __global__ void sums(const T *in, T *out) {
        cg::thread_block block = cg::this_thread_block();
        cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
        cg::thread_block_tile<8> eight = cg::tiled_partition<8>(block);
        T v = in[block.thread_rank()];
        for (int o = 16; o > 0; o /= 2) v += warp.shfl_down(v, o);
        out[block.thread_rank()] = v + group_sum(v, eight);
      }

      """,
      sycl: """

      template <typename T, typename Group> T group_sum(T v, Group &g) {
        return cu2sycl::tile_reduce(g, v, sycl::plus<T>(), 8);
      }
      template <typename T> void sums(const T *in, T *out, const sycl::nd_item<1> &item) {
        sycl::group<1> block = item.get_group();
        sycl::sub_group warp = item.get_sub_group();
        sycl::sub_group eight = item.get_sub_group();
        T v = in[block.get_local_linear_id()];
        for (int o = 16; o > 0; o /= 2) v += cu2sycl::shfl_down(warp, v, o);
        out[block.get_local_linear_id()] = v + group_sum(v, eight);
      }

      """),
    // Flagged (W041): a tile wider than the sub-group.
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      namespace cg = cooperative_groups;

      __global__ void tile_ranks(int *out) {
        cg::thread_block block = cg::this_thread_block();
        cg::thread_block_tile<64> tile = cg::tiled_partition<64>(block);
        out[block.thread_rank()] = tile.thread_rank();
      }

      """,
      sycl: """
      namespace cg = cooperative_groups;

      void tile_ranks(int *out, const sycl::nd_item<1> &item) {
        sycl::group<1> block = item.get_group();
        // CU2SYCL-W041: thread_block_tile<64>: a tile of 64 spans several sub-groups, and SYCL has no such group; use the work-group with local memory (sycl::group_barrier(item.get_group()))
        // CU2SYCL-W041: tiled_partition<64>: a tile of 64 spans several sub-groups, and SYCL has no such group; use the work-group with local memory (sycl::group_barrier(item.get_group()))
        cg::thread_block_tile<64> tile = cg::tiled_partition<64>(block);
        // CU2SYCL-W041: thread_block_tile.thread_rank(): a tile of 64 spans several sub-groups, and SYCL has no such group; use the work-group with local memory (sycl::group_barrier(item.get_group()))
        out[block.get_local_linear_id()] = tile.thread_rank();
      }

      """),
    // Flagged (W042): grid-wide synchronization.
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      namespace cg = cooperative_groups;

      __global__ void shift(float *a, float *b, int n) {
        cg::grid_group grid = cg::this_grid();
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) b[i] = a[i];
        grid.sync();
        if (i < n) a[i] = b[(i + 1) % n];
      }

      """,
      sycl: """
      namespace cg = cooperative_groups;

      void shift(float *a, float *b, int n, const sycl::nd_item<1> &item) {
        // CU2SYCL-W042: grid_group: SYCL 2020 has no grid-wide group
        // CU2SYCL-W042: this_grid(): the grid as a group needs CUDA's cooperative launch, which SYCL 2020 does not have; use item.get_global_linear_id() and get_global_range() for ranks and sizes, and split the kernel at each grid.sync()
        cg::grid_group grid = cg::this_grid();
        int i = item.get_global_id(0);
        if (i < n) b[i] = a[i];
        // CU2SYCL-W042: grid_group.sync(): SYCL 2020 has no grid-wide barrier; split the kernel here into two kernels launched one after the other (the launch boundary is the barrier)
        grid.sync();
        if (i < n) a[i] = b[(i + 1) % n];
      }

      """),
    // Flagged (W044): a coalesced group.
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      namespace cg = cooperative_groups;

      __global__ void count(int *total, const int *flags) {
        if (flags[threadIdx.x]) {
          cg::coalesced_group active = cg::coalesced_threads();
          if (active.thread_rank() == 0) atomicAdd(total, active.size());
        }
      }

      """,
      sycl: """
      namespace cg = cooperative_groups;

      void count(int *total, const int *flags, const sycl::nd_item<1> &item) {
        if (flags[item.get_local_id(0)]) {
          // CU2SYCL-W044: coalesced_group: SYCL has no group of the converged lanes; make the whole sub-group call the collective and use item.get_sub_group()
          // CU2SYCL-W044: coalesced_threads(): SYCL has no group of the converged lanes; make the whole sub-group call the collective and use item.get_sub_group()
          cg::coalesced_group active = cg::coalesced_threads();
          // CU2SYCL-W044: coalesced_group.thread_rank(): SYCL has no group of the converged lanes; make the whole sub-group call the collective and use item.get_sub_group()
          // CU2SYCL-W044: coalesced_group.size(): SYCL has no group of the converged lanes; make the whole sub-group call the collective and use item.get_sub_group()
          if (active.thread_rank() == 0) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*total).fetch_add(active.size());
        }
      }

      """),
    // Flagged (W045): a group reduction with a lambda.
    RuleExample(
      cuda: """
      #include <cooperative_groups.h>
      #include <cooperative_groups/reduce.h>
      namespace cg = cooperative_groups;

      __global__ void warp_max(const int *in, int *out) {
        auto warp = cg::tiled_partition<32>(cg::this_thread_block());
        int v = cg::reduce(warp, in[threadIdx.x], [](int a, int b) { return a > b ? a : b; });
        if (warp.thread_rank() == 0) out[blockIdx.x] = v;
      }

      """,
      sycl: """
      namespace cg = cooperative_groups;

      void warp_max(const int *in, int *out, const sycl::nd_item<1> &item) {
        auto warp = item.get_sub_group();
        // CU2SYCL-W045: cg::reduce with the operator '[](int a, int b) { return a > b ? a : b; }': SYCL group algorithms take only SYCL function objects (sycl::plus, sycl::minimum, ...)
        int v = cg::reduce(warp, in[item.get_local_id(0)], [](int a, int b) { return a > b ? a : b; });
        if (warp.get_local_linear_id() == 0) out[item.get_group(0)] = v;
      }

      """),
  ]

  /// Reduction operators: cooperative groups' name → SYCL function object.
  static let operators = ["plus": "plus", "less": "minimum", "greater": "maximum", "bit_and": "bit_and", "bit_or": "bit_or",
                          "bit_xor": "bit_xor"]

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
    convertTilesToThreadGroups(context)
    removeNamespaceLines(context)
  }

  // MARK: Which occurrences

  /// Whether an occurrence names a declaration of namespace `cooperative_groups`.
  static func isCooperativeGroups(_ entry: CensusEntry) -> Bool {
    guard let cursor = entry.cursor else { return false }
    let named = entry.occurrence.kind == .member ? cursor.referenced : Census.declaration(named: cursor)
    // A dependent method call names an overload set.
    guard let decl = named?.kind == .overloadedDeclRef ? named?.overloadedDecls.first : named else { return false }
    return isInCooperativeGroups(decl)
  }

  static func isInCooperativeGroups(_ declaration: Cursor) -> Bool {
    var decl: Cursor? = declaration
    while let d = decl {
      // The SDK declares them in cooperative_groups::__v1 (and details namespaces).
      if d.kind == .namespace, d.spelling == "cooperative_groups" { return true }
      decl = d.semanticParent
    }
    return false
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
         case .tile(let n) = declaredKind(decl.type.canonical.spelling) { size = n }
      // Every tile inside the sub-group is the sub-group; its operations know the tile's size.
      if let (kind, message) = unsupported(.tile(size), what: "thread_block_tile<\(first)>") {
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
    case "thread_group":
      guard [.device, .kernel, .hostDevice].contains(o.context) else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.unsupported,
                      message: "thread_group outside device code; use cu2sycl::thread_group by hand")
        return
      }
      // A block or a tile chosen at run time: a small helper holding either SYCL group.
      context.use(.threadGroup, in: o.file)
      context.replace(o.file, start..<end, with: "cu2sycl::thread_group", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    case "block_tile_memory":
      context.claim(i, .manual, rule: Self.id, warning: Warnings.groupSize,
                    message: "block_tile_memory is scratch for tiles wider than a warp, which SYCL does not have; remove it with those tiles (this_thread_block(scratch) is item.get_group())")
    case "grid_group", "multi_grid_group", "coalesced_group":
      let kind: GroupKind = o.name == "coalesced_group" ? .coalesced : .grid
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
