/// The page of one migrated file: its numbers, the list of its findings (each linking to its line),
/// and the CUDA next to its SYCL. A source that cannot be read gets a note instead of the view, so a
/// report rendered away from its trees still renders.
enum HTMLFilePage {
  static func render(_ file: FileReport, site: HTMLSite) -> String {
    let page = site.pages[file.input]!
    let root = HTMLSite.root(of: page)
    let occurrences = site.occurrencesByFile[file.input] ?? []
    let findings = occurrences.filter { $0.outcome != .converted }
      .sorted { ($0.line, $0.column, $0.name) < ($1.line, $1.column, $1.name) }
      .enumerated().map { HTMLSourceView.Finding(occurrence: $1, anchor: "f\($0 + 1)") }
    let c = file.counts, l = file.lines

    var body = HTML.navigation(root: root, current: page)
    body += "<main>\n<h1><code>\(HTML.escape(file.input))</code></h1>\n"
    var facts = "<p class=\"roots\">\(file.hasErrors && file.status != .failed ? "migrated with parse errors" : file.status.rawValue)"
    if let out = file.output { facts += " → <code>\(HTML.escape(out))</code>" }
    body += facts + "</p>\n"
    body += "<p class=\"summary\"><strong>\(HTML.percent(c))</strong> converted: \(c.found) found, \(HTML.breakdown(c)) · effort \(HTML.hours(file.effort.hours)) · \(l.total) lines, \(l.changed) changed, \(l.attention) need attention</p>\n"
    body += HTML.bar(c) + "\n"
    if !file.diagnostics.isEmpty {
      body += "<details class=\"problems\"><summary>\(file.diagnostics.count) compiler diagnostic\(file.diagnostics.count == 1 ? "" : "s")</summary><ul>"
        + file.diagnostics.map { "<li><code>\(HTML.escape("\($0)"))</code></li>" }.joined() + "</ul></details>\n"
    }
    body += findingsList(findings, root: root)
    body += "<section><h2>Source</h2>\n" + source(file, site: site, findings: findings, root: root) + "</section>\n</main>\n"
    return HTML.page(title: file.input + " · cu2sycl report", root: root, body: body)
  }

  static func findingsList(_ findings: [HTMLSourceView.Finding], root: String) -> String {
    guard !findings.isEmpty else { return "<section><h2>Findings</h2><p>None: everything CUDA in this file was converted.</p></section>\n" }
    var out = "<section><h2>Findings (\(findings.count))</h2>\n<table class=\"findings\"><thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Outcome</th><th scope=\"col\">Construct</th><th scope=\"col\">Warning</th><th scope=\"col\">What to do</th></tr></thead><tbody>\n"
    for f in findings {
      let o = f.occurrence
      out += "<tr><td class=\"num\"><a href=\"#L\(o.line)\">\(o.line)</a></td><td>\(HTML.badge(o.outcome))</td><td><a href=\"#\(f.anchor)\"><code>\(HTML.escape(o.name))</code></a></td>"
        + "<td>\(o.warning.map { HTMLSite.warningLink($0, root: root) } ?? "")</td><td>\(HTML.escape(message(o)))</td></tr>\n"
    }
    return out + "</tbody></table></section>\n"
  }

  /// What the finding asks a person to do: its message, else its warning's title.
  static func message(_ o: Occurrence) -> String {
    o.message ?? o.warning.flatMap { Warnings.kind(id: $0)?.title } ?? "\(o.kind.rawValue) not converted"
  }

  /// One finding in a sentence, for the notes under a CUDA line.
  static func describe(_ o: Occurrence, root: String) -> String {
    HTML.badge(o.outcome) + " " + (o.warning.map { HTMLSite.warningLink($0, root: root) + " " } ?? "")
      + "<code>\(HTML.escape(o.name))</code>: \(HTML.escape(message(o)))"
  }

  static func source(_ file: FileReport, site: HTMLSite, findings: [HTMLSourceView.Finding], root: String) -> String {
    let inputPath = site.inputRoot + "/" + file.input
    guard let cuda = SourceLines.read(inputPath) else {
      return "<p class=\"missing\">The CUDA source is not shown: <code>\(HTML.escape(inputPath))</code> could not be read. Render the report where the input tree is to see the CUDA next to its SYCL; the findings above are complete.</p>\n"
    }
    var note = ""
    var sycl: SourceLines?
    if let out = file.output, let outputRoot = site.outputRoot {
      let outputPath = outputRoot + "/" + out
      sycl = SourceLines.read(outputPath)
      if sycl == nil { note = "<p class=\"missing\">The SYCL output <code>\(HTML.escape(outputPath))</code> could not be read: the CUDA is shown alone.</p>\n" }
    } else {
      note = "<p class=\"missing\">This run wrote no SYCL for this file: the CUDA is shown alone.</p>\n"
    }
    let legend = "<p class=\"legend\"><span><i class=\"chg\"></i>changed line</span> "
      + HTML.findingOutcomes.reversed().map { "<span><i class=\"o-\($0.rawValue)\"></i>\($0.rawValue)</span>" }.joined(separator: " ") + "</p>\n"
    return note + legend + HTMLSourceView(cuda: cuda, sycl: sycl, findings: findings, names: (file.input, file.output), root: root).render()
  }
}
