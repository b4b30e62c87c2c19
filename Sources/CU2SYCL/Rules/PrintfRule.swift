import Clang

/// printf in device code writes to a `sycl::stream` (SYCL 2020's kernel output): the launch creates
/// one in its command group, the kernel and the device functions on the way receive it, and the format
/// string becomes `<<` operations with stream manipulators (`%8.3f` → `sycl::setw(8) <<
/// sycl::setprecision(3) << sycl::fixed << x`). A format cu2sycl cannot translate, or a printf whose
/// result is used, is left to the device-restrictions rule (W011).
public struct PrintfRule: MigrationRule {
  public static let id = "device-printf"
  public static let summary = "Turns printf in device code into output to a sycl::stream created at the launch."
  public static let covers = ["printf in device code"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cstdio>
      __device__ void report(int i, float v) { printf("item %d: %.2f (0x%x)\\n", i, v, i); }
      __global__ void k(const float *v) {
        report(threadIdx.x, v[threadIdx.x]);
        if (threadIdx.x == 0) printf("%s\\n", v[0] > 0 ? "positive" : "not positive");
      }
      void run(const float *v) {
        k<<<1, 4>>>(v);
      }

      """,
      sycl: """
      #include <cstdio>
      void report(int i, float v, const sycl::nd_item<1> &item, const sycl::stream &stream) { stream << "item " << i << ": " << sycl::setprecision(2) << sycl::fixed << v << " (0x" << sycl::hex << i << sycl::dec << ")\\n"; }
      void k(const float *v, const sycl::nd_item<1> &item, const sycl::stream &stream) {
        report(item.get_local_id(0), v[item.get_local_id(0)], item, stream);
        if (item.get_local_id(0) == 0) stream << (v[0] > 0 ? "positive" : "not positive") << "\\n";
      }
      void run(const float *v) {
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          sycl::stream stream(65536, 1024, cgh);
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(4), sycl::range<1>(4)), [=](sycl::nd_item<1> item) {
            k(v, item, stream);
          });
        });
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name == "printf" && !$0.inMacroBody }) {
      guard let cursor = context.entries[i].cursor, let function = context.enclosingFunction(of: cursor),
            context.plan.usesStream.contains(function.usr), let call = context.call(named: cursor), context.isStatement(call),
            let r = context.range(of: call), let text = context.texts[r.file] else { continue }
      let args = context.writtenArguments(call)
      guard let format = args.first.map(Syntax.stripImplicit), format.kind == .stringLiteral, let fr = context.range(of: format),
            case let literal = text[fr.range], literal.hasPrefix("\""), literal.hasSuffix("\""), literal.count >= 2,
            let pieces = translate(String(literal.dropFirst().dropLast()), arguments: Array(args.dropFirst()), context: context) else { continue }
      context.edit(r.file, r.range, [.text(context.streamName)] + pieces, rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// The `<< ...` pieces for a format (the text between the quotes) and its arguments; nil when a
  /// conversion has no stream equivalent (`%n`, `*` widths) or the arguments do not match.
  func translate(_ format: String, arguments: [Cursor], context: MigrationContext) -> [Piece]? {
    var pieces: [Piece] = []
    var literal = ""
    var next = 0
    func flushLiteral() {
      if !literal.isEmpty { pieces.append(.text(" << \"\(literal)\"")) }
      literal = ""
    }
    let chars = Array(format)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count {
        literal.append(c)
        literal.append(chars[i + 1])
        i += 2
        continue
      }
      guard c == "%" else { literal.append(c); i += 1; continue }
      i += 1
      guard i < chars.count else { return nil }
      if chars[i] == "%" { literal.append("%"); i += 1; continue }
      var flags = ""
      while i < chars.count, "-+ #0".contains(chars[i]) { flags.append(chars[i]); i += 1 }
      var width = ""
      while i < chars.count, chars[i].isNumber { width.append(chars[i]); i += 1 }
      var precision: String?
      if i < chars.count, chars[i] == "." {
        i += 1
        var p = ""
        while i < chars.count, chars[i].isNumber { p.append(chars[i]); i += 1 }
        precision = p.isEmpty ? "0" : p
      }
      while i < chars.count, "hlLqjzt".contains(chars[i]) { i += 1 }
      // `<<` binds tighter than comparisons, bit operators and ?:, so arguments that are not primary
      // expressions are parenthesized.
      guard i < chars.count, next < arguments.count, case let argument = context.operand(arguments[next]), !argument.isEmpty else { return nil }
      let conversion = chars[i]
      i += 1
      next += 1
      flushLiteral()
      var prefix = ""
      var suffix = ""
      if flags.contains("+") { prefix += " << sycl::showpos"; suffix += " << sycl::noshowpos" }
      if !width.isEmpty { prefix += " << sycl::setw(\(width))" }
      switch conversion {
      case "d", "i", "u", "s", "p":
        break
      case "c":
        pieces.append(.text(prefix + " << static_cast<char>("))
        pieces += argument
        pieces.append(.text(")" + suffix))
        continue
      case "f", "F":
        prefix += " << sycl::setprecision(\(precision ?? "6")) << sycl::fixed"
      case "e", "E":
        prefix += " << sycl::setprecision(\(precision ?? "6")) << sycl::scientific"
      case "g", "G":
        prefix += (precision.map { " << sycl::setprecision(\($0))" } ?? "") + " << sycl::defaultfloat"
      case "x", "X":
        prefix += " << sycl::hex"
        suffix += " << sycl::dec"
      case "o":
        prefix += " << sycl::oct"
        suffix += " << sycl::dec"
      default:
        return nil
      }
      pieces.append(.text(prefix + " << "))
      pieces += argument
      if !suffix.isEmpty { pieces.append(.text(suffix)) }
    }
    flushLiteral()
    // Every argument must have been used by a conversion.
    return next == arguments.count ? pieces : nil
  }
}
