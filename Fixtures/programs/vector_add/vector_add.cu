// vector_add: c[i] = a[i] + b[i] over a 1-D array.
// Launch configuration is given as plain ints (blocks, threads per block).
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

__global__ void vectorAdd(const float *a, const float *b, float *c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    c[i] = a[i] + b[i];
  }
}

int main() {
  const int n = 5000;
  const size_t bytes = n * sizeof(float);

  std::vector<float> hA(n), hB(n), hC(n, 0.0f);
  for (int i = 0; i < n; ++i) {
    // Halves and quarters are exact in binary floating point, so the sums are exact.
    hA[i] = 0.5f * (float)i;
    hB[i] = 0.25f * (float)(n - i);
  }

  float *dA = nullptr, *dB = nullptr, *dC = nullptr;
  cudaMalloc((void **)&dA, bytes);
  cudaMalloc((void **)&dB, bytes);
  cudaMalloc((void **)&dC, bytes);

  cudaMemcpy(dA, hA.data(), bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(dB, hB.data(), bytes, cudaMemcpyHostToDevice);

  int threadsPerBlock = 256;
  int blocksPerGrid = (n + threadsPerBlock - 1) / threadsPerBlock;
  vectorAdd<<<blocksPerGrid, threadsPerBlock>>>(dA, dB, dC, n);
  cudaDeviceSynchronize();

  cudaMemcpy(hC.data(), dC, bytes, cudaMemcpyDeviceToHost);

  cudaFree(dA);
  cudaFree(dB);
  cudaFree(dC);

  int errors = 0;
  int firstBad = -1;
  for (int i = 0; i < n; ++i) {
    float expected = hA[i] + hB[i];
    if (hC[i] != expected) {
      if (firstBad < 0) firstBad = i;
      ++errors;
    }
  }
  if (errors != 0) {
    printf("FAIL vector_add: %d mismatches, first at %d (got %f, want %f)\n", errors, firstBad,
           hC[firstBad], hA[firstBad] + hB[firstBad]);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
