import CU2SYCL
import Foundation
import XCTest

/// The JSON report against its documented schema (Docs/report.schema.json): its golden, validity with a
/// real validator, enums and field lists that cannot drift from the Swift model, and a lossless round trip.
final class ReportSchemaTests: XCTestCase {
  private var schema: [String: Any] {
    get throws { try ReportValidation.object(XCTUnwrap(FileManager.default.contents(atPath: ReportValidation.reportSchema))) }
  }

  private func definition(_ name: String) throws -> [String: Any] {
    try XCTUnwrap((schema["$defs"] as? [String: Any])?[name] as? [String: Any], "no $defs/\(name)")
  }

  /// The fixture report with every optional field set somewhere: a merge count, a failed file with a
  /// diagnostic and no output, a conflict.
  private func fullReport() throws -> MigrationReport {
    var (report, _, _) = try ReportFixture.migrate()
    report.run.mergedFrom = 2
    report.run.extraArguments = ["-DUSE_FAST"]
    let i = try XCTUnwrap(report.files.firstIndex { $0.input == "host/util.cpp" })
    report.files[i].status = .failed
    report.files[i].output = nil
    report.files[i].hasErrors = true
    report.files[i].diagnostics = try JSONDecoder().decode([LocatedDiagnostic].self, from: Data("""
      [{"file": "host/util.cpp", "line": 0, "column": 0, "severity": "error", "message": "cannot read the file"}]
      """.utf8))
    report.conflicts = ["kernels/saxpy.cu: edit at 10..<20 dropped"]
    return report
  }

  func testGolden() throws {
    let (report, _, _) = try ReportFixture.migrate()
    ReportFixture.assertGolden([UInt8](try report.json()), "report.json")
  }

  func testReportsAreValid() throws {
    let (report, _, _) = try ReportFixture.migrate()
    var examined = report
    examined.outputRoot = nil
    for r in [report, try fullReport(), examined] {
      let v = try ReportValidation.validate(r.json(), schema: ReportValidation.reportSchema)
      XCTAssertEqual(v.status, 0, v.output)
    }
  }

  /// The validation is real: a renamed field, an unknown value, a missing derived group and an effort
  /// on a converted occurrence are each rejected.
  func testValidationRejectsBrokenReports() throws {
    let (report, _, _) = try ReportFixture.migrate()
    let good = try ReportValidation.object(report.json())
    var occurrences = try XCTUnwrap(good["occurrences"] as? [[String: Any]])
    let converted = try XCTUnwrap(occurrences.firstIndex { $0["outcome"] as? String == "converted" })
    var renamed = good, unknown = good, missing = good, effort = good
    var o = occurrences
    o[0]["line_number"] = o[0].removeValue(forKey: "line")
    renamed["occurrences"] = o
    o = occurrences
    o[0]["outcome"] = "skipped"
    unknown["occurrences"] = o
    missing["apis"] = nil
    occurrences[converted]["effort"] = "low"
    effort["occurrences"] = occurrences
    for (broken, expected) in [(renamed, "'line_number' was unexpected"), (unknown, "'skipped' is not one of"),
                               (missing, "'apis' is a required property"), (effort, "should not be valid")] {
      let v = try ReportValidation.validate(ReportValidation.data(broken), schema: ReportValidation.reportSchema)
      XCTAssertEqual(v.status, 1, v.output)
      XCTAssertTrue(v.output.contains(expected), "expected \(expected) in:\n\(v.output)")
    }
  }

  func testEnumsMatchTheSwiftModel() throws {
    func values(_ name: String) throws -> [String] { try XCTUnwrap(definition(name)["enum"] as? [String]) }
    XCTAssertEqual(try values("outcome"), Outcome.allCases.map(\.rawValue))
    XCTAssertEqual(try values("constructKind"), ConstructKind.allCases.map(\.rawValue))
    XCTAssertEqual(try values("codeContext"), CodeContext.allCases.map(\.rawValue))
    XCTAssertEqual(try values("category"), Category.allCases.map(\.rawValue))
    XCTAssertEqual(try values("effort"), Effort.allCases.map(\.rawValue))
    XCTAssertEqual(try values("fileStatus"), FileStatus.allCases.map(\.rawValue))
    let version = try XCTUnwrap((schema["properties"] as? [String: Any])?["schemaVersion"] as? [String: Any])
    XCTAssertEqual(version["const"] as? Int, MigrationReport.schemaVersion)
    XCTAssertTrue(Warnings.all.allSatisfy { $0.id.range(of: "^W[0-9]{3}$", options: .regularExpression) != nil })
  }

  /// Every field the schema documents is one the report writes (with all optional fields set), so a
  /// removed or renamed field cannot stay documented (validation catches the other direction).
  func testSchemaDocumentsExactlyTheFieldsWritten() throws {
    let report = try ReportValidation.object(fullReport().json())
    func keys(_ objects: [Any]?) -> Set<String> {
      Set((objects ?? []).flatMap { ($0 as? [String: Any])?.keys.map { $0 } ?? [] })
    }
    func documented(_ definition: [String: Any]) -> Set<String> {
      Set((definition["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }
    let files = report["files"] as? [Any]
    let groups = ["directories", "categories", "apis"].flatMap { report[$0] as? [Any] ?? [] }
    let counts = [report["totals"]!] + ((files ?? []) + groups).compactMap { ($0 as? [String: Any])?["counts"] }
    let checks: [(String, Set<String>, [String: Any])] = [
      ("report", Set(report.keys), try schema),
      ("run", keys([report["run"]!]), try definition("runInfo")),
      ("files", keys(files), try definition("fileReport")),
      ("diagnostics", keys((files ?? []).flatMap { ($0 as? [String: Any])?["diagnostics"] as? [Any] ?? [] }), try definition("diagnostic")),
      ("occurrences", keys(report["occurrences"] as? [Any]), try definition("occurrence")),
      ("directories", keys(report["directories"] as? [Any]), try definition("directoryTotals")),
      ("categories", keys(report["categories"] as? [Any]), try definition("categoryTotals")),
      ("apis", keys(report["apis"] as? [Any]), try definition("apiTotals")),
      ("counts", keys(counts), try definition("counts")),
      ("effort", keys([report["effort"]!] + groups.compactMap { ($0 as? [String: Any])?["effort"] }), try definition("effortCounts")),
      ("lines", keys([report["lines"]!]), try definition("lineCounts")),
    ]
    for (name, written, definition) in checks {
      XCTAssertEqual(documented(definition), written, "\(name): the schema's properties differ from the fields written")
    }
  }

  /// A report read back is the same report: its JSON is byte for byte the JSON it was read from.
  func testRoundTripIsByteIdentical() throws {
    for report in [try ReportFixture.migrate().report, try fullReport()] {
      let json = try report.json()
      XCTAssertEqual(String(decoding: try MigrationReport.load(json).json(), as: UTF8.self), String(decoding: json, as: UTF8.self))
    }
  }
}
