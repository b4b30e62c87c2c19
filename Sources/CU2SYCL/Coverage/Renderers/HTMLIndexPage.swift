import Foundation

/// index.html: the headline numbers, the run's facts, and the tables by directory, file, category and
/// API that lead to the files' pages and the warnings' explanations.
enum HTMLIndexPage {
  /// How many APIs still needing work the summary lists.
  static let apiLimit = 25

  static func render(_ site: HTMLSite) -> String {
    let r = site.report
    var body = HTML.navigation(root: "", current: "index.html")
    body += "<main>\n<h1>CUDA to SYCL migration report</h1>\n"
    body += "<p class=\"roots\"><code>\(HTML.escape(r.inputRoot))</code>"
    if let out = r.outputRoot { body += " → <code>\(HTML.escape(out))</code>" }
    body += "</p>\n"
    body += headline(r) + facts(r) + problems(site) + directories(r) + files(site) + categories(r) + apis(site)
    body += "<p class=\"foot\">Converted % = converted ÷ found: constructs to review, manual and unsupported ones do not count as converted. Effort is a planning figure per finding (low 0.1 h, medium 0.5 h, high 2 h), not a promise.</p>\n"
    body += "</main>\n"
    return HTML.page(title: "cu2sycl report: " + r.inputRoot, root: "", body: body)
  }

  static func headline(_ r: MigrationReport) -> String {
    let t = r.totals, e = r.effort, l = r.lines
    return """
    <section class="cards" aria-label="Totals">
    <div class="card wide"><p class="big">\(HTML.percent(t))</p><p>converted: \(t.converted) of \(t.found) CUDA constructs</p>\(HTML.bar(t))\(HTML.legend())</div>
    <div class="card"><h2>Found</h2><dl class="counts"><dt>found</dt><dd>\(t.found)</dd><dt>converted</dt><dd>\(t.converted)</dd><dt>review</dt><dd>\(t.review)</dd><dt>manual</dt><dd>\(t.manual)</dd><dt>unsupported</dt><dd>\(t.unsupported)</dd></dl></div>
    <div class="card"><h2>Effort</h2><p class="mid">\(HTML.hours(e.hours))</p><dl class="counts"><dt>low</dt><dd>\(e.low)</dd><dt>medium</dt><dd>\(e.medium)</dd><dt>high</dt><dd>\(e.high)</dd></dl></div>
    <div class="card"><h2>Lines</h2><dl class="counts"><dt>total</dt><dd>\(l.total)</dd><dt>changed</dt><dd>\(l.changed)</dd><dt>need attention</dt><dd>\(l.attention)</dd></dl></div>
    </section>

    """
  }

  static func facts(_ r: MigrationReport) -> String {
    let status = Dictionary(grouping: r.files, by: \.status).mapValues(\.count)
    var files = "\(status[.migrated] ?? 0) migrated, \(status[.copied] ?? 0) copied"
    if let n = status[.skipped] { files += ", \(n) skipped" }
    if let n = status[.failed] { files += ", \(n) failed" }
    let errors = r.files.filter { $0.hasErrors && $0.status != .failed }.count
    if errors > 0 { files += ", \(errors) with parse errors" }
    var rows: [(String, String)] = [
      ("Tool", "\(r.tool) \(r.toolVersion)"), ("CUDA environment", r.cudaEnvironment),
      ("Generated", r.run.generatedAt), ("Files", files),
    ]
    if !r.run.extraArguments.isEmpty { rows.append(("Extra arguments", r.run.extraArguments.joined(separator: " "))) }
    if let n = r.run.mergedFrom { rows.append(("Merged from", "\(n) reports")) }
    return "<dl class=\"facts\">" + rows.map { "<dt>\($0.0)</dt><dd>\(HTML.escape($0.1))</dd>" }.joined() + "</dl>\n"
  }

  /// Files that failed or have parse errors, and overlapping rewrites: shown first when there are any.
  /// Many files with errors usually share one cause (a missing -I), so their list folds away.
  static func problems(_ site: HTMLSite) -> String {
    let failed = site.report.failedFiles, conflicts = site.report.conflicts
    if failed.isEmpty && conflicts.isEmpty { return "" }
    var out = "<section class=\"problems\"><h2>Problems</h2>\n"
    if !failed.isEmpty {
      let n = failed.count
      out += "<p>\(n) file\(n == 1 ? "" : "s") could not be migrated completely: \(n == 1 ? "its" : "their") counts may be incomplete. A missing include path or macro is the usual cause: pass it with <code>--extra-arg</code>.</p>\n"
      out += "<details\(n <= 3 ? " open" : "")><summary>The files and their first errors</summary><ul>\n"
      for f in failed {
        out += "<li>\(fileLink(f, site, root: "")) \(f.status == .failed ? "could not be migrated" : "has parse errors")"
        let messages = f.diagnostics.prefix(3).map { HTML.escape("\($0)") }
        if !messages.isEmpty { out += "<ul>" + messages.map { "<li><code>\($0)</code></li>" }.joined() + "</ul>" }
        out += "</li>\n"
      }
      out += "</ul></details>\n"
    }
    if !conflicts.isEmpty {
      out += "<p>Overlapping rewrites (a cu2sycl bug; the code there is only partly converted):</p><ul>\n"
        + conflicts.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
    }
    return out + "</section>\n"
  }

  static func table(_ id: String, caption: String, headers: String, rows: [String]) -> String {
    "<div class=\"scroll\"><table class=\"sortable\" id=\"\(id)\"><caption>\(caption)</caption><thead><tr>\(headers)</tr></thead><tbody>\n"
      + rows.map { $0 + "\n" }.joined() + "</tbody></table></div>\n"
  }

