// reduction: sum of a float array with a shared-memory tree reduction.
// The shared buffer is dynamic (extern __shared__), sized by the launch's third argument.
// Pass 1 writes one partial per block and the host adds them up;
// pass 2 has each block atomically add its partial to a single device total.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                   \
  do {                                                                                \
    int e_ = (call);                                                          \
    if (e_ != 0) {                                                          \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cu2sycl::error_string(e_));     \
      exit(1);                                                                        \
    }                                                                                 \
  } while (0)

// Each thread first adds two elements (one from each half of the block's span),
// then the block reduces blockDim.x values in shared memory. blockDim.x must be a power of two.
// sdata points at the kernel's dynamic shared buffer (blockDim.x floats).
float blockReduce(const float *in, float *sdata, int n, const sycl::nd_item<1> &item) {
  int tid = item.get_local_id(0);
  int i = item.get_group(0) * (item.get_local_range(0) * 2) + item.get_local_id(0);

  float v = 0.0f;
  if (i < n) v = in[i];
  if (i + (int)item.get_local_range(0) < n) v += in[i + item.get_local_range(0)];
  sdata[tid] = v;
  sycl::group_barrier(item.get_group());

  for (int s = item.get_local_range(0) / 2; s > 0; s >>= 1) {
    if (tid < s) {
      sdata[tid] += sdata[tid + s];
    }
    sycl::group_barrier(item.get_group());
  }
  return sdata[0];
}

void reducePartials(const float *in, float *partials, int n, const sycl::nd_item<1> &item, float *sdata) {
  float blockSum = blockReduce(in, sdata, n, item);
  if (item.get_local_id(0) == 0) {
    partials[item.get_group(0)] = blockSum;
  }
}

void reduceAtomic(const float *in, float *total, int n, const sycl::nd_item<1> &item, float *sdata) {
  float blockSum = blockReduce(in, sdata, n, item);
  if (item.get_local_id(0) == 0) {
    sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(*total).fetch_add(blockSum);
  }
}

int main() {
  const int n = 10000;
  const int block = 256;
  const int grid = (n + block * 2 - 1) / (block * 2);

  std::vector<float> h(n);
  double ref = 0.0;
  for (int i = 0; i < n; ++i) {
    h[i] = 0.25f * (float)(i % 17) - 1.5f;
    ref += h[i];
  }

  float *d_in = nullptr, *d_partials = nullptr, *d_total = nullptr;
  CHECK(((d_in = sycl::malloc_device<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((d_partials = sycl::malloc_device<float>(grid, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((d_total = static_cast<float *>(sycl::malloc_device(sizeof(float), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK((cu2sycl::default_queue().memcpy(d_in, h.data(), n * sizeof(float)).wait(), 0));
  CHECK((cu2sycl::default_queue().memset(d_total, 0, sizeof(float)).wait(), 0));

  // Pass 1: per-block partial sums, finished on the host.
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float, 1> sdata(sycl::range<1>(block), cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
      reducePartials(d_in, d_partials, n, item, sdata.get_multi_ptr<sycl::access::decorated::no>().get());
    });
  });
  CHECK(0);
  std::vector<float> partials(grid);
  CHECK((cu2sycl::default_queue().memcpy(partials.data(), d_partials, grid * sizeof(float)).wait(), 0));
  double sumPartials = 0.0;
  for (int b = 0; b < grid; ++b) sumPartials += partials[b];

  // Pass 2: the same reduction finished with one atomicAdd per block.
  size_t shmem = block * sizeof(float);
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float, 1> sdata(sycl::range<1>((shmem) / sizeof(float)), cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(grid * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
      reduceAtomic(d_in, d_total, n, item, sdata.get_multi_ptr<sycl::access::decorated::no>().get());
    });
  });
  CHECK(0);
  CHECK((cu2sycl::default_queue().wait_and_throw(), 0));
  float total = 0.0f;
  CHECK((cu2sycl::default_queue().memcpy(&total, d_total, sizeof(float)).wait(), 0));

  CHECK((sycl::free(d_in, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(d_partials, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(d_total, cu2sycl::default_queue()), 0));

  double tol = 1e-4 * fabs(ref) + 1e-3;
  if (fabs(sumPartials - ref) > tol) {
    printf("FAIL reduction: partial-sum result %f, expected %f\n", sumPartials, ref);
    return 1;
  }
  if (fabs((double)total - ref) > tol) {
    printf("FAIL reduction: atomic result %f, expected %f\n", (double)total, ref);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
