/// Stable warning ids written as `// CU2SYCL-Wnnn: reason` and listed in reports (`cu2sycl explain Wnnn`).
public struct WarningKind: Sendable, Hashable, Codable {
  public let id: String
  public let title: String
  /// How much work one finding is for a person (Docs/Coverage.md, "Effort").
  public let effort: Effort
  /// What it means, why, and what a person should do.
  public let explanation: String
}

public enum Warnings {
  public static let unsupported = WarningKind(
    id: "W001", title: "CUDA construct not converted", effort: .high,
    explanation: "No cu2sycl rule converts this CUDA construct yet. It is left as written and counted as unsupported; rewrite it with the SYCL 2020 equivalent by hand.")
  public static let macroBody = WarningKind(
    id: "W002", title: "CUDA construct inside a macro body", effort: .medium,
    explanation: "The construct is produced by a macro whose body cu2sycl cannot restructure safely. Expand the macro by hand or rewrite its body in SYCL.")
  public static let sharedSize = WarningKind(
    id: "W003", title: "shared memory size not known at the launch", effort: .medium,
    explanation: "A __shared__ array's size uses names that are not visible where the kernel is launched (local constants or deduced template parameters), so the local_accessor could not be created there. Create it by hand with the right size.")
  public static let stream = WarningKind(
    id: "W004", title: "launch on a stream runs on the default queue", effort: .low,
    explanation: "The launch's stream argument is produced by a macro that cu2sycl cannot rewrite, so the kernel runs on the default in-order queue. Results are the same (the default queue waits for the streams' earlier work), but work that overlapped on different streams no longer does: submit it to cu2sycl::queue(stream) by hand.")
  public static let dim3Use = WarningKind(
    id: "W005", title: "dim3 used in a way cu2sycl cannot convert", effort: .low,
    explanation: "dim3 converts everywhere (a local launch configuration to sycl::range<N>, every other use to cu2sycl::dim3, which launches turn into cu2sycl::range<N>); this one is spelled through a macro cu2sycl cannot rewrite, or sets a dimension its range lacks. Write cu2sycl::dim3 there, or give the sycl::range<N> that dimension by hand (SYCL's last dimension is CUDA's x).")
  public static let conflict = WarningKind(
    id: "W006", title: "overlapping rewrites", effort: .medium,
    explanation: "Two rewrites touched the same code, so one was not applied. This is a cu2sycl bug; please report it with the input. The code shown is only partly converted.")
  public static let deviceVariable = WarningKind(
    id: "W007", title: "device variable not converted", effort: .medium,
    explanation: "A __device__, __constant__ or __managed__ variable is declared extern (separate compilation) or could not be read, or a symbol copy names something cu2sycl did not convert. Make it a USM allocation (cu2sycl::allocate_symbol) and pass it to the kernels that use it, as cu2sycl does for the variables it converts.")
  public static let hostDeviceItem = WarningKind(
    id: "W008", title: "host-device function needs the work-item", effort: .medium,
    explanation: "A __host__ __device__ function reads built-in variables or uses barriers, so it now takes the nd_item, and host callers cannot call it. Split it into a host and a device version.")
  public static let parseError = WarningKind(
    id: "W009", title: "file has parse errors", effort: .high,
    explanation: "clang reported errors in this file, so parts of it may not be understood. Fix the errors (or pass the right -I/-D flags with --extra-arg) and migrate again.")
  public static let subGroupSize = WarningKind(
    id: "W010", title: "warp size assumed", effort: .low,
    explanation: "warpSize became the sub-group size, which SYCL devices choose (often 8, 16 or 32; not always 32). Code that only uses it for index arithmetic is fine; code that assumes 32 lanes (masks, shuffles, fixed-size arrays) must be checked.")
  public static let devicePrintf = WarningKind(
    id: "W011", title: "printf in device code", effort: .low,
    explanation: "SYCL 2020 has no printf in kernels; cu2sycl writes device printf to a sycl::stream (the kernel's `stream` parameter) with << and stream manipulators. This printf uses its result or a conversion with no stream equivalent (%n, * widths, a format that is not a string literal): write the output to the stream by hand.")
  public static let clock = WarningKind(
    id: "W012", title: "device clock", effort: .medium,
    explanation: "clock() and clock64() read a per-multiprocessor cycle counter that SYCL does not expose. Time kernels from the host (sycl::event profiling or std::chrono) instead.")
  public static let inlineAssembly = WarningKind(
    id: "W013", title: "inline PTX assembly", effort: .high,
    explanation: "PTX assembly only runs on NVIDIA GPUs. Rewrite it with SYCL built-ins (group algorithms, atomics, math functions) that express the same operation.")
  public static let dynamicParallelism = WarningKind(
    id: "W014", title: "kernel launch from device code", effort: .high,
    explanation: "A kernel that launches kernels (dynamic parallelism) has no SYCL equivalent: a SYCL kernel cannot submit work. Restructure: launch the child work from the host after the parent kernel, or merge it into the parent.")
  public static let deviceHeap = WarningKind(
    id: "W015", title: "heap allocation in device code", effort: .high,
    explanation: "malloc() and free() in CUDA device code use a device-side heap that SYCL 2020 does not have. Allocate the memory on the host before the launch (sycl::malloc_device, sized for all work-items) and pass it to the kernel.")
  public static let deviceProperty = WarningKind(
    id: "W016", title: "device property SYCL does not report", effort: .low,
    explanation: "SYCL devices do not report this CUDA property (compute capability, registers, grid limits, PCI location, ...), so cu2sycl::device_prop holds a documented stand-in. Check what the program decides with it: a compute-capability test usually guards a CUDA feature, so ask instead whether the SYCL device has the aspect the code needs (sycl::device::has).")
  public static let arrayLaunch = WarningKind(
    id: "W017", title: "launch through an argument array", effort: .medium,
    explanation: "cudaLaunchKernel and cudaLaunchCooperativeKernel pass the kernel's arguments as an array of pointers. cu2sycl converts them when the kernel is named in the call (it calls the kernel's launcher, k_launcher); this one launches a kernel it cannot identify (a function pointer or a void * variable), or is a cooperative launch of a kernel that synchronizes the whole grid, which SYCL 2020 does not have. Name the kernel in the call (cudaLaunchKernel((void *)k, ...)) and migrate again, or split the kernel at each grid sync and launch the parts one after another.")
  public static let graph = WarningKind(
    id: "W018", title: "CUDA graph feature without a conversion", effort: .high,
    explanation: "cu2sycl replays CUDA graphs as ordinary queue submissions (cu2sycl::graph in cu2sycl/runtime.hpp: kernel, memcpy, memset, host, child-graph, empty and event nodes, stream capture, instantiation, update and launch). This part of the graph API (memory-allocation or conditional nodes, capture queries, node removal, user objects, ...) has none: submit the work it stands for to the queue directly each time the graph would be launched (an in-order queue keeps its order), or use the sycl_ext_oneapi_graph extension where the SYCL implementation has it.")
  public static let inactiveDeviceCode = WarningKind(
    id: "W065", title: "device code under __CUDA_ARCH__ not parsed", effort: .medium,
    explanation: "cu2sycl parses CUDA as host code (as clang's host compilation sees it), where __CUDA_ARCH__ is not defined, so the branches that only the device compilation takes (#ifdef __CUDA_ARCH__, #if __CUDA_ARCH__ >= 700, the #else of #ifndef __CUDA_ARCH__) are skipped: their code is copied as written, and each CUDA name in it counts as a manual occurrence. The directive itself becomes __SYCL_DEVICE_ONLY__ (or CU2SYCL_CUDA_ARCH), so the SYCL device compilation takes that branch with its CUDA code: rewrite it in SYCL by hand (the host branch next to it, which cu2sycl did convert, shows how), or, when both branches compute the same thing, keep only the converted one. A branch that only serves old GPUs (an atomicAdd for double before __CUDA_ARCH__ 600, say) that the SYCL compilation never takes (CU2SYCL_CUDA_ARCH is 800) can simply go.")
  public static let streamPriority = WarningKind(
    id: "W066", title: "stream priority not applied", effort: .low,
    explanation: "SYCL 2020 queues have no priorities, so a stream created with a priority (cudaStreamCreateWithPriority) or given one (cudaStreamSetAttribute with cudaStreamAttributePriority) runs at the default priority. cu2sycl's device reports no stream priorities, as CUDA does for a GPU without them: cudaDeviceGetStreamPriorityRange gives 0 and 0, cudaStreamGetPriority 0, and streamPrioritiesSupported is 0. Results are the same; work that relied on a high-priority stream to overtake other streams' work (latency-critical kernels) no longer does: check whether that timing matters, and if so order the work explicitly (submit it first, or wait for it).")
  public static let cudaVersion = WarningKind(
    id: "W067", title: "CUDA version is a stand-in", effort: .low,
    explanation: "The migrated program runs on SYCL, without a CUDA driver or runtime, so cudaRuntimeGetVersion and cudaDriverGetVersion (and cuDriverGetVersion) give the version of the CUDA declarations cu2sycl parsed the code with: the same number CUDART_VERSION became, so version tests in code and in preprocessor conditionals agree. Printing it (deviceQuery) is harmless; a test that refuses to run below some version passes. Check what else the program decides with it; the SYCL implementation's own version is sycl::device::get_info<sycl::info::device::driver_version>() and sycl::info::device::version.")
  public static let variadicItem = WarningKind(
    id: "W064", title: "nd_item position in a variadic call", effort: .low,
    explanation: "A variadic template kernel or device function (template <typename... T> ... f(int n, T... p)) takes the nd_item, its local memory and device variables right before its parameter pack, where calls still deduce the pack (a pack that is not the last parameter is never deduced). cu2sycl inserts them after the arguments of the parameters before the pack; in this call those arguments come from a pack expansion themselves (f(args...)), so it cannot tell where that is. Pass the item (and what the message lists) at that position by hand.")
  public static let captureRegion = WarningKind(
    id: "W100", title: "stream capture region not converted", effort: .medium,
    explanation: "cu2sycl converts a stream capture when cudaStreamBeginCapture and cudaStreamEndCapture on the same stream are statements of the same block: the statements between them become a function recorded into the graph (cu2sycl::capture_stream) and run at each launch. This one is left as written for the reason given (the two calls are in different blocks or functions, code in the region leaves it with return/break/continue/goto, a variable declared in the region is used after it or has its address taken). Restructure the code so the region is one block whose variables are declared before it, and migrate again.")
  public static let captureHostCode = WarningKind(
    id: "W101", title: "host code inside a captured region runs at every launch", effort: .low,
    explanation: "CUDA runs the host code between cudaStreamBeginCapture and cudaStreamEndCapture once, while capturing, and records only the stream work. Here the whole region is a function that runs at each cudaGraphLaunch, so the marked host code (calls of host functions, writes to variables declared outside the region) runs at every launch too. Move it before cudaStreamBeginCapture or after cudaStreamEndCapture if it must run once. The same finding marks a region that refers to local variables by reference (their address is taken or they are written) while its graph leaves the function: the graph must only be launched while those variables exist.")
  public static let captureNodeCount = WarningKind(
    id: "W102", title: "captured region counts as one graph node", effort: .low,
    explanation: "A captured region is recorded as a single node (the function that submits its work), so cudaGraphGetNodes/GetRootNodes report one node where CUDA reports one per kernel, copy, memset and host function captured. Check what the program does with the count (printing it is harmless).")
  public static let kernelNodeArguments = WarningKind(
    id: "W103", title: "kernel node arguments are read at launch", effort: .low,
    explanation: "CUDA copies a kernel node's argument values when the node is added (or its parameters set). Here the node keeps the kernelParams array and its launcher reads the values it points to each time the graph runs: keep the array and the variables it points to alive and unchanged while the graph is used, or the launch reads the new values (or freed memory). The launcher `func` comes from `(void *)kernel`, converted into the kernel's argument-array launcher.")

