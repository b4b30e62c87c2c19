import Clang
import Foundation

/// The CUDA prelude (our declarations, or clang's CUDA wrapper over an SDK plus our fixups) parsed once
/// into a precompiled header that every unit of a run loads instead of parsing it again: most of a unit's
/// parse time is the prelude.
///
/// Between runs it stays in `CACHE/pch/<sha256>.pch`, keyed by libclang's version, the arguments it is
/// built with and the contents of cu2sycl's own declarations. An SDK's headers are not hashed: clang
/// records their sizes and times in the PCH and refuses a stale one, which `prepare` checks by loading
/// the PCH once before use, rebuilding it when clang objects.
public struct PrecompiledPrelude: Sendable {
  /// The .pch file.
  public let path: String
  /// Where it came from, for --verbose: "cached", "built".
  public let origin: String
  private let names = Computed<Set<String>>()
  private let macroBodies = MacroBodies()

  init(path: String, origin: String) {
    self.path = path
    self.origin = origin
  }

  /// The names the prelude's CUDA environment files declare (Census.declaredNames), read from the PCH
  /// once per run, on first use, by whichever worker needs them first.
  public func declaredNames(environment: CUDAEnvironment) -> Set<String> {
    names.get {
      guard let ast = try? TranslationUnit(index: Index(), astFile: path) else { return [] }
      return Census.declaredNames(topLevel: ast.cursor.children, environment: environment)
    }
  }

  /// The token spellings of a macro definition. Units look up the bodies of CUDA's macros they expand;
  /// tokenizing a header of the prelude costs a unit a scan of all its source locations (libclang finds
  /// the file by name), so each body is read once per run.
  func macroBody(_ definition: Cursor) -> [String] {
    guard let position = definition.location.spelling else { return definition.tokens.map(\.spelling) }
    return macroBodies.get("\(position.file):\(position.offset)") { definition.tokens.map(\.spelling) }
  }

