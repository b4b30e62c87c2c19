import Clang

/// CUDA's built-in vector types (`char1` ... `double4`) and what they become: `sycl::vec`.
public enum VectorTypes {
  public struct Info: Sendable {
    /// `float4`
    public let cuda: String
    /// The C++ element type CUDA declares the components with (`float`, `signed char`, `long long`).
    public let element: String
    public let count: Int
    /// `sycl::float4`, or `sycl::vec<long long, 2>` where SYCL 2020 has no alias (1 component, long long).
    public let sycl: String
  }

  /// CUDA prefix, element type, and whether SYCL 2020 names `sycl::<prefix>N` (for N = 2, 3, 4).
  /// SYCL's aliases use the fixed-width types (`sycl::long2` is `vec<std::int64_t, 2>`, `sycl::char2` is
  /// `vec<std::int8_t, 2>`), which are CUDA's element types on the 64-bit Linux targets of both.
  static let scalars: [(prefix: String, element: String, alias: Bool)] = [
    ("char", "signed char", true), ("uchar", "unsigned char", true), ("short", "short", true),
    ("ushort", "unsigned short", true), ("int", "int", true), ("uint", "unsigned int", true), ("long", "long", true),
    ("ulong", "unsigned long", true), ("longlong", "long long", false), ("ulonglong", "unsigned long long", false),
    ("float", "float", true), ("double", "double", true),
  ]

  public static let table: [String: Info] = {
    var t: [String: Info] = [:]
    for s in scalars {
      for n in 1...4 {
        let name = "\(s.prefix)\(n)"
        let sycl = s.alias && n > 1 ? "sycl::\(name)" : "sycl::vec<\(s.element), \(n)>"
        t[name] = Info(cuda: name, element: s.element, count: n, sycl: sycl)
      }
    }
    return t
  }()

  /// Every CUDA vector type name, in a stable order.
  public static let names: [String] = scalars.flatMap { s in (1...4).map { "\(s.prefix)\($0)" } }

  /// A type as written, with CUDA vector names replaced (`const float4 *` -> `const sycl::float4 *`).
  /// CUDA type names in a type's spelling replaced by their SYCL names (shared with the other type rules).
  public static func rewrite(_ typeText: String) -> String { TypeSpelling.sycl(typeText) }

  /// The vector type a type names (through typedefs, references and cv-qualifiers), when it is CUDA's.
  static func info(of type: CType, at cursor: Cursor, _ context: MigrationContext) -> Info? {
    for t in [type.canonical, type.canonical.pointee.canonical] where t.isValid {
      if let decl = cursor.declaration(of: t), let file = decl.location.spelling?.file,
         context.census.environment.declares(file), let info = table[decl.spelling] {
        return info
      }
    }
    return nil
  }

  /// The element type of a pointer or array type.
  static func elementType(_ type: CType) -> CType? {
    let t = type.canonical
    if t.isPointer { return t.pointee }
    if t.isArray { return t.elementType }
    return nil
  }
}

