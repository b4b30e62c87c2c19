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
  let index = Index()

  public init(environment: CUDAEnvironment) { self.environment = environment }

  /// Parses `path` (optionally with in-memory contents) with extra compile arguments (-I, -D).
  public func parse(path: String, contents: String? = nil, extraArguments: [String] = []) throws -> TranslationUnit {
    var args = environment.parseArguments + extraArguments
    if path.hasSuffix(".cuh") || path.hasSuffix(".h") || path.hasSuffix(".hpp") {
      // A header parsed on its own: keep clang from warning about `#pragma once` in the main file.
      args += ["-Wno-pragma-once-outside-header"]
    }
    let unsaved = contents.map { [UnsavedFile(path: path, contents: $0)] } ?? []
    return try TranslationUnit(index: index, path: path, arguments: args, unsavedFiles: unsaved)
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
