import Clang
import Foundation

/// A diagnostic located in a file, ready to print as `file:line:col: severity: message`.
public struct LocatedDiagnostic: Sendable, Codable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var severity: String
  public var message: String
  public var description: String { "\(file):\(line):\(column): \(severity): \(message)" }
}

/// Parses CUDA files with libclang in a given CUDA environment.
public final class Frontend {
  public let environment: CUDAEnvironment
  /// The precompiled prelude units load instead of parsing the CUDA headers; nil parses them each time.
  public var prelude: PrecompiledPrelude? { preludeSource.prelude }
  private let preludeSource: PreludeSource
  /// Unit walks skip the precompiled prelude's declarations (Census reads the prelude's names from the
  /// prelude itself, once).
  let index = Index(excludeDeclarationsFromPCH: true)

  public init(environment: CUDAEnvironment, prelude: PrecompiledPrelude? = nil) {
    self.environment = environment
    self.preludeSource = .ready(prelude)
  }

  /// A front end whose prelude is prepared when it first parses.
  public init(environment: CUDAEnvironment, preludeSource: PreludeSource) {
    self.environment = environment
    self.preludeSource = preludeSource
  }

  /// How units are parsed. `incomplete` skips what clang does at the end of a translation unit: the
  /// implicit instantiation of function template bodies (std::vector<float>'s members, std::sort, ...) and
  /// CUDA's deferred diagnostics, which read thousands of declarations back from the precompiled prelude.
  /// None of it is user code, and that end of unit was more than half of a unit's parse time (issue 6).
  /// What is lost: errors that only an instantiation of a template shows.
  static let unitOptions: ParseOptions = [.detailedPreprocessingRecord, .keepGoing, .incomplete]

  public static var clangVersion: String { Clang.clangVersion }

  /// Parses `path` (optionally with in-memory contents) with extra compile arguments (-I, -D).
  public func parse(path: String, contents: String? = nil, extraArguments: [String] = []) throws -> TranslationUnit {
    var extra = extraArguments
    if path.hasSuffix(".cuh") || path.hasSuffix(".h") || path.hasSuffix(".hpp") {
      // A header parsed on its own: keep clang from warning about `#pragma once` in the main file.
      extra += ["-Wno-pragma-once-outside-header"]
    }
    let unsaved = contents.map { [UnsavedFile(path: path, contents: $0)] } ?? []
    let options = Frontend.unitOptions
    if let prelude {
      // A unit the prelude does not load into (a fatal error naming the PCH) parses the plain way.
      let tu = try TranslationUnit(index: index, path: path, arguments: prelude.unitArguments(environment: environment) + extra,
                                   unsavedFiles: unsaved, options: options)
      if !tu.diagnostics.contains(where: { $0.severity == .fatal && $0.message.contains(prelude.path) }) { return tu }
    }
    return try TranslationUnit(index: index, path: path, arguments: environment.parseArguments + extra, unsavedFiles: unsaved,
                               options: options)
  }

  public static func located(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity = .warning) -> [LocatedDiagnostic] {
    diagnostics.filter { $0.severity >= minimum }.map { d in
      let severity: String
      switch d.severity {
      case .fatal, .error: severity = "error"
      case .warning: severity = "warning"
      default: severity = "note"
      }
      return LocatedDiagnostic(file: d.position?.file ?? "<unknown>", line: d.position?.line ?? 0,
                               column: d.position?.column ?? 0, severity: severity, message: d.message)
    }
  }
}
