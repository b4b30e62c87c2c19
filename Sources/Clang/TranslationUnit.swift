import CClang

/// A parsed translation unit. Keeps its index alive.
public final class TranslationUnit {
  let raw: CXTranslationUnit
  public let index: Index
  public let path: String

  public init(index: Index, path: String, arguments: [String], unsavedFiles: [UnsavedFile] = [],
              options: ParseOptions = [.detailedPreprocessingRecord, .keepGoing]) throws {
    self.index = index
    self.path = path
    var tu: CXTranslationUnit?
    let code = withCStrings(arguments) { argv in
      withUnsavedFiles(unsavedFiles) { unsaved in
        clang_parseTranslationUnit2(index.raw, path, argv, Int32(arguments.count),
                                    unsaved.baseAddress, UInt32(unsaved.count), options.rawValue, &tu)
      }
    }
    guard code == CXError_Success, let tu else { throw ParseError(path: path, code: Int32(code.rawValue)) }
    raw = tu
  }

  /// Loads an AST file (a precompiled header) written by `save(to:)`.
  public init(index: Index, astFile path: String) throws {
    self.index = index
    self.path = path
    var tu: CXTranslationUnit?
    let code = clang_createTranslationUnit2(index.raw, path, &tu)
    guard code == CXError_Success, let tu else { throw ParseError(path: path, code: Int32(code.rawValue)) }
    raw = tu
  }

  deinit { clang_disposeTranslationUnit(raw) }

  public var cursor: Cursor { Cursor(clang_getTranslationUnitCursor(raw), tu: self) }

  public var diagnostics: [Diagnostic] {
    (0..<clang_getNumDiagnostics(raw)).map { i in
      let d = clang_getDiagnostic(raw, i)!
      defer { clang_disposeDiagnostic(d) }
      return Diagnostic(d)
    }
  }

  /// The tokens covering `range`.
  public func tokens(in range: SourceRange) -> [Token] {
    var tokens: UnsafeMutablePointer<CXToken>?
    var count: UInt32 = 0
    clang_tokenize(raw, range.raw, &tokens, &count)
    guard let tokens else { return [] }
    defer { clang_disposeTokens(raw, tokens, count) }
    return (0..<Int(count)).map { i in
      let t = tokens[i]
      return Token(kind: TokenKind(clang_getTokenKind(t)),
                   spelling: String(consuming: clang_getTokenSpelling(raw, t)),
                   range: SourceRange(clang_getTokenExtent(raw, t)))
    }
  }

  /// The tokens of a byte range of a file of this unit (a range built from file offsets, so macro
  /// expansion locations at its ends do not make libclang return nothing).
  public func tokens(file path: String, range: Range<Int>) -> [Token] {
    guard let file = clang_getFile(raw, path) else { return [] }
    let start = clang_getLocationForOffset(raw, file, UInt32(range.lowerBound))
    let end = clang_getLocationForOffset(raw, file, UInt32(range.upperBound))
    return tokens(in: SourceRange(clang_getRange(start, end)))
  }

  /// The byte ranges the preprocessor skipped (inactive `#if` branches, from the directive that opens
  /// one to the one that ends it), by file as clang names it, for the files `wanted` accepts (asked once
  /// per file: the list also holds every skipped range of the system headers and of the precompiled
  /// prelude). (Looking a file up by path with clang_getFile would rename it: clang 16 reports a file
  /// under the last name it was asked for.)
  public func skippedRanges(inFiles wanted: (String) -> Bool) -> [String: [Range<Int>]] {
    guard let list = clang_getAllSkippedRanges(raw) else { return [:] }
    defer { clang_disposeSourceRangeList(list) }
    var out: [String: [Range<Int>]] = [:]
    var nameByHandle: [UnsafeMutableRawPointer: String?] = [:]
    for i in 0..<Int(list.pointee.count) {
      let r = SourceRange(list.pointee.ranges[i])
      guard let handle = r.start.spellingFileHandle else { continue }
      if nameByHandle[handle] == nil {
        let name = String(consuming: clang_getFileName(handle))
        nameByHandle[handle] = .some(wanted(name) ? name : nil)
      }
      guard case let .some(.some(name)) = nameByHandle[handle],
            let s = r.start.spelling, let e = r.end.spelling, s.file == e.file, e.offset >= s.offset else { continue }
      out[name, default: []].append(s.offset..<e.offset)
    }
    return out
  }

  /// Saves the unit as a precompiled header (the unit must be parsed with `.forSerialization`).
  public func save(to path: String) -> Bool {
    clang_saveTranslationUnit(raw, path, UInt32(CXSaveTranslationUnit_None.rawValue)) == 0
  }
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
  let owned = strings.map { strdup($0) }
  defer { owned.forEach { free($0) } }
  let pointers = owned.map { UnsafePointer<CChar>($0) }
  return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

private func withUnsavedFiles<R>(_ files: [UnsavedFile], _ body: (UnsafeMutableBufferPointer<CXUnsavedFile>) -> R) -> R {
  let names = files.map { strdup($0.path) }
  let contents = files.map { file -> (UnsafeMutablePointer<CChar>?, Int) in
    let bytes = Array(file.contents.utf8)
    let p = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
    for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
    return (p, bytes.count)
  }
  defer {
    names.forEach { free($0) }
    contents.forEach { $0.0?.deallocate() }
  }
  var raw = zip(names, contents).map { name, content in
    CXUnsavedFile(Filename: name, Contents: content.0, Length: UInt(content.1))
  }
  return raw.withUnsafeMutableBufferPointer { body($0) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TranslationUnit {
  /// Every file the unit read through `#include` (directly or not), as clang resolved them; a file
  /// loaded from a precompiled header is not listed (it was not read for this unit).
  public var includedFiles: [String] {
    final class Box { var files: [String] = [] }
    let box = Box()
    withExtendedLifetime(box) {
      clang_getInclusions(raw, { file, _, _, context in
        guard let file, let context else { return }
        let name = String(consuming: clang_getFileName(file))
        Unmanaged<Box>.fromOpaque(context).takeUnretainedValue().files.append(name)
      }, Unmanaged.passUnretained(box).toOpaque())
    }
    return box.files
  }
}
