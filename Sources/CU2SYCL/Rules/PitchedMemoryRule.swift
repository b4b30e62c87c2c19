import Clang

/// Pitched (2-D and 3-D) linear memory. SYCL 2020 USM has only 1-D copies and sets, so the calls become
/// small helpers in `cu2sycl/runtime.hpp`: `cudaMallocPitch` pads rows to `cu2sycl::pitch_alignment`
/// (128 bytes), 2-D copies are one memcpy when both sides are contiguous, one kernel when both are USM, and
/// one memcpy per row otherwise; 3-D copies and sets go slice by slice. `cudaExtent`, `cudaPos`,
/// `cudaPitchedPtr` and `cudaMemcpy3DParms` become structs with CUDA's field names, so field accesses stay
/// as written; the copy kind is dropped (USM pointers say where they live). A 3-D copy in a function that
/// uses CUDA arrays (textures) becomes `cu2sycl::memcpy_3d_array`, which counts the extent and the array
/// side's position in texels, as CUDA does when an array takes part.
public struct PitchedMemoryRule: MigrationRule {
  public static let id = "pitched-memory"
  public static let summary = "Maps pitched 2-D/3-D allocations, copies and sets (cudaMallocPitch, cudaMemcpy2D, cudaMalloc3D, cudaMemcpy3D, ...) on linear memory to USM helpers."
  public static let covers = ["cudaMallocPitch", "cudaMemcpy2D", "cudaMemcpy2DAsync", "cudaMemset2D", "cudaMemset2DAsync", "cudaMalloc3D",
                              "cudaMemcpy3D", "cudaMemcpy3DAsync", "cudaMemset3D", "cudaMemset3DAsync"]
    + Array(makers.keys).sorted() + Array(types.keys).sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      void blur(const float *h, float *out, int w, int h2, cudaStream_t s) {
        float *d;
        size_t pitch;
        cudaMallocPitch(&d, &pitch, w * sizeof(float), h2);
        cudaMemcpy2D(d, pitch, h, w * sizeof(float), w * sizeof(float), h2, cudaMemcpyHostToDevice);
        cudaMemset2DAsync(d, pitch, 0, sizeof(float), h2, s);
        if (cudaMemcpy2DAsync(out, w * sizeof(float), d, pitch, w * sizeof(float), h2, cudaMemcpyDeviceToHost, s) != cudaSuccess) return;
        cudaFree(d);
      }

      """,
      sycl: """
      void blur(const float *h, float *out, int w, int h2, cu2sycl::queue_ptr s) {
        float *d;
        size_t pitch;
        d = cu2sycl::malloc_pitch<float>(&pitch, w * sizeof(float), h2, cu2sycl::default_queue());
        cu2sycl::memcpy_2d(cu2sycl::default_queue(), d, pitch, h, w * sizeof(float), w * sizeof(float), h2).wait();
        cu2sycl::memset_2d(cu2sycl::queue(s), d, pitch, 0, sizeof(float), h2);
        if ((cu2sycl::memcpy_2d(cu2sycl::queue(s), out, w * sizeof(float), d, pitch, w * sizeof(float), h2), 0) != 0) return;
        sycl::free(d, cu2sycl::default_queue());
      }

      """),
    RuleExample(
      cuda: """
      int volume(float *h, int nx, int ny, int nz) {
        cudaExtent extent = make_cudaExtent(nx * sizeof(float), ny, nz);
        cudaPitchedPtr d;
        if (cudaMalloc3D(&d, extent) != cudaSuccess) return 1;
        cudaMemset3D(d, 0, extent);
        cudaMemcpy3DParms copy = {0};
        copy.srcPtr = make_cudaPitchedPtr(h, nx * sizeof(float), nx, ny);
        copy.dstPtr = d;
        copy.dstPos = make_cudaPos(0, 0, 0);
        copy.extent = extent;
        copy.kind = cudaMemcpyHostToDevice;
        cudaMemcpy3D(&copy);
        return d.pitch > extent.width ? 2 : 0;
      }

      """,
      sycl: """
      int volume(float *h, int nx, int ny, int nz) {
        cu2sycl::extent extent = cu2sycl::make_extent(nx * sizeof(float), ny, nz);
        cu2sycl::pitched_ptr d;
        if (((d = cu2sycl::malloc_3d(extent, cu2sycl::default_queue())).ptr != nullptr ? 0 : 2) != 0) return 1;
        cu2sycl::memset_3d(cu2sycl::default_queue(), d, 0, extent).wait();
        cu2sycl::memcpy3d_parms copy = {0};
        copy.srcPtr = cu2sycl::make_pitched_ptr(h, nx * sizeof(float), nx, ny);
        copy.dstPtr = d;
        copy.dstPos = cu2sycl::make_pos(0, 0, 0);
        copy.extent = extent;
        cu2sycl::memcpy_3d(cu2sycl::default_queue(), copy).wait();
        return d.pitch > extent.width ? 2 : 0;
      }

