import Clang

/// CUDA's half precision (`cuda_fp16.h`) becomes SYCL 2020's `sycl::half` and `sycl::half2`
/// (`sycl::vec<sycl::half, 2>`); the intrinsics become operators and `sycl::` built-ins, which SYCL
/// defines for `half` and its vectors. bfloat16 (`cuda_bf16.h`) becomes the plain-SYCL helper
/// `cu2sycl::bfloat16` (SYCL 2020 has no bfloat16, and the oneAPI extension type does not run on the
/// pinned CPU runtime: its conversions call device-library functions the CPU device lacks).
public struct HalfPrecisionRule: MigrationRule {
  public static let id = "half-precision"
  public static let summary = "Maps __half/__half2 to sycl::half/sycl::half2 and the half and bfloat16 intrinsics to operators and sycl:: built-ins."
  public static var covers: [String] {
    (Array(types.keys) + Array(calls.keys) + ["__half2.x", "__half2.y"] + Array(constants.keys)).sorted()
  }
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda_fp16.h>
      __global__ void axpy(const __half *x, __half *y, half a, float *f) {
        int i = threadIdx.x;
        __half2 p = __halves2half2(x[i], a);
        p.x = __hfma(a, x[i], y[i]);
        y[i] = __hadd(__hmul(p.x, p.y), __float2half(0.5f));
        if (__hlt(y[i], a)) f[i] = __half2float(hsqrt(y[i])) + __low2float(p);
      }

