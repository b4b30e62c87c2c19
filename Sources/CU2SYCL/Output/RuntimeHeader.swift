/// The small helper header cu2sycl writes next to the migrated code (`cu2sycl/runtime.hpp`), holding only
/// the helpers the migrated files use. Plain SYCL 2020, no vendor library.
public enum RuntimeHeader {
  public static let relativePath = "cu2sycl/runtime.hpp"

  public static func contents(_ used: Set<RuntimeHelper>) -> String {
    var helpers = used
    if helpers.contains(.occupancy) { helpers.insert(.defaultQueue) }
    // nvrtc_helper.h's replacement loads modules and finds devices like helper_cuda_drvapi.h's.
    if helpers.contains(.nvrtcHelper) { helpers.formUnion([.helperCudaDriver, .modules]) }
    if helpers.contains(.helperCudaDriver) { helpers.insert(.helperCuda) }
    // helper_cuda.h's replacement selects and describes devices.
    if helpers.contains(.helperCuda) { helpers.formUnion([.devices, .defaultQueue]) }
    // Modules launch on a stream's queue through the kernels' launchers.
    if helpers.contains(.modules) { helpers.formUnion([.kernelLauncher, .streams, .defaultQueue]) }
    if helpers.contains(.kernelLauncher) { helpers.insert(.dim3) }
    // The driver API's contexts and device names are views of the device list.
    if helpers.contains(.contexts) || helpers.contains(.deviceName) { helpers.formUnion([.devices, .defaultQueue]) }
    // Pointer queries name the device an allocation belongs to; pitched copies and frees use queues.
    if helpers.contains(.pointerAttributes) { helpers.formUnion([.devices, .defaultQueue]) }
    // 3-D arrays and the driver's arrays are textures copied with the pitched-memory structs.
    if helpers.contains(.driverSurface) { helpers.formUnion([.driverTexture, .surface]) }
    if helpers.contains(.texture3D) || helpers.contains(.driverTexture) { helpers.formUnion([.texture, .pitchedMemory]) }
    if helpers.contains(.pitchedMemory) || helpers.contains(.freeAsync) { helpers.insert(.defaultQueue) }
    // Graph nodes take launch shapes as dim3 and host functions as the streams' host_fn.
    if helpers.contains(.graphs) { helpers.formUnion([.streams, .dim3, .defaultQueue, .kernelLauncher]) }
    // cu2sycl/gl_interop.hpp builds on the graphics resources (and the device list for gl_get_devices).
    if helpers.contains(.glDevices) { helpers.formUnion([.glInterop, .devices]) }
    if helpers.contains(.glInterop) { helpers.formUnion([.graphics, .defaultQueue]) }
    // Pools live on the devices of the device list.
    if helpers.contains(.memoryPools) { helpers.formUnion([.devices, .defaultQueue]) }
    var out = """
    // Written by cu2sycl: helpers for code migrated from CUDA. Plain SYCL 2020.
    #pragma once

    """
    if helpers.contains(.streams) || helpers.contains(.events) {
      out += "#include <chrono>\n#include <map>\n#include <memory>\n#include <mutex>\n"
    }
    if helpers.contains(.devices) {
      out += "#include <algorithm>\n#include <cstring>\n#include <memory>\n#include <vector>\n"
    }
    if helpers.contains(.devicePointer) || helpers.contains(.kernelLauncher) { out += "#include <cstddef>\n" }
    if helpers.contains(.modules) { out += "#include <cstring>\n#include <map>\n#include <string>\n#include <utility>\n#include <vector>\n" }
    if helpers.contains(.graphs) { out += "#include <algorithm>\n#include <cstddef>\n#include <functional>\n#include <memory>\n#include <vector>\n" }
    out += """
    #include <sycl/sycl.hpp>

    namespace cu2sycl {

    """
    let streams = helpers.contains(.streams) || helpers.contains(.events)
    let devices = helpers.contains(.devices)
    if helpers.contains(.defaultQueue) || helpers.contains(.allocateSymbol) || streams || devices
      || helpers.contains(.texture) || helpers.contains(.surface) || helpers.contains(.textureReference) {
      out += """

      namespace detail {
      // Errors from kernels (asynchronous in SYCL) are reported when a queue waits and end the program,
      // as a failed CUDA call checked by the program would.
      inline void rethrow(sycl::exception_list errors) {
        for (const std::exception_ptr &e : errors) std::rethrow_exception(e);
      }

      """
      out += devices ? """
      // CUDA's devices: the default device's platform's devices of its type, the default device first,
      // sharing one context so memory allocated for one device can be passed between them.
      inline std::vector<sycl::device> &device_list() {
        static std::vector<sycl::device> list = [] {
          sycl::device chosen{sycl::default_selector_v};
          std::vector<sycl::device> all = chosen.get_platform().get_devices(chosen.get_info<sycl::info::device::device_type>());
          std::vector<sycl::device> ordered{chosen};
          for (const sycl::device &d : all)
            if (d != chosen) ordered.push_back(d);
          return ordered;
        }();
        return list;
      }
      inline int &current_device() {
        static int index = 0;
        return index;
      }
      // The default stream of the current device.
      inline sycl::queue &null_stream() {
        static sycl::context context{device_list()};
        static std::vector<std::unique_ptr<sycl::queue>> queues(device_list().size());
        std::unique_ptr<sycl::queue> &q = queues[current_device()];
        if (!q) q = std::make_unique<sycl::queue>(context, device_list()[current_device()], rethrow, sycl::property::queue::in_order());
        return *q;
      }

      """ : """
      inline sycl::queue &null_stream() {
        static sycl::queue queue{sycl::default_selector_v, rethrow, sycl::property::queue::in_order()};
        return queue;
      }

      """
      out += streams ? """
      // The streams created by the program, with their flags.
      struct stream_list {
        std::mutex mutex;
        std::map<sycl::queue *, unsigned int> flags;
      };
      inline stream_list &streams() {
        static stream_list list;
        return list;
      }
      // While a captured region of a CUDA graph replays, its stream work goes to the launch stream's queue.
      inline sycl::queue *&replay_queue() {
        thread_local sycl::queue *queue = nullptr;
        return queue;
      }
      }  // namespace detail

      // CUDA's default stream: one in-order queue shared by the whole program. Like CUDA's legacy default
      // stream, its work starts after the work already submitted to the streams (the host waits for them).
      inline sycl::queue &default_queue() {
        detail::stream_list &list = detail::streams();
        std::lock_guard<std::mutex> lock(list.mutex);
        for (auto &stream : list.flags) stream.first->wait_and_throw();
        return detail::null_stream();
      }

      """ : """
      }  // namespace detail

      // CUDA's default stream: one in-order queue shared by the whole program.
      inline sycl::queue &default_queue() { return detail::null_stream(); }

      """
    }
    if streams {
      out += """

      // CUDA streams: in-order queues on the default queue's device. A null stream (0, cudaStreamLegacy,
      // cudaStreamPerThread) is the default queue. Work submitted to a stream starts after the default
      // queue's earlier work (the host waits for it), as with CUDA's legacy default stream, unless the
      // stream was created non-blocking.
      using queue_ptr = sycl::queue *;
      constexpr unsigned int stream_non_blocking = 1;
      inline sycl::queue &queue(queue_ptr stream) {
        if (detail::replay_queue()) return *detail::replay_queue();
        if (!stream) return default_queue();
        detail::stream_list &list = detail::streams();
        std::lock_guard<std::mutex> lock(list.mutex);
        auto created = list.flags.find(stream);
        if (created == list.flags.end() || !(created->second & stream_non_blocking)) detail::null_stream().wait_and_throw();
        return *stream;
      }
      inline queue_ptr create_stream(unsigned int flags = 0) {
        sycl::queue &q = detail::null_stream();
        queue_ptr stream = new sycl::queue(q.get_context(), q.get_device(), detail::rethrow, sycl::property::queue::in_order());
        detail::stream_list &list = detail::streams();
        std::lock_guard<std::mutex> lock(list.mutex);
        list.flags[stream] = flags;
        return stream;
      }
      // Like cudaStreamDestroy, work already submitted still completes.
      inline void destroy_stream(queue_ptr stream) {
        if (!stream) return;
        stream->wait_and_throw();
        detail::stream_list &list = detail::streams();
        {
          std::lock_guard<std::mutex> lock(list.mutex);
          list.flags.erase(stream);
        }
        delete stream;
      }
      // Host functions run when the stream reaches them (cudaLaunchHostFunc, cudaStreamAddCallback).
      using host_fn = void (*)(void *);
      using stream_callback = void (*)(queue_ptr, int, void *);
      inline void launch_host_func(queue_ptr stream, host_fn fn, void *data) {
        queue(stream).submit([&](sycl::handler &cgh) { cgh.host_task([=] { fn(data); }); });
      }
      inline void add_callback(queue_ptr stream, stream_callback fn, void *data) {
        queue(stream).submit([&](sycl::handler &cgh) { cgh.host_task([=] { fn(stream, 0, data); }); });
      }

      """
    }
    if devices {
      out += """

      // CUDA device selection and properties (cudaSetDevice, cudaGetDeviceProperties, ...).
      inline int device_count() { return static_cast<int>(detail::device_list().size()); }
      inline int current_device() { return detail::current_device(); }
      // 0, or cudaErrorInvalidDevice's 101 for an index that names no device.
      inline int set_device(int index) {
        if (index < 0 || index >= device_count()) return 101;
        detail::current_device() = index;
        return 0;
      }
      // cudaDeviceProp's fields under CUDA's names. Filled from sycl::device::get_info where SYCL reports
      // them; the others hold stand-ins, commented below, and cu2sycl flags every read of one (W016).
      struct device_prop {
        char name[256] = {};
        size_t totalGlobalMem = 0, sharedMemPerBlock = 0, sharedMemPerBlockOptin = 0, sharedMemPerMultiprocessor = 0, memPitch = 0;
        int warpSize = 0, maxThreadsPerBlock = 0, maxThreadsDim[3] = {}, clockRate = 0, multiProcessorCount = 0, l2CacheSize = 0;
        int integrated = 0, canMapHostMemory = 0, ECCEnabled = 0, unifiedAddressing = 1, managedMemory = 0;
        int concurrentManagedAccess = 0, pageableMemoryAccess = 0, hostNativeAtomicSupported = 0;
        // Memory pools are cu2sycl's (see mem_pool), without inter-process handles; SYCL 2020 has no
        // persisting L2 cache, so there is none to reserve and no access policy window.
        int memoryPoolsSupported = 1, persistingL2CacheMaxSize = 0, accessPolicyMaxWindowSize = 0;
        unsigned int memoryPoolSupportedHandleTypes = 0;
        // Stand-ins: SYCL has no compute capability (8.0 passes the usual "at least" checks), registers,
        // grid limits (CUDA's usual ones), constant memory, memory clock or bus, PCI location.
        int major = 8, minor = 0, regsPerBlock = 65536, regsPerMultiprocessor = 65536;
        int maxGridSize[3] = {2147483647, 65535, 65535};
        size_t totalConstMem = 65536, textureAlignment = 512, texturePitchAlignment = 32;
        int memoryClockRate = 0, memoryBusWidth = 0, maxThreadsPerMultiProcessor = 0, maxBlocksPerMultiProcessor = 16;
        int concurrentKernels = 1, asyncEngineCount = 1, deviceOverlap = 1, computeMode = 0, kernelExecTimeoutEnabled = 0;
        int cooperativeLaunch = 0, cooperativeMultiDeviceLaunch = 0, pciBusID = 0, pciDeviceID = 0, pciDomainID = 0;
        int isMultiGpuBoard = 0, streamPrioritiesSupported = 0;
        // Texture limits: the software textures (see texture_object) are bounded by memory only.
        int maxTexture1D = 65536, maxTexture2D[2] = {65536, 65536}, maxTexture3D[3] = {4096, 4096, 4096};
      };
      inline device_prop device_properties(int index) {
        device_prop p;
        if (index < 0 || index >= device_count()) return p;
        const sycl::device &d = detail::device_list()[index];
        std::string name = d.get_info<sycl::info::device::name>();
        std::strncpy(p.name, name.c_str(), sizeof(p.name) - 1);
        p.totalGlobalMem = d.get_info<sycl::info::device::global_mem_size>();
        p.sharedMemPerBlock = p.sharedMemPerBlockOptin = p.sharedMemPerMultiprocessor = d.get_info<sycl::info::device::local_mem_size>();
        p.memPitch = d.get_info<sycl::info::device::max_mem_alloc_size>();
        std::vector<size_t> widths = d.get_info<sycl::info::device::sub_group_sizes>();
        p.warpSize = std::find(widths.begin(), widths.end(), 32) != widths.end() ? 32 : (widths.empty() ? 1 : static_cast<int>(widths.back()));
        p.maxThreadsPerBlock = p.maxThreadsPerMultiProcessor = static_cast<int>(d.get_info<sycl::info::device::max_work_group_size>());
        sycl::id<3> sizes = d.get_info<sycl::info::device::max_work_item_sizes<3>>();
        for (int i = 0; i < 3; ++i) p.maxThreadsDim[i] = static_cast<int>(sizes[2 - i]);  // CUDA's x is SYCL's last
        p.clockRate = static_cast<int>(d.get_info<sycl::info::device::max_clock_frequency>()) * 1000;  // MHz -> kHz
        p.multiProcessorCount = static_cast<int>(d.get_info<sycl::info::device::max_compute_units>());
        p.l2CacheSize = static_cast<int>(d.get_info<sycl::info::device::global_mem_cache_size>());
        p.integrated = d.is_cpu() ? 1 : 0;
        p.canMapHostMemory = d.has(sycl::aspect::usm_host_allocations) ? 1 : 0;
        p.managedMemory = p.concurrentManagedAccess = d.has(sycl::aspect::usm_shared_allocations) ? 1 : 0;
        p.pageableMemoryAccess = d.has(sycl::aspect::usm_system_allocations) ? 1 : 0;
        p.hostNativeAtomicSupported = d.has(sycl::aspect::usm_atomic_shared_allocations) ? 1 : 0;
        p.ECCEnabled = d.get_info<sycl::info::device::error_correction_support>() ? 1 : 0;
        return p;
      }

      """
    }
    if helpers.contains(.cudaArch) {
      out += """

      // CUDA's __CUDA_ARCH__ compared with an architecture: SYCL has none, so device code gets 800, the
      // stand-in compute capability 8.0 (see device_prop), and host code none, as under nvcc.
      #ifdef __SYCL_DEVICE_ONLY__
      #define CU2SYCL_CUDA_ARCH 800
      #endif

      """
    }
    if helpers.contains(.occupancy) {
      out += """

      // Occupancy queries (cudaOccupancy*, cudaFuncGetAttributes). SYCL 2020 reports the device's
      // work-group limit and compute units, not per-kernel occupancy: the answers are valid block sizes
      // for the device and grids that give every compute unit work.
      inline int max_potential_block_size(int *min_grid, int *block, int limit) {
        sycl::device d = default_queue().get_device();
        int size = static_cast<int>(d.get_info<sycl::info::device::max_work_group_size>());
        if (limit > 0 && limit < size) size = limit;
        if (size >= 32) size -= size % 32;  // whole warps, as CUDA's answer always is
        *block = size;
        *min_grid = static_cast<int>(d.get_info<sycl::info::device::max_compute_units>());
        return 0;
      }
      inline int max_active_blocks_per_unit(int *count, int block) {
        int limit = static_cast<int>(default_queue().get_device().get_info<sycl::info::device::max_work_group_size>());
        *count = block <= 0 ? 0 : (limit / block > 0 ? limit / block : 1);
        return 0;
      }
      // cudaFuncAttributes' fields under CUDA's names; SYCL cannot report the ones left 0.
      struct func_attributes {
        size_t sharedSizeBytes = 0, constSizeBytes = 0, localSizeBytes = 0;
        int maxThreadsPerBlock = 0, numRegs = 0, ptxVersion = 0, binaryVersion = 0, maxDynamicSharedSizeBytes = 0;
      };
      inline func_attributes function_attributes() {
        sycl::device d = default_queue().get_device();
        func_attributes a;
        a.maxThreadsPerBlock = static_cast<int>(d.get_info<sycl::info::device::max_work_group_size>());
        a.maxDynamicSharedSizeBytes = static_cast<int>(d.get_info<sycl::info::device::local_mem_size>());
        return a;
      }

      """
    }
    if helpers.contains(.deviceName) {
      out += """

      // cuDeviceGetName: the device's name, cut to fit and always terminated.
      inline void device_name(char *name, int length, int device) {
        if (length <= 0) return;
        std::strncpy(name, device_properties(device).name, length - 1);
        name[length - 1] = '\\0';
      }

      """
    }
    if helpers.contains(.contexts) {
      out += """

      // CUDA driver contexts. Migrated code runs in one SYCL context holding every device, so a CUDA
      // context is only the device it was made for: making one current selects that device, like
      // cudaSetDevice (for the whole program, where CUDA's current context is per thread).
      struct context {
        int device;
      };
      using context_ptr = context *;
      // cuCtxCreate's parameters (CUDA 12.5) configure NVIDIA's driver; nothing here reads them.
      struct context_params {};
      namespace detail {
      inline std::vector<context> &contexts() {
        static std::vector<context> list = [] {
          std::vector<context> all;
          for (int d = 0; d < device_count(); ++d) all.push_back(context{d});
          return all;
        }();
        return list;
      }
      inline std::vector<context_ptr> &context_stack() {
        static std::vector<context_ptr> stack;
        return stack;
      }
      }  // namespace detail
      // The device's one context (cuDevicePrimaryCtxRetain); null for an index that names no device.
      inline context_ptr device_context(int device) {
        return device >= 0 && device < device_count() ? &detail::contexts()[device] : nullptr;
      }
      inline context_ptr current_context() { return device_context(current_device()); }
      inline void set_context(context_ptr c) {
        if (c) set_device(c->device);
      }
      // cuCtxCreate: the device's context, made current.
      inline context_ptr create_context(int device) {
        context_ptr c = device_context(device);
        set_context(c);
        return c;
      }
      // cuCtxDestroy: work submitted to the context's device completes; its memory stays until freed.
      inline void destroy_context(context_ptr c) {
        if (!c) return;
        int previous = current_device();
        set_device(c->device);
        default_queue().wait_and_throw();
        set_device(previous);
      }
      inline void push_context(context_ptr c) {
        detail::context_stack().push_back(current_context());
        set_context(c);
      }
      // cuCtxPopCurrent: returns the current context and makes the one pushed over current again.
      inline context_ptr pop_context() {
        context_ptr top = current_context();
        std::vector<context_ptr> &stack = detail::context_stack();
        if (!stack.empty()) {
          set_context(stack.back());
          stack.pop_back();
        }
        return top;
      }

      """
    }
    if helpers.contains(.dim3) { out += DimensionRuntime.dim3 }
    if helpers.contains(.kernelLauncher) { out += ModuleRuntime.launcher }
    if helpers.contains(.modules) { out += ModuleRuntime.modules }
    if helpers.contains(.pointerAttributes) { out += MemoryRuntime.pointerAttributes }
    if helpers.contains(.pitchedMemory) { out += MemoryRuntime.pitched }
    if helpers.contains(.freeAsync) { out += MemoryRuntime.streamOrdered }
    if helpers.contains(.memoryPools) { out += PoolRuntime.pools }
    if helpers.contains(.cacheHints) { out += PoolRuntime.cacheHints }
    if helpers.contains(.interprocess) { out += PoolRuntime.interprocess }
    if helpers.contains(.events) {
      out += """

      // CUDA events. Recording one submits a host task that notes the time (std::chrono::steady_clock) when
      // the in-order queue reaches it: elapsed times are real milliseconds, measured on the host between
      // the completion of the work before each record; recording does not block the host.
      struct event {
        sycl::event reached;
        std::shared_ptr<std::chrono::steady_clock::time_point> time = std::make_shared<std::chrono::steady_clock::time_point>();
      };
      using event_ptr = event *;
      inline event_ptr create_event() { return new event(); }
      inline void destroy_event(event_ptr e) { delete e; }
      inline void record_event(event_ptr e, sycl::queue &q) {
        std::shared_ptr<std::chrono::steady_clock::time_point> time = e->time;
        e->reached = q.submit([&](sycl::handler &cgh) { cgh.host_task([=] { *time = std::chrono::steady_clock::now(); }); });
      }
      inline void synchronize_event(event_ptr e) { e->reached.wait_and_throw(); }
      // 0 when the queue has reached the event, else cudaErrorNotReady's 600.
      inline int event_status(event_ptr e) {
        auto status = e->reached.get_info<sycl::info::event::command_execution_status>();
        return status == sycl::info::event_command_status::complete ? 0 : 600;
      }
      inline float elapsed_ms(event_ptr start, event_ptr stop) {
        synchronize_event(start);
        synchronize_event(stop);
        return std::chrono::duration<float, std::milli>(*stop->time - *start->time).count();
      }
      // The queue's later work waits for the event (cudaStreamWaitEvent).
      inline void wait_event(sycl::queue &q, event_ptr e) {
        sycl::event reached = e->reached;
        q.submit([&](sycl::handler &cgh) {
          cgh.depends_on(reached);
          cgh.host_task([] {});
        });
      }

      """
    }
    if helpers.contains(.graphs) {
      out += GraphRuntime.source
      if helpers.contains(.pitchedMemory) { out += GraphRuntime.memcpyNode }
      if helpers.contains(.events) { out += GraphRuntime.eventNodes }
    }
    if helpers.contains(.errorString) {
      out += """

      // SYCL reports failures as exceptions, so a migrated status code is 0 unless the program made it.
      inline const char *error_string(int status) {
        return status == 0 ? "no error" : "error (SYCL reports details through sycl::exception)";
      }
      // cudaGetErrorName for the codes migrated calls yield.
      inline const char *status_name(int status) {
        switch (status) {
        case 0: return "cudaSuccess";
        case 2: return "cudaErrorMemoryAllocation";
        case 101: return "cudaErrorInvalidDevice";
        case 600: return "cudaErrorNotReady";
        default: return "cudaErrorUnknown";
        }
      }

      """
    }
    if helpers.contains(.errorName) {
      out += """

      // cuGetErrorName for the codes migrated calls yield (SYCL reports other failures as exceptions).
      inline const char *error_name(int status) {
        switch (status) {
        case 0: return "CUDA_SUCCESS";
        case 2: return "CUDA_ERROR_OUT_OF_MEMORY";
        case 101: return "CUDA_ERROR_INVALID_DEVICE";
        case 600: return "CUDA_ERROR_NOT_READY";
        default: return "CUDA_ERROR_UNKNOWN";
        }
      }

      """
    }
    if helpers.contains(.devicePointer) {
      out += """

      // CUdeviceptr: CUDA's integer device address as a byte pointer, so `d + bytes` moves by bytes as
      // it did, and casts to a typed pointer give the kernel's argument.
      using device_ptr = std::byte *;

      """
    }
    if helpers.contains(.allocateSymbol) {
      out += """

      // CUDA's __device__, __constant__ and __managed__ variables: one USM allocation each, holding the
      // initial value, that the kernels using it receive as a parameter. Managed ones are host-accessible.
      template <typename T>
      T *allocate_symbol(bool host_accessible, const T &initial = T{}) {
        sycl::queue &q = default_queue();
        T *symbol = host_accessible ? sycl::malloc_shared<T>(1, q) : sycl::malloc_device<T>(1, q);
        q.memcpy(symbol, &initial, sizeof(T)).wait();
        return symbol;
      }

      """
    }
    if helpers.contains(.warpShuffle) {
      out += """

      // CUDA's warp shuffles on a sub-group, with CUDA's rules: the lanes are split into segments of
      // `width` (a power of two, at most the sub-group size); a lane whose source lies outside its
      // segment keeps its own value (shfl_down, shfl_up, shfl_xor to a later segment), and shfl reads
      // lane `src % width` of its own segment.
      template <typename T> T shfl_down(const sycl::sub_group &sg, T value, unsigned delta, unsigned width = 32) {
        T shifted = sycl::shift_group_left(sg, value, delta);
        return sg.get_local_linear_id() % width + delta < width ? shifted : value;
      }
      template <typename T> T shfl_up(const sycl::sub_group &sg, T value, unsigned delta, unsigned width = 32) {
        T shifted = sycl::shift_group_right(sg, value, delta);
        return sg.get_local_linear_id() % width >= delta ? shifted : value;
      }
      template <typename T> T shfl(const sycl::sub_group &sg, T value, int src, unsigned width) {
        unsigned lane = sg.get_local_linear_id();
        return sycl::select_from_group(sg, value, lane / width * width + (static_cast<unsigned>(src) & (width - 1)));
      }
      template <typename T> T shfl_xor(const sycl::sub_group &sg, T value, unsigned mask, unsigned width) {
        unsigned lane = sg.get_local_linear_id(), target = lane ^ mask;
        return sycl::select_from_group(sg, value, target < (lane / width + 1) * width ? target : lane);
      }

      """
    }
    if helpers.contains(.bfloat16) {
      out += """

      // CUDA's __nv_bfloat16 (8-bit exponent, 7-bit mantissa). SYCL 2020 has no bfloat16: the value is
      // kept in 16 bits and each operation computes in float and rounds to nearest even, as CUDA does
      // where bfloat16 arithmetic is not native.
      struct bfloat16 {
        unsigned short bits;
        bfloat16() = default;
        bfloat16(float f) : bits(round(f)) {}
        operator float() const { return sycl::bit_cast<float>(static_cast<unsigned int>(bits) << 16); }
        static unsigned short round(float f) {
          unsigned int u = sycl::bit_cast<unsigned int>(f);
          if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<unsigned short>((u >> 16) | 0x40u);  // quiet NaN
          return static_cast<unsigned short>((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
        }
        bfloat16 &operator+=(bfloat16 o) { return *this = bfloat16(float(*this) + float(o)); }
        bfloat16 &operator-=(bfloat16 o) { return *this = bfloat16(float(*this) - float(o)); }
        bfloat16 &operator*=(bfloat16 o) { return *this = bfloat16(float(*this) * float(o)); }
        bfloat16 &operator/=(bfloat16 o) { return *this = bfloat16(float(*this) / float(o)); }
        friend bfloat16 operator+(bfloat16 a, bfloat16 b) { return bfloat16(float(a) + float(b)); }
        friend bfloat16 operator-(bfloat16 a, bfloat16 b) { return bfloat16(float(a) - float(b)); }
        friend bfloat16 operator*(bfloat16 a, bfloat16 b) { return bfloat16(float(a) * float(b)); }
        friend bfloat16 operator/(bfloat16 a, bfloat16 b) { return bfloat16(float(a) / float(b)); }
        friend bfloat16 operator-(bfloat16 a) { return sycl::bit_cast<bfloat16>(static_cast<unsigned short>(a.bits ^ 0x8000u)); }
      };

      """
    }
    if helpers.contains(.ballot) {
      out += """

      // CUDA's __ballot_sync over the whole sub-group: bit i is set when work-item i's predicate is true.
      inline unsigned ballot(const sycl::sub_group &sg, bool predicate) {
        return sycl::reduce_over_group(sg, predicate ? 1u << sg.get_local_linear_id() : 0u, sycl::bit_or<unsigned>());
      }

      """
    }
    if helpers.contains(.tileGroup) {
      out += """

      // Votes and reductions of a cooperative-groups tile of `size` lanes (a power of two below 32) inside
      // the 32-wide sub-group: lanes lane / size * size up to the next multiple of size. Every work-item
      // of the sub-group must reach the call, as for any SYCL group algorithm.
      inline unsigned tile_ballot(const sycl::sub_group &sg, bool predicate, unsigned size) {
        unsigned lane = sg.get_local_linear_id();
        unsigned bits = sycl::reduce_over_group(sg, predicate ? 1u << lane : 0u, sycl::bit_or<unsigned>());
        return (bits >> (lane / size * size)) & ((1u << size) - 1u);
      }
      inline bool tile_any(const sycl::sub_group &sg, bool predicate, unsigned size) { return tile_ballot(sg, predicate, size) != 0; }
      inline bool tile_all(const sycl::sub_group &sg, bool predicate, unsigned size) {
        return tile_ballot(sg, predicate, size) == (1u << size) - 1u;
      }
      // A butterfly of xor shuffles: partners lane ^ mask stay inside the tile, and every lane ends
      // with the tile's result.
      template <typename T, typename BinaryOperation>
      T tile_reduce(const sycl::sub_group &sg, T value, BinaryOperation op, unsigned size) {
        for (unsigned mask = size / 2; mask > 0; mask /= 2) value = op(value, sycl::permute_group_by_xor(sg, value, mask));
        return value;
      }

      """
    }
    if helpers.contains(.threadGroup) {
      out += """

      // CUDA's thread_group: the work-group or a tile of `size` lanes of the 32-wide sub-group, chosen at
      // run time. The choice is the same for every work-item of the group, so sync() is a barrier that
      // all of them reach. A work-group and the sub-group convert implicitly; a narrower tile is
      // thread_group(sub_group, size).
      class thread_group {
       public:
        thread_group(const sycl::group<1> &g) : kind_(1), size_(0), block1_(g) {}
        thread_group(const sycl::group<2> &g) : kind_(2), size_(0), block2_(g) {}
        thread_group(const sycl::group<3> &g) : kind_(3), size_(0), block3_(g) {}
        thread_group(const sycl::sub_group &sg, unsigned size = 32) : kind_(0), size_(size), tile_(sg) {}
        unsigned long long thread_rank() const {
          switch (kind_) {
            case 1: return block1_.get_local_linear_id();
            case 2: return block2_.get_local_linear_id();
            case 3: return block3_.get_local_linear_id();
            default: return tile_.get_local_linear_id() % size_;
          }
        }
        unsigned long long size() const {
          switch (kind_) {
            case 1: return block1_.get_local_linear_range();
            case 2: return block2_.get_local_linear_range();
            case 3: return block3_.get_local_linear_range();
            default: return size_;
          }
        }
        unsigned long long num_threads() const { return size(); }
        void sync() const {
          switch (kind_) {
            case 1: sycl::group_barrier(block1_); break;
            case 2: sycl::group_barrier(block2_); break;
            case 3: sycl::group_barrier(block3_); break;
            default: sycl::group_barrier(tile_);
          }
        }

       private:
        int kind_;  // 1 to 3: a work-group of that many dimensions; 0: a tile of the sub-group
        unsigned size_;
        union {  // SYCL groups have no default constructor: keep the one this is
          sycl::group<1> block1_;
          sycl::group<2> block2_;
          sycl::group<3> block3_;
          sycl::sub_group tile_;
        };
      };

      """
    }
    if helpers.contains(.activeMask) {
      out += """

      // CUDA's __activemask(): one bit for each work-item of the sub-group (all of them take part).
      inline unsigned active_mask(const sycl::sub_group &sg) {
        unsigned n = sg.get_local_linear_range();
        return n >= 32 ? 0xffffffffu : (1u << n) - 1u;
      }

      """
    }
    if helpers.contains(.atomicCompareExchange) {
      out += """

      // CUDA's atomicCAS: stores `desired` if the object holds `expected`; returns the value it held.
      template <class AtomicRef>
      inline typename AtomicRef::value_type atomic_compare_exchange(AtomicRef object, typename AtomicRef::value_type expected,
                                                                    typename AtomicRef::value_type desired) {
        object.compare_exchange_strong(expected, desired);
        return expected;
      }

      """
    }
    if helpers.contains(.atomicWrap) {
      out += """

      // CUDA's atomicInc: old >= limit ? 0 : old + 1, atomically; returns the old value.
      template <class AtomicRef>
      inline typename AtomicRef::value_type atomic_inc(AtomicRef object, typename AtomicRef::value_type limit) {
        typename AtomicRef::value_type old = object.load();
        while (!object.compare_exchange_weak(old, old >= limit ? 0 : old + 1)) {
        }
        return old;
      }

      // CUDA's atomicDec: (old == 0 || old > limit) ? limit : old - 1, atomically; returns the old value.
      template <class AtomicRef>
      inline typename AtomicRef::value_type atomic_dec(AtomicRef object, typename AtomicRef::value_type limit) {
        typename AtomicRef::value_type old = object.load();
        while (!object.compare_exchange_weak(old, (old == 0 || old > limit) ? limit : old - 1)) {
        }
        return old;
      }

      """
    }
    if helpers.contains(.sincos) {
      out += """

      // CUDA's sincos(x, &s, &c) and sincospi: both results through pointers.
      template <class T> inline void sincos(T x, T *sin_out, T *cos_out) {
        *sin_out = sycl::sin(x);
        *cos_out = sycl::cos(x);
      }
      template <class T> inline void sincospi(T x, T *sin_out, T *cos_out) {
        *sin_out = sycl::sinpi(x);
        *cos_out = sycl::cospi(x);
      }

      """
    }
    if helpers.contains(.mathPointers) {
      out += """

      // CUDA's frexp, modf and remquo take plain pointers; SYCL's take a multi_ptr.
      template <class T> inline T frexp(T x, int *exponent) {
        return sycl::frexp(x, sycl::address_space_cast<sycl::access::address_space::generic_space, sycl::access::decorated::no>(exponent));
      }
      template <class T> inline T modf(T x, T *integral) {
        return sycl::modf(x, sycl::address_space_cast<sycl::access::address_space::generic_space, sycl::access::decorated::no>(integral));
      }
      template <class T> inline T remquo(T x, T y, int *quotient) {
        return sycl::remquo(x, y, sycl::address_space_cast<sycl::access::address_space::generic_space, sycl::access::decorated::no>(quotient));
      }

      """
    }
    if helpers.contains(.findFirstSet) {
      out += """

      // CUDA's __ffs/__ffsll: the position (from 1) of the least significant set bit, 0 if none.
      template <class T> inline int ffs(T x) { return x == 0 ? 0 : static_cast<int>(sycl::ctz(x)) + 1; }

      """
    }
    if helpers.contains(.bitReverse) {
      out += """

      // CUDA's __brev/__brevll: the bits in reverse order.
      template <class T> inline T bit_reverse(T x) {
        T r = 0;
        for (int i = 0; i < static_cast<int>(sizeof(T) * 8); ++i) {
          r = static_cast<T>((r << 1) | (x & 1));
          x >>= 1;
        }
        return r;
      }

      """
    }
    if helpers.contains(.bytePerm) {
      out += """

      // CUDA's __byte_perm(x, y, s): byte i of the result is byte (s >> 4i) & 7 of the 8 bytes y:x.
      inline unsigned int byte_perm(unsigned int x, unsigned int y, unsigned int s) {
        unsigned long long bytes = (static_cast<unsigned long long>(y) << 32) | x;
        unsigned int r = 0;
        for (int i = 0; i < 4; ++i) {
          unsigned int selector = (s >> (4 * i)) & 7u;
          r |= static_cast<unsigned int>((bytes >> (8 * selector)) & 0xffu) << (8 * i);
        }
        return r;
      }

      """
    }
    if helpers.contains(.mul24) {
      out += """

      // CUDA's 24-bit multiplies: the low 32 bits of the product of the low 24 bits (sign-extended for
      // __mul24). Not sycl::mul24, which is undefined outside 24 bits and, as a template, does not convert
      // its arguments as CUDA's int parameters do.
      inline int mul24(int a, int b) {
        int x = static_cast<int>(static_cast<unsigned int>(a) << 8) >> 8;
        int y = static_cast<int>(static_cast<unsigned int>(b) << 8) >> 8;
        return static_cast<int>(static_cast<unsigned int>(x) * static_cast<unsigned int>(y));
      }
      inline unsigned int umul24(unsigned int a, unsigned int b) { return (a & 0xFFFFFFu) * (b & 0xFFFFFFu); }

      """
    }
    if helpers.contains(.funnelShift) {
      out += """

      // CUDA's funnel shifts of the 64-bit hi:lo; _l/_r take the shift modulo 32, _lc/_rc clamp it to 32.
      inline unsigned int funnelshift_l(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>((v << (shift & 31u)) >> 32);
      }
      inline unsigned int funnelshift_lc(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>((v << sycl::min(shift, 32u)) >> 32);
      }
      inline unsigned int funnelshift_r(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>(v >> (shift & 31u));
      }
      inline unsigned int funnelshift_rc(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>(v >> sycl::min(shift, 32u));
      }

      """
    }
    if helpers.contains(.random) { out += RandomRuntime.source }
    // Surfaces read arrays through the texture descriptors.
    if helpers.contains(.texture) || helpers.contains(.surface) || helpers.contains(.textureReference) { out += textures }
    if helpers.contains(.textureReference) { out += textureReferences }
    if helpers.contains(.surface) { out += surfaces }
    if helpers.contains(.texture3D) || helpers.contains(.driverTexture) { out += arrays3D }
    if helpers.contains(.driverTexture) { out += driverTextures }
    if helpers.contains(.driverSurface) { out += driverSurfaces }
    if helpers.contains(.graphics) { out += GraphicsRuntime.resources }
    out += "\n}  // namespace cu2sycl\n"
    if helpers.contains(.mathConstants) {
      out += "\n// CUDA's math_constants.h: the CUDART_* constants under the same names and values.\n"
      out += MathConstantsRule.definitions.map { $0.line + "\n" }.joined()
    }
    if helpers.contains(.helperCuda) {
      out += """

      // cuda-samples' helper_cuda.h, for SYCL: the same names, so the samples' calls stay as written.
      // Statuses are ints (0 is success); SYCL reports other failures as exceptions.
      #include <cstdio>
      #include <cstdlib>
      #include <cstring>
      // helper_cuda.h's own guard: the samples' other helpers (helper_cuda_drvapi.h) skip what it defines.
      #define COMMON_HELPER_CUDA_H_
      #ifndef EXIT_WAIVED
      #define EXIT_WAIVED 2
      #endif
      template <typename T> void check(T result, char const *const func, const char *const file, int const line) {
        if (result) {
          std::fprintf(stderr, "error at %s:%d code=%d \\"%s\\"\\n", file, line, static_cast<int>(result), func);
          std::exit(EXIT_FAILURE);
        }
      }
      #define checkCudaErrors(val) check((val), #val, __FILE__, __LINE__)
      // Kernel failures are exceptions from the queue's wait, not a sticky error to poll.
      #define getLastCudaError(msg) ((void)(msg))
      #define printLastCudaError(msg) ((void)(msg))
      // Cores per compute unit: SYCL does not report it; 64 matches the stand-in compute capability 8.0.
      inline int _ConvertSMVer2Cores(int, int) { return 64; }
      // Rounds half away from zero, as the samples' helper does.
      inline int ftoi(float value) { return value >= 0 ? static_cast<int>(value + 0.5f) : static_cast<int>(value - 0.5f); }
      inline const char *_ConvertSMVer2ArchName(int, int) { return "SYCL"; }
      inline int gpuDeviceInit(int device) {
        if (cu2sycl::set_device(device) != 0) {
          std::fprintf(stderr, "gpuDeviceInit() device %d is not a valid SYCL device\\n", device);
          return -1;
        }
        std::printf("gpuDeviceInit() SYCL Device [%d]: \\"%s\\"\\n", device, cu2sycl::device_properties(device).name);
        return device;
      }
      // The default device is SYCL's choice of the best one.
      inline int gpuGetMaxGflopsDeviceId() { return 0; }
      // Honors -device=N like the original; otherwise the default device.
      inline int findCudaDevice(int argc, const char **argv) {
        for (int i = 1; i < argc; ++i) {
          const char *arg = argv[i];
          while (*arg == '-') ++arg;
          if (std::strncmp(arg, "device=", 7) == 0) {
            int device = gpuDeviceInit(std::atoi(arg + 7));
            if (device < 0) std::exit(EXIT_FAILURE);
            return device;
          }
        }
        std::printf("SYCL Device [0]: \\"%s\\"\\n", cu2sycl::device_properties(0).name);
        cu2sycl::set_device(0);
        return 0;
      }
      inline int findIntegratedGPU() {
        for (int d = 0; d < cu2sycl::device_count(); ++d)
          if (cu2sycl::device_properties(d).integrated) return d;
        return -1;
      }
      // Every SYCL device passes: compute capability does not apply (see cu2sycl::device_prop).
      inline bool checkCudaCapabilities(int, int) { return true; }

      """
    }
    if helpers.contains(.helperCudaDriver) { out += ModuleRuntime.helperCudaDriver }
    if helpers.contains(.nvrtcHelper) { out += ModuleRuntime.nvrtcHelper }
    return out
  }
}
