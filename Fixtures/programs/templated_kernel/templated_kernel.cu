// templated_kernel: one kernel template instantiated for float and int, launched with
// explicit template arguments and once with the argument deduced from the call.
// The kernel calls a function template on the device.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

// Saturates v to [-limit, limit].
template <typename T>
__device__ T clampMagnitude(T v, T limit) {
  if (v > limit) return limit;
  if (v < -limit) return -limit;
  return v;
}

template <typename T>
__global__ void scale(T *data, T factor, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    data[i] = clampMagnitude(data[i] * factor, static_cast<T>(1000));
  }
}

// Host mirror of clampMagnitude for the reference results.
template <typename T>
T clampHost(T v, T limit) {
  if (v > limit) return limit;
  if (v < -limit) return -limit;
  return v;
}

int main() {
  const int n = 3000;
  const int block = 256;
  const int grid = (n + block - 1) / block;

  std::vector<float> hf(n), reff(n);
  std::vector<int> hi(n), refi(n);
  for (int i = 0; i < n; ++i) {
    hf[i] = 0.5f * (float)(i - 1500);  // -750 .. 749.5
    hi[i] = (i % 400) - 200;           // -200 .. 199
  }

  float *d_f = nullptr;
  int *d_i = nullptr;
  cudaMalloc(&d_f, n * sizeof(float));
  cudaMalloc(&d_i, n * sizeof(int));
  cudaMemcpy(d_f, hf.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(d_i, hi.data(), n * sizeof(int), cudaMemcpyHostToDevice);

  // Explicit template arguments.
  scale<float><<<grid, block>>>(d_f, 1.5f, n);
  scale<int><<<grid, block>>>(d_i, -7, n);
  // Deduced: T = float from (float *, float).
  scale<<<grid, block>>>(d_f, 0.75f, n);
  cudaError_t err = cudaDeviceSynchronize();
  if (err != cudaSuccess) {
    printf("FAIL templated_kernel: %s\n", cudaGetErrorString(err));
    return 1;
  }

  std::vector<float> outf(n);
  std::vector<int> outi(n);
  cudaMemcpy(outf.data(), d_f, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(outi.data(), d_i, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaFree(d_f);
  cudaFree(d_i);

  for (int i = 0; i < n; ++i) {
    reff[i] = clampHost(clampHost(hf[i] * 1.5f, 1000.0f) * 0.75f, 1000.0f);
    refi[i] = clampHost(hi[i] * -7, 1000);
  }

  for (int i = 0; i < n; ++i) {
    if (fabsf(outf[i] - reff[i]) > 1e-5f * fabsf(reff[i]) + 1e-6f) {
      printf("FAIL templated_kernel: float[%d] = %f, expected %f\n", i, outf[i], reff[i]);
      return 1;
    }
    if (outi[i] != refi[i]) {
      printf("FAIL templated_kernel: int[%d] = %d, expected %d\n", i, outi[i], refi[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
