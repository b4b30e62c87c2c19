/// A CUDA snippet and the SYCL cu2sycl makes of it. Rule examples run as tests and generate the docs.
/// A snippet is a whole file without its CUDA include: the test adds `#include <cuda_runtime.h>` to the
/// CUDA and expects `#include <sycl/sycl.hpp>` (and the runtime include, when used) in its place.
public struct RuleExample: Sendable {
  public var cuda: String
  public var sycl: String
  public init(cuda: String, sycl: String) {
    self.cuda = cuda
    self.sycl = sycl
  }
}

/// A migration rule: claims census occurrences, produces edits, and sets each occurrence's outcome.
public protocol MigrationRule: Sendable {
  /// Stable id, e.g. `kernel-launch`.
  static var id: String { get }
  /// One line: what the rule converts.
  static var summary: String { get }
  /// The CUDA names or constructs it covers (API names, keywords, `<<<>>>`).
  static var covers: [String] { get }
  static var examples: [RuleExample] { get }
  /// Whether the rule claims census occurrences (structural rules only add edits).
  static var claimsOccurrences: Bool { get }
  init()
  func apply(to context: MigrationContext)
}

extension MigrationRule {
  public static var claimsOccurrences: Bool { true }
}

/// The rules in the order they run: structural rules first, so that pattern rules can claim
/// occurrences before the general ones see them.
public enum RuleRegistry {
  public static let rules: [any MigrationRule.Type] = [
    IncludeRule.self,
    PreprocessorRule.self,
    DeviceMemoryRule.self,
    ExecutionSpaceRule.self,
    SharedMemoryRule.self,
    KernelSignatureRule.self,
    // Before the built-in variables: a warpSize or mask inside a dropped argument is theirs.
    WarpRule.self,
    CooperativeGroupsRule.self,
    GlobalIndexRule.self,
    BuiltinVariableRule.self,
    BarrierRule.self,
    KernelLaunchRule.self,
    Dim3Rule.self,
    MemoryRule.self,
    PitchedMemoryRule.self,
    HostMemoryRule.self,
    PeerMemoryRule.self,
    StreamOrderedMemoryRule.self,
    MemoryPoolRule.self,
    InterprocessRule.self,
    CacheHintRule.self,
    ProfilerRule.self,
    StreamRule.self,
    EventRule.self,
    DeviceRule.self,
    OccupancyRule.self,
    GraphRule.self,
    // Before the general interop findings: OpenGL buffers convert.
    GLInteropRule.self,
    InteropRule.self,
    TextureRule.self,
    DriverTextureRule.self,
    DriverModuleRule.self,
    DriverContextRule.self,
    DriverDeviceRule.self,
    DriverMemoryRule.self,
    DriverErrorRule.self,
    ErrorHandlingRule.self,
    AtomicRule.self,
    MathRule.self,
    ReadOnlyLoadRule.self,
    PrintfRule.self,
    DeviceRestrictionsRule.self,
    HalfPrecisionRule.self,
    MathConstantsRule.self,
    CurandRule.self,
    VectorTypeRule.self,
    IntrinsicRule.self,
    FenceRule.self,
  ]

  public static func rule(id: String) -> (any MigrationRule.Type)? { rules.first { $0.id == id } }
}
