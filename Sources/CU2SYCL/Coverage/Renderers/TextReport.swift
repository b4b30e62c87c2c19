import Foundation

/// The terminal summary printed after a run: a compact table per file, the totals, the effort left
/// and the most frequent unsupported names. Colors only when asked (a TTY without NO_COLOR).
public enum TextReport {
  public static func render(_ report: MigrationReport, color: Bool = false) -> String {
    let paint = Paint(enabled: color)
    let rows = report.files.filter { $0.counts.found > 0 || $0.status == .failed || $0.hasErrors }
    let width = max(24, rows.map { $0.input.count }.max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func num(_ v: Int) -> String { let s = String(v); return String(repeating: " ", count: max(0, 8 - s.count)) + s }
    func cells(_ c: CoverageCounts) -> String {
      let s = String(format: "%.1f%%", c.percent)
      let percent = String(repeating: " ", count: max(0, 8 - s.count)) + s
      return num(c.found) + num(c.converted) + paint.outcome(.review, num(c.review), when: c.review > 0)
        + paint.outcome(.manual, num(c.manual), when: c.manual > 0)
        + paint.outcome(.unsupported, num(c.unsupported), when: c.unsupported > 0) + " " + paint.percent(c.percent, percent)
    }
    var out = paint.bold(pad("file", width) + "   found    conv  review  manual  unsupp  percent") + "\n"
    for f in rows {
      var line = pad(f.input, width) + " " + cells(f.counts)
      if f.status == .failed { line += "  " + paint.outcome(.unsupported, "FAILED") } else if f.hasErrors { line += "  (parse errors)" }
      out += line + "\n"
    }
    let t = report.totals
    out += paint.bold(pad("total", width)) + " " + cells(t) + "\n"
    let unsupported = topUnsupported(report)
    if !unsupported.isEmpty {
      out += "top unsupported: " + unsupported.prefix(8).map { "\($0.0) (\($0.1))" }.joined(separator: ", ") + "\n"
    }
    let e = report.effort
    if e.low + e.medium + e.high > 0 {
      out += String(format: "effort left: %d low, %d medium, %d high (about %.1f hours); %d of %d lines need attention\n",
                    e.low, e.medium, e.high, e.hours, report.lines.attention, report.lines.total)
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

  /// Whether standard output should get colors: a terminal, and no NO_COLOR (https://no-color.org).
  public static var colorWanted: Bool {
    let env = ProcessInfo.processInfo.environment
    if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
    if env["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) != 0
  }
}

/// ANSI styles, or nothing.
private struct Paint {
  var enabled: Bool
  func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
  func bold(_ s: String) -> String { wrap("1", s) }
  func outcome(_ o: Outcome, _ s: String, when: Bool = true) -> String {
    guard when else { return s }
    switch o {
    case .converted: return wrap("32", s)
    case .review: return wrap("33", s)
    case .manual: return wrap("35", s)
    case .unsupported: return wrap("31", s)
    }
  }
  func percent(_ p: Double, _ s: String) -> String { wrap(p >= 90 ? "32" : p >= 70 ? "33" : "31", s) }
}
