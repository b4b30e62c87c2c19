/// CSV: one row per occurrence (spreadsheets, SYCLomatic-style line lists).
public enum CSVReport {
  public static func render(_ report: MigrationReport) -> String { "" }
}
