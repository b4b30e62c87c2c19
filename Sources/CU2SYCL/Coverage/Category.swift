/// The area of CUDA an occurrence belongs to, for the per-category totals of a report. Derived from
/// the construct's kind and name only (never from the rule that handled it), so an API no rule knows
/// still lands in its area. Docs/Coverage.md lists the categories.
public enum Category: String, Sendable, Codable, CaseIterable {
  case headers
  case kernels
  case launches
  case builtinVariables = "built-in variables"
  case sharedMemory = "shared memory"
  case constantMemory = "constant memory"
  case memory
  case synchronization
  case atomics
  case warp
  case cooperativeGroups = "cooperative groups"
  case math
  case halfPrecision = "half precision"
  case intrinsics
  case vectorTypes = "vector types"
  case streams
  case events
  case graphs
  case device
  case errors
  case launchConfiguration = "launch configuration"
  case textures
  case interop
  case driver
  case libraries
  case preprocessor
  case inlineAssembly = "inline assembly"
  case runtime

  public static func of(_ occurrence: Occurrence) -> Category {
    of(kind: occurrence.kind, name: occurrence.name, context: occurrence.context)
  }

  public static func of(kind: ConstructKind, name: String, context: CodeContext) -> Category {
    switch kind {
    case .include: return .headers
    case .launch: return .launches
    case .inlineAssembly: return .inlineAssembly
    case .builtinVariable: return name.hasPrefix("warpSize") ? .warp : .builtinVariables
    case .attribute:
      switch name {
      case "__shared__": return .sharedMemory
      case "__constant__": return .constantMemory
      case "__managed__": return .memory
      default: return .kernels
      }
    case .function, .type, .constant, .member, .macro, .unresolved:
      return of(name: name, context: context, isMacro: kind == .macro)
    }
  }

