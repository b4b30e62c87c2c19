@testable import CU2SYCL
import Foundation
import XCTest

/// The HTML report: goldens of its pages on the report fixture, the pieces it is built from (escaping,
/// the line diff, page paths), a missing source, and a real headless browser opening the site.
final class HTMLReportTests: XCTestCase {
  /// The fixture tree migrated once for all the tests that need it.
  static let fixture = Result { try ReportFixture.migrate() }

  static func site() throws -> [String: [UInt8]] {
    let (report, options, _) = try fixture.get()
    return Dictionary(uniqueKeysWithValues: HTMLReport.render(report, options: options).map { ($0.path, $0.bytes) })
  }

  func testSiteMatchesGoldens() throws {
    let site = try Self.site()
    XCTAssertEqual(Set(site.keys), ["index.html", "warnings.html", "report.css", "report.js",
                                    "files/kernels/legacy.cu.html", "files/kernels/saxpy.cu.html"])
    ReportFixture.assertGolden(site["index.html"]!, "html/index.html")
    ReportFixture.assertGolden(site["files/kernels/legacy.cu.html"]!, "html/files/kernels/legacy.cu.html")
    ReportFixture.assertGolden(site["warnings.html"]!, "html/warnings.html")
  }

  func testSiteIsDeterministicAndItsLinksResolve() throws {
    let (report, options, _) = try Self.fixture.get()
    let first = HTMLReport.render(report, options: options)
    let second = HTMLReport.render(report, options: options)
    XCTAssertEqual(first.map(\.path), second.map(\.path))
    XCTAssertEqual(first.map(\.bytes), second.map(\.bytes))
    let pages = Dictionary(uniqueKeysWithValues: first.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    func ids(_ html: String) -> Set<String> { Set(matches(#"\sid="([^"]*)""#, html)) }
    for (path, html) in pages where path.hasSuffix(".html") {
      XCTAssertEqual(ids(html).count, matches(#"\sid="([^"]*)""#, html).count, "\(path) repeats an id")
      for href in matches(#"(?:href|src)="([^"]*)""#, html) {
        XCTAssertFalse(href.contains("://") || href.hasPrefix("//"), "\(path) refers to the network: \(href)")
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var target = path
        if !parts[0].isEmpty {
          let base = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
          target = String(URL(fileURLWithPath: parts[0], relativeTo: base).standardizedFileURL.path.dropFirst("/site/".count))
        }
        guard let page = pages[target] else { XCTFail("\(path): \(href) points to a missing page \(target)"); continue }
        if parts.count == 2 { XCTAssertTrue(ids(page).contains(parts[1]), "\(path): \(href) points to a missing anchor") }
      }
    }
  }

  func testEscapeHandlesMarkupCharacters() {
    XCTAssertEqual(HTML.escape(#"a<b && c>"d" 'e'"#), "a&lt;b &amp;&amp; c&gt;&quot;d&quot; &#39;e&#39;")
    XCTAssertEqual(HTML.escape("tab\tbell\u{7}é"), "tab\tbell\u{FFFD}é")
  }

  func testPagePathsAreSanitizedAndUnique() {
    XCTAssertEqual(HTMLSite.sanitize("kernels/legacy.cu"), "kernels/legacy.cu")
    XCTAssertEqual(HTMLSite.sanitize("../a b/<x>&\"y\".cu"), "_/a_b/_x___y_.cu")
    XCTAssertEqual(HTMLSite.sanitize("./é.cu"), "_/_.cu")
    let report = MigrationReport(cudaEnvironment: "test", inputRoot: "/nowhere", outputRoot: nil, files: [
      FileReport(input: "a b.cu", output: nil, status: .migrated, hasErrors: false, diagnostics: [], counts: CoverageCounts()),
      FileReport(input: "a_b.cu", output: nil, status: .migrated, hasErrors: false, diagnostics: [], counts: CoverageCounts()),
      FileReport(input: "A_B.cu", output: nil, status: .migrated, hasErrors: false, diagnostics: [], counts: CoverageCounts()),
    ], occurrences: [], conflicts: [])
    let site = HTMLSite(report: report, options: RenderOptions())
    XCTAssertEqual(site.pages, ["A_B.cu": "files/A_B.cu.html", "a b.cu": "files/a_b.cu-2.html", "a_b.cu": "files/a_b.cu-3.html"])
    XCTAssertEqual(HTMLSite.root(of: "files/a/b.cu.html"), "../../")
    XCTAssertEqual(HTMLSite.root(of: "index.html"), "")
  }

  // MARK: the line diff

  func testLineDiffPairsRewrittenLinesAndKeepsTheRest() {
    let rows = LineDiff.align(["#include <cuda_runtime.h>", "a", "k<<<1, 1>>>(p);", "b", "c"],
                              ["#include <sycl/sycl.hpp>", "a", "// CU2SYCL note", "q.parallel_for(k(p));", "b", "c", "d"])
    XCTAssertEqual(rows, [
      .init(left: 0, right: 0, changed: true), .init(left: 1, right: 1, changed: false),
      .init(left: nil, right: 2, changed: true), .init(left: 2, right: 3, changed: true),
      .init(left: 3, right: 4, changed: false), .init(left: 4, right: 5, changed: false),
      .init(left: nil, right: 6, changed: true),
    ])
    XCTAssertEqual(LineDiff.align([], []), [])
    XCTAssertEqual(LineDiff.align(["x"], []), [.init(left: 0, right: nil, changed: true)])
    XCTAssertEqual(LineDiff.align([], ["y"]), [.init(left: nil, right: 0, changed: true)])
  }

  func testLineDiffPairsARewriteWithTheLineMostLikeIt() {
    // The inserted #include stands alone; each rewritten line sits next to its rewrite.
    let rows = LineDiff.align(["__global__ void", "k(int *p) {", "}"],
                              ["#include <sycl/sycl.hpp>", "void", "k(int *p, sycl::nd_item<1> item) {", "}"])
    XCTAssertEqual(rows, [
      .init(left: nil, right: 0, changed: true), .init(left: 0, right: 1, changed: true),
      .init(left: 1, right: 2, changed: true), .init(left: 2, right: 3, changed: false),
    ])
  }

  func testLineDiffFindsALongestCommonSubsequence() {
    // Compared with the textbook dynamic program on many small random inputs.
    var seed: UInt64 = 42
    func next(_ n: Int) -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % UInt64(n))
    }
    for _ in 0..<400 {
      let a = (0..<next(14)).map { _ in String(next(4)) }
      let b = (0..<next(14)).map { _ in String(next(4)) }
      let pairs = LineDiff.matches(a, b)
      XCTAssertEqual(pairs.count, lcsLength(a, b), "\(a) \(b)")
      for (p, q) in zip(pairs, pairs.dropFirst()) { XCTAssertTrue(p.0 < q.0 && p.1 < q.1, "\(pairs) not increasing") }
      for (i, j) in pairs { XCTAssertEqual(a[i], b[j]) }
      let rows = LineDiff.align(a, b)
      XCTAssertEqual(rows.compactMap(\.left), Array(a.indices))
      XCTAssertEqual(rows.compactMap(\.right), Array(b.indices))
    }
  }

  func testLineDiffIsFastOnLargeFiles() {
    let a = (0..<5000).map { "line \($0) of the CUDA source;" }
    var b = a
    for i in stride(from: 7, to: 5000, by: 37) { b[i] = "rewritten \(i)" }
    for i in stride(from: 4900, to: 100, by: -250) { b.insert("// inserted \(i)", at: i) }
    let start = Date()
    let rows = LineDiff.align(a, b)
    let rewritten = (0..<5000).map { "totally different \($0)" + (a[$0].count % 3 == 0 ? "" : " x") }
    let all = LineDiff.align(a, rewritten)
    let reversed = LineDiff.align(a, a.reversed())
    XCTAssertLessThan(Date().timeIntervalSince(start), 10, "5,000-line diffs are too slow")
    XCTAssertEqual(rows.filter { !$0.changed }.count, 5000 - 135)
    XCTAssertEqual(all.count, 5000)
    XCTAssertEqual(reversed.filter { !$0.changed }.count, 1)
  }

  // MARK: pages

  /// A one-file report over a temporary tree, with one finding on the line given.
  func oneFileSite(cuda: String?, sycl: String?, finding: (line: Int, offset: Int, length: Int)) throws -> (page: String, index: String) {
    let dir = TestSupport.temporaryDirectory("html")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    if let cuda { TestSupport.write(cuda, to: dir + "/in/k.cu") }
    if let sycl { TestSupport.write(sycl, to: dir + "/out/k.sycl.cpp") }
    let o = Occurrence(kind: .function, name: "cudaFoo<int>", file: "k.cu", line: finding.line, column: 1, offset: finding.offset,
                       length: finding.length, context: .host, function: nil, outcome: .unsupported, rule: nil, warning: "W001",
                       message: "'cudaFoo' <is> \"not\" converted & more")
    let report = MigrationReport(cudaEnvironment: "test", inputRoot: dir + "/in", outputRoot: dir + "/out", files: [
      FileReport(input: "k.cu", output: "k.sycl.cpp", status: .migrated, hasErrors: false, diagnostics: [], counts: CoverageCounts([o])),
    ], occurrences: [o], conflicts: [])
    let site = Dictionary(uniqueKeysWithValues: HTMLReport.render(report, options: RenderOptions()).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    return (try XCTUnwrap(site["files/k.cu.html"]), try XCTUnwrap(site["index.html"]))
  }

  func testFilePageEscapesSourcesAndMarksFindings() throws {
    let cuda = "// a <b> & \"c\"\nint x = cudaFoo<int>(\"</script>\");\n"
    let (page, index) = try oneFileSite(cuda: cuda, sycl: "// a <b> & \"c\"\nint x = cudaFoo<int>(\"</script>\"); // CU2SYCL-W001\n",
                                        finding: (2, 23, 12))
    XCTAssertTrue(page.contains("<td class=\"src\">// a &lt;b&gt; &amp; &quot;c&quot;</td>"), page)
    XCTAssertTrue(page.contains("int x = <mark class=\"o-unsupported\" title=\"unsupported W001 &#39;cudaFoo&#39; &lt;is&gt; &quot;not&quot; converted &amp; more\">cudaFoo&lt;int&gt;</mark>(&quot;&lt;/script&gt;&quot;);"), page)
    XCTAssertFalse(page.contains("</script>\""))
    XCTAssertTrue(page.contains("<a href=\"#L2\">2</a>"), "the findings list links to the line")
    XCTAssertTrue(page.contains("href=\"../warnings.html#W001\""))
    XCTAssertTrue(page.contains("<tr class=\"chg\"><td class=\"ln\"><a id=\"L2\""), "the changed line is marked")
    XCTAssertTrue(index.contains("<a href=\"files/k.cu.html\"><code>k.cu</code></a>"))
    XCTAssertTrue(index.contains("<code>cudaFoo&lt;int&gt;</code>"))
  }

  func testMissingSourceFileGetsANoteInsteadOfTheView() throws {
    let (page, _) = try oneFileSite(cuda: nil, sycl: "int x;\n", finding: (2, 8, 12))
    XCTAssertTrue(page.contains("<p class=\"missing\">The CUDA source is not shown:"), page)
    XCTAssertFalse(page.contains("<table class=\"code"))
    XCTAssertTrue(page.contains("<h2>Findings (1)</h2>"), "the findings are still listed")
    let (alone, _) = try oneFileSite(cuda: "int x = cudaFoo<int>();\n", sycl: nil, finding: (1, 8, 12))
    XCTAssertTrue(alone.contains("could not be read: the CUDA is shown alone"), alone)
    XCTAssertTrue(alone.contains("<table class=\"code single\">"))
  }

  func testFindingsPastTheEndOfAChangedFileAreStillShown() throws {
    let (page, _) = try oneFileSite(cuda: "int x;\n", sycl: "int x;\n", finding: (9, 500, 12))
    XCTAssertTrue(page.contains("<li id=\"f1\" class=\"o-unsupported\">"), page)
  }

  // MARK: a real browser

  func testOpensInHeadlessChromiumWithoutConsoleErrors() throws {
    let (report, options, _) = try Self.fixture.get()
    let dir = TestSupport.temporaryDirectory("html-site")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try report.write(.html, to: dir, options: options)
    // CU2SYCL_HTML_SCREENSHOTS=DIR keeps screenshots of the index and a file page for a look.
    let shots = ProcessInfo.processInfo.environment["CU2SYCL_HTML_SCREENSHOTS"]
    let r = TestSupport.run(["/bin/bash", TestSupport.repoRoot + "/scripts/check-html-report.sh", dir] + (shots.map { [$0] } ?? []))
    if r.status == 2 && r.output.contains("not installed") {
      return XCTFail("headless Chromium is needed for this test: run `make setup` (scripts/setup.sh installs chromium)\n\(r.output)")
    }
    XCTAssertEqual(r.status, 0, r.output)
    XCTAssertTrue(r.output.contains("4 pages opened, 0 problems"), r.output)
  }

  func testHeadlessCheckCatchesPlantedErrors() {
    let r = TestSupport.run(["/bin/bash", TestSupport.repoRoot + "/scripts/check-html-report.sh", "--self-test"])
    if r.status == 2 && r.output.contains("not installed") {
      return XCTFail("headless Chromium is needed for this test: run `make setup` (scripts/setup.sh installs chromium)\n\(r.output)")
    }
    XCTAssertEqual(r.status, 0, r.output)
    XCTAssertTrue(r.output.contains("self-test: ok"), r.output)
  }
}

private func matches(_ pattern: String, _ text: String) -> [String] {
  let regex = try! NSRegularExpression(pattern: pattern)
  return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
}

private func lcsLength(_ a: [String], _ b: [String]) -> Int {
  var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in stride(from: a.count - 1, through: 0, by: -1) {
    for j in stride(from: b.count - 1, through: 0, by: -1) {
      table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
    }
  }
  return table[0][0]
}
