import Clang

/// Copies between devices and peer access. cu2sycl's devices share one context, so a peer copy is a USM
/// copy on the current device's queue (flagged: SYCL 2020 does not promise a device reaches another's
/// allocations). SYCL 2020 has no peer-access query or switch, so cu2sycl answers as CUDA does on a system
/// without peer access: `cudaDeviceCanAccessPeer` gives 0, enabling fails with
/// cudaErrorPeerAccessUnsupported (217) and disabling with cudaErrorPeerAccessNotEnabled (705) where the
/// program reads the status; as statements they are removed.
public struct PeerMemoryRule: MigrationRule {
  public static let id = "peer-memory"
  public static let summary = "Maps cudaMemcpyPeer(Async) to USM copies over the shared context, and peer-access queries to CUDA's answers without peer access."
  public static let covers = ["cudaMemcpyPeer", "cudaMemcpyPeerAsync", "cudaDeviceCanAccessPeer", "cudaDeviceEnablePeerAccess",
                              "cudaDeviceDisablePeerAccess", "cudaPeerAccessDefault"]
  public static let examples = [
    RuleExample(
      cuda: """
      int mirror(float *dst, const float *src, size_t bytes, cudaStream_t s) {
        int canAccess = 0;
        cudaDeviceCanAccessPeer(&canAccess, 0, 1);
        if (canAccess && cudaDeviceEnablePeerAccess(1, 0) != cudaSuccess) return 1;
        cudaMemcpyPeerAsync(dst, 1, src, 0, bytes, s);
        cudaMemcpyPeer(dst, 1, src, 0, bytes);
        cudaDeviceDisablePeerAccess(1);
        return canAccess;
      }

      """,
      sycl: """
      int mirror(float *dst, const float *src, size_t bytes, cu2sycl::queue_ptr s) {
        int canAccess = 0;
        canAccess = 0;
        if (canAccess && 217 /* cudaErrorPeerAccessUnsupported */ != 0) return 1;
        // CU2SYCL-W072: the copy runs on the current device's queue; check that the implementation copies between the two devices' allocations
        cu2sycl::queue(s).memcpy(dst, src, bytes);
        // CU2SYCL-W072: the copy runs on the current device's queue; check that the implementation copies between the two devices' allocations
        cu2sycl::default_queue().memcpy(dst, src, bytes).wait();
        return canAccess;
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      switch o.name {
      case "cudaMemcpyPeer", "cudaMemcpyPeerAsync":
        guard args.count >= 5, let d = context.source(args[0]), let s = context.source(args[2]), let n = context.source(args[4]) else { continue }
        let async = o.name.hasSuffix("Async")
        let q = async ? context.queue(forStream: args.count > 5 ? args[5] : nil, in: r.file, rule: Self.id) : [.text(context.queue)]
        let pieces = q + [.text(".memcpy("), d, .text(", "), s, .text(", "), n, .text(async ? ")" : ").wait()")]
        context.claimArguments([args[1], args[3]], rule: Self.id)
        guard context.replaceCall(call, with: pieces, rule: Self.id) else { continue }
        // The devices' shared context makes both pointers valid on the queue.
        context.use(.devices, in: r.file)
        context.use(.defaultQueue, in: r.file)
        context.claim(i, .review, rule: Self.id, warning: Warnings.peerCopy,
                      message: "the copy runs on the current device's queue; check that the implementation copies between the two devices' allocations")
        continue
      case "cudaDeviceCanAccessPeer":
        guard args.count == 3, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        context.claimArguments(args.dropFirst(), rule: Self.id)
        guard context.replaceCall(call, with: target + [.text(" = 0")], rule: Self.id) else { continue }
      case "cudaDeviceEnablePeerAccess":
        guard context.removeCall(call, status: "217 /* cudaErrorPeerAccessUnsupported */", rule: Self.id) else { continue }
      case "cudaDeviceDisablePeerAccess":
        guard context.removeCall(call, status: "705 /* cudaErrorPeerAccessNotEnabled */", rule: Self.id) else { continue }
      default:
        continue
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
