// multi_kernel: a small pipeline of kernels over one array.
//   initValues  -> x[i] = (i % 64) / 8
//   squareInto  -> y[i] = x[i] * x[i]
//   affineGridStride (grid-stride loop, fixed small grid) -> y[i] = 2 * y[i] + 1
//   sumAtomic   -> *sum += y[i]            (atomicAdd on float)
//   compactAbove -> gathers indices with y[i] > threshold using the value atomicAdd returns
// All values are multiples of 1/64 and small enough that every float sum is exact.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

void initValues(float *x, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) x[i] = (float)(i % 64) * 0.125f;
}

void squareInto(const float *x, float *y, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) y[i] = x[i] * x[i];
}

void affineGridStride(float *y, float a, float b, int n, const sycl::nd_item<1> &item) {
  for (int i = item.get_global_id(0); i < n; i += item.get_global_range(0)) {
    y[i] = a * y[i] + b;
  }
}

void sumAtomic(const float *y, float *sum, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(*sum).fetch_add(y[i]);
}

// Stream compaction: each selected element claims an output slot with atomicAdd.
// The order of the output is unspecified; the host sorts it before comparing.
void compactAbove(const float *y, float threshold, int *outIdx, int *count, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n && y[i] > threshold) {
    int slot = sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*count).fetch_add(1);
    outIdx[slot] = i;
  }
}

int main() {
  const int n = 5000;
  const int threads = 256;
  const int blocks = (n + threads - 1) / threads;
  const float threshold = 60.0f;

  float *d_x, *d_y, *d_sum;
  int *d_idx, *d_count;
  d_x = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_y = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_sum = static_cast<float *>(sycl::malloc_device(sizeof(float), cu2sycl::default_queue()));
  d_idx = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_count = static_cast<int *>(sycl::malloc_device(sizeof(int), cu2sycl::default_queue()));
  cu2sycl::default_queue().memset(d_sum, 0, sizeof(float)).wait();
  cu2sycl::default_queue().memset(d_count, 0, sizeof(int)).wait();

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    initValues(d_x, n, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    squareInto(d_x, d_y, n, item);
  });
  // Deliberately far fewer threads than elements.
  sycl::range<1> smallGrid(4);
  sycl::range<1> smallBlock(64);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(smallGrid * smallBlock, smallBlock), [=](sycl::nd_item<1> item) {
    affineGridStride(d_y, 2.0f, 1.0f, n, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    sumAtomic(d_y, d_sum, n, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    compactAbove(d_y, threshold, d_idx, d_count, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<float> y(n);
  float sum = 0.0f;
  int count = 0;
  cu2sycl::default_queue().memcpy(y.data(), d_y, n * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(&sum, d_sum, sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(&count, d_count, sizeof(int)).wait();
  std::vector<int> idx(count > 0 ? count : 1);
  if (count > 0 && count <= n) {
    cu2sycl::default_queue().memcpy(idx.data(), d_idx, count * sizeof(int)).wait();
  }

  sycl::free(d_x, cu2sycl::default_queue());
  sycl::free(d_y, cu2sycl::default_queue());
  sycl::free(d_sum, cu2sycl::default_queue());
  sycl::free(d_idx, cu2sycl::default_queue());
  sycl::free(d_count, cu2sycl::default_queue());

  // Host reference.
  std::vector<float> refY(n);
  std::vector<int> refIdx;
  double refSum = 0.0;
  for (int i = 0; i < n; ++i) {
    float x = (float)(i % 64) * 0.125f;
    refY[i] = 2.0f * (x * x) + 1.0f;
    refSum += refY[i];
    if (refY[i] > threshold) refIdx.push_back(i);
  }

  for (int i = 0; i < n; ++i) {
    if (y[i] != refY[i]) {
      printf("FAIL multi_kernel: y[%d] = %f, expected %f\n", i, y[i], refY[i]);
      return 1;
    }
  }
  if (fabs((double)sum - refSum) > 1e-5 * refSum) {
    printf("FAIL multi_kernel: sum = %f, expected %f\n", (double)sum, refSum);
    return 1;
  }
  if (count != (int)refIdx.size()) {
    printf("FAIL multi_kernel: compacted %d elements, expected %d\n", count, (int)refIdx.size());
    return 1;
  }
  idx.resize(count);
  std::sort(idx.begin(), idx.end());
  for (int k = 0; k < count; ++k) {
    if (idx[k] != refIdx[k]) {
      printf("FAIL multi_kernel: compacted index %d is %d, expected %d\n", k, idx[k], refIdx[k]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
