import ArgumentParser
import CU2SYCL
import Foundation

@main
struct CU2SYCLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cu2sycl",
    abstract: "Migrates CUDA source code to standard SYCL 2020 and reports what was converted.",
    discussion: """
    Exit codes: 0 success; 1 some files failed (parse errors, unreadable or unwritable files) while the rest \
    were migrated; 2 bad usage or input (missing input directory, non-empty output without --force, output \
    inside the input); 3 coverage under --fail-under (the outputs and reports are still written); 4 `report diff \
    --fail-on-regression` found a regression.
    """,
    version: CU2SYCLVersion.string,
    subcommands: [Migrate.self, Examine.self, ReportCommand.self, Explain.self, DumpAST.self, ParseArguments.self]
  )

  /// ArgumentParser exits 64 on bad usage; cu2sycl documents 2 for every usage error.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(fullMessage(for: error))
        Foundation.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }
}

/// Options shared by the commands that parse CUDA.
struct FrontendOptions: ParsableArguments {
  @Option(name: .customLong("cuda-path"), help: "CUDA SDK to parse against (default: $CUDA_PATH, /usr/local/cuda, else cu2sycl's own declarations).")
  var cudaPath: String?

  @Option(name: .customLong("extra-arg"), parsing: .unconditionalSingleValue,
          help: "An extra compiler argument for every file (repeatable), e.g. --extra-arg=-DUSE_FAST.")
  var extraArguments: [String] = []

  @Option(name: .customLong("fail-under"),
          help: "Exit with status 3 when less than this percentage of the CUDA constructs found was converted (CI gates).")
  var failUnder: Double?

  @Option(name: [.short, .customLong("jobs")], help: "Units analyzed at once (default: the number of cores). The output does not depend on it.")
  var jobs: Int?

  @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache ($CU2SYCL_CACHE, else ~/.cache/cu2sycl): a cold run.")
  var noCache = false

  @Flag(name: .customLong("no-precompiled-prelude"), help: .hidden) var noPrecompiledPrelude = false

  @Flag(name: [.short, .customLong("quiet")], help: "Print only errors (no progress, no summary).") var quiet = false
  @Flag(name: [.short, .customLong("verbose")], help: "Also print where the time went and the cache's use.") var verbose = false

  func validate() throws {
    if let failUnder, !(0...100).contains(failUnder) { throw ValidationError("--fail-under takes a percentage from 0 to 100") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of workers, at least 1") }
    if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
  }

  /// The cache root: $CU2SYCL_CACHE, else $XDG_CACHE_HOME/cu2sycl, else ~/.cache/cu2sycl (the scripts use the same).
  var cacheDirectory: String? {
    guard !noCache else { return nil }
    let env = ProcessInfo.processInfo.environment
    if let dir = env["CU2SYCL_CACHE"], !dir.isEmpty { return dir }
    if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/cu2sycl" }
    return NSHomeDirectory() + "/.cache/cu2sycl"
  }
}

enum ExitStatus {
  static let filesFailed: Int32 = 1
  static let usage: Int32 = 2
  static let coverageUnderGate: Int32 = 3
  static let regression: Int32 = 4
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Report outputs: `--report FORMAT=PATH` (repeatable) and the older `--report-json PATH`.
struct ReportOptions: ParsableArguments {
  @Option(name: .customLong("report"), parsing: .unconditionalSingleValue,
          help: ArgumentHelp("Write a report: FORMAT=PATH, FORMAT one of text, json, csv, md, html (PATH is a directory), sarif (repeatable).",
                             valueName: "format=path"))
  var reports: [String] = []

  @Option(name: .customLong("report-json"), help: "Write the JSON report (every occurrence with status and location) to this file.")
  var reportJSON: String?

  func requests() throws -> [(ReportFormat, String)] {
    var out: [(ReportFormat, String)] = reportJSON.map { [(.json, $0)] } ?? []
    for r in reports {
      guard let eq = r.firstIndex(of: "="), let format = ReportFormat(name: String(r[..<eq])), r.index(after: eq) < r.endIndex else {
        throw ValidationError("--report takes FORMAT=PATH with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(r)'")
      }
      out.append((format, String(r[r.index(after: eq)...])))
    }
    return out
  }

