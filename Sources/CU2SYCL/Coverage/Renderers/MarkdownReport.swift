/// Markdown sized for a GitHub Actions step summary or a pull-request comment.
public enum MarkdownReport {
  public static func render(_ report: MigrationReport) -> String { "" }
}
