import Clang
import Foundation

public struct MigrationOptions: Sendable {
  public var inputRoot: String
  /// Where to write the migrated tree; nil examines without writing.
  public var outputRoot: String?
  public var force = false
  /// Extra compiler arguments for every unit (-I, -D, ...).
  public var extraArguments: [String] = []
  public var cudaPath: String?

  public init(inputRoot: String, outputRoot: String?) {
    self.inputRoot = inputRoot
    self.outputRoot = outputRoot
  }
}

public enum MigrationError: Error, CustomStringConvertible {
  case outputInsideInput(String)
  case inputInsideOutput(String)
  case outputNotEmpty(String)
  case outputNotDirectory(String)
  public var description: String {
    switch self {
    case .outputInsideInput(let p): return "the output directory \(p) is inside the input tree; choose a directory outside it"
    case .inputInsideOutput(let p): return "the input tree is inside the output directory \(p); choose another output directory"
    case .outputNotEmpty(let p): return "the output directory \(p) is not empty; use --force to write into it anyway"
    case .outputNotDirectory(let p): return "the output path \(p) exists and is not a directory"
    }
  }
}

/// Runs the pipeline over a tree: discover, parse, census, plan, rewrite, emit, report.
public final class Migrator {
  public let options: MigrationOptions
  public let environment: CUDAEnvironment
  /// Called with each diagnostic line as it happens (the CLI prints them to stderr).
  public var onDiagnostic: (String) -> Void = { _ in }

  public init(options: MigrationOptions, environment: CUDAEnvironment? = nil) {
    self.options = options
    self.environment = environment ?? CUDAEnvironment.detect(explicitPath: options.cudaPath)
  }

  /// The migrated text of every file and the report, without writing anything.
  public struct Result {
    public var report: MigrationReport
    /// Output path (relative) -> bytes.
    public var outputs: [(path: String, bytes: [UInt8])]
  }

  public func run() throws -> MigrationReport {
    let outputRoot = try options.outputRoot.map { try validateOutput($0) }
    let result = try plan()
    if let outputRoot {
      var failures: [String: String] = [:]
      for (path, bytes) in result.outputs {
        do { try FileWriter.write(bytes, to: outputRoot + "/" + path) } catch {
          failures[path] = "cannot write \(outputRoot)/\(path): \(error.localizedDescription)"
          onDiagnostic("error: cannot write \(outputRoot)/\(path): \(error.localizedDescription)")
        }
      }
      var report = result.report
      report.outputRoot = outputRoot
      for i in report.files.indices {
        if let out = report.files[i].output, let message = failures[out] {
          report.files[i].status = .failed
          report.files[i].diagnostics.append(LocatedDiagnostic(file: report.files[i].input, line: 0, column: 0, severity: "error", message: message))
        }
      }
      return report
    }
    return result.report
  }