  public static let interop = WarningKind(
    id: "W019", title: "graphics interop", effort: .high,
    explanation: "CUDA's interoperability with EGL, Direct3D, VDPAU and Vulkan (graphics resources, external memory and semaphores) has no SYCL 2020 equivalent (OpenGL buffers are converted through staging copies, see the gl-interop rule). Share the data through host memory (read it from the graphics API, copy it to the device, and back), or use the interop of the SYCL backend in use (for example the sycl_ext_oneapi_bindless_images extension for external memory on oneAPI).")
  public static let glImage = WarningKind(
    id: "W105", title: "OpenGL texture or renderbuffer mapped as a CUDA array", effort: .high,
    explanation: "cu2sycl converts OpenGL buffer objects registered with cudaGraphicsGLRegisterBuffer (a staging copy in cu2sycl/gl_interop.hpp), but not textures and renderbuffers registered with cudaGraphicsGLRegisterImage and mapped as arrays (cudaGraphicsSubResourceGetMappedArray). Exchange the image through a pixel buffer object instead: register a buffer of the image's size, write (or read) it in the kernel through cudaGraphicsResourceGetMappedPointer, and copy it into the texture with glBindBuffer(GL_PIXEL_UNPACK_BUFFER) + glTexSubImage2D (out of it with GL_PIXEL_PACK_BUFFER + glGetTexImage); or read the texture with glGetTexImage into host memory and copy that into a cu2sycl::texture_array_t.")
  public static let sharedOutsideKernel = WarningKind(
    id: "W095", title: "shared memory outside a kernel", effort: .medium,
    explanation: "A __shared__ variable declared at file scope, or inside a function cu2sycl does not follow (a conversion operator such as cuda-samples' SharedMemory<T>), belongs to no kernel cu2sycl can see, so it cannot become a local_accessor created at the launch. Declare it inside the kernel that uses it (cu2sycl then converts it), or create a sycl::local_accessor at the launch and pass its pointer to the kernel.")

