import CU2SYCL
import Foundation
import XCTest

/// Docs/Rules.md is generated from the rules; it must be current (`make docs` rewrites it).
final class DocumentationTests: XCTestCase {
  func testRuleDocumentationIsCurrent() throws {
    let path = TestSupport.repoRoot + "/Docs/Rules.md"
    let generated = RuleDocumentation.markdown()
    if ProcessInfo.processInfo.environment["CU2SYCL_UPDATE_GOLDENS"] == "1" {
      try Data(generated.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    XCTAssertEqual(TestSupport.read(path), generated, "Docs/Rules.md is stale: run `make docs`")
  }

  /// Every warning declared in Warnings.swift is listed in `Warnings.all` (so reports, docs and `explain`
  /// know it), and ids are unique (branches adding warnings in parallel must not reuse a number).
  func testEveryWarningIsListedOnce() throws {
    let source = try XCTUnwrap(TestSupport.read(TestSupport.repoRoot + "/Sources/CU2SYCL/Rules/Warnings.swift"))
    let declared = try NSRegularExpression(pattern: #"id: "(W[0-9]{3})""#)
      .matches(in: source, range: NSRange(source.startIndex..., in: source))
      .map { String(source[Range($0.range(at: 1), in: source)!]) }
    let listed = Warnings.all.map(\.id)
    XCTAssertEqual(Set(listed).count, listed.count, "duplicate warning ids in Warnings.all: \(listed)")
    XCTAssertEqual(Set(declared).count, declared.count, "a warning id is declared twice: \(declared.sorted())")
    XCTAssertEqual(Set(declared), Set(listed), "declared but not in Warnings.all (or the reverse)")
  }

  func testExplainKnowsEveryWarningAndRule() {
    for w in Warnings.all {
      let r = TestSupport.run([TestSupport.cliBinary, "explain", w.id])
      XCTAssertEqual(r.status, 0, w.id)
      XCTAssertTrue(r.output.contains(w.explanation), w.id)
    }
    for rule in RuleRegistry.rules {
      for name in rule.covers {
        let r = TestSupport.run([TestSupport.cliBinary, "explain", name])
        XCTAssertEqual(r.status, 0, name)
        XCTAssertTrue(r.output.contains(rule.id), "\(name): \(r.output)")
      }
    }
    XCTAssertEqual(TestSupport.run([TestSupport.cliBinary, "explain", "W999"]).status, 2)
  }
}
