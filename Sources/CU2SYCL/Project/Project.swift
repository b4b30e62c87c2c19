import Foundation

/// What cu2sycl does with each file of the input tree.
public enum FileRole: String, Sendable, Codable {
  /// A CUDA translation unit (`.cu`), parsed and migrated.
  case unit
  /// A CUDA header (`.cuh`), migrated as part of the units that include it (or on its own).
  case cudaHeader
  /// A C/C++ file that may contain CUDA (`.h`, `.hpp`, `.cpp`, ...): migrated when a unit includes it
  /// (headers) or when it mentions CUDA (sources); otherwise copied.
  case cxx
  /// Anything else: copied verbatim.
  case other
}

public struct ProjectFile: Sendable {
  /// Path relative to the input root.
  public var relativePath: String
  public var role: FileRole
}

/// The input tree: every regular file under the root, classified, in a stable order.
public struct Project: Sendable {
  public var root: String
  public var files: [ProjectFile]

  public static let cxxSourceExtensions: Set<String> = ["cpp", "cc", "cxx", "c"]
  public static let cxxHeaderExtensions: Set<String> = ["h", "hpp", "hh", "hxx", "inl", "inc", "tcc"]

  public enum DiscoveryError: Error, CustomStringConvertible {
    case missing(String), notDirectory(String)
    public var description: String {
      switch self {
      case .missing(let p): return "input directory does not exist: \(p)"
      case .notDirectory(let p): return "input is not a directory: \(p)"
      }
    }
  }

  public static func discover(root: String) throws -> (Project, [String]) {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: root, isDirectory: &isDir) else { throw DiscoveryError.missing(root) }
    guard isDir.boolValue else { throw DiscoveryError.notDirectory(root) }
    let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
    var files: [ProjectFile] = []
    var problems: [String] = []
    let enumerator = fm.enumerator(at: rootURL, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                   options: [], errorHandler: { url, error in
      problems.append("\(url.path): cannot read: \(error.localizedDescription)")
      return true
    })
    while let url = enumerator?.nextObject() as? URL {
      let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
      if url.lastPathComponent == ".git" { enumerator?.skipDescendants(); continue }
      guard values?.isRegularFile == true else { continue }
      let rel = String(url.standardizedFileURL.path.dropFirst(rootURL.path.count + 1))
      files.append(ProjectFile(relativePath: rel, role: role(of: rel)))
    }
    files.sort { $0.relativePath < $1.relativePath }
    return (Project(root: rootURL.path, files: files), problems)
  }

  public static func role(of path: String) -> FileRole {
    let ext = (path as NSString).pathExtension.lowercased()
    switch ext {
    case "cu": return .unit
    case "cuh": return .cudaHeader
    case _ where cxxSourceExtensions.contains(ext) || cxxHeaderExtensions.contains(ext): return .cxx
    default: return .other
    }
  }

  /// The output path (relative) of an input file: `.cu` -> `.sycl.cpp`, `.cuh` -> `.sycl.hpp`.
  public static func outputPath(for relativePath: String) -> String {
    let ns = relativePath as NSString
    switch ns.pathExtension.lowercased() {
    case "cu": return ns.deletingPathExtension + ".sycl.cpp"
    case "cuh": return ns.deletingPathExtension + ".sycl.hpp"
    default: return relativePath
    }
  }
}
