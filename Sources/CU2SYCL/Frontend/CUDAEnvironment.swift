import Foundation

/// Where the CUDA declarations come from: a real SDK, or cu2sycl's own declarations.
public struct CUDAEnvironment: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable { case sdk, bundled }
  public var kind: Kind
  /// The SDK root, or the directory of our own declarations.
  public var root: String
  /// Directories whose declarations count as "CUDA" for the census (besides clang's CUDA headers).
  public var declarationRoots: [String]

  public init(kind: Kind, root: String, declarationRoots: [String]) {
    self.kind = kind
    self.root = root
    self.declarationRoots = declarationRoots
  }

  /// The bundled declarations shipped as a resource of this library.
  public static func bundled() -> CUDAEnvironment {
    let dir = Bundle.module.resourceURL!.appendingPathComponent("cuda").path
    return CUDAEnvironment(kind: .bundled, root: dir, declarationRoots: [dir])
  }

  /// An explicit path, else `CUDA_PATH`, else `/usr/local/cuda`, else our declarations.
  public static func detect(explicitPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> CUDAEnvironment {
    let candidates = [explicitPath, environment["CUDA_PATH"], environment["CUDA_HOME"], "/usr/local/cuda"].compactMap { $0 }
    for dir in candidates where FileManager.default.fileExists(atPath: dir + "/include/cuda_runtime.h") {
      let root = URL(fileURLWithPath: dir).standardizedFileURL.resolvingSymlinksInPath().path
      return CUDAEnvironment(kind: .sdk, root: root, declarationRoots: [root + "/include", root + "/targets"])
    }
    return bundled()
  }

  /// The CUDA version the environment declares (CUDART_VERSION: 1000 × major + 10 × minor), as the
  /// code's version tests saw it: 12040 for our declarations, read from an SDK's cuda_runtime_api.h.
  public var runtimeVersion: Int { RuntimeVersions.shared.version(of: self) }

  /// Read once per environment: every unit asks.
  fileprivate var versionFromHeader: Int {
    let header = kind == .sdk ? root + "/include/cuda_runtime_api.h" : root + "/cu2sycl_cuda.h"
    guard let text = try? String(contentsOfFile: header, encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("#define CUDART_VERSION") {
      if let value = Int(line.split(separator: " ").last ?? "") { return value }
    }
    return 0
  }

  /// Flags that make clang parse a file as CUDA host code in this environment.
  public var parseArguments: [String] { baseArguments + ["-include", preludeHeader] }

  /// The flags without the prelude's `-include` (a precompiled prelude replaces it with `-include-pch`).
  public var baseArguments: [String] {
    var args = ["-x", "cuda", "--cuda-host-only", "-nocudalib", "-std=c++17", "-Wno-unknown-cuda-version",
                "-Wno-unused-command-line-argument"]
    switch kind {
    case .sdk: args += ["--cuda-path=\(root)", "-D_CG_LIMIT_INCLUDED_DEPENDENCIES"]
    case .bundled: args += ["-nocudainc", "-I", root]
    }
    return args
  }

  /// The header every unit implicitly includes first: our declarations, or (with an SDK, after clang's
  /// own CUDA wrapper) the fixups that let libclang parse the SDK's headers.
  public var preludeHeader: String {
    kind == .sdk ? CUDAEnvironment.bundled().root + "/cu2sycl_sdk_fixups.h" : root + "/cu2sycl_cuda.h"
  }

  /// Whether a declaration at `path` belongs to the CUDA environment (SDK, our declarations, clang's CUDA headers).
  public func declares(_ path: String) -> Bool {
    if declarationRoots.contains(where: { path.hasPrefix($0 + "/") }) { return true }
    // clang's own CUDA support: __clang_cuda_*.h and the cuda_wrappers/ overrides of std headers.
    let name = path.split(separator: "/").last ?? ""
    return name.hasPrefix("__clang_cuda_") || path.contains("/cuda_wrappers/")
  }
}

/// The runtime versions read so far, by environment root (units on several threads ask at once).
private final class RuntimeVersions: @unchecked Sendable {
  static let shared = RuntimeVersions()
  private let lock = NSLock()
  private var versions: [String: Int] = [:]

  func version(of environment: CUDAEnvironment) -> Int {
    lock.lock()
    defer { lock.unlock() }
    if let v = versions[environment.root] { return v }
    let v = environment.versionFromHeader
    versions[environment.root] = v
    return v
  }
}
