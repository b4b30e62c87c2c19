/// The side-by-side rows built on the line diff: between two matched lines, removed and added lines are
/// paired by likeness of their words, so a rewritten line sits next to its rewrite even where the
/// migration inserted lines (an `#include`, a finding's comment) before it.
extension LineDiff {
  /// The rows aligning `a` with `b`: matched lines share a row; between two matches a removed line
  /// sits next to the added line most like it (a rewritten line next to its rewrite), the rest stand
  /// alone or, when nothing resembles them, pair up in order.
  public static func align(_ a: [String], _ b: [String]) -> [Row] {
    var rows: [Row] = []
    rows.reserveCapacity(max(a.count, b.count))
    var (i, j) = (0, 0)
    for (x, y) in matches(a, b) + [(a.count, b.count)] {
      rows += gap(a, i..<x, b, j..<y)
      if x < a.count { rows.append(Row(left: x, right: y, changed: false)) }
      (i, j) = (x + 1, y + 1)
    }
    return rows
  }

  /// Rows for removed lines `r` of `a` and added lines `s` of `b`.
  static func gap(_ a: [String], _ r: Range<Int>, _ b: [String], _ s: Range<Int>) -> [Row] {
    // Pairs by likeness where the gap is small enough for an O(n·m) alignment and the counts differ
    // (the same count is almost always line-for-line).
    var pairs: [(Int, Int)] = []
    if !r.isEmpty && !s.isEmpty && r.count != s.count && r.count * s.count <= 40_000 {
      pairs = likeness(a, r, b, s)
    }
    var rows: [Row] = []
    var (i, j) = (r.lowerBound, s.lowerBound)
    for (x, y) in pairs + [(r.upperBound, s.upperBound)] {
      while i < x || j < y {
        rows.append(Row(left: i < x ? i : nil, right: j < y ? j : nil, changed: true))
        if i < x { i += 1 }
        if j < y { j += 1 }
      }
      if x < r.upperBound { rows.append(Row(left: x, right: y, changed: true)) }
      (i, j) = (x + 1, y + 1)
    }
    return rows
  }

  /// The in-order pairing of lines of `r` and `s` with the greatest total likeness.
  private static func likeness(_ a: [String], _ r: Range<Int>, _ b: [String], _ s: Range<Int>) -> [(Int, Int)] {
    let left = r.map { words(a[$0]) }, right = s.map { words(b[$0]) }
    let (n, m) = (left.count, right.count)
    var score = Array(repeating: Array(repeating: 0.0, count: m + 1), count: n + 1)
    var like = Array(repeating: Array(repeating: 0.0, count: m), count: n)
    for p in 0..<n {
      for q in 0..<m {
        like[p][q] = dice(left[p], right[q])
        score[p + 1][q + 1] = max(score[p][q + 1], score[p + 1][q], like[p][q] > 0 ? score[p][q] + like[p][q] : 0)
      }
    }
    var pairs: [(Int, Int)] = []
    var (p, q) = (n, m)
    // Walking back, a line is left unpaired whenever that costs nothing, so ties pair early lines.
    while p > 0 && q > 0 {
      if score[p][q] == score[p][q - 1] {
        q -= 1
      } else if score[p][q] == score[p - 1][q] {
        p -= 1
      } else {
        pairs.append((r.lowerBound + p - 1, s.lowerBound + q - 1))
        (p, q) = (p - 1, q - 1)
      }
    }
    return pairs.reversed()
  }

  /// The identifiers and numbers of a line.
  private static func words(_ line: String) -> [Substring: Int] {
    var counts: [Substring: Int] = [:]
    for w in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) { counts[w, default: 0] += 1 }
    return counts
  }

  /// Dice's coefficient of two word multisets: 1 for the same words, 0 for none in common.
  private static func dice(_ x: [Substring: Int], _ y: [Substring: Int]) -> Double {
    let total = x.values.reduce(0, +) + y.values.reduce(0, +)
    guard total > 0 else { return 0 }
    let common = x.reduce(0) { $0 + min($1.value, y[$1.key] ?? 0) }
    return Double(2 * common) / Double(total)
  }
}
