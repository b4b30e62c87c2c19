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
    // One run for all the warnings and one for all the covered names (a process per topic is slow).
    let warnings = TestSupport.run([TestSupport.cliBinary, "explain"] + Warnings.all.map(\.id))
    XCTAssertEqual(warnings.status, 0, warnings.output)
    for w in Warnings.all { XCTAssertTrue(warnings.output.contains("CU2SYCL-\(w.id): \(w.title)\n\n\(w.explanation)"), w.id) }
    let names = RuleRegistry.rules.flatMap { rule in rule.covers.map { (name: $0, rule: rule.id) } }
    let covered = TestSupport.run([TestSupport.cliBinary, "explain"] + names.map(\.name))
    XCTAssertEqual(covered.status, 0, covered.output)
    for (name, _) in names {
      // The first rule that covers a name explains it.
      let owner = RuleRegistry.rules.first { $0.covers.contains(name) }!.id
      XCTAssertTrue(covered.output.contains("\(name) is handled by the rule '\(owner)'"), name)
    }
    let unknown = TestSupport.run([TestSupport.cliBinary, "explain", "W001", "W999"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.output.contains("nothing known about 'W999'"), unknown.output)
  }
}
