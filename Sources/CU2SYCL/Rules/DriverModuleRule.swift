import Clang

/// Driver-API modules. SYCL 2020 cannot load a kernel image (PTX, cubin, fatbin) at run time, so the
/// kernels a module held are compiled into the program instead: each extern "C" kernel whose name the
/// program writes as a string gets a launcher and a registration next to its definition
/// (ArgumentLaunchRule), `cuModuleLoad*` makes a module handle that reads nothing (W083 names the
/// migrated kernel files to link), `cuModuleGetFunction` looks the name up (CUDA_ERROR_NOT_FOUND when
/// absent) and `cuLaunchKernel` calls the launcher with `kernelParams` or the buffer packed in `extra`.
/// NVRTC, `cuModuleGetGlobal`, the linker and kernel attributes stay flagged (W080).
public struct DriverModuleRule: MigrationRule {
  public static let id = "driver-modules"
  public static let summary = "Turns driver-API modules into a registry of the kernels compiled into the program (cuModuleLoad*, cuModuleGetFunction, cuLaunchKernel); flags NVRTC and the linker."
  public static let covers = loading + launches + ["CUmodule", "CUfunction", "CUlinkState", "CUjit_option", "CUjitInputType", "CUfunction_attribute",
                                                   "CU_JIT_*", "CU_FUNC_ATTRIBUTE_*", "CU_LAUNCH_PARAM_*"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      int launch(const char *image, CUdeviceptr data, int n) {
        CUmodule module;
        CUfunction kernel;
        cuModuleLoadData(&module, image);
        if (cuModuleGetFunction(&kernel, module, "scale") != CUDA_SUCCESS) return 1;
        void *args[] = {&data, &n};
        cuLaunchKernel(kernel, (n + 255) / 256, 1, 1, 256, 1, 1, 0, 0, args, nullptr);
        cuModuleUnload(module);
        return 0;
      }

      """,
      sycl: """
      int launch(const char *image, cu2sycl::device_ptr data, int n) {
        cu2sycl::module_ptr module;
        cu2sycl::function_ptr kernel;
        // CU2SYCL-W083: SYCL cannot load a kernel image at run time: the module's kernels must come from their migrated source files, compiled into this program
        cu2sycl::load_module(&module);
        if (cu2sycl::get_function(&kernel, module, "scale") != 0) return 1;
        void *args[] = {&data, &n};
        cu2sycl::launch_kernel(kernel, (n + 255) / 256, 1, 1, 256, 1, 1, 0, 0, args, nullptr);
        cu2sycl::unload_module(module);
        return 0;
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda.h>
      extern "C" __global__ void add(float *out, float a, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) out[i] += a;
      }
      void run(CUfunction f, CUdeviceptr out, float a, int n) {
        // The packed form: each argument at the next offset aligned for its type.
        char buffer[32];
        size_t size = 0;
        *(CUdeviceptr *)&buffer[size] = out;
        size += sizeof(out);
        *(float *)&buffer[size] = a;
        size += sizeof(a);
        *(int *)&buffer[size] = n;
        size += sizeof(n);
        void *config[] = {CU_LAUNCH_PARAM_BUFFER_POINTER, buffer, CU_LAUNCH_PARAM_BUFFER_SIZE, &size, CU_LAUNCH_PARAM_END};
        cuLaunchKernel(f, (n + 127) / 128, 1, 1, 128, 1, 1, 0, nullptr, nullptr, config);
        const char *name = "add";
      }

      """,
      sycl: """
      extern "C" void add(float *out, float a, int n, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        if (i < n) out[i] += a;
      }

      // add launched with its arguments in an array (args[i] points to parameter i).
      void add_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
        float *out = *static_cast<float **>(args[0]);
        float a = *static_cast<float *>(args[1]);
        int n = *static_cast<int *>(args[2]);
        q.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
          add(out, a, n, item);
        });
      }
      // Found by name in a module (cu2sycl::get_function, for cuModuleGetFunction).
      static cu2sycl::kernel_registration<float *, float, int> add_registration("add", add_launcher);

      void run(cu2sycl::function_ptr f, cu2sycl::device_ptr out, float a, int n) {
        // The packed form: each argument at the next offset aligned for its type.
        char buffer[32];
        size_t size = 0;
        *(cu2sycl::device_ptr *)&buffer[size] = out;
        size += sizeof(out);
        *(float *)&buffer[size] = a;
        size += sizeof(a);
        *(int *)&buffer[size] = n;
        size += sizeof(n);
        void *config[] = {cu2sycl::launch_param_buffer_pointer, buffer, cu2sycl::launch_param_buffer_size, &size, cu2sycl::launch_param_end};
        cu2sycl::launch_kernel(f, (n + 127) / 128, 1, 1, 128, 1, 1, 0, nullptr, nullptr, config);
        const char *name = "add";
      }

      """),
    // Flagged (W080): a module global, which has no conversion.
    RuleExample(
      cuda: """
      #include <cuda.h>
      void set_scale(CUmodule module, float scale) {
        CUdeviceptr symbol;
        size_t bytes;
        cuModuleGetGlobal(&symbol, &bytes, module, "scale");
        cuMemcpyHtoD(symbol, &scale, sizeof(scale));
      }

      """,
      sycl: """
      void set_scale(cu2sycl::module_ptr module, float scale) {
        cu2sycl::device_ptr symbol;
        size_t bytes;
        // CU2SYCL-W080: SYCL 2020 has no counterpart of this module call (kernels are compiled into the program; cu2sycl converts module loads, cuModuleGetFunction and cuLaunchKernel written as plain calls): rewrite it by hand
        cuModuleGetGlobal(&symbol, &bytes, module, "scale");
        cu2sycl::default_queue().memcpy(symbol, &scale, sizeof(scale)).wait();
      }

      """),
    // Flagged (W081): a cooperative launch of a module's kernel.
    RuleExample(
      cuda: """
      #include <cuda.h>
      void run(CUfunction solver, CUdeviceptr grid, int n) {
        void *args[] = {&grid, &n};
        cuLaunchCooperativeKernel(solver, n / 128, 1, 1, 128, 1, 1, 0, 0, args);
      }

      """,
      sycl: """
      void run(cu2sycl::function_ptr solver, cu2sycl::device_ptr grid, int n) {
        void *args[] = {&grid, &n};
        // CU2SYCL-W081: a cooperative launch exists for grid-wide synchronization, which SYCL 2020 lacks: launch with cu2sycl::launch_kernel if the kernel does not synchronize the grid, else split it at each grid sync
        cuLaunchCooperativeKernel(solver, n / 128, 1, 1, 128, 1, 1, 0, 0, args);
      }

      """),
  ]

  static let loading = ["cuModuleLoad", "cuModuleLoadData", "cuModuleLoadDataEx", "cuModuleLoadFatBinary", "cuModuleUnload", "cuModuleGetFunction",
                        "cuModuleGetGlobal", "cuLinkCreate", "cuLinkAddData", "cuLinkAddFile", "cuLinkComplete", "cuLinkDestroy",
                        "cuFuncGetAttribute", "cuFuncSetAttribute", "cuFuncSetCacheConfig"]
  static let launches = ["cuLaunchKernel", "cuLaunchCooperativeKernel", "cuOccupancyMaxActiveBlocksPerMultiprocessor", "cuOccupancyMaxPotentialBlockSize"]

  static let loadingMessage = "SYCL 2020 has no counterpart of this module call (kernels are compiled into the program; cu2sycl converts module loads, cuModuleGetFunction and cuLaunchKernel written as plain calls): rewrite it by hand"
  static let nvrtcMessage = "NVRTC compiles CUDA source at run time, which SYCL 2020 cannot: migrate the kernel's source with cu2sycl, compile it into this program and look its kernels up with cu2sycl::get_function"
  static let launchMessage = "a cooperative launch exists for grid-wide synchronization, which SYCL 2020 lacks: launch with cu2sycl::launch_kernel if the kernel does not synchronize the grid, else split it at each grid sync"

  public init() {}

  /// The W083 message for a module load in `file`: the kernels it names (string literals of the file
  /// that name kernels), and the migrated files that define them elsewhere in the tree.
  static func moduleMessage(file: String, context: MigrationContext) -> String {
    guard let text = context.texts[file] else { return moduleMessagePrefix + "their migrated source files, compiled into this program" }
    var names: [String] = []
    var files: [String] = [], headers: [String] = []
    for literal in ProgramNames.stringLiterals(in: text.string) where !names.contains(literal) {
      if let defined = context.program.kernelFiles[literal] {
        names.append(literal)
        for f in defined where f != file {
          let out = (context.outputName(f) ?? f).split(separator: "/").last.map(String.init) ?? f
          // A kernel header (read by NVRTC at run time) is included by one source file instead.
          let isSource = ["cu", "cpp", "cc", "cxx"].contains(f.split(separator: ".").last.map(String.init) ?? "")
          if isSource, !files.contains(out) { files.append(out) }
          if !isSource, !headers.contains(out) { headers.append(out) }
        }
      }
    }
    let kernels = names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")"
    var sources: [String] = []
    if !files.isEmpty { sources.append((files.count == 1 ? "the migrated " : "the migrated files ") + files.joined(separator: ", ") + ", compiled into this program") }
    if !headers.isEmpty { sources.append((headers.count == 1 ? "the migrated header " : "the migrated headers ") + headers.joined(separator: ", ") + ", included by one source file of this program") }
    if sources.isEmpty { sources.append("their migrated source files, compiled into this program") }
    return "SYCL cannot load a kernel image at run time: the module's kernels\(kernels) must come from " + sources.joined(separator: " and ")
  }
  static let moduleMessagePrefix = "SYCL cannot load a kernel image at run time: the module's kernels must come from "

  public func apply(to context: MigrationContext) {
    convertModules(context)
    flagTheRest(context)
  }

  private func convertModules(_ context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.converted.contains(MigrationContext.driverName($0.occurrence.name)) }) {
      let o = context.entries[i].occurrence
      let name = MigrationContext.driverName(o.name)
      // Same arguments, same status: cu2sycl::get_function, launch_kernel, unload_module (also in a macro body).
      if let sycl = Self.renamed[name] {
        guard context.writtenName(context.entries[i]) == name, context.replaceWrittenName(i, with: sycl, rule: Self.id) else { continue }
        context.use(.modules, in: o.file)
        context.claim(i, .converted, rule: Self.id)
        continue
      }
      guard let (call, file, _, args) = context.apiCall(context.entries[i]) else { continue }
      switch name {
      case "cuModuleLoad", "cuModuleLoadData", "cuModuleLoadDataEx", "cuModuleLoadFatBinary":
        guard let module = args.first.flatMap({ context.source($0) }) else { continue }
        context.claimArguments(args.dropFirst(), rule: Self.id)
        guard context.replaceCall(call, with: [.text("cu2sycl::load_module("), module, .text(")")], yieldsStatus: true, rule: Self.id) else { continue }
        context.use(.modules, in: file)
        context.claim(i, .review, rule: Self.id, warning: Warnings.moduleFromProgram, message: Self.moduleMessage(file: file, context: context))
      case "cuOccupancyMaxPotentialBlockSize":
        guard args.count == 6, let grid = context.source(args[0]), let block = context.source(args[1]), let limit = context.writtenSource(args[5]) else { continue }
        context.claimArguments(args, rule: Self.id)
        guard context.replaceCall(call, with: [.text("cu2sycl::max_potential_block_size("), grid, .text(", "), block, .text(", "), limit, .text(")")],
                                  yieldsStatus: true, rule: Self.id) else { continue }
        context.use(.occupancy, in: file)
        context.claim(i, .converted, rule: Self.id)
      default:
        continue
      }
    }
    context.rename([.type], rule: Self.id, helpers: [.modules]) { ["CUmodule": "cu2sycl::module_ptr", "CUfunction": "cu2sycl::function_ptr"][$0] }
    context.rename([.macro, .constant], rule: Self.id, helpers: [.modules]) {
      ["CU_LAUNCH_PARAM_BUFFER_POINTER": "cu2sycl::launch_param_buffer_pointer", "CU_LAUNCH_PARAM_BUFFER_SIZE": "cu2sycl::launch_param_buffer_size",
       "CU_LAUNCH_PARAM_END": "cu2sycl::launch_param_end"][$0]
    }
  }

  static let renamed = ["cuModuleGetFunction": "cu2sycl::get_function", "cuLaunchKernel": "cu2sycl::launch_kernel", "cuModuleUnload": "cu2sycl::unload_module"]
  static let converted = Set(["cuModuleLoad", "cuModuleLoadData", "cuModuleLoadDataEx", "cuModuleLoadFatBinary", "cuOccupancyMaxPotentialBlockSize"])
    .union(renamed.keys)

  private func flagTheRest(_ context: MigrationContext) {
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
        let cooperative = MigrationContext.driverName(o.name) == "cuLaunchCooperativeKernel"
        let (warning, message) = cooperative ? (Warnings.runtimeLaunch, Self.launchMessage) : (Warnings.runtimeModule, Self.loadingMessage)
        context.claim(i, .manual, rule: Self.id, warning: warning, message: message)
        if let (_, file, range, _) = context.apiCall(context.entries[i]) { context.claimAll(in: file, range, .manual, rule: Self.id) }
      } else if o.kind == .constant {
        // Options and attributes belong to the loading call they are passed to.
        context.claim(i, .manual, rule: Self.id)
      } else {
        context.claim(i, .manual, rule: Self.id, warning: Warnings.runtimeModule, message: Self.loadingMessage)
      }
    }
  }
}
