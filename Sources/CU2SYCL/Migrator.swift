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
  /// Where caches live between runs (the precompiled prelude); nil keeps nothing between runs.
  public var cacheDirectory: String?
  /// Parse the CUDA prelude once into a precompiled header (off only to compare against it).
  public var precompiledPrelude = true
  /// Units analyzed at once (each worker has its own libclang index); the output does not depend on it.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount

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
  /// Where the run's time went (`--verbose`).
  public let timing = RunTiming()
  /// Told how many units are done after each one (the CLI's progress bar); nil tells nothing.
  public var progress: RunProgress?

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
        // An output that already has these bytes is left alone: its time stays, so builds that
        // compare times do not rebuild what did not change.
        let target = outputRoot + "/" + path
        if let existing = FileManager.default.contents(atPath: target), existing.count == bytes.count, [UInt8](existing) == bytes { continue }
        do { try FileWriter.write(bytes, to: target) } catch {
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
    var usesCMath = false
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
    let programNames = ProgramNames(texts: texts)
    let legacyTextures = LegacyTextures.needed(texts.values) ? [LegacyTextures.define] : []
    let scratch = NSTemporaryDirectory() + "cu2sycl-run-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let (environment, usePrelude, cacheDirectory) = (self.environment, options.precompiledPrelude, options.cacheDirectory)
    let preludeArguments = legacyTextures + options.extraArguments
    let prelude = PreludeSource { [texts] in
      guard usePrelude else { return nil }
      let prepared = PrecompiledPrelude.prepare(environment: environment, arguments: preludeArguments,
                                                standardHeaders: StandardHeaders.included(in: texts.values),
                                                cacheDirectory: cacheDirectory, scratchDirectory: scratch)
      releaseFreedMemory()  // building the prelude parsed every CUDA header once
      return prepared
    }
    defer { timing.prelude = prelude.summary }
    let analyzer = UnitAnalyzer(root: root, texts: texts, userFiles: userFiles, programNames: programNames,
                                environment: environment, arguments: legacyTextures + options.extraArguments)
    let jobs = options.jobs
    let timing = self.timing
    let cache = options.cacheDirectory.map {
      UnitCache(directory: $0, environment: environment, arguments: analyzer.arguments, programNames: programNames, texts: texts)
    }
    // Units an earlier run analyzed with the same inputs come from the cache; the rest are parsed.
    let progress = self.progress
    func analyzeAll(_ paths: [String], dimensions: [String: Int]) -> [UnitResult] {
      progress?.add(total: paths.count)
      // Cache lookups (decoding) run on the workers too: on a warm run they are most of the time.
      return Workers.map(paths, jobs: jobs, environment: environment, prelude: prelude,
                         completed: { progress?.advance() }) { path, worker in
        if var cached = cache?.lookup(path, dimensions: dimensions) {
          timing.addCache(hits: 1)
          cached.intern(with: &worker.strings)
          return cached
        }
        var result = analyzer.analyze(path, dimensions: dimensions, frontend: worker.frontend, timing: timing)
        releaseFreedMemory()
        cache?.store(result, dimensions: dimensions)
        result.intern(with: &worker.strings)
        return result
      }
    }
    var occurrences: [OccurrenceKey: Occurrence] = [:]
    var order: [OccurrenceKey] = []
    var plans: [String: FilePlan] = [:]
    var diagnostics: [String: [LocatedDiagnostic]] = [:]
    var conflicts: [String] = []
    var planned = Set<String>()

    // Merges a unit's plan: its own file, and headers no earlier unit planned, take this unit's plan.
    // (Occurrences come grouped by file: what is asked per file is asked once per run of them.)
    func merge(_ result: UnitResult) {
      for d in result.diagnostics {
        let owner = userFiles.contains(d.file) ? d.file : result.path
        if !(diagnostics[owner] ?? []).contains(d) {
          diagnostics[owner, default: []].append(d)
          onDiagnostic(d.description)
        }
      }
      guard !planned.contains(result.path) else { return }
      var mine = Set([result.path])
      var lastFile: String?
      for file in result.occurrences.lazy.map(\.file) + result.edits.lazy.map(\.file) where file != lastFile {
        lastFile = file
        if !planned.contains(file) { mine.insert(file) }
      }
      var lastMine = (file: "", mine: false)
      for var o in result.occurrences {
        if o.file != lastMine.file {
          lastMine = (o.file, mine.contains(o.file))
          if lastMine.mine { plans[o.file, default: FilePlan()].hasCUDA = true }
        }
        guard lastMine.mine else { continue }
        if o.rule == "none" { o.rule = nil }
        let key = o.key
        if occurrences.updateValue(o, forKey: key) == nil { order.append(key) }
      }
      for e in result.edits where mine.contains(e.file) { plans[e.file, default: FilePlan()].edits.append(e) }
      for (file, lines) in result.warningComments where mine.contains(file) {
        for (offset, comments) in lines {
          for c in comments where !(plans[file]?.warnings[offset] ?? []).contains(c) { plans[file, default: FilePlan()].warnings[offset, default: []].append(c) }
        }
      }
      for (file, helpers) in result.helpers where mine.contains(file) { plans[file, default: FilePlan()].helpers.formUnion(helpers) }
      for file in result.filesUsingCMath where mine.contains(file) { plans[file, default: FilePlan()].usesCMath = true }
      planned.formUnion(mine)
    }

    // A .cu file that another file #includes is part of that unit, not a unit of its own.
    let included = Migrator.quotedIncludes(project: project, texts: texts)
    let units = project.files.filter { f in
      let path = root + "/" + f.relativePath
      guard let text = texts[path], !included.contains(path) else { return false }
      return f.role == .unit || (f.role == .cxx && Project.cxxSourceExtensions.contains((f.relativePath as NSString).pathExtension.lowercased())
        && (f.relativePath as NSString).pathExtension.lowercased() != "c" && Migrator.mentionsCUDA(text))
    }.map { root + "/" + $0.relativePath }
    // Kernels and device functions shared between units get one dimensionality: plan every unit, combine
    // what they need, and plan again only the units whose own choice differs.
    var results = analyzeAll(units, dimensions: [:])
    let global = KernelPlan.combine(results.compactMap(\.plan))
    let again = results.indices.filter { results[$0].plan.map({ $0.dimensions.contains { global[$0.key] != $0.value } }) == true }
    for (i, result) in zip(again, analyzeAll(again.map { units[$0] }, dimensions: global)) { results[i] = result }
    let found = results.reduce(0) { $0 + $1.occurrences.count }
    occurrences.reserveCapacity(found)
    order.reserveCapacity(found)
    results.forEach(merge)
    results = []  // merged: the plans hold what is still needed
    releaseFreedMemory()
    // Headers (and included .cu files) no unit reached are migrated on their own.
    for f in project.files where f.role == .cudaHeader || f.role == .unit || f.role == .cxx {
      let path = root + "/" + f.relativePath
      guard !planned.contains(path), !units.contains(path), let text = texts[path],
            f.role != .cxx || Migrator.mentionsCUDA(text), (f.relativePath as NSString).pathExtension.lowercased() != "c" else { continue }
      merge(analyzeAll([path], dimensions: global)[0])
    }

    // Emit.
    var occurrencesByFile = Dictionary(grouping: order.compactMap { occurrences[$0] }, by: \.file)
    var outputs: [(String, [UInt8])] = []
    var copiedIndices = Set<Int>()
    var usedHelpers = Set<RuntimeHelper>()
    for f in project.files {
      let path = root + "/" + f.relativePath
      if let report = fileReports[path] { fileReports[path] = report; continue }
      let outRel = Project.outputPath(for: f.relativePath)
      guard let text = texts[path], f.role == .unit || f.role == .cudaHeader || plans[path] != nil else {
        // Not CUDA: copied byte for byte, except that includes of renamed files follow the rename.
        if let text = texts[path], case let renames = Migrator.includeRenames(in: text, root: root, texts: texts), !renames.isEmpty {
          var rewriter = Rewriter(text: text)
          rewriter.add(contentsOf: renames)
          copiedIndices.insert(outputs.count)
          outputs.append((f.relativePath, rewriter.apply()))
          fileReports[path] = FileReport(input: f.relativePath, output: f.relativePath, status: .copied, hasErrors: false, diagnostics: [], counts: CoverageCounts(),
                                         lines: Migrator.lineCounts(text, edits: renames, occurrences: []))
        } else if let data = FileManager.default.contents(atPath: path) {
          copiedIndices.insert(outputs.count)
          outputs.append((f.relativePath, [UInt8](data)))
          fileReports[path] = FileReport(input: f.relativePath, output: f.relativePath, status: .copied, hasErrors: false, diagnostics: [], counts: CoverageCounts(),
                                         lines: texts[path].map { Migrator.lineCounts($0, edits: [], occurrences: []) } ?? LineCounts())
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
      let fileOccurrences = occurrencesByFile[path] ?? []
      fileReports[path] = FileReport(input: f.relativePath, output: outRel, status: .migrated, hasErrors: !fileDiagnostics.isEmpty,
                                     diagnostics: fileDiagnostics.map { relative($0, root: root) }, counts: CoverageCounts(fileOccurrences),
                                     lines: Migrator.lineCounts(text, edits: plan.edits, occurrences: fileOccurrences),
                                     effort: EffortCounts(fileOccurrences))
    }
    if !usedHelpers.isEmpty {
      outputs.append((RuntimeHeader.relativePath, Array(RuntimeHeader.contents(usedHelpers).utf8)))
    }
    if !usedHelpers.isDisjoint(with: [.glInterop, .glDevices]) {
      outputs.append((GraphicsRuntime.glInteropPath, Array(GraphicsRuntime.glInteropHeader(usedHelpers).utf8)))
    }
    // Two inputs must not write one output (a `k.sycl.cpp` left next to `k.cu` by an earlier run, say):
    // the migrated file wins and the other input is reported, not copied over it.
    let migratedOutputs = Set(fileReports.values.filter { $0.status == .migrated }.compactMap(\.output))
    outputs = outputs.enumerated().filter { i, output in !(copiedIndices.contains(i) && migratedOutputs.contains(output.0)) }.map(\.element)
    for (path, report) in fileReports where report.status == .copied {
      guard let out = report.output, migratedOutputs.contains(out) else { continue }
      fileReports[path]?.status = .skipped
      fileReports[path]?.output = nil
      let message = "not copied: the migration of another file writes \(out)"
      fileReports[path]?.diagnostics.append(LocatedDiagnostic(file: report.input, line: 0, column: 0, severity: "warning", message: message))
      onDiagnostic("\(path): warning: \(message)")
    }
    // What the report needs is built; the run's working copies go before it is (issue 6: peak memory).
    occurrencesByFile = [:]
    plans = [:]
    var relativePaths: [String: String] = [:]
    let all = order.compactMap { occurrences[$0] }.map { o -> Occurrence in
      var o = o
      if let known = relativePaths[o.file] {
        o.file = known
      } else if o.file.hasPrefix(root + "/") {
        let relative = String(o.file.dropFirst(root.count + 1))
        relativePaths[o.file] = relative
        o.file = relative
      }
      return o
    }
    occurrences = [:]
    order = []
    releaseFreedMemory()
    let reports = project.files.compactMap { fileReports[root + "/" + $0.relativePath] }
    let report = MigrationReport(cudaEnvironment: "\(environment.kind.rawValue): \(environment.root)", inputRoot: root,
                                 outputRoot: nil, run: RunInfo(extraArguments: options.extraArguments), files: reports,
                                 occurrences: all, conflicts: conflicts)
    return Result(report: report, outputs: outputs)
  }

  /// A file's lines: all of them, those a rewrite touches, and those holding a finding.
  static func lineCounts(_ text: SourceText, edits: [Edit], occurrences: [Occurrence]) -> LineCounts {
    let total = text.lineStarts.count - (text.lineStarts.last == text.bytes.count && text.lineStarts.count > 1 ? 1 : 0)
    var changed = Set<Int>()
    for e in edits {
      let first = text.lineColumn(of: e.range.lowerBound).line
      let last = text.lineColumn(of: max(e.range.lowerBound, e.range.upperBound - 1)).line
      changed.formUnion(first...max(first, last))
    }
    let attention = Set(occurrences.filter { $0.outcome != .converted }.map(\.line))
    return LineCounts(total: text.bytes.isEmpty ? 0 : total, changed: changed.count, attention: attention.count)
  }

  private func relative(_ d: LocatedDiagnostic, root: String) -> LocatedDiagnostic {
    var d = d
    if d.file.hasPrefix(root + "/") { d.file = String(d.file.dropFirst(root.count + 1)) }
    return d
  }

  /// Project files named by `#include "..."` in other project files (resolved against the including
  /// file's directory, then the root).
  static func quotedIncludes(project: Project, texts: [String: SourceText]) -> Set<String> {
    var out = Set<String>()
    for (path, text) in texts where text.contains("include") {
      for directive in text.directiveLines {
        let line = text[directive].trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("#"), let open = line.firstIndex(of: "\""),
              line[line.startIndex..<open].replacingOccurrences(of: " ", with: "") == "#include" else { continue }
        let rest = line[line.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { continue }
        let name = String(rest[..<close])
        let dir = (path as NSString).deletingLastPathComponent
        for candidate in [dir + "/" + name, project.root + "/" + name] {
          let resolved = URL(fileURLWithPath: candidate).standardizedFileURL.path
          if texts[resolved] != nil, resolved != path { out.insert(resolved); break }
        }
      }
    }
    return out
  }

  /// Edits that rename `#include "x.cu"` / `"x.cuh"` of project files in a file that is not parsed.
  static func includeRenames(in text: SourceText, root: String, texts: [String: SourceText]) -> [Edit] {
    var edits: [Edit] = []
    for start in text.lineStarts {
      let end = text.lineEnd(of: start)
      let line = text[start..<end]
      guard line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), line.replacingOccurrences(of: " ", with: "").hasPrefix("#include\""),
            let open = line.firstIndex(of: "\"") else { continue }
      let rest = line[line.index(after: open)...]
      guard let close = rest.firstIndex(of: "\"") else { continue }
      let name = String(rest[..<close])
      let dir = (text.path as NSString).deletingLastPathComponent
      let resolved = [dir + "/" + name, root + "/" + name].map { URL(fileURLWithPath: $0).standardizedFileURL.path }.first { texts[$0] != nil }
      guard let resolved, resolved.hasPrefix(root + "/") else { continue }
      let renamed = Project.outputPath(for: name)
      guard renamed != name, Project.outputPath(for: String(resolved.dropFirst(root.count + 1))) != String(resolved.dropFirst(root.count + 1)) else { continue }
      let nameStart = start + line[..<rest.startIndex].utf8.count
      edits.append(Edit(file: text.path, range: nameStart..<(nameStart + name.utf8.count), text: renamed, rule: IncludeRule.id))
    }
    return edits
  }

  /// nvcc accepts `<< <` ... `>> >` in launches; clang does not. The parse sees them closed up (padded
  /// with spaces so every offset stays the same); the output keeps the original text. Only a `>> >`
  /// that closes such an opening is touched (`vector<vector<int>> >` stays as it is).
  static func normalizedLaunchSyntax(_ text: SourceText) -> String? {
    var bytes = text.bytes
    let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
    func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    /// If `bytes[i...]` is `cc` + spaces + `c`, closes it up and returns the index after it.
    func closeUp(_ i: Int, _ c: UInt8) -> Int? {
      guard i + 3 < bytes.count, bytes[i] == c, bytes[i + 1] == c, isSpace(bytes[i + 2]) else { return nil }
      var j = i + 2
      while j < bytes.count, isSpace(bytes[j]) { j += 1 }
      guard j < bytes.count, bytes[j] == c, j + 1 >= bytes.count || bytes[j + 1] != c else { return nil }
      let spaces = j - (i + 2)
      bytes[i + 2] = c
      for k in 0..<spaces { bytes[i + 3 + k] = UInt8(ascii: " ") }
      return j + 1
    }
    var changed = false
    var i = 0
    while i < bytes.count {
      if let after = closeUp(i, lt) {
        // The matching `>> >` (or `>>>`) of this launch configuration.
        var j = after
        while j + 2 < bytes.count, !(bytes[j] == gt && bytes[j + 1] == gt) { j += 1 }
        if let end = closeUp(j, gt) { i = end } else { i = j }
        changed = true
        continue
      }
      i += 1
    }
    return changed ? String(decoding: bytes, as: UTF8.self) : nil
  }

  static func mentionsCUDA(_ text: SourceText) -> Bool {
    text.contains("cuda") || text.contains("__global__") || text.contains("__device__") || text.contains("<<<")
  }

  /// Applies a file's edits, warning comments and includes.
  private func render(_ text: SourceText, plan: FilePlan, runtimeInclude: String, conflicts: inout [String]) -> [UInt8] {
    var rewriter = Rewriter(text: text)
    rewriter.add(contentsOf: plan.edits)
    let nl = text.newline
    let syclInclude = plan.edits.first { $0.rule == IncludeRule.id && $0.pieces == [.text("#include <sycl/sycl.hpp>")] }
    var includes: [String] = []
    if syclInclude == nil && plan.hasCUDA { includes.append("#include <sycl/sycl.hpp>") }
    // cuda_runtime.h brought C math with it; sycl.hpp does not.
    if (syclInclude != nil || plan.hasCUDA) && plan.usesCMath && !Migrator.includesMath(text) { includes.append("#include <cmath>") }
    if !plan.helpers.isEmpty { includes.append("#include \"\(runtimeInclude)\"") }
    if !includes.isEmpty {
      if let site = syclInclude {
        rewriter.add(Edit(file: text.path, range: site.range.upperBound..<site.range.upperBound,
                          text: includes.map { nl + $0 }.joined(), rule: "emit"))
      } else {
        let at = Migrator.preambleEnd(text)
        rewriter.add(Edit(file: text.path, range: at..<at, text: includes.map { $0 + nl }.joined(), rule: "emit"))
      }
    }
    // A warning for code inside a larger rewrite (a launch over several lines) goes above the rewrite.
    var warnings: [Int: [String]] = [:]
    for (offset, lines) in plan.warnings {
      let owner = plan.edits.filter { !$0.range.isEmpty && $0.range.lowerBound < offset && offset < $0.range.upperBound }
        .min { $0.range.lowerBound < $1.range.lowerBound }
      let at = owner.map { text.lineStart(of: $0.range.lowerBound) } ?? offset
      for line in lines where !(warnings[at] ?? []).contains(line) { warnings[at, default: []].append(line) }
    }
    for (offset, lines) in warnings.sorted(by: { $0.key < $1.key }) {
      rewriter.add(Edit(file: text.path, range: offset..<offset, text: lines.map { $0 + nl }.joined(), rule: "warnings"))
    }
    let bytes = rewriter.apply()
    conflicts += rewriter.conflicts.map(\.description)
    rewriter.conflicts.forEach { onDiagnostic("warning: \($0)") }
    return bytes
  }

  /// Where added includes go in a file without a CUDA include: after the leading comments (a licence
  /// header) and an include guard, before any code, so never inside an `extern "C"` block.
  static func preambleEnd(_ text: SourceText) -> Int {
    var offset = 0
    var inBlockComment = false
    var guardName: String?
    while offset < text.bytes.count {
      let end = text.lineEnd(of: offset)
      let line = text[offset..<end].trimmingCharacters(in: .whitespaces)
      if inBlockComment {
        if line.contains("*/") { inBlockComment = false }
      } else if line.isEmpty || line.hasPrefix("//") {
      } else if line.hasPrefix("/*") {
        inBlockComment = !line.contains("*/")
      } else if line.hasPrefix("#pragma once") {
      } else if guardName == nil, line.hasPrefix("#ifndef ") {
        guardName = String(line.dropFirst(8)).trimmingCharacters(in: .whitespaces)
      } else if let g = guardName, line.replacingOccurrences(of: " ", with: "") == "#define" + g.replacingOccurrences(of: " ", with: "") {
        guardName = ""
      } else {
        // An #ifndef that was not an include guard is code: go back to it.
        if let g = guardName, !g.isEmpty {
          return text.lineStarts.last { $0 < offset && text[$0..<text.lineEnd(of: $0)].contains("#ifndef") } ?? offset
        }
        return offset
      }
      offset = end
    }
    return offset
  }

  /// Whether the file has `#include <cmath>` or `<math.h>`.
  static func includesMath(_ text: SourceText) -> Bool {
    guard text.contains("cmath") || text.contains("math.h") else { return false }
    return text.directiveLines.contains { line in
      let name = StandardHeaders.includedName(text[line])?.filter { $0 != " " && $0 != "\t" }
      return name == "cmath" || name == "math.h"
    }
  }
}

