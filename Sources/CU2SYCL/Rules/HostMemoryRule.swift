import Clang

/// Page-locked and mapped host memory, memory information, advice and pointer queries. USM host
/// allocations are what CUDA's portable, mapped host memory is: reachable by every device of the context,
/// so `cudaHostAlloc` is `sycl::malloc_host` whatever the flags (write-combining is a hint) and the device
/// pointer of mapped memory is the host pointer. SYCL 2020 cannot register existing host memory: copies
/// from pageable memory work all the same (only slower), so `cudaHostRegister` is removed, and flagged when
/// it asks for mapped memory that kernels could then read (not when the unit's launches only pass device
/// allocations and it asks for no device pointer of host memory). `cudaMemAdvise` is removed: SYCL's `mem_advise`
/// takes device-specific advice values, none of which mean CUDA's. SYCL 2020 reports no free memory, so
/// `cudaMemGetInfo` reports the device's total as free, flagged.
public struct HostMemoryRule: MigrationRule {
  public static let id = "host-memory"
  public static let summary = "Maps cudaHostAlloc, mapped and registered host memory, cudaMemGetInfo, cudaMemAdvise and cudaPointerGetAttributes to USM."
  public static let covers = ["cudaHostAlloc", "cudaHostGetDevicePointer", "cudaHostRegister", "cudaHostUnregister", "cudaMemGetInfo",
                              "cudaMemAdvise", "cudaPointerGetAttributes", "cudaPointerAttributes"]
    + flags + Array(memoryTypes.keys).sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      void zeroCopy(float **h, float **d, float *pageable, size_t n, bool portable) {
        unsigned int flags = portable ? cudaHostAllocPortable : cudaHostAllocDefault;
        cudaHostAlloc(h, n * sizeof(float), flags | cudaHostAllocMapped | cudaHostAllocWriteCombined);
        cudaHostGetDevicePointer((void **)d, (void *)*h, 0);
        cudaHostRegister(pageable, n * sizeof(float), cudaHostRegisterDefault);
        cudaMemAdvise(*h, n * sizeof(float), cudaMemAdviseSetReadMostly, 0);
        cudaHostUnregister(pageable);
      }

      """,
      sycl: """
      void zeroCopy(float **h, float **d, float *pageable, size_t n, bool portable) {
        unsigned int flags = portable ? 0x01 /* cudaHostAllocPortable */ : 0x00 /* cudaHostAllocDefault */;
        *h = sycl::malloc_host<float>(n, cu2sycl::default_queue());
        *d = *h;
      }

      """),
    RuleExample(
      cuda: """
      bool onDevice(const void *p, size_t *freeBytes, size_t *totalBytes) {
        cudaPointerAttributes attributes;
        if (cudaPointerGetAttributes(&attributes, p) != cudaSuccess) return false;
        cudaMemGetInfo(freeBytes, totalBytes);
        return attributes.type == cudaMemoryTypeDevice || attributes.type == cudaMemoryTypeManaged;
      }

      """,
      sycl: """
      bool onDevice(const void *p, size_t *freeBytes, size_t *totalBytes) {
        cu2sycl::pointer_attributes attributes;
        if ((attributes = cu2sycl::get_pointer_attributes(p), 0) != 0) return false;
        // CU2SYCL-W071: SYCL 2020 reports no free memory: the free size is the device's total memory
        *freeBytes = *totalBytes = cu2sycl::default_queue().get_device().get_info<sycl::info::device::global_mem_size>();
        return attributes.type == cu2sycl::memory_type_device || attributes.type == cu2sycl::memory_type_managed;
      }

      """),
    RuleExample(
      cuda: """
      void share(float *data, size_t bytes) {
        cudaHostRegister(data, bytes, cudaHostRegisterMapped);
      }

      """,
      sycl: """
      void share(float *data, size_t bytes) {
        // CU2SYCL-W070: SYCL 2020 cannot make existing host memory device-accessible: allocate it with sycl::malloc_host if kernels read it
      }

