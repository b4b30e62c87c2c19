/// Helpers for CUDA's pitched (2-D and 3-D) memory, pointer queries and stream-ordered frees, emitted into
/// `cu2sycl/runtime.hpp` when migrated code uses them. SYCL 2020 USM copies are 1-D only.
enum MemoryRuntime {
  static let pitched = """

    // CUDA's pitched memory (cudaMallocPitch, cudaMemcpy2D, cudaMalloc3D, ...) on USM. A row is padded to a
    // multiple of pitch_alignment bytes: a multiple of every vector type's alignment and of GPU cache lines,
    // so each row starts aligned, as CUDA promises (CUDA itself usually pads to 512). Code must use the
    // returned pitch, as it must in CUDA.
    constexpr size_t pitch_alignment = 128;
    inline size_t pitch_for(size_t width) { return (width + pitch_alignment - 1) / pitch_alignment * pitch_alignment; }
    template <typename T = void> T *malloc_pitch(size_t *pitch, size_t width, size_t height, sycl::queue &q) {
      *pitch = pitch_for(width);
      return static_cast<T *>(sycl::malloc_device(*pitch * height, q));
    }
    // `height` rows of `width` bytes, rows `src_pitch` and `dst_pitch` bytes apart. SYCL 2020 has no 2-D
    // copy: one memcpy when both sides are contiguous, one kernel when both are USM, else one memcpy per row
    // (pageable host memory). Returns the last command's event; the queues cu2sycl makes are in order.
    inline sycl::event memcpy_2d(sycl::queue &q, void *dst, size_t dst_pitch, const void *src, size_t src_pitch, size_t width,
                                 size_t height) {
      if ((dst_pitch == width && src_pitch == width) || height <= 1) return q.memcpy(dst, src, width * height);
      sycl::context context = q.get_context();
      char *d = static_cast<char *>(dst);
      const char *s = static_cast<const char *>(src);
      if (sycl::get_pointer_type(dst, context) != sycl::usm::alloc::unknown &&
          sycl::get_pointer_type(src, context) != sycl::usm::alloc::unknown) {
        return q.parallel_for(sycl::range<2>(height, width), [=](sycl::item<2> i) { d[i[0] * dst_pitch + i[1]] = s[i[0] * src_pitch + i[1]]; });
      }
      sycl::event last;
      for (size_t row = 0; row < height; ++row) last = q.memcpy(d + row * dst_pitch, s + row * src_pitch, width);
      return last;
    }
    // Sets `height` rows of `width` bytes, `pitch` bytes apart, to `value` (device memory: one kernel).
    inline sycl::event memset_2d(sycl::queue &q, void *ptr, size_t pitch, int value, size_t width, size_t height) {
      if (pitch == width || height <= 1) return q.memset(ptr, value, width * height);
      char *p = static_cast<char *>(ptr);
      unsigned char byte = static_cast<unsigned char>(value);
      return q.parallel_for(sycl::range<2>(height, width), [=](sycl::item<2> i) { p[i[0] * pitch + i[1]] = byte; });
    }

    // cudaExtent, cudaPos, cudaPitchedPtr and cudaMemcpy3DParms, with CUDA's field names and order. Widths
    // and x positions are in bytes, as in CUDA when no array takes part; copies with a CUDA array (a
    // texture_array) go through memcpy_3d_array.
    struct texture_array;
    struct extent {
      size_t width, height, depth;
    };
    struct pos {
      size_t x, y, z;
    };
    struct pitched_ptr {
      void *ptr;
      size_t pitch, xsize, ysize;
    };
    struct memcpy3d_parms {
      texture_array *srcArray;
      ::cu2sycl::pos srcPos;
      ::cu2sycl::pitched_ptr srcPtr;
      texture_array *dstArray;
      ::cu2sycl::pos dstPos;
      ::cu2sycl::pitched_ptr dstPtr;
      ::cu2sycl::extent extent;
    };
    inline extent make_extent(size_t width, size_t height, size_t depth) { return {width, height, depth}; }
    inline pos make_pos(size_t x, size_t y, size_t z) { return {x, y, z}; }
    inline pitched_ptr make_pitched_ptr(void *ptr, size_t pitch, size_t xsize, size_t ysize) { return {ptr, pitch, xsize, ysize}; }
    inline pitched_ptr malloc_3d(extent e, sycl::queue &q) {
      size_t pitch = pitch_for(e.width);
      return {sycl::malloc_device(pitch * e.height * e.depth, q), pitch, e.width, e.height};
    }
    // Slice z of a pitched allocation starts pitch * ysize * z bytes in.
    inline char *slice(const pitched_ptr &p, const pos &at, size_t z) {
      return static_cast<char *>(p.ptr) + ((at.z + z) * p.ysize + at.y) * p.pitch + at.x;
    }
    inline sycl::event memcpy_3d(sycl::queue &q, const memcpy3d_parms &p) {
      if (p.srcArray != nullptr || p.dstArray != nullptr)
        throw sycl::exception(sycl::make_error_code(sycl::errc::invalid), "cu2sycl::memcpy_3d: copies with a CUDA array need memcpy_3d_array");
      sycl::event last;
      for (size_t z = 0; z < p.extent.depth; ++z)
        last = memcpy_2d(q, slice(p.dstPtr, p.dstPos, z), p.dstPtr.pitch, slice(p.srcPtr, p.srcPos, z), p.srcPtr.pitch, p.extent.width,
                         p.extent.height);
      return last;
    }
    inline sycl::event memset_3d(sycl::queue &q, pitched_ptr p, int value, extent e) {
      sycl::event last;
      for (size_t z = 0; z < e.depth; ++z) last = memset_2d(q, slice(p, pos{0, 0, 0}, z), p.pitch, value, e.width, e.height);
      return last;
    }

    """

  static let pointerAttributes = """

    // cudaPointerGetAttributes: what USM says about a pointer, under CUDA's names. Host allocations are
    // device-accessible, so both pointers are the pointer itself; memory SYCL did not allocate is
    // "unregistered" (CUDA 11's answer), with no device pointer and device -1.
    enum memory_type { memory_type_unregistered = 0, memory_type_host = 1, memory_type_device = 2, memory_type_managed = 3 };
    struct pointer_attributes {
      memory_type type;
      int device;
      void *devicePointer;
      void *hostPointer;
    };
    inline pointer_attributes get_pointer_attributes(const void *ptr) {
      sycl::context context = default_queue().get_context();
      void *p = const_cast<void *>(ptr);
      pointer_attributes a{memory_type_unregistered, -1, nullptr, p};
      switch (sycl::get_pointer_type(ptr, context)) {
        case sycl::usm::alloc::host: a.type = memory_type_host; break;
        case sycl::usm::alloc::device: a.type = memory_type_device; a.hostPointer = nullptr; break;
        case sycl::usm::alloc::shared: a.type = memory_type_managed; break;
        default: return a;
      }
      a.devicePointer = p;
      sycl::device owner = sycl::get_pointer_device(ptr, context);
      const std::vector<sycl::device> &devices = detail::device_list();
      a.device = static_cast<int>(std::find(devices.begin(), devices.end(), owner) - devices.begin());
      if (a.device == static_cast<int>(devices.size())) a.device = current_device();
      return a;
    }

    """

  static let streamOrdered = """

    // cudaFreeAsync: the memory is released after the work already on the queue. SYCL 2020 has no
    // stream-ordered free, so the host waits for that work first (later work is not held up).
    inline void free_async(void *ptr, sycl::queue &q) {
      q.wait_and_throw();
      sycl::free(ptr, q);
    }

    """
}
