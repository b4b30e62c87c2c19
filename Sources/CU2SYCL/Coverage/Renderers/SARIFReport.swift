import Foundation

/// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE SARIF viewers). The mapping:
/// - One run; `tool.driver.rules` holds the warnings the results use (id, PascalCase name, title,
///   explanation as full description and help, effort in properties), sorted by id.
/// - One result per finding (review, manual, unsupported; never converted), in file/line order; ruleId is
///   the warning id (W001 for unsupported). Findings without a warning of their own (parts of a larger
///   construct a rule left to a person) use the rules `cu2sycl-review` / `cu2sycl-manual`.
/// - Levels by outcome: review → note (converted, a risk to check), manual → warning (cu2sycl says what
///   to do), unsupported → error (unknown CUDA left as written, will not build). A rule's default level is
///   the most severe level among its results.
/// - Locations: uri relative to %SRCROOT% (= the input root's file URI), 1-based line and column (bytes, as
///   clang counts: equal to SARIF's UTF-16 units on ASCII lines), endColumn only when the construct is
///   known to fit on one line (the report has no text), byteOffset/byteLength exactly; the enclosing
///   function as a logical location.
/// - partialFingerprints["cu2syclFinding/v1"]: a 64-bit hash of file, enclosing function, construct kind, name,
///   rule id and the ordinal among identical findings in that function: no line numbers or text, so a
///   finding keeps its identity when code above it moves or is edited.
/// - invocations[0]: executionSuccessful = no file failed or had parse errors (the CLI's exit status);
///   file diagnostics and rewrite conflicts are toolExecutionNotifications.
public enum SARIFReport {
  static let fingerprintKey = "cu2syclFinding/v1"
  static let rootBase = "SRCROOT"

  public static func render(_ report: MigrationReport) throws -> Data {
    let findings = report.occurrences.filter { $0.outcome != .converted }.sorted(by: fileOrder)
    let ruleIds = Set(findings.map(ruleId)).sorted()
    let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIds.enumerated().map { ($1, $0) })
    let fingerprints = fingerprints(findings)
    let results = findings.enumerated().map { i, o in
      result(o, ruleIndex: ruleIndex[ruleId(o)]!, fingerprint: fingerprints[i])
    }
    let rules = ruleIds.map { id in rule(id, levels: results.filter { $0.ruleId == id }.map(\.level)) }
    var baseIds: [String: SARIF.ArtifactLocation] = [:]
    // A base URI must be absolute; without one, consumers supply SRCROOT themselves (as GitHub does).
    if report.inputRoot.hasPrefix("/") { baseIds[rootBase] = SARIF.ArtifactLocation(uri: SARIFText.directoryURI(report.inputRoot)) }
    let run = SARIF.Run(
      tool: SARIF.Tool(driver: SARIF.Driver(name: report.tool, version: report.toolVersion, rules: rules)),
      originalUriBaseIds: baseIds,
      invocations: [SARIF.Invocation(executionSuccessful: report.failedFiles.isEmpty, toolExecutionNotifications: notifications(report),
                                     properties: SARIF.InvocationProperties(extraArguments: report.run.extraArguments))],
      results: results,
      properties: SARIF.RunProperties(cudaEnvironment: report.cudaEnvironment, generatedAt: report.run.generatedAt,
                                      mergedFrom: report.run.mergedFrom, totals: report.totals))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(SARIF.Log(runs: [run]))
  }

  static func fileOrder(_ a: Occurrence, _ b: Occurrence) -> Bool {
    (a.file, a.line, a.column, a.offset, a.kind.rawValue, a.name) < (b.file, b.line, b.column, b.offset, b.kind.rawValue, b.name)
  }

  static func ruleId(_ o: Occurrence) -> String {
    if let id = o.warning { return id }
    switch o.outcome {
    case .review, .manual: return fallbackRuleId(o.outcome)
    case .converted, .unsupported: return Warnings.unsupported.id
    }
  }

  static func level(_ outcome: Outcome) -> String {
    switch outcome {
    case .review, .converted: return "note"
    case .manual: return "warning"
    case .unsupported: return "error"
    }
  }

  /// Identity of each finding for code scanning: see the type's comment. Ordinals count in offset
  /// order within the same file, function, kind, name and rule.
  static func fingerprints(_ findings: [Occurrence]) -> [String] {
    var seen: [[String]: Int] = [:]
    var out = Array(repeating: "", count: findings.count)
    let byOffset = findings.indices.sorted { (findings[$0].file, findings[$0].offset) < (findings[$1].file, findings[$1].offset) }
    for i in byOffset {
      let o = findings[i]
      let key = [o.file, o.function ?? "", o.kind.rawValue, o.name, ruleId(o)]
      let ordinal = seen[key, default: 0]
      seen[key] = ordinal + 1
      out[i] = SARIFText.fingerprint(key + [String(ordinal)])
    }
    return out
  }

  static func result(_ o: Occurrence, ruleIndex: Int, fingerprint: String) -> SARIF.Result {
    let title = o.warning.flatMap(Warnings.kind(id:))?.title ?? fallbackTitle(o.outcome)
    // The occurrence's span is one line when it is exactly its name (or an #include directive).
    let oneLine = o.length == o.name.utf8.count || o.kind == .include
    let region = SARIF.Region(startLine: o.line, startColumn: o.column, endColumn: oneLine ? o.column + o.length : nil,
                              byteOffset: o.offset, byteLength: o.length)
    let location = SARIF.Location(physicalLocation: SARIF.PhysicalLocation(artifactLocation: artifact(o.file), region: region),
                                  logicalLocations: o.function.map { [SARIF.LogicalLocation(name: $0, kind: "function")] })
    return SARIF.Result(
      ruleId: ruleId(o), ruleIndex: ruleIndex, level: level(o.outcome),
      message: SARIF.Message(text: o.message ?? "\(title): \(o.name)"),
      locations: [location],
      partialFingerprints: [fingerprintKey: fingerprint],
      properties: SARIF.ResultProperties(category: o.category.rawValue, effort: o.effort?.rawValue, constructKind: o.kind.rawValue,
                                         outcome: o.outcome.rawValue, context: o.context.rawValue, migrationRule: o.rule))
  }

  /// A path relative to the input root, or an absolute one (a diagnostic in a header outside it).
  static func artifact(_ path: String) -> SARIF.ArtifactLocation {
    path.hasPrefix("/") ? SARIF.ArtifactLocation(uri: "file://" + SARIFText.uriPath(path))
                        : SARIF.ArtifactLocation(uri: SARIFText.uriPath(path), uriBaseId: rootBase)
  }
}
