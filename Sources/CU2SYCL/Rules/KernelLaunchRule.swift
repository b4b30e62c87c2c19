import Clang

/// `k<<<grid, block, shmem, stream>>>(args)` becomes a `parallel_for` over an `nd_range` on the default
/// in-order queue; shared memory becomes `local_accessor`s created in a command group.
public struct KernelLaunchRule: MigrationRule {
  public static let id = "kernel-launch"
  public static let summary = "Turns <<<grid, block, shmem, stream>>> launches into parallel_for over an nd_range, with local accessors for shared memory."
  public static let covers = ["<<<>>>"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void add(const float *a, float *b, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) b[i] += a[i];
      }
      void run(const float *a, float *b, int n) {
        add<<<(n + 255) / 256, 256>>>(a, b, n);
      }

      """,
      sycl: """
      void add(const float *a, float *b, int n, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        if (i < n) b[i] += a[i];
      }
      void run(const float *a, float *b, int n) {
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + 255) / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
          add(a, b, n, item);
        });
      }

      """),
    RuleExample(
      cuda: """
      __global__ void sum(const float *in, float *out) {
        extern __shared__ float s[];
        s[threadIdx.x] = in[threadIdx.x];
        __syncthreads();
        if (threadIdx.x == 0) *out = s[0] + s[1];
      }
      void run(const float *in, float *out) {
        dim3 block(2);
        sum<<<1, block, block.x * sizeof(float)>>>(in, out);
      }

      """,
      sycl: """
      void sum(const float *in, float *out, const sycl::nd_item<1> &item, float *s) {
        s[item.get_local_id(0)] = in[item.get_local_id(0)];
        sycl::group_barrier(item.get_group());
        if (item.get_local_id(0) == 0) *out = s[0] + s[1];
      }
      void run(const float *in, float *out) {
        sycl::range<1> block(2);
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          sycl::local_accessor<float, 1> s(sycl::range<1>(block[0]), cgh);
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(1) * block, block), [=](sycl::nd_item<1> item) {
            sum(in, out, item, s.get_multi_ptr<sycl::access::decorated::no>().get());
          });
        });
      }

      """),
    // Flagged (W001): a launch through a function pointer, whose kernel cu2sycl cannot identify.
    RuleExample(
      cuda: """
      __global__ void zeros(float *x) { x[threadIdx.x] = 0; }
      __global__ void ones(float *x) { x[threadIdx.x] = 1; }
      void fill(float *x, bool one) {
        void (*kernel)(float *) = one ? ones : zeros;
        kernel<<<1, 32>>>(x);
      }

      """,
      sycl: """
      void zeros(float *x, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] = 0; }
      void ones(float *x, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] = 1; }
      void fill(float *x, bool one) {
        void (*kernel)(float *) = one ? ones : zeros;
        // CU2SYCL-W001: the launched kernel could not be identified; convert this launch by hand
        kernel<<<1, 32>>>(x);
      }

      """),
    // Flagged (W003): the launch cannot name the shared array's type (T of the kernel, not visible in run).
    RuleExample(
      cuda: """
      template <typename T> __global__ void sum(const T *in, T *out) {
        extern __shared__ T s[];
        s[threadIdx.x] = in[threadIdx.x];
        __syncthreads();
        if (threadIdx.x == 0) *out = s[0] + s[1];
      }
      template <typename Real> void run(const Real *in, Real *out) {
        sum<<<1, 2, 2 * sizeof(Real)>>>(in, out);
      }

      """,
      sycl: """
      template <typename T> void sum(const T *in, T *out, const sycl::nd_item<1> &item, T *s) {
        s[item.get_local_id(0)] = in[item.get_local_id(0)];
        sycl::group_barrier(item.get_group());
        if (item.get_local_id(0) == 0) *out = s[0] + s[1];
      }
      template <typename Real> void run(const Real *in, Real *out) {
        // CU2SYCL-W003: the type of 's' depends on template arguments cu2sycl could not resolve; set it by hand
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          sycl::local_accessor<T, 1> s(sycl::range<1>((2 * sizeof(Real)) / sizeof(T)), cgh);
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(2), sycl::range<1>(2)), [=](sycl::nd_item<1> item) {
            sum(in, out, item, s.get_multi_ptr<sycl::access::decorated::no>().get());
          });
        });
      }

      """),
    // A variadic kernel takes the item before its parameter pack; flagged (W064): a launch whose
    // arguments before the pack come from a pack expansion, so that place is unknown.
    RuleExample(
      cuda: """
      template <typename... T> __global__ void zero(int n, T... t) { if (threadIdx.x < n) ((t[threadIdx.x] = 0), ...); }
      void run(float *a, int *b) { zero<<<1, 32>>>(32, a, b); }
      template <typename... A> void forward(A... a) { zero<<<1, 32>>>(a...); }

      """,
      sycl: """
      template <typename... T> void zero(int n, const sycl::nd_item<1> &item, T... t) { if (item.get_local_id(0) < n) ((t[item.get_local_id(0)] = 0), ...); }
      void run(float *a, int *b) { cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
        zero(32, item, a, b);
      }); }
      // CU2SYCL-W064: 'zero' takes the nd_item before its parameter pack, and this launch's arguments do not show where that is (argument 2); convert it by hand
      template <typename... A> void forward(A... a) { zero<<<1, 32>>>(a...); }

      """),
    // Flagged (W014): a launch from device code (dynamic parallelism).
    RuleExample(
      cuda: """
      __global__ void child(float *data) { data[threadIdx.x] *= 2; }
      __global__ void parent(float *data, int n) {
        if (threadIdx.x == 0) child<<<1, n>>>(data);
      }

      """,
      sycl: """
      void child(float *data, const sycl::nd_item<1> &item) { data[item.get_local_id(0)] *= 2; }
      void parent(float *data, int n, const sycl::nd_item<1> &item) {
        // CU2SYCL-W014: a kernel launched from device code (dynamic parallelism) has no SYCL equivalent; launch it from the host
        if (item.get_local_id(0) == 0) child<<<1, n>>>(data);
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for launch in context.census.launches {
      // The census counts a launch at its `<<<...>>>`, which a macro's use stands for when the launch
      // is inside the macro's body.
      let configStart = launch.call.children.dropFirst().first?.extent.start.spelling?.offset
      guard let r = context.range(of: launch.call),
            let index = context.entries.indices.first(where: {
              let o = context.entries[$0].occurrence
              return o.kind == .launch && o.file == r.file && o.rule == nil && (r.range.contains(o.offset) || o.offset == configStart)
            }) else { continue }
      if let caller = launch.enclosingFunction.flatMap({ context.census.functions[$0] }), caller.space != .host {
        context.claim(index, .manual, rule: Self.id, warning: Warnings.dynamicParallelism,
                      message: "a kernel launched from device code (dynamic parallelism) has no SYCL equivalent; launch it from the host")
        continue
      }
      guard let text = context.texts[r.file], text[r.range].replacingSpaces().contains("<<<") else {
        let o = context.entries[index].occurrence
        let macro = context.texts[o.file].flatMap { t in t.macroUse(at: o.offset).map { t[$0.lowerBound..<t.endOfIdentifier(from: $0.lowerBound)] } }
        context.claim(index, .manual, rule: Self.id, warning: Warnings.macroBody,
                      message: "kernel launch inside the body of macro\(macro.map { " '\($0)'" } ?? ""), which cu2sycl does not rewrite (the kernel now takes an nd_item); expand the macro here and migrate again, or write the launch as a parallel_for in the macro by hand")
        continue
      }
      if let use = macroSpanningArguments(launch, context) {
        context.claim(index, .manual, rule: Self.id, warning: Warnings.macroBody,
                      message: "'\(use)' expands to several of the launch's <<<>>> arguments, which cu2sycl rewrites one by one; write them out in the launch and migrate again, or convert it by hand")
        continue
      }
      guard let kernel = launch.kernelUSR, let n = context.plan.dimensions[kernel],
            launch.config.count >= 2 else {
        context.claim(index, .manual, rule: Self.id, warning: Warnings.unsupported,
                      message: "the launched kernel could not be identified; convert this launch by hand")
        continue
      }
      convert(launch, kernel: kernel, dimensions: n, occurrence: index, range: r, text: text, context: context)
    }
  }

  private func convert(_ launch: LaunchSite, kernel: String, dimensions n: Int, occurrence: Int,
                       range r: (file: String, range: Range<Int>), text: SourceText, context: MigrationContext) {
    var notes: [(WarningKind, String)] = []
    let indent = text.indentation(ofLineAt: r.range.lowerBound)
    // A variadic kernel takes the item before its parameter pack (see KernelSignatureRule).
    let info = context.census.functions[kernel]
    let defaults = info.map { KernelSignatureRule.defaultArgumentTexts($0, context: context) } ?? []
    let writtenArguments = launch.arguments.filter { a in context.writtenRange(of: a).map { !$0.range.isEmpty } ?? false }
    var packPosition: KernelSignatureRule.PackPosition?
    if let k = info?.packIndex {
      packPosition = KernelSignatureRule.packPosition(k, written: writtenArguments, defaults: defaults, context: context)
      if packPosition == nil {
        context.claim(occurrence, .manual, rule: Self.id, warning: Warnings.variadicItem,
                      message: "'\(info?.name ?? "")' takes the nd_item before its parameter pack, and this launch's arguments do not show where that is (argument \(k + 1)); convert it by hand")
        return
      }
    }
    guard let grid = rangeExpression(launch.config[0], n, context, &notes),
          let block = rangeExpression(launch.config[1], n, context, &notes) else {
      context.claim(occurrence, .manual, rule: Self.id, warning: Warnings.dim3Use,
                    message: "the launch configuration is not a dim3 variable, dim3(...) or an integer; convert it by hand")
      return
    }
    // Global size: fold 1-D integer configurations into one range.
    var global: [Piece]
    if n == 1, grid.isInteger, block.isInteger {
      global = [.text("sycl::range<1>(")] + product(grid.scalar, block.scalar, context) + [.text(")")]
    } else {
      global = grid.pieces + [.text(" * ")] + block.pieces
    }
    let ndRange: [Piece] = [.text("sycl::nd_range<\(n)>(")] + global + [.text(", ")] + block.pieces + [.text(")")]

    // The stream's queue (the default queue for none or the null stream).
    if launch.config.count >= 4, context.range(of: launch.config[3]) == nil {
      notes.append((Warnings.stream, "the launch's stream comes from a macro cu2sycl cannot rewrite; it runs on the default in-order queue"))
    }
    let queue = context.queue(forStream: launch.config.count >= 4 ? launch.config[3] : nil, in: r.file, rule: Self.id)

    // Kernel call inside the lambda: the written arguments, then the item and local memory.
    let locals = (context.plan.localVariables[kernel] ?? []).compactMap { SharedVariableShape($0, context: context) }
    let argumentTexts = launch.arguments.map { context.text(of: $0) }
    var call: [Piece] = []
    if let callee = context.source(launch.callee) { call.append(callee) }
    // Local accessors convert to the kernel's array references, but template argument deduction does
    // not look through conversions: name a deduced specialization explicitly.
    if !locals.isEmpty, !(context.census.functions[kernel]?.templateParameters.isEmpty ?? true),
       !context.text(of: launch.callee).contains("<"), let arguments = launch.callee.referenced?.templateArgumentSpellings {
      call.append(.text("<" + arguments.joined(separator: ", ") + ">"))
    }
    let accessorNames = locals.map { shape -> String in
      argumentTexts.contains(where: { identifiers(in: $0).contains(shape.name) }) ? shape.name + "_local" : shape.name
    }
    // Defaulted parameters the launch leaves out are written out: the kernel's parameters after them
    // (the item, local memory) have no defaults (see KernelSignatureRule).
    // (clang lists an omitted argument as an empty default-argument expression.)
    let written = launch.arguments.filter { a in context.range(of: a).map { !$0.range.isEmpty } ?? false }.count
    var extra: [String]
    switch packPosition {
    case .append(let omitted)?: extra = omitted
    case .before?: extra = []
    case nil: extra = defaults.count > written ? defaults[written...].map { $0 ?? "" } : []
    }
    extra.append(context.itemName)
    for (shape, acc) in zip(locals, accessorNames) {
      extra.append(shape.isDynamic ? "\(acc).get_multi_ptr<sycl::access::decorated::no>().get()" : acc)
    }
    // Device variables live in USM; the kernel lambda cannot name a global, so it captures a pointer.
    let globals = context.plan.globalVariables[kernel] ?? []
    // A texture reference is a host object: the lambda captures a copy (the binding at the launch).
    for g in globals { extra.append(g.isTextureReference ? "\(g.name)_symbol" : "*\(g.name)_symbol") }
    // Device printf: a stream of the command group (64 KiB in all, 1 KiB a work-item statement).
    let printing = context.plan.usesStream.contains(kernel)
    if printing { extra.append(context.streamName) }
    // The written arguments, then the extra ones (before the pack's arguments for a variadic kernel).
    let sources = launch.arguments.filter { context.source($0) != nil }
    var arguments: [Piece] = sources.compactMap { context.source($0) }
    if case .before(let first)? = packPosition, let i = sources.firstIndex(of: first) {
      arguments.insert(contentsOf: extra.map { Piece.text($0) }, at: i)
    } else {
      arguments += extra.map { Piece.text($0) }
    }
    call.append(.text("("))
    for (i, a) in arguments.enumerated() { call += (i > 0 ? [.text(", "), a] : [a]) }
    call.append(.text(");"))
    // Warp-level code assumes CUDA's 32-wide warps: require sub-groups of 32.
    let attribute = context.plan.usesSubGroups.contains(kernel) ? " [[sycl::reqd_sub_group_size(32)]]" : ""
    let lambda = "[=](sycl::nd_item<\(n)> \(context.itemName))\(attribute) {"

    var out: [Piece]
    if locals.isEmpty && globals.isEmpty && !printing {
      out = queue + [.text(".parallel_for(")] + ndRange + [.text(", \(lambda)\n\(indent)  ")] + call
        + [.text("\n\(indent)})")]
    } else {
      out = queue + [.text(".submit([&](sycl::handler &cgh) {\n")]
      for g in globals {
        out.append(.text(g.isTextureReference ? "\(indent)  auto \(g.name)_symbol = \(g.name);\n" : "\(indent)  auto *\(g.name)_symbol = &\(g.name);\n"))
      }
      if printing { out.append(.text("\(indent)  sycl::stream \(context.streamName)(65536, 1024, cgh);\n")) }
      for (shape, acc) in zip(locals, accessorNames) {
        out.append(.text("\(indent)  "))
        out += accessorDeclaration(shape, name: acc, launch: launch, kernel: kernel, context: context, notes: &notes)
        out.append(.text("\n"))
      }
      out += [.text("\(indent)  cgh.parallel_for(")] + ndRange + [.text(", \(lambda)\n\(indent)    ")] + call
        + [.text("\n\(indent)  });\n\(indent)})")]
    }
    context.edit(r.file, r.range, out, rule: Self.id)
    context.use(.defaultQueue, in: r.file)
    // Written configuration (dim3(...) types and the like) is part of the conversion.
    for arg in launch.config.prefix(2) {
      if let ar = context.range(of: arg) { context.claimAll(in: ar.file, ar.range, .converted, rule: Self.id) { $0.kind == .type } }
    }
    if let (kind, message) = notes.first {
      context.claim(occurrence, kind.id == Warnings.stream.id ? .review : .manual, rule: Self.id, warning: kind, message: message)
    } else {
      context.claim(occurrence, .converted, rule: Self.id)
    }
  }

  // MARK: Configuration

  /// The text of a macro use that gives several configuration arguments (`#define ON_STREAM(s) 0, s`
  /// in `k<<<1, 32, ON_STREAM(s)>>>`): clang gives each of them the use's range.
  private func macroSpanningArguments(_ launch: LaunchSite, _ context: MigrationContext) -> String? {
    let ranges = launch.config.map { context.range(of: $0) }
    for (a, b) in zip(ranges, ranges.dropFirst()) {
      guard let a, let b, a.file == b.file, KernelPlan.overlap([a.range, b.range]), let text = context.texts[a.file] else { continue }
      let use = a.range.count >= b.range.count ? a.range : b.range
      // Inside another macro's argument the range is empty, at the macro's name.
      return text[use.isEmpty ? (text.macroUse(at: use.lowerBound) ?? use) : use]
    }
    return nil
  }

  struct RangeExpression {
    var pieces: [Piece]
    /// For integer configurations: the written expression, for folding into one global range.
    var scalar: Scalar?
    var isInteger: Bool { scalar != nil }
  }

  enum Scalar {
    case literal(Int)
    case expression(Cursor)
  }

  private func rangeExpression(_ arg: Cursor, _ n: Int, _ context: MigrationContext, _ notes: inout [(WarningKind, String)]) -> RangeExpression? {
    let written = KernelPlan.writtenConfig(arg)
    let isDim3 = { (c: Cursor) in c.type.canonical.spelling.hasSuffix("dim3") }
    if let v = context.plan.dim3Variable(arg), context.plan.isRangeLocal(v), let source = context.source(written) {
      return RangeExpression(pieces: [source], scalar: nil)
    }
    // `dim3(n)` with one argument is a functional cast around the constructor call.
    let constructor = written.kind == .callExpr ? written
      : written.children.first { $0.kind == .callExpr && $0.referenced?.kind == .constructor && isDim3($0) } ?? written
    if constructor.kind == .callExpr, constructor.referenced?.kind == .constructor, !context.plan.dim3Arguments(constructor).contains(where: isDim3),
       !context.plan.isMacroConstructed(constructor) {
      let args = context.plan.dim3Arguments(constructor)
      guard args.count <= n else { return nil }
      var pieces: [Piece] = [.text("sycl::range<\(n)>(")]
      let padded = Array(repeating: nil as Cursor?, count: n - args.count) + args.reversed().map { Optional($0) }
      for (i, a) in padded.enumerated() {
        if i > 0 { pieces.append(.text(", ")) }
        if let a, let p = context.source(a) { pieces.append(p) } else { pieces.append(.text("1")) }
      }
      return RangeExpression(pieces: pieces + [.text(")")], scalar: nil)
    }
    guard let source = context.source(written) else { return nil }
    // Any other dim3 value (a parameter, member, copy, array element) is a cu2sycl::dim3: convert it in
    // SYCL's order. Its components beyond N are 1, since the kernel has the launch's dimensionality.
    if isDim3(written) {
      guard let wr = context.range(of: written) else { return nil }
      context.use(.dim3, in: wr.file)
      // dim3 written inside the expression (`shape(dim3(n))`) is the runtime's too.
      for i in context.pending({ $0.occurrence.kind == .type && $0.occurrence.name == "dim3" && $0.occurrence.file == wr.file
                                 && wr.range.contains($0.occurrence.offset) }) {
        let o = context.entries[i].occurrence
        guard context.texts[o.file]?[o.offset..<(o.offset + o.length)] == "dim3" else { continue }
        context.replace(o.file, o.offset..<(o.offset + o.length), with: "cu2sycl::dim3", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      }
      return RangeExpression(pieces: [.text("cu2sycl::range<\(n)>("), source, .text(")")], scalar: nil)
    }
    let scalar: Scalar = Int(context.text(of: written)).map { .literal($0) } ?? .expression(written)
    let ones = Array(repeating: "1, ", count: n - 1).joined()
    return RangeExpression(pieces: [.text("sycl::range<\(n)>(\(ones)")] + [source] + [.text(")")], scalar: scalar)
  }

  private func product(_ a: Scalar?, _ b: Scalar?, _ context: MigrationContext) -> [Piece] {
    switch (a, b) {
    case let (.literal(x)?, .literal(y)?): return [.text(String(x * y))]
    default: return pieces(a, context) + [.text(" * ")] + pieces(b, context)
    }
  }

  private func pieces(_ s: Scalar?, _ ctx: MigrationContext) -> [Piece] {
    switch s {
    case .literal(let v)?: return [.text(String(v))]
    case .expression(let c)?:
      guard let p = ctx.source(c) else { return [] }
      // Grid sizes like (n + 255) / 256 multiply correctly left to right; sums need parentheses.
      let t = ctx.text(of: c)
      return needsParenthesesInProduct(t) ? [.text("("), p, .text(")")] : [p]
    case nil: return []
    }
  }

  // MARK: Local memory

  private func accessorDeclaration(_ shape: SharedVariableShape, name: String, launch: LaunchSite, kernel: String,
                                   context: MigrationContext, notes: inout [(WarningKind, String)]) -> [Piece] {
    var shape = shape
    let parameters = context.census.functions[kernel]?.templateParameters ?? []
    if !parameters.isEmpty {
      // The specialization libclang resolved (explicit or deduced arguments), else the written `k<...>`.
      let written = context.text(of: launch.callee)
      let arguments = launch.callee.referenced?.templateArgumentSpellings
        ?? written.firstIndex(of: "<").map { splitTopLevel(String(written[written.index(after: $0)...].dropLast())) }
      if let arguments, arguments.count == parameters.count {
        // Arguments are spelled as at the launch (concrete, or the enclosing template's own parameters).
        shape.substitute(Dictionary(zip(parameters, arguments), uniquingKeysWith: { a, _ in a }))
      } else if shape.mentions(parameters) {
        notes.append((Warnings.sharedSize, "the type of '\(shape.name)' depends on template arguments cu2sycl could not resolve; set it by hand"))
      }
    }
    if shape.isDynamic {
      var count: [Piece] = [.text("0")]
      if launch.config.count >= 3, let bytes = context.source(launch.config[2]) {
        count = elementCount(bytes: launch.config[2], piece: bytes, element: shape.accessorElement, context: context)
      }
      return [.text("sycl::local_accessor<\(shape.accessorElement), 1> \(name)(sycl::range<1>(")] + count + [.text("), cgh);")]
    }
    return [.text("sycl::local_accessor<\(shape.accessorElement)\(shape.dimensions), 0> \(name)(cgh);")]
  }

  /// `n * sizeof(T)` bytes of T elements is `n` elements; anything else is divided by sizeof(T).
  private func elementCount(bytes: Cursor, piece: Piece, element: String, context: MigrationContext) -> [Piece] {
    if let count = context.elementCount(inBytes: bytes, element: element), let p = context.source(count) { return [p] }
    return [.text("(")] + [piece] + [.text(") / sizeof(\(element))")]
  }
}

