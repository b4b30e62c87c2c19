import Clang

/// CUDA streams become in-order SYCL queues: `cudaStream_t` is `cu2sycl::queue_ptr` (a `sycl::queue *`),
/// and the null stream (0, `cudaStreamLegacy`, `cudaStreamPerThread`) is the default queue. Work on a
/// stream is submitted to `cu2sycl::queue(stream)`, which keeps CUDA's legacy default-stream ordering:
/// the default queue's work comes after the streams' earlier work and before their later work.
public struct StreamRule: MigrationRule {
  public static let id = "streams"
  public static let summary = "Maps cudaStream_t and the stream API (create, destroy, synchronize, query, callbacks) to in-order SYCL queues."
  public static let covers = ["cudaStream_t", "cudaStreamCreate", "cudaStreamCreateWithFlags", "cudaStreamCreateWithPriority",
                              "cudaStreamDestroy", "cudaStreamSynchronize", "cudaStreamQuery", "cudaStreamAddCallback",
                              "cudaLaunchHostFunc", "cudaStreamAttachMemAsync", "cudaDeviceGetStreamPriorityRange", "cudaStreamGetPriority",
                              "cudaStreamCallback_t", "cudaHostFn_t", "cudaStreamDefault", "cudaStreamNonBlocking",
                              "cudaStreamLegacy", "cudaStreamPerThread", "CUDART_CB"] + driverAliases.keys.sorted()
    + ["CUstream", "CUstreamCallback", "CU_STREAM_DEFAULT", "CU_STREAM_NON_BLOCKING"]
  public static let examples = [
    RuleExample(
      cuda: """
      void CUDART_CB done(cudaStream_t stream, cudaError_t status, void *data) { *(int *)data = 1; }
      void CUDART_CB ready(void *data) { *(int *)data = 2; }
      int run(float *d, int n, int *flag) {
        cudaStream_t streams[2], side, urgent;
        for (int i = 0; i < 2; ++i) cudaStreamCreate(&streams[i]);
        if (cudaStreamCreateWithFlags(&side, cudaStreamNonBlocking) != cudaSuccess) return 1;
        cudaStreamCreateWithPriority(&urgent, cudaStreamNonBlocking, -1);
        cudaStreamAddCallback(streams[0], done, flag, 0);
        cudaLaunchHostFunc(urgent, ready, flag);
        cudaStreamAttachMemAsync(streams[0], flag, 0, cudaMemAttachHost);
        cudaStreamSynchronize(streams[0]);
        cudaStreamQuery(side);
        for (int i = 0; i < 2; ++i) cudaStreamDestroy(streams[i]);
        cudaStreamDestroy(side);
        cudaStreamDestroy(urgent);
        cudaStreamSynchronize(cudaStreamPerThread);
        return 0;
      }

      """,
      sycl: """
      void done(cu2sycl::queue_ptr stream, int status, void *data) { *(int *)data = 1; }
      void ready(void *data) { *(int *)data = 2; }
      int run(float *d, int n, int *flag) {
        cu2sycl::queue_ptr streams[2], side, urgent;
        for (int i = 0; i < 2; ++i) streams[i] = cu2sycl::create_stream();
        if ((side = cu2sycl::create_stream(cu2sycl::stream_non_blocking), 0) != 0) return 1;
        // CU2SYCL-W066: the priority is dropped: SYCL 2020 queues have none, so this stream runs at the default priority, as on a GPU without stream priorities
        urgent = cu2sycl::create_stream(cu2sycl::stream_non_blocking);
        cu2sycl::add_callback(streams[0], done, flag);
        cu2sycl::launch_host_func(urgent, ready, flag);
        cu2sycl::queue(streams[0]).wait_and_throw();
        cu2sycl::queue(side).wait_and_throw();
        for (int i = 0; i < 2; ++i) cu2sycl::destroy_stream(streams[i]);
        cu2sycl::destroy_stream(side);
        cu2sycl::destroy_stream(urgent);
        cu2sycl::default_queue().wait_and_throw();
        return 0;
      }

      """),
    // No stream priorities: CUDA's answers for a GPU without them.
    RuleExample(
      cuda: """
      int priorities(cudaStream_t s) {
        int least, greatest, p;
        cudaDeviceGetStreamPriorityRange(&least, &greatest);
        cudaStreamGetPriority(s, &p);
        return least - greatest + p;
      }

      """,
      sycl: """
      int priorities(cu2sycl::queue_ptr s) {
        int least, greatest, p;
        least = 0, greatest = 0;
        p = 0;
        return least - greatest + p;
      }

      """),
  ]

  /// The driver API's stream calls take the runtime's arguments (cuStreamCreate has the flags).
  static let driverAliases = ["cuStreamCreate": "cudaStreamCreateWithFlags", "cuStreamCreateWithPriority": "cudaStreamCreateWithPriority",
                              "cuStreamDestroy": "cudaStreamDestroy", "cuStreamSynchronize": "cudaStreamSynchronize",
                              "cuStreamQuery": "cudaStreamQuery", "cuStreamAddCallback": "cudaStreamAddCallback"]