  func validate() throws { _ = try requests() }
}

func runMigration(input: String, output: String?, force: Bool, frontend: FrontendOptions, reports: ReportOptions) throws {
  var options = MigrationOptions(inputRoot: input, outputRoot: output)
  options.force = force
  options.cudaPath = frontend.cudaPath
  options.extraArguments = frontend.extraArguments
  options.cacheDirectory = frontend.cacheDirectory
  if let jobs = frontend.jobs { options.jobs = jobs }
  options.precompiledPrelude = !frontend.noPrecompiledPrelude
  let migrator = Migrator(options: options)
  let bar = !frontend.quiet && ProgressBar.wanted ? ProgressBar() : nil
  if let bar {
    migrator.progress = RunProgress { done, total in bar.update(done: done, total: total) }
  }
  // A diagnostic clears the bar first so the two do not share a line.
  migrator.onDiagnostic = { line in
    guard !frontend.quiet || line.contains("error:") else { return }
    bar?.finish()
    printError(line)
  }
  defer { bar?.finish() }
  let report: MigrationReport
  do {
    report = try migrator.run()
  } catch let error as MigrationError {
    printError("cu2sycl: error: \(error)")
    throw ExitCode(ExitStatus.usage)
  } catch let error as Project.DiscoveryError {
    printError("cu2sycl: error: \(error)")
    throw ExitCode(ExitStatus.usage)
  }
  bar?.finish()
  if !frontend.quiet { print(TextReport.render(report, color: TextReport.colorWanted), terminator: "") }
  if frontend.verbose { printError("cu2sycl: " + migrator.timing.summary); printError("cu2sycl: slowest steps: " + migrator.timing.ruleSummary) }
  var writeFailed = false
  for (format, path) in try reports.requests() {
    do { try report.write(format, to: path) } catch {
      printError("cu2sycl: error: cannot write the \(format.rawValue) report to \(path): \(error)")
      writeFailed = true
    }
  }
  if !report.failedFiles.isEmpty || writeFailed { throw ExitCode(ExitStatus.filesFailed) }
  // The gate compares the same figure the summary prints (converted / found).
  if let gate = frontend.failUnder, report.totals.percent < gate {
    printError(String(format: "cu2sycl: coverage %.1f%% is under --fail-under %g%%", report.totals.percent, gate))
    throw ExitCode(ExitStatus.coverageUnderGate)
  }
}

struct Migrate: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Migrate a directory of CUDA code to SYCL.")

  @Argument(help: "The input directory (never modified).") var input: String
  @Option(name: .customLong("out"), help: "The output directory (mirrors the input tree).") var output: String
  @Flag(help: "Write into a non-empty output directory (files are replaced, others are left alone).") var force = false
  @OptionGroup var reports: ReportOptions
  @OptionGroup var frontend: FrontendOptions

  func run() throws {
    try runMigration(input: input, output: output, force: force, frontend: frontend, reports: reports)
  }
}

struct Examine: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Count CUDA constructs, what would be converted and the effort left, writing no code.")

  @Argument(help: "The input directory.") var input: String
  @OptionGroup var reports: ReportOptions
  @OptionGroup var frontend: FrontendOptions

  func run() throws {
    try runMigration(input: input, output: nil, force: false, frontend: frontend, reports: reports)
  }
}

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain a warning id (W001), or show how cu2sycl migrates a CUDA name (cudaMemcpy) or what a rule (memory) converts.")

  @Argument(help: "Warning ids like W003, CUDA API names like cudaMemcpy, or rule ids (one or more).") var topics: [String]

  func run() throws {
    var known: [String] = [], unknown: [String] = []
    for topic in topics {
      if let text = Explanation.text(for: topic) { known.append(text) } else { unknown.append(topic) }
    }
    if !known.isEmpty { print(known.joined(separator: "\n\n")) }
    guard unknown.isEmpty else {
      for topic in unknown { printError("cu2sycl: nothing known about '\(topic)': not a warning id, and no rule converts it") }
      throw ExitCode(ExitStatus.usage)
    }
  }
}

struct DumpAST: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "dump-ast", abstract: "Print how libclang sees a CUDA file (for cu2sycl developers).",
                                                  shouldDisplay: false)
  @Argument var file: String
  @OptionGroup var frontend: FrontendOptions

  func run() throws {
    let fe = Frontend(environment: CUDAEnvironment.detect(explicitPath: frontend.cudaPath))
    let path = URL(fileURLWithPath: file).standardizedFileURL.path
    let tu = try fe.parse(path: path, extraArguments: frontend.extraArguments)
    for d in Frontend.located(tu.diagnostics) { print(d) }
    print(ASTDump.dump(tu, onlyFile: path))
  }
}

/// The compiler arguments the front end gives every unit (before the unit's own `-I`), one per line:
/// `make bench` runs clang with exactly these for its baseline.
struct ParseArguments: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "parse-arguments", abstract: "Print the front end's compiler arguments (for benchmarks).",
                                                  shouldDisplay: false)
  @OptionGroup var frontend: FrontendOptions

  func run() throws {
    let environment = CUDAEnvironment.detect(explicitPath: frontend.cudaPath)
    for argument in environment.parseArguments + frontend.extraArguments { print(argument) }
  }
}
