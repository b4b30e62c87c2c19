import Clang

/// CUDA's warp-level functions become SYCL 2020 group algorithms on the work-item's sub-group
/// (`item.get_sub_group()`). Kernels that (through their calls) use them are launched with
/// `[[sycl::reqd_sub_group_size(32)]]`, so a sub-group is CUDA's warp: 32 lanes, lane = linear id.
///
/// - `__shfl_sync(m, v, src)` → `sycl::select_from_group(sg, v, src)`; `__shfl_xor_sync(m, v, x)` →
///   `sycl::permute_group_by_xor(sg, v, x)` (exact for src and x in 0..31, the lanes of a warp).
/// - `__shfl_down_sync` / `__shfl_up_sync` → `cu2sycl::shfl_down` / `shfl_up`: `sycl::shift_group_left`
///   / `shift_group_right`, but a lane without a source keeps its own value as in CUDA (SYCL leaves it
///   unspecified, and CUDA scans and reductions may read it).
/// - A `width` below 32 (segments of the warp) → `cu2sycl::shfl*(sg, v, x, width)`, computing the lane
///   inside its segment with CUDA's rules.
/// - `__ballot_sync` → `cu2sycl::ballot` (a `bit_or` reduction over the sub-group); `__any_sync` /
///   `__all_sync` → `sycl::any_of_group` / `all_of_group`; `__syncwarp` → `sycl::group_barrier(sg)`;
///   `__activemask()` → `cu2sycl::active_mask(sg)` (review: every work-item counts as active).
/// - The mask is dropped: a full mask (any expression clang evaluates to 0xffffffff, or
///   `__activemask()`) converts cleanly, another one is flagged (W040).
public struct WarpRule: MigrationRule {
  public static let id = "warp-functions"
  public static let summary = "Maps warp shuffles, votes, __activemask and __syncwarp to SYCL sub-group algorithms (kernels using them require sub-groups of 32)."
  public static let covers = ["__shfl_sync", "__shfl_up_sync", "__shfl_down_sync", "__shfl_xor_sync", "__shfl", "__shfl_up", "__shfl_down",
                              "__shfl_xor", "__ballot_sync", "__ballot", "__any_sync", "__any", "__all_sync", "__all", "__activemask",
                              "__syncwarp"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void warp_sum(const float *in, float *out) {
        float v = in[threadIdx.x];
        for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o);
        if (threadIdx.x % warpSize == 0) out[threadIdx.x / warpSize] = v;
      }

      """,
      sycl: """
      void warp_sum(const float *in, float *out, const sycl::nd_item<1> &item) {
        float v = in[item.get_local_id(0)];
        for (int o = 16; o > 0; o /= 2) v += cu2sycl::shfl_down(item.get_sub_group(), v, o);
        if (item.get_local_id(0) % 32 == 0) out[item.get_local_id(0) / 32] = v;
      }

      """),
    RuleExample(
      cuda: """
      #define FULL_MASK 0xffffffffu
      __global__ void votes(const int *in, unsigned *out) {
        int p = in[threadIdx.x] > 0;
        unsigned bits = __ballot_sync(FULL_MASK, p);
        if (__any_sync(FULL_MASK, p) && !__all_sync(__activemask(), p)) bits = __shfl_sync(FULL_MASK, bits, 0);
        __syncwarp();
        out[threadIdx.x] = bits ^ __shfl_xor_sync(-1, bits, 1) ^ __shfl_up_sync(FULL_MASK, bits, 1);
      }

      """,
      sycl: """
      #define FULL_MASK 0xffffffffu
      void votes(const int *in, unsigned *out, const sycl::nd_item<1> &item) {
        int p = in[item.get_local_id(0)] > 0;
        unsigned bits = cu2sycl::ballot(item.get_sub_group(), p);
        if (sycl::any_of_group(item.get_sub_group(), p) && !sycl::all_of_group(item.get_sub_group(), p)) bits = sycl::select_from_group(item.get_sub_group(), bits, 0);
        sycl::group_barrier(item.get_sub_group());
        out[item.get_local_id(0)] = bits ^ sycl::permute_group_by_xor(item.get_sub_group(), bits, 1) ^ cu2sycl::shfl_up(item.get_sub_group(), bits, 1);
      }

      """),
    RuleExample(
      cuda: """
      __device__ int segment_sum(int v) {
        for (int o = 1; o < 8; o *= 2) v += __shfl_xor(v, o, 8);
        return v + __shfl_sync(0xffffffff, v, 0, 8) + __shfl_down_sync(0xffffffff, v, 1, warpSize);
      }

      """,
      sycl: """
      int segment_sum(int v, const sycl::nd_item<1> &item) {
        for (int o = 1; o < 8; o *= 2) v += cu2sycl::shfl_xor(item.get_sub_group(), v, o, 8);
        return v + cu2sycl::shfl(item.get_sub_group(), v, 0, 8) + cu2sycl::shfl_down(item.get_sub_group(), v, 1);
      }

