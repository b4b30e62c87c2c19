import CU2SYCL
import Foundation

/// A one-line progress bar on standard error: units done / total and the rate. Only on a terminal,
/// never in CI (`CI` set) or with `TERM=dumb`, so logs and pipes stay clean.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false

  static var wanted: Bool {
    let env = ProcessInfo.processInfo.environment
    return isatty(STDERR_FILENO) != 0 && env["CI"] == nil && env["TERM"] != "dumb"
  }

  func update(done: Int, total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    // At most ten redraws a second, and always the last one.
    guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    let width = 30
    let filled = total == 0 ? width : min(width, done * width / total)
    let rate = Double(done) / max(now.timeIntervalSince(started), 0.001)
    let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
    FileHandle.standardError.write(Data(String(format: "\r\u{1B}[Kcu2sycl: [%@] %d/%d units, %.1f/s", bar, done, total, rate).utf8))
    drawn = true
  }

  /// Removes the bar before the summary is printed.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
