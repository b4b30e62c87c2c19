/// One piece of an edit's replacement: literal text, or a range of the original file that is
/// rendered with the edits that lie inside it (so nested constructs keep their own rewrites).
public enum Piece: Sendable, Equatable, Codable {
  case text(String)
  case source(Range<Int>)
}

/// A replacement of a byte range of one file. An empty range is an insertion.
public struct Edit: Sendable, Equatable, Codable {
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
  func strictlyContains(_ other: Edit) -> Bool {
    guard !range.isEmpty, range != other.range || other.isInsertion else { return false }
    if other.isInsertion { return other.range.lowerBound > range.lowerBound && other.range.lowerBound < range.upperBound }
    return range.lowerBound <= other.range.lowerBound && other.range.upperBound <= range.upperBound
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
