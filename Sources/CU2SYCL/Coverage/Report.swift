import Foundation

/// Counts of occurrences by outcome. `percent` is converted ÷ found: occurrences converted with a
/// caveat (review) or left to a person (manual, unsupported) do not count as converted.
public struct CoverageCounts: Codable, Sendable, Equatable {
  public var found = 0
  public var converted = 0
  public var review = 0
  public var manual = 0
  public var unsupported = 0

  public init() {}

  public init<S: Sequence>(_ occurrences: S) where S.Element == Occurrence {
    for o in occurrences { add(o.outcome) }
  }

  public mutating func add(_ outcome: Outcome) {
    found += 1
    switch outcome {
    case .converted: converted += 1
    case .review: review += 1
    case .manual: manual += 1
    case .unsupported: unsupported += 1
    }
  }

  /// Share converted, in percent; 100 when there is nothing to convert.
  public var percent: Double { found == 0 ? 100 : Double(converted) * 100 / Double(found) }

  enum CodingKeys: String, CodingKey { case found, converted, review, manual, unsupported, percent }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    found = try c.decode(Int.self, forKey: .found)
    converted = try c.decode(Int.self, forKey: .converted)
    review = try c.decode(Int.self, forKey: .review)
    manual = try c.decode(Int.self, forKey: .manual)
    unsupported = try c.decode(Int.self, forKey: .unsupported)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(found, forKey: .found)
    try c.encode(converted, forKey: .converted)
    try c.encode(review, forKey: .review)
    try c.encode(manual, forKey: .manual)
    try c.encode(unsupported, forKey: .unsupported)
    try c.encode((percent * 10).rounded() / 10, forKey: .percent)
  }
}

public enum FileStatus: String, Codable, Sendable {
  case migrated   // parsed and rewritten
  case copied     // no CUDA: copied verbatim
  case failed     // could not be read, parsed or written
  case skipped    // not written: its output path is a migrated file's
}

public struct FileReport: Codable, Sendable {
  /// Paths relative to the input and output roots.
  public var input: String
  public var output: String?
  public var status: FileStatus
  /// Parse errors count as a failure of the file even when it was still migrated as far as possible.
  public var hasErrors: Bool
  public var diagnostics: [LocatedDiagnostic]
  public var counts: CoverageCounts
}

/// Everything a run found and did. The terminal summary and the JSON report are both rendered from it.
public struct MigrationReport: Codable, Sendable {
  public static let schemaVersion = 1
  public var schemaVersion = MigrationReport.schemaVersion
  public var tool = "cu2sycl"
  public var toolVersion = CU2SYCLVersion.string
  public var cudaEnvironment: String
  public var inputRoot: String
  public var outputRoot: String?
  public var totals: CoverageCounts
  public var files: [FileReport]
  /// Every occurrence, with paths relative to the input root.
  public var occurrences: [Occurrence]
  public var conflicts: [String]

  public var failedFiles: [FileReport] { files.filter { $0.status == .failed || $0.hasErrors } }

  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
