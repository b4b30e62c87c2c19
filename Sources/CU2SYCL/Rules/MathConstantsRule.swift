import Foundation

/// `math_constants.h` gives the `CUDART_*` constants (`CUDART_PI_F`, `CUDART_INF`, ...) as macros. SYCL has
/// no such header, so `cu2sycl/runtime.hpp` defines the same names with the same values (taken from
/// cu2sycl's own copy of the header) and the code keeps reading as written.
public struct MathConstantsRule: MigrationRule {
  public static let id = "math-constants"
  public static let summary = "Replaces math_constants.h by the same CUDART_* constants in cu2sycl/runtime.hpp."
  public static let covers = ["math_constants.h"] + names
  public static let examples = [
    RuleExample(
      cuda: """
      #include <math_constants.h>
      __device__ float circle_area(float r) { return CUDART_PI_F * r * r; }

      """,
      sycl: """
      float circle_area(float r) { return CUDART_PI_F * r * r; }

      """),
  ]

  /// The `#define CUDART_...` lines of the bundled math_constants.h, in its order.
  static let definitions: [(name: String, line: String)] = {
    let url = Bundle.module.resourceURL!.appendingPathComponent("cuda/math_constants.h")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ", maxSplits: 2)
      guard words.count == 3, words[0] == "#define", words[1].hasPrefix("CUDART_") else { return nil }
      return (String(words[1]), String(line))
    }
  }()
  static let names = definitions.map(\.name)

  public init() {}

  public func apply(to context: MigrationContext) {
    let known = Set(Self.names)
    for i in context.pending({ e in
      let o = e.occurrence
      if o.kind == .include { return (o.name.split(separator: "/").last.map(String.init) ?? o.name) == "math_constants.h" }
      return known.contains(o.name)
    }) {
      let o = context.entries[i].occurrence
      context.use(.mathConstants, in: o.file)
      if o.kind == .include, let text = context.texts[o.file] {
        context.replace(o.file, text.wholeLines(around: o.offset..<(o.offset + o.length)), with: "", rule: Self.id)
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
