import Clang

/// CUDA events become `cu2sycl::event_ptr`: recording one submits a host task to the stream's in-order
/// queue that notes the time (std::chrono::steady_clock) when the queue reaches it, so
/// `cudaEventElapsedTime` yields real milliseconds and a record does not block the host. Waiting for an
/// event from a stream makes that queue's later work depend on it.
public struct EventRule: MigrationRule {
  public static let id = "events"
  public static let summary = "Maps cudaEvent_t and the event API (record, synchronize, query, elapsed time, stream waits) to timed host tasks on SYCL queues."
  public static let covers = ["cudaEvent_t", "cudaEventCreate", "cudaEventCreateWithFlags", "cudaEventRecord", "cudaEventRecordWithFlags",
                              "cudaEventSynchronize", "cudaEventQuery", "cudaEventElapsedTime", "cudaEventDestroy", "cudaStreamWaitEvent",
                              "cudaEventDefault", "cudaEventBlockingSync", "cudaEventDisableTiming", "cudaEventInterprocess"] + driverAliases.keys.sorted()
    + ["CUevent", "CU_EVENT_*"]
  static let flags = ["cudaEventDefault": "0x00", "cudaEventBlockingSync": "0x01", "cudaEventDisableTiming": "0x02",
                      "cudaEventInterprocess": "0x04"]
  /// The driver API's event calls take the runtime's arguments (cuEventCreate has the flags).
  static let driverAliases = ["cuEventCreate": "cudaEventCreateWithFlags", "cuEventRecord": "cudaEventRecord", "cuEventSynchronize": "cudaEventSynchronize",
                              "cuEventQuery": "cudaEventQuery", "cuEventElapsedTime": "cudaEventElapsedTime", "cuEventDestroy": "cudaEventDestroy",
                              "cuStreamWaitEvent": "cudaStreamWaitEvent"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cstdio>
      __global__ void work(float *d) { d[threadIdx.x] *= 2.0f; }
      void time(float *d, cudaStream_t s) {
        cudaEvent_t start, stop, ready;
        cudaEventCreate(&start);
        cudaEventCreate(&stop);
        cudaEventCreateWithFlags(&ready, cudaEventDisableTiming);
        cudaEventRecord(start);
        work<<<1, 32>>>(d);
        cudaEventRecord(stop, 0);
        cudaEventRecord(ready, s);
        cudaStreamWaitEvent(0, ready, 0);
        cudaEventSynchronize(stop);
        float ms = 0;
        cudaEventElapsedTime(&ms, start, stop);
        if (cudaEventQuery(stop) == cudaSuccess) printf("%.3f ms\\n", ms);
        cudaEventDestroy(start);
        cudaEventDestroy(stop);
        cudaEventDestroy(ready);
      }

      """,
      sycl: """
      #include <cstdio>
      void work(float *d, const sycl::nd_item<1> &item) { d[item.get_local_id(0)] *= 2.0f; }
      void time(float *d, cu2sycl::queue_ptr s) {
        cu2sycl::event_ptr start, stop, ready;
        start = cu2sycl::create_event();
        stop = cu2sycl::create_event();
        ready = cu2sycl::create_event();
        cu2sycl::record_event(start, cu2sycl::default_queue());
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          work(d, item);
        });
        cu2sycl::record_event(stop, cu2sycl::default_queue());
        cu2sycl::record_event(ready, cu2sycl::queue(s));
        cu2sycl::wait_event(cu2sycl::default_queue(), ready);
        cu2sycl::synchronize_event(stop);
        float ms = 0;
        ms = cu2sycl::elapsed_ms(start, stop);
        if (cu2sycl::event_status(stop) == 0) printf("%.3f ms\\n", ms);
        cu2sycl::destroy_event(start);
        cu2sycl::destroy_event(stop);
        cu2sycl::destroy_event(ready);
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda.h>
      float timeCopy(CUdeviceptr d, const float *h, size_t bytes) {
        CUstream stream;
        CUevent start, stop;
        cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING);
        cuEventCreate(&start, CU_EVENT_DEFAULT);
        cuEventCreate(&stop, CU_EVENT_BLOCKING_SYNC);
        cuEventRecord(start, stream);
        cuMemcpyHtoDAsync(d, h, bytes, stream);
        cuEventRecord(stop, stream);
        cuStreamWaitEvent(0, stop, 0);
        cuEventSynchronize(stop);
        float ms = 0;
        cuEventElapsedTime(&ms, start, stop);
        if (cuStreamQuery(stream) != CUDA_SUCCESS) cuStreamSynchronize(stream);
        cuEventDestroy(start);
        cuEventDestroy(stop);
        cuStreamDestroy(stream);
        return ms;
      }

      """,
      sycl: """
      float timeCopy(cu2sycl::device_ptr d, const float *h, size_t bytes) {
        cu2sycl::queue_ptr stream;
        cu2sycl::event_ptr start, stop;
        stream = cu2sycl::create_stream(cu2sycl::stream_non_blocking);
        start = cu2sycl::create_event();
        stop = cu2sycl::create_event();
        cu2sycl::record_event(start, cu2sycl::queue(stream));
        cu2sycl::queue(stream).memcpy(d, h, bytes);
        cu2sycl::record_event(stop, cu2sycl::queue(stream));
        cu2sycl::wait_event(cu2sycl::default_queue(), stop);
        cu2sycl::synchronize_event(stop);
        float ms = 0;
        ms = cu2sycl::elapsed_ms(start, stop);
        if ((cu2sycl::queue(stream).wait_and_throw(), 0) != 0) cu2sycl::queue(stream).wait_and_throw();
        cu2sycl::destroy_event(start);
        cu2sycl::destroy_event(stop);
        cu2sycl::destroy_stream(stream);
        return ms;
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains(MigrationContext.driverName($0.occurrence.name)) }) {
      let o = context.entries[i].occurrence
      let written = MigrationContext.driverName(o.name)
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      let name = Self.driverAliases[written] ?? written
      var pieces: [Piece]
      var yieldsStatus = false
      switch name {
      case "cudaEventCreate", "cudaEventCreateWithFlags":
        // Blocking-sync and disable-timing flags are performance hints; every event here can time.
        guard let first = args.first, let (target, _) = context.assignmentTarget(first) else { continue }
        pieces = target + [.text(" = cu2sycl::create_event()")]
        context.claimArguments(args.dropFirst(), rule: Self.id)
      case "cudaEventRecord", "cudaEventRecordWithFlags":
        guard let event = args.first.flatMap(context.source) else { continue }
        pieces = [.text("cu2sycl::record_event("), event, .text(", ")]
          + context.queue(forStream: args.count > 1 ? args[1] : nil, in: r.file, rule: Self.id) + [.text(")")]
        context.claimArguments(args.dropFirst(2), rule: Self.id)
      case "cudaStreamWaitEvent":
        guard args.count >= 2, let event = context.source(args[1]) else { continue }
        pieces = [.text("cu2sycl::wait_event(")] + context.queue(forStream: args[0], in: r.file, rule: Self.id)
          + [.text(", "), event, .text(")")]
        context.claimArguments(args.dropFirst(2), rule: Self.id)
      case "cudaEventSynchronize", "cudaEventDestroy", "cudaEventQuery":
        guard args.count == 1, let event = context.source(args[0]) else { continue }
        let helper = ["cudaEventSynchronize": "synchronize_event", "cudaEventDestroy": "destroy_event", "cudaEventQuery": "event_status"][name]!
        pieces = [.text("cu2sycl::\(helper)("), event, .text(")")]
        yieldsStatus = name == "cudaEventQuery"
      case "cudaEventElapsedTime":
        guard args.count == 3, let (target, _) = context.assignmentTarget(args[0]),
              let start = context.source(args[1]), let stop = context.source(args[2]) else { continue }
        pieces = target + [.text(" = cu2sycl::elapsed_ms("), start, .text(", "), stop, .text(")")]
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id) else { continue }
      context.use(.events, in: r.file)
      context.use(.streams, in: r.file)
      context.use(.defaultQueue, in: r.file)
      context.claim(i, .converted, rule: Self.id)
    }
    context.rename([.type], rule: Self.id, helpers: [.events, .streams]) { ["cudaEvent_t", "CUevent"].contains($0) ? "cu2sycl::event_ptr" : nil }
    // Event flags kept in variables (`int flags = cudaEventBlockingSync;`): hints here, kept as CUDA's values.
    context.rename([.macro], rule: Self.id) { name in Self.flags[name].map { "\($0) /* \(name) */" } }
  }
}
