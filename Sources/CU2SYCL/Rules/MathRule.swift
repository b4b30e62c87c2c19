import Clang

/// CUDA's device math functions become SYCL built-ins. SYCL's built-ins are templates over one float
/// type, so arguments that CUDA converted implicitly (an int to float) get an explicit cast.
public struct MathRule: MigrationRule {
  public static let id = "math-functions"
  public static let summary = "Maps CUDA device math functions (sqrtf, expf, fabsf, fminf, powf, ...) to sycl:: built-ins."
  public static let covers = Array(table.keys).sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      __device__ float norm(float x, float y, int k) { return sqrtf(x * x + y * y) + powf(fabsf(x), k) + expf(k); }

      """,
      sycl: """
      float norm(float x, float y, int k) { return sycl::sqrt(x * x + y * y) + sycl::pow(sycl::fabs(x), static_cast<float>(k)) + sycl::exp(static_cast<float>(k)); }

      """),
  ]

  /// CUDA name -> SYCL built-in (float and double forms).
  static let table: [String: String] = {
    let names = ["sqrt", "rsqrt", "cbrt", "exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
                 "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "pow", "fabs", "fmin", "fmax",
                 "floor", "ceil", "round", "trunc", "rint", "fmod", "fma", "hypot", "erf", "erfc", "lgamma", "tgamma", "copysign",
                 "remainder", "nextafter", "fdim", "ldexp", "sinpi", "cospi"]
    var t: [String: String] = [:]
    for n in names {
      t[n + "f"] = "sycl::" + n
      t[n] = "sycl::" + n
    }
    return t
  }()

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.table[$0.occurrence.name] != nil && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      guard o.context != .host, let cursor = context.entries[i].cursor, let call = context.call(named: cursor),
            let callee = context.range(of: cursor), context.text(of: cursor) == o.name else { continue }
      context.replace(callee.file, callee.range, with: Self.table[o.name]!, rule: Self.id)
      for arg in context.writtenArguments(call) {
        // An implicit conversion to the parameter type must be spelled out for SYCL's templates.
        guard arg.kind == .unexposedExpr, let inner = arg.children.first, arg.children.count == 1,
              inner.type.canonical.spelling != arg.type.canonical.spelling,
              !(inner.kind == .unexposedExpr && inner.type.canonical.spelling.isEmpty),
              let r = context.range(of: arg), let p = context.source(inner) else { continue }
        let target = arg.type.canonical.spelling
        if inner.type.canonical.spelling.replacingSpaces() == "const\(target)" { continue }
        context.edit(r.file, r.range, [.text("static_cast<\(target)>("), p, .text(")")], rule: Self.id)
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
