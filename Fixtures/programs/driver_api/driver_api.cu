// driver_api: the CUDA driver API around a kernel of this file.
// Initializes the driver, queries the device, creates a context, allocates with cuMemAlloc, uploads
// with cuMemcpyHtoD, clears a tail with cuMemsetD32, launches a kernel on the driver allocation (a
// CUdeviceptr cast to a typed pointer, and one offset by bytes), copies back on a driver stream
// timed with driver events, and checks every value.
#include <cstdio>
#include <cstring>
#include <cuda.h>

#define CHECK(call)                                                                      \
  do {                                                                                   \
    CUresult status = (call);                                                            \
    if (status != CUDA_SUCCESS) {                                                        \
      const char *text = nullptr;                                                        \
      cuGetErrorString(status, &text);                                                   \
      printf("FAIL driver_api: %s (%d) at line %d\n", text, (int)status, __LINE__);      \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

const int kN = 1000;
const int kTail = 24;

__global__ void scaleAdd(float *data, const float *bias, float factor, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) data[i] = data[i] * factor + bias[i];
}

int main() {
  CHECK(cuInit(0));
  int count = 0;
  CHECK(cuDeviceGetCount(&count));
  if (count < 1) {
    printf("FAIL driver_api: no device\n");
    return 1;
  }
  CUdevice device;
  CHECK(cuDeviceGet(&device, 0));
  char name[64];
  CHECK(cuDeviceGetName(name, sizeof(name), device));
  size_t totalMem = 0;
  CHECK(cuDeviceTotalMem(&totalMem, device));
  int maxThreads = 0;
  CHECK(cuDeviceGetAttribute(&maxThreads, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK, device));
  CUcontext context;
  CHECK(cuCtxCreate(&context, 0, device));

  const size_t bytes = kN * sizeof(float);
  CUdeviceptr data, bias;
  CHECK(cuMemAlloc(&data, bytes));
  CHECK(cuMemAlloc(&bias, bytes));
  float host[kN], biasHost[kN];
  for (int i = 0; i < kN; ++i) {
    host[i] = static_cast<float>(i);
    biasHost[i] = static_cast<float>(i % 5);
  }
  CHECK(cuMemcpyHtoD(data, host, bytes));
  CHECK(cuMemcpyHtoD(bias, biasHost, bytes));
  // The last kTail values of data become 0 (a CUdeviceptr moves by bytes).
  CHECK(cuMemsetD32(data + (kN - kTail) * sizeof(float), 0, kTail));

  int threads = maxThreads < 128 ? maxThreads : 128;
  scaleAdd<<<(kN + threads - 1) / threads, threads>>>((float *)data, (const float *)bias, 2.0f, kN);
  CHECK(cuCtxSynchronize());

  CUstream stream;
  CUevent start, stop;
  CHECK(cuStreamCreate(&stream, CU_STREAM_DEFAULT));
  CHECK(cuEventCreate(&start, CU_EVENT_DEFAULT));
  CHECK(cuEventCreate(&stop, CU_EVENT_DEFAULT));
  float result[kN];
  std::memset(result, 0xff, sizeof(result));
  CHECK(cuEventRecord(start, stream));
  CHECK(cuMemcpyDtoHAsync(result, data, bytes, stream));
  CHECK(cuEventRecord(stop, stream));
  CHECK(cuStreamSynchronize(stream));
  CHECK(cuEventSynchronize(stop));
  float ms = -1.0f;
  CHECK(cuEventElapsedTime(&ms, start, stop));

  int errors = 0;
  for (int i = 0; i < kN; ++i) {
    float want = (i < kN - kTail ? 2.0f * i : 0.0f) + static_cast<float>(i % 5);
    if (result[i] != want && errors++ < 5) printf("mismatch at %d: got %f want %f\n", i, result[i], want);
  }
  if (name[0] == '\0' || totalMem == 0 || maxThreads < 1) {
    printf("implausible device: name '%s', %zu bytes, %d threads\n", name, totalMem, maxThreads);
    ++errors;
  }
  if (!(ms >= 0.0f && ms < 60000.0f)) {
    printf("implausible elapsed time %f ms\n", ms);
    ++errors;
  }

  CHECK(cuEventDestroy(start));
  CHECK(cuEventDestroy(stop));
  CHECK(cuStreamDestroy(stream));
  CHECK(cuMemFree(data));
  CHECK(cuMemFree(bias));
  CHECK(cuCtxDestroy(context));
  if (errors) {
    printf("FAIL driver_api: %d errors\n", errors);
    return 1;
  }
  printf("device: %s\n", name);
  printf("PASS driver_api\n");
  return 0;
}
