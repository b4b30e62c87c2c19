import Foundation

/// What changed between two reports of the same code base (a base branch and a pull request, say):
/// totals, files, and the findings that appeared or went away. Findings are matched by file, kind,
/// name, outcome and warning, not by position, so code moving around a file is not a change.
public struct ReportDiff: Sendable {
  public struct FileChange: Sendable {
    public var file: String
    public var base: CoverageCounts?
    public var head: CoverageCounts?
    public var baseFailed = false
    public var headFailed = false
  }

  public var base: CoverageCounts
  public var head: CoverageCounts
  public var files: [FileChange]
  /// Findings (review, manual, unsupported) in head that base did not have.
  public var newFindings: [Occurrence]
  /// Findings of base that head no longer has (converted now, or the code is gone).
  public var resolvedFindings: [Occurrence]

  public init(base: MigrationReport, head: MigrationReport) {
    self.base = base.totals
    self.head = head.totals
    let baseFiles = Dictionary(base.files.map { ($0.input, $0) }, uniquingKeysWith: { a, _ in a })
    let headFiles = Dictionary(head.files.map { ($0.input, $0) }, uniquingKeysWith: { a, _ in a })
    files = Set(baseFiles.keys).union(headFiles.keys).sorted().compactMap { path in
      let b = baseFiles[path], h = headFiles[path]
      let change = FileChange(file: path, base: b?.counts, head: h?.counts,
                              baseFailed: b.map { $0.status == .failed || $0.hasErrors } ?? false,
                              headFailed: h.map { $0.status == .failed || $0.hasErrors } ?? false)
      return change.base == change.head && change.baseFailed == change.headFailed ? nil : change
    }
    newFindings = ReportDiff.unmatched(head.findings, in: base.findings)
    resolvedFindings = ReportDiff.unmatched(base.findings, in: head.findings)
  }

  /// The occurrences of `list` beyond what `other` has with the same identity; of several with one
  /// identity, those on lines `other` does not have go first.
  static func unmatched(_ list: [Occurrence], in other: [Occurrence]) -> [Occurrence] {
    func identity(_ o: Occurrence) -> String { [o.file, o.kind.rawValue, o.name, o.outcome.rawValue, o.warning ?? ""].joined(separator: "\u{1}") }
    let theirs = Dictionary(grouping: other, by: identity)
    var out: [Occurrence] = []
    for (key, mine) in Dictionary(grouping: list, by: identity) {
      let matched = theirs[key] ?? []
      guard mine.count > matched.count else { continue }
      let lines = Set(matched.map(\.line))
      let ordered = mine.filter { !lines.contains($0.line) } + mine.filter { lines.contains($0.line) }
      out += ordered.prefix(mine.count - matched.count)
    }
    return out.sorted { ($0.file, $0.line, $0.column, $0.name) < ($1.file, $1.line, $1.column, $1.name) }
  }

  /// Percentage points; negative is a drop.
  public var percentChange: Double { head.percent - base.percent }

  /// Why this change is a regression, if it is one: the percentage dropped (by more than rounding),
  /// a manual or unsupported finding appeared, or a file that migrated before now fails.
  public var regressions: [String] {
    var out: [String] = []
    if percentChange < -0.05 { out.append(String(format: "coverage dropped from %.1f%% to %.1f%%", base.percent, head.percent)) }
    let blocking = newFindings.filter { $0.outcome == .manual || $0.outcome == .unsupported }
    if !blocking.isEmpty { out.append("\(blocking.count) new manual or unsupported finding(s)") }
    let failing = files.filter { $0.headFailed && !$0.baseFailed }
    if !failing.isEmpty { out.append("\(failing.count) file(s) now fail: " + failing.map(\.file).joined(separator: ", ")) }
    return out
  }

  public var isRegression: Bool { !regressions.isEmpty }

  // MARK: Rendering

  public func text() -> String {
    var out = String(format: "coverage: %.1f%% -> %.1f%% (%@%.1f points); found %d -> %d, converted %d -> %d\n",
                     base.percent, head.percent, percentChange >= 0 ? "+" : "", percentChange, base.found, head.found,
                     base.converted, head.converted)
    for f in files { out += "  \(fileLine(f))\n" }
    for o in newFindings { out += "+ \(o.file):\(o.line):\(o.column): \(o.outcome.rawValue) \(o.warning ?? "") \(o.name)\n" }
    for o in resolvedFindings { out += "- \(o.file):\(o.line):\(o.column): \(o.outcome.rawValue) \(o.warning ?? "") \(o.name)\n" }
    let r = regressions
    out += r.isEmpty ? "no regression\n" : "REGRESSION: " + r.joined(separator: "; ") + "\n"
    return out
  }

  public func markdown() -> String {
    var out = String(format: "## cu2sycl coverage: %.1f%% → %.1f%% (%@%.1f points)\n\n", base.percent, head.percent,
                     percentChange >= 0 ? "+" : "", percentChange)
    let r = regressions
    out += r.isEmpty ? "No regression.\n" : "**Regression:** " + r.joined(separator: "; ") + ".\n"
    if !files.isEmpty {
      out += "\n| file | base | head |\n|---|---:|---:|\n"
      for f in files.prefix(50) {
        out += "| `\(f.file)` | \(f.base.map { String(format: "%.1f%% of %d", $0.percent, $0.found) } ?? "—")\(f.baseFailed ? " (errors)" : "") | \(f.head.map { String(format: "%.1f%% of %d", $0.percent, $0.found) } ?? "—")\(f.headFailed ? " (errors)" : "") |\n"
      }
      if files.count > 50 { out += "\n… and \(files.count - 50) more files.\n" }
    }
    if !newFindings.isEmpty {
      out += "\n### New findings (\(newFindings.count))\n\n"
      for o in newFindings.prefix(50) { out += "- `\(o.file):\(o.line)` **\(o.outcome.rawValue)** \(o.warning ?? "") `\(o.name)`\n" }
    }
    if !resolvedFindings.isEmpty { out += "\n\(resolvedFindings.count) finding(s) resolved.\n" }
    return out
  }

  public func json() throws -> Data {
    struct FileJSON: Encodable { var file: String; var base: CoverageCounts?; var head: CoverageCounts?; var baseFailed: Bool; var headFailed: Bool }
    struct DiffJSON: Encodable {
      var base: CoverageCounts; var head: CoverageCounts; var percentChange: Double
      var files: [FileJSON]; var newFindings: [Occurrence]; var resolvedFindings: [Occurrence]; var regressions: [String]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(DiffJSON(base: base, head: head, percentChange: (percentChange * 10).rounded() / 10,
                                       files: files.map { FileJSON(file: $0.file, base: $0.base, head: $0.head, baseFailed: $0.baseFailed, headFailed: $0.headFailed) },
                                       newFindings: newFindings, resolvedFindings: resolvedFindings, regressions: regressions))
  }

  private func fileLine(_ f: FileChange) -> String {
    func describe(_ c: CoverageCounts?, _ failed: Bool) -> String {
      guard let c else { return "absent" }
      return String(format: "%.1f%% of %d", c.percent, c.found) + (failed ? " (errors)" : "")
    }
    return "\(f.file): \(describe(f.base, f.baseFailed)) -> \(describe(f.head, f.headFailed))"
  }
}
