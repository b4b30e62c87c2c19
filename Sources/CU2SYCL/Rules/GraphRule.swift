import Clang

/// CUDA graphs replay as ordinary queue submissions (no vendor graph extension): `cudaGraph_t` is a
/// `cu2sycl::graph` of recorded commands (kernel, memset, memcpy, host, child-graph, empty and event
/// nodes), instantiating takes a snapshot in dependency order, and `cudaGraphLaunch` submits the nodes to
/// the launch stream's in-order queue. A stream-capture region becomes a function recorded into the graph
/// (see StreamCapture). The calls keep their arguments (minus flags, copy kinds and CUDA 11 error logs)
/// under `cu2sycl::graph_*` names and return 0. What has no conversion keeps W018.
public struct GraphRule: MigrationRule {
  public static let id = "graphs"
  public static let summary = "Replays CUDA graphs (explicit nodes and stream capture) as ordinary submissions to the launch stream's in-order queue."
  public static let covers = ["cudaGraph_t", "cudaGraphExec_t", "cudaGraphNode_t", "cudaKernelNodeParams", "cudaMemsetParams",
                              "cudaHostNodeParams", "cudaGraphExecUpdateResult", "cudaGraphExecUpdateSuccess",
                              "cudaStreamBeginCapture", "cudaStreamEndCapture", "cudaStreamCaptureMode*", "cudaGraphUpload",
                              "cudaThreadExchangeStreamCaptureMode", "cudaGraphLaunch"] + calls.keys.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void step(float *x, float a) { x[threadIdx.x] *= a; }
      void replay(float *x, float a, cudaStream_t s, cudaStream_t side, cudaEvent_t fork, cudaEvent_t join, int n) {
        cudaGraph_t graph;
        cudaGraphExec_t exec;
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        step<<<1, 32, 0, s>>>(x, a);
        cudaEventRecord(fork, s);
        cudaStreamWaitEvent(side, fork, 0);
        step<<<1, 32, 0, side>>>(x + 32, a);
        cudaEventRecord(join, side);
        cudaStreamWaitEvent(s, join, 0);
        cudaStreamEndCapture(s, &graph);
        cudaGraphInstantiate(&exec, graph, NULL, NULL, 0);
        cudaGraphUpload(exec, s);
        for (int i = 0; i < n; ++i) cudaGraphLaunch(exec, s);
        cudaStreamSynchronize(s);
        cudaGraphExecDestroy(exec);
        cudaGraphDestroy(graph);
      }

