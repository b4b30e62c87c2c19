import Clang

/// cuRAND's device API (`curand_kernel.h`) becomes the plain-SYCL generator in `cu2sycl/runtime.hpp`
/// (Philox4x32-10, written from the published algorithm): the state types become `cu2sycl::` state types
/// (plain values, so arrays of states in device memory keep working) and the calls keep their arguments
/// under `cu2sycl::` names. cuRAND's XORWOW and MRG32k3a sequences are not reproduced, so the seeding call
/// is marked for review (W060); Sobol and MTGP32 states and the discrete distributions are flagged (W061).
public struct CurandRule: MigrationRule {
  public static let id = "curand-device"
  public static let summary = "Maps the cuRAND device API (curandState, curand_init, curand_uniform, curand_normal, ...) to a plain-SYCL Philox4x32-10 generator in cu2sycl/runtime.hpp."
  public static var covers: [String] {
    (Array(types.keys) + Array(calls.keys) + Array(notConverted.keys) + sobolTypes + ["curand_kernel.h"]).sorted()
  }
  public static let examples = [
    RuleExample(
      cuda: """
      #include <curand_kernel.h>
      __global__ void init(curandState *states, unsigned int seed) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        curand_init(seed, i, 0, &states[i]);
      }
      __global__ void walk(curandState *states, float *x, double *y) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        curandState local = states[i];
        x[i] = curand_uniform(&local) + curand_normal(&local);
        y[i] = curand_log_normal_double(&local, 0.0, 0.25) * curand_uniform_double(&local);
        states[i] = local;
      }
      void setup(curandState **states, int n) {
        cudaMalloc(states, n * sizeof(curandState));
      }

      """,
      sycl: """
      void init(cu2sycl::xorwow_state *states, unsigned int seed, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        // CU2SYCL-W060: cuRAND's XORWOW sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
        cu2sycl::rand_init(seed, i, 0, &states[i]);
      }
      void walk(cu2sycl::xorwow_state *states, float *x, double *y, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        cu2sycl::xorwow_state local = states[i];
        x[i] = cu2sycl::rand_uniform(&local) + cu2sycl::rand_normal(&local);
        y[i] = cu2sycl::rand_log_normal_double(&local, 0.0, 0.25) * cu2sycl::rand_uniform_double(&local);
        states[i] = local;
      }
      void setup(cu2sycl::xorwow_state **states, int n) {
        *states = sycl::malloc_device<cu2sycl::xorwow_state>(n, cu2sycl::default_queue());
      }

      """),
    RuleExample(
      cuda: """
      #include <curand_kernel.h>
      __global__ void noise(unsigned long long seed, float4 *u, float2 *g, unsigned int *bits) {
        int i = threadIdx.x;
        curandStatePhilox4_32_10_t s;
        curand_init(seed, i, 0, &s);
        skipahead(1000, &s);
        u[i] = curand_uniform4(&s);
        g[i] = curand_normal2(&s);
        bits[i] = curand(&s);
      }

      """,
      sycl: """
      void noise(unsigned long long seed, sycl::float4 *u, sycl::float2 *g, unsigned int *bits, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        cu2sycl::philox4x32_10_state s;
        // CU2SYCL-W060: Philox4x32-10 from the published algorithm, not verified bit for bit against cuRAND's (normals use cu2sycl's Box-Muller): results that depend on the exact random numbers may differ
        cu2sycl::rand_init(seed, i, 0, &s);
        cu2sycl::skipahead(1000, &s);
        u[i] = cu2sycl::rand_uniform4(&s);
        g[i] = cu2sycl::rand_normal2(&s);
        bits[i] = cu2sycl::rand(&s);
      }

      """),
    RuleExample(
      cuda: """
      #include <curand_kernel.h>
      __global__ void quasi(curandDirectionVectors32_t *v, curandStateSobol32 *s, float *x) {
        int i = threadIdx.x;
        curand_init(v[0], i, &s[i]);
        x[i] = curand_uniform(&s[i]);
      }
      template <typename State, typename Directions>
      __global__ void seed_quasi(State *s, Directions *v) {
        curand_init(v[0], threadIdx.x, &s[threadIdx.x]);
      }

      """,
      sycl: """
      // CU2SYCL-W061: curandDirectionVectors32_t: Sobol direction vectors come from the cuRAND host API; implement the Sobol recurrence (x ^= v[ctz(~i)]) over the direction vectors by hand, or use a pseudo-random state
      // CU2SYCL-W061: curandStateSobol32: Sobol states are not converted; implement the Sobol recurrence (x ^= v[ctz(~i)]) over the direction vectors by hand, or use a pseudo-random state
      void quasi(curandDirectionVectors32_t *v, curandStateSobol32 *s, float *x, const sycl::nd_item<1> &item) {
        int i = item.get_local_id(0);
        // CU2SYCL-W061: curand_init on a Sobol state is not converted; implement the Sobol recurrence (x ^= v[ctz(~i)]) over the direction vectors by hand, or use a pseudo-random state
        curand_init(v[0], i, &s[i]);
        // CU2SYCL-W061: curand_uniform on a Sobol state is not converted; implement the Sobol recurrence (x ^= v[ctz(~i)]) over the direction vectors by hand, or use a pseudo-random state
        x[i] = curand_uniform(&s[i]);
      }
      template <typename State, typename Directions>
      void seed_quasi(State *s, Directions *v, const sycl::nd_item<1> &item) {
        // CU2SYCL-W061: curand_init on a state type that depends on a template argument, in a form cu2sycl cannot tell from Sobol's; for XORWOW, Philox and MRG32k3a states call cu2sycl::rand_init, for Sobol implement the Sobol recurrence (x ^= v[ctz(~i)]) over the direction vectors by hand, or use a pseudo-random state
        curand_init(v[0], item.get_local_id(0), &s[item.get_local_id(0)]);
      }

      """),
    RuleExample(
      cuda: """
      #include <curand_kernel.h>
      template <typename State>
      __global__ void seed_all(State *s, unsigned long long seed) {
        curand_init(seed, threadIdx.x, 0, &s[threadIdx.x]);
      }
      void seed_mrg(curandStateMRG32k3a *s) { seed_all<<<1, 32>>>(s, 7); }

      """,
      sycl: """
      template <typename State>
      void seed_all(State *s, unsigned long long seed, const sycl::nd_item<1> &item) {
        // CU2SYCL-W060: the generator depends on a template argument; cuRAND's XORWOW and MRG32k3a sequences are not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
        cu2sycl::rand_init(seed, item.get_local_id(0), 0, &s[item.get_local_id(0)]);
      }
      void seed_mrg(cu2sycl::mrg32k3a_state *s) { cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
        seed_all(s, 7, item);
      }); }

      """),
  ]

