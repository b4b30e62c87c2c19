import Clang
import Foundation

/// Driver-API device queries, on the same device list as the runtime API (devices): a `CUdevice` is
/// the `int` index CUDA makes it, and the queries read `cu2sycl::device_properties`, so attributes SYCL
/// does not report are the same documented stand-ins (W016).
public struct DriverDeviceRule: MigrationRule {
  public static let id = "driver-devices"
  public static let summary = "Maps CUdevice and the driver's device queries (cuDeviceGet, cuDeviceGetAttribute, cuDeviceGetName, ...) to cu2sycl's device list."
  public static let covers = ["CUdevice", "cuDeviceGet", "cuDeviceGetCount", "cuDeviceGetName", "cuDeviceTotalMem", "cuDeviceGetAttribute",
                              "cuDeviceComputeCapability", "CU_DEVICE_ATTRIBUTE_*"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      #include <cstdio>
      int describe(int ordinal) {
        CUdevice dev;
        int count = 0, sms = 0, major = 0, minor = 0;
        char name[128];
        size_t bytes = 0;
        cuDeviceGetCount(&count);
        if (ordinal >= count || cuDeviceGet(&dev, ordinal) != CUDA_SUCCESS) return -1;
        cuDeviceGetName(name, sizeof(name), dev);
        cuDeviceTotalMem(&bytes, dev);
        cuDeviceGetAttribute(&sms, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, dev);
        printf("%s: %zu bytes, %d compute units\\n", name, bytes, sms);
        cuDeviceComputeCapability(&major, &minor, dev);
        return major;
      }

      """,
      sycl: """
      #include <cstdio>
      int describe(int ordinal) {
        int dev;
        int count = 0, sms = 0, major = 0, minor = 0;
        char name[128];
        size_t bytes = 0;
        count = cu2sycl::device_count();
        if (ordinal >= count || (dev = ordinal, 0) != 0) return -1;
        cu2sycl::device_name(name, sizeof(name), dev);
        bytes = cu2sycl::device_properties(dev).totalGlobalMem;
        sms = cu2sycl::device_properties(dev).multiProcessorCount;
        printf("%s: %zu bytes, %d compute units\\n", name, bytes, sms);
        // CU2SYCL-W016: cuDeviceComputeCapability: SYCL has no compute capability; this is cu2sycl's stand-in (8.0), check what the code decides with it
        major = cu2sycl::device_properties(dev).major, minor = cu2sycl::device_properties(dev).minor;
        return major;
      }

      """),
    // Flagged (W082): an attribute cu2sycl::device_prop does not hold.
    RuleExample(
      cuda: """
      #include <cuda.h>
      bool uses_tcc(CUdevice dev) {
        int tcc = 0;
        cuDeviceGetAttribute(&tcc, CU_DEVICE_ATTRIBUTE_TCC_DRIVER, dev);
        return tcc != 0;
      }

      """,
      sycl: """
      bool uses_tcc(int dev) {
        int tcc = 0;
        // CU2SYCL-W082: CU_DEVICE_ATTRIBUTE_TCC_DRIVER has no field in cu2sycl::device_prop: ask the sycl::device for what the code needs
        cuDeviceGetAttribute(&tcc, CU_DEVICE_ATTRIBUTE_TCC_DRIVER, dev);
        return tcc != 0;
      }

      """),
  ]

  /// Driver attributes whose runtime name is not the camel-cased driver name.
  static let renamedAttributes = ["CU_DEVICE_ATTRIBUTE_MULTI_GPU_BOARD": "cudaDevAttrIsMultiGpuBoard",
                                  "CU_DEVICE_ATTRIBUTE_SHARED_MEMORY_PER_BLOCK": "cudaDevAttrMaxSharedMemoryPerBlock",
                                  "CU_DEVICE_ATTRIBUTE_REGISTERS_PER_BLOCK": "cudaDevAttrMaxRegistersPerBlock"]

  /// The device_prop field a driver attribute reads (`CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X` is the runtime's
  /// `cudaDevAttrMaxBlockDimX`, `maxThreadsDim[0]`).
  static func field(forAttribute name: String) -> String? {
    let prefix = "CU_DEVICE_ATTRIBUTE_"
    guard name.hasPrefix(prefix) else { return nil }
    let runtime = renamedAttributes[name] ?? "cudaDevAttr" + name.dropFirst(prefix.count).replacingOccurrences(of: "_", with: "")
    return attributesByLowercasedName[runtime.lowercased()]
  }

  /// The runtime's attributes by their lowercased name: the driver's words are all capitals
  /// (MULTIPROCESSOR_COUNT is cudaDevAttrMultiProcessorCount).
  static let attributesByLowercasedName = Dictionary(uniqueKeysWithValues: DeviceRule.attributes.map { ($0.key.lowercased(), $0.value) })

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains(MigrationContext.driverName($0.occurrence.name)) }) {
      guard let (call, file, _, args) = context.apiCall(context.entries[i]) else { continue }
      var pieces: [Piece]
      var finding: (kind: WarningKind, outcome: Outcome, message: String)?
      switch MigrationContext.driverName(context.entries[i].occurrence.name) {
      case "cuDeviceGet":
        // The ordinal is the device: both are indices into the device list.
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[1]) else { continue }
        pieces = target + [.text(" = "), d]
      case "cuDeviceGetCount":
        guard args.count == 1, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        pieces = target + [.text(" = cu2sycl::device_count()")]
      case "cuDeviceGetName":
        guard args.count == 3, let name = context.source(args[0]), let n = context.source(args[1]), let d = context.writtenSource(args[2]) else { continue }
        pieces = [.text("cu2sycl::device_name("), name, .text(", "), n, .text(", "), d, .text(")")]
        context.use(.deviceName, in: file)
      case "cuDeviceTotalMem":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[1]) else { continue }
        pieces = target + [.text(" = cu2sycl::device_properties("), d, .text(").totalGlobalMem")]
      case "cuDeviceComputeCapability":
        guard args.count == 3, let (major, _) = context.assignmentTarget(args[0]), let (minor, _) = context.assignmentTarget(args[1]),
              let d = context.writtenSource(args[2]) else { continue }
        pieces = major + [.text(" = cu2sycl::device_properties("), d, .text(").major, ")] + minor + [.text(" = cu2sycl::device_properties("), d, .text(").minor")]
        finding = (Warnings.deviceProperty, .review, "cuDeviceComputeCapability: \(DeviceRule.standInFields["major"]!), check what the code decides with it")
      case "cuDeviceGetAttribute":
        guard args.count == 3, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[2]),
              let ar = context.writtenRange(of: args[1]), let text = context.texts[ar.file] else { continue }
        let attribute = text[ar.range].trimmingCharacters(in: .whitespaces)
        guard let field = Self.field(forAttribute: attribute) else {
          let why = attribute.hasPrefix("CU_DEVICE_ATTRIBUTE_") ? "\(attribute) has no field in cu2sycl::device_prop" : "the attribute is not a constant"
          context.claim(i, .manual, rule: Self.id, warning: Warnings.driverAttribute, message: "\(why): ask the sycl::device for what the code needs")
          context.claimAll(in: ar.file, ar.range, .manual, rule: Self.id)
          continue
        }
        pieces = target + [.text(" = cu2sycl::device_properties("), d, .text(").\(field)")]
        context.claimAll(in: ar.file, ar.range, .converted, rule: Self.id)
        if let why = DeviceRule.standInFields[String(field.prefix { $0 != "[" })] {
          finding = (Warnings.deviceProperty, .review, "\(attribute): \(why)")
        }
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, rule: Self.id) else { continue }
      context.use(.devices, in: file)
      context.use(.defaultQueue, in: file)
      if let finding {
        context.claim(i, finding.outcome, rule: Self.id, warning: finding.kind, message: finding.message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
    for i in context.pending({ $0.occurrence.kind == .type && ["CUdevice", "CUdevice_v1"].contains($0.occurrence.name) }) {
      if context.replaceWrittenName(i, with: "int", rule: Self.id) { context.claim(i, .converted, rule: Self.id) }
    }
  }
}
