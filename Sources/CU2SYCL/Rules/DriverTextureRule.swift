import Clang

/// The driver API's arrays, 2-D/3-D copies and texture and surface objects become the runtime API's
/// software textures (textures): `CUarray` is a `cu2sycl::texture_array_t`, `CUtexObject` a
/// `cu2sycl::texture_object`, so kernels and the fetches in them convert as the runtime's do. The
/// descriptor structs become helper structs with the driver's field names (`Format`, `NumChannels`,
/// `srcMemoryType`, `res.array.hArray`, `flags`), so code that fills them keeps its text, and the
/// enumerators keep the driver's values.
public struct DriverTextureRule: MigrationRule {
  public static let id = "driver-textures"
  public static let summary = "Maps the driver API's arrays (cuArrayCreate, cuArray3DCreate), copies (cuMemcpy2D/3D), texture and surface objects (cuTexObjectCreate, ...) and their descriptors to cu2sycl's software textures."
  public static let covers = Array(types.keys).sorted() + Array(calls.keys).sorted() + ["cuTexObjectCreate"] + copies.sorted()
    + ["CU_AD_FORMAT_*", "CU_MEMORYTYPE_*", "CU_TR_ADDRESS_MODE_*", "CU_TR_FILTER_MODE_*", "CU_RESOURCE_TYPE_*", "CU_TRSF_*", "CUDA_ARRAY3D_*"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      __global__ void rotate(float *out, CUtexObject tex, int w) {
        int x = threadIdx.x, y = blockIdx.x;
        out[y * w + x] = tex2D<float>(tex, (x + 0.5f) / w, (y + 0.5f) / w);
      }
      void run(float *out, const float *pixels, int w) {
        CUarray array;
        CUDA_ARRAY_DESCRIPTOR desc;
        desc.Format = CU_AD_FORMAT_FLOAT;
        desc.NumChannels = 1;
        desc.Width = w;
        desc.Height = w;
        cuArrayCreate(&array, &desc);
        CUDA_MEMCPY2D copy = {};
        copy.srcMemoryType = CU_MEMORYTYPE_HOST;
        copy.srcHost = pixels;
        copy.srcPitch = w * sizeof(float);
        copy.dstMemoryType = CU_MEMORYTYPE_ARRAY;
        copy.dstArray = array;
        copy.WidthInBytes = w * sizeof(float);
        copy.Height = w;
        cuMemcpy2D(&copy);
        CUDA_RESOURCE_DESC res = {};
        res.resType = CU_RESOURCE_TYPE_ARRAY;
        res.res.array.hArray = array;
        CUDA_TEXTURE_DESC tex = {};
        tex.addressMode[0] = CU_TR_ADDRESS_MODE_WRAP;
        tex.addressMode[1] = CU_TR_ADDRESS_MODE_CLAMP;
        tex.filterMode = CU_TR_FILTER_MODE_LINEAR;
        tex.flags = CU_TRSF_NORMALIZED_COORDINATES;
        CUtexObject object;
        cuTexObjectCreate(&object, &res, &tex, NULL);
        rotate<<<w, w>>>(out, object, w);
        cuTexObjectDestroy(object);
        cuArrayDestroy(array);
      }

      """,
      sycl: """
      void rotate(float *out, cu2sycl::texture_object tex, int w, const sycl::nd_item<1> &item) {
        int x = item.get_local_id(0), y = item.get_group(0);
        out[y * w + x] = cu2sycl::tex2D<float>(tex, (x + 0.5f) / w, (y + 0.5f) / w);
      }
      void run(float *out, const float *pixels, int w) {
        cu2sycl::texture_array_t array;
        cu2sycl::array_descriptor desc;
        desc.Format = cu2sycl::array_format::floating;
        desc.NumChannels = 1;
        desc.Width = w;
        desc.Height = w;
        cu2sycl::array_create(&array, &desc);
        cu2sycl::memcpy2d_desc copy = {};
        copy.srcMemoryType = cu2sycl::memory_kind::host;
        copy.srcHost = pixels;
        copy.srcPitch = w * sizeof(float);
        copy.dstMemoryType = cu2sycl::memory_kind::array;
        copy.dstArray = array;
        copy.WidthInBytes = w * sizeof(float);
        copy.Height = w;
        cu2sycl::memcpy_2d(cu2sycl::default_queue(), copy).wait();
        cu2sycl::driver_resource_desc res = {};
        res.resType = cu2sycl::resource_type::array;
        res.res.array.hArray = array;
        cu2sycl::driver_texture_desc tex = {};
        tex.addressMode[0] = cu2sycl::address_mode::wrap;
        tex.addressMode[1] = cu2sycl::address_mode::clamp;
        tex.filterMode = cu2sycl::filter_mode::linear;
        tex.flags = cu2sycl::trsf_normalized_coordinates;
        cu2sycl::texture_object object;
        cu2sycl::tex_object_create(&object, &res, &tex);
        cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(w * w), sycl::range<1>(w)), [=](sycl::nd_item<1> item) {
          rotate(out, object, w, item);
        });
        cu2sycl::destroy_texture_object(object);
        cu2sycl::free_array(array);
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda.h>
      int volume(CUarray *array, CUdeviceptr src, size_t pitch, int w, int h, int layers, CUstream stream) {
        CUDA_ARRAY3D_DESCRIPTOR desc = {};
        desc.Width = w;
        desc.Height = h;
        desc.Depth = layers;
        desc.Format = CU_AD_FORMAT_UNSIGNED_INT8;
        desc.NumChannels = 4;
        desc.Flags = CUDA_ARRAY3D_LAYERED | CUDA_ARRAY3D_SURFACE_LDST;
        if (cuArray3DCreate(array, &desc) != CUDA_SUCCESS) return 1;
        CUDA_MEMCPY3D copy = {};
        copy.srcMemoryType = CU_MEMORYTYPE_DEVICE;
        copy.srcDevice = src;
        copy.srcPitch = pitch;
        copy.srcHeight = h;
        copy.dstMemoryType = CU_MEMORYTYPE_ARRAY;
        copy.dstArray = *array;
        copy.WidthInBytes = w * 4;
        copy.Height = h;
        copy.Depth = layers;
        cuMemcpy3DAsync(&copy, stream);
        CUDA_RESOURCE_DESC res = {};
        res.resType = CU_RESOURCE_TYPE_ARRAY;
        res.res.array.hArray = *array;
        CUsurfObject surface;
        cuSurfObjectCreate(&surface, &res);
        return cuSurfObjectDestroy(surface);
      }