  public static let halfRounding = WarningKind(
    id: "W050", title: "half conversion rounds to nearest", effort: .low,
    explanation: "The CUDA conversion asks for a directed rounding (_rz toward zero, _rd down, _ru up); the SYCL conversion (sycl::half(x), cu2sycl::bfloat16(x)) rounds to nearest even, so the last bit can differ. Where the rounding direction matters, convert with sycl::vec<float, 1>(x).convert<sycl::half, sycl::rounding_mode::rtz>() (or rtn/rtp) instead.")
  public static let bfloat16Pair = WarningKind(
    id: "W051", title: "bfloat16 pair not converted", effort: .medium,
    explanation: "__nv_bfloat162 and its intrinsics are not converted: SYCL 2020 has no bfloat16 (sycl::vec cannot hold cu2sycl::bfloat16). Use two cu2sycl::bfloat16 values, or sycl::float2 for the arithmetic, and convert each lane with cu2sycl::bfloat16(x).")
  public static let halfIntrinsic = WarningKind(
    id: "W052", title: "half intrinsic not converted", effort: .medium,
    explanation: "This half-precision intrinsic has no direct SYCL 2020 equivalent with the same semantics (NaN propagation, per-lane results as half values, or an argument that would be evaluated twice). The message says how to write it with sycl::half operators and built-ins.")


