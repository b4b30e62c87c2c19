// Demo: sum an array with a dynamic-shared-memory tree reduction per block,
// then add the block partial sums on the host.
#include <cmath>
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>

__global__ void blockSum(const float *in, float *out, int n) {
  extern __shared__ float cache[];
  int tid = threadIdx.x;
  int i = blockIdx.x * blockDim.x + tid;
  cache[tid] = (i < n) ? in[i] : 0.0f;
  __syncthreads();

  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (tid < stride) cache[tid] += cache[tid + stride];
    __syncthreads();
  }
  if (tid == 0) out[blockIdx.x] = cache[0];
}

int main() {
  const int n = 6000;
  const int threads = 128;
  const int blocks = (n + threads - 1) / threads;

  std::vector<float> h(n);
  double expected = 0.0;
  for (int i = 0; i < n; ++i) {
    h[i] = (float)(i % 10) * 0.5f;
    expected += h[i];
  }

  float *d_in, *d_out;
  cudaMalloc((void **)&d_in, n * sizeof(float));
  cudaMalloc((void **)&d_out, blocks * sizeof(float));
  cudaMemcpy(d_in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice);

  blockSum<<<blocks, threads, threads * sizeof(float)>>>(d_in, d_out, n);
  cudaDeviceSynchronize();

  std::vector<float> partial(blocks);
  cudaMemcpy(partial.data(), d_out, blocks * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(d_in);
  cudaFree(d_out);

  double total = 0.0;
  for (int b = 0; b < blocks; ++b) total += partial[b];
  if (fabs(total - expected) > 1e-4 * fabs(expected)) {
    printf("FAIL sum = %f, expected %f\n", total, expected);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
