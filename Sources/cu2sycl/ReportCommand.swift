import ArgumentParser
import CU2SYCL
import Foundation

/// `cu2sycl report render|diff|merge`: work on JSON reports written by earlier runs.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Render, compare or merge JSON reports of earlier runs.",
    subcommands: [Render.self, Diff.self, Merge.self])

  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render a JSON report as text, json, csv, md, html or sarif.")
    @Argument(help: "A JSON report (--report json=PATH).") var report: String
    @Option(help: "text, json, csv, md, html or sarif.") var format: String
    @Option(name: [.short, .customLong("output")], help: "Where to write (a directory for html); standard output when omitted.")
    var output: String?
    @Option(name: .customLong("input-root"), help: "Where the CUDA inputs are now (html side-by-side pages); the report's input root by default.")
    var inputRoot: String?
    @Option(name: .customLong("output-root"), help: "Where the migrated outputs are now (html); the report's output root by default.")
    var outputRoot: String?

    func run() throws {
      guard let format = ReportFormat(name: format) else {
        throw ValidationError("unknown format '\(format)': use one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      let loaded = try loadReport(report)
      let options = RenderOptions(color: output == nil && TextReport.colorWanted, inputRoot: inputRoot, outputRoot: outputRoot)
      if let output {
        try loaded.write(format, to: output, options: options)
      } else if case .file(let bytes) = try loaded.render(format, options: options) {
        FileHandle.standardOutput.write(Data(bytes))
      } else {
        throw ValidationError("the \(format.rawValue) report is a directory: give it one with --output DIR")
      }
    }
  }

  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare two JSON reports: coverage change, per-file changes, new and resolved findings.",
      discussion: "A regression is a drop of the percentage, a new manual or unsupported finding, or a file that now fails.")
    @Argument(help: "The base report (for example of the main branch).") var base: String
    @Argument(help: "The report to compare with it.") var head: String
    @Option(help: "text, md or json.") var format = "text"
    @Option(name: [.short, .customLong("output")], help: "Write the comparison to this file instead of standard output.") var output: String?
    @Flag(name: .customLong("fail-on-regression"), help: "Exit with status 4 when the head regressed.") var failOnRegression = false

    func run() throws {
      let diff = ReportDiff(base: try loadReport(base), head: try loadReport(head))
      let bytes: [UInt8]
      switch format.lowercased() {
      case "text", "txt": bytes = Array(diff.text().utf8)
      case "md", "markdown": bytes = Array(diff.markdown().utf8)
      case "json": bytes = [UInt8](try diff.json())
      default: throw ValidationError("report diff writes text, md or json, not '\(format)'")
      }
      if let output { try FileWriter.write(bytes, to: output) } else { FileHandle.standardOutput.write(Data(bytes)) }
      if failOnRegression && diff.isRegression {
        printError("cu2sycl: regression: " + diff.regressions.joined(separator: "; "))
        throw ExitCode(ExitStatus.regression)
      }
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge the JSON reports of a sharded run into one JSON report.")
    @Argument(help: "The reports to merge.") var reports: [String]
    @Option(name: [.short, .customLong("output")], help: "The merged JSON report.") var output: String

    func run() throws {
      guard reports.count >= 1 else { throw ValidationError("give the reports to merge") }
      let merged: MigrationReport
      do { merged = try MigrationReport.merge(try reports.map(loadReport)) } catch let error as MigrationReport.MergeError {
        printError("cu2sycl: error: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
      try FileWriter.write([UInt8](try merged.json()), to: output)
      print(TextReport.render(merged, color: TextReport.colorWanted), terminator: "")
    }
  }
}

/// Reads a JSON report, or exits with status 2 and a clear message.
func loadReport(_ path: String) throws -> MigrationReport {
  guard let data = FileManager.default.contents(atPath: path) else {
    printError("cu2sycl: error: cannot read the report \(path)")
    throw ExitCode(ExitStatus.usage)
  }
  do { return try MigrationReport.load(data) } catch {
    printError("cu2sycl: error: \(path) is not a cu2sycl JSON report: \(describe(error))")
    throw ExitCode(ExitStatus.usage)
  }
}

private func describe(_ error: Error) -> String {
  switch error {
  case DecodingError.dataCorrupted(let c): return c.debugDescription + (c.underlyingError.map { " (\($0.localizedDescription))" } ?? "")
  case DecodingError.keyNotFound(let key, let c): return "missing '\(key.stringValue)' at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
  case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
    return "\(c.debugDescription) at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
  default: return "\(error)"
  }
}
