import Clang

/// CUDA's device math functions become SYCL built-ins. SYCL's built-ins are templates over one float
/// type, so arguments that CUDA converted implicitly (an int to float) get an explicit cast; CUDA's
/// mixed-type `min`/`max` overloads get both arguments converted to the type CUDA computes in.
public struct MathRule: MigrationRule {
  public static let id = "math-functions"
  public static let summary = "Maps the CUDA math API (sqrtf, expf, lrintf, min/max, abs, sincosf, norm3df, ...) to sycl:: built-ins."
  public static let covers = (Array(table.keys) + Array(unsupported.keys)).filter { !$0.contains(":") }.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      __device__ float norm(float x, float y, int k) { return sqrtf(x * x + y * y) + powf(fabsf(x), k) + expf(k); }
      __device__ double wave(double t) { return sqrt(t) * exp(-t) * sin(t); }

      """,
      sycl: """
      float norm(float x, float y, int k) { return sycl::sqrt(x * x + y * y) + sycl::pow(sycl::fabs(x), static_cast<float>(k)) + sycl::exp(static_cast<float>(k)); }
      double wave(double t) { return sycl::sqrt(t) * sycl::exp(-t) * sycl::sin(t); }

      """),
    RuleExample(
      cuda: """
      __global__ void k(const float *x, int *n, unsigned int u, float *s, float *c) {
        int i = threadIdx.x;
        n[i] = lrintf(x[i]) + min(i, 4) + max(n[i], u) + abs(n[i] - 3);
        float r = rsqrtf(x[i]) * fminf(x[i], 2) + norm3df(x[0], x[1], x[2]) * hypotf(x[i], 1.5f);
        sincosf(x[i], &s[i], &c[i]);
      }

      """,
      sycl: """
      void k(const float *x, int *n, unsigned int u, float *s, float *c, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        n[i] = static_cast<long>(sycl::rint(x[i])) + sycl::min(i, 4) + sycl::max(static_cast<unsigned int>(n[i]), u) + sycl::abs(n[i] - 3);
        float r = sycl::rsqrt(x[i]) * sycl::fmin(x[i], 2.0f) + sycl::length(sycl::float3(x[0], x[1], x[2])) * sycl::hypot(x[i], 1.5f);
        cu2sycl::sincos(x[i], &s[i], &c[i]);
      }

