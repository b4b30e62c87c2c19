import Foundation

/// Writes files atomically: a temporary file in the same directory, then a rename, so a reader (or
/// an interrupted run) never sees half a file.
public enum FileWriter {
  public static func write(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).cu2sycl-\(UUID().uuidString).tmp")
    do {
      try Data(bytes).write(to: temp)
      if FileManager.default.fileExists(atPath: path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: temp) } else {
        try FileManager.default.moveItem(at: temp, to: url)
      }
    } catch {
      try? FileManager.default.removeItem(at: temp)
      throw error
    }
  }
}