      """,
      sycl: """
      int volume(cu2sycl::texture_array_t *array, cu2sycl::device_ptr src, size_t pitch, int w, int h, int layers, cu2sycl::queue_ptr stream) {
        cu2sycl::array3d_descriptor desc = {};
        desc.Width = w;
        desc.Height = h;
        desc.Depth = layers;
        desc.Format = cu2sycl::array_format::unsigned_int8;
        desc.NumChannels = 4;
        desc.Flags = cu2sycl::array_layered | cu2sycl::array_surface_load_store;
        if (cu2sycl::array_3d_create(array, &desc) != 0) return 1;
        cu2sycl::memcpy3d_desc copy = {};
        copy.srcMemoryType = cu2sycl::memory_kind::device;
        copy.srcDevice = src;
        copy.srcPitch = pitch;
        copy.srcHeight = h;
        copy.dstMemoryType = cu2sycl::memory_kind::array;
        copy.dstArray = *array;
        copy.WidthInBytes = w * 4;
        copy.Height = h;
        copy.Depth = layers;
        cu2sycl::memcpy_3d(cu2sycl::queue(stream), copy);
        cu2sycl::driver_resource_desc res = {};
        res.resType = cu2sycl::resource_type::array;
        res.res.array.hArray = *array;
        cu2sycl::surface_object surface;
        cu2sycl::create_surface_object(&surface, &res);
        return cu2sycl::destroy_surface_object(surface);
      }

