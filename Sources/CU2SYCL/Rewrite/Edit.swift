/// One piece of an edit's replacement: literal text, or a range of the original file that is
/// rendered with the edits that lie inside it (so nested constructs keep their own rewrites).
public enum Piece: Sendable, Equatable {
  case text(String)
  case source(Range<Int>)
}

/// A replacement of a byte range of one file. An empty range is an insertion.
public struct Edit: Sendable, Equatable {
  public var file: String
  public var range: Range<Int>
  public var pieces: [Piece]
  /// The rule that made the edit, for conflict reports.
  public var rule: String

  public init(file: String, range: Range<Int>, pieces: [Piece], rule: String) {
    self.file = file
    self.range = range
    self.pieces = pieces
    self.rule = rule
  }

  public init(file: String, range: Range<Int>, text: String, rule: String) {
    self.init(file: file, range: range, pieces: text.isEmpty ? [] : [.text(text)], rule: rule)
  }

  var isInsertion: Bool { range.isEmpty }

  /// Whether `other` lies inside this edit and must be rendered by one of its source pieces.
  func strictlyContains(_ other: Edit) -> Bool { Edit.strictlyContains(range, other.range) }

  /// Whether an edit of `inner` lies inside an edit of `outer` (an empty range is an insertion).
  static func strictlyContains(_ outer: Range<Int>, _ inner: Range<Int>) -> Bool {
    guard !outer.isEmpty, outer != inner || inner.isEmpty else { return false }
    if inner.isEmpty { return inner.lowerBound > outer.lowerBound && inner.lowerBound < outer.upperBound }
    return outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
  }
}

/// Two edits that cannot both be applied.
public struct EditConflict: Sendable, CustomStringConvertible {
  public var file: String
  public var kept: Edit
  public var dropped: Edit
  public var description: String {
    "edits overlap in \(file) at bytes \(dropped.range): rule \(dropped.rule) conflicts with \(kept.rule); the first was applied"
  }
}
