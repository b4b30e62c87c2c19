// vector_add: c[i] = a[i] + b[i] over a 1-D array.
// Launch configuration is given as plain ints (blocks, threads per block).
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

void vectorAdd(const float *a, const float *b, float *c, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    c[i] = a[i] + b[i];
  }
}

int main() {
  const int n = 5000;
  const size_t bytes = n * sizeof(float);

  std::vector<float> hA(n), hB(n), hC(n, 0.0f);
  for (int i = 0; i < n; ++i) {
    // Halves and quarters are exact in binary floating point, so the sums are exact.
    hA[i] = 0.5f * (float)i;
    hB[i] = 0.25f * (float)(n - i);
  }

  float *dA = nullptr, *dB = nullptr, *dC = nullptr;
  dA = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  dB = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  dC = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));

  cu2sycl::default_queue().memcpy(dA, hA.data(), bytes).wait();
  cu2sycl::default_queue().memcpy(dB, hB.data(), bytes).wait();

  int threadsPerBlock = 256;
  int blocksPerGrid = (n + threadsPerBlock - 1) / threadsPerBlock;
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocksPerGrid * threadsPerBlock), sycl::range<1>(threadsPerBlock)), [=](sycl::nd_item<1> item) {
    vectorAdd(dA, dB, dC, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  cu2sycl::default_queue().memcpy(hC.data(), dC, bytes).wait();

  sycl::free(dA, cu2sycl::default_queue());
  sycl::free(dB, cu2sycl::default_queue());
  sycl::free(dC, cu2sycl::default_queue());

  int errors = 0;
  int firstBad = -1;
  for (int i = 0; i < n; ++i) {
    float expected = hA[i] + hB[i];
    if (hC[i] != expected) {
      if (firstBad < 0) firstBad = i;
      ++errors;
    }
  }
  if (errors != 0) {
    printf("FAIL vector_add: %d mismatches, first at %d (got %f, want %f)\n", errors, firstBad,
           hC[firstBad], hA[firstBad] + hB[firstBad]);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
