import Clang
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one translation unit planned, without its libclang objects.
struct UnitResult: Sendable {
  var path: String
  var occurrences: [Occurrence] = []
  var edits: [Edit] = []
  var warningComments: [String: [Int: [String]]] = [:]
  var helpers: [String: Set<RuntimeHelper>] = [:]
  var filesUsingCMath = Set<String>()
  var diagnostics: [LocatedDiagnostic] = []
  var plan: KernelPlan.Summary?
  /// The user files the unit read (its own and the project headers it includes): the unit cache
  /// checks their contents before reusing the result.
  var dependencies: [String] = []
  init(path: String) { self.path = path }
}

/// Parses one unit, takes its census and runs every rule over it. Holds only what all units share
/// (read-only), so workers on several threads can use one analyzer, each with its own front end.
struct UnitAnalyzer: Sendable {
  var root: String
  var texts: [String: SourceText]
  var userFiles: Set<String>
  var programNames: ProgramNames
  var environment: CUDAEnvironment
  /// Run-wide compiler arguments after the unit's own `-I` (legacy texture define, the user's).
  var arguments: [String]

  func analyze(_ path: String, dimensions: [String: Int], frontend: Frontend, timing: RunTiming) -> UnitResult {
    var result = UnitResult(path: path)
    let started = DispatchTime.now()
    let tu: TranslationUnit
    do {
      let dir = (path as NSString).deletingLastPathComponent
      let contents = texts[path].flatMap { Migrator.normalizedLaunchSyntax($0) }
      tu = try frontend.parse(path: path, contents: contents, extraArguments: ["-I", dir, "-I", root] + arguments)
    } catch {
      result.diagnostics.append(LocatedDiagnostic(file: path, line: 0, column: 0, severity: "error", message: "\(error)"))
      result.dependencies = [path]
      return result
    }
    let parsed = DispatchTime.now()
    result.diagnostics = Frontend.located(tu.diagnostics, minimum: .error)
    let census = Census(tu: tu, environment: environment, userFiles: userFiles, texts: texts, prelude: frontend.prelude)
    let censused = DispatchTime.now()
    let root = self.root
    let context = MigrationContext(census: census, dimensions: dimensions, inputRoot: root, program: programNames) { input in
      guard input.hasPrefix(root + "/") else { return nil }
      return root + "/" + Project.outputPath(for: String(input.dropFirst(root.count + 1)))
    }
    for rule in RuleRegistry.rules {
      let t0 = DispatchTime.now()
      rule.init().apply(to: context)
      timing.addRule(rule.id, DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds)
    }
    for i in context.pending({ _ in true }) {
      let o = context.entries[i].occurrence
      context.claim(i, .unsupported, rule: "none", warning: Warnings.unsupported,
                    message: "'\(o.name)' is not converted by cu2sycl yet; rewrite it by hand")
    }
    result.occurrences = context.entries.map(\.occurrence)
    result.edits = context.edits
    result.warningComments = context.warningComments
    result.helpers = context.helpers
    result.plan = context.plan.summary
    result.filesUsingCMath = census.filesUsingCMath
    result.dependencies = [path] + Set(tu.includedFiles.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
      .filter { userFiles.contains($0) && $0 != path }.sorted()
    timing.addRule("census", censused.uptimeNanoseconds - parsed.uptimeNanoseconds)
    timing.add(parse: parsed.uptimeNanoseconds - started.uptimeNanoseconds,
               analysis: DispatchTime.now().uptimeNanoseconds - parsed.uptimeNanoseconds)
    return result
  }
}

/// Where a run's time went, summed over workers (so with several workers it exceeds the wall time).
public final class RunTiming: @unchecked Sendable {
  private let lock = NSLock()
  private var parseNanoseconds: UInt64 = 0
  private var analysisNanoseconds: UInt64 = 0
  private var units = 0
  private var cacheHits = 0
  var prelude = "not used"

  private var rules: [String: UInt64] = [:]
  func addRule(_ id: String, _ ns: UInt64) { lock.lock(); rules[id, default: 0] += ns; lock.unlock() }
  public var ruleSummary: String {
    lock.lock(); defer { lock.unlock() }
    return rules.sorted { $0.value > $1.value }.prefix(6).map { String(format: "%@ %.2f", $0.key, Double($0.value) / 1e9) }.joined(separator: ", ")
  }

  func addCache(hits: Int) {
    lock.lock()
    defer { lock.unlock() }
    cacheHits += hits
  }

  func add(parse: UInt64, analysis: UInt64) {
    lock.lock()
    defer { lock.unlock() }
    parseNanoseconds += parse
    analysisNanoseconds += analysis
    units += 1
  }

  public var summary: String {
    lock.lock()
    defer { lock.unlock() }
    return String(format: "%d units parsed (prelude: %@), %d from the cache; parse %.2f s, census and rules %.2f s (summed over workers)",
                  units, prelude, cacheHits, Double(parseNanoseconds) / 1e9, Double(analysisNanoseconds) / 1e9)
  }
}

/// Runs `body` over `items` on up to `jobs` threads, each with its own front end (libclang objects
/// are not thread-safe), and returns the results in the items' order, so the output does not depend
/// on which worker finished first.
enum Workers {
  static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, environment: CUDAEnvironment, prelude: PreludeSource,
                                            completed: @Sendable @escaping () -> Void = {},
                                            _ body: @Sendable @escaping (T, Worker) -> R) -> [R] {
    let results = Results<R>(count: items.count)
    let workers = max(1, min(jobs, items.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let worker = Worker(frontend: Frontend(environment: environment, preludeSource: prelude))
      while let i = results.next() {
        results.set(i, body(items[i], worker))
        completed()
      }
    }
    return results.all()
  }

  /// What one worker thread keeps from unit to unit.
  final class Worker {
    let frontend: Frontend
    /// The strings of every result this worker produced, each kept once (UnitResult.intern).
    var strings = StringInterner()
    init(frontend: Frontend) { self.frontend = frontend }
  }

  private final class Results<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [R?]
    private var cursor = 0
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func next() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard cursor < values.count else { return nil }
      cursor += 1
      return cursor - 1
    }
    func set(_ i: Int, _ value: R) { lock.lock(); values[i] = value; lock.unlock() }
    func all() -> [R] { values.map { $0! } }
  }
}

/// Units done and to do, for a progress display. Totals grow when the second planning pass or
/// headers no unit reached add work.
public final class RunProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private var total = 0
  private let report: @Sendable (_ done: Int, _ total: Int) -> Void

  public init(_ report: @Sendable @escaping (_ done: Int, _ total: Int) -> Void) { self.report = report }

  func add(total n: Int) { lock.lock(); total += n; lock.unlock() }
  func advance(_ n: Int = 1) {
    lock.lock()
    done += n
    let (d, t) = (done, total)
    lock.unlock()
    report(d, t)
  }
}

/// Returns memory freed by a unit's parse to the system: libclang frees tens of megabytes at the end of
/// a unit, which glibc keeps mapped unless asked, so with several worker arenas the peak grows. glibc's
/// `malloc_trim` is not in Swift's Glibc module: looked up once, absent on other C libraries.
func releaseFreedMemory() {
  mallocTrim?(0)
}

private let mallocTrim: (@convention(c) (Int) -> Int32)? = {
  #if canImport(Glibc)
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
  return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
  #else
  return nil
  #endif
}()
