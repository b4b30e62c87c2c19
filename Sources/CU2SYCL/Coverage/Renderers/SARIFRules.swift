/// Rule metadata and tool notifications of the SARIF rendering.
extension SARIFReport {
  /// Rules for findings that carry no warning of their own: a rule claimed them as part of a larger
  /// construct (the arguments of a call it left to a person, say), whose own finding says what to do.
  static func fallbackRuleId(_ outcome: Outcome) -> String { outcome == .review ? "cu2sycl-review" : "cu2sycl-manual" }

  static func fallbackTitle(_ outcome: Outcome) -> String {
    outcome == .review ? "part of a construct converted with a risk to check" : "part of a construct left to a person"
  }

  static func fallbackExplanation(_ outcome: Outcome) -> String {
    "A cu2sycl rule claimed this occurrence together with the code around it (a call, declaration or captured region) "
      + (outcome == .review ? "and converted it, with a risk to check. " : "and left it as written. ")
      + "The CU2SYCL-Wnnn finding on that construct says what to do."
  }

  static func rule(_ id: String, levels: [String]) -> SARIF.Rule {
    let severity = ["note", "warning", "error"]
    let level = levels.max { severity.firstIndex(of: $0)! < severity.firstIndex(of: $1)! } ?? "warning"
    let title: String, explanation: String, effort: Effort
    if let kind = Warnings.kind(id: id) {
      (title, explanation, effort) = (kind.title, kind.explanation, kind.effort)
    } else if let outcome = [Outcome.review, .manual].first(where: { fallbackRuleId($0) == id }) {
      (title, explanation, effort) = (fallbackTitle(outcome), fallbackExplanation(outcome), outcome == .review ? .low : .medium)
    } else {
      // A warning this build does not know (a report written by another cu2sycl version).
      (title, explanation, effort) = ("cu2sycl warning \(id)", "See `cu2sycl explain \(id)` in the cu2sycl version that wrote the report.", .high)
    }
    return SARIF.Rule(
      id: id, name: SARIFText.ruleName(title),
      shortDescription: SARIF.Message(text: title),
      fullDescription: SARIF.Message(text: explanation),
      help: SARIF.Message(text: explanation, markdown: SARIFText.markdown(explanation)),
      defaultConfiguration: SARIF.Configuration(level: level),
      properties: SARIF.RuleProperties(effort: effort.rawValue))
  }

  /// File diagnostics (parse errors, unreadable files, outputs not written) and rewrite conflicts.
  static func notifications(_ report: MigrationReport) -> [SARIF.Notification] {
    var out: [SARIF.Notification] = []
    for file in report.files.sorted(by: { $0.input < $1.input }) {
      for d in file.diagnostics {
        let region = d.line > 0 ? SARIF.Region(startLine: d.line, startColumn: d.column > 0 ? d.column : nil) : nil
        let location = SARIF.Location(physicalLocation: SARIF.PhysicalLocation(artifactLocation: artifact(d.file), region: region))
        out.append(SARIF.Notification(level: ["error", "warning"].contains(d.severity) ? d.severity : "note",
                                      message: SARIF.Message(text: d.message), locations: [location]))
      }
    }
    for conflict in report.conflicts {
      out.append(SARIF.Notification(level: "warning", message: SARIF.Message(text: "\(Warnings.conflict.title): \(conflict)")))
    }
    return out
  }
}
