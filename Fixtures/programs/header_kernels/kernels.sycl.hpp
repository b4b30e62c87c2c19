// kernels.cuh: device code shared through a header.
#ifndef HEADER_KERNELS_KERNELS_CUH
#define HEADER_KERNELS_KERNELS_CUH

#include <sycl/sycl.hpp>

// A smooth activation: softplus plus a small periodic and power-law term.
float activation(float x) {
  float softplus = sycl::log(1.0f + sycl::exp(x));
  float wiggle = 0.1f * sycl::sin(x) * sycl::cos(x);
  float growth = 0.01f * sycl::pow(sycl::fabs(x), 1.5f);
  return softplus + wiggle + growth;
}

// out[i] = activation(in[i] * gain)
void applyActivation(const float *in, float *out, float gain, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    out[i] = activation(in[i] * gain);
  }
}

#endif  // HEADER_KERNELS_KERNELS_CUH