  public static let randomSequence = WarningKind(
    id: "W060", title: "same distribution, different sequence than cuRAND's generator", effort: .low,
    explanation: "The cuRAND state now draws from cu2sycl's Philox4x32-10 (cu2sycl/runtime.hpp): the distributions are cuRAND's (uniform in (0, 1], normal, log-normal), seeds, subsequences, offsets and skip-ahead keep their meaning, and the states stay plain values in device memory. But cuRAND's XORWOW and MRG32k3a sequences are not reproduced, and Philox values are not verified bit for bit against cuRAND, so results that depend on the exact random numbers (a fixed-seed reference output, a test that compares with CUDA's numbers) will differ. Statistical results agree within their sampling error. Check that nothing compares against CUDA's exact numbers, or regenerate those references.")
  public static let randomUnsupported = WarningKind(
    id: "W061", title: "cuRAND generator or distribution not converted", effort: .medium,
    explanation: "This cuRAND device generator or distribution has no plain-SYCL equivalent in cu2sycl. Sobol (and scrambled Sobol) states need direction vectors from the cuRAND host API: implement the Gray-code Sobol recurrence (x ^= v[ctz(~i)], scaled by 2^-32) over the same direction vectors, or use a pseudo-random state if the quasi-random ordering is not essential. MTGP32 states come from host-built kernel parameters: switch to curandStatePhilox4_32_10_t (converted). Poisson and discrete distributions: build them on cu2sycl::rand_uniform (e.g. inversion for small lambda, the transformed rejection method for large).")