  /// A value computed once, shared by the copies of the prelude that the workers hold.
  private final class Computed<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    func get(_ compute: () -> Value) -> Value {
      lock.lock()
      defer { lock.unlock() }
      if let value { return value }
      let computed = compute()
      value = computed
      return computed
    }
  }

  private final class MacroBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String: [String]] = [:]
    func get(_ key: String, _ compute: () -> [String]) -> [String] {
      lock.lock()
      if let known = bodies[key] { lock.unlock(); return known }
      lock.unlock()
      let computed = compute()
      lock.lock()
      bodies[key] = computed
      lock.unlock()
      return computed
    }
  }

  /// The PCH for these run-wide arguments (the units' own -I come later and do not matter), from the
  /// cache or built now; nil when it cannot be built (units then parse the prelude themselves).
  /// `cacheDirectory` nil: built into `scratchDirectory`, which the caller removes after the run.
  /// `standardHeaders` (`vector`, `stdio.h`, ...) are precompiled after the CUDA prelude; when that
  /// fails, the prelude is built without them.
  public static func prepare(environment: CUDAEnvironment, arguments: [String], standardHeaders: [String] = [],
                             cacheDirectory: String?, scratchDirectory: String) -> PrecompiledPrelude? {
    if !standardHeaders.isEmpty,
       let prelude = build(environment: environment, arguments: arguments, standardHeaders: standardHeaders,
                           cacheDirectory: cacheDirectory, scratchDirectory: scratchDirectory) {
      return prelude
    }
    return build(environment: environment, arguments: arguments, standardHeaders: [], cacheDirectory: cacheDirectory,
                 scratchDirectory: scratchDirectory)
  }

  private static func build(environment: CUDAEnvironment, arguments: [String], standardHeaders: [String], cacheDirectory: String?,
                            scratchDirectory: String) -> PrecompiledPrelude? {
    let buildArguments = environment.baseArguments + arguments + ["-Wno-pragma-once-outside-header"]
    let key = cacheKey(environment: environment, arguments: buildArguments + ["--standard-headers"] + standardHeaders)
    let directory = cacheDirectory.map { $0 + "/pch" } ?? scratchDirectory
    let path = directory + "/\(key).pch"
    // The main file of the PCH: the CUDA prelude itself, or a header (named by the key, so it never
    // changes under a PCH built from it) that includes it and then the standard headers.
    var mainFile = environment.preludeHeader
    if !standardHeaders.isEmpty {
      mainFile = directory + "/\(key).h"
      let text = "#include \"\(environment.preludeHeader)\"\n" + standardHeaders.map { "#include <\($0)>\n" }.joined()
      if FileManager.default.contents(atPath: mainFile) != Data(text.utf8) {
        do { try FileWriter.write(Array(text.utf8), to: mainFile) } catch { return nil }
      }
    }
    let index = Index()
    if FileManager.default.fileExists(atPath: path), loads(path, environment: environment, arguments: arguments, index: index) {
      return PrecompiledPrelude(path: path, origin: "cached")
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let tu = try TranslationUnit(index: index, path: mainFile, arguments: buildArguments,
                                   options: [.forSerialization, .incomplete, .detailedPreprocessingRecord])
      guard !tu.diagnostics.contains(where: { $0.severity >= .error }) else { return nil }
      // Saved under a temporary name and renamed: another run may be reading the same key.
      let temporary = path + ".\(UUID().uuidString).tmp"
      guard tu.save(to: temporary) else { try? FileManager.default.removeItem(atPath: temporary); return nil }
      guard rename(temporary, path) == 0 else { try? FileManager.default.removeItem(atPath: temporary); return nil }
    } catch {
      return nil
    }
    return loads(path, environment: environment, arguments: arguments, index: index) ? PrecompiledPrelude(path: path, origin: "built") : nil
  }

  /// The arguments a unit parses with when using this prelude.
  public func unitArguments(environment: CUDAEnvironment) -> [String] {
    environment.baseArguments + ["-include-pch", path]
  }

  /// Whether clang accepts the PCH (not stale, same compiler) for an empty unit.
  private static func loads(_ path: String, environment: CUDAEnvironment, arguments: [String], index: Index) -> Bool {
    let probe = (path as NSString).deletingLastPathComponent + "/probe-\(UUID().uuidString).cu"
    let args = environment.baseArguments + ["-include-pch", path] + arguments
    guard let tu = try? TranslationUnit(index: index, path: probe, arguments: args,
                                        unsavedFiles: [UnsavedFile(path: probe, contents: "\n")]) else { return false }
    return !tu.diagnostics.contains { $0.severity >= .error }
  }

  static func cacheKey(environment: CUDAEnvironment, arguments: [String]) -> String {
    var h = Hasher256()
    h.add("cu2sycl-prelude-v1")
    h.add(Frontend.clangVersion)
    h.add(environment.kind.rawValue)
    h.add(environment.root)
    arguments.forEach { h.add($0) }
    h.add(bundledDeclarationsHash)
    return h.hex
  }

  /// Our declarations are resources of the binary: their contents (small) are hashed, so a new
  /// cu2sycl never loads an old prelude or reuses old results.
  static let bundledDeclarationsHash: String = {
    var h = Hasher256()
    let bundled = CUDAEnvironment.bundled().root
    let files = (FileManager.default.enumerator(atPath: bundled)?.compactMap { $0 as? String } ?? []).sorted()
    for file in files {
      guard let data = FileManager.default.contents(atPath: bundled + "/" + file) else { continue }
      h.add(file)
      h.add(bytes: data)
    }
    return h.hex
  }()
}

/// A run's precompiled prelude, prepared when the first unit is parsed: a run whose units all come from
/// the unit cache never starts libclang (loading and checking a cached PCH was a tenth of a warm run).
public final class PreludeSource: @unchecked Sendable {
  private let lock = NSLock()
  private let prepare: @Sendable () -> PrecompiledPrelude?
  private var prepared: PrecompiledPrelude??

  public init(_ prepare: @escaping @Sendable () -> PrecompiledPrelude?) { self.prepare = prepare }

  /// A prelude already prepared (or none: units parse the CUDA headers themselves).
  public static func ready(_ prelude: PrecompiledPrelude?) -> PreludeSource {
    let source = PreludeSource { prelude }
    source.prepared = .some(prelude)
    return source
  }

  /// The prelude, prepared now if no unit asked before.
  public var prelude: PrecompiledPrelude? {
    lock.lock()
    defer { lock.unlock() }
    if let prepared { return prepared }
    let made = prepare()
    prepared = .some(made)
    return made
  }

  /// For --verbose: how the units of the run got their CUDA prelude.
  public var summary: String {
    lock.lock()
    defer { lock.unlock() }
    switch prepared {
    case .none: return "not needed"
    case .some(.none): return "parsed by each unit"
    case .some(.some(let p)): return "precompiled, \(p.origin)"
    }
  }
}
