import Foundation

/// What `cu2sycl explain TOPIC` prints, built from the warnings' texts and the rules' own summaries and
/// examples (which run as tests), so editor tooling and reports can show the same reference.
public enum Explanation {
  /// A rule example together with the rule that documents it.
  public struct Example: Sendable {
    public let rule: String
    public let example: RuleExample
  }

  /// The explanation of a warning id (`W012`, `w012`, `CU2SYCL-W012`), a CUDA name a rule covers, or a
  /// rule id; nil when cu2sycl knows nothing about the topic.
  public static func text(for topic: String) -> String? {
    if let warning = warning(topic) { return text(for: warning) }
    // A covered name before a rule id, as before: the name is what users ask about.
    if let rule = RuleRegistry.rules.first(where: { $0.covers.contains(topic) }) { return text(forName: topic, handledBy: rule) }
    if let rule = RuleRegistry.rule(id: topic) { return text(for: rule) }
    return nil
  }

  /// The warning a topic names, with or without the `CU2SYCL-` prefix, in any case.
  public static func warning(_ topic: String) -> WarningKind? {
    var id = topic.uppercased()
    if id.hasPrefix("CU2SYCL-") { id.removeFirst("CU2SYCL-".count) }
    return Warnings.kind(id: id)
  }

  /// Every rule example whose CUDA mentions `name` as a whole identifier (`cudaMemcpy` is not in
  /// `cudaMemcpy2D`), shortest first.
  public static func examples(mentioning name: String) -> [Example] {
    shortestFirst(allExamples.filter { mentions(name, in: $0.example.cuda) })
  }

  /// Every rule example whose SYCL carries the warning's `// CU2SYCL-Wnnn:` finding, shortest first.
  public static func examples(raising warning: WarningKind) -> [Example] {
    let marker = "CU2SYCL-\(warning.id):"
    return shortestFirst(allExamples.filter { $0.example.sycl.contains(marker) })
  }

  /// Whether `name` occurs in `text` not as part of a longer identifier; a name ending in `*` (covers
  /// write `CU_EVENT_*` for a family) matches every identifier it begins.
  public static func mentions(_ name: String, in text: String) -> Bool {
    let isFamily = name.count > 1 && name.hasSuffix("*")
    let needle = isFamily ? String(name.dropLast()) : name
    guard let first = needle.first, let last = needle.last else { return false }
    var from = text.startIndex
    while let r = text.range(of: needle, range: from..<text.endIndex) {
      let joinedBefore = r.lowerBound > text.startIndex && isIdentifier(first) && isIdentifier(text[text.index(before: r.lowerBound)])
      let joinedAfter = !isFamily && r.upperBound < text.endIndex && isIdentifier(last) && isIdentifier(text[r.upperBound])
      if !joinedBefore && !joinedAfter { return true }
      from = text.index(after: r.lowerBound)
    }
    return false
  }

  // MARK: - The three kinds of topic

  private static func text(for warning: WarningKind) -> String {
    var out = "CU2SYCL-\(warning.id): \(warning.title)\n\n\(warning.explanation)"
    // The declared effort, not an outcome: a warning's level does not tell review from manual.
    out += "\n\nEffort per finding: \(warning.effort.rawValue) (about \(warning.effort.hours) h, a rough planning figure)."
    let raising = examples(raising: warning)
    // Which rules' examples show it: the example data cannot tell which rule wrote the finding.
    let rules = RuleRegistry.rules.map { $0.id }.filter { id in raising.contains { $0.rule == id } }
    if !rules.isEmpty { out += "\n\nShown in the examples of the rule\(rules.count > 1 ? "s" : "") \(quotedList(rules))." }
    if let example = raising.first { out += "\n\n" + render(example) }
    return out
  }

  private static func text(forName name: String, handledBy rule: any MigrationRule.Type) -> String {
    var out = "\(name) is handled by the rule '\(rule.id)' (converted, or flagged where SYCL has no equivalent): \(rule.summary)"
    let mentioning = examples(mentioning: name)
    // The rule's own examples first; another rule's example still shows the name migrated.
    let own = mentioning.filter { $0.rule == rule.id }
    let shown = (own.isEmpty ? mentioning : own).prefix(2)
    if shown.isEmpty {
      out += "\n\nNo example shows \(name) directly; an example of the rule:"
      if let example = shortestFirst(rule.examples.map { Example(rule: rule.id, example: $0) }).first { out += "\n\n" + render(example) }
    } else {
      for example in shown { out += "\n\n" + render(example) }
    }
    return out
  }

  private static func text(for rule: any MigrationRule.Type) -> String {
    var out = "Rule '\(rule.id)': \(rule.summary)\n\nCovers: \(rule.covers.joined(separator: ", "))."
    for (n, example) in rule.examples.enumerated() { out += "\n\nExample \(n + 1):\n" + render(example) }
    return out
  }

  // MARK: - Pieces

  private static func render(_ example: Example) -> String {
    "Example (rule \(example.rule)):\n" + render(example.example)
  }

  private static func render(_ example: RuleExample) -> String {
    "CUDA:\n\(example.cuda.trimmedTrailingNewlines)\nSYCL:\n\(example.sycl.trimmedTrailingNewlines)"
  }

  private static let allExamples: [Example] = RuleRegistry.rules.flatMap { rule in
    rule.examples.map { Example(rule: rule.id, example: $0) }
  }

  /// Shortest (CUDA plus SYCL) first; the sort is stable, so equal lengths keep the rules' order.
  private static func shortestFirst(_ examples: [Example]) -> [Example] {
    examples.enumerated().sorted { a, b in
      let (la, lb) = (a.element.example.cuda.count + a.element.example.sycl.count, b.element.example.cuda.count + b.element.example.sycl.count)
      return la != lb ? la < lb : a.offset < b.offset
    }.map(\.element)
  }

  private static func quotedList(_ items: [String]) -> String {
    items.map { "'\($0)'" }.joined(separator: ", ")
  }

  private static func isIdentifier(_ c: Character) -> Bool {
    c == "_" || c.isLetter || c.isNumber
  }
}