  static func directories(_ r: MigrationReport) -> String {
    let rows = r.directories.map { d in
      let l = d.lines ?? LineCounts()
      let name = d.name == "." ? "(all)" : d.name + "/"
      return "<tr><td data-v=\"\(HTML.escape(d.name))\"><code>\(HTML.path(name))</code></td>" + HTML.countCells(d.counts, d.effort)
        + HTML.number(l.total) + HTML.number(l.changed) + HTML.number(l.attention) + "</tr>"
    }
    return "<section><h2>By directory</h2>\n" + table("directories", caption: "Totals of every directory with the files below it (sortable: click a column header).",
      headers: "<th scope=\"col\">Directory</th>" + HTML.countHeaders + lineHeaders, rows: rows) + "</section>\n"
  }

  static let lineHeaders = "<th scope=\"col\" class=\"num\">Lines</th><th scope=\"col\" class=\"num\">Changed</th><th scope=\"col\" class=\"num\">Attention</th>"

  static func files(_ site: HTMLSite) -> String {
    let listed = site.report.files.filter { $0.status != .copied || $0.counts.found > 0 }.sorted { $0.input < $1.input }
    let copied = site.report.files.count - listed.count
    let rows = listed.map { f in
      "<tr><td data-v=\"\(HTML.escape(f.input))\">\(fileLink(f, site, root: ""))</td><td>\(f.hasErrors && f.status != .failed ? "migrated, errors" : f.status.rawValue)</td>"
        + HTML.countCells(f.counts, f.effort) + HTML.number(f.lines.total) + HTML.number(f.lines.changed) + HTML.number(f.lines.attention) + "</tr>"
    }
    var out = "<section><h2>By file</h2>\n" + table("files", caption: "Each file links to its CUDA and SYCL side by side, with its findings.",
      headers: "<th scope=\"col\">File</th><th scope=\"col\">Status</th>" + HTML.countHeaders + lineHeaders, rows: rows)
    if copied > 0 { out += "<p class=\"note\">\(copied) file\(copied == 1 ? "" : "s") without CUDA copied unchanged \(copied == 1 ? "is" : "are") not listed.</p>\n" }
    return out + "</section>\n"
  }

  static func fileLink(_ f: FileReport, _ site: HTMLSite, root: String) -> String {
    guard let page = site.pages[f.input] else { return "<code>\(HTML.path(f.input))</code>" }
    return "<a href=\"\(root)\(page)\"><code>\(HTML.path(f.input))</code></a>"
  }

  static func categories(_ r: MigrationReport) -> String {
    let rows = r.categories.map { c in
      "<tr><td>\(HTML.escape(c.name))</td>" + HTML.countCells(c.counts, c.effort) + "</tr>"
    }
    return "<section><h2>By category</h2>\n" + table("categories", caption: "The area of CUDA each construct belongs to.",
      headers: "<th scope=\"col\">Category</th>" + HTML.countHeaders, rows: rows) + "</section>\n"
  }

  /// The constructs leaving most work, with the warnings that explain what to do and where they are.
  static func apis(_ site: HTMLSite) -> String {
    let pending = site.report.apis.filter { $0.counts.converted < $0.counts.found }
    guard !pending.isEmpty else { return "<section><h2>APIs needing work</h2><p>None: every CUDA construct found was converted.</p></section>\n" }
    let open = Dictionary(grouping: site.report.occurrences.filter { $0.outcome != .converted }, by: \.name)
    let rows = pending.prefix(apiLimit).map { api -> String in
      let list = open[api.name] ?? []
      let warnings = Set(list.compactMap(\.warning)).sorted().map { HTMLSite.warningLink($0, root: "") }.joined(separator: " ")
      let files = Set(list.map(\.file)).sorted()
      let where_ = files.prefix(3).map { f -> String in
        let first = list.first { $0.file == f }!
        guard let page = site.pages[f] else { return "<code>\(HTML.path(f)):\(first.line)</code>" }
        return "<a href=\"\(page)#L\(first.line)\"><code>\(HTML.path(f)):\(first.line)</code></a>"
      }.joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
      let c = api.counts
      return "<tr><td data-v=\"\(HTML.escape(api.name))\"><code>\(HTML.escape(api.name))</code></td><td>\(HTML.escape(list.first?.category.rawValue ?? ""))</td>"
        + HTML.number(c.found - c.converted) + HTML.number(c.review) + HTML.number(c.manual) + HTML.number(c.unsupported)
        + HTML.number(api.effort.hours, HTML.hours(api.effort.hours)) + "<td>\(warnings)</td><td>\(where_)</td></tr>"
    }
    var out = "<section><h2>APIs needing work</h2>\n" + table("apis", caption: "CUDA constructs with occurrences not converted, most work first; the warning explains what to do.",
      headers: "<th scope=\"col\">Construct</th><th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Open</th><th scope=\"col\" class=\"num\">Review</th><th scope=\"col\" class=\"num\">Manual</th><th scope=\"col\" class=\"num\">Unsupported</th><th scope=\"col\" class=\"num\">Effort</th><th scope=\"col\">Warning</th><th scope=\"col\">Where</th>",
      rows: Array(rows))
    if pending.count > apiLimit { out += "<p class=\"note\">\(pending.count - apiLimit) more constructs need work; the JSON report lists them all.</p>\n" }
    return out + "</section>\n"
  }
}
