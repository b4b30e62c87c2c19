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

public enum FileStatus: String, Codable, Sendable, CaseIterable {
  case migrated   // parsed and rewritten
  case copied     // no CUDA: copied verbatim
  case failed     // could not be read, parsed or written
  case skipped    // not written: its output path is a migrated file's
}

/// Lines of one input file (or a sum of files): all of them, those a rewrite touched, and those with a
/// finding a person must look at (review, manual or unsupported).
public struct LineCounts: Codable, Sendable, Equatable {
  public var total = 0
  public var changed = 0
  public var attention = 0
  public init(total: Int = 0, changed: Int = 0, attention: Int = 0) {
    self.total = total
    self.changed = changed
    self.attention = attention
  }
  public static func + (a: LineCounts, b: LineCounts) -> LineCounts {
    LineCounts(total: a.total + b.total, changed: a.changed + b.changed, attention: a.attention + b.attention)
  }
}

public struct FileReport: Codable, Sendable, Equatable {
  /// Paths relative to the input and output roots.
  public var input: String
  public var output: String?
  public var status: FileStatus
  /// Parse errors count as a failure of the file even when it was still migrated as far as possible.
  public var hasErrors: Bool
  public var diagnostics: [LocatedDiagnostic]
  public var counts: CoverageCounts
  public var lines = LineCounts()
  public var effort = EffortCounts()

  public init(input: String, output: String?, status: FileStatus, hasErrors: Bool, diagnostics: [LocatedDiagnostic],
              counts: CoverageCounts, lines: LineCounts = LineCounts(), effort: EffortCounts = EffortCounts()) {
    self.input = input
    self.output = output
    self.status = status
    self.hasErrors = hasErrors
    self.diagnostics = diagnostics
    self.counts = counts
    self.lines = lines
    self.effort = effort
  }
}

/// Totals of one group of occurrences: a directory, a category or an API name.
public struct GroupTotals: Codable, Sendable, Equatable {
  public var name: String
  public var counts: CoverageCounts
  public var effort: EffortCounts
  /// Directories only: the lines of their files.
  public var lines: LineCounts?
}

/// When and how a report was made.
public struct RunInfo: Codable, Sendable, Equatable {
  /// ISO 8601, UTC; `SOURCE_DATE_EPOCH` fixes it for reproducible reports.
  public var generatedAt: String
  /// Extra compiler arguments given to every unit.
  public var extraArguments: [String]
  /// Set when the report is a merge of others: how many.
  public var mergedFrom: Int?

  public init(generatedAt: String = RunInfo.now(), extraArguments: [String] = [], mergedFrom: Int? = nil) {
    self.generatedAt = generatedAt
    self.extraArguments = extraArguments
    self.mergedFrom = mergedFrom
  }

  public static func now() -> String {
    let env = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
    let date = env.map { Date(timeIntervalSince1970: $0) } ?? Date()
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: date)
  }
}

/// Everything a run found and did. Every renderer (terminal, JSON, CSV, Markdown, HTML, SARIF) works
/// from this model, and a report read back from its JSON is the same model, so they cannot disagree.
/// Stored: run facts, files and occurrences. Derived (written to JSON for readers, recomputed when
/// read): totals, lines, effort, and the per-directory, per-category and per-API groups.
public struct MigrationReport: Codable, Sendable {
  /// 2: effort levels, categories, lines, run info and groups added.
  public static let schemaVersion = 2
  public var schemaVersion = MigrationReport.schemaVersion
  public var tool = "cu2sycl"
  public var toolVersion = CU2SYCLVersion.string
  public var cudaEnvironment: String
  public var inputRoot: String
  public var outputRoot: String?
  public var run = RunInfo()
  public var files: [FileReport]
  /// Every occurrence, with paths relative to the input root.
  public var occurrences: [Occurrence]
  public var conflicts: [String]

  public init(cudaEnvironment: String, inputRoot: String, outputRoot: String?, run: RunInfo = RunInfo(),
              files: [FileReport], occurrences: [Occurrence], conflicts: [String]) {
    self.cudaEnvironment = cudaEnvironment
    self.inputRoot = inputRoot
    self.outputRoot = outputRoot
    self.run = run
    self.files = files
    self.occurrences = occurrences
    self.conflicts = conflicts
  }

