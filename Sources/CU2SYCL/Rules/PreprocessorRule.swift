/// CUDA's predefined macros in preprocessor tests and code. `__CUDA_ARCH__` marks device compilation:
/// tested for definition it becomes SYCL's `__SYCL_DEVICE_ONLY__`; compared with an architecture it
/// becomes `CU2SYCL_CUDA_ARCH` (800 in device code, the stand-in compute capability, flagged for review).
/// `__CUDACC__`/`__NVCC__` (compiled by the CUDA compiler: the branch cu2sycl parsed and migrated)
/// become `SYCL_LANGUAGE_VERSION`, which SYCL compilers define. Version macros become the version of
/// the CUDA declarations the code was parsed with, so the branches cu2sycl migrated stay selected.
public struct PreprocessorRule: MigrationRule {
  public static let id = "preprocessor"
  public static let summary = "Maps __CUDA_ARCH__, __CUDACC__ and CUDA version macros in conditionals and code."
  public static let covers = ["__CUDA_ARCH__", "__CUDACC__", "__NVCC__", "CUDART_VERSION", "CUDA_VERSION", "__CUDACC_VER_MAJOR__",
                              "__CUDACC_VER_MINOR__"]
  public static let examples = [
    RuleExample(
      cuda: """
      #ifndef __CUDACC__
      #include <cmath>
      #endif
      __host__ __device__ inline float twice(float x) {
      #if defined(__CUDA_ARCH__)
        return x + x;
      #else
        return 2.0f * x;
      #endif
      }
      #if CUDART_VERSION >= 11000
      const int modern = 1;
      #endif

      """,
      sycl: """
      #ifndef SYCL_LANGUAGE_VERSION
      #include <cmath>
      #endif
      inline float twice(float x) {
      #if defined(__SYCL_DEVICE_ONLY__)
        return x + x;
      #else
        return 2.0f * x;
      #endif
      }
      #if 12040 /* CUDART_VERSION */ >= 11000
      const int modern = 1;
      #endif

      """),
    // Flagged (W065): device code under __CUDA_ARCH__, which the host-side parse skips. Each CUDA name
    // in it counts (manual); the host branch converts.
    RuleExample(
      cuda: """
      __device__ float fast_exp(float x) {
      #ifdef __CUDA_ARCH__
        return __expf(x);
      #else
        return expf(x);
      #endif
      }

      """,
      sycl: """
      float fast_exp(float x) {
      // CU2SYCL-W065: cu2sycl parses CUDA as host code, so this __CUDA_ARCH__ branch (device code) was not parsed and its CUDA name '__expf' was not converted; convert it by hand
      #ifdef __SYCL_DEVICE_ONLY__
        return __expf(x);
      #else
        return sycl::exp(x);
      #endif
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    flagInactiveDeviceCode(context)
    let version = context.census.environment.runtimeVersion
    for i in context.pending({ $0.occurrence.kind == .macro && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      let token = o.offset..<(o.offset + o.length)
      guard let text = context.texts[o.file], text[token] == o.name else { continue }
      switch o.name {
      case "__CUDA_ARCH__":
        if testsDefinition(text, at: o.offset) {
          context.replace(o.file, token, with: "__SYCL_DEVICE_ONLY__", rule: Self.id)
          context.claim(i, .converted, rule: Self.id)
        } else {
          context.replace(o.file, token, with: "CU2SYCL_CUDA_ARCH", rule: Self.id)
          context.use(.cudaArch, in: o.file)
          context.claim(i, .review, rule: Self.id, warning: Warnings.deviceProperty,
                        message: "__CUDA_ARCH__: SYCL has no GPU architecture number; CU2SYCL_CUDA_ARCH is 800 in device code (the stand-in compute capability 8.0), check the branch it selects")
        }
      case "__CUDACC__", "__NVCC__":
        context.replace(o.file, token, with: "SYCL_LANGUAGE_VERSION", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      default:
        let value = ["CUDART_VERSION": version, "CUDA_VERSION": version, "__CUDACC_VER_MAJOR__": version / 1000,
                     "__CUDACC_VER_MINOR__": version % 1000 / 10][o.name] ?? version
        context.replace(o.file, token, with: "\(value) /* \(o.name) */", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      }
    }
  }

  /// CUDA names in a `__CUDA_ARCH__` branch the host-only parse skipped: never converted, so each is a
  /// manual occurrence, with one finding above the branch's directive that lists them.
  private func flagInactiveDeviceCode(_ context: MigrationContext) {
    let pending = context.pending { $0.inactiveBranch != nil }
    var branches: [String: [Int]] = [:]
    var order: [String] = []
    for i in pending {
      let key = "\(context.entries[i].occurrence.file):\(context.entries[i].inactiveBranch ?? 0)"
      if branches[key] == nil { order.append(key) }
      branches[key, default: []].append(i)
    }
    for key in order {
      let indices = branches[key] ?? []
      var names: [String] = []
      for i in indices where !names.contains(context.entries[i].occurrence.name) { names.append(context.entries[i].occurrence.name) }
      let listed = names.prefix(4).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 4 ? ", ..." : "")
      let what = indices.count == 1 ? "its CUDA name \(listed) was" : "its \(indices.count) CUDA names (\(listed)) were"
      let message = "cu2sycl parses CUDA as host code, so this __CUDA_ARCH__ branch (device code) was not parsed and \(what) not converted; convert it by hand"
      for i in indices {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.inactiveDeviceCode, message: message,
                      commentAt: context.entries[i].inactiveBranch)
      }
    }
  }

  /// Whether the macro at `offset` is only tested for definition: `#ifdef X`, `#ifndef X`, `defined(X)`,
  /// `defined X`.
  private func testsDefinition(_ text: SourceText, at offset: Int) -> Bool {
    let line = text[text.lineStart(of: offset)..<offset].replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
    return line.hasSuffix("#ifdef") || line.hasSuffix("#ifndef") || line.hasSuffix("#elifdef") || line.hasSuffix("#elifndef")
      || line.hasSuffix("defined(") || line.hasSuffix("defined")
  }
}
