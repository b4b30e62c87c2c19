import Clang

/// Device management: CUDA devices are the SYCL devices of the default device's platform and type
/// (index 0 is the default device); `cudaSetDevice` chooses the device the default queue and new streams
/// use. `cudaDeviceProp` is `cu2sycl::device_prop`, a struct with CUDA's field names filled from
/// `sycl::device::get_info`, so reading a field needs no rewrite. Fields SYCL does not report (compute
/// capability, registers, grid limits, ...) hold documented stand-ins and every read of one is flagged.
/// Cache, shared-memory and limit configuration calls are hints SYCL does not take: they are removed.
public struct DeviceRule: MigrationRule {
  public static let id = "devices"
  public static let summary = "Maps device queries and selection (cudaGetDeviceProperties, cudaDeviceGetAttribute, cudaSetDevice, ...) to sycl::device information; configuration hints become no-ops."
  public static let covers = ["cudaDeviceProp", "cudaGetDeviceProperties", "cudaGetDeviceCount", "cudaGetDevice", "cudaSetDevice",
                              "cudaDeviceGetAttribute", "cudaDeviceReset", "cudaThreadExit", "cudaRuntimeGetVersion", "cudaDriverGetVersion",
                              "cuDriverGetVersion"]
    + noOps + deviceFlags.keys.sorted() + ["cudaDeviceAttr", "cudaFuncCache", "cudaSharedMemConfig", "cudaLimit", "cudaComputeModeDefault", "cudaComputeModeProhibited"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cstdio>
      int pick() {
        int count = 0, best = 0, sms = 0;
        cudaGetDeviceCount(&count);
        for (int d = 0; d < count; ++d) {
          cudaDeviceProp prop;
          cudaGetDeviceProperties(&prop, d);
          printf("%s: %d SMs, %zu bytes, %d threads\\n", prop.name, prop.multiProcessorCount, prop.totalGlobalMem, prop.maxThreadsPerBlock);
          if (prop.maxThreadsDim[0] >= 1024) best = d;
        }
        if (cudaSetDevice(best) != cudaSuccess) return -1;
        cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, best);
        cudaDeviceSetCacheConfig(cudaFuncCachePreferL1);
        cudaGetDevice(&best);
        cudaDeviceReset();
        return best + sms;
      }

      """,
      sycl: """
      #include <cstdio>
      int pick() {
        int count = 0, best = 0, sms = 0;
        count = cu2sycl::device_count();
        for (int d = 0; d < count; ++d) {
          cu2sycl::device_prop prop;
          prop = cu2sycl::device_properties(d);
          printf("%s: %d SMs, %zu bytes, %d threads\\n", prop.name, prop.multiProcessorCount, prop.totalGlobalMem, prop.maxThreadsPerBlock);
          if (prop.maxThreadsDim[0] >= 1024) best = d;
        }
        if (cu2sycl::set_device(best) != 0) return -1;
        sms = cu2sycl::device_properties(best).multiProcessorCount;
        best = cu2sycl::current_device();
        cu2sycl::default_queue().wait_and_throw();
        return best + sms;
      }

      """),
    RuleExample(
      cuda: """
      bool modern(int device) {
        cudaDeviceProp prop;
        cudaGetDeviceProperties(&prop, device);
        return prop.major >= 7;
      }

      """,
      sycl: """
      bool modern(int device) {
        cu2sycl::device_prop prop;
        prop = cu2sycl::device_properties(device);
        // CU2SYCL-W016: major: SYCL has no compute capability; this is cu2sycl's stand-in (8.0), check what the code decides with it
        return prop.major >= 7;
      }

      """),
    // Versions: the CUDA version the code was parsed with (W067), as CUDART_VERSION.
    RuleExample(
      cuda: """
      #include <cstdio>
      void versions() {
        int driver = 0, runtime = 0;
        cudaDriverGetVersion(&driver);
        cudaRuntimeGetVersion(&runtime);
        printf("CUDA driver %d, runtime %d\\n", driver, runtime);
      }

      """,
      sycl: """
      #include <cstdio>
      void versions() {
        int driver = 0, runtime = 0;
        // CU2SYCL-W067: SYCL has no CUDA driver: this is the CUDA version cu2sycl parsed the code with (CUDA_VERSION became 12040 too); check what the program decides with it
        driver = 12040 /* CUDA_VERSION */;
        // CU2SYCL-W067: SYCL has no CUDA runtime: this is the CUDA version cu2sycl parsed the code with (CUDART_VERSION became 12040 too); check what the program decides with it
        runtime = 12040 /* CUDART_VERSION */;
        printf("CUDA driver %d, runtime %d\\n", driver, runtime);
      }