  public var totals: CoverageCounts { CoverageCounts(occurrences) }
  public var effort: EffortCounts { EffortCounts(occurrences) }
  public var lines: LineCounts { files.reduce(LineCounts()) { $0 + $1.lines } }
  public var failedFiles: [FileReport] { files.filter { $0.status == .failed || $0.hasErrors } }
  /// Occurrences a person must look at, in file and line order.
  public var findings: [Occurrence] {
    occurrences.filter { $0.outcome != .converted }.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
  }

  /// Every directory that holds a file (".": the input root), with the totals of everything below it.
  public var directories: [GroupTotals] {
    var byDirectory: [String: (files: [FileReport], occurrences: [Occurrence])] = [:]
    func ancestors(_ path: String) -> [String] {
      let parts = path.split(separator: "/").dropLast()
      return ["."] + parts.indices.map { parts[parts.startIndex...$0].joined(separator: "/") }
    }
    for f in files { for d in ancestors(f.input) { byDirectory[d, default: ([], [])].files.append(f) } }
    for o in occurrences { for d in ancestors(o.file) { byDirectory[d, default: ([], [])].occurrences.append(o) } }
    return byDirectory.keys.sorted().map { d in
      let group = byDirectory[d]!
      return GroupTotals(name: d, counts: CoverageCounts(group.occurrences), effort: EffortCounts(group.occurrences),
                         lines: group.files.reduce(LineCounts()) { $0 + $1.lines })
    }
  }

  /// Totals per category, in the categories' declared order.
  public var categories: [GroupTotals] {
    let grouped = Dictionary(grouping: occurrences, by: \.category)
    return Category.allCases.compactMap { c in
      grouped[c].map { GroupTotals(name: c.rawValue, counts: CoverageCounts($0), effort: EffortCounts($0), lines: nil) }
    }
  }

  /// Totals per construct name, the ones leaving most work first.
  public var apis: [GroupTotals] {
    Dictionary(grouping: occurrences, by: \.name).map { name, list in
      GroupTotals(name: name, counts: CoverageCounts(list), effort: EffortCounts(list), lines: nil)
    }.sorted { a, b in
      let (pa, pb) = (a.counts.found - a.counts.converted, b.counts.found - b.counts.converted)
      return pa != pb ? pa > pb : (a.counts.found != b.counts.found ? a.counts.found > b.counts.found : a.name < b.name)
    }
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, tool, toolVersion, cudaEnvironment, inputRoot, outputRoot, run, files, occurrences, conflicts
  }
  enum DerivedKeys: String, CodingKey { case totals, effort, lines, directories, categories, apis }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
    guard schemaVersion == MigrationReport.schemaVersion else {
      throw DecodingError.dataCorruptedError(forKey: .schemaVersion, in: c, debugDescription:
        "report schema version \(schemaVersion); this cu2sycl reads version \(MigrationReport.schemaVersion) (re-run the migration to get a new report)")
    }
    tool = try c.decode(String.self, forKey: .tool)
    toolVersion = try c.decode(String.self, forKey: .toolVersion)
    cudaEnvironment = try c.decode(String.self, forKey: .cudaEnvironment)
    inputRoot = try c.decode(String.self, forKey: .inputRoot)
    outputRoot = try c.decodeIfPresent(String.self, forKey: .outputRoot)
    run = try c.decode(RunInfo.self, forKey: .run)
    files = try c.decode([FileReport].self, forKey: .files)
    occurrences = try c.decode([Occurrence].self, forKey: .occurrences)
    conflicts = try c.decode([String].self, forKey: .conflicts)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(tool, forKey: .tool)
    try c.encode(toolVersion, forKey: .toolVersion)
    try c.encode(cudaEnvironment, forKey: .cudaEnvironment)
    try c.encode(inputRoot, forKey: .inputRoot)
    try c.encodeIfPresent(outputRoot, forKey: .outputRoot)
    try c.encode(run, forKey: .run)
    try c.encode(files, forKey: .files)
    try c.encode(occurrences, forKey: .occurrences)
    try c.encode(conflicts, forKey: .conflicts)
    var d = encoder.container(keyedBy: DerivedKeys.self)
    try d.encode(totals, forKey: .totals)
    try d.encode(effort, forKey: .effort)
    try d.encode(lines, forKey: .lines)
    try d.encode(directories, forKey: .directories)
    try d.encode(categories, forKey: .categories)
    try d.encode(apis, forKey: .apis)
  }

  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// Reads a report written by `json()`.
  public static func load(_ data: Data) throws -> MigrationReport {
    try JSONDecoder().decode(MigrationReport.self, from: data)
  }
}
