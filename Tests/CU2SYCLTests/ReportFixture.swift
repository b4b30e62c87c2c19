import CU2SYCL
import Foundation
import XCTest

/// The small tree the report renderers' golden tests run on (Fixtures/reports/tree): converted code,
/// review, manual and unsupported findings, a subdirectory and plain C++ that is copied.
enum ReportFixture {
  static let tree = TestSupport.fixtures + "/reports/tree"
  static let expected = TestSupport.fixtures + "/reports/expected"

  /// The tree migrated into a fresh output directory. The report's machine-dependent facts (roots,
  /// time, version, CUDA environment path) are replaced by fixed values so renderings are comparable;
  /// `options` points the HTML renderer at the real input and output trees.
  static func migrate() throws -> (report: MigrationReport, options: RenderOptions, output: String) {
    let output = TestSupport.temporaryDirectory("report-out")
    var report = try Migrator(options: { var o = MigrationOptions(inputRoot: tree, outputRoot: output); o.force = true; return o }()).run()
    normalize(&report)
    return (report, RenderOptions(inputRoot: tree, outputRoot: output), output)
  }

  static func normalize(_ report: inout MigrationReport) {
    report.inputRoot = "/work/project"
    report.outputRoot = report.outputRoot.map { _ in "/work/project-sycl" }
    report.toolVersion = "0.0.0-test"
    report.cudaEnvironment = "bundled: cu2sycl's CUDA declarations"
    report.run.generatedAt = "2026-01-01T00:00:00Z"
  }

  /// Compares a rendering with Fixtures/reports/expected/NAME; CU2SYCL_UPDATE_GOLDENS=1 rewrites it.
  static func assertGolden(_ actual: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = expected + "/" + name
    if ProcessInfo.processInfo.environment["CU2SYCL_UPDATE_GOLDENS"] == "1" {
      try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data(actual))
      return
    }
    guard let want = FileManager.default.contents(atPath: path) else {
      return XCTFail("no golden \(path): run with CU2SYCL_UPDATE_GOLDENS=1 and review it", file: file, line: line)
    }
    XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: want, as: UTF8.self),
                   "\(name) differs from its golden (CU2SYCL_UPDATE_GOLDENS=1 rewrites it; review the diff)", file: file, line: line)
  }
}