      """),
    // Performance hints (cache preference, printf FIFO size) are removed.
    RuleExample(
      cuda: """
      __global__ void k(float *x) { x[threadIdx.x] = 0; }
      void run(float *x) {
        // Hints SYCL has no counterpart for: the calls go.
        cudaFuncSetCacheConfig(k, cudaFuncCachePreferL1);
        cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 1 << 20);
        k<<<1, 32>>>(x);
      }

      """,
      sycl: """
      void k(float *x, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] = 0; }
      void run(float *x) {
        // Hints SYCL has no counterpart for: the calls go.
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
          k(x, item);
        });
      }

      """),
  ]

  /// Configuration hints with no SYCL counterpart: removed (0 where their status is read).
  static let noOps = ["cudaDeviceSetCacheConfig", "cudaFuncSetCacheConfig", "cudaThreadSetCacheConfig", "cudaDeviceSetSharedMemConfig",
                      "cudaFuncSetSharedMemConfig", "cudaDeviceSetLimit", "cudaThreadSetLimit", "cudaSetDeviceFlags", "cudaFuncSetAttribute"]

  /// Fields SYCL reports (or that follow from USM), and the stand-ins, with the reason for the finding.
  static let measuredFields: Set<String> = [
    "name", "totalGlobalMem", "sharedMemPerBlock", "sharedMemPerBlockOptin", "sharedMemPerMultiprocessor", "warpSize", "memPitch",
    "maxThreadsPerBlock", "maxThreadsDim", "clockRate", "multiProcessorCount", "integrated", "canMapHostMemory", "ECCEnabled",
    "unifiedAddressing", "l2CacheSize", "managedMemory", "concurrentManagedAccess", "pageableMemoryAccess", "hostNativeAtomicSupported",
    // What cu2sycl's runtime offers: its own memory pools without inter-process handles, no persisting L2.
    "memoryPoolsSupported", "memoryPoolSupportedHandleTypes", "persistingL2CacheMaxSize", "accessPolicyMaxWindowSize",
  ]
  static let standInFields: [String: String] = [
    "major": "SYCL has no compute capability; this is cu2sycl's stand-in (8.0)",
    "minor": "SYCL has no compute capability; this is cu2sycl's stand-in (8.0)",
    "regsPerBlock": "SYCL does not report registers; this is a stand-in (65536)",
    "regsPerMultiprocessor": "SYCL does not report registers; this is a stand-in (65536)",
    "maxGridSize": "SYCL does not report grid limits; these are CUDA's usual ones (2^31-1, 65535, 65535)",
    "totalConstMem": "SYCL 2020 has no constant memory; this is a stand-in (64 KiB)",
    "memoryClockRate": "SYCL does not report the memory clock; this is 0",
    "memoryBusWidth": "SYCL does not report the memory bus; this is 0",
    "maxThreadsPerMultiProcessor": "SYCL does not report threads per compute unit; this is the work-group limit",
    "maxBlocksPerMultiProcessor": "SYCL does not report blocks per compute unit; this is a stand-in (16)",
    "concurrentKernels": "SYCL does not report kernel concurrency; this is 1",
    "asyncEngineCount": "SYCL does not report copy engines; this is 1",
    "deviceOverlap": "SYCL does not report copy/compute overlap; this is 1",
    "computeMode": "SYCL has no compute modes; this is 0 (default)",
    "kernelExecTimeoutEnabled": "SYCL does not report a watchdog; this is 0",
    "cooperativeLaunch": "SYCL 2020 has no cooperative launch; this is 0",
    "cooperativeMultiDeviceLaunch": "SYCL 2020 has no cooperative launch; this is 0",
    "pciBusID": "SYCL does not report PCI locations; this is 0",
    "pciDeviceID": "SYCL does not report PCI locations; this is 0",
    "pciDomainID": "SYCL does not report PCI locations; this is 0",
    "isMultiGpuBoard": "SYCL does not report boards; this is 0",
    "streamPrioritiesSupported": "SYCL 2020 queues have no priorities; this is 0",
    "textureAlignment": "a stand-in (512 bytes)",
    "maxTexture1D": "cu2sycl's software textures have no size limit but memory; this is a stand-in (65536)",
    "maxTexture2D": "cu2sycl's software textures have no size limit but memory; these are stand-ins (65536 × 65536)",
    "maxTexture3D": "cu2sycl's software textures have no size limit but memory; these are stand-ins (4096³)",
    "texturePitchAlignment": "a stand-in (32 bytes)",
  ]

  static let computeModes = ["cudaComputeModeDefault": 0, "cudaComputeModeExclusive": 1, "cudaComputeModeProhibited": 2,
                              "cudaComputeModeExclusiveProcess": 3]

  /// cudaDeviceGetAttribute's attributes as the device_prop field (with an index for array fields).
  static let attributes: [String: String] = [
    "cudaDevAttrMaxThreadsPerBlock": "maxThreadsPerBlock", "cudaDevAttrMaxBlockDimX": "maxThreadsDim[0]",
    "cudaDevAttrMaxBlockDimY": "maxThreadsDim[1]", "cudaDevAttrMaxBlockDimZ": "maxThreadsDim[2]",
    "cudaDevAttrMaxGridDimX": "maxGridSize[0]", "cudaDevAttrMaxGridDimY": "maxGridSize[1]", "cudaDevAttrMaxGridDimZ": "maxGridSize[2]",
    "cudaDevAttrMaxSharedMemoryPerBlock": "sharedMemPerBlock", "cudaDevAttrTotalConstantMemory": "totalConstMem",
    "cudaDevAttrWarpSize": "warpSize", "cudaDevAttrMaxPitch": "memPitch", "cudaDevAttrMaxRegistersPerBlock": "regsPerBlock",
    "cudaDevAttrClockRate": "clockRate", "cudaDevAttrTextureAlignment": "textureAlignment", "cudaDevAttrGpuOverlap": "deviceOverlap",
    "cudaDevAttrMultiProcessorCount": "multiProcessorCount", "cudaDevAttrKernelExecTimeout": "kernelExecTimeoutEnabled",
    "cudaDevAttrIntegrated": "integrated", "cudaDevAttrCanMapHostMemory": "canMapHostMemory", "cudaDevAttrComputeMode": "computeMode",
    "cudaDevAttrConcurrentKernels": "concurrentKernels", "cudaDevAttrEccEnabled": "ECCEnabled", "cudaDevAttrPciBusId": "pciBusID",
    "cudaDevAttrPciDeviceId": "pciDeviceID", "cudaDevAttrPciDomainId": "pciDomainID", "cudaDevAttrMemoryClockRate": "memoryClockRate",
    "cudaDevAttrGlobalMemoryBusWidth": "memoryBusWidth", "cudaDevAttrL2CacheSize": "l2CacheSize",
    "cudaDevAttrMaxThreadsPerMultiProcessor": "maxThreadsPerMultiProcessor", "cudaDevAttrAsyncEngineCount": "asyncEngineCount",
    "cudaDevAttrUnifiedAddressing": "unifiedAddressing", "cudaDevAttrTexturePitchAlignment": "texturePitchAlignment",
    "cudaDevAttrComputeCapabilityMajor": "major", "cudaDevAttrComputeCapabilityMinor": "minor",
    "cudaDevAttrStreamPrioritiesSupported": "streamPrioritiesSupported",
    "cudaDevAttrMaxSharedMemoryPerMultiprocessor": "sharedMemPerMultiprocessor",
    "cudaDevAttrMaxRegistersPerMultiprocessor": "regsPerMultiprocessor", "cudaDevAttrManagedMemory": "managedMemory",
    "cudaDevAttrIsMultiGpuBoard": "isMultiGpuBoard", "cudaDevAttrHostNativeAtomicSupported": "hostNativeAtomicSupported",
    "cudaDevAttrPageableMemoryAccess": "pageableMemoryAccess", "cudaDevAttrConcurrentManagedAccess": "concurrentManagedAccess",
    "cudaDevAttrCooperativeLaunch": "cooperativeLaunch", "cudaDevAttrCooperativeMultiDeviceLaunch": "cooperativeMultiDeviceLaunch",
    "cudaDevAttrMaxSharedMemoryPerBlockOptin": "sharedMemPerBlockOptin", "cudaDevAttrMaxBlocksPerMultiprocessor": "maxBlocksPerMultiProcessor",
    "cudaDevAttrMemoryPoolsSupported": "memoryPoolsSupported", "cudaDevAttrMemoryPoolSupportedHandleTypes": "memoryPoolSupportedHandleTypes",
    "cudaDevAttrMaxPersistingL2CacheSize": "persistingL2CacheMaxSize", "cudaDevAttrMaxAccessPolicyWindowSize": "accessPolicyMaxWindowSize",
  ]

  /// cudaSetDeviceFlags' flags, written as CUDA's values where a program keeps them in variables.
  static let deviceFlags = ["cudaDeviceScheduleAuto": "0x00", "cudaDeviceScheduleSpin": "0x01", "cudaDeviceScheduleYield": "0x02",
                            "cudaDeviceScheduleBlockingSync": "0x04", "cudaDeviceBlockingSync": "0x04", "cudaDeviceScheduleMask": "0x07",
                            "cudaDeviceMapHost": "0x08", "cudaDeviceLmemResizeToMax": "0x10"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      var pieces: [Piece]
      var yieldsStatus = false
      var finding: (WarningKind, String)?
      switch o.name {
      case "cudaGetDeviceProperties":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[1]) else { continue }
        pieces = target + [.text(" = cu2sycl::device_properties("), d, .text(")")]
      case "cudaGetDeviceCount":
        guard args.count == 1, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        pieces = target + [.text(" = cu2sycl::device_count()")]
      case "cudaGetDevice":
        guard args.count == 1, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        pieces = target + [.text(" = cu2sycl::current_device()")]
      case "cudaSetDevice":
        // Yields cudaErrorInvalidDevice's 101 for an index that names no device.
        guard args.count == 1, let d = context.writtenSource(args[0]) else { continue }
        pieces = [.text("cu2sycl::set_device("), d, .text(")")]
        yieldsStatus = true
      case "cudaDeviceGetAttribute":
        guard args.count == 3, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[2]),
              let ar = context.writtenRange(of: args[1]), let text = context.texts[ar.file] else { continue }
        let attribute = text[ar.range].trimmingCharacters(in: .whitespaces)
        guard let field = Self.attributes[attribute] else { continue }
        pieces = target + [.text(" = cu2sycl::device_properties("), d, .text(").\(field)")]
        context.claimAll(in: ar.file, ar.range, .converted, rule: Self.id)
        let base = String(field.prefix { $0 != "[" })
        if let why = Self.standInFields[base] { finding = (Warnings.deviceProperty, "\(attribute): \(why)") }
      case "cudaRuntimeGetVersion", "cudaDriverGetVersion", "cuDriverGetVersion":
        // No CUDA runtime or driver runs the program: the version CUDART_VERSION became (W067).
        guard args.count == 1, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        let version = context.census.environment.runtimeVersion
        let macro = o.name == "cudaRuntimeGetVersion" ? "CUDART_VERSION" : "CUDA_VERSION"
        pieces = target + [.text(" = \(version) /* \(macro) */")]
        finding = (Warnings.cudaVersion, "SYCL has no CUDA \(o.name == "cudaRuntimeGetVersion" ? "runtime" : "driver"): this is the CUDA version cu2sycl parsed the code with (\(macro) became \(version) too); check what the program decides with it")
      case "cudaDeviceReset", "cudaThreadExit":
        // Everything submitted completes; SYCL has no device reset (allocations stay until freed).
        pieces = [.text("\(context.queue).wait_and_throw()")]
      case let name where Self.noOps.contains(name):
        guard context.removeCall(call, rule: Self.id) else { continue }
        context.claim(i, .converted, rule: Self.id)
        continue
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id) else { continue }
      if !o.name.hasSuffix("GetVersion") {
        context.use(.devices, in: r.file)
        context.use(.defaultQueue, in: r.file)
      }
      if let (kind, message) = finding {
        context.claim(i, .review, rule: Self.id, warning: kind, message: message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
    context.rename([.type], rule: Self.id, helpers: [.devices]) { $0 == "cudaDeviceProp" ? "cu2sycl::device_prop" : nil }
    // Compute modes compared with prop.computeMode (a stand-in: always the default mode).
    context.rename([.constant], rule: Self.id) { name in Self.computeModes[name].map { "\($0) /* \(name) */" } }
    // Scheduling flags outside cudaSetDeviceFlags (which is removed with its arguments): hints, kept as values.
    context.rename([.macro], rule: Self.id) { name in Self.deviceFlags[name].map { "\($0) /* \(name) */" } }
    // Field reads keep their text: device_prop has CUDA's field names.
    context.claimFields(of: "cudaDeviceProp", measured: Self.measuredFields, standIns: Self.standInFields, rule: Self.id)
  }
}
