// saxpy: y = a * x + y, single precision.
// Every runtime call is wrapped in CUDA_CHECK; the launch is checked with cudaGetLastError.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CUDA_CHECK(call)                                                        \
  do {                                                                          \
    int err = (call);                                                   \
    if (err != 0) {                                                   \
      fprintf(stderr, "%s:%d: CUDA error: %s\n", __FILE__, __LINE__,            \
              cu2sycl::error_string(err));                                         \
      printf("FAIL saxpy: CUDA error %s\n", cu2sycl::error_string(err));          \
      exit(1);                                                                  \
    }                                                                           \
  } while (0)

void saxpy(int n, float a, const float *__restrict__ x, float *__restrict__ y, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    y[i] = a * x[i] + y[i];
  }
}

int main() {
  const int n = 4099;  // deliberately not a multiple of the block size
  const float a = 2.5f;
  const size_t bytes = sizeof(float) * n;

  std::vector<float> x(n), y(n), ref(n);
  for (int i = 0; i < n; ++i) {
    x[i] = 0.001f * (float)(i % 1000) - 0.3f;
    y[i] = 1.0f + 0.0005f * (float)(i % 777);
    ref[i] = a * x[i] + y[i];
  }

  float *d_x = nullptr;
  float *d_y = nullptr;
  CUDA_CHECK(((d_x = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CHECK(((d_y = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CHECK((cu2sycl::default_queue().memcpy(d_x, x.data(), bytes).wait(), 0));
  CUDA_CHECK((cu2sycl::default_queue().memcpy(d_y, y.data(), bytes).wait(), 0));

  const int block = 128;
  const int grid = (n + block - 1) / block;
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    saxpy(n, a, d_x, d_y, item);
  });
  CUDA_CHECK(0);
  CUDA_CHECK((cu2sycl::default_queue().wait_and_throw(), 0));

  CUDA_CHECK((cu2sycl::default_queue().memcpy(y.data(), d_y, bytes).wait(), 0));
  CUDA_CHECK((sycl::free(d_x, cu2sycl::default_queue()), 0));
  CUDA_CHECK((sycl::free(d_y, cu2sycl::default_queue()), 0));

  // The device may fuse a*x+y into one FMA; allow for the rounding difference.
  int bad = 0;
  int firstBad = -1;
  for (int i = 0; i < n; ++i) {
    float diff = fabsf(y[i] - ref[i]);
    if (diff > 1e-5f * fabsf(ref[i]) + 1e-6f) {
      if (firstBad < 0) firstBad = i;
      ++bad;
    }
  }
  if (bad) {
    printf("FAIL saxpy: %d mismatches, first at %d (got %.7f, want %.7f)\n", bad, firstBad,
           y[firstBad], ref[firstBad]);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
