/// How much work a finding leaves for a person. Each warning declares its level (Rules/Warnings.swift);
/// the hours are a rough planning figure, documented in Docs/Coverage.md, not a promise.
public enum Effort: String, Sendable, Codable, CaseIterable, Comparable {
  /// Read the stated risk and confirm (a review finding): minutes.
  case low
  /// Rewrite one call or declaration by hand with a known SYCL equivalent.
  case medium
  /// Redesign: SYCL 2020 has no equivalent, or the construct is unknown to cu2sycl.
  case high

  /// Planning hours per finding.
  public var hours: Double {
    switch self {
    case .low: return 0.1
    case .medium: return 0.5
    case .high: return 2
    }
  }

  public static func < (a: Effort, b: Effort) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }

  /// The effort an occurrence leaves: none when converted; its warning's level; else by outcome.
  public static func of(_ occurrence: Occurrence) -> Effort? {
    switch occurrence.outcome {
    case .converted: return nil
    case .review, .manual, .unsupported:
      if let id = occurrence.warning, let kind = Warnings.kind(id: id) { return kind.effort }
      switch occurrence.outcome {
      case .review: return .low
      case .manual: return .medium
      default: return .high
      }
    }
  }
}

/// Findings per effort level and the hours they add up to.
public struct EffortCounts: Codable, Sendable, Equatable {
  public var low = 0
  public var medium = 0
  public var high = 0

  public init() {}

  public init<S: Sequence>(_ occurrences: S) where S.Element == Occurrence {
    for o in occurrences { if let e = o.effort { add(e) } }
  }

  public mutating func add(_ effort: Effort) {
    switch effort {
    case .low: low += 1
    case .medium: medium += 1
    case .high: high += 1
    }
  }

  public var hours: Double {
    Double(low) * Effort.low.hours + Double(medium) * Effort.medium.hours + Double(high) * Effort.high.hours
  }

  enum CodingKeys: String, CodingKey { case low, medium, high, hours }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    low = try c.decode(Int.self, forKey: .low)
    medium = try c.decode(Int.self, forKey: .medium)
    high = try c.decode(Int.self, forKey: .high)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(low, forKey: .low)
    try c.encode(medium, forKey: .medium)
    try c.encode(high, forKey: .high)
    try c.encode((hours * 10).rounded() / 10, forKey: .hours)
  }
}
