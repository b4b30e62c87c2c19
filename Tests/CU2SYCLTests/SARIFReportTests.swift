import CU2SYCL
import Foundation
import XCTest

/// The SARIF rendering: its golden, validity against the official OASIS SARIF 2.1.0 schema, and the
/// mapping choices (results, levels, rules, locations, fingerprints, notifications).
final class SARIFReportTests: XCTestCase {
  private func sarif(_ report: MigrationReport) throws -> [String: Any] {
    try ReportValidation.object(SARIFReport.render(report))
  }

  private func run(_ log: [String: Any]) throws -> [String: Any] {
    try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
  }

  private func results(_ log: [String: Any]) throws -> [[String: Any]] {
    try XCTUnwrap(run(log)["results"] as? [[String: Any]])
  }

  func testGolden() throws {
    let (report, _, _) = try ReportFixture.migrate()
    ReportFixture.assertGolden([UInt8](try SARIFReport.render(report)), "report.sarif")
  }

  func testValidAgainstTheOASISSchema() throws {
    let (report, _, _) = try ReportFixture.migrate()
    let r = try ReportValidation.validate(SARIFReport.render(report), schema: ReportValidation.sarifSchema)
    XCTAssertEqual(r.status, 0, r.output)
  }

  /// The validation is real: documents that break the schema are rejected.
  func testValidationRejectsBrokenLogs() throws {
    let (report, _, _) = try ReportFixture.migrate()
    let good = try sarif(report)
    var noVersion = good
    noVersion["version"] = nil
    var badLevel = good
    var runs = try XCTUnwrap(badLevel["runs"] as? [[String: Any]])
    var results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
    results[0]["level"] = "fatal"
    runs[0]["results"] = results
    badLevel["runs"] = runs
    for (broken, expected) in [(noVersion, "'version' is a required property"), (badLevel, "'fatal'")] {
      let r = try ReportValidation.validate(ReportValidation.data(broken), schema: ReportValidation.sarifSchema)
      XCTAssertEqual(r.status, 1, r.output)
      XCTAssertTrue(r.output.contains(expected), r.output)
    }
  }

