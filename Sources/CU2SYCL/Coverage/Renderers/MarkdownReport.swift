import Foundation

/// Markdown sized for a GitHub Actions step summary or a pull-request comment (GitHub cuts comments
/// at 65,536 characters): totals first, then the files, APIs and findings that leave the most work,
/// each list capped with a count of what was left out.
public enum MarkdownReport {
  static let maxFiles = 25
  static let maxAPIs = 15
  static let maxFindings = 50
  static let maxDirectories = 50

  public static func render(_ report: MigrationReport) -> String {
    let t = report.totals
    var out = "## cu2sycl migration coverage: \(percent(t.percent)) converted\n\n"
    out += "| | found | converted | review | manual | unsupported | percent |\n|---|---:|---:|---:|---:|---:|---:|\n"
    out += "| **total** | \(row(t)) |\n\n"
    let e = report.effort, l = report.lines
    out += String(format: "Effort left: **%.1f hours** (%d low, %d medium, %d high findings). Lines: %d total, %d changed, %d need attention. ",
                  e.hours, e.low, e.medium, e.high, l.total, l.changed, l.attention)
    let failed = report.failedFiles
    out += "\(report.files.filter { $0.status == .migrated }.count) files migrated, \(report.files.filter { $0.status == .copied }.count) copied"
    out += failed.isEmpty ? ".\n" : ", **\(failed.count) with errors**: " + failed.prefix(10).map { "`\(cell($0.input))`" }.joined(separator: ", ") + ".\n"

    let directories = report.directories.filter { $0.name != "." && $0.counts.found > 0 }
    if !directories.isEmpty {
      out += "\n<details><summary>Per directory (\(directories.count))</summary>\n\n| directory | found | converted | review | manual | unsupported | percent |\n|---|---:|---:|---:|---:|---:|---:|\n"
      // Directories with most work left first, when they do not all fit.
      let shown = directories.count <= maxDirectories ? directories
        : Array(directories.sorted { ($0.counts.found - $0.counts.converted, $1.name) > ($1.counts.found - $1.counts.converted, $0.name) }.prefix(maxDirectories))
      for d in shown { out += "| `\(cell(d.name))` | \(row(d.counts)) |\n" }
      out += more(directories.count - maxDirectories, "directories")
      out += "\n</details>\n"
    }

    let files = report.files.filter { $0.counts.found > $0.counts.converted }
      .sorted { ($0.counts.found - $0.counts.converted, $1.input) > ($1.counts.found - $1.counts.converted, $0.input) }
    if !files.isEmpty {
      out += "\n### Files with work left\n\n| file | found | converted | review | manual | unsupported | percent | effort (h) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
      for f in files.prefix(maxFiles) { out += "| `\(cell(f.input))` | \(row(f.counts)) | \(String(format: "%.1f", f.effort.hours)) |\n" }
      out += more(files.count - maxFiles, "files")
    }

    let apis = report.apis.filter { $0.counts.found > $0.counts.converted }
    if !apis.isEmpty {
      out += "\n### APIs and constructs with work left\n\n| construct | not converted | review | manual | unsupported | effort (h) |\n|---|---:|---:|---:|---:|---:|\n"
      for a in apis.prefix(maxAPIs) {
        let c = a.counts
        out += "| `\(cell(a.name))` | \(c.found - c.converted) | \(c.review) | \(c.manual) | \(c.unsupported) | \(String(format: "%.1f", a.effort.hours)) |\n"
      }
      out += more(apis.count - maxAPIs, "constructs")
    }

    let findings = report.findings
    if !findings.isEmpty {
      out += "\n<details><summary>Findings (\(findings.count))</summary>\n\n"
      for o in findings.prefix(maxFindings) {
        let id = o.warning.map { " \($0)" } ?? ""
        out += "- `\(o.file):\(o.line):\(o.column)` **\(o.outcome.rawValue)**\(id) `\(o.name)`: \(inline(o.message ?? ""))\n"
      }
      out += more(findings.count - maxFindings, "findings")
      out += "\n</details>\n"
    }
    out += "\n<sub>cu2sycl \(report.toolVersion), \(inline(report.cudaEnvironment)), \(report.run.generatedAt). `cu2sycl explain Wnnn` explains a warning.</sub>\n"
    return out
  }

  private static func percent(_ p: Double) -> String { String(format: "%.1f%%", p) }
  private static func row(_ c: CoverageCounts) -> String {
    "\(c.found) | \(c.converted) | \(c.review) | \(c.manual) | \(c.unsupported) | \(percent(c.percent))"
  }
  private static func more(_ n: Int, _ what: String) -> String { n > 0 ? "\n… and \(n) more \(what) (see the JSON or HTML report).\n" : "" }
  /// Table cells cannot hold `|` or line breaks.
  private static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
  /// Text outside code spans: no line breaks, no HTML.
  private static func inline(_ s: String) -> String {
    s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }
}
