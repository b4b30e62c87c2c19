/// CSV (RFC 4180): one row per occurrence, for spreadsheets and scripts. Converted occurrences are
/// included, so filtering on `outcome` gives any view; the columns are the JSON report's names.
public enum CSVReport {
  public static let columns = ["file", "line", "column", "kind", "category", "name", "context", "function",
                               "outcome", "warning", "effort", "rule", "message"]

  public static func render(_ report: MigrationReport) -> String {
    var out = columns.joined(separator: ",") + "\r\n"
    for o in report.occurrences.sorted(by: { ($0.file, $0.line, $0.column, $0.name) < ($1.file, $1.line, $1.column, $1.name) }) {
      let row: [String] = [o.file, String(o.line), String(o.column), o.kind.rawValue, o.category.rawValue, o.name,
                           o.context.rawValue, o.function ?? "", o.outcome.rawValue, o.warning ?? "",
                           o.effort?.rawValue ?? "", o.rule ?? "", o.message ?? ""]
      out += row.map(field).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// Quotes a field that holds a comma, quote or line break (quotes doubled). A field that a
  /// spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe inside quotes.
  public static func field(_ s: String) -> String {
    var s = s
    if let first = s.first, "=+-@".contains(first) { s = "'" + s }
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix("'") else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