  // MARK: Tables

  /// cuRAND state type -> cu2sycl state type.
  static let types: [String: String] = {
    var t: [String: String] = [:]
    for n in ["curandState", "curandState_t", "curandStateXORWOW", "curandStateXORWOW_t"] { t[n] = "cu2sycl::xorwow_state" }
    for n in ["curandStatePhilox4_32_10", "curandStatePhilox4_32_10_t"] { t[n] = "cu2sycl::philox4x32_10_state" }
    for n in ["curandStateMRG32k3a", "curandStateMRG32k3a_t"] { t[n] = "cu2sycl::mrg32k3a_state" }
    return t
  }()

  /// Quasi-random types, flagged.
  static let sobolTypes: [String] = ["32", "64"].flatMap { bits in
    ["curandStateSobol\(bits)", "curandStateSobol\(bits)_t", "curandStateScrambledSobol\(bits)", "curandStateScrambledSobol\(bits)_t",
     "curandDirectionVectors\(bits)_t"]
  }

  /// cuRAND device function -> helper (same arguments).
  static let calls: [String: String] = {
    var t: [String: String] = ["curand_init": "cu2sycl::rand_init", "curand": "cu2sycl::rand", "curand4": "cu2sycl::rand4",
                               "skipahead": "cu2sycl::skipahead", "skipahead_sequence": "cu2sycl::skipahead_sequence"]
    for n in ["uniform", "uniform_double", "uniform4", "uniform2_double", "normal", "normal_double", "normal2", "normal2_double",
              "normal4", "log_normal", "log_normal_double", "log_normal2", "log_normal2_double", "log_normal4"] {
      t["curand_" + n] = "cu2sycl::rand_" + n
    }
    return t
  }()

  /// cuRAND device functions cu2sycl knows but does not convert, with what to do.
  static let notConverted: [String: String] = {
    var t: [String: String] = [:]
    for n in ["curand_poisson", "curand_poisson4", "curand_discrete", "curand_discrete4"] {
      t[n] = "\(n) is not converted; build it on cu2sycl::rand_uniform (inversion for small lambda, the transformed rejection method for large)"
    }
    return t
  }()

  static let sobolAdvice = "implement the Sobol recurrence (x ^= v[ctz(~i)]) over the direction vectors by hand, or use a pseudo-random state"

  /// The cuRAND generator a declaration's type names (canonical spelling of a state or function type).
  enum Generator { case xorwow, philox, mrg32k3a, sobol, mtgp32 }

  static func generator(in spelling: String) -> Generator? {
    if spelling.contains("Sobol") || spelling.contains("curandDirectionVectors") { return .sobol }
    if spelling.contains("Mtgp32") { return .mtgp32 }
    if spelling.contains("curandStateXORWOW") { return .xorwow }
    if spelling.contains("curandStatePhilox4_32_10") { return .philox }
    if spelling.contains("curandStateMRG32k3a") { return .mrg32k3a }
    return nil
  }

  public init() {}

