/// CUDA device code that SYCL 2020 cannot express gets a precise finding instead of silence: printf the
/// device-printf rule could not translate, the cycle counters, and inline PTX assembly. (Launches from device code are flagged by the
/// kernel-launch rule.)
public struct DeviceRestrictionsRule: MigrationRule {
  public static let id = "device-restrictions"
  public static let summary = "Flags device code with no SYCL 2020 equivalent: printf in kernels, clock()/clock64(), inline PTX."
  public static let covers = ["printf", "clock", "clock64", "asm"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cstdio>
      __global__ void k(long long *t) {
        long long start = clock64();
        int n = printf("block %d\\n", blockIdx.x);
        *t = clock64() - start + n;
      }

      """,
      sycl: """
      #include <cstdio>
      void k(long long *t, const sycl::nd_item<1> &item, const sycl::stream &stream) {
        // CU2SYCL-W012: clock64() has no SYCL equivalent; time the kernel from the host
        long long start = clock64();
        // CU2SYCL-W011: printf whose result is used, or whose format has no stream equivalent: write to the sycl::stream by hand
        int n = printf("block %d\\n", item.get_group(0));
        // CU2SYCL-W012: clock64() has no SYCL equivalent; time the kernel from the host
        *t = clock64() - start + n;
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
      case (.inlineAssembly, _):
        context.claim(i, .manual, rule: Self.id, warning: Warnings.inlineAssembly, message: "inline PTX assembly: rewrite it with SYCL built-ins")
      default:
        continue
      }
    }
  }
}
