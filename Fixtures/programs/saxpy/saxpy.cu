// saxpy: y = a * x + y, single precision.
// Every runtime call is wrapped in CUDA_CHECK; the launch is checked with cudaGetLastError.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                        \
  do {                                                                          \
    cudaError_t err = (call);                                                   \
    if (err != cudaSuccess) {                                                   \
      fprintf(stderr, "%s:%d: CUDA error: %s\n", __FILE__, __LINE__,            \
              cudaGetErrorString(err));                                         \
      printf("FAIL saxpy: CUDA error %s\n", cudaGetErrorString(err));          \
      exit(1);                                                                  \
    }                                                                           \
  } while (0)

__global__ void saxpy(int n, float a, const float *__restrict__ x, float *__restrict__ y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = a * x[i] + y[i];
  }
}

int main() {
  const int n = 4099;  // deliberately not a multiple of the block size
  const float a = 2.5f;
  const size_t bytes = sizeof(float) * n;

  std::vector<float> x(n), y(n), ref(n);
  for (int i = 0; i < n; ++i) {
    x[i] = 0.001f * (float)(i % 1000) - 0.3f;
    y[i] = 1.0f + 0.0005f * (float)(i % 777);
    ref[i] = a * x[i] + y[i];
  }

  float *d_x = nullptr;
  float *d_y = nullptr;
  CUDA_CHECK(cudaMalloc(&d_x, bytes));
  CUDA_CHECK(cudaMalloc(&d_y, bytes));
  CUDA_CHECK(cudaMemcpy(d_x, x.data(), bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(d_y, y.data(), bytes, cudaMemcpyHostToDevice));

  const int block = 128;
  const int grid = (n + block - 1) / block;
  saxpy<<<grid, block>>>(n, a, d_x, d_y);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());

  CUDA_CHECK(cudaMemcpy(y.data(), d_y, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(d_x));
  CUDA_CHECK(cudaFree(d_y));

  // The device may fuse a*x+y into one FMA; allow for the rounding difference.
  int bad = 0;
  int firstBad = -1;
  for (int i = 0; i < n; ++i) {
    float diff = fabsf(y[i] - ref[i]);
    if (diff > 1e-5f * fabsf(ref[i]) + 1e-6f) {
      if (firstBad < 0) firstBad = i;
      ++bad;
    }
  }
  if (bad) {
    printf("FAIL saxpy: %d mismatches, first at %d (got %.7f, want %.7f)\n", bad, firstBad,
           y[firstBad], ref[firstBad]);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