      """),
    RuleExample(
      // Registered memory that only takes part in copies: every kernel argument is device memory.
      cuda: """
      __global__ void scale(float *d) { d[threadIdx.x] *= 2; }
      void roundTrip(float *h, int n) {
        float *d;
        cudaMalloc(&d, n * sizeof(float));
        cudaHostRegister(h, n * sizeof(float), cudaHostRegisterMapped);
        cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);
        scale<<<1, n>>>(d);
        cudaMemcpy(h, d, n * sizeof(float), cudaMemcpyDeviceToHost);
        cudaHostUnregister(h);
      }

      """,
      sycl: """
      void scale(float *d, const sycl::nd_item<1> &item) { d[item.get_local_id(0)] *= 2; }
      void roundTrip(float *h, int n) {
        float *d;
        d = sycl::malloc_device<float>(n, cu2sycl::default_queue());
        cu2sycl::default_queue().memcpy(d, h, n * sizeof(float)).wait();
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(1 * n), sycl::range<1>(n)), [=](sycl::nd_item<1> item) {
          scale(d, item);
        });
        cu2sycl::default_queue().memcpy(h, d, n * sizeof(float)).wait();
      }

      """),
  ]

  static let flags = flagValues.keys.sorted()
  /// CUDA's flag values: written where a flag is used outside the calls (`flags = cudaHostAllocMapped;`).
  static let flagValues = ["cudaHostAllocDefault": "0x00", "cudaHostAllocPortable": "0x01", "cudaHostAllocMapped": "0x02",
                           "cudaHostAllocWriteCombined": "0x04", "cudaHostRegisterDefault": "0x00", "cudaHostRegisterPortable": "0x01",
                           "cudaHostRegisterMapped": "0x02", "cudaHostRegisterIoMemory": "0x04", "cudaHostRegisterReadOnly": "0x08"]
  static let memoryTypes = ["cudaMemoryTypeUnregistered": "cu2sycl::memory_type_unregistered", "cudaMemoryTypeHost": "cu2sycl::memory_type_host",
                            "cudaMemoryTypeDevice": "cu2sycl::memory_type_device", "cudaMemoryTypeManaged": "cu2sycl::memory_type_managed"]
  static let attributeFields: Set<String> = ["type", "device", "devicePointer", "hostPointer"]

  public init() {}

  public func apply(to context: MigrationContext) {
    let q = context.queue
    let kernelsMayReadHostMemory = kernelsMayReadHostMemory(context)
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      let r = (file: file, range: range)
      var pieces: [Piece]
      var yieldsStatus = false
      var finding: (WarningKind, String)?
      switch o.name {
      case "cudaHostAlloc":
        guard args.count == 3, let (target, type) = context.assignmentTarget(args[0]) else { continue }
        pieces = target + [.text(" = ")] + context.usmAllocation("malloc_host", pointerType: type, size: args[1], queue: [.text(q)])
        context.claimArguments([args[2]], rule: Self.id)
        if !context.isStatement(call) { pieces = context.allocationStatus(pieces); yieldsStatus = true }
      case "cudaHostGetDevicePointer":
        guard args.count == 3, let (target, type) = context.assignmentTarget(args[0]), let host = hostPointer(args[1], as: type, context) else { continue }
        pieces = target + [.text(" = ")] + host
        context.claimArguments([args[2]], rule: Self.id)
      case "cudaHostRegister", "cudaHostUnregister", "cudaMemAdvise":
        guard context.removeCall(call, rule: Self.id) else { continue }
        if o.name == "cudaHostRegister", args.count == 3, kernelsMayReadHostMemory,
           !Self.leavesHostOnly(context.writtenRange(of: args[2]).flatMap { context.texts[$0.file]?[$0.range] } ?? "") {
          context.claim(i, .review, rule: Self.id, warning: Warnings.registeredMemory,
                        message: "SYCL 2020 cannot make existing host memory device-accessible: allocate it with sycl::malloc_host if kernels read it")
        } else {
          context.claim(i, .converted, rule: Self.id)
        }
        continue
      case "cudaMemGetInfo":
        guard args.count == 2, let (free, _) = context.assignmentTarget(args[0]), let (total, _) = context.assignmentTarget(args[1]) else { continue }
        pieces = free + [.text(" = ")] + total + [.text(" = \(q).get_device().get_info<sycl::info::device::global_mem_size>()")]
        finding = (Warnings.freeMemory, "SYCL 2020 reports no free memory: the free size is the device's total memory")
      case "cudaPointerGetAttributes":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let p = context.source(args[1]) else { continue }
        pieces = target + [.text(" = cu2sycl::get_pointer_attributes("), p, .text(")")]
        context.use(.pointerAttributes, in: r.file)
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id) else { continue }
      context.use(.defaultQueue, in: r.file)
      if let (kind, message) = finding {
        context.claim(i, .review, rule: Self.id, warning: kind, message: message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
    replaceNames(context)
  }

  /// Whether a kernel may read registered host memory: the unit asks for the device pointer of host
  /// memory, launches no kernel itself (they are elsewhere: cu2sycl cannot tell), or passes a launch a
  /// pointer that no device allocation of the unit produced. A registration whose memory only takes part
  /// in copies, as in cuda-samples' simpleStreams, is fine.
  private func kernelsMayReadHostMemory(_ context: MigrationContext) -> Bool {
    let allocators: Set<String> = ["cudaMalloc", "cudaMallocManaged", "cudaMallocAsync", "cudaMallocFromPoolAsync", "cudaMallocPitch",
                                   "cudaMallocHost", "cudaHostAlloc"]
    if context.census.launches.isEmpty { return true }
    var allocated = Set<String>()
    for entry in context.entries where entry.occurrence.kind == .function {
      if entry.occurrence.name == "cudaHostGetDevicePointer" { return true }
      guard allocators.contains(entry.occurrence.name), let cursor = entry.cursor, let call = context.call(named: cursor),
            let first = context.writtenArguments(call).first, let root = Self.pointerRoot(first) else { continue }
      allocated.insert(root)
    }
    for launch in context.census.launches {
      for argument in launch.arguments where argument.type.canonical.isPointer {
        guard let root = Self.pointerRoot(argument), allocated.contains(root) else { return true }
      }
    }
    return false
  }

  /// The variable a pointer expression is based on: `d` in `d`, `&d`, `(void **)&d`, `d + offset`.
  static func pointerRoot(_ expression: Cursor) -> String? {
    let c = Syntax.stripImplicit(expression)
    switch c.kind {
    case .declRefExpr: return c.spelling
    case .unaryOperator, .parenExpr, .cStyleCastExpr, .cxxStaticCastExpr, .cxxReinterpretCastExpr:
      return c.children.last.flatMap(pointerRoot)
    case .binaryOperator:
      return c.children.first { $0.type.canonical.isPointer }.flatMap(pointerRoot)
    default: return nil
    }
  }

  /// Registration flags that do not ask for device access (a variable or expression might).
  static func leavesHostOnly(_ flags: String) -> Bool {
    let words = flags.split(whereSeparator: { " |()".contains($0) }).map(String.init)
    return words.allSatisfy { ["0", "0u", "cudaHostRegisterDefault", "cudaHostRegisterPortable", "cudaHostRegisterReadOnly"].contains($0) }
  }

  /// The host pointer as the device pointer's type: the expression under the casts when it already has
  /// that type, else a cast.
  private func hostPointer(_ arg: Cursor, as type: String, _ context: MigrationContext) -> [Piece]? {
    var inner = Syntax.stripImplicit(arg)
    while [.cStyleCastExpr, .cxxStaticCastExpr, .cxxReinterpretCastExpr, .parenExpr].contains(inner.kind), let child = inner.children.last {
      inner = Syntax.stripImplicit(child)
    }
    // The right side of an assignment: only a comma expression would need parentheses.
    if inner.type.canonical.spelling == type || inner.type.spelling == type, let p = context.source(inner) {
      return context.binaryOperator(inner) == "," ? [.text("("), p, .text(")")] : [p]
    }
    guard let p = context.source(arg) else { return nil }
    return [.text("static_cast<\(TypeSpelling.sycl(type))>("), p, .text(")")]
  }

  /// The attribute struct, its fields (same names) and the memory types.
  private func replaceNames(_ context: MigrationContext) {
    context.rename([.type, .constant], rule: Self.id, helpers: [.pointerAttributes]) {
      $0 == "cudaPointerAttributes" ? "cu2sycl::pointer_attributes" : Self.memoryTypes[$0]
    }
    context.rename([.macro], rule: Self.id) { name in Self.flagValues[name].map { "\($0) /* \(name) */" } }
    context.claimFields(of: "cudaPointerAttributes", measured: Self.attributeFields, standIns: [:], rule: Self.id)
  }
}
