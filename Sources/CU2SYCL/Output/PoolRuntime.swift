/// Helpers for CUDA's memory pools, cache hints and the plain data of inter-process sharing, emitted into
/// `cu2sycl/runtime.hpp` when migrated code uses them. SYCL 2020 has none of the three.
enum PoolRuntime {
  static let pools = """

    // CUDA memory pools (cudaMemPool_t). SYCL 2020 has no pools: a mem_pool is where its memory lives (a
    // device, or the host) and the attributes set on it. An allocation from it is sycl::malloc_device on
    // that device (malloc_host for a host pool) and every free returns the memory at once, so the release
    // threshold and the reuse policies, which only tune when CUDA hands memory back, are recorded and read
    // back but change nothing. Enumerators have CUDA's values.
    enum mem_location_type {
      mem_location_type_invalid = 0, mem_location_type_device = 1, mem_location_type_host = 2, mem_location_type_host_numa = 3,
      mem_location_type_host_numa_current = 4
    };
    enum mem_access_flags { mem_access_flags_prot_none = 0, mem_access_flags_prot_read = 1, mem_access_flags_prot_read_write = 3 };
    enum mem_allocation_type { mem_allocation_type_invalid = 0, mem_allocation_type_pinned = 1 };
    enum mem_handle_type {
      mem_handle_type_none = 0, mem_handle_type_posix_file_descriptor = 1, mem_handle_type_win32 = 2, mem_handle_type_win32_kmt = 4,
      mem_handle_type_fabric = 8
    };
    enum mem_pool_attr {
      mem_pool_reuse_follow_event_dependencies = 1, mem_pool_reuse_allow_opportunistic = 2, mem_pool_reuse_allow_internal_dependencies = 3,
      mem_pool_attr_release_threshold = 4, mem_pool_attr_reserved_mem_current = 5, mem_pool_attr_reserved_mem_high = 6,
      mem_pool_attr_used_mem_current = 7, mem_pool_attr_used_mem_high = 8
    };
    // cudaMemLocation, cudaMemAccessDesc and cudaMemPoolProps with CUDA's field names and layout.
    struct mem_location {
      mem_location_type type;
      int id;
    };
    struct mem_access_desc {
      mem_location location;
      mem_access_flags flags;
    };
    struct mem_pool_props {
      mem_allocation_type allocType;
      mem_handle_type handleTypes;
      mem_location location;
      void *win32SecurityAttributes;
      size_t maxSize;
      unsigned short usage;
      unsigned char reserved[54];
    };
    struct mem_pool {
      mem_location location;
      unsigned long long release_threshold = 0;
      int reuse[3] = {1, 1, 1};  // the three reuse policies, on by default as in CUDA
      bool is_default = false;
    };
    using mem_pool_ptr = mem_pool *;
    namespace detail {
    inline std::vector<mem_pool_ptr> &pools(bool defaults) {
      static std::vector<mem_pool_ptr> made = [] {
        std::vector<mem_pool_ptr> v;
        for (int d = 0; d < device_count(); ++d) v.push_back(new mem_pool{{mem_location_type_device, d}, 0, {1, 1, 1}, true});
        return v;
      }();
      static std::vector<mem_pool_ptr> current = made;
      return defaults ? made : current;
    }
    inline bool same_location(const mem_location &a, const mem_location &b) {
      bool host_a = a.type != mem_location_type_device, host_b = b.type != mem_location_type_device;
      return host_a == host_b && (host_a || a.id == b.id);
    }
    }  // namespace detail
    // cudaDeviceGetDefaultMemPool, cudaDeviceGetMemPool, cudaDeviceSetMemPool (throw for a bad device index).
    inline mem_pool_ptr default_mem_pool(int device) { return detail::pools(true).at(device); }
    inline mem_pool_ptr device_mem_pool(int device) { return detail::pools(false).at(device); }
    inline int set_device_mem_pool(int device, mem_pool_ptr pool) {
      detail::pools(false).at(device) = pool;
      return 0;
    }
    inline mem_pool_ptr create_mem_pool(const mem_pool_props *props) { return new mem_pool{props->location}; }
    // Default pools live as long as the program (CUDA refuses to destroy them: cudaErrorInvalidValue).
    inline int destroy_mem_pool(mem_pool_ptr pool) {
      if (pool->is_default) return 1;
      for (mem_pool_ptr &current : detail::pools(false))
        if (current == pool) current = default_mem_pool(pool->location.id);
      delete pool;
      return 0;
    }
    // cudaMallocFromPoolAsync: memory where the pool lives, ready at once (see free_async for the free).
    inline void *malloc_from_pool(size_t bytes, mem_pool_ptr pool, sycl::queue &q) {
      if (pool->location.type != mem_location_type_device) return sycl::malloc_host(bytes, q.get_context());
      return sycl::malloc_device(bytes, detail::device_list().at(pool->location.id), q.get_context());
    }
    template <typename T> T *malloc_from_pool(size_t count, mem_pool_ptr pool, sycl::queue &q) {
      return static_cast<T *>(malloc_from_pool(count * sizeof(T), pool, q));
    }
    // cudaMemPoolSetAttribute/GetAttribute: the release threshold (unsigned long long) and reuse policies
    // (int) are recorded. SYCL 2020 reports no pool usage: reserved and used sizes read 0, and only their
    // high-water marks may be set (reset), as in CUDA.
    inline int mem_pool_set_attribute(mem_pool_ptr pool, mem_pool_attr attr, void *value) {
      switch (attr) {
        case mem_pool_attr_release_threshold: pool->release_threshold = *static_cast<unsigned long long *>(value); return 0;
        case mem_pool_reuse_follow_event_dependencies:
        case mem_pool_reuse_allow_opportunistic:
        case mem_pool_reuse_allow_internal_dependencies: pool->reuse[attr - 1] = *static_cast<int *>(value); return 0;
        case mem_pool_attr_reserved_mem_high:
        case mem_pool_attr_used_mem_high: return 0;
        default: return 1;  // cudaErrorInvalidValue: the current sizes are read-only
      }
    }
    inline int mem_pool_get_attribute(mem_pool_ptr pool, mem_pool_attr attr, void *value) {
      switch (attr) {
        case mem_pool_attr_release_threshold: *static_cast<unsigned long long *>(value) = pool->release_threshold; return 0;
        case mem_pool_reuse_follow_event_dependencies:
        case mem_pool_reuse_allow_opportunistic:
        case mem_pool_reuse_allow_internal_dependencies: *static_cast<int *>(value) = pool->reuse[attr - 1]; return 0;
        default: *static_cast<unsigned long long *>(value) = 0; return 0;
      }
    }
    // cudaMemPoolSetAccess/GetAccess. The pool's own location always has read-write access. Another
    // device would reach the pool's memory through peer access, which cu2sycl does not offer (see
    // cudaDeviceCanAccessPeer): granting it fails with cudaErrorPeerAccessUnsupported (217), as CUDA does
    // on a system without peer access, and it reads as no access.
    inline int mem_pool_set_access(mem_pool_ptr pool, const mem_access_desc *descs, size_t count) {
      for (size_t i = 0; i < count; ++i) {
        bool own = detail::same_location(descs[i].location, pool->location);
        if (own && descs[i].flags != mem_access_flags_prot_read_write) return 1;  // cudaErrorInvalidValue
        if (!own && descs[i].flags != mem_access_flags_prot_none) return 217;
      }
      return 0;
    }
    inline mem_access_flags mem_pool_get_access(mem_pool_ptr pool, const mem_location *location) {
      return detail::same_location(*location, pool->location) ? mem_access_flags_prot_read_write : mem_access_flags_prot_none;
    }

    """

