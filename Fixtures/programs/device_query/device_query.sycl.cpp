// device_query: device selection and properties.
// Lists the devices, checks that their properties are sane, rejects an invalid device index, reads
// attributes both ways, and sizes a launch from the properties (block size and grid limit).
#include <cstdio>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

void iota(int *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = i;
}

int main() {
  int count = 0;
  if ((count = cu2sycl::device_count(), 0) != 0 || count < 1) {
    printf("FAIL device_query: no device\n");
    return 1;
  }
  int errors = 0;
  for (int d = 0; d < count; ++d) {
    cu2sycl::device_prop prop;
    prop = cu2sycl::device_properties(d);
    printf("device %d: %s, %d compute units, %zu MiB, up to %d threads per block (%d x %d x %d)\n", d, prop.name,
           prop.multiProcessorCount, prop.totalGlobalMem >> 20, prop.maxThreadsPerBlock, prop.maxThreadsDim[0],
           prop.maxThreadsDim[1], prop.maxThreadsDim[2]);
    if (strlen(prop.name) == 0 || prop.multiProcessorCount < 1 || prop.totalGlobalMem == 0 || prop.maxThreadsPerBlock < 1 ||
        prop.maxThreadsDim[0] < 1 || prop.sharedMemPerBlock == 0 || prop.warpSize < 1) {
      printf("device %d has implausible properties\n", d);
      ++errors;
    }
  }
  if (cu2sycl::set_device(count) == 0) {
    printf("cudaSetDevice accepted device %d of %d\n", count, count);
    ++errors;
  }
  if (cu2sycl::set_device(0) != 0) ++errors;
  int current = -1;
  current = cu2sycl::current_device();
  if (current != 0) ++errors;

  cu2sycl::device_prop prop;
  prop = cu2sycl::device_properties(current);
  int threads = 0, units = 0, gridLimit = 0;
  threads = cu2sycl::device_properties(current).maxThreadsPerBlock;
  units = cu2sycl::device_properties(current).multiProcessorCount;
  // CU2SYCL-W016: cudaDevAttrMaxGridDimX: SYCL does not report grid limits; these are CUDA's usual ones (2^31-1, 65535, 65535)
  gridLimit = cu2sycl::device_properties(current).maxGridSize[0];
  if (threads != prop.maxThreadsPerBlock || units != prop.multiProcessorCount) {
    printf("attributes disagree with properties\n");
    ++errors;
  }
  // Configuration hints.

  const int n = 10000;
  int block = prop.maxThreadsPerBlock < 256 ? prop.maxThreadsPerBlock : 256;
  int grid = (n + block - 1) / block;
  if (grid > gridLimit) grid = gridLimit;
  int *d;
  d = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    iota(d, n, item);
  });
  int *h = new int[n];
  cu2sycl::default_queue().memcpy(h, d, n * sizeof(int)).wait();
  for (int i = 0; i < n; ++i) {
    if (h[i] != i) {
      if (errors++ < 5) printf("out[%d] = %d\n", i, h[i]);
    }
  }
  delete[] h;
  sycl::free(d, cu2sycl::default_queue());
  cu2sycl::default_queue().wait_and_throw();
  if (errors) {
    printf("FAIL device_query: %d errors\n", errors);
    return 1;
  }
  printf("PASS device_query\n");
  return 0;
}