  // MARK: Applying

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .include }) {
      let o = context.entries[i].occurrence
      guard o.name.split(separator: "/").last == "curand_kernel.h", let text = context.texts[o.file] else { continue }
      // The runtime header, included by the emitter because the generator is used, replaces it.
      context.replace(o.file, text.wholeLines(around: o.offset..<(o.offset + o.length)), with: "", rule: Self.id)
      context.use(.random, in: o.file)
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .type }) { convertType(i, context: context) }
    for i in context.pending({ $0.occurrence.kind == .function }) { convertCall(i, context: context) }
  }

  private func convertType(_ i: Int, context: MigrationContext) {
    let o = context.entries[i].occurrence
    if Self.sobolTypes.contains(o.name) {
      let what = o.name.hasPrefix("curandDirectionVectors") ? "Sobol direction vectors come from the cuRAND host API;" : "Sobol states are not converted;"
      context.claim(i, .manual, rule: Self.id, warning: Warnings.randomUnsupported, message: "\(o.name): \(what) \(Self.sobolAdvice)")
      return
    }
    guard let mapped = Self.types[o.name], let text = context.texts[o.file] else { return }
    var range = o.offset..<(o.offset + o.length)
    guard text[range] == o.name else { return }
    // A type inside code another rule spelled itself (the sizeof of a converted cudaMalloc) is already mapped.
    if !context.isReplaced(o.file, range) {
      // `struct curandStateXORWOW s`: an alias cannot follow `struct`.
      if range.lowerBound >= 7, text[(range.lowerBound - 7)..<range.lowerBound] == "struct " { range = (range.lowerBound - 7)..<range.upperBound }
      context.replace(o.file, range, with: mapped, rule: Self.id)
    }
    context.use(.random, in: o.file)
    context.claim(i, .converted, rule: Self.id)
  }

  private func convertCall(_ i: Int, context: MigrationContext) {
    let entry = context.entries[i]
    let o = entry.occurrence
    guard Self.calls[o.name] != nil || Self.notConverted[o.name] != nil, let cursor = entry.cursor else { return }
    // An overload set (a call that depends on a template argument) names no generator.
    let declaration = cursor.referenced.flatMap { $0.kind == .overloadedDeclRef ? nil : $0 }
    let generator = declaration.flatMap { Self.generator(in: $0.type.canonical.spelling) }
    if generator == .sobol || generator == .mtgp32 {
      let advice = generator == .sobol ? Self.sobolAdvice : "switch to curandStatePhilox4_32_10_t, which cu2sycl converts"
      let kind = generator == .sobol ? "a Sobol" : "an MTGP32"
      context.claim(i, .manual, rule: Self.id, warning: Warnings.randomUnsupported, message: "\(o.name) on \(kind) state is not converted; \(advice)")
      return
    }
    // A dependent curand_init is converted only in the pseudo-random form (an integer seed and four
    // arguments); Sobol's forms take direction vectors first.
    if o.name == "curand_init", declaration == nil, !Self.isPseudoRandomInit(cursor, context: context) {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.randomUnsupported,
                    message: "curand_init on a state type that depends on a template argument, in a form cu2sycl cannot tell from Sobol's; for XORWOW, Philox and MRG32k3a states call cu2sycl::rand_init, for Sobol \(Self.sobolAdvice)")
      return
    }
    if let reason = Self.notConverted[o.name] {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.randomUnsupported, message: reason)
      return
    }
    guard let mapped = Self.calls[o.name], let text = context.texts[o.file],
          text[o.offset..<(o.offset + o.length)] == o.name else { return }
    context.replace(o.file, o.offset..<(o.offset + o.length), with: mapped, rule: Self.id)
    context.use(.random, in: o.file)
    guard o.name == "curand_init" else {
      context.claim(i, .converted, rule: Self.id)
      return
    }
    context.claim(i, .review, rule: Self.id, warning: Warnings.randomSequence, message: Self.seedingMessage(generator))
  }

  /// Whether a call of curand_init reads `curand_init(integer seed, subsequence, offset, state)`.
  static func isPseudoRandomInit(_ reference: Cursor, context: MigrationContext) -> Bool {
    guard let call = context.call(named: reference) else { return false }
    let args = context.writtenArguments(call)
    guard args.count == 4 else { return false }
    let first = Syntax.stripImplicit(args[0]).type
    return !first.isDependent && MigrationContext.arithmeticTypes.contains(MigrationContext.plainType(first))
  }

  static func seedingMessage(_ generator: Generator?) -> String {
    let differ = "same distributions, different numbers; results that depend on the exact random numbers will differ"
    switch generator {
    case .xorwow: return "cuRAND's XORWOW sequence is not reproduced (Philox4x32-10 instead): \(differ)"
    case .mrg32k3a: return "cuRAND's MRG32k3a sequence is not reproduced (Philox4x32-10 instead): \(differ)"
    case .philox:
      return "Philox4x32-10 from the published algorithm, not verified bit for bit against cuRAND's (normals use cu2sycl's Box-Muller): results that depend on the exact random numbers may differ"
    default: return "the generator depends on a template argument; cuRAND's XORWOW and MRG32k3a sequences are not reproduced (Philox4x32-10 instead): \(differ)"
    }
  }
}