  private func validateOutput(_ path: String) throws -> String {
    let fm = FileManager.default
    let out = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let input = URL(fileURLWithPath: options.inputRoot).standardizedFileURL.resolvingSymlinksInPath().path
    if out == input || out.hasPrefix(input + "/") { throw MigrationError.outputInsideInput(out) }
    if input.hasPrefix(out + "/") { throw MigrationError.inputInsideOutput(out) }
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: out, isDirectory: &isDir) {
      guard isDir.boolValue else { throw MigrationError.outputNotDirectory(out) }
      let contents = (try? fm.contentsOfDirectory(atPath: out)) ?? []
      if !contents.isEmpty && !options.force { throw MigrationError.outputNotEmpty(out) }
    }
    return out
  }

  // MARK: Planning

  private struct FilePlan {
    var edits: [Edit] = []
    var warnings: [Int: [String]] = [:]
    var helpers = Set<RuntimeHelper>()
    var hasCUDA = false
  }

  public func plan() throws -> Result {
    let (project, problems) = try Project.discover(root: options.inputRoot)
    problems.forEach { onDiagnostic("error: \($0)") }
    let root = project.root
    var texts: [String: SourceText] = [:]
    var fileReports: [String: FileReport] = [:]
    for f in project.files {
      let path = root + "/" + f.relativePath
      guard f.role != .other else { continue }
      guard let data = FileManager.default.contents(atPath: path) else {
        fileReports[path] = FileReport(input: f.relativePath, output: nil, status: .failed, hasErrors: true,
                                       diagnostics: [LocatedDiagnostic(file: f.relativePath, line: 0, column: 0, severity: "error", message: "cannot read the file")],
                                       counts: CoverageCounts())
        onDiagnostic("\(path): error: cannot read the file")
        continue
      }
      let bytes = [UInt8](data)
      texts[path] = SourceText(path: path, bytes: bytes)
      if String(validating: bytes, as: UTF8.self) == nil {
        onDiagnostic("\(path): warning: the file is not valid UTF-8; its bytes are kept as they are")
      }
    }
    let userFiles = Set(texts.keys)
    let frontend = Frontend(environment: environment)
    var occurrences: [OccurrenceKey: Occurrence] = [:]
    var order: [OccurrenceKey] = []
    var plans: [String: FilePlan] = [:]
    var diagnostics: [String: [LocatedDiagnostic]] = [:]
    var conflicts: [String] = []
    var planned = Set<String>()

    func planUnit(_ path: String) {
      let tu: TranslationUnit
      do {
        let dir = (path as NSString).deletingLastPathComponent
        tu = try frontend.parse(path: path, extraArguments: ["-I", dir, "-I", root] + options.extraArguments)
      } catch {
        diagnostics[path, default: []].append(LocatedDiagnostic(file: path, line: 0, column: 0, severity: "error", message: "\(error)"))
        onDiagnostic("\(path): error: \(error)")
        return
      }
      for d in Frontend.located(tu.diagnostics, minimum: .error) {
        let owner = userFiles.contains(d.file) ? d.file : path
        if !(diagnostics[owner] ?? []).contains(d) {
          diagnostics[owner, default: []].append(d)
          onDiagnostic(d.description)
        }
      }
      let census = Census(tu: tu, environment: environment, userFiles: userFiles, texts: texts)
      let context = MigrationContext(census: census) { input in
        guard input.hasPrefix(root + "/") else { return nil }
        return root + "/" + Project.outputPath(for: String(input.dropFirst(root.count + 1)))
      }
      for rule in RuleRegistry.rules { rule.init().apply(to: context) }
      for i in context.pending({ _ in true }) {
        let o = context.entries[i].occurrence
        context.claim(i, .unsupported, rule: "none", warning: Warnings.unsupported,
                      message: "'\(o.name)' is not converted by cu2sycl yet; rewrite it by hand")
      }
      // The unit's own file, and headers no earlier unit planned, take this unit's plan.
      var mine = Set([path])
      for e in context.entries where !planned.contains(e.occurrence.file) { mine.insert(e.occurrence.file) }
      for e in context.edits where !planned.contains(e.file) { mine.insert(e.file) }
      for e in context.entries where mine.contains(e.occurrence.file) {
        var o = e.occurrence
        if o.rule == "none" { o.rule = nil }
        let key = o.key
        if occurrences[key] == nil { order.append(key) }
        occurrences[key] = o
        plans[o.file, default: FilePlan()].hasCUDA = true
      }
      for e in context.edits where mine.contains(e.file) { plans[e.file, default: FilePlan()].edits.append(e) }
      for (file, lines) in context.warningComments where mine.contains(file) {
        for (offset, comments) in lines { plans[file, default: FilePlan()].warnings[offset, default: []] += comments }
      }
      for (file, helpers) in context.helpers where mine.contains(file) { plans[file, default: FilePlan()].helpers.formUnion(helpers) }
      planned.formUnion(mine)
    }

    let units = project.files.filter { f in
      let path = root + "/" + f.relativePath
      guard let text = texts[path] else { return false }
      return f.role == .unit || (f.role == .cxx && Project.cxxSourceExtensions.contains((f.relativePath as NSString).pathExtension.lowercased())
        && Migrator.mentionsCUDA(text))
    }
    for f in units { planUnit(root + "/" + f.relativePath) }
    // Headers no unit included are migrated on their own.
    for f in project.files where f.role == .cudaHeader || (f.role == .cxx && !units.contains { $0.relativePath == f.relativePath }) {
      let path = root + "/" + f.relativePath
      guard !planned.contains(path), let text = texts[path], f.role == .cudaHeader || Migrator.mentionsCUDA(text) else { continue }
      planUnit(path)
    }

    // Emit.
    var outputs: [(String, [UInt8])] = []
    var usedHelpers = Set<RuntimeHelper>()
    for f in project.files {
      let path = root + "/" + f.relativePath
      if let report = fileReports[path] { fileReports[path] = report; continue }
      let outRel = Project.outputPath(for: f.relativePath)
      guard let text = texts[path], f.role == .unit || f.role == .cudaHeader || plans[path] != nil else {
        // Not CUDA: copied byte for byte.
        if let data = FileManager.default.contents(atPath: path) {
          outputs.append((f.relativePath, [UInt8](data)))
          fileReports[path] = FileReport(input: f.relativePath, output: f.relativePath, status: .copied, hasErrors: false, diagnostics: [], counts: CoverageCounts())
        } else {
          fileReports[path] = FileReport(input: f.relativePath, output: nil, status: .failed, hasErrors: true,
                                         diagnostics: [LocatedDiagnostic(file: f.relativePath, line: 0, column: 0, severity: "error", message: "cannot read the file")],
                                         counts: CoverageCounts())
        }
        continue
      }
      var plan = plans[path] ?? FilePlan()
      let fileDiagnostics = diagnostics[path] ?? []
      if !fileDiagnostics.isEmpty {
        plan.warnings[0, default: []].insert("// CU2SYCL-\(Warnings.parseError.id): \(Warnings.parseError.title): \(fileDiagnostics.count) error(s), first at line \(fileDiagnostics[0].line)", at: 0)
      }
      let depth = outRel.split(separator: "/").count - 1
      let bytes = render(text, plan: plan, runtimeInclude: String(repeating: "../", count: depth) + RuntimeHeader.relativePath,
                         conflicts: &conflicts)
      usedHelpers.formUnion(plan.helpers)
      outputs.append((outRel, bytes))
      let fileOccurrences = order.compactMap { occurrences[$0] }.filter { $0.file == path }
      fileReports[path] = FileReport(input: f.relativePath, output: outRel, status: .migrated, hasErrors: !fileDiagnostics.isEmpty,
                                     diagnostics: fileDiagnostics.map { relative($0, root: root) }, counts: CoverageCounts(fileOccurrences))
    }
    if !usedHelpers.isEmpty {
      outputs.append((RuntimeHeader.relativePath, Array(RuntimeHeader.contents(usedHelpers).utf8)))
    }
    let all = order.compactMap { occurrences[$0] }.map { o -> Occurrence in
      var o = o
      if o.file.hasPrefix(root + "/") { o.file = String(o.file.dropFirst(root.count + 1)) }
      return o
    }
    let reports = project.files.compactMap { fileReports[root + "/" + $0.relativePath] }
    let report = MigrationReport(cudaEnvironment: "\(environment.kind.rawValue): \(environment.root)", inputRoot: root,
                                 outputRoot: nil, totals: CoverageCounts(all), files: reports, occurrences: all,
                                 conflicts: conflicts)
    return Result(report: report, outputs: outputs)
  }

  private func relative(_ d: LocatedDiagnostic, root: String) -> LocatedDiagnostic {
    var d = d
    if d.file.hasPrefix(root + "/") { d.file = String(d.file.dropFirst(root.count + 1)) }
    return d
  }

  static func mentionsCUDA(_ text: SourceText) -> Bool {
    let s = text.string
    return s.contains("cuda") || s.contains("__global__") || s.contains("__device__") || s.contains("<<<")
  }

  /// Applies a file's edits, warning comments and includes.
  private func render(_ text: SourceText, plan: FilePlan, runtimeInclude: String, conflicts: inout [String]) -> [UInt8] {
    var rewriter = Rewriter(text: text)
    rewriter.add(contentsOf: plan.edits)
    let nl = text.newline
    let syclInclude = plan.edits.first { $0.rule == IncludeRule.id && $0.pieces == [.text("#include <sycl/sycl.hpp>")] }
    var includes = ""
    if syclInclude == nil && plan.hasCUDA { includes += "#include <sycl/sycl.hpp>" + nl }
    if !plan.helpers.isEmpty { includes += "#include \"\(runtimeInclude)\"" + nl }
    if !includes.isEmpty {
      if let site = syclInclude {
        rewriter.add(Edit(file: text.path, range: site.range.upperBound..<site.range.upperBound,
                          text: nl + includes.dropLast(nl.count), rule: "emit"))
      } else {
        rewriter.add(Edit(file: text.path, range: firstIncludeOffset(text)..<firstIncludeOffset(text), text: includes, rule: "emit"))
      }
    }
    for (offset, lines) in plan.warnings.sorted(by: { $0.key < $1.key }) {
      rewriter.add(Edit(file: text.path, range: offset..<offset, text: lines.map { $0 + nl }.joined(), rule: "warnings"))
    }
    let bytes = rewriter.apply()
    conflicts += rewriter.conflicts.map(\.description)
    rewriter.conflicts.forEach { onDiagnostic("warning: \($0)") }
    return bytes
  }

  private func firstIncludeOffset(_ text: SourceText) -> Int {
    for start in text.lineStarts {
      let lineText = text[start..<text.lineEnd(of: start)].trimmingCharacters(in: .whitespaces)
      if lineText.hasPrefix("#include") || lineText.hasPrefix("# include") { return start }
    }
    return 0
  }
}
