import Clang

/// `__shared__` variables move out of the kernel body: the launch creates a `sycl::local_accessor` for
/// each, and the kernel (and every device function on the way) receives it as a parameter, keeping the
/// variable's name and type so the body reads the same. `extern __shared__ T s[]` is sized from the
/// launch's third argument. A file-scope `__shared__` variable is one per block too: the kernels that use
/// it (through any device function) receive it the same way.
public struct SharedMemoryRule: MigrationRule {
  public static let id = "shared-memory"
  public static let summary = "Moves __shared__ and extern __shared__ variables to sycl::local_accessor objects created at the launch."
  public static let covers = ["__shared__", "extern __shared__"]
  public static let examples = [
    RuleExample(
      cuda: """
      __global__ void reverse(int *d) {
        __shared__ int s[64];
        int t = threadIdx.x;
        s[t] = d[t];
        __syncthreads();
        d[t] = s[63 - t];
      }
      void run(int *d) {
        reverse<<<1, 64>>>(d);
      }

      """,
      sycl: """
      void reverse(int *d, const sycl::nd_item<1> &item, int (&s)[64]) {
        int t = item.get_local_id(0);
        s[t] = d[t];
        sycl::group_barrier(item.get_group());
        d[t] = s[63 - t];
      }
      void run(int *d) {
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          sycl::local_accessor<int[64], 0> s(cgh);
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(64), sycl::range<1>(64)), [=](sycl::nd_item<1> item) {
            reverse(d, item, s);
          });
        });
      }

      """),
    RuleExample(
      cuda: """
      #define TILE 64
      __shared__ float tile[TILE];
      extern __shared__ unsigned char scratch[];

      __device__ float load(const float *in) {
        tile[threadIdx.x] = in[blockIdx.x * TILE + threadIdx.x];
        __syncthreads();
        return tile[TILE - 1 - threadIdx.x];
      }

      __global__ void reverse_blocks(const float *in, float *out) {
        float *s = (float *)scratch;
        s[threadIdx.x] = load(in);
        out[blockIdx.x * TILE + threadIdx.x] = s[threadIdx.x];
      }

      void run(const float *in, float *out, int blocks) {
        reverse_blocks<<<blocks, TILE, TILE * sizeof(float)>>>(in, out);
      }

      """,
      sycl: """
      #define TILE 64

      float load(const float *in, const sycl::nd_item<1> &item, float (&tile)[TILE]) {
        tile[item.get_local_id(0)] = in[item.get_group(0) * TILE + item.get_local_id(0)];
        sycl::group_barrier(item.get_group());
        return tile[TILE - 1 - item.get_local_id(0)];
      }

      void reverse_blocks(const float *in, float *out, const sycl::nd_item<1> &item, unsigned char *scratch, float (&tile)[TILE]) {
        float *s = (float *)scratch;
        s[item.get_local_id(0)] = load(in, item, tile);
        out[item.get_group(0) * TILE + item.get_local_id(0)] = s[item.get_local_id(0)];
      }

      void run(const float *in, float *out, int blocks) {
        cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
          sycl::local_accessor<unsigned char, 1> scratch(sycl::range<1>((TILE * sizeof(float)) / sizeof(unsigned char)), cgh);
          sycl::local_accessor<float[TILE], 0> tile(cgh);
          cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * TILE), sycl::range<1>(TILE)), [=](sycl::nd_item<1> item) {
            reverse_blocks(in, out, item, scratch.get_multi_ptr<sycl::access::decorated::no>().get(), tile);
          });
        });
      }

      """),
    // Flagged (W095): shared memory in a conversion operator (cuda-samples' SharedMemory<T>).
    RuleExample(
      cuda: """
      template <typename T> struct SharedMemory {
        __device__ operator T *() {
          extern __shared__ int smem[];
          return (T *)smem;
        }
      };
      __global__ void reverse(float *d, int n) {
        float *s = SharedMemory<float>();
        s[threadIdx.x] = d[threadIdx.x];
        __syncthreads();
        d[threadIdx.x] = s[n - threadIdx.x - 1];
      }

      """,
      sycl: """
      template <typename T> struct SharedMemory {
        operator T *() {
          // CU2SYCL-W095: __shared__ outside a kernel or device function: declare it inside the kernel that uses it (cu2sycl then makes it a local_accessor), or pass the kernel a local_accessor's pointer
          extern __shared__ int smem[];
          return (T *)smem;
        }
      };
      void reverse(float *d, int n, const sycl::nd_item<1> &item) {
        float *s = SharedMemory<float>();
        s[item.get_local_id(0)] = d[item.get_local_id(0)];
        sycl::group_barrier(item.get_group());
        d[item.get_local_id(0)] = s[n - item.get_local_id(0) - 1];
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for usr in context.census.functionOrder {
      guard let f = context.census.functions[usr] else { continue }
      // Shared memory in a function a macro defines stays, flagged (see the kernel-signature rule).
      if f.definedInMacro {
        for d in f.declarations {
          guard let r = context.range(of: d) else { continue }
          for i in context.pending({ $0.occurrence.name == "__shared__" && $0.occurrence.file == r.file && r.range.contains($0.occurrence.offset) }) {
            context.claim(i, .manual, rule: Self.id, warning: Warnings.macroBody,
                          message: "__shared__ in '\(f.name)', which a macro defines: move it out of the macro by hand (declare it in the kernel and pass it in)")
          }
        }
        continue
      }
      var removed = Set<Cursor>()
      for v in f.sharedVariables {
        guard let stmt = v.declStatement, !removed.contains(stmt), let r = context.range(of: stmt),
              let text = context.texts[r.file] else { continue }
        // Only statements that declare nothing but shared variables are removed whole.
        let declared = stmt.children.filter { $0.kind == .varDecl }
        guard !declared.isEmpty, declared.allSatisfy({ d in f.sharedVariables.contains { $0.decl == d } }) else { continue }
        // A declaration cu2sycl cannot read (an unknown type, say) stays, flagged: never drop code.
        let shapes = f.sharedVariables.filter { declared.contains($0.decl) }.map { SharedVariableShape($0, context: context) }
        guard shapes.allSatisfy({ $0 != nil }), !v.decl.type.spelling.isEmpty, v.decl.type.spelling != "int" || text[r.range].contains("int") else {
          context.claimAll(in: r.file, r.range, .manual, rule: Self.id)
          context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.sharedSize.id,
                                    message: "cu2sycl could not read this __shared__ declaration; make it a local_accessor by hand")
          continue
        }
        removed.insert(stmt)
        context.replace(r.file, text.wholeLines(around: r.range), with: "", rule: Self.id)
        context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
      }
    }
    // A file-scope `__shared__` variable that device functions use: they receive it like their own (see
    // Census.fileScopeShared), so its declaration goes. One nobody uses on the device stays flagged.
    let used = Set(context.census.functions.values.flatMap { f in f.sharedVariables.filter { $0.declStatement == nil }.map(\.decl) })
    for v in context.census.fileScopeShared.values where used.contains(v.decl) {
      guard let r = context.range(of: v.decl), let text = context.texts[r.file], SharedVariableShape(v, context: context) != nil else { continue }
      // Only a declaration alone on its lines is removed: never other code next to it.
      let lines = text.statementRemoval(r.range)
      guard lines.lowerBound < r.range.lowerBound || lines.upperBound > r.range.upperBound + 1 else { continue }
      context.replace(r.file, lines, with: "", rule: Self.id)
      context.claimAll(in: r.file, lines, .converted, rule: Self.id)
    }
    // `__shared__` outside a function body cu2sycl follows (a conversion operator such as cuda-samples'
    // SharedMemory<T>, a file-scope variable no device code uses): no kernel owns it, so no local
    // accessor can be made for it.
    for i in context.pending({ $0.occurrence.name == "__shared__" && $0.occurrence.context == .fileScope }) {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.sharedOutsideKernel,
                    message: "__shared__ outside a kernel or device function: declare it inside the kernel that uses it (cu2sycl then makes it a local_accessor), or pass the kernel a local_accessor's pointer")
    }
  }
}

/// How a shared variable is spelled as a parameter and as a local accessor.
public struct SharedVariableShape {
  public var name: String
  /// Element type as written, without `__shared__`, `extern`, `static`.
  public var base: String
  /// Array dimensions as written (`[TILE][TILE + 1]`), empty for scalars, `[]` for dynamic arrays.
  public var dimensions: String
  public var isDynamic: Bool

  public init?(_ v: SharedVariable, context: MigrationContext) {
    guard let r = context.range(of: v.decl), let text = context.texts[r.file] else { return nil }
    let tokens = v.decl.tokens
    guard let nameIndex = tokens.firstIndex(where: { $0.kind == .identifier && $0.spelling == v.name }),
          let nameEnd = tokens[nameIndex].range.end.spelling?.offset else { return nil }
    // In `__shared__ float a[N], b[N];` the type is written once, before the first declarator.
    let first = v.declStatement?.children.first { $0.kind == .varDecl } ?? v.decl
    let firstTokens = first == v.decl ? tokens : first.tokens
    guard let firstName = firstTokens.firstIndex(where: { $0.kind == .identifier && $0.spelling == first.spelling }) else { return nil }
    let dropped: Set<String> = ["__shared__", "__constant__", "__device__", "__managed__", "extern", "static"]
    // The type is rebuilt from tokens, so CUDA type names (vectors, half) get their SYCL names here.
    base = TypeSpelling.sycl(SharedVariableShape.join(firstTokens[..<firstName].filter { !dropped.contains($0.spelling) }))
    name = v.name
    // Up to an initializer (`__device__ int n = 0;` has no dimensions).
    var declarator = text[nameEnd..<r.range.upperBound]
    if let eq = declarator.firstIndex(of: "=") { declarator = String(declarator[..<eq]) }
    dimensions = declarator.trimmingCharacters(in: .whitespaces)
    isDynamic = v.isDynamic
    // `__constant__ float m[] = {...}` has the size its initializer gives it (clang's type says `float[64]`).
    if !isDynamic, dimensions.hasPrefix("[]"), let open = v.decl.type.spelling.firstIndex(of: "["),
       let close = v.decl.type.spelling[open...].firstIndex(of: "]"), v.decl.type.spelling.index(after: open) < close {
      dimensions = String(v.decl.type.spelling[open...close]) + dimensions.dropFirst(2)
    }
    if v.isTextureReference { base = "const " + TextureNames.spell(base) }
    for map in v.substitutions { substitute(map) }
  }

  /// Tokens as C++ is usually written: a space between words and after commas only (`FDWT53<W, H>`).
  static func join<S: Sequence>(_ tokens: S) -> String where S.Element == Token {
    var out = ""
    var previousIsWord = false
    for t in tokens {
      let isWord = t.kind != .punctuation
      if (isWord && previousIsWord) || out.hasSuffix(",") { out += " " }
      out += t.spelling
      previousIsWord = isWord
    }
    return out
  }

  /// Replaces template parameters by arguments in the element type and dimensions.
  public mutating func substitute(_ map: [String: String]) {
    for (parameter, argument) in map {
      base = replaceIdentifier(parameter, with: argument, in: base)
      dimensions = replaceIdentifier(parameter, with: argument, in: dimensions)
    }
  }

  /// Whether the spelling still names any of these (template parameters not resolved).
  public func mentions(_ names: [String]) -> Bool {
    let used = Set(identifiers(in: base + " " + dimensions))
    return names.contains { used.contains($0) }
  }

  /// The parameter that replaces the declaration in the function.
  public var parameter: String {
    if isDynamic { return "\(base) *\(name)" }
    if dimensions.isEmpty { return "\(base) &\(name)" }
    return "\(base) (&\(name))\(dimensions)"
  }

  /// The accessor element type (cv-qualifiers do not belong on local memory itself).
  public var accessorElement: String {
    base.split(separator: " ").filter { $0 != "volatile" && $0 != "const" }.joined(separator: " ")
  }
}
