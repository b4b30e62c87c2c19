import Clang

/// Loading kernels at run time (PTX, cubin, fatbin) and launching them by handle has no SYCL 2020
/// counterpart: SYCL kernels are compiled into the program. Every piece of it is flagged, with what
/// to do instead: compile the kernel's .cu (which cu2sycl migrates) into the program and launch it.
public struct DriverModuleRule: MigrationRule {
  public static let id = "driver-modules"
  public static let summary = "Flags run-time kernel loading (cuModuleLoad*, cuModuleGetFunction, cuLink*) and cuLaunchKernel, which SYCL compiles into the program instead."
  public static let covers = loading + launches + ["CUmodule", "CUfunction", "CUlinkState", "CUjit_option", "CUjitInputType", "CUfunction_attribute",
                                                   "CU_JIT_*", "CU_FUNC_ATTRIBUTE_*"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      void launch(const char *image, CUdeviceptr data, int n) {
        CUmodule module;
        CUfunction kernel;
        cuModuleLoadData(&module, image);
        cuModuleGetFunction(&kernel, module, "scale");
        void *args[] = {&data, &n};
        cuLaunchKernel(kernel, (n + 255) / 256, 1, 1, 256, 1, 1, 0, 0, args, nullptr);
        cuModuleUnload(module);
      }

      """,
      sycl: """
      void launch(const char *image, cu2sycl::device_ptr data, int n) {
        // CU2SYCL-W080: SYCL cannot load a kernel image (PTX, cubin, fatbin) at run time: compile the kernel's .cu into this program (cu2sycl migrates it) and call it directly
        CUmodule module;
        // CU2SYCL-W080: SYCL cannot load a kernel image (PTX, cubin, fatbin) at run time: compile the kernel's .cu into this program (cu2sycl migrates it) and call it directly
        CUfunction kernel;
        // CU2SYCL-W080: SYCL cannot load a kernel image (PTX, cubin, fatbin) at run time: compile the kernel's .cu into this program (cu2sycl migrates it) and call it directly
        cuModuleLoadData(&module, image);
        // CU2SYCL-W080: SYCL cannot load a kernel image (PTX, cubin, fatbin) at run time: compile the kernel's .cu into this program (cu2sycl migrates it) and call it directly
        cuModuleGetFunction(&kernel, module, "scale");
        void *args[] = {&data, &n};
        // CU2SYCL-W081: launch the migrated kernel with parallel_for on the stream's queue instead, passing the values kernelParams points to
        cuLaunchKernel(kernel, (n + 255) / 256, 1, 1, 256, 1, 1, 0, 0, args, nullptr);
        // CU2SYCL-W080: SYCL cannot load a kernel image (PTX, cubin, fatbin) at run time: compile the kernel's .cu into this program (cu2sycl migrates it) and call it directly
        cuModuleUnload(module);
      }

      """),
  ]

  static let loading = ["cuModuleLoad", "cuModuleLoadData", "cuModuleLoadDataEx", "cuModuleLoadFatBinary", "cuModuleUnload", "cuModuleGetFunction",
                        "cuModuleGetGlobal", "cuLinkCreate", "cuLinkAddData", "cuLinkAddFile", "cuLinkComplete", "cuLinkDestroy",
                        "cuFuncGetAttribute", "cuFuncSetAttribute", "cuFuncSetCacheConfig"]
  static let launches = ["cuLaunchKernel", "cuLaunchCooperativeKernel", "cuOccupancyMaxActiveBlocksPerMultiprocessor"]

  static let loadingMessage = "SYCL cannot load a kernel image (PTX, cubin, fatbin) at run time: compile the kernel's .cu into this program (cu2sycl migrates it) and call it directly"
  static let nvrtcMessage = "NVRTC compiles CUDA source to PTX at run time, which SYCL 2020 cannot load: compile the kernel's source into this program (cu2sycl migrates it) and call it directly"
  static let launchMessage = "launch the migrated kernel with parallel_for on the stream's queue instead, passing the values kernelParams points to"

  public init() {}

  public func apply(to context: MigrationContext) {
    let types: Set<String> = ["CUmodule", "CUfunction", "CUlinkState", "CUjit_option", "CUjitInputType", "CUfunction_attribute"]
    for i in context.pending({ e in
      let o = e.occurrence
      // NVRTC (run-time compilation of CUDA source to PTX, for cuModuleLoadData) is the same gap.
      if o.name.hasPrefix("nvrtc") { return true }
      switch o.kind {
      case .function: return Self.covers.contains(MigrationContext.driverName(o.name))
      case .type: return types.contains(o.name)
      case .constant: return o.name.hasPrefix("CU_JIT_") || o.name.hasPrefix("CU_FUNC_ATTRIBUTE_")
      default: return false
      }
    }) {
      let o = context.entries[i].occurrence
      if o.name.hasPrefix("nvrtc") {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.runtimeModule, message: Self.nvrtcMessage)
      } else if o.kind == .function, Self.launches.contains(MigrationContext.driverName(o.name)) {
        // The configuration and arguments inside the launch are part of the finding, not separate gaps.
        if let (_, file, range, _) = context.apiCall(context.entries[i]) {
          context.claim(i, .manual, rule: Self.id, warning: Warnings.runtimeLaunch, message: Self.launchMessage)
          context.claimAll(in: file, range, .manual, rule: Self.id)
        } else {
          context.claim(i, .manual, rule: Self.id, warning: Warnings.runtimeLaunch, message: Self.launchMessage)
        }
      } else if o.kind == .constant {
        // Options and attributes belong to the loading call they are passed to.
        context.claim(i, .manual, rule: Self.id)
      } else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.runtimeModule, message: Self.loadingMessage)
      }
    }
  }
}