  /// Prefixes checked in order; the first match decides.
  private static let prefixes: [(String, Category)] = [
    ("cublas", .libraries), ("CUBLAS", .libraries), ("cufft", .libraries), ("CUFFT", .libraries),
    ("curand", .libraries), ("CURAND", .libraries), ("cusparse", .libraries), ("CUSPARSE", .libraries),
    ("cusolver", .libraries), ("CUSOLVER", .libraries), ("cudnn", .libraries), ("CUDNN", .libraries),
    ("nccl", .libraries), ("thrust::", .libraries), ("cub::", .libraries), ("nvjpeg", .libraries),
    ("nvrtc", .driver), ("NVRTC", .driver), ("nvtx", .runtime),
    ("cooperative_groups", .cooperativeGroups), ("cg::", .cooperativeGroups),
    ("atomic", .atomics), ("__shfl", .warp), ("__ballot", .warp), ("__any", .warp), ("__all", .warp),
    ("__activemask", .warp), ("__match", .warp), ("__reduce", .warp), ("__syncwarp", .warp), ("__lane", .warp),
    ("__syncthreads", .synchronization), ("__threadfence", .synchronization), ("__barrier", .synchronization),
    ("cudaStream", .streams), ("cudaEvent", .events), ("cudaGraph", .graphs),
    ("cudaGL", .interop), ("cudaEGL", .interop), ("cudaD3D", .interop), ("cudaVDPAU", .interop),
    ("cudaExternal", .interop), ("cudaImportExternal", .interop), ("cudaDestroyExternal", .interop),
    ("cudaSignalExternal", .interop), ("cudaWaitExternal", .interop), ("cudaIpc", .memory),
    ("cudaMemcpyToArray", .textures), ("cudaMemcpy2DToArray", .textures), ("cudaMemcpyFromArray", .textures),
    ("cudaMemcpy2DFromArray", .textures), ("cudaMalloc3DArray", .textures), ("cudaMallocArray", .textures),
    ("cudaMallocMipmappedArray", .textures), ("cudaFreeArray", .textures), ("cudaArray", .textures),
    ("cudaMem", .memory), ("cudaMalloc", .memory), ("cudaFree", .memory), ("cudaHost", .memory),
    ("cudaPointer", .memory), ("cudaDeviceCanAccessPeer", .memory), ("cudaDeviceEnablePeer", .memory),
    ("cudaDeviceDisablePeer", .memory), ("make_cudaExtent", .memory), ("make_cudaPos", .memory),
    ("make_cudaPitchedPtr", .memory), ("cudaExtent", .memory), ("cudaPos", .memory), ("cudaPitchedPtr", .memory),
    ("cudaOccupancy", .launchConfiguration), ("cudaFunc", .launchConfiguration), ("cudaLaunch", .launchConfiguration),
    ("cudaConfigureCall", .launchConfiguration),
    ("cudaGetErrorString", .errors), ("cudaGetErrorName", .errors), ("cudaGetLastError", .errors),
    ("cudaPeekAtLastError", .errors), ("cudaError", .errors), ("cudaSuccess", .errors),
    ("cudaDevAttr", .device), ("cudaDevice", .device), ("cudaGetDevice", .device), ("cudaSetDevice", .device),
    ("cudaChooseDevice", .device), ("cudaDriverGetVersion", .device), ("cudaRuntimeGetVersion", .device),
    ("cudaComputeMode", .device), ("cudaLimit", .device), ("cudaFuncCache", .device), ("cudaSharedMem", .device),
    ("cudaTex", .textures), ("cudaSurf", .textures), ("cudaCreateTexture", .textures), ("cudaDestroyTexture", .textures),
    ("cudaCreateSurface", .textures), ("cudaDestroySurface", .textures), ("cudaBindTexture", .textures),
    ("cudaUnbindTexture", .textures), ("cudaCreateChannelDesc", .textures), ("cudaChannel", .textures),
    ("cudaResource", .textures), ("cudaAddressMode", .textures), ("cudaFilterMode", .textures),
    ("cudaReadMode", .textures), ("cudaBoundaryMode", .textures), ("cudaGetChannelDesc", .textures),
    ("tex", .textures), ("surf", .textures), ("texture", .textures), ("surface", .textures),
    ("cudaProfiler", .runtime), ("CUDART_", .math),
    ("__half", .halfPrecision), ("__nv_bfloat", .halfPrecision), ("__float2half", .halfPrecision),
    ("__half2", .halfPrecision), ("__h", .halfPrecision), ("__bfloat", .halfPrecision), ("__float2bfloat", .halfPrecision),
    ("half", .halfPrecision), ("nv_bfloat", .halfPrecision),
    ("make_", .vectorTypes), ("dim3", .launches),
    ("printf", .runtime), ("clock", .runtime), ("assert", .runtime), ("__assert", .runtime),
    ("malloc", .memory), ("free", .memory), ("memcpy", .memory), ("memset", .memory),
  ]

  /// CUDA's built-in vector types: char1…double4, their unsigned and long forms.
  private static let vectorBases: Set<String> = ["char", "uchar", "short", "ushort", "int", "uint", "long", "ulong",
                                                 "longlong", "ulonglong", "float", "double"]

  private static func of(name: String, context: CodeContext, isMacro: Bool) -> Category {
    for (prefix, category) in prefixes where name.hasPrefix(prefix) { return category }
    let base = name.split(separator: ".").first.map(String.init) ?? name
    if let last = base.last, ("1"..."4").contains(last), vectorBases.contains(String(base.dropLast())) { return .vectorTypes }
    // The driver API: cuMemAlloc, CUdeviceptr, CU_MEMORYTYPE_DEVICE (cuda… names were matched above).
    if base.count > 2, !base.hasPrefix("cuda") {
      let third = base[base.index(base.startIndex, offsetBy: 2)]
      if (base.hasPrefix("cu") && third.isUppercase) || (base.hasPrefix("CU") && (third.isLetter || third == "_")) { return .driver }
    }
    if isMacro && base.hasPrefix("__") { return .preprocessor }
    if base.hasPrefix("cuda") { return .runtime }
    if base.hasPrefix("__") { return .intrinsics }
    return context == .host ? .runtime : .math
  }
}
