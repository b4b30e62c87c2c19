// device_call_chain: kernels that reach the built-in index variables through chains of
// __device__ functions (kernel -> f -> g, where g reads threadIdx.x and blockIdx.x),
// plus a __host__ __device__ helper shared by the kernel and the host reference.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

// Used on both sides, so the host reference computes exactly what the device does.
int hashMix(int value, int salt) {
  unsigned int h = ((unsigned int)value * 2654435761u) ^ ((unsigned int)salt * 40503u);
  h ^= h >> 13;
  return (int)(h % 1000u);
}

float weight(int k) {
  return 1.0f / (float)(1 + (k & 7));
}

// Innermost link: derives a per-thread tag from the built-in variables.
// warp * warpSize + lane is threadIdx.x whatever the warp width is.
int threadTag(const sycl::nd_item<1> &item) {
  // CU2SYCL-W010: warpSize is now the sub-group size, which need not be 32; check code that assumes 32
  int lane = item.get_local_id(0) % item.get_sub_group().get_max_local_range()[0];
  // CU2SYCL-W010: warpSize is now the sub-group size, which need not be 32; check code that assumes 32
  int warp = item.get_local_id(0) / item.get_sub_group().get_max_local_range()[0];
  // CU2SYCL-W010: warpSize is now the sub-group size, which need not be 32; check code that assumes 32
  return item.get_group(0) * 1000 + warp * item.get_sub_group().get_max_local_range()[0] + lane;
}

inline int globalIndex(const sycl::nd_item<1> &item) {
  return item.get_global_id(0);
}

// Middle link: calls both index helpers.
int transformElement(const int *in, int n, const sycl::nd_item<1> &item) {
  int i = globalIndex(item);
  int tag = threadTag(item);
  int bonus = (i < n / 2) ? 1 : 0;
  return hashMix(in[i], tag) + bonus;
}

// A second, deeper chain: kernel -> scaledValue -> neighbourSum -> globalIndex.
int neighbourSum(const int *in, int n, const sycl::nd_item<1> &item) {
  int i = globalIndex(item);
  int left = (i > 0) ? in[i - 1] : 0;
  int right = (i + 1 < n) ? in[i + 1] : 0;
  return left + in[i] + right;
}

float scaledValue(const int *in, int n, const sycl::nd_item<1> &item) {
  return (float)neighbourSum(in, n, item) * weight(item.get_local_id(0));
}

void chainKernel(const int *in, int *out, int n, const sycl::nd_item<1> &item) {
  int i = globalIndex(item);
  if (i < n) {
    out[i] = transformElement(in, n, item);
  }
}

void deepChainKernel(const int *in, float *out, int n, const sycl::nd_item<1> &item) {
  int i = globalIndex(item);
  if (i < n) {
    out[i] = scaledValue(in, n, item);
  }
}

int main() {
  const int n = 2500;
  const int threads = 128;
  const int blocks = (n + threads - 1) / threads;

  std::vector<int> h_in(n);
  for (int i = 0; i < n; ++i) h_in[i] = (i * 13 + 7) % 101;

  // Host reference: thread (blockIdx.x, threadIdx.x) handles element blockIdx.x * threads + threadIdx.x.
  std::vector<int> refInt(n);
  std::vector<float> refFloat(n);
  for (int i = 0; i < n; ++i) {
    int block = i / threads;
    int tid = i % threads;
    int tag = block * 1000 + tid;
    refInt[i] = hashMix(h_in[i], tag) + ((i < n / 2) ? 1 : 0);
    int left = (i > 0) ? h_in[i - 1] : 0;
    int right = (i + 1 < n) ? h_in[i + 1] : 0;
    refFloat[i] = (float)(left + h_in[i] + right) * weight(tid);
  }

  int *d_in = nullptr, *d_outInt = nullptr;
  float *d_outFloat = nullptr;
  d_in = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_outInt = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_outFloat = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_in, h_in.data(), n * sizeof(int)).wait();

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    chainKernel(d_in, d_outInt, n, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    deepChainKernel(d_in, d_outFloat, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<int> outInt(n);
  std::vector<float> outFloat(n);
  cu2sycl::default_queue().memcpy(outInt.data(), d_outInt, n * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(outFloat.data(), d_outFloat, n * sizeof(float)).wait();
  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_outInt, cu2sycl::default_queue());
  sycl::free(d_outFloat, cu2sycl::default_queue());

  for (int i = 0; i < n; ++i) {
    if (outInt[i] != refInt[i]) {
      printf("FAIL device_call_chain: chainKernel out[%d] = %d, expected %d\n", i, outInt[i], refInt[i]);
      return 1;
    }
    if (fabsf(outFloat[i] - refFloat[i]) > 1e-5f * fabsf(refFloat[i]) + 1e-6f) {
      printf("FAIL device_call_chain: deepChainKernel out[%d] = %f, expected %f\n", i, outFloat[i],
             refFloat[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
