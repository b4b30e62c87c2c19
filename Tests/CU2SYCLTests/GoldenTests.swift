import CU2SYCL
import Foundation
import XCTest

/// Each fixture program (Fixtures/programs/*, Fixtures/demo) migrates to exactly the SYCL committed
/// next to it. Set CU2SYCL_UPDATE_GOLDENS=1 to rewrite the expected files after a deliberate change
/// (`make goldens`), then review the diff.
final class GoldenTests: XCTestCase {
  static var programDirectories: [String] {
    let programs = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures + "/programs")) ?? []
    return programs.sorted().map { TestSupport.fixtures + "/programs/" + $0 } + [TestSupport.fixtures + "/demo"]
  }

  func testFixturesMatchGoldenOutputs() throws {
    let update = ProcessInfo.processInfo.environment["CU2SYCL_UPDATE_GOLDENS"] == "1"
    XCTAssertGreaterThanOrEqual(Self.programDirectories.count, 13)
    for dir in Self.programDirectories {
      let input = TestSupport.temporaryDirectory("golden")
      defer { try? FileManager.default.removeItem(atPath: input) }
      let inputs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".cu") || $0.hasSuffix(".cuh") }
      XCTAssertFalse(inputs.isEmpty, dir)
      for name in inputs { try FileManager.default.copyItem(atPath: dir + "/" + name, toPath: input + "/" + name) }
      let result = try Migrator(options: MigrationOptions(inputRoot: input, outputRoot: nil)).plan()
      XCTAssertTrue(result.report.failedFiles.isEmpty, "\(dir): \(result.report.failedFiles.flatMap(\.diagnostics))")
      for (path, bytes) in result.outputs where path != RuntimeHeader.relativePath && path != GraphicsRuntime.glInteropPath {
        let golden = dir + "/" + path
        if update {
          try Data(bytes).write(to: URL(fileURLWithPath: golden))
          continue
        }
        guard let expected = FileManager.default.contents(atPath: golden) else {
          XCTFail("missing golden file \(golden) (run `make goldens`)")
          continue
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: expected, as: UTF8.self), "\(golden) differs")
      }
    }
  }
}