/// CUDA's vector types become `sycl::vec` (`float4` -> `sycl::float4`), `make_float4(a, b, c, d)` becomes
/// `sycl::float4(a, b, c, d)` and `.x/.y/.z/.w` become `.x()/.y()/.z()/.w()`, which return a reference to
/// the element (SYCL 2020), so they stay lvalues. Braced lists shorter than the vector get the zeros CUDA's
/// aggregate initialization gave. Size-sensitive uses of 3-component vectors (16 bytes in SYCL, 12 in
/// CUDA for float3) are flagged, and so are user operators that sycl::vec already defines.
public struct VectorTypeRule: MigrationRule {
  public static let id = "vector-types"
  public static let summary = "Maps CUDA vector types (float4, uchar4, int2, double3, ...) to sycl::vec, make_* to constructors and .x/.y/.z/.w to .x()/.y()/.z()/.w()."
  public static let covers: [String] = VectorTypes.names + VectorTypes.names.map { "make_" + $0 }
    + VectorTypes.names.flatMap { name in components.prefix(VectorTypes.table[name]!.count).map { "\(name).\($0)" } }
  public static let examples = [
    RuleExample(
      cuda: """
      struct Particle { float3 pos; float4 color; };
      __global__ void shade(Particle *p, uchar4 *rgba, const int2 *at, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i >= n) return;
        float4 c = p[i].color;
        c.w = 1.0f;
        c.x += p[i].pos.z;
        rgba[i] = make_uchar4(c.x * 255, c.y * 255, c.z * 255, at[i].x + at[i].y);
        p[i].pos = make_float3(at[i].x, at[i].y, 0);
      }

      """,
      sycl: """
      struct Particle { sycl::float3 pos; sycl::float4 color; };
      void shade(Particle *p, sycl::uchar4 *rgba, const sycl::int2 *at, int n, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        if (i >= n) return;
        sycl::float4 c = p[i].color;
        c.w() = 1.0f;
        c.x() += p[i].pos.z();
        rgba[i] = sycl::uchar4(c.x() * 255, c.y() * 255, c.z() * 255, at[i].x() + at[i].y());
        p[i].pos = sycl::float3(at[i].x(), at[i].y(), 0);
      }

      """),
    RuleExample(
      cuda: """
      typedef double2 complex;
      float sum(const float4 &v) { return v.x + v.y + v.z + v.w; }
      void init(float4 *out, complex *z, longlong2 *range, float1 *s) {
        float4 a = {1, 2};
        float4 zero = {0};
        out[0] = a;
        out[1] = zero;
        float *w = &out[0].w;
        *w = sum(a) + sizeof(float4);
        z[0] = make_double2(1.0, -1.0);
        range[0] = make_longlong2(0, 1LL << 40);
        s[0] = make_float1(z[0].x);
      }

      """,
      sycl: """
      typedef sycl::double2 complex;
      float sum(const sycl::float4 &v) { return v.x() + v.y() + v.z() + v.w(); }
      void init(sycl::float4 *out, complex *z, sycl::vec<long long, 2> *range, sycl::vec<float, 1> *s) {
        sycl::float4 a = {1, 2, 0, 0};
        sycl::float4 zero = {0, 0, 0, 0};
        out[0] = a;
        out[1] = zero;
        float *w = &out[0].w();
        *w = sum(a) + sizeof(sycl::float4);
        z[0] = sycl::double2(1.0, -1.0);
        range[0] = sycl::vec<long long, 2>(0, 1LL << 40);
        s[0] = sycl::vec<float, 1>(z[0].x());
      }

      """),
    // Flagged (W030): a byte count written from the scalar size of a 3-component vector.
    RuleExample(
      cuda: """
      void upload(const float *xyz, float3 *d_points, int n) {
        cudaMemcpy(d_points, xyz, n * 3 * sizeof(float), cudaMemcpyHostToDevice);
      }

      """,
      sycl: """
      void upload(const float *xyz, sycl::float3 *d_points, int n) {
        // CU2SYCL-W030: sycl::float3 is 16 bytes where CUDA's float3 was 12: this copy moves bytes between float3 and float elements, which no longer line up
        cu2sycl::default_queue().memcpy(d_points, xyz, n * 3 * sizeof(float)).wait();
      }

      """),
    // Flagged (W031): a user operator that sycl::vec already defines.
    RuleExample(
      cuda: """
      __host__ __device__ inline float3 operator+(float3 a, float3 b) {
        return make_float3(a.x + b.x, a.y + b.y, a.z + b.z);
      }

      """,
      sycl: """
      // CU2SYCL-W031: sycl::vec already defines operator+; this definition makes its uses ambiguous: remove it if it is element-wise
      inline sycl::float3 operator+(sycl::float3 a, sycl::float3 b) {
        return sycl::float3(a.x() + b.x(), a.y() + b.y(), a.z() + b.z());
      }

      """),
  ]

  static let components = ["x", "y", "z", "w"]

  public init() {}

