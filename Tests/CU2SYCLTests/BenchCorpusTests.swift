import CU2SYCL
import Foundation
import XCTest

/// The benchmark's corpus (scripts/bench-corpus.py, used by `make bench`) must stay CUDA that cu2sycl parses
/// without errors and converts like real code, with the mix it promises; otherwise the benchmark would time
/// something else. No timing here: speed is measured by `make bench` only.
final class BenchCorpusTests: XCTestCase {
  private func generate(_ dir: String, files: Int, seed: Int) -> String {
    let r = TestSupport.run(["/usr/bin/env", "python3", TestSupport.repoRoot + "/scripts/bench-corpus.py", dir,
                             "--files", String(files), "--seed", String(seed)])
    XCTAssertEqual(r.status, 0, r.output)
    return r.output
  }

  func testGeneratedCorpusMigratesCleanly() throws {
    let dir = TestSupport.temporaryDirectory("bench-corpus")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    generate(dir + "/in", files: 12, seed: 7)
    let files = TestSupport.snapshot(dir + "/in")
    XCTAssertEqual(files.count, 12)
    XCTAssertGreaterThanOrEqual(files.keys.filter { $0.hasSuffix(".cu") }.count, 8)
    XCTAssertTrue(files.keys.contains { $0.hasSuffix(".cuh") })

    let report = try Migrator(options: MigrationOptions(inputRoot: dir + "/in", outputRoot: dir + "/out")).run()
    XCTAssertEqual(report.failedFiles.map(\.input), [], "the generated corpus must parse without errors")
    XCTAssertGreaterThanOrEqual(report.totals.percent, 90, "the generated corpus should convert like real code")
    XCTAssertGreaterThan(report.totals.found, 1000)
    // The mix the benchmark promises (Docs/Benchmark.md): shared memory and barriers, atomics, warp
    // shuffles and votes, math, templates, streams, events and asynchronous copies.
    let names = Set(report.occurrences.map(\.name))
    for name in ["__shared__", "__syncthreads", "atomicAdd", "__shfl_down_sync", "__ballot_sync", "cudaMalloc",
                 "cudaMemcpy", "cudaMemcpyAsync", "cudaStreamCreate", "cudaEventRecord", "cudaEventElapsedTime"] {
      XCTAssertTrue(names.contains(name), "the corpus no longer uses \(name)")
    }
  }

  func testGeneratorIsDeterministic() {
    let dir = TestSupport.temporaryDirectory("bench-corpus-seed")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    generate(dir + "/a", files: 12, seed: 3)
    generate(dir + "/b", files: 12, seed: 3)
    generate(dir + "/c", files: 12, seed: 4)
    XCTAssertEqual(TestSupport.snapshot(dir + "/a"), TestSupport.snapshot(dir + "/b"))
    XCTAssertNotEqual(TestSupport.snapshot(dir + "/a"), TestSupport.snapshot(dir + "/c"))
  }
}
