/// The side-by-side table of a file's page: the CUDA source and its SYCL aligned by a line diff,
/// changed rows marked, each finding highlighted on its CUDA line in its outcome's color and
/// explained in a note row right below it.
struct HTMLSourceView {
  /// One finding as the view shows it; `anchor` is its id on the page (`f3`).
  struct Finding {
    let occurrence: Occurrence
    let anchor: String
  }

  /// A highlighted byte range of one line, relative to the line's start.
  private struct Span {
    let lo: Int, hi: Int
    let outcome: Outcome
    let title: String
  }

  let cuda: SourceLines
  /// Nil when there is no SYCL to show: the view then lists the CUDA alone.
  let sycl: SourceLines?
  let findings: [Finding]
  /// The two files' paths, for the column headers.
  let names: (cuda: String, sycl: String?)
  /// Relative path to the site root, for the warning links.
  let root: String

  func render() -> String {
    let left = cuda.lines
    let rows = sycl.map { LineDiff.align(left, $0.lines) } ?? left.indices.map { LineDiff.Row(left: $0, right: nil, changed: false) }
    // Findings by the CUDA line they start on; those past the end (the file changed since the run) go last.
    var notes: [Int: [Finding]] = [:]
    var spans: [Int: [Span]] = [:]
    var orphans: [Finding] = []
    for f in findings {
      let o = f.occurrence
      guard o.line >= 1 && o.line <= cuda.count else { orphans.append(f); continue }
      notes[o.line - 1, default: []].append(f)
      for (line, span) in highlight(o) { spans[line, default: []].append(span) }
    }
    let twoSided = sycl != nil
    var out = "<table class=\"code\(twoSided ? "" : " single")\">\n<colgroup><col class=\"ln\"><col class=\"src\">"
    out += twoSided ? "<col class=\"ln\"><col class=\"src\"></colgroup>\n" : "</colgroup>\n"
    out += "<thead><tr><th scope=\"col\" colspan=\"2\"><strong>CUDA</strong><code>\(HTML.escape(names.cuda))</code></th>"
    if twoSided { out += "<th scope=\"col\" colspan=\"2\"><strong>SYCL</strong><code>\(HTML.escape(names.sycl ?? ""))</code></th>" }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += row.changed ? "<tr class=\"chg\">" : "<tr>"
      if let l = row.left {
        let worst = notes[l]?.map(\.occurrence.outcome).max { HTML.severity($0) < HTML.severity($1) }
        out += number("L", l) + "<td class=\"src\(row.changed ? " del" : "")\(worst.map { " f-\($0.rawValue)" } ?? "")\">"
          + marked(cuda, l, spans[l] ?? []) + "</td>"
      } else {
        out += "<td class=\"ln\"></td><td class=\"src none\"></td>"
      }
      if twoSided {
        if let r = row.right, let sycl {
          out += number("S", r) + "<td class=\"src\(row.changed ? " ins" : "")\">" + HTML.escape(sycl.line(r)) + "</td>"
        } else {
          out += "<td class=\"ln\"></td><td class=\"src none\"></td>"
        }
      }
      out += "</tr>\n"
      if let l = row.left, let list = notes[l] { out += noteRow(list, columns: twoSided ? 4 : 2) }
    }
    if !orphans.isEmpty { out += noteRow(orphans, columns: twoSided ? 4 : 2) }
    return out + "</tbody>\n</table>\n"
  }

  /// A line number that is its own anchor (`#L12` on the CUDA side, `#S14` on the SYCL side).
  private func number(_ side: String, _ i: Int) -> String {
    "<td class=\"ln\"><a id=\"\(side)\(i + 1)\" href=\"#\(side)\(i + 1)\">\(i + 1)</a></td>"
  }

  /// The byte ranges an occurrence covers, split by line (a construct may span lines).
  private func highlight(_ o: Occurrence) -> [(Int, Span)] {
    let start = o.offset, end = min(o.offset + o.length, cuda.bytes.count)
    guard start >= 0, start < end else { return [] }
    let title = [o.outcome.rawValue, o.warning, o.message ?? o.name].compactMap { $0 }.joined(separator: " ")
    var result: [(Int, Span)] = []
    var line = cuda.lineIndex(of: start)
    while line < cuda.count && cuda.starts[line] < end {
      let lo = max(start, cuda.starts[line]) - cuda.starts[line]
      let hi = min(end, cuda.end(of: line)) - cuda.starts[line]
      if lo < hi { result.append((line, Span(lo: lo, hi: hi, outcome: o.outcome, title: title))) }
      line += 1
    }
    return result
  }

  /// A CUDA line with its findings' ranges wrapped in `<mark>`; where ranges overlap, the most serious
  /// outcome colors the text and the title lists them all.
  private func marked(_ text: SourceLines, _ line: Int, _ spans: [Span]) -> String {
    let bytes = text.bytes[text.starts[line]..<text.end(of: line)]
    let base = bytes.startIndex
    guard !spans.isEmpty else { return HTML.escape(bytes: bytes) }
    let cuts = Set([0, bytes.count] + spans.flatMap { [$0.lo, $0.hi] }).sorted()
    var out = ""
    for (lo, hi) in zip(cuts, cuts.dropFirst()) {
      let piece = HTML.escape(bytes: bytes[(base + lo)..<(base + hi)])
      let covering = spans.filter { $0.lo <= lo && hi <= $0.hi }
      guard let worst = covering.max(by: { HTML.severity($0.outcome) < HTML.severity($1.outcome) }) else { out += piece; continue }
      let title = covering.map(\.title).joined(separator: "\n")
      out += "<mark class=\"o-\(worst.outcome.rawValue)\" title=\"\(HTML.escape(title))\">\(piece)</mark>"
    }
    return out
  }

  /// The findings of one CUDA line, under it, across the view.
  private func noteRow(_ list: [Finding], columns: Int) -> String {
    var out = "<tr class=\"notes\"><td class=\"ln\"></td><td colspan=\"\(columns - 1)\"><ul>"
    for f in list {
      out += "<li id=\"\(f.anchor)\" class=\"o-\(f.occurrence.outcome.rawValue)\">" + HTMLFilePage.describe(f.occurrence, root: root) + "</li>"
    }
    return out + "</ul></td></tr>\n"
  }
}
