import Clang

/// Local `dim3` variables become `sycl::range<N>` with N the dimensionality of the kernels they
/// configure, arguments reversed (CUDA's x is SYCL's last dimension) and `.x/.y/.z` as subscripts.
/// Every other dim3 (parameters, members, globals, arrays, copies, locals shared by kernels of different
/// dimensionality) becomes `cu2sycl::dim3`, CUDA's struct, which launches convert with `cu2sycl::range<N>`.
public struct Dim3Rule: MigrationRule {
  public static let id = "dim3"
  public static let summary = "Converts local dim3 launch configurations to sycl::range<N> (reversed, so x is the last index, .x/.y/.z as subscripts) and every other dim3 to cu2sycl::dim3."
  public static let covers = ["dim3", "dim3.x", "dim3.y", "dim3.z"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void k(float *m) { m[threadIdx.y * 16 + threadIdx.x] = 0; }
      void run(float *m, int w, int h) {
        dim3 block(16, 16), grid((w + 15) / 16, (h + 15) / 16);
        k<<<grid, block>>>(m);
        int threads = block.x * block.y;
      }

      """,
      sycl: """
      void k(float *m, const sycl::nd_item<2> &item) { m[item.get_local_id(0) * 16 + item.get_local_id(1)] = 0; }
      void run(float *m, int w, int h) {
        sycl::range<2> block(16, 16), grid((h + 15) / 16, (w + 15) / 16);
        cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
          k(m, item);
        });
        int threads = block[1] * block[0];
      }

      """),
    // Parameters, members and values whose dimensionality is not known here: cu2sycl::dim3 keeps CUDA's
    // members; the launch converts it in SYCL's order.
    RuleExample(
      cuda: """
      struct Shape { dim3 grid, block; };
      __global__ void k(float *m) { m[blockIdx.x * blockDim.x + threadIdx.x] = 0; }
      void launch(float *m, dim3 grid, dim3 block) { k<<<grid, block>>>(m); }
      void run(float *m, int n) {
        Shape s;
        s.block = dim3(256);
        s.grid.x = (n + s.block.x - 1) / s.block.x;
        launch(m, s.grid, s.block);
      }

      """,
      sycl: """
      struct Shape { cu2sycl::dim3 grid, block; };
      void k(float *m, const sycl::nd_item<1> &item) { m[item.get_global_id(0)] = 0; }
      void launch(float *m, cu2sycl::dim3 grid, cu2sycl::dim3 block) { cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
        k(m, item);
      }); }
      void run(float *m, int n) {
        Shape s;
        s.block = cu2sycl::dim3(256);
        s.grid.x = (n + s.block.x - 1) / s.block.x;
        launch(m, s.grid, s.block);
      }

      """),
    // A local set component by component stays a range with the dimensions it is given; one that
    // configures kernels of different dimensionality is a cu2sycl::dim3 converted at each launch.
    RuleExample(
      cuda: """
      __global__ void row(float *m) { m[threadIdx.x] = 0; }
      __global__ void tile(float *m) { m[threadIdx.y * 32 + threadIdx.x] = 0; }
      void run(float *m, int h) {
        dim3 block(32), grid;
        grid.x = 1;
        grid.y = h;
        row<<<1, block>>>(m);
        tile<<<grid, block>>>(m);
      }

      """,
      sycl: """
      void row(float *m, const sycl::nd_item<1> &item) { m[item.get_local_id(0)] = 0; }
      void tile(float *m, const sycl::nd_item<2> &item) { m[item.get_local_id(0) * 32 + item.get_local_id(1)] = 0; }
      void run(float *m, int h) {
        cu2sycl::dim3 block(32), grid;
        grid.x = 1;
        grid.y = h;
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(1) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
          row(m, item);
        });
        cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(cu2sycl::range<2>(grid) * cu2sycl::range<2>(block), cu2sycl::range<2>(block)), [=](sycl::nd_item<2> item) {
          tile(m, item);
        });
      }

      """),
    // In device code a whole blockDim (or threadIdx, ...) passed as a dim3 is built from the item.
    RuleExample(
      cuda: """
      __device__ unsigned size(dim3 d) { return d.x * d.y; }
      __global__ void k(unsigned *out) { out[threadIdx.y * blockDim.x + threadIdx.x] = size(blockDim); }

      """,
      sycl: """
      unsigned size(cu2sycl::dim3 d) { return d.x * d.y; }
      void k(unsigned *out, const sycl::nd_item<2> &item) { out[item.get_local_id(0) * item.get_local_range(1) + item.get_local_id(1)] = size(cu2sycl::dim3(item.get_local_range())); }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    var converted: [String: Int] = [:]  // variable USR -> N
    for i in context.pending({ $0.occurrence.kind == .type && $0.occurrence.name == "dim3" }) {
      // Claimed meanwhile as the temporary of a `dim3 b = dim3(x, y)` variable.
      if context.entries[i].occurrence.rule != nil { continue }
      guard let cursor = context.entries[i].cursor, let variable = context.census.parent[cursor], variable.kind == .varDecl,
            context.plan.isRangeLocal(variable), let typeRange = context.range(of: cursor) else {
        helperType(i, context)
        continue
      }
      let n = context.plan.dim3Dimensions[variable.usr] ?? context.plan.declaredDimensions(of: variable)
      guard rewriteInitializer(of: variable, dimensions: n, context: context) else {
        helperType(i, context)
        continue
      }
      converted[variable.usr] = n
      // In `dim3 a(..), b(..)` the type is written once and every declarator shares it.
      for other in context.census.parent[variable].map({ $0.children.filter { $0.kind == .varDecl } }) ?? [] where other != variable {
        if context.range(of: other.children.first { $0.kind == .typeRef } ?? other)?.range == typeRange.range {
          if rewriteInitializer(of: other, dimensions: n, context: context) { converted[other.usr] = n }
        }
      }
      context.replace(typeRange.file, typeRange.range, with: "sycl::range<\(n)>", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }
    // .x / .y / .z of converted variables.
    for i in context.pending({ $0.occurrence.kind == .member && $0.occurrence.name.hasPrefix("dim3.") }) {
      guard let cursor = context.entries[i].cursor, let base = cursor.children.first.map(Syntax.stripImplicit),
            base.kind == .declRefExpr, let v = base.referenced, let n = converted[v.usr],
            let r = context.range(of: cursor), let b = context.source(base) else {
        // Any other dim3 is a cu2sycl::dim3, whose members are CUDA's.
        context.claim(i, .converted, rule: Self.id)
        continue
      }
      let component = String(context.entries[i].occurrence.name.dropFirst(5))
      if let d = context.syclIndex(component: component, dimensions: n) {
        context.edit(r.file, r.range, [b, .text("[\(d)]")], rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      } else if !isAssigned(cursor, context) {
        context.replace(r.file, r.range, with: "1", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      } else if let assignment = context.semanticParent(of: cursor), let value = assignment.children.last,
                context.text(of: Syntax.stripImplicit(value)) == "1", context.isStatement(assignment),
                let ar = context.range(of: assignment), let text = context.texts[ar.file] {
        // `grid.y = 1` on a range without a y dimension changes nothing: the statement goes.
        context.replace(ar.file, text.statementRemoval(ar.range), with: "", rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
      } else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.dim3Use,
                      message: "this sets a dimension the kernel does not have; give the range that dimension by hand")
      }
    }
  }

  /// Every other dim3 (parameters, members, globals, arrays, copies, `dim3(...)` values) becomes the
  /// runtime's `cu2sycl::dim3`, which keeps CUDA's members and order.
  private func helperType(_ i: Int, _ context: MigrationContext) {
    let o = context.entries[i].occurrence
    let token = o.offset..<(o.offset + o.length)
    guard let text = context.texts[o.file], text[token] == "dim3" else {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.dim3Use,
                    message: "dim3 spelled through a macro cu2sycl cannot rewrite; write cu2sycl::dim3 (cu2sycl/runtime.hpp) here")
      return
    }
    context.replace(o.file, token, with: "cu2sycl::dim3", rule: Self.id)
    context.use(.dim3, in: o.file)
    context.claim(i, .converted, rule: Self.id)
  }

  /// Reverses and pads the constructor arguments; adds `(1, ...)` to a default-constructed variable.
  private func rewriteInitializer(of variable: Cursor, dimensions n: Int, context: MigrationContext) -> Bool {
    guard let vr = context.range(of: variable) else { return false }
    let initializer = variable.children.map(Syntax.stripImplicit).first { $0.kind == .callExpr }
    var call = initializer
    // `dim3 b = dim3(x, y)`: the written arguments are on the inner temporary.
    if let c = call, KernelPlan.writtenArgumentCount(c) == 1, let inner = c.arguments.first.map(Syntax.stripImplicit),
       inner.kind == .callExpr, inner.referenced?.kind == .constructor {
      call = inner
    }
    // `dim3 b = dim3(x, y)` (the temporary itself under C++17's copy elision, or inside a copy): its type
    // is the first token of its extent.
    if let c = call, let ir = context.range(of: c), let text = context.texts[ir.file], ir.range.count >= 4,
       text[ir.range.lowerBound..<(ir.range.lowerBound + 4)] == "dim3" {
      let tr = ir.range.lowerBound..<(ir.range.lowerBound + 4)
      context.replace(ir.file, tr, with: "sycl::range<\(n)>", rule: Self.id)
      context.claimAll(in: ir.file, tr, .converted, rule: Self.id)
    }
    let written = call.map { context.writtenArguments($0) } ?? []
    let args = call.map { context.plan.dim3Arguments($0) } ?? []
    if args.count > n { return false }
    if args.isEmpty {
      let ones = Array(repeating: "1", count: n).joined(separator: ", ")
      context.replace(vr.file, vr.range.upperBound..<vr.range.upperBound, with: "(\(ones))", rule: Self.id)
      return true
    }
    // Trailing literal 1s (dimensions the kernel does not have) are dropped.
    guard let first = context.range(of: args[0]), let lastWritten = written.last, let last = context.range(of: lastWritten) else { return false }
    var pieces: [Piece] = Array(repeating: Piece.text("1, "), count: n - args.count)
    for (i, a) in args.reversed().enumerated() {
      if i > 0 { pieces.append(.text(", ")) }
      if let p = context.source(a) { pieces.append(p) }
    }
    if args.count == 1 && n == 1 && written.count == 1 { return true }
    context.edit(first.file, first.range.lowerBound..<last.range.upperBound, pieces, rule: Self.id)
    return true
  }

  private func isAssigned(_ member: Cursor, _ context: MigrationContext) -> Bool {
    guard let p = context.semanticParent(of: member), p.kind == .binaryOperator || p.kind == .compoundAssignOperator,
          let op = context.binaryOperator(p), op.hasSuffix("="), !["==", "!=", "<=", ">="].contains(op) else { return false }
    return p.children.first.map(Syntax.stripImplicit) == member
  }
}
