import Clang

/// CUDA's device intrinsics: fast approximate math, correctly rounded arithmetic and conversions,
/// integer bit operations and bit reinterpretation. Intrinsics that name a rounding direction other than
/// round-to-nearest for an operation SYCL cannot round that way are left for a person (W020).
public struct IntrinsicRule: MigrationRule {
  public static let id = "intrinsics"
  public static let summary = "Maps CUDA intrinsics (__expf, __fdividef, __fmul_rn, __float2int_rd, __popc, __ffs, __brev, __float_as_int, ...) to sycl::native, sycl:: built-ins, casts and sycl::bit_cast."
  public static let covers = (Array(table.keys) + Array(directedRounding.keys)).filter { !$0.contains(":") }.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void k(const float *x, float *y, int *n, unsigned int *bits) {
        int i = threadIdx.x;
        y[i] = __expf(x[i]) + __fdividef(x[i], 3) * __saturatef(x[i]);
        y[i] = 2.0f * __fadd_rn(x[i], 1.0f) + __frcp_rn(x[i]);
        n[i] = __float2int_rd(x[i]) + __popc(bits[i]) + __ffs(n[i]);
        bits[i] = __float_as_uint(x[i]) ^ __brev(bits[i]) + __ffs(bits[i] >> 4);
      }

      """,
      sycl: """
      void k(const float *x, float *y, int *n, unsigned int *bits, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        y[i] = sycl::native::exp(x[i]) + sycl::native::divide(x[i], 3.0f) * sycl::clamp(x[i], 0.0f, 1.0f);
        y[i] = 2.0f * (x[i] + 1.0f) + (1.0f / x[i]);
        n[i] = static_cast<int>(sycl::floor(x[i])) + static_cast<int>(sycl::popcount(bits[i])) + (n[i] == 0 ? 0 : static_cast<int>(sycl::ctz(n[i])) + 1);
        bits[i] = sycl::bit_cast<unsigned int>(x[i]) ^ cu2sycl::bit_reverse(bits[i]) + cu2sycl::ffs(bits[i] >> 4);
      }

      """),
    // Flagged (W020): directed rounding.
    RuleExample(
      cuda: """
      __global__ void bounds(const float *a, const float *b, float *lo, float *hi) {
        int i = threadIdx.x;
        lo[i] = __fadd_rd(a[i], b[i]);
        hi[i] = __fadd_ru(a[i], b[i]);
      }

      """,
      sycl: """
      void bounds(const float *a, const float *b, float *lo, float *hi, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        // CU2SYCL-W020: __fadd_rd rounds down (toward -infinity); SYCL 2020 has no rounding-mode control: use __fadd_rn (round to nearest) if the direction does not matter, else emulate it
        lo[i] = __fadd_rd(a[i], b[i]);
        // CU2SYCL-W020: __fadd_ru rounds up (toward +infinity); SYCL 2020 has no rounding-mode control: use __fadd_rn (round to nearest) if the direction does not matter, else emulate it
        hi[i] = __fadd_ru(a[i], b[i]);
      }

