import Clang

/// Pieces the driver-API rules share.
extension MigrationContext {
  /// The name source code spells for a driver entry point: the real cuda.h maps many of them to
  /// versioned symbols with macros (`cuMemAlloc` -> `cuMemAlloc_v2`), so the census may see either.
  public static func driverName(_ name: String) -> String { CUDANames.unversioned(name) }

  /// The text an occurrence covers (the callee as written, also where a real SDK renames it by a macro).
  func writtenName(_ entry: CensusEntry) -> String {
    let o = entry.occurrence
    guard let text = texts[o.file] else { return "" }
    return text[o.offset..<(o.offset + o.length)]
  }

  /// Claims the CUDA names inside arguments the conversion drops (flags, options).
  func claimDropped(_ args: some Sequence<Cursor>, rule: String) {
    for a in args {
      if let r = writtenRange(of: a) { claimAll(in: r.file, r.range, .converted, rule: rule) }
    }
  }

  /// Removes a call that has no SYCL counterpart: the statement goes, a value the program reads is 0.
  func removeCall(_ call: Cursor, file: String, range: Range<Int>, rule: String) {
    if isStatement(call), census.parent[call]?.kind == .compoundStmt, let text = texts[file] {
      replace(file, text.statementRemoval(range), with: "", rule: rule)
    } else {
      replace(file, range, with: "0", rule: rule)
    }
  }
}
