// device_printf: printf from device code (a kernel and a device function it calls), with the usual
// conversions, while the kernel computes a checked result.
#include <cstdio>
#include <cuda_runtime.h>

__device__ void note(int block, int thread, float value) {
  printf("block %d thread %2d: value %.3f (0x%x)\n", block, thread, value, thread);
}

__global__ void scaleAndReport(float *v, float factor, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  v[i] *= factor;
  if (threadIdx.x == 0) note(blockIdx.x, threadIdx.x, v[i]);
  if (i == n - 1) printf("last element %d is %e, %c%s\n", i, v[i], 'o', "k");
}

int main() {
  const int n = 100;
  float h[n];
  for (int i = 0; i < n; ++i) h[i] = 0.5f * i;
  float *d;
  cudaMalloc(&d, n * sizeof(float));
  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);
  scaleAndReport<<<4, 32>>>(d, 2.0f, n);
  cudaDeviceSynchronize();
  cudaMemcpy(h, d, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(d);
  for (int i = 0; i < n; ++i) {
    if (h[i] != (float)i) {
      printf("FAIL device_printf: h[%d] = %f, expected %d\n", i, h[i], i);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
