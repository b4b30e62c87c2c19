/// Facts about CUDA spelling that the census needs, independent of the rules.
enum CUDANames {
  /// Macros that are CUDA language keywords (execution spaces, memory spaces, qualifiers).
  static let attributeMacros: Set<String> = [
    "__global__", "__device__", "__host__", "__shared__", "__constant__", "__managed__", "__forceinline__",
    "__noinline__", "__restrict__", "__launch_bounds__", "__align__", "__grid_constant__",
  ]

  /// CUDA functions that clang declares implicitly, as NVPTX target builtins, when it parses against
  /// a real SDK (our own declarations declare them in cu2sycl_cuda.h).
  static let implicitBuiltins: Set<String> = ["__syncthreads"]

  static let builtinVariables: Set<String> = ["threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize"]

  /// Device functions that need the work-item (barriers, fences on the group).
  static let barriers: Set<String> = ["__syncthreads", "__syncthreads_count", "__syncthreads_and", "__syncthreads_or", "__syncwarp"]

  /// Warp-level functions: they become sub-group operations, so the function needs the work-item and
  /// its kernel a required sub-group size of 32 (CUDA's warp).
  static let subGroupFunctions: Set<String> = [
    "__shfl_sync", "__shfl_up_sync", "__shfl_down_sync", "__shfl_xor_sync", "__shfl", "__shfl_up", "__shfl_down", "__shfl_xor",
    "__ballot_sync", "__any_sync", "__all_sync", "__uni_sync", "__match_any_sync", "__match_all_sync", "__activemask",
    "__ballot", "__any", "__all", "__syncwarp", "__reduce_add_sync", "__reduce_min_sync", "__reduce_max_sync",
    "__reduce_and_sync", "__reduce_or_sync", "__reduce_xor_sync", "tiled_partition", "coalesced_threads",
  ]

  /// Other device functions that need the work-item (cooperative groups' views of the launch).
  static let itemFunctions: Set<String> = ["this_thread_block", "this_grid", "this_multi_grid", "thread_rank", "group_index", "thread_index"]

  /// Cooperative-groups classes whose objects are sub-groups (warp tiles, coalesced groups): using
  /// them makes a kernel require sub-groups of 32.
  static let subGroupClasses: Set<String> = ["thread_block_tile", "coalesced_group"]

  /// Cooperative-groups classes whose declarations (`cg::thread_block b`) become `sycl::group<N>`, so
  /// the function needs its dimensionality (it takes the work-item).
  static let itemClasses: Set<String> = ["thread_block"]

  static let headerNames: Set<String> = [
    "cuda.h", "cuda_runtime.h", "cuda_runtime_api.h", "device_launch_parameters.h", "device_functions.h",
    "vector_types.h", "vector_functions.h", "math_functions.h", "cuda_fp16.h", "cuda_bf16.h", "cooperative_groups.h",
    "curand.h", "curand_kernel.h", "cublas_v2.h", "cublas.h", "cufft.h", "cusparse.h", "cusolverDn.h", "cuda_profiler_api.h",
    "driver_types.h", "host_defines.h", "cuComplex.h", "nvrtc.h", "nvToolsExt.h", "cuda_texture_types.h", "texture_fetch_functions.h",
    "sm_20_atomic_functions.h", "sm_60_atomic_functions.h", "cuda_gl_interop.h", "helper_cuda.h",
    "helper_cuda_drvapi.h",
  ]

  /// Macros the CUDA compiler or headers define that programs test in preprocessor conditionals.
  static let conditionalMacros: Set<String> = ["__CUDA_ARCH__", "__CUDACC__", "__NVCC__", "CUDART_VERSION", "CUDA_VERSION",
                                               "__CUDACC_VER_MAJOR__", "__CUDACC_VER_MINOR__", "__CUDACC_RDC__"]

  static func looksLikeCUDAHeader(_ spelling: String) -> Bool {
    let name = spelling.split(separator: "/").last.map(String.init) ?? spelling
    if headerNames.contains(name) || spelling.hasPrefix("cooperative_groups/") || spelling.hasPrefix("thrust/") || spelling.hasPrefix("cub/") {
      return true
    }
    return name.hasPrefix("cuda_") || name.hasPrefix("cublas") || name.hasPrefix("cufft") || name.hasPrefix("curand")
      || name.hasPrefix("cusparse") || name.hasPrefix("cusolver") || name.hasPrefix("nvrtc") || name.hasPrefix("sm_")
  }

  /// The name source code spells for a driver entry point: the real cuda.h maps many of them to
  /// versioned symbols (`#define cuMemAlloc cuMemAlloc_v2`); cu2sycl's declarations use the plain names.
  static func unversioned(_ name: String) -> String {
    guard name.hasPrefix("cu"), name.dropFirst(2).first?.isUppercase == true else { return name }
    for suffix in ["_v2", "_v3", "_v4"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
    return name
  }

  /// The identifier a clang "undeclared" diagnostic is about.
  static func unresolvedName(in message: String) -> String? {
    let prefixes = ["use of undeclared identifier '", "unknown type name '", "no member named '", "use of undeclared label '",
                    "no template named '", "unknown type name '"]
    for p in prefixes where message.hasPrefix(p) {
      let rest = message.dropFirst(p.count)
      guard let end = rest.firstIndex(of: "'") else { return nil }
      return String(rest[..<end])
    }
    return nil
  }

  /// Whether a name that did not resolve is probably CUDA API (so it counts against coverage).
  static func looksLikeCUDA(_ name: String) -> Bool {
    let prefixes = ["cuda", "cublas", "cufft", "curand", "cusparse", "cusolver", "cudnn", "nvrtc", "nvtx", "__shfl", "__ldg",
                    "__sync", "__threadfence", "__ballot", "__any", "__all", "__activemask", "__half", "__float2half", "__nv_",
                    "atomic", "tex1D", "tex2D", "tex3D", "surf", "make_", "thrust", "cub"]
    if prefixes.contains(where: { name.hasPrefix($0) }) { return true }
    // Driver API: cuInit, cuMemAlloc, CUresult, CUdeviceptr, ...
    if name.hasPrefix("cu"), name.count > 2, name[name.index(name.startIndex, offsetBy: 2)].isUppercase { return true }
    if name.hasPrefix("CU"), name.count > 2, name.dropFirst(2).first?.isLowercase == true || name.hasPrefix("CUDA_") { return true }
    return false
  }
}
