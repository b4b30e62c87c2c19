/// Keeps one copy of equal strings. A run holds hundreds of thousands of occurrences and edits whose
/// file paths, rule ids, warnings and messages repeat; each one read from libclang or from the unit
/// cache is a separate heap string until it is interned (issue 6: peak memory).
struct StringInterner {
  private var table: [String: String] = [:]

  mutating func callAsFunction(_ string: String) -> String {
    if let known = table[string] { return known }
    table[string] = string
    return string
  }

  mutating func callAsFunction(_ string: String?) -> String? {
    string.map { self($0) }
  }
}

extension UnitResult {
  /// The result with its repeated strings stored once.
  mutating func intern(with interner: inout StringInterner) {
    for i in occurrences.indices {
      occurrences[i].file = interner(occurrences[i].file)
      occurrences[i].name = interner(occurrences[i].name)
      occurrences[i].function = interner(occurrences[i].function)
      occurrences[i].rule = interner(occurrences[i].rule)
      occurrences[i].warning = interner(occurrences[i].warning)
      occurrences[i].message = interner(occurrences[i].message)
    }
    for i in edits.indices {
      edits[i].file = interner(edits[i].file)
      edits[i].rule = interner(edits[i].rule)
    }
  }
}
