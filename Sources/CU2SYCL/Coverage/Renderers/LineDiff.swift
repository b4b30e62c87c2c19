/// A line diff (Myers' O(ND) algorithm in its linear-space form) that aligns two texts for a
/// side-by-side view: the HTML report shows each CUDA file next to its SYCL. Linear space matters
/// because a file rewritten almost everywhere would otherwise keep O(D²) state; the time is
/// O((N+M)·D), small for migrated code, where most lines are unchanged.
public enum LineDiff {
  /// One row of the side-by-side view: a line of each side (0-based), or of one side only.
  public struct Row: Sendable, Equatable {
    public var left: Int?
    public var right: Int?
    /// False only when both sides hold the same line matched by the diff.
    public var changed: Bool
    public init(left: Int?, right: Int?, changed: Bool) {
      self.left = left
      self.right = right
      self.changed = changed
    }
  }

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

  /// The pairs of equal lines of a longest common subsequence, in order.
  public static func matches(_ a: [String], _ b: [String]) -> [(Int, Int)] {
    // Lines become integers so the inner loop compares numbers, not strings.
    var ids: [String: Int32] = [:]
    func intern(_ s: [String]) -> [Int32] {
      s.map { line in
        if let id = ids[line] { return id }
        let id = Int32(ids.count)
        ids[line] = id
        return id
      }
    }
    let (ia, ib) = (intern(a), intern(b))
    // A line found on one side only can never match: leaving it out keeps the result and makes the
    // edit distance small even for a file rewritten almost everywhere.
    let (inA, inB) = (Set(ia), Set(ib))
    let keptA = ia.indices.filter { inB.contains(ia[$0]) }
    let keptB = ib.indices.filter { inA.contains(ib[$0]) }
    var search = Search(a: keptA.map { ia[$0] }, b: keptB.map { ib[$0] })
    search.diff(0, search.a.count, 0, search.b.count)
    return search.pairs.map { (keptA[$0.0], keptB[$0.1]) }
  }

  private struct Search {
    let a: [Int32]
    let b: [Int32]
    var pairs: [(Int, Int)] = []
    // Furthest x per diagonal, forward and backward, reused by every call.
    var forward: [Int] = []
    var backward: [Int] = []

    init(a: [Int32], b: [Int32]) {
      self.a = a
      self.b = b
      let size = a.count + b.count + 3
      forward = Array(repeating: 0, count: 2 * size)
      backward = Array(repeating: 0, count: 2 * size)
    }

    /// Matches a[aLo..<aHi] against b[bLo..<bHi], appending pairs in order.
    mutating func diff(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
      var (aLo, aHi, bLo, bHi) = (aLo, aHi, bLo, bHi)
      var suffix: [(Int, Int)] = []
      while aLo < aHi && bLo < bHi && a[aLo] == b[bLo] {
        pairs.append((aLo, bLo))
        aLo += 1
        bLo += 1
      }
      while aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1] {
        aHi -= 1
        bHi -= 1
        suffix.append((aHi, bHi))
      }
      if aLo < aHi && bLo < bHi {
        // Both sides are non-empty and differ at both ends, so the edit distance is at least 2 and
        // the middle snake splits the problem into two strictly smaller ones.
        let (x, y, u, v) = middleSnake(aLo, aHi, bLo, bHi)
        diff(aLo, x, bLo, y)
        for k in 0..<(u - x) { pairs.append((x + k, y + k)) }
        diff(u, aHi, v, bHi)
      }
      pairs.append(contentsOf: suffix.reversed())
    }

    /// The middle snake of an optimal edit path (Myers 1986, section 4b), in absolute indices:
    /// matched lines from (x, y) to (u, v).
    mutating func middleSnake(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> (Int, Int, Int, Int) {
      let n = aHi - aLo, m = bHi - bLo
      let delta = n - m
      let odd = delta & 1 != 0
      let maxD = (n + m + 1) / 2
      let off = maxD + 1  // diagonal k is stored at k + off
      forward[1 + off] = 0
      backward[1 + off] = 0
      for d in 0...maxD {
        for k in stride(from: -d, through: d, by: 2) {
          var x = (k == -d || (k != d && forward[k - 1 + off] < forward[k + 1 + off])) ? forward[k + 1 + off] : forward[k - 1 + off] + 1
          var y = x - k
          let (x0, y0) = (x, y)
          while x < n && y < m && a[aLo + x] == b[bLo + y] { x += 1; y += 1 }
          forward[k + off] = x
          // The backward search has run d-1 steps; its diagonal for forward k is delta - k.
          if odd && abs(k - delta) <= d - 1 && x + backward[delta - k + off] >= n {
            return (aLo + x0, bLo + y0, aLo + x, bLo + y)
          }
        }
        for k in stride(from: -d, through: d, by: 2) {
          // x and y count lines from the ends.
          var x = (k == -d || (k != d && backward[k - 1 + off] < backward[k + 1 + off])) ? backward[k + 1 + off] : backward[k - 1 + off] + 1
          var y = x - k
          let (x0, y0) = (x, y)
          while x < n && y < m && a[aHi - 1 - x] == b[bHi - 1 - y] { x += 1; y += 1 }
          backward[k + off] = x
          if !odd && abs(delta - k) <= d && x + forward[delta - k + off] >= n {
            return (aHi - x, bHi - y, aHi - x0, bHi - y0)
          }
        }
      }
      preconditionFailure("Myers: no middle snake for sizes \(n) and \(m)")
    }
  }
}
