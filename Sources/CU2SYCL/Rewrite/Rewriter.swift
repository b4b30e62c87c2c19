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
    // Identical edits from two rules (or one header planned twice) are the same change.
    if edits.contains(edit) { return }
    for other in edits {
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
    let inside = candidates.filter {
      let e = edits[$0]
      return e.range.lowerBound >= range.lowerBound && e.range.upperBound <= range.upperBound
    }
    // Outermost edits first, in position order; insertions keep the order they were added in.
    let top = inside.filter { i in !inside.contains { j in j != i && edits[j].strictlyContains(edits[i]) } }
      .sorted { a, b in
        let ea = edits[a], eb = edits[b]
        if ea.range.lowerBound != eb.range.lowerBound { return ea.range.lowerBound < eb.range.lowerBound }
        if ea.isInsertion != eb.isInsertion { return ea.isInsertion }
        return a < b
      }
    var pos = range.lowerBound
    for i in top {
      let e = edits[i]
      if e.range.lowerBound > pos { out += text.bytes[pos..<e.range.lowerBound] }
      let nested = inside.filter { $0 != i && e.strictlyContains(edits[$0]) }
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
