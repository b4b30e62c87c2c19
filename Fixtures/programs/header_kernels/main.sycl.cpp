// header_kernels: the kernel and its __device__ helper live in kernels.cuh.
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include "kernels.sycl.hpp"

#define CUDA_CHECK(call)                                                                \
  do {                                                                                  \
    int err = (call);                                                           \
    if (err != 0) {                                                           \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cu2sycl::error_string(err));      \
      exit(1);                                                                          \
    }                                                                                   \
  } while (0)

// Host copy of activation() for the reference.
static float activationHost(float x) {
  float softplus = logf(1.0f + expf(x));
  float wiggle = 0.1f * sinf(x) * cosf(x);
  float growth = 0.01f * powf(fabsf(x), 1.5f);
  return softplus + wiggle + growth;
}

int main() {
  const int n = 4000;
  const float gain = 0.8f;

  std::vector<float> in(n), out(n);
  for (int i = 0; i < n; ++i) {
    in[i] = -6.0f + 12.0f * (float)i / (float)(n - 1);
  }

  float *d_in = nullptr, *d_out = nullptr;
  CUDA_CHECK(((d_in = sycl::malloc_device<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CUDA_CHECK(((d_out = sycl::malloc_device<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CUDA_CHECK((cu2sycl::default_queue().memcpy(d_in, in.data(), n * sizeof(float)).wait(), 0));

  sycl::range<1> block(128);
  sycl::range<1> grid((n + 127) / 128);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(grid * block, block), [=](sycl::nd_item<1> item) {
    applyActivation(d_in, d_out, gain, n, item);
  });
  CUDA_CHECK(0);
  CUDA_CHECK((cu2sycl::default_queue().wait_and_throw(), 0));
  CUDA_CHECK((cu2sycl::default_queue().memcpy(out.data(), d_out, n * sizeof(float)).wait(), 0));
  CUDA_CHECK((sycl::free(d_in, cu2sycl::default_queue()), 0));
  CUDA_CHECK((sycl::free(d_out, cu2sycl::default_queue()), 0));

  // Device and host math libraries may differ by a few ulps.
  for (int i = 0; i < n; ++i) {
    float want = activationHost(in[i] * gain);
    if (fabsf(out[i] - want) > 1e-4f * fabsf(want) + 1e-5f) {
      printf("FAIL header_kernels: out[%d] = %.7f, expected %.7f\n", i, out[i], want);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
