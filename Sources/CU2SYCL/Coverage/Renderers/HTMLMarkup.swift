import Foundation

/// The small pieces every page of the HTML report is made of: escaping, number formats, the page
/// shell, the stacked outcome bar and its legend. Text from sources and reports always goes through
/// `escape` (it contains `<`, `&` and quotes).
public enum HTML {
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Control characters other than tab are not allowed in HTML text: show them as U+FFFD.
      case "\t": out.unicodeScalars.append(c)
      case _ where c.value < 0x20 || c.value == 0x7f: out += "\u{FFFD}"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A path that may wrap after each `/` (long directory names would widen the tables).
  static func path(_ p: String) -> String { escape(p).replacingOccurrences(of: "/", with: "/<wbr>") }

  static func escape<S: Sequence>(bytes: S) -> String where S.Element == UInt8 {
    escape(String(decoding: Array(bytes), as: UTF8.self))
  }

  /// `83.3%`; fixed format so the site is byte-identical for the same report.
  static func percent(_ c: CoverageCounts) -> String { String(format: "%.1f%%", c.percent) }
  static func hours(_ h: Double) -> String { String(format: "%.1f h", h) }

  /// Outcomes needing a person, the most serious first.
  static let findingOutcomes: [Outcome] = [.unsupported, .manual, .review]

  static func severity(_ o: Outcome) -> Int {
    switch o {
    case .converted: return 0
    case .review: return 1
    case .manual: return 2
    case .unsupported: return 3
    }
  }

  /// A whole page. `root` is the relative path from the page to the site's root ("" or "../../").
  static func page(title: String, root: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'">
    <title>\(escape(title))</title>
    <link rel="stylesheet" href="\(root)\(HTMLStyle.cssPath)">
    </head>
    <body>
    \(body)<script src="\(root)\(HTMLStyle.scriptPath)"></script>
    </body>
    </html>

    """
  }

  /// The site's top bar: the report's name and links to its pages.
  static func navigation(root: String, current: String) -> String {
    func link(_ path: String, _ label: String) -> String {
      path == current ? "<span aria-current=\"page\">\(label)</span>" : "<a href=\"\(root)\(path)\">\(label)</a>"
    }
    return "<header class=\"site\"><span class=\"brand\">cu2sycl</span><nav>\(link("index.html", "Summary")) \(link(HTMLWarningsPage.path, "Warnings"))</nav></header>\n"
  }

  /// "12 converted, 1 review, 0 manual, 3 unsupported": the bar's text for readers without color.
  static func breakdown(_ c: CoverageCounts) -> String {
    "\(c.converted) converted, \(c.review) review, \(c.manual) manual, \(c.unsupported) unsupported"
  }

  /// A horizontal bar split by outcome; its title and label carry the numbers.
  static func bar(_ c: CoverageCounts) -> String {
    let label = c.found == 0 ? "no CUDA constructs" : breakdown(c)
    var out = "<div class=\"bar\" role=\"img\" aria-label=\"\(label)\" title=\"\(label)\">"
    let parts: [(Outcome, Int)] = [(.converted, c.converted), (.review, c.review), (.manual, c.manual), (.unsupported, c.unsupported)]
    for (outcome, n) in parts where n > 0 {
      out += "<span class=\"o-\(outcome.rawValue)\" style=\"width:\(String(format: "%.2f", Double(n) * 100 / Double(c.found)))%\"></span>"
    }
    return out + "</div>"
  }

  static func legend() -> String {
    "<p class=\"legend\">" + Outcome.allCases.map { "<span><i class=\"o-\($0.rawValue)\"></i>\($0.rawValue)</span>" }.joined(separator: " ") + "</p>\n"
  }

  /// A badge naming an outcome (text, so it reads without color).
  static func badge(_ o: Outcome) -> String { "<span class=\"badge o-\(o.rawValue)\">\(o.rawValue)</span>" }

  /// A table cell with a number the sort script reads from `data-v`.
  static func number(_ v: Int) -> String { "<td class=\"num\" data-v=\"\(v)\">\(v)</td>" }
  static func number(_ v: Double, _ text: String) -> String {
    "<td class=\"num\" data-v=\"\(String(format: "%.2f", v))\">\(text)</td>"
  }

  /// The outcome count cells shared by the directory, file and category tables.
  static func countCells(_ c: CoverageCounts, _ e: EffortCounts) -> String {
    number(c.found) + number(c.converted) + number(c.review) + number(c.manual) + number(c.unsupported)
      + number(c.percent, percent(c)) + number(e.hours, hours(e.hours)) + "<td class=\"barcell\">\(bar(c))</td>"
  }

  static let countHeaders = "<th scope=\"col\" class=\"num\">Found</th><th scope=\"col\" class=\"num\">Converted</th><th scope=\"col\" class=\"num\">Review</th><th scope=\"col\" class=\"num\">Manual</th><th scope=\"col\" class=\"num\">Unsupported</th><th scope=\"col\" class=\"num\">Converted %</th><th scope=\"col\" class=\"num\">Effort</th><th scope=\"col\" class=\"barcell nosort\">Breakdown</th>"
}
