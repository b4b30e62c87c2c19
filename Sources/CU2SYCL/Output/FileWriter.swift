import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: a temporary file in the same directory, then rename(2), which replaces an
/// existing file in one step, so a reader (or an interrupted run) never sees half a file and a failed
/// write never removes the previous one.
public enum FileWriter {
  public struct WriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  public static func write(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let temp = dir.appendingPathComponent(".\(url.lastPathComponent).cu2sycl-\(UUID().uuidString).tmp").path
    guard FileManager.default.createFile(atPath: temp, contents: Data(bytes)) else {
      throw WriteError(path: path, reason: String(cString: strerror(errno)))
    }
    if rename(temp, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw WriteError(path: path, reason: reason)
    }
  }
}
