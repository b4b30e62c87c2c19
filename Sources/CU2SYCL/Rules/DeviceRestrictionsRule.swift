/// The C library in device code. memcpy and memset are valid SYCL device code and stay as written; what
/// SYCL 2020 cannot express gets a precise finding instead of silence: printf the device-printf rule could
/// not translate, the cycle counters, the device heap (malloc/free), and inline PTX assembly. (Launches
/// from device code are flagged by the kernel-launch rule.)
public struct DeviceRestrictionsRule: MigrationRule {
  public static let id = "device-restrictions"
  public static let summary = "Keeps memcpy/memset in device code; flags device code with no SYCL 2020 equivalent: printf in kernels, clock()/clock64(), malloc/free, inline PTX."
  public static let covers = ["memcpy", "memset", "printf", "clock", "clock64", "malloc", "free", "asm"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cstdio>
      #include <cstring>
      __global__ void k(long long *t, const float *in) {
        long long start = clock64();
        int n = printf("block %d\\n", blockIdx.x);
        float v[4];
        memcpy(v, in + 4 * threadIdx.x, sizeof(v));
        float *scratch = (float *)malloc(n * sizeof(float));
        *t = clock64() - start + n + v[0];
        free(scratch);
      }

      """,
      sycl: """
      #include <cstdio>
      #include <cstring>
      void k(long long *t, const float *in, const sycl::nd_item<1> &item, const sycl::stream &stream) {
        // CU2SYCL-W012: clock64() has no SYCL equivalent; time the kernel from the host
        long long start = clock64();
        // CU2SYCL-W011: printf whose result is used, or whose format has no stream equivalent: write to the sycl::stream by hand
        int n = printf("block %d\\n", item.get_group(0));
        float v[4];
        memcpy(v, in + 4 * item.get_local_id(0), sizeof(v));
        // CU2SYCL-W015: malloc() in device code: SYCL has no device heap; allocate on the host before the launch and pass the memory in
        float *scratch = (float *)malloc(n * sizeof(float));
        // CU2SYCL-W012: clock64() has no SYCL equivalent; time the kernel from the host
        *t = clock64() - start + n + v[0];
        // CU2SYCL-W015: free() in device code: SYCL has no device heap; allocate on the host before the launch and pass the memory in
        free(scratch);
      }

      """),
    // Flagged (W013): inline PTX.
    RuleExample(
      cuda: """
      __global__ void lanes(unsigned *out) {
        unsigned lane;
        asm volatile("mov.u32 %0, %%laneid;" : "=r"(lane));
        out[threadIdx.x] = lane;
      }

      """,
      sycl: """
      void lanes(unsigned *out, const sycl::nd_item<1> &item) {
        unsigned lane;
        // CU2SYCL-W013: inline PTX assembly: rewrite it with SYCL built-ins
        asm volatile("mov.u32 %0, %%laneid;" : "=r"(lane));
        out[item.get_local_id(0)] = lane;
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.context != .host && $0.occurrence.context != .fileScope }) {
      let o = context.entries[i].occurrence
      switch (o.kind, o.name) {
      case (.function, "printf"):
        context.claim(i, .manual, rule: Self.id, warning: Warnings.devicePrintf, message: "printf whose result is used, or whose format has no stream equivalent: write to the sycl::stream by hand")
      case (.function, "clock"), (.function, "clock64"):
        context.claim(i, .manual, rule: Self.id, warning: Warnings.clock, message: "\(o.name)() has no SYCL equivalent; time the kernel from the host")
      case (.function, "memcpy"), (.function, "memset"):
        context.claim(i, .converted, rule: Self.id)
      case (.function, "malloc"), (.function, "free"):
        context.claim(i, .manual, rule: Self.id, warning: Warnings.deviceHeap, message: "\(o.name)() in device code: SYCL has no device heap; allocate on the host before the launch and pass the memory in")
      case (.inlineAssembly, _):
        context.claim(i, .manual, rule: Self.id, warning: Warnings.inlineAssembly, message: "inline PTX assembly: rewrite it with SYCL built-ins")
      default:
        continue
      }
    }
  }
}