      """,
      sycl: """
      void axpy(const sycl::half *x, sycl::half *y, sycl::half a, float *f, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        sycl::half2 p = sycl::half2(x[i], a);
        p.x() = sycl::fma(a, x[i], y[i]);
        y[i] = (p.x() * p.y()) + sycl::half(0.5f);
        if (y[i] < a) f[i] = static_cast<float>(sycl::sqrt(y[i])) + static_cast<float>(p.x());
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda_fp16.h>
      __device__ int round_half(__half2 v, float g) {
        __half2 w = __hmul2(v, __float2half2_rn(g));
        return __half2int_rn(__hneg(__high2half(w))) + __half2int_rz(__habs(w.x));
      }

      """,
      sycl: """
      int round_half(sycl::half2 v, float g) {
        sycl::half2 w = v * sycl::half2(g);
        return static_cast<int>(sycl::rint(-w.y())) + static_cast<int>(sycl::fabs(w.x()));
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda_bf16.h>
      __device__ float scale(const __nv_bfloat16 *x, float s) {
        __nv_bfloat16 b = __hmul(x[0], __float2bfloat16(s));
        return __bfloat162float(b);
      }

      """,
      sycl: """
      float scale(const cu2sycl::bfloat16 *x, float s) {
        cu2sycl::bfloat16 b = x[0] * cu2sycl::bfloat16(s);
        return static_cast<float>(b);
      }

      """),
    // Flagged (W050): a conversion with directed rounding.
    RuleExample(
      cuda: """
      #include <cuda_fp16.h>
      __global__ void to_half(const float *in, __half *out) {
        out[threadIdx.x] = __float2half_rz(in[threadIdx.x]);
      }

      """,
      sycl: """
      void to_half(const float *in, sycl::half *out, const sycl::nd_item<1> &item) {
        // CU2SYCL-W050: half conversion rounds to nearest: __float2half_rz rounds toward zero; the SYCL conversion rounds to nearest even
        out[item.get_local_id(0)] = sycl::half(in[item.get_local_id(0)]);
      }

      """),
    // Flagged (W051): bfloat16 pairs.
    RuleExample(
      cuda: """
      #include <cuda_bf16.h>
      __global__ void axpy(__nv_bfloat162 a, const __nv_bfloat162 *x, __nv_bfloat162 *y) {
        y[threadIdx.x] = __hfma2(a, x[threadIdx.x], y[threadIdx.x]);
      }

      """,
      sycl: """
      // CU2SYCL-W051: bfloat16 pair not converted
      void axpy(__nv_bfloat162 a, const __nv_bfloat162 *x, __nv_bfloat162 *y, const sycl::nd_item<1> &item) {
        // CU2SYCL-W051: bfloat16 pair not converted
        y[item.get_local_id(0)] = __hfma2(a, x[item.get_local_id(0)], y[item.get_local_id(0)]);
      }

      """),
    // Flagged (W052): a half intrinsic with NaN propagation.
    RuleExample(
      cuda: """
      #include <cuda_fp16.h>
      __global__ void nan_max(const __half *a, const __half *b, __half *out) {
        int i = threadIdx.x;
        out[i] = __hmax_nan(a[i], b[i]);
      }

      """,
      sycl: """
      void nan_max(const sycl::half *a, const sycl::half *b, sycl::half *out, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        // CU2SYCL-W052: half intrinsic not converted: __hmax_nan propagates NaNs; sycl::fmax/fmin do not: write sycl::isnan(a) || sycl::isnan(b) ? NAN : sycl::fmax(a, b)
        out[i] = __hmax_nan(a[i], b[i]);
      }

      """),
  ]

  // MARK: Tables

  /// CUDA type -> SYCL type.
  static let types: [String: String] = [
    "__half": "sycl::half", "half": "sycl::half", "__nv_half": "sycl::half", "nv_half": "sycl::half",
    "__half2": "sycl::half2", "half2": "sycl::half2", "__nv_half2": "sycl::half2", "nv_half2": "sycl::half2",
    "__nv_bfloat16": "cu2sycl::bfloat16", "nv_bfloat16": "cu2sycl::bfloat16",
  ]
  static let bfloat16Pairs: Set<String> = ["__nv_bfloat162", "nv_bfloat162"]
  static let halfTypes: Set<String> = ["__half", "__half2", "__nv_bfloat16"]

  /// One intrinsic: a pattern over the written arguments. `$0`... are the arguments (parenthesized where
  /// an operator or `.` touches them), `$T` the SYCL type of the call's value, `$S` the scalar type the
  /// computation uses. `halfResult`: the value is a half/bfloat16 (a bfloat16 computed in float is
  /// rounded back). `rounding`: the CUDA name asks for a directed rounding that the pattern does not keep.
  struct Call {
    var pattern: String
    var halfResult = true
    var rounding: String? = nil
    var exactArguments = false
  }

  static let calls: [String: Call] = {
    var t: [String: Call] = [:]
    let roundings = ["rz": "toward zero", "rd": "down", "ru": "up"]
    // float/double/integer -> half and bfloat16.
    for target in ["half", "bfloat16"] {
      t["__float2\(target)"] = Call(pattern: "$T($0)")
      t["__double2\(target)"] = Call(pattern: "$T($0)")
      for source in ["float", "int", "uint", "short", "ushort", "ll", "ull"] {
        t["__\(source)2\(target)_rn"] = Call(pattern: "$T($0)")
        for (suffix, words) in roundings { t["__\(source)2\(target)_\(suffix)"] = Call(pattern: "$T($0)", rounding: words) }
      }
      // half and bfloat16 -> integers: rint/floor/ceil keep the rounding exactly; a C++ conversion truncates.
      for (source, cxx) in [("int", "int"), ("uint", "unsigned int"), ("short", "short"), ("ushort", "unsigned short"),
                            ("ll", "long long"), ("ull", "unsigned long long")] {
        t["__\(target)2\(source)_rn"] = Call(pattern: "static_cast<\(cxx)>(sycl::rint($0))", halfResult: false)
        t["__\(target)2\(source)_rz"] = Call(pattern: "static_cast<\(cxx)>($0)", halfResult: false)
        t["__\(target)2\(source)_rd"] = Call(pattern: "static_cast<\(cxx)>(sycl::floor($0))", halfResult: false)
        t["__\(target)2\(source)_ru"] = Call(pattern: "static_cast<\(cxx)>(sycl::ceil($0))", halfResult: false)
      }
      t["__\(target)_as_short"] = Call(pattern: "sycl::bit_cast<short>($0)", halfResult: false, exactArguments: true)
      t["__\(target)_as_ushort"] = Call(pattern: "sycl::bit_cast<unsigned short>($0)", halfResult: false, exactArguments: true)
      t["__short_as_\(target)"] = Call(pattern: "sycl::bit_cast<$T>($0)", exactArguments: true)
      t["__ushort_as_\(target)"] = Call(pattern: "sycl::bit_cast<$T>($0)", exactArguments: true)
    }
    t["__half2float"] = Call(pattern: "static_cast<float>($0)", halfResult: false)
    t["__bfloat162float"] = Call(pattern: "static_cast<float>($0)", halfResult: false)
    // Pairs (half only: bfloat16 pairs are not converted).
    t["__float2half2_rn"] = Call(pattern: "sycl::half2($0)")
    t["__floats2half2_rn"] = Call(pattern: "sycl::half2($0, $1)")
    t["__halves2half2"] = Call(pattern: "sycl::half2($0, $1)")
    t["__half2half2"] = Call(pattern: "sycl::half2($0)")
    t["__float22half2_rn"] = Call(pattern: "$0.convert<sycl::half>()")
    t["__half22float2"] = Call(pattern: "$0.convert<float>()", halfResult: false)
    t["__low2half"] = Call(pattern: "$0.x()")
    t["__high2half"] = Call(pattern: "$0.y()")
    t["__low2float"] = Call(pattern: "static_cast<float>($0.x())", halfResult: false)
    t["__high2float"] = Call(pattern: "static_cast<float>($0.y())", halfResult: false)
    t["__low2half2"] = Call(pattern: "sycl::half2($0.x())")
    t["__high2half2"] = Call(pattern: "sycl::half2($0.y())")
    t["__lows2half2"] = Call(pattern: "sycl::half2($0.x(), $1.x())")
    t["__highs2half2"] = Call(pattern: "sycl::half2($0.y(), $1.y())")
    t["__lowhigh2highlow"] = Call(pattern: "sycl::half2($0.y(), $0.x())")
    // Arithmetic, on scalars (half and bfloat16) and on half2.
    for (name, op) in [("add", "+"), ("sub", "-"), ("mul", "*")] {
      for n in ["__h\(name)", "__h\(name)_rn", "__h\(name)2", "__h\(name)2_rn"] { t[n] = Call(pattern: "$0 \(op) $1") }
      t["__h\(name)_sat"] = Call(pattern: "sycl::clamp($0 \(op) $1, $S(0), $S(1))")
      t["__h\(name)2_sat"] = Call(pattern: "sycl::clamp($0 \(op) $1, $S(0), $S(1))")
    }
    t["__hdiv"] = Call(pattern: "$0 / $1")
    t["__h2div"] = Call(pattern: "$0 / $1")
    for n in ["__hneg", "__hneg2"] { t[n] = Call(pattern: "-$0") }
    for n in ["__habs", "__habs2"] { t[n] = Call(pattern: "sycl::fabs($0)") }
    for n in ["__hfma", "__hfma2"] { t[n] = Call(pattern: "sycl::fma($0, $1, $2)") }
    for n in ["__hfma_sat", "__hfma2_sat"] { t[n] = Call(pattern: "sycl::clamp(sycl::fma($0, $1, $2), $S(0), $S(1))") }
    for n in ["__hmax", "__hmax2"] { t[n] = Call(pattern: "sycl::fmax($0, $1)") }
    for n in ["__hmin", "__hmin2"] { t[n] = Call(pattern: "sycl::fmin($0, $1)") }
    // Comparisons: the plain ones are ordered (false with a NaN), the `u` ones unordered (true with a NaN).
    for (name, op) in [("eq", "=="), ("lt", "<"), ("le", "<="), ("gt", ">"), ("ge", ">=")] {
      t["__h\(name)"] = Call(pattern: "$0 \(op) $1", halfResult: false)
      t["__hb\(name)2"] = Call(pattern: "$0.x() \(op) $1.x() && $0.y() \(op) $1.y()", halfResult: false)
    }
    t["__hne"] = Call(pattern: "sycl::islessgreater($0, $1)", halfResult: false)
    t["__hbne2"] = Call(pattern: "sycl::islessgreater($0.x(), $1.x()) && sycl::islessgreater($0.y(), $1.y())", halfResult: false)
    t["__hneu"] = Call(pattern: "$0 != $1", halfResult: false)
    t["__hequ"] = Call(pattern: "!sycl::islessgreater($0, $1)", halfResult: false)
    for (name, negated) in [("lt", ">="), ("le", ">"), ("gt", "<="), ("ge", "<")] {
      t["__h\(name)u"] = Call(pattern: "!($0 \(negated) $1)", halfResult: false)
    }
    t["__hisnan"] = Call(pattern: "sycl::isnan($0)", halfResult: false)
    // Math.
    for f in ["sqrt", "rsqrt", "exp", "exp2", "exp10", "log", "log2", "log10", "sin", "cos", "ceil", "floor", "rint", "trunc"] {
      t["h" + f] = Call(pattern: "sycl::\(f)($0)")
      t["h2" + f] = Call(pattern: "sycl::\(f)($0)")
    }
    t["hrcp"] = Call(pattern: "$T(1) / $0")
    t["h2rcp"] = Call(pattern: "$T(1) / $0")
    return t
  }()

  /// Half intrinsics cu2sycl knows but does not convert, with the reason.
  static let notConverted: [String: String] = {
    var t: [String: String] = [:]
    for n in ["__hmax_nan", "__hmin_nan", "__hmax2_nan", "__hmin2_nan"] {
      t[n] = "\(n) propagates NaNs; sycl::fmax/fmin do not: write sycl::isnan(a) || sycl::isnan(b) ? NAN : sycl::fmax(a, b)"
    }
    for n in ["__hfma_relu", "__hfma2_relu"] { t[n] = "\(n) (fma clamped at 0, NaN kept): write it with sycl::fma and sycl::fmax, keeping NaNs" }
    t["__hcmadd"] = "__hcmadd (complex multiply-add on half2) has no SYCL equivalent: write it with sycl::fma on the components"
    t["__hisinf"] = "__hisinf returns -1, 0 or 1: write sycl::isinf(h) ? (sycl::signbit(h) ? -1 : 1) : 0"
    t["__hisnan2"] = "__hisnan2 returns a half2 of 1.0/0.0: write it with sycl::isnan on .x() and .y()"
    for op in ["eq", "ne", "lt", "le", "gt", "ge", "equ", "neu", "ltu", "leu", "gtu", "geu"] {
      t["__h\(op)2"] = "__h\(op)2 returns a half2 of 1.0/0.0 per lane: compare .x() and .y() and build a sycl::half2"
    }
    for op in ["equ", "neu", "ltu", "leu", "gtu", "geu"] {
      t["__hb\(op)2"] = "__hb\(op)2 (unordered comparison of both lanes): compare .x() and .y() with !(a < b) style tests"
    }
    return t
  }()

  /// Half constants (CUDA 12 macros) -> their bit patterns.
  static let constants: [String: (type: String, bits: String)] = [
    "CUDART_INF_FP16": ("sycl::half", "0x7C00"), "CUDART_NAN_FP16": ("sycl::half", "0x7FFF"),
    "CUDART_MIN_DENORM_FP16": ("sycl::half", "0x0001"), "CUDART_MAX_NORMAL_FP16": ("sycl::half", "0x7BFF"),
    "CUDART_NEG_ZERO_FP16": ("sycl::half", "0x8000"), "CUDART_ZERO_FP16": ("sycl::half", "0x0000"),
    "CUDART_ONE_FP16": ("sycl::half", "0x3C00"),
    "CUDART_INF_BF16": ("cu2sycl::bfloat16", "0x7F80"), "CUDART_NAN_BF16": ("cu2sycl::bfloat16", "0x7FFF"),
    "CUDART_MIN_DENORM_BF16": ("cu2sycl::bfloat16", "0x0001"), "CUDART_MAX_NORMAL_BF16": ("cu2sycl::bfloat16", "0x7F7F"),
    "CUDART_NEG_ZERO_BF16": ("cu2sycl::bfloat16", "0x8000"), "CUDART_ZERO_BF16": ("cu2sycl::bfloat16", "0x0000"),
    "CUDART_ONE_BF16": ("cu2sycl::bfloat16", "0x3F80"),
  ]

  public init() {}

  // MARK: Applying

  public func apply(to context: MigrationContext) {
    // The bfloat16 include: the helper header (included by the emitter when a helper is used) replaces it.
    for i in context.pending({ $0.occurrence.kind == .include }) {
      let o = context.entries[i].occurrence
      let name = o.name.split(separator: "/").last.map(String.init) ?? o.name
      guard name == "cuda_bf16.h" || name == "cuda_bf16.hpp", let text = context.texts[o.file] else { continue }
      context.replace(o.file, text.wholeLines(around: o.offset..<(o.offset + o.length)), with: "", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .type }) {
      let o = context.entries[i].occurrence
      if Self.bfloat16Pairs.contains(o.name) {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.bfloat16Pair)
        continue
      }
      guard let mapped = Self.types[o.name], let text = context.texts[o.file], text[o.offset..<(o.offset + o.length)] == o.name else { continue }
      // A type inside code another rule already replaced without keeping it (the `sizeof(__half)` of a
      // converted cudaMalloc) needs no edit of its own.
      if !Self.isErased(o.file, o.offset..<(o.offset + o.length), context: context) {
        context.replace(o.file, o.offset..<(o.offset + o.length), with: mapped, rule: Self.id)
        if mapped.hasPrefix("cu2sycl::") { context.use(.bfloat16, in: o.file) }
      }
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .member }) {
      let o = context.entries[i].occurrence
      if o.name.hasPrefix("__nv_bfloat162.") {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.bfloat16Pair)
        continue
      }
      guard o.name == "__half2.x" || o.name == "__half2.y", let text = context.texts[o.file],
            text[o.offset..<(o.offset + o.length)].hasSuffix(o.name.suffix(1)) else { continue }
      context.replace(o.file, (o.offset + o.length)..<(o.offset + o.length), with: "()", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .macro && Self.constants[$0.occurrence.name] != nil }) {
      let o = context.entries[i].occurrence
      let c = Self.constants[o.name]!
      guard let text = context.texts[o.file], text[o.offset..<(o.offset + o.length)] == o.name else { continue }
      context.replace(o.file, o.offset..<(o.offset + o.length), with: "sycl::bit_cast<\(c.type)>(static_cast<unsigned short>(\(c.bits)))", rule: Self.id)
      if c.type.hasPrefix("cu2sycl::") { context.use(.bfloat16, in: o.file) }
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .function && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      if let reason = Self.notConverted[o.name] {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.halfIntrinsic, message: "\(Warnings.halfIntrinsic.title): \(reason)")
        continue
      }
      guard let spec = Self.calls[o.name], let cursor = context.entries[i].cursor, let call = context.call(named: cursor),
            context.text(of: cursor) == o.name, let r = context.range(of: call) else { continue }
      // `__hadd(int, int)` is the integer halving add (an integer intrinsic), not half precision.
      if o.name == "__hadd", let first = context.writtenArguments(call).first, first.type.canonical.spelling.contains("int") { continue }
      convert(call, range: r, spec: spec, entry: i, context: context)
    }
  }

  /// Whether an earlier edit replaced `range` by pieces none of which renders it.
  static func isErased(_ file: String, _ range: Range<Int>, context: MigrationContext) -> Bool {
    context.edits.contains { e in
      guard e.file == file, e.range.lowerBound <= range.lowerBound, range.upperBound <= e.range.upperBound, !e.range.isEmpty else { return false }
      return !e.pieces.contains { piece in
        if case .source(let r) = piece { return r.lowerBound <= range.lowerBound && range.upperBound <= r.upperBound }
        return false
      }
    }
  }

  /// The canonical type without `const`, as clang spells it.
  static func bareType(_ t: CType) -> String {
    var s = t.canonical.spelling
    if s.hasPrefix("const ") { s.removeFirst(6) }
    if s.hasPrefix("struct ") { s.removeFirst(7) }
    return s
  }

  /// The type the user's argument expression has, before the implicit conversion to the parameter.
  static func writtenType(_ arg: Cursor) -> String {
    var c = arg
    let extent = (arg.extent.start.spelling?.offset, arg.extent.end.spelling?.offset)
    while c.children.count == 1, c.kind == .unexposedExpr || c.kind == .callExpr,
          let child = c.children.first, (child.extent.start.spelling?.offset, child.extent.end.spelling?.offset) == extent {
      c = child
    }
    return bareType(c.type)
  }

  private func convert(_ call: Cursor, range r: (file: String, range: Range<Int>), spec: Call, entry i: Int, context: MigrationContext) {
    let o = context.entries[i].occurrence
    let args = context.writtenArguments(call)
    let resultType = Self.bareType(call.type)
    let argumentTypes = args.map { Self.bareType($0.type) }
    if resultType == "__nv_bfloat162" || argumentTypes.contains("__nv_bfloat162") {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.bfloat16Pair)
      return
    }
    let bfloat = resultType == "__nv_bfloat16" || argumentTypes.contains("__nv_bfloat16")
    let inSYCLCall = spec.pattern.contains("sycl::")
    let mappedResult = Self.types[resultType] ?? resultType
    let scalar = bfloat ? (inSYCLCall ? "float" : "cu2sycl::bfloat16")
      : (resultType == "__half2" || argumentTypes.contains("__half2") ? "sycl::half2" : "sycl::half")

    // An argument repeated in the pattern must be free of side effects.
    for n in 0..<args.count where spec.pattern.components(separatedBy: "$\(n)").count > 2 {
      guard context.text(of: args[n]).allSatisfy({ $0.isLetter || $0.isNumber || "_.[]>-".contains($0) }) else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.halfIntrinsic,
                      message: "\(Warnings.halfIntrinsic.title): \(o.name) uses its argument twice in SYCL; store it in a variable first")
        return
      }
    }

    func argument(_ n: Int, bare: Bool) -> [Piece] {
      guard n < args.count, let source = context.source(args[n]) else { return [] }
      let arg = args[n]
      let param = Self.bareType(arg.type), written = Self.writtenType(arg)
      var wrap: String? = nil
      if param != written, !param.isEmpty, !written.isEmpty, !arg.type.isDependent {
        if let t = Self.types[param] { wrap = t } else if spec.exactArguments { wrap = "static_cast<\(param)>" }
      }
      if bfloat && inSYCLCall && (param == "__nv_bfloat16") { wrap = "static_cast<float>" }
      if let wrap { return [.text(wrap + "("), source, .text(")")] }
      return bare ? [source] : context.operand(arg)
    }

    var pieces: [Piece] = []
    var literal = ""
    let chars = Array(spec.pattern)
    var k = 0
    while k < chars.count {
      if chars[k] == "$", k + 1 < chars.count {
        let next = chars[k + 1]
        if let n = next.wholeNumberValue {
          let bare = Self.isBare(chars, at: k)
          if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
          pieces += argument(n, bare: bare)
          k += 2
          continue
        }
        if next == "T" { literal += mappedResult; k += 2; continue }
        if next == "S" { literal += scalar; k += 2; continue }
      }
      literal.append(chars[k])
      k += 1
    }
    if !literal.isEmpty { pieces.append(.text(literal)) }
    if bfloat && inSYCLCall && spec.halfResult {
      pieces = [.text("cu2sycl::bfloat16(")] + pieces + [.text(")")]
    } else if needsParentheses(spec.pattern), !safeWithoutParentheses(call, context: context) {
      pieces = [.text("(")] + pieces + [.text(")")]
    }
    if bfloat { context.use(.bfloat16, in: r.file) }
    context.edit(r.file, r.range, pieces, rule: Self.id)
    if let rounding = spec.rounding {
      context.claim(i, .review, rule: Self.id, warning: Warnings.halfRounding,
                    message: "\(Warnings.halfRounding.title): \(o.name) rounds \(rounding); the SYCL conversion rounds to nearest even")
    } else {
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// Whether the placeholder at `k` stands alone as a function argument (`f($0, $1)`), so the argument
  /// needs no parentheses.
  static func isBare(_ chars: [Character], at k: Int) -> Bool {
    let before = k > 0 ? chars[k - 1] : "("
    let after = k + 2 < chars.count ? chars[k + 2] : ")"
    return (before == "(" || (before == " " && k >= 2 && chars[k - 2] == ",")) && (after == ")" || after == ",")
  }

  /// Whether every use of argument `n` in a pattern stands alone.
  static func isBare(_ pattern: String, argument n: Int) -> Bool {
    let chars = Array(pattern)
    var k = 0, found = false
    while k + 1 < chars.count {
      if chars[k] == "$", chars[k + 1].wholeNumberValue == n {
        if !isBare(chars, at: k) { return false }
        found = true
      }
      k += 1
    }
    return found
  }

  private func needsParentheses(_ pattern: String) -> Bool {
    Syntax.needsParentheses(pattern.replacingOccurrences(of: "$", with: "v").replacingOccurrences(of: "::", with: "_")) || pattern.hasPrefix("-") || pattern.hasPrefix("!")
  }

  /// Whether an expression replacing `call` can stand without parentheses where it is.
  private func safeWithoutParentheses(_ call: Cursor, context: MigrationContext) -> Bool {
    var c = call
    while let p = context.census.parent[c] {
      if p.kind == .unexposedExpr { c = p; continue }
      switch p.kind {
      case .parenExpr, .compoundStmt, .returnStmt, .varDecl, .declStmt, .ifStmt, .whileStmt, .forStmt, .doStmt:
        return true
      case .callExpr:
        // An implicit conversion or copy of the value: look further up.
        if p.referenced?.kind == .constructor, context.text(of: p) == context.text(of: c) { c = p; continue }
        guard p.children.first != c else { return false }
        // The argument of another intrinsic: safe only where its pattern uses the argument on its own.
        if let name = p.referenced?.spelling, let spec = Self.calls[name] {
          guard let n = context.writtenArguments(p).firstIndex(of: c) else { return false }
          return Self.isBare(spec.pattern, argument: n)
        }
        return true
      case .binaryOperator, .compoundAssignOperator:
        return p.children.count == 2 && p.children[1] == c && ["=", "+=", "-=", "*=", "/="].contains(context.binaryOperator(p) ?? "")
      default:
        return false
      }
    }
    return false
  }
}
