import Clang

/// SYCL reports errors with exceptions: `cudaError_t` becomes `int`, `cudaSuccess` 0, and
/// `cudaGetLastError()`/`cudaPeekAtLastError()` 0 (a failed kernel throws instead). User error-check
/// macros keep working because their bodies are rewritten at the `#define`.
public struct ErrorHandlingRule: MigrationRule {
  public static let id = "error-handling"
  public static let summary = "Maps cudaError_t, error enumerators, cudaGetLastError/PeekAtLastError and cudaGetErrorString for exception-based SYCL."
  public static let covers = ["cudaError_t", "cudaError", "cudaSuccess", "cudaGetLastError", "cudaPeekAtLastError", "cudaGetErrorString", "cudaGetErrorName"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cstdio>
      #define CHECK(call) do { cudaError_t e = (call); if (e != cudaSuccess) printf("%s: %s\\n", cudaGetErrorName(e), cudaGetErrorString(e)); } while (0)
      void f() {
        CHECK(cudaGetLastError());
        cudaPeekAtLastError();
      }

      """,
      sycl: """
      #include <cstdio>
      #define CHECK(call) do { int e = (call); if (e != 0) printf("%s: %s\\n", cu2sycl::status_name(e), cu2sycl::error_string(e)); } while (0)
      void f() {
        CHECK(0);
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ [.type, .constant, .function].contains($0.occurrence.kind) }) {
      let entry = context.entries[i]
      let o = entry.occurrence
      let token = o.offset..<(o.offset + o.length)
      switch (o.kind, o.name) {
      case (.type, "cudaError_t"), (.type, "cudaError"):
        context.replace(o.file, token, with: "int", rule: Self.id)
      case (.constant, let name) where name.hasPrefix("cuda") && (name == "cudaSuccess" || name.hasPrefix("cudaError")):
        guard let value = entry.cursor?.referenced?.enumConstantValue else { continue }
        context.replace(o.file, token, with: name == "cudaSuccess" ? "0" : "\(value) /* \(name) */", rule: Self.id)
      case (.function, "cudaGetErrorString"), (.function, "cudaGetErrorName"):
        guard let text = context.texts[o.file], text[token] == o.name else { continue }
        context.replace(o.file, token, with: o.name == "cudaGetErrorName" ? "cu2sycl::status_name" : "cu2sycl::error_string", rule: Self.id)
        context.use(.errorString, in: o.file)
      case (.function, "cudaGetLastError"), (.function, "cudaPeekAtLastError"):
        guard replaceStatusQuery(entry, context) else { continue }
      default:
        continue
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// A status query becomes 0; as a statement of its own it is removed.
  private func replaceStatusQuery(_ entry: CensusEntry, _ context: MigrationContext) -> Bool {
    let o = entry.occurrence
    guard let text = context.texts[o.file] else { return false }
    if entry.inMacroBody {
      // In a #define: the token and its `()`.
      guard let call = context.emptyCallInMacroBody(entry) else { return false }
      context.replace(o.file, call.range, with: "0", rule: Self.id)
      return true
    }
    guard let cursor = entry.cursor, let call = context.call(named: cursor), let r = context.range(of: call),
          context.text(of: call).hasPrefix(o.name) else { return false }
    if context.isStatement(call), context.census.parent[call]?.kind == .compoundStmt {
      context.replace(r.file, text.statementRemoval(r.range), with: "", rule: Self.id)
    } else {
      context.replace(r.file, r.range, with: "0", rule: Self.id)
    }
    return true
  }
}