      """),
    // Flagged (W002): a warp function inside a macro body.
    RuleExample(
      cuda: """
      #define WARP_SUM(v) for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o)
      __global__ void sum(const float *in, float *out) {
        float v = in[threadIdx.x];
        WARP_SUM(v);
        if (threadIdx.x % 32 == 0) out[threadIdx.x / 32] = v;
      }

      """,
      sycl: """
      // CU2SYCL-W002: '__shfl_down_sync' is in a macro body; expand the macro or write its body with SYCL sub-group functions on item.get_sub_group()
      #define WARP_SUM(v) for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o)
      void sum(const float *in, float *out, const sycl::nd_item<1> &item) {
        float v = in[item.get_local_id(0)];
        WARP_SUM(v);
        if (item.get_local_id(0) % 32 == 0) out[item.get_local_id(0) / 32] = v;
      }

      """),
    // Flagged (W040): a mask of half the warp.
    RuleExample(
      cuda: """
      __global__ void half_warp_sum(const float *in, float *out) {
        float v = in[threadIdx.x];
        for (int o = 8; o > 0; o /= 2) v += __shfl_down_sync(0x0000ffff, v, o);
        if (threadIdx.x == 0) *out = v;
      }

      """,
      sycl: """
      void half_warp_sum(const float *in, float *out, const sycl::nd_item<1> &item) {
        float v = in[item.get_local_id(0)];
        // CU2SYCL-W040: the mask '0x0000ffff' names only some lanes; the SYCL sub-group operation involves all 32 work-items of the sub-group: check that every lane reaches this call and that the lanes outside the mask do not change the result
        for (int o = 8; o > 0; o /= 2) v += cu2sycl::shfl_down(item.get_sub_group(), v, o);
        if (item.get_local_id(0) == 0) *out = v;
      }

      """),
    // Flagged (W043): __activemask() in divergent code.
    RuleExample(
      cuda: """
      __global__ void count_active(const int *flags, int *count) {
        if (flags[threadIdx.x]) {
          unsigned mask = __activemask();
          int leader = __ffs(mask) - 1;
          if (threadIdx.x % 32 == leader) atomicAdd(count, __popc(mask));
        }
      }

