import CU2SYCL
import Foundation
import XCTest

/// Bad input never loses data: clear errors, the rest of the tree migrates, inputs stay untouched.
final class BadInputTests: XCTestCase {
  let good = """
  #include <cuda_runtime.h>
  __global__ void inc(int *v) { v[threadIdx.x] += 1; }
  int main() { int *d; cudaMalloc(&d, 4 * sizeof(int)); inc<<<1, 4>>>(d); cudaFree(d); return 0; }

  """

  func testMissingInputDirectory() {
    let result = TestSupport.run([TestSupport.cliBinary, "migrate", "/nonexistent/cu2sycl-in", "--out", TestSupport.temporaryDirectory()])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.output.contains("input directory does not exist"), result.output)
  }

  /// CI gates: `--fail-under` compares the printed percentage; under it the run still writes everything and
  /// exits 3, at or over it 0.
  func testFailUnderGatesOnCoverage() {
    let input = TestSupport.temporaryDirectory("in")
    // clock() has no SYCL equivalent (W012): 1 of the file's constructs stays manual.
    TestSupport.write(good + "__global__ void timed(long long *t) { t[threadIdx.x] = clock(); }\n", to: input + "/a.cu")
    let output = TestSupport.temporaryDirectory("out")
    let gated = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", output, "--fail-under", "100", "--report-json", output + "/r.json"])
    XCTAssertEqual(gated.status, 3, gated.output)
    XCTAssertTrue(gated.output.contains("is under --fail-under 100%"), gated.output)
    XCTAssertNotNil(TestSupport.read(output + "/a.sycl.cpp"))
    XCTAssertNotNil(TestSupport.read(output + "/r.json"))
    let passed = TestSupport.run([TestSupport.cliBinary, "examine", input, "--fail-under", "50"])
    XCTAssertEqual(passed.status, 0, passed.output)
    let bad = TestSupport.run([TestSupport.cliBinary, "examine", input, "--fail-under", "101"])
    XCTAssertNotEqual(bad.status, 0, bad.output)
    XCTAssertTrue(bad.output.contains("percentage from 0 to 100"), bad.output)
  }

  func testOutputInsideInputIsRefused() {
    let input = TestSupport.temporaryDirectory("in")
    TestSupport.write(good, to: input + "/a.cu")
    let before = TestSupport.snapshot(input)
    let result = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", input + "/out"])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.output.contains("inside the input"), result.output)
    XCTAssertEqual(TestSupport.snapshot(input), before, "nothing may be written into the input")
  }

  func testNonEmptyOutputNeedsForce() {
    let input = TestSupport.temporaryDirectory("in")
    let output = TestSupport.temporaryDirectory("out")
    TestSupport.write(good, to: input + "/a.cu")
    TestSupport.write("keep", to: output + "/other.txt")
    let refused = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", output])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.output.contains("--force"), refused.output)
    XCTAssertNil(TestSupport.read(output + "/a.sycl.cpp"))
    let forced = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", output, "--force", "--report-json", output + "/r.json"],
                                 environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(forced.status, 0, forced.output)
    XCTAssertNotNil(TestSupport.read(output + "/a.sycl.cpp"))
    XCTAssertEqual(TestSupport.read(output + "/other.txt"), "keep")
    // Again, over the previous output: files are replaced, never lost. The report's time is pinned: two runs
    // a second apart would otherwise differ in `generatedAt` (this failed in CI).
    let first = TestSupport.snapshot(output)
    let again = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", output, "--force", "--report-json", output + "/r.json"],
                                environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(again.status, 0, again.output)
    XCTAssertEqual(TestSupport.snapshot(output), first)
  }

  func testBrokenFileDoesNotStopTheTree() throws {
    let input = TestSupport.temporaryDirectory("in")
    TestSupport.write(good, to: input + "/good.cu")
    TestSupport.write("#include <cuda_runtime.h>\n__global__ void k(int *v) {\n  v[threadIdx.x] = ;\n}\n", to: input + "/sub/broken.cu")
    TestSupport.write("notes\n", to: input + "/README.txt")
    let before = TestSupport.snapshot(input)
    let output = TestSupport.temporaryDirectory("out") + "/tree"
    let report = output + ".json"
    let result = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", output, "--report-json", report])
    XCTAssertEqual(result.status, 1, "some files failed: exit 1")
    XCTAssertTrue(result.output.contains("sub/broken.cu:3:"), "located diagnostic expected:\n\(result.output)")
    XCTAssertTrue(result.output.contains("error:"), result.output)
    XCTAssertTrue(TestSupport.read(output + "/good.sycl.cpp")?.contains("item.get_local_id(0)") == true)
    XCTAssertTrue(TestSupport.read(output + "/sub/broken.sycl.cpp")?.contains("CU2SYCL-W009") == true)
    XCTAssertEqual(TestSupport.read(output + "/README.txt"), "notes\n")
    XCTAssertEqual(TestSupport.snapshot(input), before, "inputs are never modified")
    let json = try JSONDecoder().decode(MigrationReport.self, from: Data(contentsOf: URL(fileURLWithPath: report)))
    XCTAssertEqual(json.failedFiles.map(\.input), ["sub/broken.cu"])
  }

  func testMigrationIsDeterministic() throws {
    let input = TestSupport.temporaryDirectory("in")
    for dir in ["programs/histogram", "programs/header_kernels", "demo"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures + "/" + dir) where name.hasSuffix(".cu") || name.hasSuffix(".cuh") {
        try FileManager.default.createDirectory(atPath: input + "/" + dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.fixtures + "/" + dir + "/" + name, toPath: input + "/" + dir + "/" + name)
      }
    }
    let before = TestSupport.snapshot(input)
    let a = TestSupport.temporaryDirectory("a"), b = TestSupport.temporaryDirectory("b")
    XCTAssertEqual(TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", a]).status, 0)
    XCTAssertEqual(TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", b]).status, 0)
    let sa = TestSupport.snapshot(a)
    XCTAssertFalse(sa.isEmpty)
    XCTAssertEqual(sa, TestSupport.snapshot(b), "two runs must give byte-identical output")
    XCTAssertEqual(TestSupport.snapshot(input), before)
  }

  func testNonUTF8InputIsKeptByteForByte() throws {
    let input = TestSupport.temporaryDirectory("in")
    var bytes = Array("// r\u{E9}sum\u{E9} in Latin-1: ".utf8) + [0x72, 0xE9, 0x73] + Array("\n".utf8) + Array(good.utf8)
    bytes += Array("// ".utf8) + [0xFF] + Array("\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: input + "/latin.cu"))
    let output = TestSupport.temporaryDirectory("out") + "/o"
    let result = TestSupport.run([TestSupport.cliBinary, "migrate", input, "--out", output])
    XCTAssertTrue(result.output.contains("not valid UTF-8"), result.output)
    let out = try XCTUnwrap(FileManager.default.contents(atPath: output + "/latin.sycl.cpp"))
    XCTAssertTrue(out.starts(with: bytes.prefix(30)))
    XCTAssertEqual(out.last(where: { $0 != 0x0A }), 0xFF, "invalid bytes are kept")
  }

  /// An earlier output left next to its input is not copied over the new migration.
  func testOutputCollisionKeepsTheMigration() throws {
    let input = TestSupport.temporaryDirectory("in")
    TestSupport.write(good, to: input + "/a.cu")
    TestSupport.write("stale\n", to: input + "/a.sycl.cpp")
    let result = try Migrator(options: MigrationOptions(inputRoot: input, outputRoot: nil)).plan()
    let outputs = result.outputs.filter { $0.path == "a.sycl.cpp" }
    XCTAssertEqual(outputs.count, 1)
    XCTAssertTrue(String(decoding: outputs[0].bytes, as: UTF8.self).contains("sycl::nd_item"))
    let stale = try XCTUnwrap(result.report.files.first { $0.input == "a.sycl.cpp" })
    XCTAssertEqual(stale.status, .skipped)
    XCTAssertTrue(stale.diagnostics.first?.message.contains("not copied") == true)
  }
}