  public static let textureManual = WarningKind(
    id: "W062", title: "texture feature not emulated", effort: .high,
    explanation: "cu2sycl converts texture objects, CUDA arrays (1-D, 2-D, 3-D, layered, cube maps; runtime and driver API) and surfaces to software textures in cu2sycl/runtime.hpp (plain SYCL 2020: USM memory sampled in the kernel as CUDA's texture units do). Mipmaps (mipmapped arrays, tex*Lod, tex*Grad), texture gather and resource views have no software equivalent there and are left as written. The message says how to express the access with the converted helpers.")
  public static let textureSetting = WarningKind(
    id: "W063", title: "texture setting not applied", effort: .low,
    explanation: "The texture descriptor field is kept in cu2sycl::texture_desc, so the code compiles, but the software textures do not apply it (sRGB conversion, anisotropic filtering, mipmap selection, seamless cube maps). Results differ only if the setting mattered for this texture; check it.")
  public static let runtimeModule = WarningKind(
    id: "W080", title: "kernel loaded at run time", effort: .high,
    explanation: "The driver API can load kernels from PTX, cubin or fatbin images at run time and NVRTC compiles CUDA source to such images. SYCL 2020 can do neither: its kernels are compiled into the program. cu2sycl converts modules whose kernels are looked up by name (cuModuleLoad*, cuModuleGetFunction, cuLaunchKernel: see W083); what it flags with W080 has no such conversion: NVRTC calls (nvrtcCreateProgram, nvrtcCompileProgram, nvrtcGetPTX, ...: the program generates source text at run time, which a translator cannot see), cuModuleGetGlobal, the linker (cuLink*) and kernel attribute calls. Migrate the kernel's source with cu2sycl, compile it into this program and call it (or look it up with cu2sycl::get_function); then remove the code that builds or loads the image.")
  public static let runtimeLaunch = WarningKind(
    id: "W081", title: "launch of a kernel loaded at run time", effort: .medium,
    explanation: "cuLaunchCooperativeKernel launches a module's kernel so that the whole grid can synchronize, which SYCL 2020 does not have. Launch it with cu2sycl::launch_kernel (cuLaunchKernel's conversion) if the kernel does not synchronize the grid, or split the kernel at each grid sync.")
  public static let driverAttribute = WarningKind(
    id: "W082", title: "device attribute not converted", effort: .medium,
    explanation: "cuDeviceGetAttribute asks for an attribute that cu2sycl::device_prop does not hold (TCC driver, L1 cache support, virtual memory management, IPC handle types, ...), or for one that is not a constant, so the call is left as written. Decide what the program needs from the answer and ask the SYCL device directly (sycl::device::get_info or sycl::device::has with an aspect), or use cu2sycl::device_properties(device) and the field that holds the attribute.")


