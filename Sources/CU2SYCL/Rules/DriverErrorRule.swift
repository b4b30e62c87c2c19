import Clang

/// The driver API's status codes, like the runtime API's (error-handling): `CUresult` is `int`,
/// `CUDA_SUCCESS` 0 and the other enumerators their value. SYCL reports failures with exceptions, so a
/// converted call yields 0 (or the code the conversion documents).
public struct DriverErrorRule: MigrationRule {
  public static let id = "driver-errors"
  public static let summary = "Maps CUresult, CUDA_SUCCESS/CUDA_ERROR_* and cuGetErrorString/cuGetErrorName to int statuses."
  public static let covers = ["CUresult", "cudaError_enum", "CUDA_SUCCESS", "CUDA_ERROR_*", "cuGetErrorString", "cuGetErrorName"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      #include <cstdio>
      #define CHECK(call) do { CUresult e = (call); if (e != CUDA_SUCCESS) { const char *s; cuGetErrorName(e, &s); printf("%s\\n", s); } } while (0)
      CUresult report(CUresult status) {
        const char *text = nullptr;
        if (cuGetErrorString(status, &text) == CUDA_SUCCESS) printf("%s\\n", text);
        return status == CUDA_ERROR_OUT_OF_MEMORY ? CUDA_ERROR_INVALID_VALUE : CUDA_SUCCESS;
      }
      void check() { CHECK(report(CUDA_ERROR_OUT_OF_MEMORY)); }

      """,
      sycl: """
      #include <cstdio>
      #define CHECK(call) do { int e = (call); if (e != 0) { const char *s; s = cu2sycl::error_name(e); printf("%s\\n", s); } } while (0)
      int report(int status) {
        const char *text = nullptr;
        if ((text = cu2sycl::error_string(status), 0) == 0) printf("%s\\n", text);
        return status == 2 /* CUDA_ERROR_OUT_OF_MEMORY */ ? 1 /* CUDA_ERROR_INVALID_VALUE */ : 0;
      }
      void check() { CHECK(report(2 /* CUDA_ERROR_OUT_OF_MEMORY */)); }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ [.type, .constant, .function].contains($0.occurrence.kind) }) {
      let entry = context.entries[i]
      let o = entry.occurrence
      let token = o.offset..<(o.offset + o.length)
      switch (o.kind, o.name) {
      case (.type, "CUresult"), (.type, "cudaError_enum"):
        guard context.replaceWrittenName(i, with: "int", rule: Self.id) else { continue }
      case (.constant, let name) where name == "CUDA_SUCCESS" || name.hasPrefix("CUDA_ERROR_"):
        guard let value = entry.cursor?.referenced?.enumConstantValue else { continue }
        context.replace(o.file, token, with: name == "CUDA_SUCCESS" ? "0" : "\(value) /* \(name) */", rule: Self.id)
      case (.function, "cuGetErrorString"), (.function, "cuGetErrorName"):
        guard convertErrorText(entry, context) else { continue }
      default:
        continue
      }
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// `cuGetErrorString(status, &text)` -> `text = cu2sycl::error_string(status)`; in a #define body too,
  /// where error-check macros usually call it.
  private func convertErrorText(_ entry: CensusEntry, _ context: MigrationContext) -> Bool {
    let o = entry.occurrence
    let helper: (name: String, use: RuntimeHelper) = o.name == "cuGetErrorString" ? ("error_string", .errorString) : ("error_name", .errorName)
    if entry.inMacroBody { return convertInMacroBody(entry, helper: helper.name, use: helper.use, context) }
    guard let (call, file, _, args) = context.apiCall(entry), args.count == 2, let status = context.source(args[0]),
          let (target, _) = context.assignmentTarget(args[1]) else { return false }
    guard context.replaceCall(call, with: target + [.text(" = cu2sycl::\(helper.name)("), status, .text(")")], rule: DriverErrorRule.id) else { return false }
    context.use(helper.use, in: file)
    return true
  }

  /// In a #define the call has no cursor: its text `name(status, &var)` is rewritten when both arguments
  /// are simple (a name or expression without commas, and `&identifier`).
  private func convertInMacroBody(_ entry: CensusEntry, helper: String, use: RuntimeHelper, _ context: MigrationContext) -> Bool {
    let o = entry.occurrence
    guard let text = context.texts[o.file] else { return false }
    var i = text.skipHorizontalSpace(from: o.offset + o.length)
    guard i < text.bytes.count, text.bytes[i] == UInt8(ascii: "(") else { return false }
    let open = i
    var depth = 0
    repeat {
      if text.bytes[i] == UInt8(ascii: "(") { depth += 1 }
      if text.bytes[i] == UInt8(ascii: ")") { depth -= 1 }
      i += 1
    } while depth > 0 && i < text.bytes.count
    guard depth == 0 else { return false }
    let inside = text[(open + 1)..<(i - 1)]
    let parts = inside.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, parts[1].hasPrefix("&"), parts[1].dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return false }
    let assignment = "\(parts[1].dropFirst()) = cu2sycl::\(helper)(\(parts[0]))"
    let after = text.skipHorizontalSpace(from: i)
    let isStatement = after < text.bytes.count && text.bytes[after] == UInt8(ascii: ";")
    context.replace(o.file, o.offset..<i, with: isStatement ? assignment : "(\(assignment), 0)", rule: DriverErrorRule.id)
    context.use(use, in: o.file)
    return true
  }
}
