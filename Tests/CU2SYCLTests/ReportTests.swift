import CU2SYCL
import Foundation
import XCTest

/// The text, CSV and Markdown renderers, `report diff` and `report merge`, on the report fixture tree.
final class ReportTests: XCTestCase {
  func testTextCSVAndMarkdownMatchTheirGoldens() throws {
    let (report, _, output) = try ReportFixture.migrate()
    defer { try? FileManager.default.removeItem(atPath: output) }
    ReportFixture.assertGolden(Array(TextReport.render(report).utf8), "report.txt")
    ReportFixture.assertGolden(Array(CSVReport.render(report).utf8), "report.csv")
    ReportFixture.assertGolden(Array(MarkdownReport.render(report).utf8), "report.md")
  }

  func testModelFiguresOfTheFixtureTree() throws {
    let (report, _, output) = try ReportFixture.migrate()
    defer { try? FileManager.default.removeItem(atPath: output) }
    XCTAssertEqual(report.totals.found, report.occurrences.count)
    XCTAssertEqual(report.effort, EffortCounts(report.occurrences))
    // Two W010 reviews (low), inline PTX, IPC and one API without a rule (high).
    XCTAssertEqual([report.effort.low, report.effort.medium, report.effort.high], [2, 0, 3])
    XCTAssertEqual(report.effort.hours, 2 * Effort.low.hours + 3 * Effort.high.hours, accuracy: 1e-9)
    let legacy = try XCTUnwrap(report.files.first { $0.input == "kernels/legacy.cu" })
    XCTAssertEqual(legacy.lines.attention, 3)
    XCTAssertEqual(legacy.lines.total, 20)
    XCTAssertGreaterThan(legacy.lines.changed, 0)
    let util = try XCTUnwrap(report.files.first { $0.input == "host/util.cpp" })
    XCTAssertEqual(util.status, .copied)
    XCTAssertEqual(util.lines, LineCounts(total: 3, changed: 0, attention: 0))
    XCTAssertEqual(report.directories.map(\.name), [".", "host", "kernels"])
    XCTAssertEqual(report.directories.first?.counts, report.totals)
    XCTAssertEqual(report.categories.map(\.counts.found).reduce(0, +), report.totals.found)
    XCTAssertEqual(report.occurrences.first { $0.name == "cudaDeviceGetPCIBusId" }?.category, .device)
    XCTAssertEqual(report.occurrences.first { $0.kind == .inlineAssembly }?.effort, .high)
    // Re-loaded from its JSON, the model is the same (derived figures are recomputed, not trusted).
    let again = try MigrationReport.load(report.json())
    XCTAssertEqual(try again.json(), try report.json())
  }

  func testCategoriesComeFromTheConstructNotTheRule() {
    func category(_ kind: ConstructKind, _ name: String, _ context: CodeContext = .host) -> Category {
      Category.of(kind: kind, name: name, context: context)
    }
    XCTAssertEqual(category(.function, "cudaMemcpy2D"), .memory)
    XCTAssertEqual(category(.function, "cudaStreamCreate"), .streams)
    XCTAssertEqual(category(.function, "cublasSgemm"), .libraries)
    XCTAssertEqual(category(.function, "cuMemAlloc"), .driver)
    XCTAssertEqual(category(.type, "CUdeviceptr"), .driver)
    XCTAssertEqual(category(.function, "atomicAdd", .device), .atomics)
    XCTAssertEqual(category(.function, "__shfl_down_sync", .device), .warp)
    XCTAssertEqual(category(.function, "sqrtf", .device), .math)
    XCTAssertEqual(category(.type, "float4"), .vectorTypes)
    XCTAssertEqual(category(.member, "float4.x"), .vectorTypes)
    XCTAssertEqual(category(.attribute, "__shared__"), .sharedMemory)
    XCTAssertEqual(category(.macro, "__CUDA_ARCH__"), .preprocessor)
    XCTAssertEqual(category(.function, "tex2D", .device), .textures)
    XCTAssertEqual(category(.unresolved, "cudaFrobnicate"), .runtime)
  }

  func testCSVQuotesAndDefusesFormulas() {
    XCTAssertEqual(CSVReport.field("plain"), "plain")
    XCTAssertEqual(CSVReport.field("a, b"), "\"a, b\"")
    XCTAssertEqual(CSVReport.field("say \"x\""), "\"say \"\"x\"\"\"")
    XCTAssertEqual(CSVReport.field("=cmd()"), "\"'=cmd()\"")
  }

  func testTerminalColorsOnlyWhenAsked() throws {
    let (report, _, output) = try ReportFixture.migrate()
    defer { try? FileManager.default.removeItem(atPath: output) }
    XCTAssertTrue(TextReport.render(report, color: true).contains("\u{1B}["))
    XCTAssertFalse(TextReport.render(report, color: false).contains("\u{1B}["))
    // The CLI's standard output is a pipe here: plain text.
    let run = TestSupport.run([TestSupport.cliBinary, "examine", ReportFixture.tree])
    XCTAssertEqual(run.status, 0, run.output)
    XCTAssertFalse(run.output.contains("\u{1B}["), run.output)
    XCTAssertTrue(run.output.contains("effort left: 2 low, 0 medium, 3 high"), run.output)
  }