  /// Flag and handle macros, as they read after migration.
  static let constants = ["cudaStreamDefault": "0u", "cudaStreamNonBlocking": "cu2sycl::stream_non_blocking",
                          "cudaStreamLegacy": "nullptr", "cudaStreamPerThread": "nullptr"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains(MigrationContext.driverName($0.occurrence.name)) }) {
      let o = context.entries[i].occurrence
      let written = MigrationContext.driverName(o.name)
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      var pieces: [Piece]
      var finding: (WarningKind, String)?
      switch Self.driverAliases[written] ?? written {
      case "cudaStreamCreate", "cudaStreamCreateWithFlags", "cudaStreamCreateWithPriority":
        guard let first = args.first, let (target, _) = context.assignmentTarget(first) else { continue }
        var create: [Piece] = [.text("cu2sycl::create_stream(")]
        // The flags matter (non-blocking streams skip the default stream's ordering); SYCL 2020 queues
        // have no priority, so a priority is dropped (W066 unless it is the default, 0).
        if args.count >= 2, let flags = context.writtenRange(of: args[1]), let text = context.texts[flags.file] {
          if !["0", "CU_STREAM_DEFAULT"].contains(text[flags.range].trimmingCharacters(in: .whitespaces)) {
            create.append(.source(flags.range))
          } else {
            context.claimAll(in: flags.file, flags.range, .converted, rule: Self.id)
          }
        }
        pieces = target + [.text(" = ")] + create + [.text(")")]
        for extra in args.dropFirst(2) {
          if let ar = context.writtenRange(of: extra) { context.claimAll(in: ar.file, ar.range, .converted, rule: Self.id) }
        }
        if args.count >= 3, context.text(of: args[2]).trimmingCharacters(in: .whitespaces) != "0" {
          finding = (Warnings.streamPriority, "the priority is dropped: SYCL 2020 queues have none, so this stream runs at the default priority, as on a GPU without stream priorities")
        }
      case "cudaDeviceGetStreamPriorityRange":
        // CUDA's answer for a device without stream priorities (streamPrioritiesSupported is 0 here).
        let targets = args.prefix(2).compactMap { context.assignmentTarget($0)?.pieces }
        guard args.count == 2, !targets.isEmpty else { continue }
        pieces = Array(targets.map { $0 + [.text(" = 0")] }.joined(separator: [.text(", ")]))
      case "cudaStreamGetPriority":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[1]) else { continue }
        context.claimArguments(args.prefix(1), rule: Self.id)
        pieces = target + [.text(" = 0")]
      case "cudaStreamDestroy":
        guard args.count == 1, let s = context.source(args[0]) else { continue }
        pieces = [.text("cu2sycl::destroy_stream("), s, .text(")")]
      case "cudaStreamSynchronize", "cudaStreamQuery":
        // A query waits: the stream is then ready, which is what a polling loop waits for.
        guard args.count == 1 else { continue }
        pieces = context.queue(forStream: args[0], in: r.file, rule: Self.id) + [.text(".wait_and_throw()")]
      case "cudaStreamAddCallback", "cudaLaunchHostFunc":
        guard args.count >= 3, let s = context.source(args[0]), let f = context.source(args[1]), let d = context.source(args[2]) else { continue }
        let helper = written == "cudaLaunchHostFunc" ? "launch_host_func" : "add_callback"
        pieces = [.text("cu2sycl::\(helper)("), s, .text(", "), f, .text(", "), d, .text(")")]
        if args.count > 3, let fr = context.writtenRange(of: args[3]) { context.claimAll(in: fr.file, fr.range, .converted, rule: Self.id) }
      case "cudaStreamAttachMemAsync":
        // Shared USM needs no attaching: the host may touch it whenever the device work using it is done.
        guard context.removeCall(call, rule: Self.id) else { continue }
        context.claim(i, .converted, rule: Self.id)
        continue
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, rule: Self.id) else { continue }
      context.use(.streams, in: r.file)
      context.use(.defaultQueue, in: r.file)
      if let (kind, message) = finding {
        context.claim(i, .review, rule: Self.id, warning: kind, message: message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
    replaceNames(context)
    context.rename([.macro], rule: Self.id) { name in MemoryRule.attachFlags[name].map { "\($0) /* \(name) */" } }
  }

  /// Types and macros, wherever they are written (declarations, casts, macro bodies).
  private func replaceNames(_ context: MigrationContext) {
    let types = ["cudaStream_t": "cu2sycl::queue_ptr", "cudaStreamCallback_t": "cu2sycl::stream_callback", "cudaHostFn_t": "cu2sycl::host_fn",
                 "CUstream": "cu2sycl::queue_ptr", "CUstreamCallback": "cu2sycl::stream_callback"]
    // The driver's stream flags are enumerators.
    let driverFlags = ["CU_STREAM_DEFAULT": "0u", "CU_STREAM_NON_BLOCKING": "cu2sycl::stream_non_blocking"]
    for i in context.pending({ [.type, .macro].contains($0.occurrence.kind) || ($0.occurrence.kind == .constant && driverFlags[$0.occurrence.name] != nil) }) {
      let o = context.entries[i].occurrence
      let token = o.offset..<(o.offset + o.length)
      guard let text = context.texts[o.file], text[token] == o.name else { continue }
      if o.kind == .type, let sycl = types[o.name] {
        context.replace(o.file, token, with: sycl, rule: Self.id)
        context.use(.streams, in: o.file)
      } else if o.kind == .constant, let sycl = driverFlags[o.name] {
        context.replace(o.file, token, with: sycl, rule: Self.id)
        context.use(.streams, in: o.file)
      } else if o.kind == .macro, let sycl = Self.constants[o.name] {
        context.replace(o.file, token, with: sycl, rule: Self.id)
        if sycl.hasPrefix("cu2sycl::") { context.use(.streams, in: o.file) }
      } else if o.kind == .macro, o.name == "CUDART_CB" {
        // An empty calling-convention macro: drop it with the space after it.
        let end = text.skipHorizontalSpace(from: token.upperBound)
        context.replace(o.file, token.lowerBound..<end, with: "", rule: Self.id)
      } else {
        continue
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
