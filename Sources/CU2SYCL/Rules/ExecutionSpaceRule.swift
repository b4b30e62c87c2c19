/// CUDA's function qualifiers: SYCL is single-source, so `__global__`, `__device__` and `__host__`
/// on functions go away (kernels get their `nd_item` from the kernel-signature rule);
/// `__forceinline__`, `__noinline__` and `__launch_bounds__` get standard spellings, and `__align__(n)`
/// becomes C++'s `alignas(n)`; `__grid_constant__` on kernel parameters goes (SYCL kernel arguments are
/// already passed by value). (`__restrict__` is a
/// GNU keyword that every SYCL compiler accepts, so it stays, unless a CUDA header defined it as a macro.)
public struct ExecutionSpaceRule: MigrationRule {
  public static let id = "execution-space-qualifiers"
  public static let summary = "Removes __global__/__device__/__host__ from functions and maps __forceinline__, __noinline__, __launch_bounds__ and __align__."
  public static let covers = ["__global__", "__device__", "__host__", "__forceinline__", "__noinline__", "__restrict__", "__launch_bounds__",
                              "__align__", "__grid_constant__"]
  public static let examples = [
    RuleExample(cuda: "__host__ __device__ float twice(float v) { return 2 * v; }\n",
                sycl: "float twice(float v) { return 2 * v; }\n"),
    RuleExample(cuda: "__device__ __forceinline__ float half_of(const float *__restrict__ p) { return *p / 2; }\n",
                sycl: "inline float half_of(const float *__restrict__ p) { return *p / 2; }\n"),
    RuleExample(cuda: "struct Params { float w[64]; };\n__global__ void apply(__grid_constant__ const Params p, float *out) { out[threadIdx.x] = p.w[threadIdx.x]; }\n",
                sycl: "struct Params { float w[64]; };\nvoid apply(const Params p, float *out, const sycl::nd_item<1> &item) { out[item.get_local_id(0)] = p.w[item.get_local_id(0)]; }\n"),
    RuleExample(cuda: "typedef struct __align__(16) { float x, y, z; } Point;\nstruct __align__(8) Pair { int a, b; };\n",
                sycl: "typedef struct alignas(16) { float x, y, z; } Point;\nstruct alignas(8) Pair { int a, b; };\n"),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    let functionHeads = context.census.functionHeadRanges()
    for i in context.pending({ $0.occurrence.kind == .attribute }) {
      let o = context.entries[i].occurrence
      guard let text = context.texts[o.file] else { continue }
      let range = o.offset..<(o.offset + o.length)
      let onFunction = functionHeads[o.file]?.contains { $0.contains(o.offset) } ?? false
      switch o.name {
      case "__restrict__":
        break  // the GNU keyword is valid in every SYCL compiler
      case "__forceinline__" where onFunction:
        context.replace(o.file, range, with: "inline", rule: Self.id)
      case "__noinline__" where onFunction:
        context.replace(o.file, range, with: "__attribute__((noinline))", rule: Self.id)
      case "__grid_constant__":
        // SYCL kernels receive their arguments by value in read-only kernel-argument memory already;
        // the attribute only lets CUDA skip a copy, so it goes.
        context.replace(o.file, removal(of: range, in: text), with: "", rule: Self.id)
      case "__align__":
        guard text[o.offset..<(o.offset + 9)] == "__align__" else { continue }
        context.replace(o.file, o.offset..<(o.offset + 9), with: "alignas", rule: Self.id)
      case "__global__", "__device__", "__host__", "__launch_bounds__":
        guard onFunction else {
          if o.name == "__device__" {
            context.claim(i, .manual, rule: Self.id, warning: Warnings.deviceVariable,
                          message: "__device__ variable '\(o.function ?? "")' needs a USM allocation passed to its kernels")
          }
          continue
        }
        context.replace(o.file, removal(of: range, in: text), with: "", rule: Self.id)
      default:
        continue
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// The qualifier and the spaces after it; the whole line when nothing else is on it.
  private func removal(of range: Range<Int>, in text: SourceText) -> Range<Int> {
    let end = text.skipHorizontalSpace(from: range.upperBound)
    let lines = text.wholeLines(around: range)
    return lines != range ? lines : range.lowerBound..<end
  }
}