  /// A fixture changed to use an API no rule converts is a regression `report diff` catches.
  func testDiffCatchesAPlantedRegression() throws {
    let dir = TestSupport.temporaryDirectory("diff")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.copyItem(atPath: ReportFixture.tree, toPath: dir + "/head")
    let saxpy = dir + "/head/kernels/saxpy.cu"
    let text = try XCTUnwrap(TestSupport.read(saxpy))
    TestSupport.write(text.replacingOccurrences(of: "  cudaDeviceSynchronize();\n",
                                                with: "  cudaDeviceSynchronize();\n  char bus[16];\n  cudaDeviceGetPCIBusId(bus, sizeof bus, 0);\n"), to: saxpy)
    let cli = TestSupport.cliBinary
    XCTAssertEqual(TestSupport.run([cli, "examine", ReportFixture.tree, "--report", "json=\(dir)/base.json"]).status, 0)
    XCTAssertEqual(TestSupport.run([cli, "examine", dir + "/head", "--report", "json=\(dir)/head.json"]).status, 0)

    let regressed = TestSupport.run([cli, "report", "diff", dir + "/base.json", dir + "/head.json", "--fail-on-regression"])
    XCTAssertEqual(regressed.status, 4, regressed.output)
    XCTAssertTrue(regressed.output.contains("+ kernels/saxpy.cu:28:3: unsupported W001 cudaDeviceGetPCIBusId"), regressed.output)
    XCTAssertTrue(regressed.output.contains("REGRESSION: coverage dropped from 83.3% to 80.6%"), regressed.output)
    // Without the flag the comparison is only printed; a report against itself is no regression.
    XCTAssertEqual(TestSupport.run([cli, "report", "diff", dir + "/base.json", dir + "/head.json"]).status, 0)
    let same = TestSupport.run([cli, "report", "diff", dir + "/base.json", dir + "/base.json", "--fail-on-regression"])
    XCTAssertEqual(same.status, 0, same.output)
    XCTAssertTrue(same.output.contains("no regression"), same.output)
    // The reverse direction resolves the finding and raises coverage.
    let improved = TestSupport.run([cli, "report", "diff", dir + "/head.json", dir + "/base.json", "--fail-on-regression", "--format", "md"])
    XCTAssertEqual(improved.status, 0, improved.output)
    XCTAssertTrue(improved.output.contains("1 finding(s) resolved"), improved.output)
  }

  func testDiffMatchesFindingsByIdentityNotPosition() throws {
    let (report, _, output) = try ReportFixture.migrate()
    defer { try? FileManager.default.removeItem(atPath: output) }
    var moved = report
    for i in moved.occurrences.indices { moved.occurrences[i].line += 5; moved.occurrences[i].offset += 40 }
    let diff = ReportDiff(base: report, head: moved)
    XCTAssertTrue(diff.newFindings.isEmpty)
    XCTAssertFalse(diff.isRegression)
  }

  /// Shards of one tree merge into the report of the whole tree.
  func testMergeOfShardsEqualsTheWholeRun() throws {
    let dir = TestSupport.temporaryDirectory("merge")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cli = TestSupport.cliBinary
    XCTAssertEqual(TestSupport.run([cli, "examine", ReportFixture.tree, "--report", "json=\(dir)/whole.json"]).status, 0)
    for shard in ["kernels", "host"] {
      XCTAssertEqual(TestSupport.run([cli, "examine", ReportFixture.tree + "/" + shard, "--report", "json=\(dir)/\(shard).json"]).status, 0)
    }
    let merge = TestSupport.run([cli, "report", "merge", "\(dir)/kernels.json", "\(dir)/host.json", "-o", "\(dir)/merged.json"])
    XCTAssertEqual(merge.status, 0, merge.output)
    let whole = try MigrationReport.load(XCTUnwrap(FileManager.default.contents(atPath: dir + "/whole.json")))
    let merged = try MigrationReport.load(XCTUnwrap(FileManager.default.contents(atPath: dir + "/merged.json")))
    XCTAssertEqual(merged.inputRoot, whole.inputRoot)
    XCTAssertEqual(merged.run.mergedFrom, 2)
    XCTAssertEqual(merged.totals, whole.totals)
    XCTAssertEqual(merged.effort, whole.effort)
    XCTAssertEqual(Set(merged.files.map(\.input)), Set(whole.files.map(\.input)))
    XCTAssertEqual(Set(merged.occurrences.map { "\($0.file):\($0.line):\($0.name)" }), Set(whole.occurrences.map { "\($0.file):\($0.line):\($0.name)" }))
  }

  func testReportOptionsAndBadReportsGetClearErrors() throws {
    let dir = TestSupport.temporaryDirectory("report-cli")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cli = TestSupport.cliBinary
    let badFormat = TestSupport.run([cli, "examine", ReportFixture.tree, "--report", "pdf=\(dir)/x.pdf"])
    XCTAssertEqual(badFormat.status, 2, badFormat.output)
    XCTAssertTrue(badFormat.output.contains("--report takes FORMAT=PATH"), badFormat.output)
    TestSupport.write("{\"schemaVersion\": 1}", to: dir + "/old.json")
    let old = TestSupport.run([cli, "report", "render", dir + "/old.json", "--format", "md"])
    XCTAssertEqual(old.status, 2, old.output)
    XCTAssertTrue(old.output.contains("report schema version 1"), old.output)
    // Every format from one run; html is a directory.
    var args = [cli, "examine", ReportFixture.tree]
    for f in ReportFormat.allCases { args += ["--report", "\(f.rawValue)=\(dir)/r.\(f.rawValue)"] }
    XCTAssertEqual(TestSupport.run(args).status, 0)
    for f in ReportFormat.allCases where f != .html { XCTAssertNotNil(FileManager.default.contents(atPath: "\(dir)/r.\(f.rawValue)"), f.rawValue) }
    XCTAssertNotNil(FileManager.default.contents(atPath: "\(dir)/r.html/index.html"))
    // render reproduces what the run wrote.
    let md = TestSupport.run([cli, "report", "render", "\(dir)/r.json", "--format", "md"])
    XCTAssertEqual(md.output, TestSupport.read("\(dir)/r.md"))
  }
}
