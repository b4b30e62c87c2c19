import Foundation

/// SARIF 2.1.0 for code-scanning tools (helper `sarif` is writing it).
public enum SARIFReport {
  public static func render(_ report: MigrationReport) throws -> Data { Data("{}".utf8) }
}