      """),
    // Flagged (W021): a math function SYCL has no built-in for.
    RuleExample(
      cuda: """
      __global__ void gauss(const float *p, float *z) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        z[i] = sqrtf(2.0f) * erfinvf(2.0f * p[i] - 1.0f);
      }

      """,
      sycl: """
      void gauss(const float *p, float *z, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        // CU2SYCL-W021: erfinvf has no SYCL 2020 built-in: implement it (or a library's version) in plain SYCL
        z[i] = sycl::sqrt(2.0f) * erfinvf(2.0f * p[i] - 1.0f);
      }

      """),
  ]

  /// CUDA name (or `name:signature` for one overload) -> SYCL.
  static let table: [String: CallTemplate] = {
    var t: [String: CallTemplate] = [:]
    func both(_ name: String, _ template: CallTemplate, double: CallTemplate? = nil) {
      t[name + "f"] = template
      t[name] = double ?? template
    }
    // Same name in SYCL, float and double.
    for n in ["sqrt", "rsqrt", "cbrt", "exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
              "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "pow", "fabs", "fmin", "fmax",
              "floor", "ceil", "round", "trunc", "rint", "fmod", "fma", "hypot", "erf", "erfc", "lgamma", "tgamma", "copysign",
              "remainder", "nextafter", "fdim", "ldexp", "sinpi", "cospi", "ilogb", "logb"] {
      both(n, CallTemplate("sycl::" + n))
    }
    both("nearbyint", CallTemplate("sycl::rint"))
    both("scalbn", CallTemplate("sycl::ldexp"))
    both("scalbln", CallTemplate("sycl::ldexp($0, static_cast<int>($1))"))
    both("lrint", CallTemplate("static_cast<long>(sycl::rint($0))"))
    both("llrint", CallTemplate("static_cast<long long>(sycl::rint($0))"))
    both("lround", CallTemplate("static_cast<long>(sycl::round($0))"))
    both("llround", CallTemplate("static_cast<long long>(sycl::round($0))"))
    both("rcbrt", CallTemplate("1.0f / sycl::cbrt($0)"), double: CallTemplate("1.0 / sycl::cbrt($0)"))
    both("rhypot", CallTemplate("1.0f / sycl::hypot($0, $1)"), double: CallTemplate("1.0 / sycl::hypot($0, $1)"))
    both("norm3d", CallTemplate("sycl::length(sycl::float3($0, $1, $2))"), double: CallTemplate("sycl::length(sycl::double3($0, $1, $2))"))
    both("norm4d", CallTemplate("sycl::length(sycl::float4($0, $1, $2, $3))"),
         double: CallTemplate("sycl::length(sycl::double4($0, $1, $2, $3))"))
    both("rnorm3d", CallTemplate("1.0f / sycl::length(sycl::float3($0, $1, $2))"),
         double: CallTemplate("1.0 / sycl::length(sycl::double3($0, $1, $2))"))
    both("rnorm4d", CallTemplate("1.0f / sycl::length(sycl::float4($0, $1, $2, $3))"),
         double: CallTemplate("1.0 / sycl::length(sycl::double4($0, $1, $2, $3))"))
    // Phi(x) = erfc(-x / sqrt(2)) / 2.
    both("normcdf", CallTemplate("0.5f * sycl::erfc(-%0 * 0.70710678f)"), double: CallTemplate("0.5 * sycl::erfc(-%0 * 0.7071067811865476)"))
    both("sincos", CallTemplate("cu2sycl::sincos", helper: .sincos))
    both("sincospi", CallTemplate("cu2sycl::sincospi", helper: .sincos))
    both("frexp", CallTemplate("cu2sycl::frexp", helper: .mathPointers))
    both("modf", CallTemplate("cu2sycl::modf", helper: .mathPointers))
    both("remquo", CallTemplate("cu2sycl::remquo", helper: .mathPointers))
    t["nanf"] = CallTemplate("sycl::nan(0u)")
    t["nan"] = CallTemplate("sycl::nan(0ul)")
    t["fdividef"] = CallTemplate("sycl::native::divide")
    // The float overloads of the generic names are covered above ("sqrt" on a float is sycl::sqrt on a
    // float); these overloads differ.
    t["pow:float (float, int)"] = CallTemplate("sycl::pown")
    t["pow:double (double, int)"] = CallTemplate("sycl::pown")
    t["abs"] = CallTemplate("sycl::abs")
    t["abs:float (float)"] = CallTemplate("sycl::fabs")
    t["abs:double (double)"] = CallTemplate("sycl::fabs")
    t["labs"] = CallTemplate("sycl::abs")
    t["llabs"] = CallTemplate("sycl::abs")
    for n in ["min", "umin", "llmin", "ullmin"] { t[n] = CallTemplate("sycl::min", unify: true) }
    for n in ["max", "umax", "llmax", "ullmax"] { t[n] = CallTemplate("sycl::max", unify: true) }
    for n in ["isnan", "isinf", "isfinite", "signbit"] { t[n] = CallTemplate("sycl::" + n) }
    return t
  }()

  /// CUDA math functions SYCL 2020 has no built-in for.
  static let unsupported: [String: String] = {
    var t: [String: String] = [:]
    for n in ["erfinv", "erfcinv", "erfcx", "normcdfinv", "cyl_bessel_i0", "cyl_bessel_i1", "j0", "j1", "jn", "y0", "y1", "yn"] {
      t[n] = n
      t[n + "f"] = n
    }
    for n in ["norm", "rnorm", "normf", "rnormf"] { t[n] = n }
    return t
  }()

  static func template(for name: String, declaration: Cursor?) -> CallTemplate? {
    CallTemplates.lookup(table, name, declaration)
  }

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && (Self.table[$0.occurrence.name] != nil || Self.unsupported[$0.occurrence.name] != nil) }) {
      let o = context.entries[i].occurrence
      let declaration = context.entries[i].cursor.flatMap { Census.declaration(named: $0) }
      if let template = Self.template(for: o.name, declaration: declaration) {
        context.rewriteCall(i, with: template, rule: Self.id)
      } else if Self.unsupported[o.name] != nil {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.noMathEquivalent,
                      message: "\(o.name) has no SYCL 2020 built-in: implement it (or a library's version) in plain SYCL")
      }
    }
  }
}
