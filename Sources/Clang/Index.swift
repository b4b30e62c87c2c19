import CClang

/// A libclang index. One per thread: libclang objects are not thread-safe.
public final class Index {
  let raw: CXIndex

  /// `excludeDeclarationsFromPCH`: walking a unit's top level visits only what the unit itself parsed, not
  /// the declarations of the precompiled header it loaded (which libclang would otherwise read back, one by one,
  /// on every walk). Such a walk also lists the function template instantiations clang made, as top-level
  /// declarations of their own.
  public init(displayDiagnostics: Bool = false, excludeDeclarationsFromPCH: Bool = false) {
    raw = clang_createIndex(excludeDeclarationsFromPCH ? 1 : 0, displayDiagnostics ? 1 : 0)
  }

  deinit { clang_disposeIndex(raw) }
}

/// An in-memory file content that replaces (or adds) a file during parsing.
public struct UnsavedFile: Sendable {
  public var path: String
  public var contents: String
  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}

public struct ParseOptions: OptionSet, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  public static let detailedPreprocessingRecord = ParseOptions(rawValue: CXTranslationUnit_DetailedPreprocessingRecord.rawValue)
  public static let keepGoing = ParseOptions(rawValue: CXTranslationUnit_KeepGoing.rawValue)
  public static let incomplete = ParseOptions(rawValue: CXTranslationUnit_Incomplete.rawValue)
  public static let forSerialization = ParseOptions(rawValue: CXTranslationUnit_ForSerialization.rawValue)
}

public struct ParseError: Error, CustomStringConvertible, Sendable {
  public let path: String
  public let code: Int32
  public var description: String { "libclang could not parse \(path) (error code \(code))" }
}

/// libclang's version string ("Debian clang version 16.0.6 ..."): part of the cache keys of things
/// libclang builds (a precompiled header is only valid for the compiler that wrote it).
public var clangVersion: String { String(consuming: clang_getClangVersion()) }
