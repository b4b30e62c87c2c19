import Clang

/// Kernels used through argument arrays. A kernel whose address is taken as a value
/// (`cudaLaunchKernel((void *)k, ...)`, `params.func = (void *)k`) or that a module looks up by name
/// gets a launcher next to its definition (see `KernelLauncher`); the value becomes the launcher
/// (`(void *)k_launcher`, to be cast back to `cu2sycl::kernel_launcher` where it is called) and
/// `cudaLaunchKernel` calls it on the stream's queue. Kernels named by string get a registration so that
/// `cuModuleGetFunction` (DriverModuleRule) finds them.
public struct ArgumentLaunchRule: MigrationRule {
  public static let id = "argument-launch"
  public static let summary = "Gives kernels launched through argument arrays (cudaLaunchKernel, (void *)k, modules) a launcher and calls it."
  public static let covers = ["cudaLaunchKernel", "cudaLaunchCooperativeKernel", "(void *)kernel"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void scale(float *v, float f, int n) {
        extern __shared__ float tile[];
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        tile[threadIdx.x] = i < n ? v[i] : 0.0f;
        __syncthreads();
        if (i < n) v[i] = tile[threadIdx.x] * f;
      }
      int run(float *v, float f, int n, cudaStream_t s) {
        void *args[] = {&v, &f, &n};
        return cudaLaunchKernel((void *)scale, dim3((n + 127) / 128), dim3(128), args, 128 * sizeof(float), s);
      }

      """,
      sycl: """
      void scale(float *v, float f, int n, const sycl::nd_item<1> &item, float *tile) {
        int i = item.get_global_id(0);
        tile[item.get_local_id(0)] = i < n ? v[i] : 0.0f;
        sycl::group_barrier(item.get_group());
        if (i < n) v[i] = tile[item.get_local_id(0)] * f;
      }

      // scale launched with its arguments in an array (args[i] points to parameter i).
      void scale_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
        float *v = *static_cast<float **>(args[0]);
        float f = *static_cast<float *>(args[1]);
        int n = *static_cast<int *>(args[2]);
        q.submit([&](sycl::handler &cgh) {
          sycl::local_accessor<float, 1> tile(sycl::range<1>(shared_bytes / sizeof(float)), cgh);
          cgh.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
            scale(v, f, n, item, tile.get_multi_ptr<sycl::access::decorated::no>().get());
          });
        });
      }

      int run(float *v, float f, int n, cu2sycl::queue_ptr s) {
        void *args[] = {&v, &f, &n};
        return (scale_launcher(cu2sycl::queue(s), cu2sycl::dim3((n + 127) / 128), cu2sycl::dim3(128), 128 * sizeof(float), args), 0);
      }

      """),
    RuleExample(
      cuda: """
      __global__ void fill(int *out, int v) { out[blockIdx.x * blockDim.x + threadIdx.x] = v; }
      template <typename T> __global__ void twice(T *p) { p[threadIdx.x] *= 2; }
      struct Job {
        const void *func;
        void **args;
      };
      void run(int *out, int v, cudaStream_t s) {
        void *args[] = {&out, &v};
        cudaLaunchCooperativeKernel((void *)fill, 4, 64, args, 0, s);
        Job job = {(const void *)fill, args};
        void *targs[] = {&out};
        cudaLaunchKernel((void *)twice<int>, dim3(1), dim3(64), targs);
      }

      """,
      sycl: """
      void fill(int *out, int v, const sycl::nd_item<1> &item) { out[item.get_global_id(0)] = v; }

      // fill launched with its arguments in an array (args[i] points to parameter i).
      void fill_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
        int *out = *static_cast<int **>(args[0]);
        int v = *static_cast<int *>(args[1]);
        q.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
          fill(out, v, item);
        });
      }

      template <typename T> void twice(T *p, const sycl::nd_item<1> &item) { p[item.get_local_id(0)] *= 2; }

      // twice launched with its arguments in an array (args[i] points to parameter i).
      template <typename T>
      void twice_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
        T *p = *static_cast<T **>(args[0]);
        q.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
          twice<T>(p, item);
        });
      }

      struct Job {
        const void *func;
        void **args;
      };
      void run(int *out, int v, cu2sycl::queue_ptr s) {
        void *args[] = {&out, &v};
        fill_launcher(cu2sycl::queue(s), 4, 64, 0, args);
        Job job = {(const void *)fill_launcher, args};
        void *targs[] = {&out};
        twice_launcher<int>(cu2sycl::default_queue(), cu2sycl::dim3(1), cu2sycl::dim3(64), 0, targs);
      }

      """),
    RuleExample(
      cuda: """
      __global__ void cells(int *grid);
      void step(const void *kernel, int *grid, cudaStream_t s) {
        void *args[] = {&grid};
        cudaLaunchKernel(kernel, dim3(16), dim3(64), args, 0, s);
        cudaLaunchKernel((void *)cells, dim3(16), dim3(64), args, 0, s);
      }

      """,
      sycl: """
      void cells(int *grid, const sycl::nd_item<1> &item);
      void step(const void *kernel, int *grid, cu2sycl::queue_ptr s) {
        void *args[] = {&grid};
        // CU2SYCL-W017: cudaLaunchKernel: the launched kernel is not named here; name it in the call, cudaLaunchKernel((void *)kernel, ...), or launch it with <<<>>>
        cudaLaunchKernel(kernel, cu2sycl::dim3(16), cu2sycl::dim3(64), args, 0, s);
        // CU2SYCL-W017: cudaLaunchKernel: 'cells' is defined in another file, and cu2sycl writes a kernel's launcher next to its definition only for the launches it sees there; launch it with <<<>>>
        cudaLaunchKernel((void *)cells, cu2sycl::dim3(16), cu2sycl::dim3(64), args, 0, s);
      }

      """),
    // Flagged (W084): a variadic kernel launched through an argument array.
    RuleExample(
      cuda: """
      template <typename... Ptrs> __global__ void zero_all(int n, Ptrs... ptrs) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) ((ptrs[i] = 0), ...);
      }
      void run(float *a, int *b, int n) {
        void *args[] = {&n, &a, &b};
        cudaLaunchKernel((void *)zero_all<float *, int *>, dim3(n / 256), dim3(256), args, 0, 0);
      }

      """,
      sycl: """
      template <typename... Ptrs> void zero_all(int n, const sycl::nd_item<1> &item, Ptrs... ptrs) {
        int i = item.get_global_id(0);
        if (i < n) ((ptrs[i] = 0), ...);
      }
      void run(float *a, int *b, int n) {
        void *args[] = {&n, &a, &b};
        // CU2SYCL-W084: cudaLaunchKernel of 'zero_all': cu2sycl cannot write its launcher (a template used without its arguments, a parameter pack or a reference parameter); launch it with <<<>>>
        cudaLaunchKernel((void *)zero_all<float *, int *>, cu2sycl::dim3(n / 256), cu2sycl::dim3(256), args, 0, 0);
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    var needed: [String] = []
    func need(_ usr: String) { if !needed.contains(usr) { needed.append(usr) } }
    let references = kernelValues(context)
    var handledCalls: [Range<Int>] = []

    // cudaLaunchKernel(func, grid, block, args, shared, stream) -> func_launcher(queue, grid, block, shared, args).
    for i in context.pending({ $0.occurrence.kind == .function && ["cudaLaunchKernel", "cudaLaunchCooperativeKernel"].contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.arrayLaunch,
                      message: "\(o.name) written in a macro or through a pointer: call the kernel's launcher (k_launcher(queue, grid, block, sharedBytes, args)) by hand")
        continue
      }
      handledCalls.append(range)
      let kernel = args.first.flatMap { kernelReference(in: $0, context) }
      guard args.count >= 4, let kernel, let info = context.census.functions[kernel.usr] else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.arrayLaunch,
                      message: "\(o.name): the launched kernel is not named here; name it in the call, cudaLaunchKernel((void *)kernel, ...), or launch it with <<<>>>")
        continue
      }
      guard info.definition != nil else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.arrayLaunch,
                      message: "\(o.name): '\(info.name)' is defined in another file, and cu2sycl writes a kernel's launcher next to its definition only for the launches it sees there; launch it with <<<>>>")
        continue
      }
      // A template kernel's launcher is a template too: the arguments written at the reference name it.
      let written = context.text(of: kernel.reference)
      guard let launcherName = launcherExpression(written, info, context) else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.templateArrayLaunch,
                      message: "\(o.name) of '\(info.name)': cu2sycl cannot write its launcher (a template used without its arguments, a parameter pack or a reference parameter); launch it with <<<>>>")
        continue
      }
      if o.name == "cudaLaunchCooperativeKernel", synchronizesGrid(kernel.usr, context) {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.arrayLaunch,
                      message: "cudaLaunchCooperativeKernel: '\(info.name)' synchronizes the whole grid, which SYCL 2020 lacks: split the kernel at each grid sync and launch the parts one after another")
        continue
      }
      guard let grid = context.source(args[1]), let block = context.source(args[2]), let array = context.source(args[3]) else { continue }
      let shared: Piece = args.count >= 5 ? (context.writtenSource(args[4]) ?? .text("0")) : .text("0")
      let queue = context.queue(forStream: args.count >= 6 ? args[5] : nil, in: file, rule: Self.id)
      context.claimArguments(args, rule: Self.id)
      // dim3 values (a local sycl::range, an integer) convert to the launcher's cu2sycl::dim3 implicitly.
      context.use(.dim3, in: file)
      let pieces: [Piece] = [.text(launcherName + "(")] + queue + [.text(", "), grid, .text(", "), block, .text(", "), shared,
                                                                                  .text(", "), array, .text(")")]
      guard context.replaceCall(call, with: pieces, rule: Self.id) else { continue }
      need(kernel.usr)
      context.claim(i, .converted, rule: Self.id)
    }

    // Other values of a kernel cast to a pointer (`params.func = (void *)k`) become its launcher, in the same
    // cast: whoever calls through the pointer casts it back to cu2sycl::kernel_launcher.
    for r in references where !handledCalls.contains(where: { $0.contains(r.range.range.lowerBound) }) {
      guard let info = context.census.functions[r.usr], info.definition != nil, !context.isReplaced(r.range.file, r.range.range),
            let text = context.texts[r.range.file] else { continue }
      guard let launcher = launcherExpression(text[r.range.range], info, context) else {
        context.addWarningComment(file: r.range.file, offset: r.range.range.lowerBound, id: Warnings.templateArrayLaunch.id,
                                  message: "'\(info.name)' is used as a value, but cu2sycl cannot write its launcher (a template used without its arguments, a parameter pack or a reference parameter)")
        continue
      }
      context.replace(r.range.file, r.range.range, with: launcher, rule: Self.id)
      need(r.usr)
    }

    // Kernels a module looks up by name: extern "C" kernels whose name is a string literal somewhere.
    for usr in context.census.functionOrder {
      guard let f = context.census.functions[usr], f.space == .kernel, f.templateParameters.isEmpty,
            context.program.stringLiterals.contains(f.name), let def = f.definition, isExternC(def, context) else { continue }
      need(usr)
    }

    for usr in needed { emit(usr, context) }
  }

  // MARK: Launchers

  private func emit(_ usr: String, _ context: MigrationContext) {
    guard let f = context.census.functions[usr], let def = f.definition, let r = context.range(of: def),
          let text = context.texts[r.file] else { return }
    let launcher = KernelLauncher(kernel: f, definition: def)
    let isHeader = !["cu", "cpp", "cc", "cxx", "c++"].contains(r.file.split(separator: ".").last.map(String.init) ?? "")
    var notes: [(WarningKind, String)] = []
    guard var body = launcher.text(context, file: r.file, inline: isHeader, notes: &notes) else {
      context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.templateArrayLaunch.id,
                                message: "'\(f.name)' is used through an argument array, but a parameter cannot be read back from one (a reference or a pack); launch it with <<<>>>")
      return
    }
    if isExternC(def, context), context.program.stringLiterals.contains(f.name), let registration = launcher.registration(context, file: r.file) {
      body += "\n" + registration
    }
    let nl = text.newline
    let indent = text.indentation(ofLineAt: r.range.lowerBound)
    let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }.joined(separator: nl)
    // A blank line after the launcher too when the kernel's next line is code.
    let end = r.range.upperBound
    let nextIsCode = end + 1 < text.bytes.count && text.bytes[end] == UInt8(ascii: "\n") && text.bytes[end + 1] != UInt8(ascii: "\n")
      && text.bytes[end + 1] != UInt8(ascii: "\r")
    context.replace(r.file, end..<end, with: nl + nl + indented + (nextIsCode ? nl : ""), rule: Self.id)
    for (kind, message) in notes { context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: kind.id, message: message) }
    // Earlier prototypes of the kernel in the same file announce the launcher too.
    for decl in f.declarations where decl != def {
      guard let dr = context.range(of: decl), dr.file == r.file, dr.range.upperBound < r.range.lowerBound,
            dr.range.upperBound < text.bytes.count, text.bytes[dr.range.upperBound] == UInt8(ascii: ";") else { continue }
      let at = dr.range.upperBound + 1
      let head = (launcher.templateHead(context) ?? nil).map { $0 + " " } ?? ""
      context.replace(r.file, at..<at, with: nl + text.indentation(ofLineAt: dr.range.lowerBound)
                      + head + "void \(KernelLauncher.name(f.name))(\(KernelLauncher.parameters));", rule: Self.id)
    }
  }

  /// The launcher for a kernel reference as written (`k` -> `k_launcher`, `ns::k<float>` ->
  /// `ns::k_launcher<float>`); nil when the kernel cannot have one.
  private func launcherExpression(_ written: String, _ info: FunctionInfo, _ context: MigrationContext) -> String? {
    guard let def = info.definition, identifiers(in: written).contains(info.name) else { return nil }
    let launcher = KernelLauncher(kernel: info, definition: def)
    guard launcher.parameters(context) != nil, let head = launcher.templateHead(context) else { return nil }
    if head != nil && !written.contains("<") { return nil }
    return replaceIdentifier(info.name, with: KernelLauncher.name(info.name), in: written)
  }

  /// `extern "C"` (libclang 16 shows the linkage specification as an unexposed declaration).
  private func isExternC(_ def: Cursor, _ context: MigrationContext) -> Bool {
    guard let p = def.lexicalParent, p.kind == .linkageSpec || p.kind == .unexposedDecl else { return false }
    return context.text(of: p).replacingSpaces().hasPrefix("extern\"C\"")
  }

  // MARK: Finding kernel values

  struct KernelValue {
    var usr: String
    /// The kernel's name where the value is written (inside the cast, which stays: `(void *)k_launcher`).
    var range: (file: String, range: Range<Int>)
  }

  /// References to kernels that are not launches, cast to a pointer (`(void *)k`, `(const void *)&k`,
  /// `reinterpret_cast<void *>(k)`), in host code.
  private func kernelValues(_ context: MigrationContext) -> [KernelValue] {
    let callees = Set(context.census.launches.compactMap { context.range(of: $0.callee).map { "\($0.file):\($0.range.lowerBound)" } })
    var out: [KernelValue] = []
    for (c, _) in context.census.parent where c.kind == .declRefExpr {
      guard let ref = c.referenced, let usr = kernelUSR(ref, context), let r = context.range(of: c),
            !callees.contains("\(r.file):\(r.range.lowerBound)") else { continue }
      // Up through implicit nodes, parentheses, address-of and casts; one of them must be a pointer cast.
      var top = c
      var cast = false
      while let p = context.census.parent[top] {
        if p.kind == .unexposedExpr || p.kind == .parenExpr || (p.kind == .unaryOperator && context.text(of: p).hasPrefix("&")) {
          top = p
        } else if [.cStyleCastExpr, .cxxReinterpretCastExpr, .cxxStaticCastExpr].contains(p.kind), p.type.canonical.spelling.contains("void") {
          top = p
          cast = true
        } else { break }
      }
      guard cast, !r.range.isEmpty else { continue }
      if let caller = context.enclosingFunction(of: c), caller.space != .host { continue }
      out.append(KernelValue(usr: usr, range: r))
    }
    return out.sorted { ($0.range.file, $0.range.range.lowerBound) < ($1.range.file, $1.range.range.lowerBound) }
  }

  private func kernelUSR(_ ref: Cursor, _ context: MigrationContext) -> String? {
    guard let usr = context.census.calleeUSR(ref), context.census.functions[usr]?.space == .kernel else { return nil }
    return usr
  }

  /// The kernel an argument names (through casts, parentheses and `&`).
  private func kernelReference(in arg: Cursor, _ context: MigrationContext) -> (usr: String, reference: Cursor)? {
    var c = Syntax.stripImplicit(arg)
    while [.cStyleCastExpr, .cxxReinterpretCastExpr, .cxxStaticCastExpr, .parenExpr, .unaryOperator, .unexposedExpr].contains(c.kind),
          let inner = c.children.last {
      c = Syntax.stripImplicit(inner)
    }
    guard c.kind == .declRefExpr, let ref = c.referenced, let usr = kernelUSR(ref, context) else { return nil }
    return (usr, c)
  }

  /// Whether the kernel (or a function it calls) synchronizes the grid (cooperative groups' grid_group).
  private func synchronizesGrid(_ usr: String, _ context: MigrationContext) -> Bool {
    var seen = Set<String>()
    var stack = [usr]
    while let u = stack.popLast() {
      guard seen.insert(u).inserted, let f = context.census.functions[u] else { continue }
      if let def = f.definition, let r = context.range(of: def), let text = context.texts[r.file] {
        let body = text[r.range]
        if body.contains("this_grid") || body.contains("grid_group") { return true }
      }
      stack += f.calls.map(\.callee)
    }
    return false
  }
}
