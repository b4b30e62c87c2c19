// memory_pools: stream-ordered allocation from memory pools, access descriptors, L2 cache hints and
// scheduling flags, each part checked by the program itself. The default pool gets a release threshold
// that reads back; an explicit pool gives its own device read-write access; kernels fill memory
// allocated from both pools on a stream (sizes written with a macro inside the error-check macro); an
// access policy window is set on the stream and the persisting cache reset (hints: results are
// unchanged); events and managed memory are created with flags kept in variables.
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <cuda_runtime.h>
#include <cuda_profiler_api.h>

#define N 1024
#define BYTES (N * sizeof(int))

#define CHECK(call)                                                                   \
  do {                                                                                \
    cudaError_t status = (call);                                                      \
    if (status != cudaSuccess) {                                                      \
      printf("FAIL memory_pools: %s at line %d\n", cudaGetErrorString(status), __LINE__); \
      return 1;                                                                       \
    }                                                                                 \
  } while (0)

__global__ void iota(int *data, int n, int offset) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) data[i] = i + offset;
}

int main() {
  int device = 0;
  int poolsSupported = 0;
  CHECK(cudaDeviceGetAttribute(&poolsSupported, cudaDevAttrMemoryPoolsSupported, device));
  if (!poolsSupported) {
    printf("FAIL memory_pools: no memory pools\n");
    return 1;
  }
  // A blocking-sync device and events, chosen through variables as cuda-samples do.
  int syncMethod = cudaDeviceBlockingSync;
  CHECK(cudaSetDeviceFlags(syncMethod));
  int eventFlags = (syncMethod == cudaDeviceBlockingSync) ? cudaEventBlockingSync : cudaEventDefault;
  cudaEvent_t start, stop;
  CHECK(cudaEventCreateWithFlags(&start, eventFlags));
  CHECK(cudaEventCreateWithFlags(&stop, eventFlags));
  cudaStream_t stream;
  CHECK(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
  CHECK(cudaProfilerStart());

  // The default pool keeps what it is told.
  cudaMemPool_t defaultPool;
  CHECK(cudaDeviceGetDefaultMemPool(&defaultPool, device));
  uint64_t threshold = UINT64_MAX, readBack = 0;
  CHECK(cudaMemPoolSetAttribute(defaultPool, cudaMemPoolAttrReleaseThreshold, &threshold));
  CHECK(cudaMemPoolGetAttribute(defaultPool, cudaMemPoolAttrReleaseThreshold, &readBack));
  if (readBack != threshold) {
    printf("FAIL memory_pools: release threshold %llu\n", (unsigned long long)readBack);
    return 1;
  }

  // An explicit pool on the device: its own device has read-write access.
  cudaMemPoolProps props;
  memset(&props, 0, sizeof(cudaMemPoolProps));
  props.allocType = cudaMemAllocationTypePinned;
  props.handleTypes = cudaMemHandleTypeNone;
  props.location.type = cudaMemLocationTypeDevice;
  props.location.id = device;
  cudaMemPool_t pool;
  CHECK(cudaMemPoolCreate(&pool, &props));
  cudaMemAccessDesc desc;
  memset(&desc, 0, sizeof(cudaMemAccessDesc));
  desc.location = props.location;
  desc.flags = cudaMemAccessFlagsProtReadWrite;
  CHECK(cudaMemPoolSetAccess(pool, &desc, 1));
  cudaMemAccessFlags access;
  cudaMemLocation here;
  here.type = cudaMemLocationTypeDevice;
  here.id = device;
  CHECK(cudaMemPoolGetAccess(&access, pool, &here));
  if (access != cudaMemAccessFlagsProtReadWrite) {
    printf("FAIL memory_pools: access %d\n", (int)access);
    return 1;
  }

  // A cache hint on the stream: persist the first buffer in L2.
  int *a = NULL, *b = NULL;
  CHECK(cudaMallocAsync(&a, BYTES, defaultPool, stream));
  CHECK(cudaMallocFromPoolAsync(&b, BYTES, pool, stream));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, device));
  if (prop.persistingL2CacheMaxSize > 0) CHECK(cudaDeviceSetLimit(cudaLimitPersistingL2CacheSize, prop.persistingL2CacheMaxSize));
  cudaAccessPolicyWindow window;
  window.base_ptr = (void *)a;
  window.num_bytes = BYTES;
  window.hitRatio = 1.0f;
  window.hitProp = cudaAccessPropertyPersisting;
  window.missProp = cudaAccessPropertyStreaming;
  cudaStreamAttrValue value;
  value.accessPolicyWindow = window;
  CHECK(cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));

  CHECK(cudaEventRecord(start, stream));
  iota<<<N / 256, 256, 0, stream>>>(a, N, 0);
  iota<<<N / 256, 256, 0, stream>>>(b, N, 7);
  CHECK(cudaEventRecord(stop, stream));
  int *result = NULL;
  CHECK(cudaMallocManaged(&result, 2 * BYTES, cudaMemAttachHost));
  CHECK(cudaStreamAttachMemAsync(stream, result));
  CHECK(cudaMemcpyAsync(result, a, BYTES, cudaMemcpyDeviceToHost, stream));
  CHECK(cudaMemcpyAsync(result + N, b, BYTES, cudaMemcpyDeviceToHost, stream));
  CHECK(cudaFreeAsync(a, stream));
  CHECK(cudaFreeAsync(b, stream));
  CHECK(cudaStreamSynchronize(stream));
  CHECK(cudaCtxResetPersistingL2Cache());
  CHECK(cudaMemPoolTrimTo(pool, 0));
  CHECK(cudaProfilerStop());

  int errors = 0;
  for (int i = 0; i < N; ++i) errors += (result[i] != i) + (result[N + i] != i + 7);
  float ms = -1.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  CHECK(cudaFree(result));
  CHECK(cudaMemPoolDestroy(pool));
  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaStreamDestroy(stream));
  if (errors != 0 || ms < 0.0f) {
    printf("FAIL memory_pools: %d wrong values, %f ms\n", errors, ms);
    return 1;
  }
  printf("PASS memory_pools\n");
  return 0;
}
