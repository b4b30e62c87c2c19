import Clang

/// Memory pools (stream-ordered allocation with explicit pools). SYCL 2020 has no pools, so a
/// `cudaMemPool_t` becomes a small `cu2sycl::mem_pool`: where its memory lives and the attributes set on
/// it. Allocating from a pool is `sycl::malloc_device` on the pool's device through the stream's queue;
/// frees return memory at once (`cu2sycl::free_async`), so the release threshold, the reuse policies and
/// trimming, which only tune when CUDA returns memory, change nothing. Access descriptors follow the
/// peer-access rule: a pool's own device has read-write access, and granting another device access fails
/// as CUDA does without peer access. The descriptor structs keep CUDA's field names.
public struct MemoryPoolRule: MigrationRule {
  public static let id = "memory-pools"
  public static let summary = "Maps memory pools (cudaMemPool_t, cudaMemPoolCreate, cudaMallocFromPoolAsync, attributes, access descriptors) to a plain cu2sycl::mem_pool over USM."
  public static let covers = ["cudaDeviceGetDefaultMemPool", "cudaDeviceGetMemPool", "cudaDeviceSetMemPool", "cudaMemPoolCreate", "cudaMemPoolDestroy",
                              "cudaMallocFromPoolAsync", "cudaMallocAsync", "cudaMemPoolTrimTo", "cudaMemPoolSetAttribute", "cudaMemPoolGetAttribute",
                              "cudaMemPoolSetAccess", "cudaMemPoolGetAccess"]
    + types.keys.sorted() + constants.keys.sorted()
  public static let examples = [
    RuleExample(
      cuda: """
      float *scratch(int device, size_t n, cudaStream_t s) {
        cudaMemPool_t pool;
        cudaDeviceGetDefaultMemPool(&pool, device);
        unsigned long long threshold = UINT64_MAX;
        cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold);
        float *d;
        cudaMallocAsync(&d, n * sizeof(float), pool, s);
        cudaMemPoolTrimTo(pool, 0);
        return d;
      }

      """,
      sycl: """
      float *scratch(int device, size_t n, cu2sycl::queue_ptr s) {
        cu2sycl::mem_pool_ptr pool;
        pool = cu2sycl::default_mem_pool(device);
        unsigned long long threshold = UINT64_MAX;
        cu2sycl::mem_pool_set_attribute(pool, cu2sycl::mem_pool_attr_release_threshold, &threshold);
        float *d;
        d = cu2sycl::malloc_from_pool<float>(n, pool, cu2sycl::queue(s));
        return d;
      }

      """),
    RuleExample(
      cuda: """
      int shared(int owner, int peer, void **p, size_t bytes, cudaStream_t s) {
        cudaMemPoolProps props;
        memset(&props, 0, sizeof(cudaMemPoolProps));
        props.allocType = cudaMemAllocationTypePinned;
        props.handleTypes = cudaMemHandleTypeNone;
        props.location.type = cudaMemLocationTypeDevice;
        props.location.id = owner;
        cudaMemPool_t pool;
        if (cudaMemPoolCreate(&pool, &props) != cudaSuccess) return 1;
        cudaMemAccessDesc desc = {};
        desc.location.type = cudaMemLocationTypeDevice;
        desc.location.id = peer;
        desc.flags = cudaMemAccessFlagsProtReadWrite;
        if (cudaMemPoolSetAccess(pool, &desc, 1) != cudaSuccess) return 2;
        cudaMemAccessFlags flags;
        cudaMemPoolGetAccess(&flags, pool, &desc.location);
        cudaMallocFromPoolAsync(p, bytes, pool, s);
        cudaMemPoolDestroy(pool);
        return flags == cudaMemAccessFlagsProtNone ? 0 : 3;
      }

      """,
      sycl: """
      int shared(int owner, int peer, void **p, size_t bytes, cu2sycl::queue_ptr s) {
        cu2sycl::mem_pool_props props;
        memset(&props, 0, sizeof(cu2sycl::mem_pool_props));
        props.allocType = cu2sycl::mem_allocation_type_pinned;
        props.handleTypes = cu2sycl::mem_handle_type_none;
        props.location.type = cu2sycl::mem_location_type_device;
        props.location.id = owner;
        cu2sycl::mem_pool_ptr pool;
        if ((pool = cu2sycl::create_mem_pool(&props), 0) != 0) return 1;
        cu2sycl::mem_access_desc desc = {};
        desc.location.type = cu2sycl::mem_location_type_device;
        desc.location.id = peer;
        desc.flags = cu2sycl::mem_access_flags_prot_read_write;
        if (cu2sycl::mem_pool_set_access(pool, &desc, 1) != 0) return 2;
        cu2sycl::mem_access_flags flags;
        flags = cu2sycl::mem_pool_get_access(pool, &desc.location);
        *p = cu2sycl::malloc_from_pool(bytes, pool, cu2sycl::queue(s));
        cu2sycl::destroy_mem_pool(pool);
        return flags == cu2sycl::mem_access_flags_prot_none ? 0 : 3;
      }

      """),
    RuleExample(
      cuda: """
      #include <cstdio>
      void usage(cudaMemPool_t pool) {
        unsigned long long used = 0;
        cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemCurrent, &used);
        printf("%llu\\n", used);
      }

      """,
      sycl: """
      #include <cstdio>
      void usage(cu2sycl::mem_pool_ptr pool) {
        unsigned long long used = 0;
        // CU2SYCL-W075: SYCL 2020 reports no pool usage: reserved and used sizes read 0
        cu2sycl::mem_pool_get_attribute(pool, cu2sycl::mem_pool_attr_used_mem_current, &used);
        printf("%llu\\n", used);
      }

      """),
  ]

