/// warnings.html: every warning the report's findings name, with its title, effort level and
/// explanation (anchored `#W013` for the links from the other pages), and where it occurs. Only the
/// report's warnings are listed, so the page stays about this project (`cu2sycl explain` and
/// Docs/Rules.md have them all).
enum HTMLWarningsPage {
  static let path = "warnings.html"

  static func render(_ site: HTMLSite) -> String {
    let byWarning = Dictionary(grouping: site.report.occurrences.filter { $0.outcome != .converted && $0.warning != nil }) { $0.warning! }
    var body = HTML.navigation(root: "", current: path)
    body += "<main>\n<h1>Warnings in this report</h1>\n"
    body += "<p class=\"roots\">Each finding names a warning: what it means and what to do. <code>cu2sycl explain Wnnn</code> prints the same text.</p>\n"
    if byWarning.isEmpty { body += "<p>No findings name a warning.</p>\n" }
    for id in byWarning.keys.sorted() {
      let list = byWarning[id]!
      let kind = Warnings.kind(id: id)
      body += "<section class=\"warning\" id=\"\(HTML.escape(id))\">\n<h2><span class=\"wid\">\(HTML.escape(id))</span> \(HTML.escape(kind?.title ?? "unknown warning"))</h2>\n"
      var meta = "\(list.count) finding\(list.count == 1 ? "" : "s")"
      if let e = kind?.effort { meta = "Effort: <strong>\(e.rawValue)</strong> (about \(HTML.hours(e.hours)) per finding) · " + meta }
      body += "<p class=\"meta\">\(meta)</p>\n"
      body += "<p>\(HTML.escape(kind?.explanation ?? "This cu2sycl does not know this warning id; the report may come from another version."))</p>\n"
      body += "<p class=\"where\">In: " + places(list, site) + "</p>\n</section>\n"
    }
    body += "</main>\n"
    return HTML.page(title: "Warnings · cu2sycl report", root: "", body: body)
  }

  /// The files a warning occurs in, each linking to its first occurrence there.
  static func places(_ list: [Occurrence], _ site: HTMLSite) -> String {
    Dictionary(grouping: list, by: \.file).sorted { $0.key < $1.key }.map { file, occurrences in
      let first = occurrences.min { ($0.line, $0.column) < ($1.line, $1.column) }!
      let label = "<code>\(HTML.escape(file))</code>" + (occurrences.count > 1 ? " (\(occurrences.count))" : "")
      guard let page = site.pages[file] else { return label }
      return "<a href=\"\(page)#L\(first.line)\">\(label)</a>"
    }.joined(separator: ", ")
  }
}
