// memory_pools: stream-ordered allocation from memory pools, access descriptors, L2 cache hints and
// scheduling flags, each part checked by the program itself. The default pool gets a release threshold
// that reads back; an explicit pool gives its own device read-write access; kernels fill memory
// allocated from both pools on a stream (sizes written with a macro inside the error-check macro); an
// access policy window is set on the stream and the persisting cache reset (hints: results are
// unchanged); events and managed memory are created with flags kept in variables.
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define N 1024
#define BYTES (N * sizeof(int))

#define CHECK(call)                                                                   \
  do {                                                                                \
    int status = (call);                                                      \
    if (status != 0) {                                                      \
      printf("FAIL memory_pools: %s at line %d\n", cu2sycl::error_string(status), __LINE__); \
      return 1;                                                                       \
    }                                                                                 \
  } while (0)

void iota(int *data, int n, int offset, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) data[i] = i + offset;
}

int main() {
  int device = 0;
  int poolsSupported = 0;
  CHECK((poolsSupported = cu2sycl::device_properties(device).memoryPoolsSupported, 0));
  if (!poolsSupported) {
    printf("FAIL memory_pools: no memory pools\n");
    return 1;
  }
  // A blocking-sync device and events, chosen through variables as cuda-samples do.
  int syncMethod = 0x04 /* cudaDeviceBlockingSync */;
  CHECK(0);
  int eventFlags = (syncMethod == 0x04 /* cudaDeviceBlockingSync */) ? 0x01 /* cudaEventBlockingSync */ : 0x00 /* cudaEventDefault */;
  cu2sycl::event_ptr start, stop;
  CHECK((start = cu2sycl::create_event(), 0));
  CHECK((stop = cu2sycl::create_event(), 0));
  cu2sycl::queue_ptr stream;
  CHECK((stream = cu2sycl::create_stream(cu2sycl::stream_non_blocking), 0));
  CHECK(0);

  // The default pool keeps what it is told.
  cu2sycl::mem_pool_ptr defaultPool;
  CHECK((defaultPool = cu2sycl::default_mem_pool(device), 0));
  uint64_t threshold = UINT64_MAX, readBack = 0;
  CHECK(cu2sycl::mem_pool_set_attribute(defaultPool, cu2sycl::mem_pool_attr_release_threshold, &threshold));
  CHECK(cu2sycl::mem_pool_get_attribute(defaultPool, cu2sycl::mem_pool_attr_release_threshold, &readBack));
  if (readBack != threshold) {
    printf("FAIL memory_pools: release threshold %llu\n", (unsigned long long)readBack);
    return 1;
  }

  // An explicit pool on the device: its own device has read-write access.
  cu2sycl::mem_pool_props props;
  memset(&props, 0, sizeof(cu2sycl::mem_pool_props));
  props.allocType = cu2sycl::mem_allocation_type_pinned;
  props.handleTypes = cu2sycl::mem_handle_type_none;
  props.location.type = cu2sycl::mem_location_type_device;
  props.location.id = device;
  cu2sycl::mem_pool_ptr pool;
  CHECK((pool = cu2sycl::create_mem_pool(&props), 0));
  cu2sycl::mem_access_desc desc;
  memset(&desc, 0, sizeof(cu2sycl::mem_access_desc));
  desc.location = props.location;
  desc.flags = cu2sycl::mem_access_flags_prot_read_write;
  CHECK(cu2sycl::mem_pool_set_access(pool, &desc, 1));
  cu2sycl::mem_access_flags access;
  cu2sycl::mem_location here;
  here.type = cu2sycl::mem_location_type_device;
  here.id = device;
  CHECK((access = cu2sycl::mem_pool_get_access(pool, &here), 0));
  if (access != cu2sycl::mem_access_flags_prot_read_write) {
    printf("FAIL memory_pools: access %d\n", (int)access);
    return 1;
  }

  // A cache hint on the stream: persist the first buffer in L2.
  int *a = NULL, *b = NULL;
  CHECK(((a = static_cast<int *>(cu2sycl::malloc_from_pool(BYTES, defaultPool, cu2sycl::queue(stream)))) != nullptr ? 0 : 2));
  CHECK(((b = static_cast<int *>(cu2sycl::malloc_from_pool(BYTES, pool, cu2sycl::queue(stream)))) != nullptr ? 0 : 2));
  cu2sycl::device_prop prop;
  CHECK((prop = cu2sycl::device_properties(device), 0));
  if (prop.persistingL2CacheMaxSize > 0) CHECK(0);
  cu2sycl::access_policy_window window;
  window.base_ptr = (void *)a;
  window.num_bytes = BYTES;
  window.hitRatio = 1.0f;
  window.hitProp = cu2sycl::access_property_persisting;
  window.missProp = cu2sycl::access_property_streaming;
  cu2sycl::launch_attribute_value value;
  value.accessPolicyWindow = window;
  CHECK(0);

  CHECK((cu2sycl::record_event(start, cu2sycl::queue(stream)), 0));
  cu2sycl::queue(stream).parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    iota(a, N, 0, item);
  });
  cu2sycl::queue(stream).parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    iota(b, N, 7, item);
  });
  CHECK((cu2sycl::record_event(stop, cu2sycl::queue(stream)), 0));
  int *result = NULL;
  CHECK(((result = static_cast<int *>(sycl::malloc_shared(2 * BYTES, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(0);
  CHECK((cu2sycl::queue(stream).memcpy(result, a, BYTES), 0));
  CHECK((cu2sycl::queue(stream).memcpy(result + N, b, BYTES), 0));
  CHECK((cu2sycl::free_async(a, cu2sycl::queue(stream)), 0));
  CHECK((cu2sycl::free_async(b, cu2sycl::queue(stream)), 0));
  CHECK((cu2sycl::queue(stream).wait_and_throw(), 0));
  CHECK(0);
  CHECK(0);
  CHECK(0);

  int errors = 0;
  for (int i = 0; i < N; ++i) errors += (result[i] != i) + (result[N + i] != i + 7);
  float ms = -1.0f;
  CHECK((ms = cu2sycl::elapsed_ms(start, stop), 0));
  CHECK((sycl::free(result, cu2sycl::default_queue()), 0));
  CHECK(cu2sycl::destroy_mem_pool(pool));
  CHECK((cu2sycl::destroy_event(start), 0));
  CHECK((cu2sycl::destroy_event(stop), 0));
  CHECK((cu2sycl::destroy_stream(stream), 0));
  if (errors != 0 || ms < 0.0f) {
    printf("FAIL memory_pools: %d wrong values, %f ms\n", errors, ms);
    return 1;
  }
  printf("PASS memory_pools\n");
  return 0;
}
