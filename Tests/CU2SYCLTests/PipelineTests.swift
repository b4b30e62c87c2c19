import CU2SYCL
import Foundation
import XCTest

/// The speed machinery must not change a single byte: a precompiled prelude, several workers and the
/// unit cache give exactly the output of one worker parsing everything, and the cache notices changes.
final class PipelineTests: XCTestCase {
  /// Every fixture program in one tree (many units, shared kernels, headers).
  private func fixtureTree() throws -> String {
    let dir = TestSupport.temporaryDirectory("pipeline-in")
    for program in GoldenTests.programDirectories {
      let name = (program as NSString).lastPathComponent
      for file in try FileManager.default.contentsOfDirectory(atPath: program) where file.hasSuffix(".cu") || file.hasSuffix(".cuh") {
        try FileManager.default.createDirectory(atPath: dir + "/" + name, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: program + "/" + file, toPath: dir + "/" + name + "/" + file)
      }
    }
    return dir
  }

  private func run(_ input: String, jobs: Int, prelude: Bool, cache: String?) throws -> (outputs: [String: [UInt8]], report: Data, timing: String) {
    var options = MigrationOptions(inputRoot: input, outputRoot: nil)
    options.jobs = jobs
    options.precompiledPrelude = prelude
    options.cacheDirectory = cache
    let migrator = Migrator(options: options)
    var result = try migrator.plan()
    result.report.run.generatedAt = ""
    return (Dictionary(result.outputs.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }), try result.report.json(), migrator.timing.summary)
  }

  func testWorkersPreludeAndCacheGiveIdenticalOutput() throws {
    let input = try fixtureTree()
    let cache = TestSupport.temporaryDirectory("pipeline-cache")
    defer { [input, cache].forEach { try? FileManager.default.removeItem(atPath: $0) } }
    let reference = try run(input, jobs: 1, prelude: false, cache: nil)
    XCTAssertGreaterThan(reference.outputs.count, 20)
    let parallel = try run(input, jobs: 3, prelude: true, cache: cache)
    XCTAssertTrue(parallel.timing.contains("precompiled, built"), parallel.timing)
    XCTAssertTrue(parallel.timing.contains(" 0 from the cache"), parallel.timing)
    let warm = try run(input, jobs: 2, prelude: true, cache: cache)
    // Nothing to parse: the prelude is not even loaded (PreludeSource prepares it for the first parse).
    XCTAssertTrue(warm.timing.hasPrefix("0 units parsed (prelude: not needed)"), warm.timing)
    for other in [parallel, warm] {
      XCTAssertEqual(Set(other.outputs.keys), Set(reference.outputs.keys))
      for (path, bytes) in reference.outputs { XCTAssertEqual(other.outputs[path], bytes, path) }
      XCTAssertEqual(String(decoding: other.report, as: UTF8.self), String(decoding: reference.report, as: UTF8.self))
    }
  }

  func testCacheNoticesAChangedHeaderAndAStalePrelude() throws {
    let input = TestSupport.temporaryDirectory("pipeline-change")
    let cache = TestSupport.temporaryDirectory("pipeline-cache2")
    defer { [input, cache].forEach { try? FileManager.default.removeItem(atPath: $0) } }
    TestSupport.write("#pragma once\n#define SCALE 2.0f\n", to: input + "/scale.cuh")
    TestSupport.write("#include \"scale.cuh\"\n__global__ void k(float *x) { x[threadIdx.x] *= SCALE; }\n", to: input + "/k.cu")
    TestSupport.write("__global__ void other(int *x) { x[blockIdx.x] = 1; }\n", to: input + "/other.cu")
    let first = try run(input, jobs: 1, prelude: true, cache: cache)
    // The header a unit includes changes: that unit is parsed again, the other one is not.
    TestSupport.write("#pragma once\n#define SCALE (2.0f * warpSize)\n", to: input + "/scale.cuh")
    let second = try run(input, jobs: 1, prelude: true, cache: cache)
    XCTAssertTrue(second.timing.hasPrefix("1 units parsed (prelude: precompiled, cached)"), second.timing)  // k.cu (scale.cuh is part of its unit)
    XCTAssertTrue(second.timing.contains(" 1 from the cache"), second.timing)
    XCTAssertNotEqual(first.report, second.report)
    XCTAssertEqual(second.report, try run(input, jobs: 1, prelude: false, cache: nil).report)
    // A cached prelude clang refuses (here: not a PCH at all) is rebuilt, not trusted.
    let pchDirectory = cache + "/pch"
    for file in try FileManager.default.contentsOfDirectory(atPath: pchDirectory) {
      try Data("not a precompiled header".utf8).write(to: URL(fileURLWithPath: pchDirectory + "/" + file))
    }
    try FileManager.default.removeItem(atPath: cache + "/units")
    let rebuilt = try run(input, jobs: 1, prelude: true, cache: cache)
    XCTAssertTrue(rebuilt.timing.contains("precompiled, built"), rebuilt.timing)
    XCTAssertEqual(rebuilt.report, second.report)
    // Damaged unit entries (cut short, or not entries at all) are misses: the units are parsed again.
    let units = cache + "/units"
    for (n, file) in try FileManager.default.contentsOfDirectory(atPath: units).enumerated() {
      let path = units + "/" + file
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      try (n % 2 == 0 ? bytes.prefix(bytes.count / 2) : Data("garbage".utf8)).write(to: URL(fileURLWithPath: path))
    }
    let damaged = try run(input, jobs: 1, prelude: true, cache: cache)
    XCTAssertTrue(damaged.timing.hasPrefix("2 units parsed"), damaged.timing)
    XCTAssertEqual(damaged.report, second.report)
  }

  /// A unit whose header is missing is not cached: adding the header (no file the unit read changed)
  /// must make the next run see it.
  func testUnitWithErrorsIsNotCached() throws {
    let input = TestSupport.temporaryDirectory("pipeline-missing")
    let cache = TestSupport.temporaryDirectory("pipeline-cache3")
    defer { [input, cache].forEach { try? FileManager.default.removeItem(atPath: $0) } }
    TestSupport.write("#include \"later.cuh\"\n__global__ void k(float *x) { x[threadIdx.x] = LATER; }\n", to: input + "/k.cu")
    var options = MigrationOptions(inputRoot: input, outputRoot: nil)
    options.cacheDirectory = cache
    XCTAssertFalse(try Migrator(options: options).plan().report.failedFiles.isEmpty)
    TestSupport.write("#pragma once\n#define LATER 1.0f\n", to: input + "/later.cuh")
    let after = try Migrator(options: options).plan().report
    XCTAssertTrue(after.failedFiles.isEmpty, "\(after.failedFiles.flatMap(\.diagnostics))")
  }

  func testPipedOutputHasNoProgressBar() throws {
    let cache = TestSupport.temporaryDirectory("pipeline-cli")
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let run = TestSupport.run([TestSupport.cliBinary, "examine", ReportFixture.tree, "--no-cache", "--verbose"])
    XCTAssertEqual(run.status, 0, run.output)
    XCTAssertFalse(run.output.contains("\r"), run.output)
    XCTAssertTrue(run.output.contains("units parsed (prelude: precompiled, built), 0 from the cache"), run.output)
    let quiet = TestSupport.run([TestSupport.cliBinary, "examine", ReportFixture.tree, "--no-cache", "--quiet"])
    XCTAssertEqual(quiet.status, 0, quiet.output)
    XCTAssertEqual(quiet.output, "")
  }
}