  static let types = ["cudaMemPool_t": "cu2sycl::mem_pool_ptr", "cudaMemPoolProps": "cu2sycl::mem_pool_props", "cudaMemLocation": "cu2sycl::mem_location",
                      "cudaMemAccessDesc": "cu2sycl::mem_access_desc", "cudaMemAccessFlags": "cu2sycl::mem_access_flags",
                      "cudaMemAllocationType": "cu2sycl::mem_allocation_type", "cudaMemAllocationHandleType": "cu2sycl::mem_handle_type",
                      "cudaMemPoolAttr": "cu2sycl::mem_pool_attr", "cudaMemLocationType": "cu2sycl::mem_location_type"]
  static let constants = [
    "cudaMemLocationTypeInvalid": "mem_location_type_invalid", "cudaMemLocationTypeDevice": "mem_location_type_device",
    "cudaMemLocationTypeHost": "mem_location_type_host", "cudaMemLocationTypeHostNuma": "mem_location_type_host_numa",
    "cudaMemLocationTypeHostNumaCurrent": "mem_location_type_host_numa_current",
    "cudaMemAccessFlagsProtNone": "mem_access_flags_prot_none", "cudaMemAccessFlagsProtRead": "mem_access_flags_prot_read",
    "cudaMemAccessFlagsProtReadWrite": "mem_access_flags_prot_read_write",
    "cudaMemAllocationTypeInvalid": "mem_allocation_type_invalid", "cudaMemAllocationTypePinned": "mem_allocation_type_pinned",
    "cudaMemHandleTypeNone": "mem_handle_type_none", "cudaMemHandleTypePosixFileDescriptor": "mem_handle_type_posix_file_descriptor",
    "cudaMemHandleTypeWin32": "mem_handle_type_win32", "cudaMemHandleTypeWin32Kmt": "mem_handle_type_win32_kmt",
    "cudaMemHandleTypeFabric": "mem_handle_type_fabric",
    "cudaMemPoolReuseFollowEventDependencies": "mem_pool_reuse_follow_event_dependencies",
    "cudaMemPoolReuseAllowOpportunistic": "mem_pool_reuse_allow_opportunistic",
    "cudaMemPoolReuseAllowInternalDependencies": "mem_pool_reuse_allow_internal_dependencies",
    "cudaMemPoolAttrReleaseThreshold": "mem_pool_attr_release_threshold", "cudaMemPoolAttrReservedMemCurrent": "mem_pool_attr_reserved_mem_current",
    "cudaMemPoolAttrReservedMemHigh": "mem_pool_attr_reserved_mem_high", "cudaMemPoolAttrUsedMemCurrent": "mem_pool_attr_used_mem_current",
    "cudaMemPoolAttrUsedMemHigh": "mem_pool_attr_used_mem_high",
  ]
  static let fields: [String: Set<String>] = [
    "cudaMemPoolProps": ["allocType", "handleTypes", "location", "win32SecurityAttributes", "maxSize", "usage", "reserved"],
    "cudaMemLocation": ["type", "id"], "cudaMemAccessDesc": ["location", "flags"],
  ]
  /// Attributes SYCL cannot answer (read as 0, W075).
  static let usageAttributes: Set<String> = ["cudaMemPoolAttrReservedMemCurrent", "cudaMemPoolAttrReservedMemHigh",
                                              "cudaMemPoolAttrUsedMemCurrent", "cudaMemPoolAttrUsedMemHigh"]

  public init() {}

