import Clang

/// `__device__`, `__constant__` and `__managed__` variables at file scope become USM allocations with
/// the same name and type (a reference to the allocation), so host code that passes them around reads
/// the same; kernels and device functions that use them receive them as parameters, and
/// `cudaMemcpyToSymbol`/`cudaMemcpyFromSymbol` become copies on the queue. Standard SYCL 2020: no
/// `device_global` extension. `__managed__` variables are shared allocations the host can read.
public struct DeviceMemoryRule: MigrationRule {
  public static let id = "device-variables"
  public static let summary = "Turns __device__/__constant__/__managed__ variables into USM allocations passed to the kernels that use them, and maps cudaMemcpyToSymbol/FromSymbol."
  public static let covers = ["__constant__", "__managed__", "__device__ variables", "cudaMemcpyToSymbol", "cudaMemcpyFromSymbol",
                              "cudaMemcpyToSymbolAsync", "cudaMemcpyFromSymbolAsync", "cudaGetSymbolAddress", "cudaGetSymbolSize"]
  public static let examples = [
    RuleExample(
      cuda: """
      __constant__ float weights[4];
      __device__ int calls = 0;
      __device__ float weigh(int i, float v) { atomicAdd(&calls, 1); return weights[i % 4] * v; }
      __global__ void apply(float *v) { v[threadIdx.x] = weigh(threadIdx.x, v[threadIdx.x]); }
      int run(float *d, const float *w) {
        cudaMemcpyToSymbol(weights, w, 4 * sizeof(float));
        apply<<<1, 32>>>(d);
        int n = 0;
        cudaMemcpyFromSymbol(&n, calls, sizeof(int));
        return n;
      }

      """,
      sycl: """
      float (&weights)[4] = *cu2sycl::allocate_symbol<float[4]>(/*host_accessible=*/false);
      int &calls = *cu2sycl::allocate_symbol<int>(/*host_accessible=*/false, 0);
      float weigh(int i, float v, const sycl::nd_item<1> &item, float (&weights)[4], int &calls) { sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(calls).fetch_add(1); return weights[i % 4] * v; }
      void apply(float *v, const sycl::nd_item<1> &item, float (&weights)[4], int &calls) { v[item.get_local_id(0)] = weigh(item.get_local_id(0), v[item.get_local_id(0)], item, weights, calls); }
      int run(float *d, const float *w) {
        cu2sycl::default_queue().memcpy(&weights, w, 4 * sizeof(float)).wait();
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          auto *weights_symbol = &weights;
          auto *calls_symbol = &calls;
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
            apply(d, item, *weights_symbol, *calls_symbol);
          });
        });
        int n = 0;
        cu2sycl::default_queue().memcpy(&n, &calls, sizeof(int)).wait();
        return n;
      }

      """),
    RuleExample(
      cuda: """
      __constant__ float scale[2];
      void upload(const float *h, float *back, cudaStream_t s) {
        cudaMemcpyToSymbolAsync(scale, h, sizeof(float), sizeof(float), cudaMemcpyHostToDevice, s);
        cudaMemcpyFromSymbolAsync(back, scale, 2 * sizeof(float), 0, cudaMemcpyDeviceToHost, s);
      }

      """,
      sycl: """
      float (&scale)[2] = *cu2sycl::allocate_symbol<float[2]>(/*host_accessible=*/false);
      void upload(const float *h, float *back, cu2sycl::queue_ptr s) {
        cu2sycl::queue(s).memcpy(reinterpret_cast<char *>(&scale) + sizeof(float), h, sizeof(float));
        cu2sycl::queue(s).memcpy(back, &scale, 2 * sizeof(float));
      }

      """),
    // Flagged (W007): an extern device variable (separate compilation).
    RuleExample(
      cuda: """
      extern __constant__ float weights[16];
      __global__ void scale(float *x) { x[threadIdx.x] *= weights[threadIdx.x % 16]; }

      """,
      sycl: """
      // CU2SYCL-W007: __constant__ variable 'weights' (extern, one of several in a declaration, or unreadable) needs a USM allocation passed to its kernels
      extern __constant__ float weights[16];
      void scale(float *x, const sycl::nd_item<1> &item) { x[item.get_local_id(0)] *= weights[item.get_local_id(0) % 16]; }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for usr in context.census.deviceGlobalOrder {
      // Texture references stay host objects (TextureRule renames their type).
      guard let g = context.census.deviceGlobals[usr], !g.isTextureReference, let r = context.range(of: g.decl) else { continue }
      convertDeclaration(g, range: r, context: context)
    }
    convertSymbolCopies(context)
  }

  private func convertDeclaration(_ g: DeviceGlobal, range r: (file: String, range: Range<Int>), context: MigrationContext) {
    let kind = g.isManaged ? "__managed__" : g.isConstant ? "__constant__" : "__device__"
    guard g.isConvertible, let shape = SharedVariableShape(g.asParameterVariable, context: context) else {
      context.claimAll(in: r.file, r.range, .manual, rule: Self.id) { $0.kind == .attribute }
      context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.deviceVariable.id,
                                message: "\(kind) variable '\(g.name)' (extern, one of several in a declaration, or unreadable) needs a USM allocation passed to its kernels")
      return
    }
    let tokens = g.decl.tokens
    let isStatic = tokens.contains { $0.spelling == "static" }
    // The initializer, if any: everything after a top-level `=`.
    var initializer: Range<Int>?
    if let eq = tokens.firstIndex(where: { $0.spelling == "=" }), eq + 1 < tokens.count,
       let start = tokens[eq + 1].range.start.spelling?.offset {
      initializer = start..<r.range.upperBound
    }
    let element = shape.accessorElement + shape.dimensions
    let head = "\(isStatic ? "static " : "")\(shape.parameter) = *cu2sycl::allocate_symbol<\(element)>(/*host_accessible=*/\(g.isManaged)"
    let pieces: [Piece] = initializer.map { [.text(head + ", "), .source($0), .text(")")] } ?? [.text(head + ")")]
    context.edit(r.file, r.range, pieces, rule: Self.id)
    context.use(.allocateSymbol, in: r.file)
    context.claimAll(in: r.file, r.range, .converted, rule: Self.id) { $0.kind == .attribute }
  }

  private func convertSymbolCopies(_ context: MigrationContext) {
    let names: Set<String> = ["cudaMemcpyToSymbol", "cudaMemcpyFromSymbol", "cudaMemcpyToSymbolAsync", "cudaMemcpyFromSymbolAsync",
                              "cudaGetSymbolAddress", "cudaGetSymbolSize"]
    let q = context.queue
    for i in context.pending({ $0.occurrence.kind == .function && names.contains($0.occurrence.name) && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      guard let cursor = context.entries[i].cursor, let call = context.call(named: cursor), let r = context.range(of: call),
            context.text(of: call).hasPrefix(o.name) else { continue }
      let args = context.writtenArguments(call)
      let toSymbol = o.name.hasPrefix("cudaMemcpyToSymbol")
      let symbolIndex = toSymbol || o.name == "cudaGetSymbolAddress" || o.name == "cudaGetSymbolSize" ? (toSymbol ? 0 : 1) : 1
      guard args.count > symbolIndex, let symbol = symbolPiece(args[symbolIndex], context) else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.deviceVariable,
                      message: "the symbol is not a __device__/__constant__ variable cu2sycl converted; copy to its allocation by hand")
        continue
      }
      var pieces: [Piece]
      switch o.name {
      case "cudaGetSymbolAddress":
        guard let target = context.source(args[0]) else { continue }
        pieces = [.text("*("), target, .text(") = (void *)&")] + symbol
      case "cudaGetSymbolSize":
        guard let target = context.source(args[0]) else { continue }
        pieces = [.text("*("), target, .text(") = sizeof(")] + symbol + [.text(")")]
      default:
        guard args.count >= 3, let other = context.source(args[toSymbol ? 1 : 0]), let count = context.source(args[2]) else { continue }
        var address: [Piece] = [.text("&")] + symbol
        if args.count >= 4, let offset = context.source(args[3]), context.text(of: args[3]) != "0" {
          address = [.text("reinterpret_cast<char *>(&")] + symbol + [.text(") + ")] + [offset]
        }
        let (dst, src): ([Piece], [Piece]) = toSymbol ? (address, [other]) : ([other], address)
        // Asynchronous copies go on their stream's queue (the sixth argument); the copy kind has no
        // meaning for USM.
        let async = o.name.hasSuffix("Async")
        let queue = async ? context.queue(forStream: args.count > 5 ? args[5] : nil, in: r.file, rule: Self.id) : [.text(q)]
        pieces = queue + [.text(".memcpy(")] + dst + [.text(", ")] + src + [.text(", "), count, .text(async ? ")" : ").wait()")]
        context.use(.defaultQueue, in: r.file)
        for extra in args.dropFirst(4).prefix(1) {
          if let er = context.range(of: extra) { context.claimAll(in: er.file, er.range, .converted, rule: Self.id) { $0.kind == .constant } }
        }
      }
      if !context.isStatement(call) { pieces = [.text("(")] + pieces + [.text(", 0)")] }
      context.edit(r.file, r.range, pieces, rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
  }

  /// The symbol argument when it names a converted device variable.
  private func symbolPiece(_ arg: Cursor, _ context: MigrationContext) -> [Piece]? {
    let c = Syntax.stripImplicit(arg)
    guard c.kind == .declRefExpr, let v = c.referenced, context.census.deviceGlobals[v.canonical.usr] != nil,
          let p = context.source(c) else { return nil }
    return [p]
  }
}
