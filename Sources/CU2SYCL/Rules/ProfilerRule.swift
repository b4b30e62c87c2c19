import Clang

/// Profiler control and annotations. `cudaProfilerStart/Stop` only tell NVIDIA's profilers what to record;
/// NVTX ranges and marks (`nvtxRangePushA`, ...) only name spans of time for them. Neither changes what a
/// program computes. NVTX is a header-only library that would build without CUDA, but keeping it would
/// make the SYCL program depend on NVIDIA's headers for the sake of NVIDIA's tools, which SYCL
/// implementations replace with their own tracing (and cu2sycl's output must build with a SYCL
/// implementation alone), so the calls and their includes are removed. Where a call's value is read,
/// it becomes 0 (the nesting level of a first range; a range id of 0).
public struct ProfilerRule: MigrationRule {
  public static let id = "profiler"
  public static let summary = "Removes profiler control (cudaProfilerStart/Stop) and NVTX annotations (nvtxRangePushA, nvtxRangePop, nvtxMarkA, ...)."
  public static let covers = calls + ["nvtxRangeId_t"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda_profiler_api.h>
      #include <nvtx3/nvToolsExt.h>
      void timed(float *d, int n) {
        cudaProfilerStart();
        nvtxRangePushA("fill");
        cudaMemset(d, 0, n * sizeof(float));
        nvtxRangePop();
        nvtxRangeId_t r = nvtxRangeStartA("sync");
        cudaDeviceSynchronize();
        nvtxRangeEnd(r);
        cudaProfilerStop();
      }

      """,
      sycl: """
      void timed(float *d, int n) {
        cu2sycl::default_queue().memset(d, 0, n * sizeof(float)).wait();
        std::uint64_t r = 0;
        cu2sycl::default_queue().wait_and_throw();
      }

      """),
    RuleExample(
      cuda: """
      #include <nvToolsExt.h>
      #define RANGE_PUSH(name) nvtxRangePushA(name)
      #define RANGE_POP() nvtxRangePop();
      void step() {
        RANGE_PUSH(__func__);
        RANGE_POP();
      }

      """,
      sycl: """
      #define RANGE_PUSH(name) ((void)0)
      #define RANGE_POP() 
      void step() {
        RANGE_PUSH(__func__);
        RANGE_POP();
      }

      """),
  ]

  static let calls = ["cudaProfilerStart", "cudaProfilerStop", "cudaProfilerInitialize", "nvtxMarkA", "nvtxMarkW", "nvtxRangeStartA",
                      "nvtxRangeStartW", "nvtxRangeEnd", "nvtxRangePushA", "nvtxRangePushW", "nvtxRangePop", "nvtxNameOsThreadA",
                      "nvtxNameCategoryA", "nvtxInitialize"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.calls.contains($0.occurrence.name) }) {
      guard let (call, _, _, _) = context.apiCall(context.entries[i]), context.removeCall(call, rule: Self.id) else { continue }
      context.claim(i, .converted, rule: Self.id)
    }
    // Inside a #define (`#define RANGE_PUSH(name) nvtxRangePushA(name)`): the call goes, with its `;`;
    // a call without one becomes `((void)0)`, the usual disabled statement.
    for i in context.pending({ $0.occurrence.kind == .function && Self.calls.contains($0.occurrence.name) && $0.inMacroBody }) {
      let o = context.entries[i].occurrence
      guard let text = context.texts[o.file], let call = text.macroUse(at: o.offset), call.upperBound > o.offset + o.length else { continue }
      let after = text.skipHorizontalSpace(from: call.upperBound)
      if after < text.bytes.count, text.bytes[after] == UInt8(ascii: ";") {
        context.replace(o.file, call.lowerBound..<(after + 1), with: "", rule: Self.id)
      } else {
        context.replace(o.file, call, with: "((void)0)", rule: Self.id)
      }
      context.claim(i, .converted, rule: Self.id)
    }
    context.rename([.type], rule: Self.id) { $0 == "nvtxRangeId_t" ? "std::uint64_t" : nil }
  }
}
