// Demo: sum an array with a dynamic-shared-memory tree reduction per block,
// then add the block partial sums on the host.
#include <cmath>
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

void blockSum(const float *in, float *out, int n, const sycl::nd_item<1> &item, float *cache) {
  int tid = item.get_local_id(0);
  int i = item.get_group(0) * item.get_local_range(0) + tid;
  cache[tid] = (i < n) ? in[i] : 0.0f;
  sycl::group_barrier(item.get_group());

  for (int stride = item.get_local_range(0) / 2; stride > 0; stride /= 2) {
    if (tid < stride) cache[tid] += cache[tid + stride];
    sycl::group_barrier(item.get_group());
  }
  if (tid == 0) out[item.get_group(0)] = cache[0];
}

int main() {
  const int n = 6000;
  const int threads = 128;
  const int blocks = (n + threads - 1) / threads;

  std::vector<float> h(n);
  double expected = 0.0;
  for (int i = 0; i < n; ++i) {
    h[i] = (float)(i % 10) * 0.5f;
    expected += h[i];
  }

  float *d_in, *d_out;
  d_in = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_out = sycl::malloc_device<float>(blocks, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_in, h.data(), n * sizeof(float)).wait();

  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float, 1> cache(sycl::range<1>(threads), cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
      blockSum(d_in, d_out, n, item, cache.get_multi_ptr<sycl::access::decorated::no>().get());
    });
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<float> partial(blocks);
  cu2sycl::default_queue().memcpy(partial.data(), d_out, blocks * sizeof(float)).wait();
  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());

  double total = 0.0;
  for (int b = 0; b < blocks; ++b) total += partial[b];
  if (fabs(total - expected) > 1e-4 * fabs(expected)) {
    printf("FAIL sum = %f, expected %f\n", total, expected);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