  public static let vector3Layout = WarningKind(
    id: "W030", title: "3-component vector has 4 elements' size", effort: .low,
    explanation: "sycl::vec<T, 3> (sycl::float3, sycl::int3, ...) has the size and alignment of sycl::vec<T, 4>: sycl::float3 is 16 bytes, CUDA's float3 is 12 bytes aligned to 4. Arrays of 3-component vectors allocated and copied with sizeof of the vector type stay correct, but code that reinterprets their memory as scalars (or scalars as vectors), copies them with a byte count written from the scalar size (n * 3 * sizeof(float)), or reads and writes them as raw bytes (files, other programs' buffers) now misplaces every element after the first. Convert the data at that boundary (copy element by element, or keep it as scalars), or store it as sycl::marray<T, 3>, which is exactly 3 elements.")
  public static let vectorOperator = WarningKind(
    id: "W031", title: "user operator on vector types", effort: .medium,
    explanation: "sycl::vec already defines element-wise arithmetic, compound assignment, comparison and logical operators (with vectors and with scalars of its element type). A user definition of the same operator for sycl::vec arguments (helper_math.h style) makes every use ambiguous. If the definition is element-wise, remove it; otherwise rename it and call it by name.")


  public static let partialMask = WarningKind(
    id: "W040", title: "warp mask is not the whole warp", effort: .medium,
    explanation: "A warp function (__shfl_*_sync, __ballot_sync, __any_sync, __all_sync, __syncwarp) names only some lanes in its mask, or a mask cu2sycl cannot evaluate. The SYCL sub-group operation it became involves every work-item of the sub-group, and the mask is gone. Check that every lane of the warp reaches the call (no divergence around it) and that lanes outside the mask do not change the result; otherwise restructure the code so the whole sub-group takes part.")
  public static let groupSize = WarningKind(
    id: "W041", title: "group SYCL does not have", effort: .medium,
    explanation: "SYCL 2020 has two groups inside a kernel: the work-group and the sub-group (32 work-items in kernels migrated from warp code). cu2sycl maps tiles of 1 to 32 lanes into the sub-group and a run-time thread_group to cu2sycl::thread_group (thread_rank, size, sync). This group is outside that: a tile wider than the sub-group (thread_block_tile<64>, block_tile_memory), a tile whose size is not a constant (a template parameter, tiled_partition(block, n) with a variable n), a scan over a tile narrower than the sub-group, an operation cu2sycl::thread_group does not have, a group whose type is a template parameter its callers disagree on, or a binary/labeled partition. Use the work-group with local memory for wide tiles, a constant tile size, or lane arithmetic (lane / size, lane % size) with sycl::select_from_group on item.get_sub_group().")
  public static let gridSync = WarningKind(
    id: "W042", title: "grid-wide synchronization", effort: .high,
    explanation: "this_grid() and grid.sync() need CUDA's cooperative launch, which has no SYCL 2020 equivalent: work-groups of one kernel cannot wait for each other. Split the kernel at each grid.sync() into separate kernels launched one after the other on the same in-order queue (the launch boundary is the grid-wide barrier), keeping state that crosses the barrier in device memory.")
  public static let activeMask = WarningKind(
    id: "W043", title: "active mask is the whole sub-group", effort: .low,
    explanation: "__activemask() became the mask of every work-item of the sub-group. In CUDA it names only the lanes that are converged at the call; inside divergent code (an if that only some lanes take) the SYCL value has more bits set. Check how the mask is used.")
  public static let coalescedGroup = WarningKind(
    id: "W044", title: "coalesced group", effort: .medium,
    explanation: "coalesced_threads() and coalesced_group are the lanes of a warp that happen to be converged at run time. SYCL has no group defined by divergence. Restructure the code so that the whole sub-group calls the collective (move it out of the divergent branch, passing the predicate as data), then use item.get_sub_group().")
  public static let groupOperator = WarningKind(
    id: "W045", title: "group reduction with a user operator", effort: .medium,
    explanation: "SYCL's reduce_over_group and scans accept only SYCL function objects (sycl::plus, sycl::multiplies, sycl::minimum, sycl::maximum, sycl::bit_and, sycl::bit_or, sycl::bit_xor, sycl::logical_and, sycl::logical_or), not lambdas or user functors. Express the operation with one of them, or reduce by hand with sycl::shift_group_left / permute_group_by_xor.")


