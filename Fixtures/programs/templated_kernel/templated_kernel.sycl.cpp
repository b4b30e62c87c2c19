// templated_kernel: one kernel template instantiated for float and int, launched with
// explicit template arguments and once with the argument deduced from the call.
// The kernel calls a function template on the device.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

// Saturates v to [-limit, limit].
template <typename T>
T clampMagnitude(T v, T limit) {
  if (v > limit) return limit;
  if (v < -limit) return -limit;
  return v;
}

template <typename T>
void scale(T *data, T factor, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    data[i] = clampMagnitude(data[i] * factor, static_cast<T>(1000));
  }
}

// Host mirror of clampMagnitude for the reference results.
template <typename T>
T clampHost(T v, T limit) {
  if (v > limit) return limit;
  if (v < -limit) return -limit;
  return v;
}

int main() {
  const int n = 3000;
  const int block = 256;
  const int grid = (n + block - 1) / block;

  std::vector<float> hf(n), reff(n);
  std::vector<int> hi(n), refi(n);
  for (int i = 0; i < n; ++i) {
    hf[i] = 0.5f * (float)(i - 1500);  // -750 .. 749.5
    hi[i] = (i % 400) - 200;           // -200 .. 199
  }

  float *d_f = nullptr;
  int *d_i = nullptr;
  d_f = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_i = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_f, hf.data(), n * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(d_i, hi.data(), n * sizeof(int)).wait();

  // Explicit template arguments.
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    scale<float>(d_f, 1.5f, n, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    scale<int>(d_i, -7, n, item);
  });
  // Deduced: T = float from (float *, float).
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    scale(d_f, 0.75f, n, item);
  });
  int err = (cu2sycl::default_queue().wait_and_throw(), 0);
  if (err != 0) {
    printf("FAIL templated_kernel: %s\n", cu2sycl::error_string(err));
    return 1;
  }

  std::vector<float> outf(n);
  std::vector<int> outi(n);
  cu2sycl::default_queue().memcpy(outf.data(), d_f, n * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(outi.data(), d_i, n * sizeof(int)).wait();
  sycl::free(d_f, cu2sycl::default_queue());
  sycl::free(d_i, cu2sycl::default_queue());

  for (int i = 0; i < n; ++i) {
    reff[i] = clampHost(clampHost(hf[i] * 1.5f, 1000.0f) * 0.75f, 1000.0f);
    refi[i] = clampHost(hi[i] * -7, 1000);
  }

  for (int i = 0; i < n; ++i) {
    if (fabsf(outf[i] - reff[i]) > 1e-5f * fabsf(reff[i]) + 1e-6f) {
      printf("FAIL templated_kernel: float[%d] = %f, expected %f\n", i, outf[i], reff[i]);
      return 1;
    }
    if (outi[i] != refi[i]) {
      printf("FAIL templated_kernel: int[%d] = %d, expected %d\n", i, outi[i], refi[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
