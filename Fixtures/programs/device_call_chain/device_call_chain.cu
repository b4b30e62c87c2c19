// device_call_chain: kernels that reach the built-in index variables through chains of
// __device__ functions (kernel -> f -> g, where g reads threadIdx.x and blockIdx.x),
// plus a __host__ __device__ helper shared by the kernel and the host reference.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

// Used on both sides, so the host reference computes exactly what the device does.
__host__ __device__ int hashMix(int value, int salt) {
  unsigned int h = ((unsigned int)value * 2654435761u) ^ ((unsigned int)salt * 40503u);
  h ^= h >> 13;
  return (int)(h % 1000u);
}

__host__ __device__ float weight(int k) {
  return 1.0f / (float)(1 + (k & 7));
}

// Innermost link: derives a per-thread tag from the built-in variables.
// warp * warpSize + lane is threadIdx.x whatever the warp width is.
__device__ int threadTag() {
  int lane = threadIdx.x % warpSize;
  int warp = threadIdx.x / warpSize;
  return blockIdx.x * 1000 + warp * warpSize + lane;
}

__device__ __forceinline__ int globalIndex() {
  return blockIdx.x * blockDim.x + threadIdx.x;
}

// Middle link: calls both index helpers.
__device__ int transformElement(const int *in, int n) {
  int i = globalIndex();
  int tag = threadTag();
  int bonus = (i < n / 2) ? 1 : 0;
  return hashMix(in[i], tag) + bonus;
}

// A second, deeper chain: kernel -> scaledValue -> neighbourSum -> globalIndex.
__device__ int neighbourSum(const int *in, int n) {
  int i = globalIndex();
  int left = (i > 0) ? in[i - 1] : 0;
  int right = (i + 1 < n) ? in[i + 1] : 0;
  return left + in[i] + right;
}

__device__ float scaledValue(const int *in, int n) {
  return (float)neighbourSum(in, n) * weight(threadIdx.x);
}

__global__ void chainKernel(const int *in, int *out, int n) {
  int i = globalIndex();
  if (i < n) {
    out[i] = transformElement(in, n);
  }
}

__global__ void deepChainKernel(const int *in, float *out, int n) {
  int i = globalIndex();
  if (i < n) {
    out[i] = scaledValue(in, n);
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
  cudaMalloc(&d_in, n * sizeof(int));
  cudaMalloc(&d_outInt, n * sizeof(int));
  cudaMalloc(&d_outFloat, n * sizeof(float));
  cudaMemcpy(d_in, h_in.data(), n * sizeof(int), cudaMemcpyHostToDevice);

  chainKernel<<<blocks, threads>>>(d_in, d_outInt, n);
  deepChainKernel<<<blocks, threads>>>(d_in, d_outFloat, n);
  cudaDeviceSynchronize();

  std::vector<int> outInt(n);
  std::vector<float> outFloat(n);
  cudaMemcpy(outInt.data(), d_outInt, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(outFloat.data(), d_outFloat, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(d_in);
  cudaFree(d_outInt);
  cudaFree(d_outFloat);

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