  public static let registeredMemory = WarningKind(
    id: "W070", title: "registered host memory is not device-accessible", effort: .low,
    explanation: "cudaHostRegister with cudaHostRegisterMapped (or flags cu2sycl cannot read) makes existing host memory readable by kernels. SYCL 2020 cannot register memory it did not allocate, so the call is removed: copies from that memory still work, but a kernel that reads it through the pointer cudaHostGetDevicePointer returned reads host memory the device may not reach (it works on CPU devices and on devices with the usm_system_allocations aspect). Allocate the memory with sycl::malloc_host (cudaHostAlloc) instead, or copy it to device memory before the kernel.")
  public static let freeMemory = WarningKind(
    id: "W071", title: "free device memory is a stand-in", effort: .low,
    explanation: "SYCL 2020 reports a device's total global memory (info::device::global_mem_size) but not how much of it is free, so cudaMemGetInfo's free size is the total. Code that sizes its work by the free memory may allocate more than is available: leave headroom (for example a fraction of the total), or query the implementation (DPC++: ext::intel::info::device::free_memory, an extension).")
  public static let peerCopy = WarningKind(
    id: "W072", title: "copy between devices on one queue", effort: .low,
    explanation: "The peer copy runs on the current device's queue; all devices share one context in cu2sycl's runtime, so the pointers are valid there. SYCL 2020 only promises that a device reaches its own device allocations: when source and destination belong to different devices, check that the implementation copies between them (DPC++ does), or stage the copy through host memory (two copies).")
  public static let interprocessMemory = WarningKind(
    id: "W073", title: "device memory shared between processes", effort: .high,
    explanation: "CUDA can hand device memory to another process (cudaIpcGetMemHandle/cudaIpcOpenMemHandle, or a memory pool exported with cudaMemPoolExportToShareableHandle and its allocations with cudaMemPoolExportPointer). SYCL 2020 has no inter-process memory: a USM pointer means nothing in another process. The call is left as written. Keep the work in one process (threads, one queue per device), or share the data through the operating system: put it in shared memory (shm_open/mmap, the segment these programs already use for their handles), copy device results there with q.memcpy, and let the other process copy it in. The handle types (cu2sycl::ipc_mem_handle, mem_pool_ptr_export_data) keep their CUDA size so surrounding code still compiles.")
  public static let interprocessEvent = WarningKind(
    id: "W074", title: "event shared between processes", effort: .high,
    explanation: "cudaIpcGetEventHandle/cudaIpcOpenEventHandle let another process wait for work recorded in this one. SYCL 2020 events cannot leave their process, so the call is left as written. Synchronize the processes through the operating system instead: finish the work (q.wait()) and then signal the other process (a process-shared semaphore or barrier, a pipe), or keep the work in one process, where cu2sycl::wait_event orders queues.")
  public static let poolUsage = WarningKind(
    id: "W075", title: "memory pool usage is not reported", effort: .low,
    explanation: "SYCL 2020 does not report how much memory an allocator holds or hands out, and cu2sycl's pools keep nothing back (every free returns memory at once), so cudaMemPoolAttrReservedMemCurrent/High and UsedMemCurrent/High read 0. Code that prints or checks these sizes needs its own accounting (add up the sizes it allocates from the pool).")
  public static let streamAttribute = WarningKind(
    id: "W076", title: "stream attributes are not kept", effort: .low,
    explanation: "cudaStreamSetAttribute only sets performance hints (an L2 access policy window, a priority, a synchronization policy) that SYCL 2020 has no way to apply, so cu2sycl drops them and cudaStreamGetAttribute reads an empty value (no window, priority 0). Code that reads back an attribute it set expecting its value needs to keep that value itself.")

