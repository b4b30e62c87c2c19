// header_kernels: the kernel and its __device__ helper live in kernels.cuh.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include "kernels.cuh"

#define CUDA_CHECK(call)                                                                \
  do {                                                                                  \
    cudaError_t err = (call);                                                           \
    if (err != cudaSuccess) {                                                           \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(err));      \
      exit(1);                                                                          \
    }                                                                                   \
  } while (0)

// Host copy of activation() for the reference.
static float activationHost(float x) {
  float softplus = logf(1.0f + expf(x));
  float wiggle = 0.1f * sinf(x) * cosf(x);
  float growth = 0.01f * powf(fabsf(x), 1.5f);
  return softplus + wiggle + growth;
}

int main() {
  const int n = 4000;
  const float gain = 0.8f;

  std::vector<float> in(n), out(n);
  for (int i = 0; i < n; ++i) {
    in[i] = -6.0f + 12.0f * (float)i / (float)(n - 1);
  }

  float *d_in = nullptr, *d_out = nullptr;
  CUDA_CHECK(cudaMalloc(&d_in, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&d_out, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(d_in, in.data(), n * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(128);
  dim3 grid((n + 127) / 128);
  applyActivation<<<grid, block>>>(d_in, d_out, gain, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out.data(), d_out, n * sizeof(float), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(d_in));
  CUDA_CHECK(cudaFree(d_out));

  // Device and host math libraries may differ by a few ulps.
  for (int i = 0; i < n; ++i) {
    float want = activationHost(in[i] * gain);
    if (fabsf(out[i] - want) > 1e-4f * fabsf(want) + 1e-5f) {
      printf("FAIL header_kernels: out[%d] = %.7f, expected %.7f\n", i, out[i], want);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
