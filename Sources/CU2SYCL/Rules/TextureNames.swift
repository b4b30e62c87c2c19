/// What CUDA's texture and surface API becomes: the software textures of `cu2sycl/runtime.hpp`.
/// One-to-one mappings, as data.
public enum TextureNames {
  /// Type names, replaced where written.
  public static let types: [String: String] = [
    "cudaTextureObject_t": "cu2sycl::texture_object",
    "cudaSurfaceObject_t": "cu2sycl::surface_object",
    "cudaArray": "cu2sycl::texture_array",
    "cudaArray_t": "cu2sycl::texture_array_t",
    "cudaArray_const_t": "const cu2sycl::texture_array *",
    "cudaChannelFormatDesc": "cu2sycl::channel_desc",
    "cudaChannelFormatKind": "cu2sycl::channel_kind",
    "cudaResourceDesc": "cu2sycl::resource_desc",
    "cudaResourceType": "cu2sycl::resource_type",
    "cudaTextureDesc": "cu2sycl::texture_desc",
    "cudaTextureAddressMode": "cu2sycl::address_mode",
    "cudaTextureFilterMode": "cu2sycl::filter_mode",
    "cudaTextureReadMode": "cu2sycl::read_mode",
    "cudaSurfaceBoundaryMode": "cu2sycl::boundary_mode",
  ]

  /// Enumerators (the helper enumerations keep CUDA's values).
  public static let constants: [String: String] = [
    "cudaChannelFormatKindSigned": "cu2sycl::channel_kind::signed_integer",
    "cudaChannelFormatKindUnsigned": "cu2sycl::channel_kind::unsigned_integer",
    "cudaChannelFormatKindFloat": "cu2sycl::channel_kind::floating",
    "cudaChannelFormatKindNone": "cu2sycl::channel_kind::none",
    "cudaResourceTypeArray": "cu2sycl::resource_type::array",
    "cudaResourceTypeLinear": "cu2sycl::resource_type::linear",
    "cudaResourceTypePitch2D": "cu2sycl::resource_type::pitch2d",
    "cudaAddressModeWrap": "cu2sycl::address_mode::wrap",
    "cudaAddressModeClamp": "cu2sycl::address_mode::clamp",
    "cudaAddressModeMirror": "cu2sycl::address_mode::mirror",
    "cudaAddressModeBorder": "cu2sycl::address_mode::border",
    "cudaFilterModePoint": "cu2sycl::filter_mode::point",
    "cudaFilterModeLinear": "cu2sycl::filter_mode::linear",
    "cudaReadModeElementType": "cu2sycl::read_mode::element_type",
    "cudaReadModeNormalizedFloat": "cu2sycl::read_mode::normalized_float",
    "cudaBoundaryModeZero": "cu2sycl::boundary_mode::zero",
    "cudaBoundaryModeClamp": "cu2sycl::boundary_mode::clamp",
    "cudaBoundaryModeTrap": "cu2sycl::boundary_mode::trap",
  ]

  /// Device functions with a helper of the same name and arguments (`tex2D<float>(t, x, y)`).
  public static let fetches: Set<String> = ["tex1Dfetch", "tex1D", "tex2D", "tex3D", "tex1DLayered", "tex2DLayered", "texCubemap",
                                            "texCubemapLayered"]
  public static let surfaceAccesses: Set<String> = ["surf1Dread", "surf1Dwrite", "surf2Dread", "surf2Dwrite", "surf3Dread", "surf3Dwrite",
                                                    "surf1DLayeredread", "surf1DLayeredwrite", "surf2DLayeredread", "surf2DLayeredwrite",
                                                    "surfCubemapread", "surfCubemapwrite", "surfCubemapLayeredread", "surfCubemapLayeredwrite"]