      """),
  ]

  /// CUDA name (or `name:signature` for one overload) -> SYCL.
  static let table: [String: CallTemplate] = {
    var t: [String: CallTemplate] = [:]
    // Fast approximate math: SYCL's native functions have the same contract (implementation-defined precision).
    for (cuda, sycl) in [("__expf", "exp"), ("__exp10f", "exp10"), ("__logf", "log"), ("__log2f", "log2"), ("__log10f", "log10"),
                         ("__sinf", "sin"), ("__cosf", "cos"), ("__tanf", "tan"), ("__powf", "powr"), ("__fdividef", "divide")] {
      t[cuda] = CallTemplate("sycl::native::" + sycl)
    }
    t["__saturatef"] = CallTemplate("sycl::clamp($0, 0.0f, 1.0f)")
    t["__sincosf"] = CallTemplate("cu2sycl::sincos", helper: .sincos)
    // Round-to-nearest arithmetic is C++'s own.
    for (p, one) in [("f", "1.0f"), ("d", "1.0")] {
      t["__\(p)add_rn"] = CallTemplate("%0 + %1")
      t["__\(p)sub_rn"] = CallTemplate("%0 - %1")
      t["__\(p)mul_rn"] = CallTemplate("%0 * %1")
      t["__\(p)div_rn"] = CallTemplate("%0 / %1")
      t["__\(p)sqrt_rn"] = CallTemplate("sycl::sqrt")
      t["__\(p)rcp_rn"] = CallTemplate("\(one) / %0")
    }
    t["__fmaf_rn"] = CallTemplate("sycl::fma")
    t["__fmaf_ieee_rn"] = CallTemplate("sycl::fma")
    t["__fma_rn"] = CallTemplate("sycl::fma")
    t["__frsqrt_rn"] = CallTemplate("sycl::rsqrt")
    // Floating-point to integer: the rounding is a SYCL function, the conversion a cast.
    for (from, _) in [("float", "float"), ("double", "double")] {
      for (to, type) in [("int", "int"), ("uint", "unsigned int"), ("ll", "long long"), ("ull", "unsigned long long")] {
        t["__\(from)2\(to)_rn"] = CallTemplate("static_cast<\(type)>(sycl::rint($0))")
        t["__\(from)2\(to)_rz"] = CallTemplate("static_cast<\(type)>($0)")
        t["__\(from)2\(to)_ru"] = CallTemplate("static_cast<\(type)>(sycl::ceil($0))")
        t["__\(from)2\(to)_rd"] = CallTemplate("static_cast<\(type)>(sycl::floor($0))")
      }
    }
    // Conversions that round to nearest, as C++ conversions do.
    for (name, type) in [("__int2float_rn", "float"), ("__uint2float_rn", "float"), ("__ll2float_rn", "float"),
                         ("__ull2float_rn", "float"), ("__double2float_rn", "float"), ("__ll2double_rn", "double"),
                         ("__ull2double_rn", "double"), ("__int2double_rn", "double"), ("__uint2double_rn", "double")] {
      t[name] = CallTemplate("static_cast<\(type)>($0)")
    }
    // Bit reinterpretation.
    for (name, type) in [("__float_as_int", "int"), ("__int_as_float", "float"), ("__float_as_uint", "unsigned int"),
                         ("__uint_as_float", "float"), ("__double_as_longlong", "long long"), ("__longlong_as_double", "double")] {
      t[name] = CallTemplate("sycl::bit_cast<\(type)>($0)")
    }
    t["__double2hiint"] = CallTemplate("static_cast<int>(sycl::bit_cast<unsigned long long>($0) >> 32)")
    t["__double2loint"] = CallTemplate("static_cast<int>(sycl::bit_cast<unsigned long long>($0))")
    t["__hiloint2double"] = CallTemplate(
      "sycl::bit_cast<double>(static_cast<unsigned long long>(static_cast<unsigned int>($0)) << 32 | static_cast<unsigned int>($1))")
    // Integer intrinsics. CUDA's counts are int; SYCL's have the argument's type.
    t["__popc"] = CallTemplate("static_cast<int>(sycl::popcount($0))", signednessFree: true)
    t["__popcll"] = CallTemplate("static_cast<int>(sycl::popcount($0))", signednessFree: true)
    t["__clz"] = CallTemplate("static_cast<int>(sycl::clz($0))", signednessFree: true)
    t["__clzll"] = CallTemplate("static_cast<int>(sycl::clz($0))", signednessFree: true)
    t["__ffs"] = CallTemplate("%0 == 0 ? 0 : static_cast<int>(sycl::ctz($0)) + 1", fallback: "cu2sycl::ffs($0)", fallbackHelper: .findFirstSet,
                              signednessFree: true)
    t["__ffsll"] = CallTemplate("%0 == 0 ? 0 : static_cast<int>(sycl::ctz($0)) + 1", fallback: "cu2sycl::ffs($0)",
                                fallbackHelper: .findFirstSet, signednessFree: true)
    t["__brev"] = CallTemplate("cu2sycl::bit_reverse", helper: .bitReverse)
    t["__brevll"] = CallTemplate("cu2sycl::bit_reverse", helper: .bitReverse)
    t["__mul24"] = CallTemplate("cu2sycl::mul24", helper: .mul24, typed: true)
    t["__umul24"] = CallTemplate("cu2sycl::umul24", helper: .mul24, typed: true)
    for n in ["__mulhi", "__umulhi", "__mul64hi", "__umul64hi"] { t[n] = CallTemplate("sycl::mul_hi") }
    t["__sad"] = CallTemplate("sycl::abs_diff($0, $1) + %2")
    t["__usad"] = CallTemplate("sycl::abs_diff($0, $1) + %2")
    t["__hadd:int (int, int)"] = CallTemplate("sycl::hadd")
    t["__uhadd"] = CallTemplate("sycl::hadd")
    t["__rhadd"] = CallTemplate("sycl::rhadd")
    t["__urhadd"] = CallTemplate("sycl::rhadd")
    t["__byte_perm"] = CallTemplate("cu2sycl::byte_perm", helper: .bytePerm)
    for n in ["__funnelshift_l", "__funnelshift_lc", "__funnelshift_r", "__funnelshift_rc"] {
      t[n] = CallTemplate("cu2sycl::" + n.dropFirst(2), helper: .funnelShift)
    }
    // Classification.
    for (names, sycl) in [(["__isnanf", "__isnan"], "isnan"), (["__isinff", "__isinf"], "isinf"), (["__finitef", "__finite"], "isfinite"),
                          (["__signbitf", "__signbit"], "signbit")] {
      for n in names { t[n] = CallTemplate("sycl::" + sycl) }
    }
    return t
  }()

  /// Intrinsics with a directed rounding mode (toward zero, up, down) that SYCL 2020 cannot express
  /// for that operation: name -> the round-to-nearest form, for the message.
  static let directedRounding: [String: String] = {
    var t: [String: String] = [:]
    let ops = ["__fadd", "__fsub", "__fmul", "__fdiv", "__fmaf", "__frcp", "__fsqrt", "__fmaf_ieee", "__dadd", "__dsub", "__dmul",
               "__ddiv", "__fma", "__drcp", "__dsqrt", "__int2float", "__uint2float", "__ll2float", "__ull2float", "__double2float",
               "__ll2double", "__ull2double"]
    for op in ops {
      for mode in ["_rz", "_ru", "_rd"] { t[op + mode] = op + "_rn" }
    }
    return t
  }()

  static func template(for name: String, declaration: Cursor?) -> CallTemplate? {
    CallTemplates.lookup(table, name, declaration)
  }

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && (Self.table[$0.occurrence.name] != nil || Self.directedRounding[$0.occurrence.name] != nil
                                 || Self.table.keys.contains($0.occurrence.name + ":int (int, int)")) }) {
      let o = context.entries[i].occurrence
      let declaration = context.entries[i].cursor.flatMap { Census.declaration(named: $0) }
      if let template = Self.template(for: o.name, declaration: declaration) {
        context.rewriteCall(i, with: template, rule: Self.id)
      } else if let nearest = Self.directedRounding[o.name] {
        let mode = ["_rz": "toward zero", "_ru": "up (toward +infinity)", "_rd": "down (toward -infinity)"][String(o.name.suffix(3))] ?? ""
        context.claim(i, .manual, rule: Self.id, warning: Warnings.roundingMode,
                      message: "\(o.name) rounds \(mode); SYCL 2020 has no rounding-mode control: use \(nearest) (round to nearest) if the direction does not matter, else emulate it")
      }
    }
  }
}
