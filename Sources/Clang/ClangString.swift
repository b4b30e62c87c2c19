import CClang

extension String {
  /// Takes ownership of a libclang string: copies it into Swift and disposes it.
  init(consuming s: CXString) {
    if let c = clang_getCString(s) { self = String(cString: c) } else { self = "" }
    clang_disposeString(s)
  }
}
