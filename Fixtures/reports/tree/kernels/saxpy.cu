// A small program that migrates completely, except for one warp-size assumption to review.
#include <cstdio>
#include <cuda_runtime.h>
#include "../host/util.h"

__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

__global__ void lanes(int *out) {
  // One value per warp: assumes 32 lanes.
  if (threadIdx.x % warpSize == 0) out[threadIdx.x / warpSize] = 1;
}

int main() {
  const int n = 1024;
  float *x, *y;
  int *flags;
  cudaMalloc(&x, n * sizeof(float));
  cudaMalloc(&y, n * sizeof(float));
  cudaMalloc(&flags, n * sizeof(int));
  cudaMemset(y, 0, n * sizeof(float));
  saxpy<<<(n + 255) / 256, 256>>>(n, 2.0f, x, y);
  lanes<<<1, 64>>>(flags);
  cudaDeviceSynchronize();
  printf("%s\n", describe(n).c_str());
  cudaFree(x);
  cudaFree(y);
  cudaFree(flags);
  return 0;
}
