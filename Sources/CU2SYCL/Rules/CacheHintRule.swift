import Clang

/// L2 cache hints: access policy windows set on a stream, persisting cache lines and their reset. They
/// change how fast a program runs, never what it computes, and SYCL 2020 has no cache control, so the
/// calls are removed and the descriptors become plain structs with CUDA's field names
/// (`cudaAccessPolicyWindow` → `cu2sycl::access_policy_window`) that nothing applies. Reading a stream
/// attribute back gives an empty value (W076).
public struct CacheHintRule: MigrationRule {
  public static let id = "cache-hints"
  public static let summary = "Removes L2 cache hints (stream access policy windows, persisting-cache reset); their descriptors become plain cu2sycl structs."
  public static let covers = ["cudaStreamSetAttribute", "cudaStreamGetAttribute", "cudaCtxResetPersistingL2Cache"]
    + types.keys.sorted() + constants.keys.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      void hint(cudaStream_t s, int *data, size_t bytes) {
        cudaAccessPolicyWindow window = {0};
        window.base_ptr = (void *)data;
        window.num_bytes = bytes;
        window.hitRatio = 1.f;
        window.hitProp = cudaAccessPropertyPersisting;
        window.missProp = cudaAccessPropertyStreaming;
        cudaStreamAttrValue value;
        value.accessPolicyWindow = window;
        cudaStreamAttrID id = cudaStreamAttributeAccessPolicyWindow;
        cudaStreamSetAttribute(s, id, &value);
        cudaCtxResetPersistingL2Cache();
      }

      """,
      sycl: """
      void hint(cu2sycl::queue_ptr s, int *data, size_t bytes) {
        cu2sycl::access_policy_window window = {0};
        window.base_ptr = (void *)data;
        window.num_bytes = bytes;
        window.hitRatio = 1.f;
        window.hitProp = cu2sycl::access_property_persisting;
        window.missProp = cu2sycl::access_property_streaming;
        cu2sycl::launch_attribute_value value;
        value.accessPolicyWindow = window;
        cu2sycl::launch_attribute_id id = cu2sycl::launch_attribute_access_policy_window;
      }

      """),
    // A stream priority set as an attribute is dropped like cudaStreamCreateWithPriority's (W066).
    RuleExample(
      cuda: """
      void urgent(cudaStream_t s) {
        cudaStreamAttrValue value;
        value.priority = -1;
        cudaStreamSetAttribute(s, cudaStreamAttributePriority, &value);
      }

      """,
      sycl: """
      void urgent(cu2sycl::queue_ptr s) {
        cu2sycl::launch_attribute_value value;
        value.priority = -1;
        // CU2SYCL-W066: cudaStreamSetAttribute's stream priority is dropped: SYCL 2020 queues have none, so the stream runs at the default priority, as on a GPU without stream priorities
      }

      """),
    RuleExample(
      cuda: """
      size_t window(cudaStream_t s) {
        cudaStreamAttrValue value;
        if (cudaStreamGetAttribute(s, cudaStreamAttributeAccessPolicyWindow, &value) != cudaSuccess) return 0;
        return value.accessPolicyWindow.num_bytes;
      }

      """,
      sycl: """
      size_t window(cu2sycl::queue_ptr s) {
        cu2sycl::launch_attribute_value value;
        // CU2SYCL-W076: SYCL 2020 applies no stream attributes and cu2sycl keeps none: the value reads as not set
        if ((value = cu2sycl::launch_attribute_value{}, 0) != 0) return 0;
        return value.accessPolicyWindow.num_bytes;
      }

      """),
  ]

  static let types = ["cudaAccessPolicyWindow": "cu2sycl::access_policy_window", "cudaAccessProperty": "cu2sycl::access_property",
                      "cudaStreamAttrValue": "cu2sycl::launch_attribute_value", "cudaLaunchAttributeValue": "cu2sycl::launch_attribute_value",
                      "cudaKernelNodeAttrValue": "cu2sycl::launch_attribute_value", "cudaStreamAttrID": "cu2sycl::launch_attribute_id",
                      "cudaLaunchAttributeID": "cu2sycl::launch_attribute_id", "cudaKernelNodeAttrID": "cu2sycl::launch_attribute_id"]
  static let constants = [
    "cudaAccessPropertyNormal": "access_property_normal", "cudaAccessPropertyStreaming": "access_property_streaming",
    "cudaAccessPropertyPersisting": "access_property_persisting", "cudaLaunchAttributeIgnore": "launch_attribute_ignore",
    "cudaLaunchAttributeAccessPolicyWindow": "launch_attribute_access_policy_window", "cudaLaunchAttributeCooperative": "launch_attribute_cooperative",
    "cudaLaunchAttributeSynchronizationPolicy": "launch_attribute_synchronization_policy", "cudaLaunchAttributePriority": "launch_attribute_priority",
    // Macros naming the launch attributes.
    "cudaStreamAttributeAccessPolicyWindow": "launch_attribute_access_policy_window", "cudaStreamAttributePriority": "launch_attribute_priority",
    "cudaStreamAttributeSynchronizationPolicy": "launch_attribute_synchronization_policy",
    "cudaKernelNodeAttributeAccessPolicyWindow": "launch_attribute_access_policy_window", "cudaKernelNodeAttributePriority": "launch_attribute_priority",
    "cudaKernelNodeAttributeCooperative": "launch_attribute_cooperative",
  ]
  static let fields: [String: Set<String>] = [
    "cudaAccessPolicyWindow": ["base_ptr", "num_bytes", "hitRatio", "hitProp", "missProp"],
    "cudaLaunchAttributeValue": ["accessPolicyWindow", "cooperative", "priority"],
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, _, args) = context.apiCall(context.entries[i]) else { continue }
      if o.name == "cudaStreamGetAttribute" {
        guard args.count == 3, let (target, _) = context.assignmentTarget(args[2]),
              context.replaceCall(call, with: target + [.text(" = cu2sycl::launch_attribute_value{}")], rule: Self.id) else { continue }
        context.claimArguments(args.prefix(2), rule: Self.id)
        context.use(.cacheHints, in: file)
        context.claim(i, .review, rule: Self.id, warning: Warnings.streamAttribute,
                      message: "SYCL 2020 applies no stream attributes and cu2sycl keeps none: the value reads as not set")
        continue
      }
      // A hint with nothing to apply it to.
      guard context.removeCall(call, rule: Self.id) else { continue }
      // A priority is dropped as cudaStreamCreateWithPriority's is (W066).
      if o.name == "cudaStreamSetAttribute", args.count >= 2,
         ["cudaStreamAttributePriority", "cudaLaunchAttributePriority"].contains(context.text(of: args[1]).trimmingCharacters(in: .whitespaces)) {
        context.claim(i, .review, rule: Self.id, warning: Warnings.streamPriority,
                      message: "cudaStreamSetAttribute's stream priority is dropped: SYCL 2020 queues have none, so the stream runs at the default priority, as on a GPU without stream priorities")
        continue
      }
      context.claim(i, .converted, rule: Self.id)
    }
    // Names after the calls: a removed call takes the names in its arguments with it.
    // CUDA 11.8 defines the stream attribute names as macros (`#define cudaStreamAttrValue cudaLaunchAttributeValue`).
    context.rename([.type, .macro], rule: Self.id, helpers: [.cacheHints]) { Self.types[$0] }
    context.rename([.constant, .macro], rule: Self.id, helpers: [.cacheHints]) { Self.constants[$0].map { "cu2sycl::\($0)" } }
    for (type, names) in Self.fields { context.claimFields(of: type, measured: names, standIns: [:], rule: Self.id) }
  }
}