  /// Host functions: the helper, and how many leading arguments it takes (the rest, a copy kind or
  /// array flags that mean nothing for USM, is dropped). nil keeps every argument.
  public static let hostCalls: [String: (helper: String, keep: Int?)] = [
    "cudaCreateChannelDesc": ("create_channel_desc", nil),
    "cudaGetChannelDesc": ("get_channel_desc", nil),
    "cudaMallocArray": ("malloc_array", 4),
    "cudaMalloc3DArray": ("malloc_3d_array", nil),
    "cudaFreeArray": ("free_array", nil),
    "cudaMemcpyToArray": ("memcpy_to_array", 5),
    "cudaMemcpyFromArray": ("memcpy_from_array", 5),
    "cudaMemcpy2DToArray": ("memcpy_2d_to_array", 7),
    "cudaMemcpy2DFromArray": ("memcpy_2d_from_array", 7),
    "cudaCreateTextureObject": ("create_texture_object", 3),
    "cudaDestroyTextureObject": ("destroy_texture_object", nil),
    "cudaCreateSurfaceObject": ("create_surface_object", nil),
    "cudaDestroySurfaceObject": ("destroy_surface_object", nil),
    "cudaBindTexture": ("bind_texture", nil),
    "cudaBindTexture2D": ("bind_texture_2d", nil),
    "cudaBindTextureToArray": ("bind_texture_to_array", nil),
    "cudaUnbindTexture": ("unbind_texture", nil),
  ]

  /// Host functions of texture references (they need the reference helpers).
  public static let referenceCalls: Set<String> = ["cudaBindTexture", "cudaBindTexture2D", "cudaBindTextureToArray", "cudaUnbindTexture"]

  /// Macros: texture dimensions (texture<float, cudaTextureType2D>) and cudaMalloc3DArray's flags.
  public static let macros: [String: String] = [
    "cudaTextureType1D": "1", "cudaTextureType2D": "2", "cudaTextureType3D": "3",
    "cudaArrayDefault": "cu2sycl::array_default", "cudaArrayLayered": "cu2sycl::array_layered",
    "cudaArraySurfaceLoadStore": "cu2sycl::array_surface_load_store", "cudaArrayCubemap": "cu2sycl::array_cubemap",
    "cudaArrayTextureGather": "cu2sycl::array_texture_gather",
  ]

  /// Texture and surface API without a software equivalent here: left with W062 and this advice.
  public static let manual: [String: String] = {
    var m: [String: String] = [:]
    for f in ["texCubemapLod", "texCubemapGrad", "texCubemapLayeredLod", "texCubemapLayeredGrad", "tex1DLod", "tex2DLod", "tex3DLod",
              "tex1DGrad", "tex2DGrad", "tex3DGrad", "tex1DLayeredLod", "tex2DLayeredLod", "cudaMallocMipmappedArray", "cudaGetMipmappedArrayLevel", "cudaFreeMipmappedArray", "cudaResourceTypeMipmappedArray"] {
      m[f] = "mipmapped textures are not emulated; keep one texture_object per level and choose the level by hand"
    }
    m["tex2Dgather"] = "texture gather is not emulated; read the four texels with cu2sycl::tex2D<T> and point filtering"
    return m
  }()

  /// A texture reference's type, with vector types already in SYCL, in SYCL (`texture<sycl::float4,
  /// cudaTextureType1D, cudaReadModeElementType>` -> `cu2sycl::texture_reference<sycl::float4, 1, cu2sycl::read_mode::element_type>`).
  public static func spell(_ typeText: String) -> String {
    var out = "", word = ""
    func flush() {
      out += word == "texture" ? "cu2sycl::texture_reference" : constants[word] ?? macros[word] ?? word
      word = ""
    }
    for ch in typeText {
      if ch.isLetter || ch.isNumber || ch == "_" { word.append(ch) } else { flush(); out.append(ch) }
    }
    flush()
    return out
  }

  /// cudaTextureDesc fields the software textures keep but do not apply.
  public static let ignoredFields: Set<String> = ["sRGB", "maxAnisotropy", "mipmapFilterMode", "mipmapLevelBias", "minMipmapLevelClamp",
                                                  "maxMipmapLevelClamp", "disableTrilinearOptimization", "seamlessCubemap"]

  /// The CUDA structs whose fields the helper structs keep under the same names.
  public static let descriptorStructs: Set<String> = ["cudaResourceDesc", "cudaTextureDesc", "cudaChannelFormatDesc", "textureReference"]
}
