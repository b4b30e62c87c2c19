import Foundation

/// A source file split into display lines for the report pages (unlike `SourceText`, a final newline
/// does not start an empty line), so report offsets (bytes) map onto lines.
struct SourceLines {
  let bytes: [UInt8]
  /// Byte offset where each line starts; a final newline does not start another line.
  let starts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") && i + 1 < bytes.count { starts.append(i + 1) }
    self.starts = bytes.isEmpty ? [] : starts
  }

  /// The file at `path`, or nil when it cannot be read.
  static func read(_ path: String) -> SourceLines? {
    FileManager.default.contents(atPath: path).map { SourceLines([UInt8]($0)) }
  }

  var count: Int { starts.count }

  /// Where line `i` (0-based) ends, before its newline and a carriage return.
  func end(of i: Int) -> Int {
    var e = i + 1 < starts.count ? starts[i + 1] - 1 : bytes.count
    if e > starts[i] && bytes[e - 1] == UInt8(ascii: "\n") { e -= 1 }
    if e > starts[i] && bytes[e - 1] == UInt8(ascii: "\r") { e -= 1 }
    return e
  }

  func line(_ i: Int) -> String { String(decoding: bytes[starts[i]..<end(of: i)], as: UTF8.self) }
  var lines: [String] { (0..<count).map(line) }

  /// The line holding byte `offset` (0-based).
  func lineIndex(of offset: Int) -> Int {
    var (lo, hi) = (0, starts.count - 1)
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }
}
