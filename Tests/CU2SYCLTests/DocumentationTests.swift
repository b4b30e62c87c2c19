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

  /// The warnings no rule example can raise, each with the reason. Keep it short: every other warning is
  /// shown by an example (`cu2sycl explain Wnnn` prints the shortest).
  static let warningsWithoutExample: [String: String] = [
    "W004": "a fallback for a launch's stream that clang places in no migrated file (a macro from a header outside them); a stream written through the file's own macro is rewritten (cu2sycl::queue(STREAM(i))), so a one-file example cannot raise it",
    "W005": "a fallback for dim3 spelled through a macro from a header outside the migrated files, or a dimension set on a range that lacks it; in one file every dim3 converts (a local range widens to the dimensions it is given)",
    "W006": "overlapping rewrites are a cu2sycl bug: a correct example never produces them",
    "W009": "a parse error is a property of the input (missing -I/-D flags), not of any rule's conversion",
  ]

  /// Every warning (but the exemptions above) has a rule example whose SYCL carries it, so `explain`
  /// shows what the finding looks like in code; an exemption that gains an example is stale.
  func testEveryWarningHasAnExample() throws {
    for w in Warnings.all where Self.warningsWithoutExample[w.id] == nil {
      XCTAssertFalse(Explanation.examples(raising: w).isEmpty,
                     "no rule example raises \(w.id) (\(w.title)): add one to the rule that raises it, or exempt it here with the reason")
    }
    for (id, reason) in Self.warningsWithoutExample.sorted(by: { $0.key < $1.key }) {
      let w = try XCTUnwrap(Warnings.kind(id: id), "exempt \(id) is not a warning")
      XCTAssertFalse(reason.isEmpty, id)
      XCTAssertTrue(Explanation.examples(raising: w).isEmpty, "\(id) has an example now: remove its exemption")
    }
  }

  func testExplainKnowsEveryWarningAndRule() {
    // One run for all the warnings and one for all the covered names (a process per topic is slow); the
    // CLI prints the library's explanations, separated by a blank line.
    let warnings = TestSupport.run([TestSupport.cliBinary, "explain"] + Warnings.all.map(\.id))
    XCTAssertEqual(warnings.status, 0, warnings.output)
    XCTAssertEqual(warnings.output, Warnings.all.map { Explanation.text(for: $0.id)! }.joined(separator: "\n\n") + "\n")
    for w in Warnings.all {
      let text = Explanation.text(for: w.id)!
      XCTAssertTrue(text.hasPrefix("CU2SYCL-\(w.id): \(w.title)\n\n\(w.explanation)"), w.id)
      let shown = Self.shownExamples(text)
      // A warning that some example raises shows one such example, the shortest.
      if let raising = Explanation.examples(raising: w).first {
        XCTAssertEqual(shown.count, 1, w.id)
        XCTAssertEqual(shown.first?.rule, raising.rule, w.id)
        XCTAssertTrue(shown.first?.sycl.contains("CU2SYCL-\(w.id):") == true, w.id)
        XCTAssertTrue(text.contains("examples of the rule"), w.id)
      } else {
        XCTAssertTrue(shown.isEmpty, w.id)
      }
    }

    let names = RuleRegistry.rules.flatMap { rule in rule.covers.map { (name: $0, rule: rule.id) } }
    let covered = TestSupport.run([TestSupport.cliBinary, "explain"] + names.map(\.name))
    XCTAssertEqual(covered.status, 0, covered.output)
    XCTAssertEqual(covered.output, names.map { Explanation.text(for: $0.name)! }.joined(separator: "\n\n") + "\n")
    for (name, _) in names {
      // The first rule that covers a name explains it.
      let owner = RuleRegistry.rules.first { $0.covers.contains(name) }!.id
      let text = Explanation.text(for: name)!
      XCTAssertTrue(text.hasPrefix("\(name) is handled by the rule '\(owner)'"), name)
      let shown = Self.shownExamples(text)
      XCTAssertFalse(shown.isEmpty, name)
      XCTAssertLessThanOrEqual(shown.count, 2, name)
      // Shown examples mention the name; only when none does, one example of the rule stands in.
      if text.contains("No example shows \(name) directly") {
        XCTAssertTrue(Explanation.examples(mentioning: name).isEmpty, name)
        XCTAssertEqual(shown.map(\.rule), [owner], name)
      } else {
        for example in shown { XCTAssertTrue(Explanation.mentions(name, in: example.cuda), "\(name) not in the example shown:\n\(example.cuda)") }
      }
    }
    let unknown = TestSupport.run([TestSupport.cliBinary, "explain", "W001", "W999"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.output.contains("nothing known about 'W999'"), unknown.output)
  }

  /// cudaMemcpy is not shown by an example of cudaMemcpy2D only, and the reverse.
  func testExplainShowsExamplesOfTheNameItself() throws {
    let memcpy2D = Self.shownExamples(try XCTUnwrap(Explanation.text(for: "cudaMemcpy2D")))
    XCTAssertFalse(memcpy2D.isEmpty)
    for example in memcpy2D { XCTAssertTrue(Self.containsWord("cudaMemcpy2D", example.cuda), example.cuda) }
    let memcpy = Self.shownExamples(try XCTUnwrap(Explanation.text(for: "cudaMemcpy")))
    XCTAssertFalse(memcpy.isEmpty)
    for example in memcpy { XCTAssertTrue(Self.containsWord("cudaMemcpy", example.cuda), example.cuda) }
    XCTAssertEqual(Explanation.examples(mentioning: "cudaMemcpy").filter { !Self.containsWord("cudaMemcpy", $0.example.cuda) }.count, 0)
  }

  func testExplanationTopics() throws {
    XCTAssertFalse(Explanation.mentions("cudaMemcpy", in: "cudaMemcpy2D(d, p);"))
    XCTAssertFalse(Explanation.mentions("cudaMemcpy", in: "my_cudaMemcpy(d);"))
    XCTAssertTrue(Explanation.mentions("cudaMemcpy", in: "cudaMemcpy2D(a); cudaMemcpy(b);"))
    XCTAssertTrue(Explanation.mentions("<<<>>>", in: "k<<<>>>"))
    XCTAssertTrue(Explanation.mentions("CU_EVENT_*", in: "cuEventCreate(&e, CU_EVENT_DEFAULT);"))
    XCTAssertFalse(Explanation.mentions("CU_EVENT_*", in: "MY_CU_EVENT_DEFAULT"))
    // Every spelling of a warning id.
    let w012 = try XCTUnwrap(Explanation.text(for: "W012"))
    XCTAssertEqual(Explanation.text(for: "w012"), w012)
    XCTAssertEqual(Explanation.text(for: "CU2SYCL-W012"), w012)
    XCTAssertEqual(Explanation.text(for: "cu2sycl-w012"), w012)
    XCTAssertTrue(w012.contains("\n\nEffort per finding: \(Warnings.clock.effort.rawValue) (about "), w012)
    XCTAssertTrue(w012.contains("Shown in the examples of the rule 'device-restrictions'."), w012)
    XCTAssertTrue(w012.contains("Example (rule device-restrictions):\nCUDA:\n"), w012)
    // A rule id: its summary, what it covers and all its examples.
    let rule = try XCTUnwrap(RuleRegistry.rule(id: "pitched-memory"))
    let ruleText = try XCTUnwrap(Explanation.text(for: "pitched-memory"))
    XCTAssertTrue(ruleText.hasPrefix("Rule 'pitched-memory': \(rule.summary)\n\nCovers: cudaMallocPitch"), ruleText)
    XCTAssertEqual(Self.shownExamples(ruleText).count, rule.examples.count)
    XCTAssertNil(Explanation.text(for: "W999"))
    XCTAssertNil(Explanation.text(for: "cudaNoSuchCall"))
  }

  /// The examples an explanation shows: `Example ...:` then `CUDA:`, the CUDA, `SYCL:`, the SYCL.
  private static func shownExamples(_ text: String) -> [(rule: String?, cuda: String, sycl: String)] {
    text.components(separatedBy: "\n\nExample ").dropFirst().map { part in
      let head = part.prefix { $0 != "\n" }
      let rule = head.hasPrefix("(rule ") ? String(head.dropFirst("(rule ".count).dropLast("):".count)) : nil
      let body = part.components(separatedBy: "\nCUDA:\n").dropFirst().joined(separator: "\nCUDA:\n")
      let halves = body.components(separatedBy: "\nSYCL:\n")
      return (rule, halves[0], halves.dropFirst().joined(separator: "\nSYCL:\n"))
    }
  }

  private static func containsWord(_ word: String, _ text: String) -> Bool {
    text.range(of: "\\b\(word)\\b", options: .regularExpression) != nil
  }
}
