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

  public func apply(to context: MigrationContext) {
    let message = "CUDA graphs have no SYCL 2020 equivalent: submit the recorded work to the queue directly (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension"
    for i in context.pending({ Self.isGraphName($0.occurrence.name) }) {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.graph, message: message)
    }
  }
}