  public static let roundingMode = WarningKind(
    id: "W020", title: "rounding mode has no SYCL equivalent", effort: .medium,
    explanation: "The intrinsic rounds toward zero, up or down (_rz, _ru, _rd). SYCL 2020 has no control over the rounding mode of arithmetic or of integer-to-floating conversions, so it is left as written. If the direction does not matter, use the _rn form (which cu2sycl converts to plain C++ arithmetic or a cast); interval arithmetic and similar code must emulate the rounding (for example with sycl::nextafter on the round-to-nearest result).")
  public static let noMathEquivalent = WarningKind(
    id: "W021", title: "math function has no SYCL built-in", effort: .medium,
    explanation: "SYCL 2020 has no built-in for this CUDA math function (inverse error functions, Bessel functions, erfcx, normcdfinv, array norms). It is left as written: implement it in plain SYCL (a rational approximation or a library's device function) and call that.")
  public static let atomicType = WarningKind(
    id: "W022", title: "atomic operation on a type sycl::atomic_ref does not support", effort: .medium,
    explanation: "sycl::atomic_ref works on int, unsigned int, long, unsigned long, long long, unsigned long long, float, double and pointers. An atomic on another type (a 16-bit atomicCAS, say) is left as written: widen the data to 32 bits, or emulate it with a compare-exchange loop on the enclosing 32-bit word.")


  public static let moduleFromProgram = WarningKind(
    id: "W083", title: "module kernels come from the program", effort: .low,
    explanation: "SYCL 2020 cannot load a kernel image (PTX, cubin, fatbin) at run time, so cuModuleLoad*/cuModuleLoadData/loadCUBIN become cu2sycl::load_module, which reads nothing: cu2sycl::get_function (cuModuleGetFunction) finds the kernels by name in a registry filled by the migrated kernel files, where each extern \"C\" kernel whose name appears as a string literal in the migrated tree gets a launcher and a cu2sycl::kernel_registration. Compile and link the migrated kernel file(s) the comment names into this program (before, they were built separately into the image). A name no linked file registers gives CUDA_ERROR_NOT_FOUND (500) at run time. Code that only finds or reads the image file can be removed.")
  public static let templateArrayLaunch = WarningKind(
    id: "W084", title: "kernel used through an argument array without a launcher", effort: .medium,
    explanation: "The kernel is used as a value (cudaLaunchKernel((void *)k, ...), a graph node's func), but cu2sycl cannot write its launcher (k_launcher, which reads each parameter back from the argument array): it is a template named without its template arguments, or it has a parameter pack or a reference parameter, whose values an argument array does not describe. Name the template's arguments (k<float, 256>) and migrate again, or launch the kernel with <<<>>>.")
  public static let all: [WarningKind] = [unsupported, macroBody, sharedSize, stream, dim3Use, conflict, deviceVariable, hostDeviceItem, parseError, subGroupSize, devicePrintf, clock, inlineAssembly, dynamicParallelism, deviceHeap, deviceProperty, arrayLaunch, graph, interop, glImage, sharedOutsideKernel, roundingMode, noMathEquivalent, atomicType, vector3Layout, vectorOperator, partialMask, groupSize, gridSync, activeMask, coalescedGroup, groupOperator, halfRounding, bfloat16Pair, halfIntrinsic, randomSequence, randomUnsupported, textureManual, textureSetting, variadicItem, inactiveDeviceCode, streamPriority, cudaVersion, runtimeModule, runtimeLaunch, driverAttribute, moduleFromProgram, templateArrayLaunch, registeredMemory, freeMemory, peerCopy, interprocessMemory, interprocessEvent, poolUsage, streamAttribute, captureRegion, captureHostCode, captureNodeCount, kernelNodeArguments]

  public static func kind(id: String) -> WarningKind? { byID[id] }
  /// Reports look a warning up for every finding.
  private static let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
}