  public func apply(to context: MigrationContext) {
    var findings: [Int: (WarningKind, String)] = [:]  // type occurrence -> review finding
    flagOperators(context, &findings)
    let nodes = collectNodes(context)
    for c in nodes where [.cStyleCastExpr, .cxxReinterpretCastExpr, .cxxStaticCastExpr].contains(c.kind) {
      flagCast(c, context, &findings)
    }
    for c in nodes where c.kind == .callExpr { flagCopy(c, context) }

    // Types: `float4` -> `sycl::float4` wherever a type is written (declarations, casts, sizeof, templates, typedefs).
    for i in context.pending({ $0.occurrence.kind == .type && VectorTypes.table[$0.occurrence.name] != nil }) {
      let o = context.entries[i].occurrence
      guard let info = VectorTypes.table[o.name], let text = context.texts[o.file], text[o.offset..<(o.offset + o.length)] == o.name else { continue }
      var range = o.offset..<(o.offset + o.length)
      if context.isReplaced(o.file, range) {
        context.claim(i, .converted, rule: Self.id)  // spelled by the rule that rewrote the code around it
        continue
      }
      // `struct float4 v` (C style): sycl::vec is a class template specialization, named without `struct`.
      if range.lowerBound >= 7, text[(range.lowerBound - 7)..<range.lowerBound] == "struct ",
         range.lowerBound == 7 || !isIdentifierByte(text.bytes[range.lowerBound - 8]) {
        range = (range.lowerBound - 7)..<range.upperBound
      }
      context.replace(o.file, range, with: info.sycl, rule: Self.id)
      if let (warning, message) = findings[i] {
        context.claim(i, .review, rule: Self.id, warning: warning, message: message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }

    // make_float4(a, b, c, d) -> sycl::float4(a, b, c, d)
    for i in context.pending({ $0.occurrence.kind == .function && $0.occurrence.name.hasPrefix("make_")
                                 && VectorTypes.table[String($0.occurrence.name.dropFirst(5))] != nil }) {
      let o = context.entries[i].occurrence
      guard let info = VectorTypes.table[String(o.name.dropFirst(5))], let text = context.texts[o.file] else { continue }
      let range = o.offset..<(o.offset + o.length)
      guard text[range] == o.name else { continue }
      if context.isReplaced(o.file, range) {
        context.claim(i, .converted, rule: Self.id)
        continue
      }
      // Only calls: a pointer to make_float4 has no SYCL counterpart (a constructor has no address).
      if !context.entries[i].inMacroBody, let cursor = context.entries[i].cursor, context.call(named: cursor) == nil { continue }
      context.replace(o.file, range, with: info.sycl, rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }

    // v.x -> v.x(): a reference to the element, so assignments, compound assignments and & keep working.
    for i in context.pending({ $0.occurrence.kind == .member }) {
      let o = context.entries[i].occurrence
      let parts = o.name.split(separator: ".")
      guard parts.count == 2, let info = VectorTypes.table[String(parts[0])], let index = Self.components.firstIndex(of: String(parts[1])),
            index < info.count, let text = context.texts[o.file] else { continue }
      let end = o.offset + o.length
      let member = String(parts[1])
      guard end > o.offset, text[(end - 1)..<end] == member, end - 1 == o.offset || !isIdentifierByte(text.bytes[end - 2]) else { continue }
      if context.isReplaced(o.file, (end - 1)..<end) {
        context.claim(i, .converted, rule: Self.id)
        continue
      }
      context.replace(o.file, (end - 1)..<end, with: "\(member)()", rule: Self.id)
      context.claim(i, .converted, rule: Self.id)
    }

    for c in nodes where c.kind == .initListExpr { completeInitializer(c, context) }
  }

  private func isIdentifierByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
  }

  /// Casts, calls and braced lists in the user's code, in file order.
  private func collectNodes(_ context: MigrationContext) -> [Cursor] {
    let kinds: Set<CursorKind> = [.cStyleCastExpr, .cxxReinterpretCastExpr, .cxxStaticCastExpr, .callExpr, .initListExpr]
    var found: [(file: String, offset: Int, end: Int, cursor: Cursor)] = []
    for c in context.census.parent.keys where kinds.contains(c.kind) {
      guard let r = context.range(of: c) else { continue }
      found.append((r.file, r.range.lowerBound, r.range.upperBound, c))
    }
    return found.sorted { ($0.file, $0.offset, $1.end) < ($1.file, $1.offset, $0.end) }.map(\.cursor)
  }

  /// `float4 v = {1, 2}` zero-fills the rest in CUDA (an aggregate); sycl::vec would reject two values for four
  /// elements and broadcast a single one (`{1}` is 1, 1, 1, 1), so the zeros are written out.
  private func completeInitializer(_ list: Cursor, _ context: MigrationContext) {
    guard let info = VectorTypes.info(of: list.type, at: list, context), let r = context.range(of: list),
          context.text(of: list).hasPrefix("{") else { return }
    let elements = list.children
    guard !elements.isEmpty, elements.count < info.count, let last = elements.last, let lr = context.range(of: last),
          lr.range.upperBound <= r.range.upperBound,
          !elements.contains(where: { context.text(of: $0).hasPrefix(".") || $0.kind == .initListExpr }) else { return }
    let zeros = String(repeating: ", 0", count: info.count - elements.count)
    context.replace(lr.file, lr.range.upperBound..<lr.range.upperBound, with: zeros, rule: Self.id)
  }

  /// User operators taking vector types (helper_math.h's `operator+(float4, float4)`) clash with sycl::vec's own.
  private func flagOperators(_ context: MigrationContext, _ findings: inout [Int: (WarningKind, String)]) {
    for usr in context.census.functionOrder {
      guard let f = context.census.functions[usr], f.name.hasPrefix("operator"),
            let op = f.name.dropFirst("operator".count).trimmingCharacters(in: .whitespaces) as String?,
            Self.vecOperators.contains(op) else { continue }
      for d in f.declarations {
        guard Self.clashesWithVecOperator(d.arguments, context), let r = context.range(of: d) else { continue }
        let bodyStart = d.children.first { $0.kind == .compoundStmt }.flatMap { context.range(of: $0)?.range.lowerBound } ?? r.range.upperBound
        let inHead = context.pending {
          $0.occurrence.kind == .type && $0.occurrence.file == r.file && VectorTypes.table[$0.occurrence.name] != nil
            && $0.occurrence.offset >= r.range.lowerBound && $0.occurrence.offset < bodyStart
        }
        if let first = inHead.first, findings[first] == nil {
          findings[first] = (Warnings.vectorOperator,
                             "sycl::vec already defines operator\(op); this definition makes its uses ambiguous: remove it if it is element-wise")
        }
      }
    }
  }

  /// Whether sycl::vec declares an operator with these parameters: vectors of one type, and scalars of
  /// exactly its element type (`operator*(float4, float)`; not `operator<<(std::ostream &, float4)`).
  static func clashesWithVecOperator(_ parameters: [Cursor], _ context: MigrationContext) -> Bool {
    let vectors = parameters.compactMap { VectorTypes.info(of: $0.type, at: $0, context) }
    guard let info = vectors.first, vectors.allSatisfy({ $0.cuda == info.cuda }) else { return false }
    return parameters.allSatisfy { p in
      if VectorTypes.info(of: p.type, at: p, context) != nil { return true }
      var t = p.type.canonical
      if t.spelling.hasSuffix("&") { t = t.pointee.canonical }
      let bare = t.spelling.split(separator: " ").filter { $0 != "const" && $0 != "volatile" }.joined(separator: " ")
      return bare == info.element
    }
  }

  static let vecOperators: Set<String> = ["+", "-", "*", "/", "%", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<", ">", "<=", ">=",
                                          "&", "|", "^", "&=", "|=", "^=", "<<", ">>", "<<=", ">>=", "!", "~", "&&", "||", "++", "--"]

  /// A pointer cast between a 3-component vector and another element type reinterprets memory whose layout changed.
  private func flagCast(_ cast: Cursor, _ context: MigrationContext, _ findings: inout [Int: (WarningKind, String)]) {
    guard let operand = cast.children.last.map(Syntax.stripImplicit), let r = context.range(of: cast),
          let target = VectorTypes.elementType(cast.type), let source = VectorTypes.elementType(operand.type),
          let message = layoutMismatch(target, source, at: cast, context, what: "this cast reinterprets") else { return }
    let operandStart = context.range(of: operand)?.range.lowerBound ?? r.range.upperBound
    let written = context.pending {
      $0.occurrence.kind == .type && $0.occurrence.file == r.file && VectorTypes.table[$0.occurrence.name]?.count == 3
        && $0.occurrence.offset >= r.range.lowerBound && $0.occurrence.offset < operandStart
    }
    if let first = written.first {
      findings[first] = (Warnings.vector3Layout, message)
    } else {
      context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.vector3Layout.id, message: message)
    }
  }

  /// Byte copies of 3-component vectors: from or to another element type, with a byte count not written from
  /// the vector's size, or to and from files.
  private func flagCopy(_ call: Cursor, _ context: MigrationContext) {
    guard let callee = call.referenced?.spelling, let r = context.range(of: call) else { return }
    let args = context.writtenArguments(call).map { a -> Cursor in
      var c = Syntax.stripImplicit(a)
      // `(void *)p`: the copy is still of p's elements.
      while [.cStyleCastExpr, .cxxStaticCastExpr, .cxxReinterpretCastExpr].contains(c.kind),
            VectorTypes.elementType(c.type).map({ $0.canonical.spelling.hasSuffix("void") }) == true, let inner = c.children.last {
        c = Syntax.stripImplicit(inner)
      }
      return c
    }
    var message: String?
    switch callee {
    case "fread", "fwrite":
      guard let first = args.first, let e = VectorTypes.elementType(first.type),
            let info = VectorTypes.info(of: e, at: first, context), info.count == 3 else { return }
      message = "\(info.sycl) is \(4 * context.scalarSize(info)) bytes where CUDA's \(info.cuda) was \(3 * context.scalarSize(info)): "
        + "this \(callee) moves raw \(info.sycl) bytes, so a file written by the CUDA program is read wrongly (and vice versa)"
    case "memcpy", "memmove", "cudaMemcpy", "cudaMemcpyAsync":
      guard args.count >= 3, let d = VectorTypes.elementType(args[0].type), let s = VectorTypes.elementType(args[1].type) else { return }
      if let m = layoutMismatch(d, s, at: call, context, what: "this copy moves bytes") {
        message = m
      } else {
        for (p, e) in [(args[0], d), (args[1], s)] {
          guard let info = VectorTypes.info(of: e, at: p, context), info.count == 3 else { continue }
          let size = context.text(of: args[2]).replacingSpaces()
          let spelled = ["sizeof(\(info.cuda))", "sizeof(\(e.spelling.replacingSpaces()))", "sizeof(*", "[0])", "sizeof(\(context.text(of: p).replacingSpaces()))"]
          if !spelled.contains(where: { size.contains($0) }) {
            message = "\(info.sycl) is \(4 * context.scalarSize(info)) bytes where CUDA's \(info.cuda) was \(3 * context.scalarSize(info)): "
              + "write this byte count with sizeof(\(info.sycl)) (it copies \(info.cuda) elements)"
          }
          break
        }
      }
    default:
      return
    }
    if let message { context.addWarningComment(file: r.file, offset: r.range.lowerBound, id: Warnings.vector3Layout.id, message: message) }
  }

  /// When one element type is a 3-component vector and the other a different, non-void type.
  private func layoutMismatch(_ a: CType, _ b: CType, at cursor: Cursor, _ context: MigrationContext, what: String) -> String? {
    func bare(_ t: CType) -> String {
      t.canonical.spelling.split(separator: " ").filter { $0 != "const" && $0 != "volatile" }.joined(separator: " ")
    }
    let ia = VectorTypes.info(of: a, at: cursor, context), ib = VectorTypes.info(of: b, at: cursor, context)
    guard let info = [ia, ib].compactMap({ $0 }).first(where: { $0.count == 3 }), bare(a) != bare(b),
          bare(a) != "void", bare(b) != "void" else { return nil }
    let other = ia?.count == 3 ? b : a
    return "\(info.sycl) is \(4 * context.scalarSize(info)) bytes where CUDA's \(info.cuda) was \(3 * context.scalarSize(info)): "
      + "\(what) between \(info.cuda) and \(bare(other)) elements, which no longer line up"
  }
}

extension MigrationContext {
  /// Bytes of one element of a vector type (on the 64-bit targets SYCL and CUDA share).
  func scalarSize(_ info: VectorTypes.Info) -> Int {
    switch info.element {
    case "signed char", "unsigned char": return 1
    case "short", "unsigned short": return 2
    case "int", "unsigned int", "float": return 4
    default: return 8
    }
  }
}