// MARK: Small text helpers

extension KernelLaunchRule {
  fileprivate func needsParenthesesInProduct(_ t: String) -> Bool {
    // Left-to-right * and / keep their meaning when followed by `* block`; +, -, ?: and shifts do not.
    var depth = 0
    for ch in t {
      switch ch {
      case "(", "[": depth += 1
      case ")", "]": depth -= 1
      case "+", "-", "?", "<", ">", "&", "|", "^", "=", ",": if depth == 0 { return true }
      default: break
      }
    }
    return false
  }
}

func identifiers(in text: String) -> [String] {
  var out: [String] = []
  var current = ""
  for ch in text {
    if ch.isLetter || ch.isNumber || ch == "_" { current.append(ch) } else {
      if let f = current.first, !f.isNumber { out.append(current) }
      current = ""
    }
  }
  if let f = current.first, !f.isNumber { out.append(current) }
  return out
}

func replaceIdentifier(_ name: String, with replacement: String, in text: String) -> String {
  var out = ""
  var current = ""
  func flush() { out += current == name ? replacement : current; current = "" }
  for ch in text {
    if ch.isLetter || ch.isNumber || ch == "_" { current.append(ch) } else { flush(); out.append(ch) }
  }
  flush()
  return out
}

func splitTopLevel(_ text: String) -> [String] {
  var parts: [String] = []
  var depth = 0
  var current = ""
  for ch in text {
    switch ch {
    case "<", "(", "[": depth += 1
    case ">", ")", "]": depth -= 1
    case "," where depth == 0:
      parts.append(current.trimmingCharacters(in: .whitespaces))
      current = ""
      continue
    default: break
    }
    current.append(ch)
  }
  parts.append(current.trimmingCharacters(in: .whitespaces))
  return parts
}

extension String {
  func replacingSpaces() -> String { filter { !$0.isWhitespace } }
}
