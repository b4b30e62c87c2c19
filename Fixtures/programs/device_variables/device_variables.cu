// device_variables: CUDA's other memory spaces. A __constant__ filter set with cudaMemcpyToSymbol,
// a __constant__ table with an initializer, a __device__ counter read back with
// cudaMemcpyFromSymbol, and a __managed__ total the host reads directly.
#include <cstdio>
#include <cuda_runtime.h>

#define TAPS 5

__constant__ float taps[TAPS];
__constant__ int offsets[TAPS] = {-2, -1, 0, 1, 2};
__device__ unsigned int clamped = 0;
__managed__ float total = 0.0f;

// Reads the input with the edges clamped, and counts how often that happened.
__device__ float sample(const float *in, int i, int n) {
  if (i < 0 || i >= n) {
    atomicAdd(&clamped, 1u);
    i = i < 0 ? 0 : n - 1;
  }
  return in[i];
}

__global__ void filter(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float acc = 0.0f;
  for (int t = 0; t < TAPS; ++t) acc += taps[t] * sample(in, i + offsets[t], n);
  out[i] = acc;
  atomicAdd(&total, acc);
}

int main() {
  const int n = 1000;
  const float h_taps[TAPS] = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
  float h_in[n], h_out[n];
  for (int i = 0; i < n; ++i) h_in[i] = (float)(i % 17);

  float *d_in, *d_out;
  cudaMalloc(&d_in, n * sizeof(float));
  cudaMalloc(&d_out, n * sizeof(float));
  cudaMemcpy(d_in, h_in, n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpyToSymbol(taps, h_taps, sizeof(h_taps));

  filter<<<(n + 127) / 128, 128>>>(d_in, d_out, n);
  cudaDeviceSynchronize();

  unsigned int h_clamped = 0;
  cudaMemcpyFromSymbol(&h_clamped, clamped, sizeof(unsigned int));
  cudaMemcpy(h_out, d_out, n * sizeof(float), cudaMemcpyDeviceToHost);

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
  cudaFree(d_in);
  cudaFree(d_out);
  printf("PASS\n");
  return 0;
}