      """),
  ]

  static let makers = ["make_cudaExtent": "cu2sycl::make_extent", "make_cudaPos": "cu2sycl::make_pos",
                       "make_cudaPitchedPtr": "cu2sycl::make_pitched_ptr"]
  static let types = ["cudaExtent": "cu2sycl::extent", "cudaPos": "cu2sycl::pos", "cudaPitchedPtr": "cu2sycl::pitched_ptr",
                      "cudaMemcpy3DParms": "cu2sycl::memcpy3d_parms"]
  /// Fields the helper structs have (all of CUDA's but the copy kind).
  static let fields: Set<String> = ["width", "height", "depth", "x", "y", "z", "ptr", "pitch", "xsize", "ysize",
                                    "srcArray", "srcPos", "srcPtr", "dstArray", "dstPos", "dstPtr", "extent"]

  public init() {}

  public func apply(to context: MigrationContext) {
    let arrayFunctions = functionsUsingArrays(context)
    func inArrayFunction(_ i: Int) -> Bool {
      guard let c = context.entries[i].cursor, let f = context.enclosingFunction(of: c) else { return false }
      return arrayFunctions.contains(f.usr)
    }
    for i in context.pending({ $0.occurrence.kind == .function && !$0.inMacroBody }) {
      let o = context.entries[i].occurrence
      guard Self.covers.contains(o.name), let cursor = context.entries[i].cursor, context.text(of: cursor) == o.name else { continue }
      if let maker = Self.makers[o.name], let r = context.range(of: cursor) {
        context.replace(r.file, r.range, with: maker, rule: Self.id)
      } else {
        // 2-D calls name linear memory only (arrays have their own calls); 3-D copies may involve arrays.
        let withArrays = o.name.hasPrefix("cudaMemcpy3D") && inArrayFunction(i)
        guard let call = context.call(named: cursor), let r = context.range(of: call),
              convert(o.name, call, in: r.file, withArrays: withArrays, context) else { continue }
        if withArrays { context.use(.texture3D, in: o.file) }
      }
      context.use(.pitchedMemory, in: o.file)
      context.claim(i, .converted, rule: Self.id)
    }
    context.rename([.type], rule: Self.id, helpers: [.pitchedMemory]) { Self.types[$0] }
    convertFields(context)
  }

  private func convert(_ name: String, _ call: Cursor, in file: String, withArrays: Bool, _ context: MigrationContext) -> Bool {
    let args = context.writtenArguments(call)
    let src = { (i: Int) -> Piece? in args.count > i ? context.writtenSource(args[i]) : nil }
    func queue(streamAt index: Int) -> [Piece] {
      context.queue(forStream: args.count > index ? args[index] : nil, in: file, rule: Self.id)
    }
    var pieces: [Piece]
    var yieldsStatus = false
    switch name {
    case "cudaMallocPitch":
      guard args.count == 4, let (target, type) = context.assignmentTarget(args[0]), let pitch = src(1), let w = src(2), let h = src(3) else { return false }
      let element = type.trimmingCharacters(in: .whitespaces).dropLast().trimmingCharacters(in: .whitespaces)
      let typeArgument = element == "void" || element.isEmpty ? "" : "<\(TypeSpelling.sycl(element))>"
      pieces = target + [.text(" = cu2sycl::malloc_pitch\(typeArgument)("), pitch, .text(", "), w, .text(", "), h, .text(", \(context.queue))")]
      if !context.isStatement(call) { pieces = context.allocationStatus(pieces); yieldsStatus = true }
    case "cudaMalloc3D":
      guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let e = src(1) else { return false }
      pieces = target + [.text(" = cu2sycl::malloc_3d("), e, .text(", \(context.queue))")]
      if !context.isStatement(call) { pieces = context.allocationStatus(pieces, field: ".ptr"); yieldsStatus = true }
    case "cudaMemcpy2D", "cudaMemcpy2DAsync":
      guard args.count >= 7, let d = src(0), let dp = src(1), let s = src(2), let sp = src(3), let w = src(4), let h = src(5) else { return false }
      let async = name.hasSuffix("Async")
      pieces = [.text("cu2sycl::memcpy_2d(")] + (async ? queue(streamAt: 7) : [.text(context.queue)])
        + [.text(", "), d, .text(", "), dp, .text(", "), s, .text(", "), sp, .text(", "), w, .text(", "), h, .text(async ? ")" : ").wait()")]
      context.claimArguments([args[6]], rule: Self.id)
    case "cudaMemset2D", "cudaMemset2DAsync":
      guard args.count >= 5, let p = src(0), let pitch = src(1), let v = src(2), let w = src(3), let h = src(4) else { return false }
      let async = name.hasSuffix("Async")
      pieces = [.text("cu2sycl::memset_2d(")] + (async ? queue(streamAt: 5) : [.text(context.queue)])
        + [.text(", "), p, .text(", "), pitch, .text(", "), v, .text(", "), w, .text(", "), h, .text(async ? ")" : ").wait()")]
    case "cudaMemcpy3D", "cudaMemcpy3DAsync":
      guard args.count >= 1, let (parms, _) = context.assignmentTarget(args[0]) else { return false }
      let async = name.hasSuffix("Async")
      pieces = [.text(withArrays ? "cu2sycl::memcpy_3d_array(" : "cu2sycl::memcpy_3d(")] + (async ? queue(streamAt: 1) : [.text(context.queue)])
        + [.text(", ")] + parms + [.text(async ? ")" : ").wait()")]
    case "cudaMemset3D", "cudaMemset3DAsync":
      guard args.count >= 3, let p = src(0), let v = src(1), let e = src(2) else { return false }
      let async = name.hasSuffix("Async")
      pieces = [.text("cu2sycl::memset_3d(")] + (async ? queue(streamAt: 3) : [.text(context.queue)])
        + [.text(", "), p, .text(", "), v, .text(", "), e, .text(async ? ")" : ").wait()")]
    default:
      return false
    }
    context.use(.defaultQueue, in: file)
    return context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id)
  }

  /// Field accesses keep their text; `parms.kind = cudaMemcpyHostToDevice;` is removed (USM pointers say
  /// where they live).
  private func convertFields(_ context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .member }) {
      let o = context.entries[i].occurrence
      let parts = o.name.split(separator: ".").map(String.init)
      guard parts.count == 2, Self.types[parts[0]] != nil else { continue }
      if Self.fields.contains(parts[1]) {
        context.claim(i, .converted, rule: Self.id)
      } else if let r = Self.nullArrayAssignment(context.entries[i], context), let text = context.texts[r.file] {
        // `parms.srcArray = NULL;`: no array takes part, which is all the linear copy handles.
        context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
        context.replace(r.file, text.statementRemoval(r.range), with: "", rule: Self.id)
      } else if parts[1] == "kind", let member = context.entries[i].cursor, let assignment = context.semanticParent(of: member),
                context.binaryOperator(assignment) == "=", context.isStatement(assignment),
                let r = context.range(of: assignment), let text = context.texts[r.file] {
        context.claimAll(in: r.file, r.range, .converted, rule: Self.id)
        context.replace(r.file, text.statementRemoval(r.range), with: "", rule: Self.id)
      }
    }
  }

  /// The statement `parms.srcArray = NULL;` (or dstArray, 0, nullptr): it says that no array takes part.
  static func nullArrayAssignment(_ e: CensusEntry, _ context: MigrationContext) -> (file: String, range: Range<Int>)? {
    guard ["cudaMemcpy3DParms.srcArray", "cudaMemcpy3DParms.dstArray"].contains(e.occurrence.name), let member = e.cursor,
          let assignment = context.semanticParent(of: member), context.binaryOperator(assignment) == "=", context.isStatement(assignment),
          assignment.children.count == 2, let r = context.range(of: assignment) else { return nil }
    let value = assignment.children[1]
    let written = context.text(of: value).replacingSpaces()
    guard ["NULL", "0", "nullptr"].contains(written) || Syntax.stripImplicit(value).integerValue == 0 else { return nil }
    return r
  }

  /// Functions that mention CUDA arrays (cudaArray_t, cudaMalloc3DArray, srcArray, channel descriptors):
  /// their 3-D copies may have an array side.
  private func functionsUsingArrays(_ context: MigrationContext) -> Set<String> {
    var usrs = Set<String>()
    for e in context.entries where (e.occurrence.name.contains("Array") && Self.nullArrayAssignment(e, context) == nil)
      || e.occurrence.name.hasPrefix("cudaChannelFormat") || e.occurrence.name == "cudaCreateChannelDesc" {
      if let c = e.cursor, let f = context.enclosingFunction(of: c) { usrs.insert(f.usr) }
    }
    return usrs
  }
}
