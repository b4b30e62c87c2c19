import Foundation

/// The HTML report: a self-contained static site (no network resources) rendered from a report.
///   index.html            the summary: totals, directories, files, categories, APIs needing work
///   files/<input>.html    each migrated file: findings, and the CUDA next to its SYCL
///   warnings.html         the warnings the report uses, with their explanations
///   report.css, report.js the style and the table-sorting script
/// The output depends only on the report and the two source trees, so the same run gives a
/// byte-identical site.
public enum HTMLReport {
  public static func render(_ report: MigrationReport, options: RenderOptions) -> [(path: String, bytes: [UInt8])] {
    let site = HTMLSite(report: report, options: options)
    var files: [(path: String, bytes: [UInt8])] = [
      ("index.html", Array(HTMLIndexPage.render(site).utf8)),
      (HTMLWarningsPage.path, Array(HTMLWarningsPage.render(site).utf8)),
      (HTMLStyle.cssPath, Array(HTMLStyle.css.utf8)),
      (HTMLStyle.scriptPath, Array(HTMLStyle.script.utf8)),
    ]
    for file in site.pagedFiles {
      files.append((site.pages[file.input]!, Array(HTMLFilePage.render(file, site: site).utf8)))
    }
    return files
  }
}

/// What every page needs to know about the site: the report, where the sources are, and the page of
/// each file.
struct HTMLSite {
  let report: MigrationReport
  let inputRoot: String
  let outputRoot: String?
  /// Files that get a page: every migrated file, and any other with occurrences (a failed one).
  let pagedFiles: [FileReport]
  /// Page path (relative to the site root) by input path.
  let pages: [String: String]
  /// Occurrences by input file.
  let occurrencesByFile: [String: [Occurrence]]

  init(report: MigrationReport, options: RenderOptions) {
    self.report = report
    inputRoot = options.inputRoot ?? report.inputRoot
    outputRoot = options.outputRoot ?? report.outputRoot
    occurrencesByFile = Dictionary(grouping: report.occurrences, by: \.file)
    pagedFiles = report.files.filter { $0.status == .migrated || $0.counts.found > 0 }.sorted { $0.input < $1.input }
    var pages: [String: String] = [:]
    var taken = Set<String>()
    for f in pagedFiles {
      let base = "files/" + HTMLSite.sanitize(f.input)
      var path = base + ".html"
      var n = 2
      // Sanitizing may map two inputs to one name (and case-insensitive disks fold case): number them.
      while taken.contains(path.lowercased()) { path = base + "-\(n).html"; n += 1 }
      taken.insert(path.lowercased())
      pages[f.input] = path
    }
    self.pages = pages
  }

  /// A relative input path made safe as a path in the site: segments keep letters, digits and `._-+`
  /// (anything else becomes `_`), and `.`/`..`/empty segments become `_`, so no page escapes `files/`
  /// and every link needs no URL escaping.
  static func sanitize(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
      let safe = String(segment.unicodeScalars.map { c -> Character in
        c.isASCII && (CharacterSet.alphanumerics.contains(c) || "._-+".unicodeScalars.contains(c)) ? Character(c) : "_"
      })
      return safe.isEmpty || safe == "." || safe == ".." ? "_" : safe
    }.joined(separator: "/")
  }

  /// The relative path from a page to the site root: "../" per directory level.
  static func root(of page: String) -> String {
    String(repeating: "../", count: page.split(separator: "/").count - 1)
  }

  /// A link to a warning's explanation from a page at `root`.
  static func warningLink(_ id: String, root: String) -> String {
    "<a class=\"wid\" href=\"\(root)\(HTMLWarningsPage.path)#\(HTML.escape(id))\">\(HTML.escape(id))</a>"
  }
}
