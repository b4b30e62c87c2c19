import CClang

/// A resolved position: file path, 1-based line and column (in bytes), and byte offset.
public struct FilePosition: Hashable, Sendable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int
  public var offset: Int

  public static func < (a: FilePosition, b: FilePosition) -> Bool {
    (a.file, a.offset) < (b.file, b.offset)
  }
}

public struct SourceLocation {
  let raw: CXSourceLocation
  init(_ raw: CXSourceLocation) { self.raw = raw }

  /// Where the characters are written (inside a macro definition for code from a macro body).
  public var spelling: FilePosition? { resolve(clang_getSpellingLocation) }
  /// Where the code appears after macro expansion (the macro's use site).
  public var expansion: FilePosition? { resolve(clang_getExpansionLocation) }
  /// The location as the user sees it in a macro argument: the argument's spelling, else the expansion.
  public var file: FilePosition? { resolve(clang_getFileLocation) }

  public var isInSystemHeader: Bool { clang_Location_isInSystemHeader(raw) != 0 }

  /// The same place (libclang's own comparison; no file names resolved).
  public func isSame(as other: SourceLocation) -> Bool { clang_equalLocations(raw, other.raw) != 0 }

  /// The file of the expansion location as libclang's handle: cheap to get and to compare (no path
  /// string), for callers that classify many cursors by file.
  public var expansionFileHandle: UnsafeMutableRawPointer? {
    var file: CXFile?
    clang_getExpansionLocation(raw, &file, nil, nil, nil)
    return file
  }

  /// The file of the spelling location as libclang's handle (see expansionFileHandle).
  public var spellingFileHandle: UnsafeMutableRawPointer? {
    var file: CXFile?
    clang_getSpellingLocation(raw, &file, nil, nil, nil)
    return file
  }

  private func resolve(_ f: (CXSourceLocation, UnsafeMutablePointer<CXFile?>?, UnsafeMutablePointer<UInt32>?,
                              UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?) -> Void) -> FilePosition? {
    var file: CXFile?
    var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
    f(raw, &file, &line, &column, &offset)
    guard let file else { return nil }
    let name = String(consuming: clang_getFileName(file))
    return FilePosition(file: name, line: Int(line), column: Int(column), offset: Int(offset))
  }
}

public struct SourceRange {
  let raw: CXSourceRange
  init(_ raw: CXSourceRange) { self.raw = raw }
  public var start: SourceLocation { SourceLocation(clang_getRangeStart(raw)) }
  public var end: SourceLocation { SourceLocation(clang_getRangeEnd(raw)) }
  public var isNull: Bool { clang_Range_isNull(raw) != 0 }
}

public enum TokenKind: Sendable {
  case punctuation, keyword, identifier, literal, comment
  init(_ k: CXTokenKind) {
    switch k {
    case CXToken_Punctuation: self = .punctuation
    case CXToken_Keyword: self = .keyword
    case CXToken_Identifier: self = .identifier
    case CXToken_Literal: self = .literal
    default: self = .comment
    }
  }
}

public struct Token {
  public let kind: TokenKind
  public let spelling: String
  public let range: SourceRange
}

public struct Diagnostic: Sendable {
  public enum Severity: Int, Sendable, Comparable {
    case ignored = 0, note, warning, error, fatal
    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
  }
  public let severity: Severity
  public let message: String
  public let position: FilePosition?

  init(_ d: CXDiagnostic) {
    severity = Severity(rawValue: Int(clang_getDiagnosticSeverity(d).rawValue)) ?? .error
    message = String(consuming: clang_getDiagnosticSpelling(d))
    position = SourceLocation(clang_getDiagnosticLocation(d)).spelling
  }
}
