// driver_api: the CUDA driver API around a kernel of this file.
// Initializes the driver, queries the device, creates a context, allocates with cuMemAlloc, uploads
// with cuMemcpyHtoD, clears a tail with cuMemsetD32, launches a kernel on the driver allocation (a
// CUdeviceptr cast to a typed pointer, and one offset by bytes), copies back on a driver stream
// timed with driver events, and checks every value.
#include <cstdio>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                      \
  do {                                                                                   \
    int status = (call);                                                            \
    if (status != 0) {                                                        \
      const char *text = nullptr;                                                        \
      text = cu2sycl::error_string(status);                                                   \
      printf("FAIL driver_api: %s (%d) at line %d\n", text, (int)status, __LINE__);      \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

const int kN = 1000;
const int kTail = 24;

void scaleAdd(float *data, const float *bias, float factor, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) data[i] = data[i] * factor + bias[i];
}

int main() {
  CHECK(0);
  int count = 0;
  CHECK((count = cu2sycl::device_count(), 0));
  if (count < 1) {
    printf("FAIL driver_api: no device\n");
    return 1;
  }
  int device;
  CHECK((device = 0, 0));
  char name[64];
  CHECK((cu2sycl::device_name(name, sizeof(name), device), 0));
  size_t totalMem = 0;
  CHECK((totalMem = cu2sycl::device_properties(device).totalGlobalMem, 0));
  int maxThreads = 0;
  CHECK((maxThreads = cu2sycl::device_properties(device).maxThreadsPerBlock, 0));
  cu2sycl::context_ptr context;
  CHECK((context = cu2sycl::create_context(device), 0));

  const size_t bytes = kN * sizeof(float);
  cu2sycl::device_ptr data, bias;
  CHECK(((data = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(((bias = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  float host[kN], biasHost[kN];
  for (int i = 0; i < kN; ++i) {
    host[i] = static_cast<float>(i);
    biasHost[i] = static_cast<float>(i % 5);
  }
  CHECK((cu2sycl::default_queue().memcpy(data, host, bytes).wait(), 0));
  CHECK((cu2sycl::default_queue().memcpy(bias, biasHost, bytes).wait(), 0));
  // The last kTail values of data become 0 (a CUdeviceptr moves by bytes).
  CHECK((cu2sycl::default_queue().fill(data + (kN - kTail) * sizeof(float), static_cast<unsigned int>(0), kTail).wait(), 0));

  int threads = maxThreads < 128 ? maxThreads : 128;
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((kN + threads - 1) / threads * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    scaleAdd((float *)data, (const float *)bias, 2.0f, kN, item);
  });
  CHECK((cu2sycl::default_queue().wait_and_throw(), 0));

  cu2sycl::queue_ptr stream;
  cu2sycl::event_ptr start, stop;
  CHECK((stream = cu2sycl::create_stream(), 0));
  CHECK((start = cu2sycl::create_event(), 0));
  CHECK((stop = cu2sycl::create_event(), 0));
  float result[kN];
  std::memset(result, 0xff, sizeof(result));
  CHECK((cu2sycl::record_event(start, cu2sycl::queue(stream)), 0));
  CHECK((cu2sycl::queue(stream).memcpy(result, data, bytes), 0));
  CHECK((cu2sycl::record_event(stop, cu2sycl::queue(stream)), 0));
  CHECK((cu2sycl::queue(stream).wait_and_throw(), 0));
  CHECK((cu2sycl::synchronize_event(stop), 0));
  float ms = -1.0f;
  CHECK((ms = cu2sycl::elapsed_ms(start, stop), 0));

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

  CHECK((cu2sycl::destroy_event(start), 0));
  CHECK((cu2sycl::destroy_event(stop), 0));
  CHECK((cu2sycl::destroy_stream(stream), 0));
  CHECK((sycl::free(data, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(bias, cu2sycl::default_queue()), 0));
  CHECK((cu2sycl::destroy_context(context), 0));
  if (errors) {
    printf("FAIL driver_api: %d errors\n", errors);
    return 1;
  }
  printf("device: %s\n", name);
  printf("PASS driver_api\n");
  return 0;
}
