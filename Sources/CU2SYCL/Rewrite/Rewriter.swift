/// Applies byte-range edits to a file's original text. Every byte no edit touches is kept.
/// Edits may nest: an edit's `.source` pieces are rendered with the edits inside them.
/// Partially overlapping edits, or an edit hidden inside a replaced range that no piece
/// renders, are conflicts: the later one is dropped and reported, never applied blindly.
public struct Rewriter {
  public let text: SourceText
  public private(set) var conflicts: [EditConflict] = []
  private var edits: [Edit] = []

  public init(text: SourceText) { self.text = text }

  public mutating func add(_ edit: Edit) {
    // An edit outside the file (a rule bug) is reported like a conflict, never applied.
    guard edit.range.lowerBound >= 0, edit.range.upperBound <= text.bytes.count else {
      conflicts.append(EditConflict(file: text.path, kept: edit, dropped: edit))
      return
    }
    for i in edits.indices {
      // Edits apart from this one (most of them) can neither be the same nor conflict: skipped without a copy.
      if edit.range.upperBound < edits[i].range.lowerBound || edits[i].range.upperBound < edit.range.lowerBound { continue }
      let other = edits[i]
      // Identical edits from two rules (or one header planned twice) are the same change. (No edit the list
      // holds conflicts with one of its own, so finding the copy after a conflicting edit cannot happen.)
      if other == edit { return }
      let nested = other.strictlyContains(edit) || edit.strictlyContains(other)
      let disjoint = edit.range.upperBound <= other.range.lowerBound || other.range.upperBound <= edit.range.lowerBound
        || (edit.isInsertion && other.isInsertion)
        || (edit.isInsertion && (edit.range.lowerBound == other.range.lowerBound || edit.range.lowerBound == other.range.upperBound))
        || (other.isInsertion && (other.range.lowerBound == edit.range.lowerBound || other.range.lowerBound == edit.range.upperBound))
      if !nested && !disjoint {
        conflicts.append(EditConflict(file: text.path, kept: other, dropped: edit))
        return
      }
    }
    edits.append(edit)
  }

  public mutating func add(contentsOf list: [Edit]) { list.forEach { add($0) } }

  /// The rewritten file, byte for byte (bytes that are not UTF-8 survive untouched).
  public mutating func apply() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.bytes.count + 1024)
    var unrendered: [Edit] = []
    render(0..<text.bytes.count, edits.indices.map { $0 }, into: &out, unrendered: &unrendered)
    for e in unrendered {
      let owner = edits.first { $0.strictlyContains(e) } ?? e
      conflicts.append(EditConflict(file: text.path, kept: owner, dropped: e))
    }
    return out
  }

  private func render(_ range: Range<Int>, _ candidates: [Int], into out: inout [UInt8], unrendered: inout [Edit]) {
    let inside = candidates.filter { edits[$0].range.lowerBound >= range.lowerBound && edits[$0].range.upperBound <= range.upperBound }
    // (Containment is decided on ranges alone, by position: files have hundreds of edits.)
    let ranges = inside.map { edits[$0].range }
    let containment = Containment(ranges)
    // Outermost edits first, in position order; insertions keep the order they were added in.
    let top = inside.indices.filter { !containment.isContained($0) }
      .map { inside[$0] }
      .sorted { a, b in
        let ra = edits[a].range, rb = edits[b].range
        if ra.lowerBound != rb.lowerBound { return ra.lowerBound < rb.lowerBound }
        if ra.isEmpty != rb.isEmpty { return ra.isEmpty }
        return a < b
      }
    var pos = range.lowerBound
    for i in top {
      let e = edits[i]
      if e.range.lowerBound > pos { out += text.bytes[pos..<e.range.lowerBound] }
      let nested = containment.contained(in: e.range).filter { inside[$0] != i }.map { inside[$0] }
      var covered = Set<Int>()
      for piece in e.pieces {
        switch piece {
        case .text(let s): out += Array(s.utf8)
        case .source(let r):
          let within = nested.filter {
            let n = edits[$0]
            return n.range.lowerBound >= r.lowerBound && n.range.upperBound <= r.upperBound
          }
          covered.formUnion(within)
          render(r, within, into: &out, unrendered: &unrendered)
        }
      }
      // Edits nested in this one that no piece rendered would be lost: report them.
      unrendered += nested.filter { !covered.contains($0) }.map { edits[$0] }
      pos = max(pos, e.range.upperBound)
    }
    out += text.bytes[pos..<range.upperBound]
  }
}

/// Which of a file's edit ranges lie strictly inside another (Edit.strictlyContains), answered from the
/// ranges sorted by position instead of comparing every pair. Relies on what `Rewriter.add` keeps: no two
/// edits with the same non-empty range.
private struct Containment {
  private let ranges: [Range<Int>]
  /// Non-empty ranges by lower bound, longest first among equal ones, and the largest upper bound so far.
  private let spans: [Int]
  private let reach: [Int]
  /// Where each non-empty range is in `spans`.
  private let spanPosition: [Int: Int]
  /// Every range by lower bound (ties: original order), for the ranges inside a given one.
  private let byStart: [Int]

  init(_ ranges: [Range<Int>]) {
    self.ranges = ranges
    spans = ranges.indices.filter { !ranges[$0].isEmpty }.sorted { a, b in
      ranges[a].lowerBound != ranges[b].lowerBound ? ranges[a].lowerBound < ranges[b].lowerBound : ranges[a].upperBound > ranges[b].upperBound
    }
    var best = Int.min
    reach = spans.map { best = max(best, ranges[$0].upperBound); return best }
    spanPosition = Dictionary(uniqueKeysWithValues: spans.enumerated().map { ($1, $0) })
    byStart = ranges.indices.sorted { a, b in ranges[a].lowerBound != ranges[b].lowerBound ? ranges[a].lowerBound < ranges[b].lowerBound : a < b }
  }

  /// Whether another range strictly contains range `k`.
  func isContained(_ k: Int) -> Bool {
    let r = ranges[k]
    if r.isEmpty {
      // An insertion lies inside a span that starts before it and ends after it.
      let before = firstSpan { ranges[$0].lowerBound >= r.lowerBound }
      return before > 0 && reach[before - 1] > r.lowerBound
    }
    // A span lies inside one that starts before it (or at it and is longer) and ends at or after it.
    guard let position = spanPosition[k] else { return false }
    return position > 0 && reach[position - 1] >= r.upperBound
  }

  /// The indices of the ranges strictly inside `outer`, in their original order.
  func contained(in outer: Range<Int>) -> [Int] {
    var lo = 0, hi = byStart.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if ranges[byStart[mid]].lowerBound < outer.lowerBound { lo = mid + 1 } else { hi = mid }
    }
    var out: [Int] = []
    while lo < byStart.count, ranges[byStart[lo]].lowerBound <= outer.upperBound {
      if Edit.strictlyContains(outer, ranges[byStart[lo]]) { out.append(byStart[lo]) }
      lo += 1
    }
    return out.sorted()
  }

  /// The first position in `spans` whose range satisfies `atOrAfter` (which must be monotonic over them).
  private func firstSpan(where atOrAfter: (Int) -> Bool) -> Int {
    var lo = 0, hi = spans.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if atOrAfter(spans[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
