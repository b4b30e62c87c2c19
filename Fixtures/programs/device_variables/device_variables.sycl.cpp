// device_variables: CUDA's other memory spaces. A __constant__ filter set with cudaMemcpyToSymbol,
// a __constant__ table with an initializer, a __device__ counter read back with
// cudaMemcpyFromSymbol, and a __managed__ total the host reads directly.
#include <cstdio>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define TAPS 5

float (&taps)[TAPS] = *cu2sycl::allocate_symbol<float[TAPS]>(/*host_accessible=*/false);
int (&offsets)[TAPS] = *cu2sycl::allocate_symbol<int[TAPS]>(/*host_accessible=*/false, {-2, -1, 0, 1, 2});
unsigned int &clamped = *cu2sycl::allocate_symbol<unsigned int>(/*host_accessible=*/false, 0);
float &total = *cu2sycl::allocate_symbol<float>(/*host_accessible=*/true, 0.0f);

// Reads the input with the edges clamped, and counts how often that happened.
float sample(const float *in, int i, int n, const sycl::nd_item<1> &item, unsigned int &clamped) {
  if (i < 0 || i >= n) {
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(clamped).fetch_add(1u);
    i = i < 0 ? 0 : n - 1;
  }
  return in[i];
}

void filter(const float *in, float *out, int n, const sycl::nd_item<1> &item, float (&taps)[TAPS], int (&offsets)[TAPS], unsigned int &clamped, float &total) {
  int i = item.get_global_id(0);
  if (i >= n) return;
  float acc = 0.0f;
  for (int t = 0; t < TAPS; ++t) acc += taps[t] * sample(in, i + offsets[t], n, item, clamped);
  out[i] = acc;
  sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(total).fetch_add(acc);
}

int main() {
  const int n = 1000;
  const float h_taps[TAPS] = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
  float h_in[n], h_out[n];
  for (int i = 0; i < n; ++i) h_in[i] = (float)(i % 17);

  float *d_in, *d_out;
  d_in = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_out = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_in, h_in, n * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(&taps, h_taps, sizeof(h_taps)).wait();

  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    auto *taps_symbol = &taps;
    auto *offsets_symbol = &offsets;
    auto *clamped_symbol = &clamped;
    auto *total_symbol = &total;
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>((n + 127) / 128 * 128), sycl::range<1>(128)), [=](sycl::nd_item<1> item) {
      filter(d_in, d_out, n, item, *taps_symbol, *offsets_symbol, *clamped_symbol, *total_symbol);
    });
  });
  cu2sycl::default_queue().wait_and_throw();

  unsigned int h_clamped = 0;
  cu2sycl::default_queue().memcpy(&h_clamped, &clamped, sizeof(unsigned int)).wait();
  cu2sycl::default_queue().memcpy(h_out, d_out, n * sizeof(float)).wait();

  double expectedTotal = 0.0;
  for (int i = 0; i < n; ++i) {
    float acc = 0.0f;
    for (int t = 0; t < TAPS; ++t) {
      int j = i + t - 2;
      j = j < 0 ? 0 : (j >= n ? n - 1 : j);
      acc += h_taps[t] * h_in[j];
    }
    expectedTotal += acc;
    if (h_out[i] < acc - 1e-4f || h_out[i] > acc + 1e-4f) {
      printf("FAIL device_variables: out[%d] = %f, expected %f\n", i, h_out[i], acc);
      return 1;
    }
  }
  // Two edge elements at each end read outside the array: 2 + 1 + 1 + 2 clamps.
  if (h_clamped != 6) {
    printf("FAIL device_variables: %u clamped reads, expected 6\n", h_clamped);
    return 1;
  }
  if (total < expectedTotal - 0.05 || total > expectedTotal + 0.05) {
    printf("FAIL device_variables: total %f, expected %f\n", total, expectedTotal);
    return 1;
  }
  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  printf("PASS\n");
  return 0;
}