  public func apply(to context: MigrationContext) {
    // Names first: the calls below keep their arguments' text, names included.
    context.rename([.type], rule: Self.id, helpers: [.memoryPools]) { Self.types[$0] }
    context.rename([.constant], rule: Self.id, helpers: [.memoryPools]) { Self.constants[$0].map { "cu2sycl::\($0)" } }
    for (type, names) in Self.fields { context.claimFields(of: type, measured: names, standIns: [:], rule: Self.id) }
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains($0.occurrence.name) }) {
      let o = context.entries[i].occurrence
      guard let (call, file, _, args) = context.apiCall(context.entries[i]) else { continue }
      var pieces: [Piece]
      var yieldsStatus = false
      var finding: (WarningKind, String)?
      func helper(_ name: String, _ arguments: ArraySlice<Cursor>) -> [Piece]? {
        var out: [Piece] = [.text("cu2sycl::\(name)(")]
        for (k, a) in arguments.enumerated() {
          guard let p = context.writtenSource(a) else { return nil }
          out += (k == 0 ? [] : [.text(", ")]) + [p]
        }
        return out + [.text(")")]
      }
      switch o.name {
      case "cudaDeviceGetDefaultMemPool", "cudaDeviceGetMemPool":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]),
              let get = helper(o.name == "cudaDeviceGetMemPool" ? "device_mem_pool" : "default_mem_pool", args[1...]) else { continue }
        pieces = target + [.text(" = ")] + get
      case "cudaMemPoolCreate":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let create = helper("create_mem_pool", args[1...]) else { continue }
        pieces = target + [.text(" = ")] + create
      case "cudaDeviceSetMemPool", "cudaMemPoolDestroy", "cudaMemPoolSetAttribute", "cudaMemPoolGetAttribute", "cudaMemPoolSetAccess":
        let names = ["cudaDeviceSetMemPool": "set_device_mem_pool", "cudaMemPoolDestroy": "destroy_mem_pool",
                     "cudaMemPoolSetAttribute": "mem_pool_set_attribute", "cudaMemPoolGetAttribute": "mem_pool_get_attribute",
                     "cudaMemPoolSetAccess": "mem_pool_set_access"]
        guard let p = helper(names[o.name]!, args[...]) else { continue }
        pieces = p
        yieldsStatus = true
        if o.name == "cudaMemPoolGetAttribute", args.count == 3 {
          let attribute = context.writtenRange(of: args[1]).flatMap { context.texts[$0.file]?[$0.range] } ?? ""
          if !(Self.constants[attribute] != nil && !Self.usageAttributes.contains(attribute)) {
            finding = (Warnings.poolUsage, "SYCL 2020 reports no pool usage: reserved and used sizes read 0")
          }
        }
      case "cudaMemPoolGetAccess":
        guard args.count == 3, let (target, _) = context.assignmentTarget(args[0]), let get = helper("mem_pool_get_access", args[1...]) else { continue }
        pieces = target + [.text(" = ")] + get
      case "cudaMallocFromPoolAsync", "cudaMallocAsync":
        // cudaMallocAsync with three arguments is the stream-ordered-memory rule's.
        guard args.count == 4, let (target, type) = context.assignmentTarget(args[0]), let pool = context.writtenSource(args[2]),
              let allocation = allocation(type: type, size: args[1], pool: pool, queue: context.queue(forStream: args[3], in: file, rule: Self.id), context)
        else { continue }
        pieces = target + [.text(" = ")] + allocation
        if !context.isStatement(call) { pieces = context.allocationStatus(pieces); yieldsStatus = true }
      case "cudaMemPoolTrimTo":
        // Nothing is held back: every free has returned its memory already.
        guard context.removeCall(call, rule: Self.id) else { continue }
        context.use(.memoryPools, in: file)
        context.claim(i, .converted, rule: Self.id)
        continue
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, yieldsStatus: yieldsStatus, rule: Self.id) else { continue }
      context.use(.memoryPools, in: file)
      if let (kind, message) = finding {
        context.claim(i, .review, rule: Self.id, warning: kind, message: message)
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
  }

  /// `cu2sycl::malloc_from_pool<T>(count, pool, q)` when the size is `count * sizeof(T)`, else the byte
  /// allocation (cast unless the target is `void *`).
  private func allocation(type: String, size: Cursor, pool: Piece, queue q: [Piece], _ context: MigrationContext) -> [Piece]? {
    guard let bytes = context.source(size) else { return nil }
    let pointer = type.trimmingCharacters(in: .whitespaces)
    let element = pointer.hasSuffix("*") ? String(pointer.dropLast()).trimmingCharacters(in: .whitespaces) : pointer
    let rest: [Piece] = [.text(", "), pool, .text(", ")] + q + [.text(")")]
    if element == "void" || element.isEmpty { return [.text("cu2sycl::malloc_from_pool("), bytes] + rest }
    if let count = context.elementCount(inBytes: size, element: element), let n = context.source(count) {
      return [.text("cu2sycl::malloc_from_pool<\(TypeSpelling.sycl(element))>("), n] + rest
    }
    return [.text("static_cast<\(TypeSpelling.sycl(pointer))>(cu2sycl::malloc_from_pool("), bytes] + rest + [.text(")")]
  }
}
