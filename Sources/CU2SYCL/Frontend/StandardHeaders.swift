/// The C and C++ standard library headers a tree includes, which the precompiled prelude then also
/// holds: a unit's `#include <vector>` becomes a guarded no-op instead of parsing the header again.
/// Only standard (and a few POSIX) headers qualify: they do not depend on macros a file defines before
/// including them (except `<assert.h>`, which has no include guard and is read again anyway).
enum StandardHeaders {
  static let known: Set<String> = [
    // C++
    "algorithm", "any", "array", "atomic", "bitset", "cassert", "cctype", "cerrno", "cfloat", "chrono", "cinttypes",
    "climits", "cmath", "complex", "condition_variable", "cstddef", "cstdint", "cstdio", "cstdlib", "cstring", "ctime",
    "deque", "exception", "fstream", "functional", "iomanip", "ios", "iosfwd", "iostream", "istream", "iterator",
    "limits", "list", "locale", "map", "memory", "mutex", "new", "numeric", "optional", "ostream", "queue", "random",
    "ratio", "set", "sstream", "stack", "stdexcept", "streambuf", "string", "string_view", "thread", "tuple",
    "type_traits", "typeinfo", "unordered_map", "unordered_set", "utility", "valarray", "variant", "vector",
    // C
    "assert.h", "ctype.h", "errno.h", "float.h", "inttypes.h", "limits.h", "math.h", "stdbool.h", "stddef.h",
    "stdint.h", "stdio.h", "stdlib.h", "string.h", "time.h",
    // POSIX, common in benchmarks' timing code
    "sys/time.h", "sys/types.h", "unistd.h",
  ]

  /// The known headers that `#include <...>` lines of these texts name, sorted.
  static func included(in texts: some Sequence<SourceText>) -> [String] {
    var found = Set<String>()
    for text in texts where text.contains("#") {
      for line in text.directiveLines {
        guard let name = includedName(text[line]), known.contains(name) else { continue }
        found.insert(name)
      }
    }
    return found.sorted()
  }

  /// `name` of a line `#include <name>` (spaces allowed around `#` and `include`).
  static func includedName(_ line: String) -> String? {
    var s = Substring(line).drop { $0 == " " || $0 == "\t" }
    guard s.first == "#" else { return nil }
    s = s.dropFirst().drop { $0 == " " || $0 == "\t" }
    guard s.hasPrefix("include") else { return nil }
    s = s.dropFirst(7).drop { $0 == " " || $0 == "\t" }
    guard s.first == "<", let close = s.firstIndex(of: ">") else { return nil }
    return String(s[s.index(after: s.startIndex)..<close])
  }
}
