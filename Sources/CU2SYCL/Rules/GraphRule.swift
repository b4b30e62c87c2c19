import Clang

/// CUDA graphs (stream capture and the cudaGraph* API) have no SYCL 2020 counterpart. Every use gets a
/// precise finding rather than W001: the work they record can be submitted to the queue directly (an
/// in-order queue keeps its order), or expressed with the sycl_ext_oneapi_graph extension.
public struct GraphRule: MigrationRule {
  public static let id = "graphs"
  public static let summary = "Flags CUDA graphs and stream capture (no SYCL 2020 equivalent) with what to do instead."
  public static let covers = ["cudaGraph_t", "cudaGraphExec_t", "cudaGraphNode_t", "cudaGraphCreate", "cudaGraphInstantiate",
                              "cudaGraphLaunch", "cudaGraphAddKernelNode", "cudaGraphExecDestroy", "cudaGraphDestroy",
                              "cudaStreamBeginCapture", "cudaStreamEndCapture", "cudaKernelNodeParams"]
  public static let examples = [
    RuleExample(
      cuda: """
      void replay(cudaStream_t s, int n) {
        cudaGraph_t graph;
        cudaGraphExec_t exec;
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        cudaStreamEndCapture(s, &graph);
        cudaGraphInstantiate(&exec, graph, 0);
        for (int i = 0; i < n; ++i) cudaGraphLaunch(exec, s);
      }

      """,
      sycl: """
      void replay(cu2sycl::queue_ptr s, int n) {
        // CU2SYCL-W018: CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension
        cudaGraph_t graph;
        // CU2SYCL-W018: CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension
        cudaGraphExec_t exec;
        // CU2SYCL-W018: CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension
        cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
        // CU2SYCL-W018: CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension
        cudaStreamEndCapture(s, &graph);
        // CU2SYCL-W018: CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension
        cudaGraphInstantiate(&exec, graph, 0);
        // CU2SYCL-W018: CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension
        for (int i = 0; i < n; ++i) cudaGraphLaunch(exec, s);
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
