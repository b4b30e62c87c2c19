// Demo: square matrix multiply with 16x16 shared-memory tiles.
#include <cmath>
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>

#define TILE 16

__global__ void matmul(const float *A, const float *B, float *C, int n) {
  __shared__ float sA[TILE][TILE];
  __shared__ float sB[TILE][TILE];
  int row = blockIdx.y * TILE + threadIdx.y;
  int col = blockIdx.x * TILE + threadIdx.x;
  float sum = 0.0f;

  for (int t = 0; t < (n + TILE - 1) / TILE; ++t) {
    int ac = t * TILE + threadIdx.x;
    int br = t * TILE + threadIdx.y;
    sA[threadIdx.y][threadIdx.x] = (row < n && ac < n) ? A[row * n + ac] : 0.0f;
    sB[threadIdx.y][threadIdx.x] = (br < n && col < n) ? B[br * n + col] : 0.0f;
    __syncthreads();
    for (int k = 0; k < TILE; ++k) sum += sA[threadIdx.y][k] * sB[k][threadIdx.x];
    __syncthreads();
  }
  if (row < n && col < n) C[row * n + col] = sum;
}

int main() {
  const int n = 60;
  std::vector<float> A(n * n), B(n * n), C(n * n);
  for (int i = 0; i < n * n; ++i) {
    A[i] = (float)(i % 5) - 2.0f;
    B[i] = (float)(i % 3);
  }

  float *dA, *dB, *dC;
  size_t bytes = n * n * sizeof(float);
  cudaMalloc(&dA, bytes);
  cudaMalloc(&dB, bytes);
  cudaMalloc(&dC, bytes);
  cudaMemcpy(dA, A.data(), bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(dB, B.data(), bytes, cudaMemcpyHostToDevice);

  dim3 block(TILE, TILE);
  dim3 grid((n + TILE - 1) / TILE, (n + TILE - 1) / TILE);
  matmul<<<grid, block>>>(dA, dB, dC, n);
  cudaDeviceSynchronize();
  cudaMemcpy(C.data(), dC, bytes, cudaMemcpyDeviceToHost);
  cudaFree(dA);
  cudaFree(dB);
  cudaFree(dC);

  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n; ++c) {
      float ref = 0.0f;
      for (int k = 0; k < n; ++k) ref += A[r * n + k] * B[k * n + c];
      if (fabsf(C[r * n + c] - ref) > 1e-4f * fabsf(ref) + 1e-4f) {
        printf("FAIL C[%d][%d] = %f, expected %f\n", r, c, C[r * n + c], ref);
        return 1;
      }
    }
  }
  printf("PASS\n");
  return 0;
}
