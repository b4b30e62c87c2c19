/// Kernels launched through argument arrays (`cudaLaunchKernel`, `cuLaunchKernel`, graph kernel nodes)
/// and the driver API's modules, emitted into `cu2sycl/runtime.hpp`. SYCL 2020 compiles kernels into
/// the program, so a module is a handle and its kernels come from a registry their files fill.
enum ModuleRuntime {
  /// The launcher type (`k_launcher`, written next to each kernel launched through an argument array).
  static let launcher = """

    // A kernel launched through an argument array (cudaLaunchKernel, cuLaunchKernel, graph kernel nodes):
    // cu2sycl writes `k_launcher` next to the kernel `k`; it reads argument i as *static_cast<T *>(args[i])
    // and launches the kernel on the queue as `k<<<grid, block, shared_bytes>>>(...)` would be.
    using kernel_launcher = void (*)(sycl::queue &, cu2sycl::dim3, cu2sycl::dim3, std::size_t, void **);

    """

  static let modules = """

    // Driver-API modules. SYCL 2020 cannot load a kernel image (PTX, cubin, fatbin) at run time: the
    // kernels are compiled into the program, and each kernel the program looks up by name registers its
    // launcher here (a kernel_registration next to the kernel). A module is a handle; cuModuleGetFunction
    // looks the name up in the registry.
    struct kernel_function {
      kernel_launcher launch;
      // Size and alignment of each parameter, to unpack a CU_LAUNCH_PARAM_BUFFER_POINTER buffer.
      std::vector<std::pair<std::size_t, std::size_t>> layout;
    };
    using function_ptr = const kernel_function *;
    struct module {};
    using module_ptr = module *;
    namespace detail {
    inline std::map<std::string, kernel_function> &kernel_registry() {
      static std::map<std::string, kernel_function> registry;
      return registry;
    }
    }  // namespace detail
    // `static cu2sycl::kernel_registration<P...> r("k", k_launcher);` makes kernel k (parameters P...)
    // available to cu2sycl::get_function by name.
    template <typename... Parameters> struct kernel_registration {
      kernel_registration(const char *name, kernel_launcher launch) {
        detail::kernel_registry()[name] = kernel_function{launch, {{sizeof(Parameters), alignof(Parameters)}...}};
      }
    };
    // The image is not read: the kernels it held are compiled into the program.
    inline int load_module(module_ptr *m) {
      *m = new module;
      return 0;
    }
    inline int unload_module(module_ptr m) {
      delete m;
      return 0;
    }
    // CUDA_ERROR_NOT_FOUND (500) for a name no kernel compiled into the program registered.
    inline int get_function(function_ptr *f, module_ptr, const char *name) {
      auto found = detail::kernel_registry().find(name);
      if (found == detail::kernel_registry().end()) return 500;
      *f = &found->second;
      return 0;
    }
    // cuLaunchKernel's `extra` keys (CU_LAUNCH_PARAM_*).
    inline void *const launch_param_end = nullptr;
    inline void *const launch_param_buffer_pointer = reinterpret_cast<void *>(1);
    inline void *const launch_param_buffer_size = reinterpret_cast<void *>(2);
    // cuLaunchKernel: the arguments come from `params`, else from the buffer packed in `extra` (each
    // argument at the next offset aligned for its type). CUDA_ERROR_INVALID_VALUE (1) when neither gives
    // them, CUDA_ERROR_INVALID_HANDLE (400) for no function.
    inline int launch_kernel(function_ptr f, unsigned int grid_x, unsigned int grid_y, unsigned int grid_z, unsigned int block_x,
                             unsigned int block_y, unsigned int block_z, unsigned int shared_bytes, queue_ptr stream, void **params,
                             void **extra) {
      if (!f) return 400;
      std::vector<std::max_align_t> storage;
      std::vector<void *> unpacked;
      if (!params && extra) {
        const char *buffer = nullptr;
        for (void **p = extra; *p != launch_param_end; p += 2) {
          if (*p == launch_param_buffer_pointer) buffer = static_cast<const char *>(p[1]);
          else if (*p != launch_param_buffer_size) return 1;
        }
        if (!buffer) return 1;
        std::vector<std::size_t> offsets;
        std::size_t end = 0;
        for (const auto &[size, alignment] : f->layout) {
          end = (end + alignment - 1) / alignment * alignment;
          offsets.push_back(end);
          end += size;
        }
        // Copied to aligned storage: the program's buffer need not be aligned for the parameters' types.
        storage.resize((end + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t));
        std::memcpy(storage.data(), buffer, end);
        for (std::size_t offset : offsets) unpacked.push_back(reinterpret_cast<char *>(storage.data()) + offset);
        params = unpacked.data();
      }
      if (!params && !f->layout.empty()) return 1;
      f->launch(queue(stream), dim3(grid_x, grid_y, grid_z), dim3(block_x, block_y, block_z), shared_bytes, params);
      return 0;
    }

    """

  /// cuda-samples' `helper_cuda_drvapi.h` (after helper_cuda.h's replacement, outside the namespace).
  static let helperCudaDriver = """

    // cuda-samples' helper_cuda_drvapi.h, for SYCL: CUDA devices are SYCL's (see helper_cuda.h above).
    #include <sstream>
    #include <string>
    inline int gpuDeviceInitDRV(int argc, const char **argv) { return findCudaDevice(argc, argv); }
    inline int gpuGetMaxGflopsDeviceIdDRV() { return 0; }
    inline int findCudaDeviceDRV(int argc, const char **argv) { return findCudaDevice(argc, argv); }
    inline int findIntegratedGPUDrv() { return findIntegratedGPU(); }
    inline bool checkCudaCapabilitiesDRV(int, int, int) { return true; }
    inline int _ConvertSMVer2CoresDRV(int, int) { return 64; }
    // No kernel image is read (see cu2sycl::load_module): the kernels are compiled into the program. The
    // stream receives the file's name, so code that checks for an empty image goes on.
    inline bool findFatbinPath(const char *module_file, std::string &module_path, char **, std::ostringstream &ostrm) {
      module_path = module_file;
      ostrm << module_file;
      return true;
    }

    """

  /// cuda-samples' `nvrtc_helper.h`.
  static let nvrtcHelper = """

    // cuda-samples' nvrtc_helper.h, for SYCL: nothing is compiled at run time. cu2sycl migrated the
    // kernel's source file; compiled into this program, its kernels are found by name through the module
    // (cu2sycl::get_function). The "cubin" is an empty placeholder.
    inline void compileFileToCUBIN(char *, int, char **, char **cubinResult, size_t *cubinResultSize, int) {
      *cubinResult = new char[1]();
      *cubinResultSize = 0;
    }
    inline cu2sycl::module_ptr loadCUBIN(char *, int argc, char **argv) {
      findCudaDeviceDRV(argc, const_cast<const char **>(argv));
      cu2sycl::module_ptr module;
      cu2sycl::load_module(&module);
      return module;
    }

    """
}
