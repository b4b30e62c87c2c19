// kernels.cuh: device code shared through a header.
#ifndef HEADER_KERNELS_KERNELS_CUH
#define HEADER_KERNELS_KERNELS_CUH

#include <cuda_runtime.h>

// A smooth activation: softplus plus a small periodic and power-law term.
__device__ float activation(float x) {
  float softplus = logf(1.0f + expf(x));
  float wiggle = 0.1f * sinf(x) * cosf(x);
  float growth = 0.01f * powf(fabsf(x), 1.5f);
  return softplus + wiggle + growth;
}

// out[i] = activation(in[i] * gain)
__global__ void applyActivation(const float *in, float *out, float gain, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[i] = activation(in[i] * gain);
  }
}

#endif  // HEADER_KERNELS_KERNELS_CUH
