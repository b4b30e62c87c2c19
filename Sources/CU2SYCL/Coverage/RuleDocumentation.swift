/// Generates the rule and warning reference (Docs/Rules.md) from the rules' own descriptions and
/// examples, so the documentation cannot drift from what the tests check.
public enum RuleDocumentation {
  public static func markdown() -> String {
    var out = """
    # Rules and warnings

    Generated from the rules' own descriptions and examples (`make docs`); every example below is run
    as a test and its SYCL is type-checked against the real SYCL 2020 headers. In each example the CUDA
    file starts with `#include <cuda_runtime.h>`, which becomes `#include <sycl/sycl.hpp>` (plus
    `#include "cu2sycl/runtime.hpp"` when a helper is used); those lines are not repeated here.

    ## Rules

    | id | converts | covers |
    | --- | --- | --- |

    """
    for rule in RuleRegistry.rules {
      out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.summary) | \(rule.covers.prefix(12).map { "`\($0)`" }.joined(separator: ", "))\(rule.covers.count > 12 ? ", …" : "") |\n"
    }
    for rule in RuleRegistry.rules {
      out += "\n### \(rule.id)\n\n\(rule.summary)\n\nCovers: \(rule.covers.map { "`\($0)`" }.joined(separator: ", ")).\n"
      for (i, example) in rule.examples.enumerated() {
        out += "\nExample \(i + 1), CUDA:\n\n```cuda\n\(example.cuda.trimmedTrailingNewlines)\n```\n\nSYCL:\n\n```cpp\n\(example.sycl.trimmedTrailingNewlines)\n```\n"
      }
    }
    out += "\n## Warnings\n\nWritten as `// CU2SYCL-Wnnn: reason` above the code and listed in the report; `cu2sycl explain Wnnn` prints the same text.\n\n"
    for w in Warnings.all {
      out += "### \(w.id): \(w.title)\n\nEffort: \(w.effort.rawValue). \(w.explanation)\n\n"
    }
    return out
  }
}

extension String {
  var trimmedTrailingNewlines: String {
    var s = Substring(self)
    while s.last == "\n" { s = s.dropLast() }
    return String(s)
  }
}
