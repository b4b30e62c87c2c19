import CU2SYCL
import Foundation
import XCTest

/// Every rule's CUDA->SYCL examples: the migration must produce exactly the documented SYCL, convert
/// every occurrence, and the SYCL must type-check against the real SYCL 2020 headers.
final class RuleExampleTests: XCTestCase {
  func testEveryRuleHasIdentityAndExamples() {
    var ids = Set<String>()
    for rule in RuleRegistry.rules {
      XCTAssertTrue(ids.insert(rule.id).inserted, "duplicate rule id \(rule.id)")
      XCTAssertFalse(rule.summary.isEmpty, rule.id)
      XCTAssertFalse(rule.covers.isEmpty, rule.id)
      XCTAssertFalse(rule.examples.isEmpty, "\(rule.id) has no examples")
    }
  }

  func testExamplesMigrateAsDocumented() throws {
    let out = TestSupport.temporaryDirectory("examples")
    var files: [String] = []
    for rule in RuleRegistry.rules {
      for (n, example) in rule.examples.enumerated() {
        let (sycl, report, outputs) = try TestSupport.migrate("#include <cuda_runtime.h>\n" + example.cuda)
        let runtime = outputs[RuntimeHeader.relativePath] != nil ? "#include \"cu2sycl/runtime.hpp\"\n" : ""
        XCTAssertEqual(sycl, "#include <sycl/sycl.hpp>\n" + runtime + example.sycl, "rule \(rule.id), example \(n + 1)")
        // Examples of what is flagged show the warning; all others convert everything.
        if !example.sycl.contains("CU2SYCL-W") {
          XCTAssertEqual(report.totals.converted, report.totals.found,
                         "rule \(rule.id), example \(n + 1): not everything converted: \(report.occurrences.filter { $0.outcome != .converted }.map(\.name))")
        }
        if rule.claimsOccurrences {
          XCTAssertTrue(report.occurrences.contains { $0.rule == rule.id }, "rule \(rule.id), example \(n + 1) does not exercise the rule")
        }
        let path = out + "/\(rule.id)-\(n + 1).cpp"
        TestSupport.write(sycl, to: path)
        // What is flagged manual is left as CUDA for a person, so it need not compile yet; code converted
        // with a review finding must compile.
        let manual = report.occurrences.contains { $0.outcome == .manual || $0.outcome == .unsupported }
          || Self.manualCommentFindings.contains { sycl.contains("CU2SYCL-\($0):") }
        if !manual { files.append(path) }
      }
    }
    TestSupport.write(RuntimeHeader.contents(Set(RuntimeHelper.allCases)), to: out + "/" + RuntimeHeader.relativePath)
    TestSupport.write(GraphicsRuntime.glInteropHeader(Set(RuntimeHelper.allCases)), to: out + "/" + GraphicsRuntime.glInteropPath)
    if let failure = TestSupport.typeCheck(files, includeDirectory: out) { XCTFail("an example does not type-check:\n\(failure)") }
  }

  /// Manual findings written only as a comment, on code that is no CUDA occurrence and stays as written
  /// (so the report has no manual occurrence for it): W008's host call of a function that now takes the
  /// nd_item.
  private static let manualCommentFindings = [Warnings.hostDeviceItem.id]
}