  func testOneResultPerFindingWithItsRuleAndLevel() throws {
    let (report, _, _) = try ReportFixture.migrate()
    let log = try sarif(report)
    let results = try results(log)
    XCTAssertEqual(results.count, report.findings.count)
    XCTAssertEqual(report.findings.count, report.occurrences.count - report.totals.converted)
    let levels = ["review": "note", "manual": "warning", "unsupported": "error"]
    for r in results {
      let properties = try XCTUnwrap(r["properties"] as? [String: Any])
      let outcome = try XCTUnwrap(properties["outcome"] as? String)
      XCTAssertEqual(r["level"] as? String, levels[outcome])
      if outcome == "unsupported" { XCTAssertEqual(r["ruleId"] as? String, "W001") }
    }
    // The rules are the warnings used, sorted, and each result points at its rule by index.
    let driver = try XCTUnwrap((run(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    XCTAssertEqual(ids, Set(report.findings.compactMap(\.warning)).sorted())
    for r in results { XCTAssertEqual(ids[try XCTUnwrap(r["ruleIndex"] as? Int)], r["ruleId"] as? String) }
    let asm = try XCTUnwrap(rules.first { $0["id"] as? String == Warnings.inlineAssembly.id })
    XCTAssertEqual(asm["name"] as? String, "InlinePTXAssembly")
    XCTAssertEqual((asm["shortDescription"] as? [String: Any])?["text"] as? String, Warnings.inlineAssembly.title)
    XCTAssertEqual((asm["help"] as? [String: Any])?["text"] as? String, Warnings.inlineAssembly.explanation)
    XCTAssertEqual((asm["properties"] as? [String: Any])?["effort"] as? String, "high")
    XCTAssertEqual((asm["defaultConfiguration"] as? [String: Any])?["level"] as? String, "warning")
  }

  /// A finding keeps its fingerprint when code above it moves; findings that differ do not share one.
  func testFingerprintsIgnoreLineMovesButTellFindingsApart() throws {
    var (report, _, _) = try ReportFixture.migrate()
    func fingerprints(_ report: MigrationReport) throws -> [String] {
      try results(sarif(report)).map { try XCTUnwrap(($0["partialFingerprints"] as? [String: String])?["cu2syclFinding/v1"]) }
    }
    let before = try fingerprints(report)
    XCTAssertEqual(Set(before).count, before.count, "two findings share a fingerprint")
    XCTAssertTrue(before.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    for i in report.occurrences.indices {
      report.occurrences[i].line += 7
      report.occurrences[i].offset += 120
    }
    XCTAssertEqual(try fingerprints(report), before)
    let i = try XCTUnwrap(report.occurrences.firstIndex { $0.outcome == .unsupported })
    report.occurrences[i].name = "cudaDeviceGetByPCIBusId"
    XCTAssertNotEqual(try fingerprints(report), before)
  }

  func testLocationsAreRelativeToSRCROOTAndPercentEncoded() throws {
    var (report, _, _) = try ReportFixture.migrate()
    report.inputRoot = "/work/my project#1"
    let i = try XCTUnwrap(report.occurrences.firstIndex { $0.outcome == .unsupported })
    report.occurrences[i].file = "kernels/old code/b+tree ünï 100%:#?.cu"
    let data = try SARIFReport.render(report)
    let validation = try ReportValidation.validate(data, schema: ReportValidation.sarifSchema)
    XCTAssertEqual(validation.status, 0, validation.output)
    let log = try ReportValidation.object(data)
    let base = try XCTUnwrap(run(log)["originalUriBaseIds"] as? [String: [String: String]])
    XCTAssertEqual(base["SRCROOT"]?["uri"], "file:///work/my%20project%231/")
    let o = report.occurrences[i]
    let result = try XCTUnwrap(results(log).first { ($0["properties"] as? [String: Any])?["outcome"] as? String == "unsupported" })
    let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
    let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: String])
    XCTAssertEqual(artifact["uri"], "kernels/old%20code/b+tree%20%C3%BCn%C3%AF%20100%25%3A%23%3F.cu")
    XCTAssertEqual(artifact["uriBaseId"], "SRCROOT")
    let region = try XCTUnwrap(physical["region"] as? [String: Int])
    XCTAssertEqual(region, ["startLine": o.line, "startColumn": o.column, "endColumn": o.column + o.name.utf8.count,
                            "byteOffset": o.offset, "byteLength": o.length])
  }

  /// Parse errors make the invocation unsuccessful (as the CLI's exit status) and are reported as
  /// notifications, as are rewrite conflicts; converted-only reports have no results.
  func testFailuresBecomeToolNotifications() throws {
    var (report, _, _) = try ReportFixture.migrate()
    let clean = try XCTUnwrap((run(sarif(report))["invocations"] as? [[String: Any]])?.first)
    XCTAssertEqual(clean["executionSuccessful"] as? Bool, true)
    let i = try XCTUnwrap(report.files.firstIndex { $0.input == "kernels/saxpy.cu" })
    report.files[i].hasErrors = true
    // (LocatedDiagnostic has no public initializer: the frontend makes them.)
    report.files[i].diagnostics = try JSONDecoder().decode([LocatedDiagnostic].self, from: Data("""
      [{"file": "kernels/saxpy.cu", "line": 3, "column": 10, "severity": "error", "message": "'missing.h' file not found"}]
      """.utf8))
    report.conflicts = ["kernels/saxpy.cu: edit at 10..<20 dropped"]
    report.occurrences = report.occurrences.filter { $0.outcome == .converted }
    let data = try SARIFReport.render(report)
    let validation = try ReportValidation.validate(data, schema: ReportValidation.sarifSchema)
    XCTAssertEqual(validation.status, 0, validation.output)
    let run = try run(ReportValidation.object(data))
    XCTAssertEqual((run["results"] as? [Any])?.count, 0)
    let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
    XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
    let notes = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
    XCTAssertEqual(notes.map { $0["level"] as? String }, ["error", "warning"])
    XCTAssertEqual((notes[0]["message"] as? [String: String])?["text"], "'missing.h' file not found")
    let physical = (notes[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    XCTAssertEqual(physical?["region"] as? [String: Int], ["startLine": 3, "startColumn": 10])
    XCTAssertEqual((physical?["artifactLocation"] as? [String: String])?["uri"], "kernels/saxpy.cu")
  }
}
