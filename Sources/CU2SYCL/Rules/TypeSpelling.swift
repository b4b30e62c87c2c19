/// CUDA type names inside type spellings that rules print from clang (`sycl::malloc_device<__half>`),
/// mapped to the SYCL names the type rules write in the code.
public enum TypeSpelling {
  /// Whole-identifier replacements: CUDA type name -> SYCL type name.
  static let names: [String: String] = HalfPrecisionRule.types.merging(VectorTypes.table.mapValues(\.sycl)) { a, _ in a }
    .merging(CurandRule.types) { a, _ in a }
    .merging(TextureNames.types) { a, _ in a }

  public static func sycl(_ spelling: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      out += names[word] ?? word
      word = ""
    }
    for ch in spelling {
      if ch.isLetter || ch.isNumber || ch == "_" { word.append(ch) } else { flush(); out.append(ch) }
    }
    flush()
    return out
  }
}
