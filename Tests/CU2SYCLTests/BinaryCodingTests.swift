@testable import CU2SYCL
import Foundation
import XCTest

/// The unit cache's binary form (Pipeline/BinaryCoding.swift) gives back exactly what it was given, and a
/// damaged entry is refused, never half-read.
final class BinaryCodingTests: XCTestCase {
  private func sample() -> UnitResult {
    var r = UnitResult(path: "/tree/k.cu")
    var o = Occurrence(kind: .function, name: "cudaMalloc", file: "/tree/k.cu", line: 12, column: -3, offset: 1 << 40, length: 10,
                       context: .host, function: "main")
    o.outcome = .review
    o.rule = "memory-management"
    o.warning = "W010"
    o.message = "héllo \u{1F600} \"quoted\"\n"
    r.occurrences = [o, Occurrence(kind: .builtinVariable, name: "threadIdx.x", file: "/tree/k.cuh", line: 1, column: 1, offset: 0,
                                   length: 11, context: .kernel, function: nil)]
    r.edits = [Edit(file: "/tree/k.cu", range: 5..<9, pieces: [.text("a"), .source(6..<8), .text("")], rule: "r1"),
               Edit(file: "/tree/k.cu", range: 3..<3, pieces: [], rule: "r2")]
    r.warningComments = ["/tree/k.cu": [0: ["// one", "// two"], 40: ["// three"]]]
    r.helpers = ["/tree/k.cu": [.defaultQueue, .errorString]]
    r.filesUsingCMath = ["/tree/k.cu"]
    r.diagnostics = [LocatedDiagnostic(file: "/tree/k.cu", line: 3, column: 4, severity: "error", message: "bad")]
    r.plan = KernelPlan.Summary(requirements: ["c:@F@k": 2], sharedDimensionEdges: [("a", "b")], dimensions: ["c:@F@k": 3])
    r.dependencies = ["/tree/k.cu", "/tree/k.cuh"]
    return r
  }

  private func encoded(_ r: UnitResult) -> [UInt8] {
    var w = BinaryWriter()
    r.write(to: &w)
    return w.bytes
  }

  func testRoundTripKeepsEveryField() throws {
    let original = sample()
    var reader = BinaryReader(encoded(original))
    let decoded = try UnitResult(from: &reader)
    XCTAssertTrue(reader.isAtEnd)
    XCTAssertEqual(decoded.path, original.path)
    XCTAssertEqual(decoded.occurrences, original.occurrences)
    XCTAssertEqual(decoded.edits, original.edits)
    XCTAssertEqual(decoded.warningComments, original.warningComments)
    XCTAssertEqual(decoded.helpers, original.helpers)
    XCTAssertEqual(decoded.filesUsingCMath, original.filesUsingCMath)
    XCTAssertEqual(decoded.diagnostics, original.diagnostics)
    XCTAssertEqual(decoded.plan?.requirements, original.plan?.requirements)
    XCTAssertEqual(decoded.plan?.dimensions, original.plan?.dimensions)
    XCTAssertEqual(decoded.plan?.sharedDimensionEdges.map { [$0.0, $0.1] }, [["a", "b"]])
    XCTAssertEqual(decoded.dependencies, original.dependencies)
    // The same result always gives the same bytes (dictionaries are written sorted).
    XCTAssertEqual(encoded(decoded), encoded(original))
  }

  func testEveryTruncationAndManyCorruptionsAreRefused() {
    let bytes = encoded(sample())
    for length in 0..<bytes.count {
      var reader = BinaryReader(Array(bytes[0..<length]))
      XCTAssertThrowsError(try UnitResult(from: &reader), "a prefix of \(length) bytes was accepted")
    }
    // Flipped bytes either fail or decode to something; never crash (lengths are checked).
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      var damaged = bytes
      damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      var reader = BinaryReader(damaged)
      _ = try? UnitResult(from: &reader)
    }
  }
}
