// device_query: device selection and properties.
// Lists the devices, checks that their properties are sane, rejects an invalid device index, reads
// attributes both ways, and sizes a launch from the properties (block size and grid limit).
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>

__global__ void iota(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = i;
}

int main() {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess || count < 1) {
    printf("FAIL device_query: no device\n");
    return 1;
  }
  int errors = 0;
  for (int d = 0; d < count; ++d) {
    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, d);
    printf("device %d: %s, %d compute units, %zu MiB, up to %d threads per block (%d x %d x %d)\n", d, prop.name,
           prop.multiProcessorCount, prop.totalGlobalMem >> 20, prop.maxThreadsPerBlock, prop.maxThreadsDim[0],
           prop.maxThreadsDim[1], prop.maxThreadsDim[2]);
    if (strlen(prop.name) == 0 || prop.multiProcessorCount < 1 || prop.totalGlobalMem == 0 || prop.maxThreadsPerBlock < 1 ||
        prop.maxThreadsDim[0] < 1 || prop.sharedMemPerBlock == 0 || prop.warpSize < 1) {
      printf("device %d has implausible properties\n", d);
      ++errors;
    }
  }
  if (cudaSetDevice(count) == cudaSuccess) {
    printf("cudaSetDevice accepted device %d of %d\n", count, count);
    ++errors;
  }
  if (cudaSetDevice(0) != cudaSuccess) ++errors;
  int current = -1;
  cudaGetDevice(&current);
  if (current != 0) ++errors;

  cudaDeviceProp prop;
  cudaGetDeviceProperties(&prop, current);
  int threads = 0, units = 0, gridLimit = 0;
  cudaDeviceGetAttribute(&threads, cudaDevAttrMaxThreadsPerBlock, current);
  cudaDeviceGetAttribute(&units, cudaDevAttrMultiProcessorCount, current);
  cudaDeviceGetAttribute(&gridLimit, cudaDevAttrMaxGridDimX, current);
  if (threads != prop.maxThreadsPerBlock || units != prop.multiProcessorCount) {
    printf("attributes disagree with properties\n");
    ++errors;
  }
  // Configuration hints.
  cudaFuncSetCacheConfig(iota, cudaFuncCachePreferL1);
  cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 1 << 20);

  const int n = 10000;
  int block = prop.maxThreadsPerBlock < 256 ? prop.maxThreadsPerBlock : 256;
  int grid = (n + block - 1) / block;
  if (grid > gridLimit) grid = gridLimit;
  int *d;
  cudaMalloc(&d, n * sizeof(int));
  iota<<<grid, block>>>(d, n);
  int *h = new int[n];
  cudaMemcpy(h, d, n * sizeof(int), cudaMemcpyDeviceToHost);
  for (int i = 0; i < n; ++i) {
    if (h[i] != i) {
      if (errors++ < 5) printf("out[%d] = %d\n", i, h[i]);
    }
  }
  delete[] h;
  cudaFree(d);
  cudaDeviceReset();
  if (errors) {
    printf("FAIL device_query: %d errors\n", errors);
    return 1;
  }
  printf("PASS device_query\n");
  return 0;
}