      """,
      sycl: """
      void count_active(const int *flags, int *count, const sycl::nd_item<1> &item) {
        if (flags[item.get_local_id(0)]) {
          // CU2SYCL-W043: __activemask() is now every work-item of the sub-group; in divergent code CUDA's mask had only the converged lanes
          unsigned mask = cu2sycl::active_mask(item.get_sub_group());
          int leader = (mask == 0 ? 0 : static_cast<int>(sycl::ctz(mask)) + 1) - 1;
          if (item.get_local_id(0) % 32 == leader) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*count).fetch_add(static_cast<int>(sycl::popcount(mask)));
        }
      }

      """),
    // The pre-CUDA 9 forms without a mask.
    RuleExample(
      cuda: """
      __global__ void legacy_sum(const float *in, float *out, unsigned *votes) {
        float v = in[threadIdx.x];
        for (int o = 16; o > 0; o /= 2) v += __shfl_down(v, o);
        unsigned b = __ballot(v > 0);
        if (threadIdx.x % 32 == 0) { out[threadIdx.x / 32] = v; votes[threadIdx.x / 32] = b; }
      }

      """,
      sycl: """
      void legacy_sum(const float *in, float *out, unsigned *votes, const sycl::nd_item<1> &item) {
        float v = in[item.get_local_id(0)];
        for (int o = 16; o > 0; o /= 2) v += cu2sycl::shfl_down(item.get_sub_group(), v, o);
        unsigned b = cu2sycl::ballot(item.get_sub_group(), v > 0);
        if (item.get_local_id(0) % 32 == 0) { out[item.get_local_id(0) / 32] = v; votes[item.get_local_id(0) / 32] = b; }
      }

      """),
  ]

  enum Operation { case shfl, shflUp, shflDown, shflXor, ballot, any, all, syncwarp, activeMask }

  /// CUDA name → operation and whether the first argument is a mask.
  static let functions: [String: (operation: Operation, masked: Bool)] = [
    "__shfl_sync": (.shfl, true), "__shfl_up_sync": (.shflUp, true), "__shfl_down_sync": (.shflDown, true),
    "__shfl_xor_sync": (.shflXor, true), "__shfl": (.shfl, false), "__shfl_up": (.shflUp, false), "__shfl_down": (.shflDown, false),
    "__shfl_xor": (.shflXor, false), "__ballot_sync": (.ballot, true), "__ballot": (.ballot, false), "__any_sync": (.any, true),
    "__any": (.any, false), "__all_sync": (.all, true), "__all": (.all, false), "__syncwarp": (.syncwarp, true),
    "__activemask": (.activeMask, false),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    let sg = "\(context.itemName).get_sub_group()"
    // Source order: an outer call (whose mask or width is dropped) comes before the calls inside it.
    let indices = context.pending { $0.occurrence.kind == .function && Self.functions[$0.occurrence.name] != nil }
      .sorted { (context.entries[$0].occurrence.file, context.entries[$0].occurrence.offset) < (context.entries[$1].occurrence.file, context.entries[$1].occurrence.offset) }
    for i in indices where !context.isClaimed(i) {
      let entry = context.entries[i]
      let o = entry.occurrence
      guard let spec = Self.functions[o.name] else { continue }
      if entry.inMacroBody {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.macroBody,
                      message: "'\(o.name)' is in a macro body; expand the macro or write its body with SYCL sub-group functions on item.get_sub_group()")
        continue
      }
      guard let cursor = entry.cursor, let call = context.call(named: cursor), let r = context.range(of: call),
            r.range.lowerBound == o.offset, r.range.count > o.length else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.unsupported,
                      message: "'\(o.name)' is not called directly here; call the SYCL sub-group function on item.get_sub_group() by hand")
        continue
      }
      guard let function = context.enclosingFunction(of: cursor), context.plan.needsItem.contains(function.usr) else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.unsupported,
                      message: "'\(o.name)' is used outside device code; replace it by hand")
        continue
      }
      var args = context.writtenArguments(call)
      var finding: (WarningKind, String)?
      if spec.masked, !args.isEmpty {
        let mask = args.removeFirst()
        if !isFullMask(mask, context) {
          let written = context.text(of: mask)
          let value = Syntax.stripImplicit(mask).integerValue ?? mask.integerValue
          let why = value == nil ? "the mask '\(written)' is not a constant" : "the mask '\(written)' names only some lanes"
          finding = (Warnings.partialMask, "\(why); the SYCL sub-group operation involves all 32 work-items of the sub-group: check that every lane reaches this call and that the lanes outside the mask do not change the result")
        }
        if let mr = context.range(of: mask) { context.claimAll(in: mr.file, mr.range, .converted, rule: Self.id) }
      }
      var pieces: [Piece]
      func sources(_ cursors: ArraySlice<Cursor>) -> [Piece] {
        var out: [Piece] = []
        for c in cursors { if let p = context.source(c) { out += [.text(", "), p] } }
        return out
      }
      switch spec.operation {
      case .shfl, .shflUp, .shflDown, .shflXor:
        guard args.count >= 2 else { continue }
        var width: Cursor? = args.count > 2 ? args[2] : nil
        if let w = width, isWarpWidth(w, context) {
          if let wr = context.range(of: w) { context.claimAll(in: wr.file, wr.range, .converted, rule: Self.id) }
          width = nil
        }
        let operands = sources(args[0..<2]) + (width.map { sources([$0][...]) } ?? [])
        let name: String
        switch spec.operation {
        case .shfl: name = width == nil ? "sycl::select_from_group" : "cu2sycl::shfl"
        case .shflXor: name = width == nil ? "sycl::permute_group_by_xor" : "cu2sycl::shfl_xor"
        case .shflUp: name = "cu2sycl::shfl_up"
        default: name = "cu2sycl::shfl_down"
        }
        if name.hasPrefix("cu2sycl::") { context.use(.warpShuffle, in: r.file) }
        pieces = [.text("\(name)(\(sg)")] + operands + [.text(")")]
      case .ballot, .any, .all:
        guard args.count == 1 else { continue }
        let name = spec.operation == .ballot ? "cu2sycl::ballot" : spec.operation == .any ? "sycl::any_of_group" : "sycl::all_of_group"
        if spec.operation == .ballot { context.use(.ballot, in: r.file) }
        pieces = [.text("\(name)(\(sg)")] + sources(args[0...]) + [.text(")")]
      case .syncwarp:
        pieces = [.text("sycl::group_barrier(\(sg))")]
      case .activeMask:
        context.use(.activeMask, in: r.file)
        pieces = [.text("cu2sycl::active_mask(\(sg))")]
        finding = (Warnings.activeMask, "__activemask() is now every work-item of the sub-group; in divergent code CUDA's mask had only the converged lanes")
      }
      context.edit(r.file, r.range, pieces, rule: Self.id)
      if let (kind, message) = finding {
        context.claim(i, .review, rule: Self.id, warning: kind, message: message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
  }

  /// A mask naming all 32 lanes: a constant with the low 32 bits set (0xffffffff, -1, ~0u, a macro or
  /// constant for them), a local variable initialized so and never changed, or `__activemask()`.
  func isFullMask(_ mask: Cursor, _ context: MigrationContext) -> Bool {
    let written = Syntax.stripImplicit(mask)
    if let v = written.integerValue ?? mask.integerValue { return v & 0xffff_ffff == 0xffff_ffff }
    if let v = Syntax.unchangedLocalValue(written) { return v & 0xffff_ffff == 0xffff_ffff }
    let text = context.text(of: written).filter { !$0.isWhitespace }
    return text == "__activemask()"
  }

  /// A shuffle width of the whole warp: 32, or `warpSize`.
  func isWarpWidth(_ width: Cursor, _ context: MigrationContext) -> Bool {
    let written = Syntax.stripImplicit(width)
    if let v = written.integerValue ?? width.integerValue { return v == 32 }
    return context.text(of: written).trimmingCharacters(in: .whitespaces) == "warpSize"
  }
}
