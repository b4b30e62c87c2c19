@testable import CU2SYCL
import XCTest

final class RewriterTests: XCTestCase {
  private func text(_ s: String) -> SourceText { SourceText(path: "f.cu", string: s) }

  func testUntouchedBytesStayIdentical() {
    let original = "a /* keep */\r\n  b\tc // tail\r\n"
    var r = Rewriter(text: text(original))
    r.add(Edit(file: "f.cu", range: 16..<17, text: "B", rule: "t"))
    XCTAssertEqual(String(decoding: r.apply(), as: UTF8.self), "a /* keep */\r\n  B\tc // tail\r\n")
    XCTAssertTrue(r.conflicts.isEmpty)
  }

  func testNestedEditsRenderInsideSourcePieces() {
    // f(g(x), y) -> h(y, G(x)): the outer edit reorders its arguments; the inner edit still applies.
    let t = text("f(g(x), y);")
    var r = Rewriter(text: t)
    r.add(Edit(file: "f.cu", range: 0..<10, pieces: [.text("h("), .source(8..<9), .text(", "), .source(2..<6), .text(")")], rule: "outer"))
    r.add(Edit(file: "f.cu", range: 2..<3, text: "G", rule: "inner"))
    XCTAssertEqual(String(decoding: r.apply(), as: UTF8.self), "h(y, G(x));")
    XCTAssertTrue(r.conflicts.isEmpty)
  }

  func testPartialOverlapIsAConflictNotACorruption() {
    var r = Rewriter(text: text("abcdef"))
    r.add(Edit(file: "f.cu", range: 0..<3, text: "X", rule: "first"))
    r.add(Edit(file: "f.cu", range: 2..<5, text: "Y", rule: "second"))
    XCTAssertEqual(String(decoding: r.apply(), as: UTF8.self), "Xdef")
    XCTAssertEqual(r.conflicts.count, 1)
    XCTAssertEqual(r.conflicts.first?.dropped.rule, "second")
  }

  func testEditHiddenInsideAReplacementIsReported() {
    var r = Rewriter(text: text("abcdef"))
    r.add(Edit(file: "f.cu", range: 0..<6, text: "Z", rule: "outer"))
    r.add(Edit(file: "f.cu", range: 2..<3, text: "C", rule: "inner"))
    XCTAssertEqual(String(decoding: r.apply(), as: UTF8.self), "Z")
    XCTAssertEqual(r.conflicts.map(\.dropped.rule), ["inner"])
  }

  func testInsertionsAtOnePositionKeepTheirOrder() {
    var r = Rewriter(text: text("x"))
    r.add(Edit(file: "f.cu", range: 0..<0, text: "1", rule: "a"))
    r.add(Edit(file: "f.cu", range: 0..<0, text: "2", rule: "b"))
    r.add(Edit(file: "f.cu", range: 0..<1, text: "y", rule: "c"))
    XCTAssertEqual(String(decoding: r.apply(), as: UTF8.self), "12y")
  }

  func testNonUTF8BytesSurvive() {
    var bytes = Array("// caf".utf8) + [0xE9] + Array("\nint k;\n".utf8)
    let t = SourceText(path: "f.cu", bytes: bytes)
    var r = Rewriter(text: t)
    r.add(Edit(file: "f.cu", range: 11..<14, text: "long", rule: "t"))
    bytes.replaceSubrange(11..<14, with: Array("long".utf8))
    XCTAssertEqual(r.apply(), bytes)
  }
}