  static let cacheHints = """

    // CUDA's L2 cache hints (access policy windows, persisting lines) tune performance only; SYCL 2020 has
    // no cache control, so the values are plain data with CUDA's field names that nothing applies.
    enum access_property { access_property_normal = 0, access_property_streaming = 1, access_property_persisting = 2 };
    struct access_policy_window {
      void *base_ptr;
      size_t num_bytes;
      float hitRatio;
      access_property hitProp;
      access_property missProp;
    };
    enum launch_attribute_id {
      launch_attribute_ignore = 0, launch_attribute_access_policy_window = 1, launch_attribute_cooperative = 2,
      launch_attribute_synchronization_policy = 3, launch_attribute_priority = 8
    };
    // cudaLaunchAttributeValue (cudaStreamAttrValue): the members cu2sycl converts.
    struct launch_attribute_value {
      access_policy_window accessPolicyWindow;
      int cooperative;
      int priority;
    };

    """

  static let interprocess = """

    // The opaque handles of CUDA's inter-process sharing, with CUDA's sizes. SYCL 2020 cannot share memory
    // or events between processes, so nothing produces or opens them (see the CU2SYCL-W073/W074 findings).
    struct ipc_mem_handle {
      char reserved[64];
    };
    struct ipc_event_handle {
      char reserved[64];
    };
    struct mem_pool_ptr_export_data {
      unsigned char reserved[64];
    };

    """
}
