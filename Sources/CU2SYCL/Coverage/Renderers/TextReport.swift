import Foundation

/// The plain-text coverage summary printed after a run.
public enum TextReport {
  public static func render(_ report: MigrationReport, color: Bool = false) -> String {
    let rows = report.files.filter { $0.counts.found > 0 || $0.status == .failed || $0.hasErrors }
    let width = max(24, rows.map { $0.input.count }.max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func num(_ v: Int) -> String { let s = String(v); return String(repeating: " ", count: max(0, 8 - s.count)) + s }
    func pct(_ c: CoverageCounts) -> String { let s = String(format: "%.1f%%", c.percent); return String(repeating: " ", count: max(0, 8 - s.count)) + s }
    func cells(_ c: CoverageCounts) -> String {
      [c.found, c.converted, c.review, c.manual, c.unsupported].map(num).joined() + " " + pct(c)
    }
    var out = pad("file", width) + "   found    conv  review  manual  unsupp  percent\n"
    for f in rows {
      var line = pad(f.input, width) + " " + cells(f.counts)
      if f.status == .failed { line += "  FAILED" } else if f.hasErrors { line += "  (parse errors)" }
      out += line + "\n"
    }
    let t = report.totals
    out += pad("total", width) + " " + cells(t) + "\n"
    let unsupported = topUnsupported(report)
    if !unsupported.isEmpty {
      out += "top unsupported: " + unsupported.prefix(8).map { "\($0.0) (\($0.1))" }.joined(separator: ", ") + "\n"
    }
    let skipped = report.files.filter { $0.status == .skipped }.count
    out += String(format: "%d files migrated, %d copied\(skipped > 0 ? ", \(skipped) skipped" : ""), %d with errors; %d of %d CUDA constructs converted (%.1f%%), %d to review, %d manual, %d unsupported\n",
                  report.files.filter { $0.status == .migrated }.count, report.files.filter { $0.status == .copied }.count,
                  report.failedFiles.count, t.converted, t.found, t.percent, t.review, t.manual, t.unsupported)
    return out
  }

  /// Unsupported names with their counts, most frequent first.
  public static func topUnsupported(_ report: MigrationReport) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    for o in report.occurrences where o.outcome == .unsupported { counts[o.name, default: 0] += 1 }
    let pairs: [(String, Int)] = counts.map { ($0.key, $0.value) }
    return pairs.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
  }
}