      """,
      sycl: """
      void step(float *x, float a, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] *= a; }
      void replay(float *x, float a, cu2sycl::queue_ptr s, cu2sycl::queue_ptr side, cu2sycl::event_ptr fork, cu2sycl::event_ptr join, int n) {
        cu2sycl::graph_ptr graph;
        cu2sycl::graph_exec_ptr exec;
        cu2sycl::capture_stream(&graph, [=] {
        cu2sycl::queue(s).parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          step(x, a, item);
        });
        cu2sycl::record_event(fork, cu2sycl::queue(s));
        cu2sycl::wait_event(cu2sycl::queue(side), fork);
        cu2sycl::queue(side).parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          step(x + 32, a, item);
        });
        cu2sycl::record_event(join, cu2sycl::queue(side));
        cu2sycl::wait_event(cu2sycl::queue(s), join);
        });
        cu2sycl::graph_instantiate(&exec, graph);
        for (int i = 0; i < n; ++i) cu2sycl::graph_launch(exec, cu2sycl::queue(s));
        cu2sycl::queue(s).wait_and_throw();
        cu2sycl::graph_exec_destroy(exec);
        cu2sycl::graph_destroy(graph);
      }

      """),
    RuleExample(
      cuda: """
      #include <vector>
      void CUDART_CB report(void *data) { *(int *)data += 1; }
      int build(float *d, const float *h, size_t bytes, int *done, cudaGraph_t child, cudaStream_t s) {
        cudaGraph_t graph;
        cudaGraphNode_t fill, copy, sub, host, empty;
        cudaGraphCreate(&graph, 0);
        cudaMemsetParams memset = {0};
        memset.dst = d;
        memset.value = 0;
        memset.elementSize = sizeof(float);
        memset.width = bytes / sizeof(float);
        memset.height = 1;
        cudaGraphAddMemsetNode(&fill, graph, NULL, 0, &memset);
        cudaGraphAddMemcpyNode1D(&copy, graph, &fill, 1, d, h, bytes, cudaMemcpyHostToDevice);
        std::vector<cudaGraphNode_t> after;
        after.push_back(copy);
        cudaGraphAddChildGraphNode(&sub, graph, after.data(), after.size(), child);
        cudaHostNodeParams hostParams = {0};
        hostParams.fn = report;
        hostParams.userData = done;
        cudaGraphAddHostNode(&host, graph, &sub, 1, &hostParams);
        cudaGraphAddEmptyNode(&empty, graph, NULL, 0);
        cudaGraphAddDependencies(graph, &host, &empty, 1);
        size_t count = 0;
        cudaGraphGetNodes(graph, NULL, &count);
        cudaGraphExec_t exec;
        if (cudaGraphInstantiateWithFlags(&exec, graph, 0) != cudaSuccess) return 1;
        cudaGraphLaunch(exec, s);
        cudaGraphExecDestroy(exec);
        cudaGraphDestroy(graph);
        return (int)count;
      }

      """,
      sycl: """
      #include <vector>
      void report(void *data) { *(int *)data += 1; }
      int build(float *d, const float *h, size_t bytes, int *done, cu2sycl::graph_ptr child, cu2sycl::queue_ptr s) {
        cu2sycl::graph_ptr graph;
        cu2sycl::graph_node_ptr fill, copy, sub, host, empty;
        cu2sycl::graph_create(&graph);
        cu2sycl::memset_params memset = {0};
        memset.dst = d;
        memset.value = 0;
        memset.elementSize = sizeof(float);
        memset.width = bytes / sizeof(float);
        memset.height = 1;
        cu2sycl::graph_add_memset_node(&fill, graph, NULL, 0, &memset);
        cu2sycl::graph_add_memcpy_node_1d(&copy, graph, &fill, 1, d, h, bytes);
        std::vector<cu2sycl::graph_node_ptr> after;
        after.push_back(copy);
        cu2sycl::graph_add_child_graph_node(&sub, graph, after.data(), after.size(), child);
        cu2sycl::host_node_params hostParams = {0};
        hostParams.fn = report;
        hostParams.userData = done;
        cu2sycl::graph_add_host_node(&host, graph, &sub, 1, &hostParams);
        cu2sycl::graph_add_empty_node(&empty, graph, NULL, 0);
        cu2sycl::graph_add_dependencies(graph, &host, &empty, 1);
        size_t count = 0;
        cu2sycl::graph_get_nodes(graph, NULL, &count);
        cu2sycl::graph_exec_ptr exec;
        if (cu2sycl::graph_instantiate(&exec, graph) != 0) return 1;
        cu2sycl::graph_launch(exec, cu2sycl::queue(s));
        cu2sycl::graph_exec_destroy(exec);
        cu2sycl::graph_destroy(graph);
        return (int)count;
      }

      """),
    RuleExample(
      cuda: """
      void addStep(cudaGraph_t graph, cudaGraphNode_t *node, const cudaGraphNode_t *after, void *launcher, void **args, int blocks) {
        cudaKernelNodeParams params = {0};
        params.gridDim = dim3(blocks, 1, 1);
        params.blockDim = dim3(256, 1, 1);
        params.sharedMemBytes = 0;
        params.kernelParams = args;
        params.extra = NULL;
        cudaGraphAddKernelNode(node, graph, after, 1, &params);
      }
      void retarget(cudaGraphExec_t exec, cudaGraphNode_t node, const cudaKernelNodeParams *params, cudaStream_t s) {
        cudaGraphExecKernelNodeSetParams(exec, node, params);
        cudaGraphLaunch(exec, s);
      }

      """,
      sycl: """
      void addStep(cu2sycl::graph_ptr graph, cu2sycl::graph_node_ptr *node, const cu2sycl::graph_node_ptr *after, void *launcher, void **args, int blocks) {
        cu2sycl::kernel_node_params params = {0};
        params.gridDim = cu2sycl::dim3(blocks, 1, 1);
        params.blockDim = cu2sycl::dim3(256, 1, 1);
        params.sharedMemBytes = 0;
        params.kernelParams = args;
        params.extra = NULL;
        // CU2SYCL-W103: the kernel arguments are read from kernelParams at every launch (CUDA copies them here): keep them alive and unchanged while the graph is used
        cu2sycl::graph_add_kernel_node(node, graph, after, 1, &params);
      }
      void retarget(cu2sycl::graph_exec_ptr exec, cu2sycl::graph_node_ptr node, const cu2sycl::kernel_node_params *params, cu2sycl::queue_ptr s) {
        // CU2SYCL-W103: the kernel arguments are read from kernelParams at every launch (CUDA copies them here): keep them alive and unchanged while the graph is used
        cu2sycl::graph_exec_kernel_node_set_params(exec, node, params);
        cu2sycl::graph_launch(exec, cu2sycl::queue(s));
      }

      """),
    RuleExample(
      cuda: """
      #include <cstdio>
      __global__ void step(float *x) { x[threadIdx.x] += 1.0f; }
      void capture(float *x, cudaStream_t s, cudaGraph_t *out, int *captures) {
        cudaGraph_t graph;
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        printf("capturing\\n");
        step<<<1, 32, 0, s>>>(x);
        *captures += 1;
        cudaStreamEndCapture(s, &graph);
        size_t count = 0;
        cudaGraphGetNodes(graph, NULL, &count);
        *out = graph;
      }

      """,
      sycl: """
      #include <cstdio>
      void step(float *x, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] += 1.0f; }
      void capture(float *x, cu2sycl::queue_ptr s, cu2sycl::graph_ptr *out, int *captures) {
        cu2sycl::graph_ptr graph;
        // CU2SYCL-W101: the captured region runs at each cudaGraphLaunch: its host code (marked below) runs at every launch, not once at capture
        cu2sycl::capture_stream(&graph, [=] {
        // CU2SYCL-W101: host code in a captured region: runs at every launch of the graph, not once at capture
        printf("capturing\\n");
        cu2sycl::queue(s).parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          step(x, item);
        });
        // CU2SYCL-W101: host code in a captured region: runs at every launch of the graph, not once at capture
        *captures += 1;
        });
        size_t count = 0;
        // CU2SYCL-W102: a captured region is one node here: the count is not CUDA's number of captured operations
        cu2sycl::graph_get_nodes(graph, NULL, &count);
        *out = graph;
      }

      """),
    RuleExample(
      cuda: """
      __global__ void step(float *x) { x[threadIdx.x] += 1.0f; }
      int capture(float *x, cudaStream_t s, cudaGraph_t *graph, bool twice) {
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        step<<<1, 32, 0, s>>>(x);
        if (!twice) {
          cudaStreamEndCapture(s, graph);
          return 0;
        }
        step<<<1, 32, 0, s>>>(x);
        cudaStreamEndCapture(s, graph);
        return 1;
      }

      """,
      sycl: """
      void step(float *x, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] += 1.0f; }
      int capture(float *x, cu2sycl::queue_ptr s, cu2sycl::graph_ptr *graph, bool twice) {
        // CU2SYCL-W100: a return inside the captured region would leave the recorded function, not the enclosing one: move it out of the region
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        cu2sycl::queue(s).parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          step(x, item);
        });
        if (!twice) {
          // CU2SYCL-W100: no convertible cudaStreamBeginCapture on this stream in the same block: put both in one block
          cudaStreamEndCapture(s, graph);
          return 0;
        }
        cu2sycl::queue(s).parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          step(x, item);
        });
        // CU2SYCL-W100: no convertible cudaStreamBeginCapture on this stream in the same block: put both in one block
        cudaStreamEndCapture(s, graph);
        return 1;
      }

      """),
    RuleExample(
      cuda: """
      #include <vector>
      __global__ void k(float *x, dim3 d) { x[threadIdx.x] = d.x; }
      void f(float *d, cudaStream_t s, cudaGraphExec_t *exec) {
        std::vector<float> h(64);
        float local[64];
        dim3 shape(64);
        cudaGraph_t graph;
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        cudaMemcpyAsync(d, h.data(), h.size() * sizeof(float), cudaMemcpyHostToDevice, s);
        cudaMemcpyAsync(local, d, sizeof(local), cudaMemcpyDeviceToHost, s);
        k<<<1, shape, 0, s>>>(d, shape);
        cudaStreamEndCapture(s, &graph);
        cudaGraphInstantiate(exec, graph, 0);
      }

      """,
      sycl: """
      #include <vector>
      void k(float *x, cu2sycl::dim3 d, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] = d.x; }
      void f(float *d, cu2sycl::queue_ptr s, cu2sycl::graph_exec_ptr *exec) {
        std::vector<float> h(64);
        float local[64];
        sycl::range<1> shape(64);
        cu2sycl::graph_ptr graph;
        cu2sycl::capture_stream(&graph, [=, &h, &local] {
        cu2sycl::queue(s).memcpy(d, h.data(), h.size() * sizeof(float));
        cu2sycl::queue(s).memcpy(local, d, sizeof(local));
        cu2sycl::queue(s).parallel_for(sycl::nd_range<1>(sycl::range<1>(1) * shape, shape), [=](sycl::nd_item<1> item) {
          k(d, shape, item);
        });
        });
        cu2sycl::graph_instantiate(exec, graph);
      }

      """),
    // Flagged (W018): a capture query, which has no conversion.
    RuleExample(
      cuda: """
      void finish(cudaStream_t s) {
        cudaStreamCaptureStatus status;
        cudaStreamIsCapturing(s, &status);
        if (status == cudaStreamCaptureStatusNone) cudaStreamSynchronize(s);
      }

      """,
      sycl: """
      void finish(cu2sycl::queue_ptr s) {
        // CU2SYCL-W018: this part of the CUDA graph API has no conversion: submit the work it stands for to the queue at each launch, or use the sycl_ext_oneapi_graph extension
        cudaStreamCaptureStatus status;
        // CU2SYCL-W018: this part of the CUDA graph API has no conversion: submit the work it stands for to the queue at each launch, or use the sycl_ext_oneapi_graph extension
        cudaStreamIsCapturing(s, &status);
        // CU2SYCL-W018: this part of the CUDA graph API has no conversion: submit the work it stands for to the queue at each launch, or use the sycl_ext_oneapi_graph extension
        if (status == cudaStreamCaptureStatusNone) cu2sycl::queue(s).wait_and_throw();
      }

      """),
  ]

  /// Whether a CUDA name belongs to the graph API (types, functions, enumerators, parameter structs).
  static func isGraphName(_ name: String) -> Bool {
    let base = name.split(separator: ".").first.map(String.init) ?? name
    return (base.hasPrefix("cudaGraph") && !base.hasPrefix("cudaGraphics")) || base.hasPrefix("cudaStreamCapture") || base.hasPrefix("cudaStreamBeginCapture")
      || base.hasPrefix("cudaStreamEndCapture") || base.hasPrefix("cudaStreamIsCapturing") || base.hasPrefix("cudaStreamGetCaptureInfo")
      || base.hasPrefix("cudaStreamUpdateCaptureDependencies") || base == "cudaThreadExchangeStreamCaptureMode"
      || ["cudaKernelNodeParams", "cudaMemsetParams", "cudaHostNodeParams", "cudaMemcpyNodeParams", "cudaUserObject_t",
          "cudaGraphNodeParams"].contains(base)
  }

  public init() {}

  /// CUDA graph calls and the helper each becomes, with the indices of the arguments it keeps (the others
  /// are flags, copy kinds or CUDA 11 error-log outputs, dropped). The helpers return 0 like the calls.
  static let calls: [String: (helper: String, keep: [Int])] = [
    "cudaGraphCreate": ("graph_create", [0]),
    "cudaGraphDestroy": ("graph_destroy", [0]),
    "cudaGraphClone": ("graph_clone", [0, 1]),
    "cudaGraphInstantiate": ("graph_instantiate", [0, 1]),
    "cudaGraphInstantiateWithFlags": ("graph_instantiate", [0, 1]),
    "cudaGraphExecDestroy": ("graph_exec_destroy", [0]),
    "cudaGraphAddKernelNode": ("graph_add_kernel_node", [0, 1, 2, 3, 4]),
    "cudaGraphKernelNodeSetParams": ("graph_kernel_node_set_params", [0, 1]),
    "cudaGraphKernelNodeGetParams": ("graph_kernel_node_get_params", [0, 1]),
    "cudaGraphExecKernelNodeSetParams": ("graph_exec_kernel_node_set_params", [0, 1, 2]),
    "cudaGraphAddMemcpyNode": ("graph_add_memcpy_node", [0, 1, 2, 3, 4]),
    "cudaGraphAddMemcpyNode1D": ("graph_add_memcpy_node_1d", [0, 1, 2, 3, 4, 5, 6]),
    "cudaGraphAddMemsetNode": ("graph_add_memset_node", [0, 1, 2, 3, 4]),
    "cudaGraphAddHostNode": ("graph_add_host_node", [0, 1, 2, 3, 4]),
    "cudaGraphAddChildGraphNode": ("graph_add_child_graph_node", [0, 1, 2, 3, 4]),
    "cudaGraphAddEmptyNode": ("graph_add_empty_node", [0, 1, 2, 3]),
    "cudaGraphAddEventRecordNode": ("graph_add_event_record_node", [0, 1, 2, 3, 4]),
    "cudaGraphAddEventWaitNode": ("graph_add_event_wait_node", [0, 1, 2, 3, 4]),
    "cudaGraphAddDependencies": ("graph_add_dependencies", [0, 1, 2, 3]),
    "cudaGraphGetNodes": ("graph_get_nodes", [0, 1, 2]),
    "cudaGraphGetRootNodes": ("graph_get_root_nodes", [0, 1, 2]),
    "cudaGraphExecUpdate": ("graph_exec_update", [0, 1, 2, 3]),
  ]
  /// How many written arguments each call must have (another count is a signature cu2sycl does not handle:
  /// CUDA 12's cudaGraphExecUpdate with a result-info struct, edge data).
  static let argumentCounts: [String: Set<Int>] = [
    "cudaGraphInstantiate": [2, 3, 5], "cudaGraphInstantiateWithFlags": [2, 3], "cudaGraphExecUpdate": [4],
    "cudaGraphAddDependencies": [4], "cudaGraphCreate": [2], "cudaGraphAddMemcpyNode1D": [8],
  ]

  static let types = ["cudaGraph_t": "cu2sycl::graph_ptr", "cudaGraphExec_t": "cu2sycl::graph_exec_ptr",
                      "cudaGraphNode_t": "cu2sycl::graph_node_ptr", "cudaKernelNodeParams": "cu2sycl::kernel_node_params",
                      "cudaMemsetParams": "cu2sycl::memset_params", "cudaHostNodeParams": "cu2sycl::host_node_params",
                      "cudaGraphExecUpdateResult": "int"]

  public func apply(to context: MigrationContext) {
    let captured = StreamCapture(context: context, rule: Self.id).convertRegions()
    convertCalls(context, capturedGraphs: captured)
    context.rename([.type], rule: Self.id, helpers: [.graphs]) { Self.types[$0] }
    context.rename([.constant], rule: Self.id) { $0 == "cudaGraphExecUpdateSuccess" ? "0" : nil }
    for type in ["cudaKernelNodeParams", "cudaMemsetParams", "cudaHostNodeParams"] {
      for i in context.pending({ $0.occurrence.kind == .member && $0.occurrence.name.hasPrefix(type + ".") }) {
        context.claim(i, .converted, rule: Self.id)
      }
    }
    let message = "this part of the CUDA graph API has no conversion: submit the work it stands for to the queue at each launch, or use the sycl_ext_oneapi_graph extension"
    for i in context.pending({ Self.isGraphName($0.occurrence.name) }) {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.graph, message: message)
    }
  }

  private func convertCalls(_ context: MigrationContext, capturedGraphs: Set<Cursor>) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.isGraphName($0.occurrence.name) }) {
      let name = context.entries[i].occurrence.name
      guard let (call, file, _, _) = context.apiCall(context.entries[i]), let args = argumentRanges(call, in: context) else { continue }
      if name == "cudaGraphUpload" || name == "cudaThreadExchangeStreamCaptureMode" {
        // Nothing to upload or to exchange: submissions are replayed, and no capture mode restricts calls.
        if context.removeCall(call, rule: Self.id) { context.claim(i, .converted, rule: Self.id) }
        continue
      }
      guard let (helper, keep) = Self.calls[name], Self.argumentCounts[name].map({ $0.contains(args.count) }) ?? (args.count == keep.count),
            keep.allSatisfy({ $0 < args.count }) else { continue }
      var pieces: [Piece] = [.text("cu2sycl::\(helper)(")]
      for (n, k) in keep.enumerated() {
        if n > 0 { pieces.append(.text(", ")) }
        pieces.append(.source(args[k]))
      }
      for dropped in args.indices where !keep.contains(dropped) { context.claimAll(in: file, args[dropped], .converted, rule: Self.id) }
      guard context.replaceCall(call, with: pieces + [.text(")")], yieldsStatus: true, rule: Self.id) else { continue }
      context.use(.graphs, in: file)
      if name == "cudaGraphAddMemcpyNode" { context.use(.pitchedMemory, in: file) }
      if name.hasPrefix("cudaGraphAddEvent") { context.use(.events, in: file) }
      if name.contains("KernelNode") && name.contains("Params") || name == "cudaGraphAddKernelNode" {
        context.claim(i, .review, rule: Self.id, warning: Warnings.kernelNodeArguments,
                      message: "the kernel arguments are read from kernelParams at every launch (CUDA copies them here): keep them alive and unchanged while the graph is used")
      } else if name == "cudaGraphGetNodes" || name == "cudaGraphGetRootNodes", let graph = call.arguments.first,
                let variable = StreamCapture(context: context, rule: Self.id).baseVariable(graph), capturedGraphs.contains(variable.canonical) {
        context.claim(i, .review, rule: Self.id, warning: Warnings.captureNodeCount,
                      message: "a captured region is one node here: the count is not CUDA's number of captured operations")
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
    launches(context)
  }

  /// The ranges of a call's written arguments, from its text (a `NULL` from a system header has no range
  /// of its own in clang's view).
  private func argumentRanges(_ call: Cursor, in context: MigrationContext) -> [Range<Int>]? {
    guard let r = context.range(of: call), let text = context.texts[r.file] else { return nil }
    var i = r.range.lowerBound
    while i < r.range.upperBound, text.bytes[i] != UInt8(ascii: "(") { i += 1 }
    guard i < r.range.upperBound else { return nil }
    var ranges: [Range<Int>] = []
    var depth = 0, start = i + 1
    func trimmed(_ a: Int, _ b: Int) -> Range<Int> {
      var a = a, b = b
      while a < b, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(text.bytes[a]) { a += 1 }
      while b > a, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(text.bytes[b - 1]) { b -= 1 }
      return a..<b
    }
    for j in (i + 1)..<r.range.upperBound {
      switch text.bytes[j] {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")") where depth == 0:
        let last = trimmed(start, j)
        if !last.isEmpty { ranges.append(last) }
        return ranges
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      case UInt8(ascii: ",") where depth == 0:
        ranges.append(trimmed(start, j))
        start = j + 1
      default: break
      }
    }
    return nil
  }

  /// cudaGraphLaunch(exec, stream): the stream becomes the queue the nodes are submitted to.
  private func launches(_ context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name == "cudaGraphLaunch" }) {
      guard let (call, file, _, args) = context.apiCall(context.entries[i]), args.count == 2, let exec = context.source(args[0]) else { continue }
      let queue = context.queue(forStream: args[1], in: file, rule: Self.id)
      guard context.replaceCall(call, with: [.text("cu2sycl::graph_launch("), exec, .text(", ")] + queue + [.text(")")], yieldsStatus: true,
                                rule: Self.id) else { continue }
      context.use(.graphs, in: file)
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