      """),
  ]

  /// Type names, replaced where written.
  static let types: [String: String] = [
    "CUarray": "cu2sycl::texture_array_t", "CUtexObject": "cu2sycl::texture_object", "CUsurfObject": "cu2sycl::surface_object",
    "CUDA_ARRAY_DESCRIPTOR": "cu2sycl::array_descriptor", "CUDA_ARRAY3D_DESCRIPTOR": "cu2sycl::array3d_descriptor",
    "CUarray_format": "cu2sycl::array_format", "CUDA_MEMCPY2D": "cu2sycl::memcpy2d_desc", "CUDA_MEMCPY3D": "cu2sycl::memcpy3d_desc",
    "CUmemorytype": "cu2sycl::memory_kind", "CUDA_RESOURCE_DESC": "cu2sycl::driver_resource_desc",
    "CUDA_TEXTURE_DESC": "cu2sycl::driver_texture_desc", "CUresourcetype": "cu2sycl::resource_type", "CUaddress_mode": "cu2sycl::address_mode",
    "CUfilter_mode": "cu2sycl::filter_mode",
  ]

  /// Enumerators and flag macros (the helpers keep the driver's values).
  static let constants: [String: String] = [
    "CU_AD_FORMAT_UNSIGNED_INT8": "cu2sycl::array_format::unsigned_int8", "CU_AD_FORMAT_UNSIGNED_INT16": "cu2sycl::array_format::unsigned_int16",
    "CU_AD_FORMAT_UNSIGNED_INT32": "cu2sycl::array_format::unsigned_int32", "CU_AD_FORMAT_SIGNED_INT8": "cu2sycl::array_format::signed_int8",
    "CU_AD_FORMAT_SIGNED_INT16": "cu2sycl::array_format::signed_int16", "CU_AD_FORMAT_SIGNED_INT32": "cu2sycl::array_format::signed_int32",
    "CU_AD_FORMAT_HALF": "cu2sycl::array_format::half", "CU_AD_FORMAT_FLOAT": "cu2sycl::array_format::floating",
    "CU_MEMORYTYPE_HOST": "cu2sycl::memory_kind::host", "CU_MEMORYTYPE_DEVICE": "cu2sycl::memory_kind::device",
    "CU_MEMORYTYPE_ARRAY": "cu2sycl::memory_kind::array", "CU_MEMORYTYPE_UNIFIED": "cu2sycl::memory_kind::unified",
    "CU_TR_ADDRESS_MODE_WRAP": "cu2sycl::address_mode::wrap", "CU_TR_ADDRESS_MODE_CLAMP": "cu2sycl::address_mode::clamp",
    "CU_TR_ADDRESS_MODE_MIRROR": "cu2sycl::address_mode::mirror", "CU_TR_ADDRESS_MODE_BORDER": "cu2sycl::address_mode::border",
    "CU_TR_FILTER_MODE_POINT": "cu2sycl::filter_mode::point", "CU_TR_FILTER_MODE_LINEAR": "cu2sycl::filter_mode::linear",
    "CU_RESOURCE_TYPE_ARRAY": "cu2sycl::resource_type::array", "CU_RESOURCE_TYPE_LINEAR": "cu2sycl::resource_type::linear",
    "CU_RESOURCE_TYPE_PITCH2D": "cu2sycl::resource_type::pitch2d",
    "CU_TRSF_READ_AS_INTEGER": "cu2sycl::trsf_read_as_integer", "CU_TRSF_NORMALIZED_COORDINATES": "cu2sycl::trsf_normalized_coordinates",
    "CU_TRSF_DISABLE_TRILINEAR_OPTIMIZATION": "cu2sycl::trsf_disable_trilinear_optimization",
    "CUDA_ARRAY3D_LAYERED": "cu2sycl::array_layered", "CUDA_ARRAY3D_2DARRAY": "cu2sycl::array_layered",
    "CUDA_ARRAY3D_SURFACE_LDST": "cu2sycl::array_surface_load_store", "CUDA_ARRAY3D_CUBEMAP": "cu2sycl::array_cubemap",
    "CUDA_ARRAY3D_TEXTURE_GATHER": "cu2sycl::array_texture_gather",
  ]

  /// Flags the software textures keep but do not apply: converted, for review.
  static let ignoredFlags: [String: String] = [
    "CU_TRSF_SRGB": "cu2sycl::trsf_srgb", "CU_TRSF_SEAMLESS_CUBEMAP": "cu2sycl::trsf_seamless_cubemap",
  ]

  /// Calls that keep their arguments under a helper's name.
  static let calls: [String: String] = [
    "cuArrayCreate": "array_create", "cuArray3DCreate": "array_3d_create", "cuArrayDestroy": "free_array",
    "cuArrayGetDescriptor": "array_get_descriptor", "cuArray3DGetDescriptor": "array_3d_get_descriptor",
    "cuTexObjectDestroy": "destroy_texture_object", "cuSurfObjectCreate": "create_surface_object", "cuSurfObjectDestroy": "destroy_surface_object",
  ]

  /// Copies described by a CUDA_MEMCPY2D or CUDA_MEMCPY3D.
  static let copies: Set<String> = ["cuMemcpy2D", "cuMemcpy2DUnaligned", "cuMemcpy2DAsync", "cuMemcpy3D", "cuMemcpy3DAsync"]

  /// The driver structs whose fields the helper structs keep (their tags, as the census names members).
  static let structs: Set<String> = ["CUDA_ARRAY_DESCRIPTOR_st", "CUDA_ARRAY3D_DESCRIPTOR_st", "CUDA_MEMCPY2D_st", "CUDA_MEMCPY3D_st",
                                     "CUDA_RESOURCE_DESC_st", "CUDA_TEXTURE_DESC_st"]
  /// Fields the software textures keep but do not apply.
  static let ignoredFields: Set<String> = ["maxAnisotropy", "mipmapFilterMode", "mipmapLevelBias", "minMipmapLevelClamp", "maxMipmapLevelClamp"]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.handles(MigrationContext.driverName($0.occurrence.name)) }) {
      let entry = context.entries[i]
      let name = MigrationContext.driverName(entry.occurrence.name)
      guard let (call, file, range, args) = context.apiCall(entry) else { continue }
      // The callee as written (a real SDK renames some by macros: cuArrayCreate -> cuArrayCreate_v2).
      let callee = entry.occurrence.offset..<(entry.occurrence.offset + entry.occurrence.length)
      var helper = Self.texture
      if let function = Self.calls[name] {
        context.replace(file, callee, with: "cu2sycl::" + function, rule: Self.id)
        if name.hasPrefix("cuSurf") { helper = Self.surface }
      } else if name == "cuTexObjectCreate" {
        // cuTexObjectCreate(&t, &res, &desc, view): a resource view reinterprets the memory, which is not emulated.
        // (From the text: a macro argument such as NULL inside another macro's argument has no cursor.)
        guard let text = context.texts[file], let commas = TextureRule.topLevelCommas(text, range), commas.count == 3 else { continue }
        let view = text[(commas[2] + 1)..<(range.upperBound - 1)].trimmingCharacters(in: .whitespaces)
        guard ["NULL", "nullptr", "0"].contains(view) else {
          context.claim(i, .manual, rule: Self.id, warning: Warnings.textureManual,
                        message: "resource views are not emulated; describe the reinterpreted data in the CUDA_RESOURCE_DESC instead")
          continue
        }
        context.replace(file, callee, with: "cu2sycl::tex_object_create", rule: Self.id)
        context.claimArguments(args.dropFirst(3), rule: Self.id)
        context.claimAll(in: file, commas[2]..<(range.upperBound - 1), .converted, rule: Self.id) { $0.kind == .macro }
        context.replace(file, commas[2]..<(range.upperBound - 1), with: "", rule: Self.id)
      } else if Self.copies.contains(name) {
        // cuMemcpy2D(&copy) -> cu2sycl::memcpy_2d(queue, copy).wait(); the Async forms do not wait.
        let async = name.hasSuffix("Async")
        guard args.count == (async ? 2 : 1), let (parms, _) = context.assignmentTarget(args[0]) else { continue }
        let queue = async ? context.queue(forStream: args[1], in: file, rule: Self.id) : [.text(context.queue)]
        let function = name.hasPrefix("cuMemcpy2D") ? "memcpy_2d" : "memcpy_3d"
        guard context.replaceCall(call, with: [.text("cu2sycl::\(function)(")] + queue + [.text(", ")] + parms + [.text(async ? ")" : ").wait()")],
                                  rule: Self.id) else { continue }
        context.use(.defaultQueue, in: file)
      } else {
        continue
      }
      context.use(helper, in: file)
      context.claim(i, .converted, rule: Self.id)
    }
    context.rename([.type], rule: Self.id, helpers: [.driverTexture]) { Self.types[$0] }
    context.rename([.constant, .macro], rule: Self.id, helpers: [.driverTexture]) { Self.constants[$0] }
    for i in context.pending({ $0.occurrence.kind == .macro && Self.ignoredFlags[$0.occurrence.name] != nil }) {
      let o = context.entries[i].occurrence
      guard context.replaceWrittenName(i, with: Self.ignoredFlags[o.name]!, rule: Self.id) else { continue }
      context.use(.driverTexture, in: o.file)
      context.claim(i, .review, rule: Self.id, warning: Warnings.textureSetting,
                    message: "cu2sycl's software textures keep \(o.name) but do not apply it (no sRGB conversion, cube-map filtering stops at face edges)")
    }
    for i in context.pending({ $0.occurrence.kind == .member }) {
      let parts = context.entries[i].occurrence.name.split(separator: ".").map(String.init)
      guard parts.count == 2, Self.structs.contains(parts[0]) || Self.structs.contains(parts[0] + "_st") else { continue }
      if Self.ignoredFields.contains(parts[1]) {
        context.claim(i, .review, rule: Self.id, warning: Warnings.textureSetting,
                      message: "cu2sycl's software textures keep '\(parts[1])' but do not apply it")
      } else {
        context.claim(i, .converted, rule: Self.id)
      }
    }
  }

  private static func handles(_ name: String) -> Bool {
    calls[name] != nil || name == "cuTexObjectCreate" || copies.contains(name)
  }

  private static let texture = RuntimeHelper.driverTexture
  private static let surface = RuntimeHelper.driverSurface
}
