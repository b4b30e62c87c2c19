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
