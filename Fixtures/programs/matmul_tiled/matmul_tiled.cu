// matmul_tiled: C (M x N) = A (M x K) * B (K x N) with 16x16 shared-memory tiles.
// The sizes are not multiples of the tile, so loads and stores are bounds-checked.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define TILE 16

__global__ void matmulTiled(const float *A, const float *B, float *C, int M, int K, int N) {
  __shared__ float As[TILE][TILE], Bs[TILE][TILE];

  int tx = threadIdx.x;
  int ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty;
  int col = blockIdx.x * TILE + tx;

  float acc = 0.0f;
  int numTiles = (K + TILE - 1) / TILE;
  for (int t = 0; t < numTiles; ++t) {
    int aCol = t * TILE + tx;
    int bRow = t * TILE + ty;
    // Out-of-range elements are padded with zeros so they do not contribute.
    As[ty][tx] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
    Bs[ty][tx] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
    __syncthreads();

    for (int k = 0; k < TILE; ++k) {
      acc += As[ty][k] * Bs[k][tx];
    }
    __syncthreads();
  }

  if (row < M && col < N) {
    C[row * N + col] = acc;
  }
}

int main() {
  const int M = 77, K = 50, N = 93;

  std::vector<float> hA(M * K), hB(K * N), hC(M * N), ref(M * N);
  // Small integers: every product and partial sum is exact in float.
  for (int i = 0; i < M * K; ++i) hA[i] = (float)((i * 7 + 3) % 11 - 5);
  for (int i = 0; i < K * N; ++i) hB[i] = (float)((i * 5 + 1) % 9 - 4);

  for (int r = 0; r < M; ++r) {
    for (int c = 0; c < N; ++c) {
      float s = 0.0f;
      for (int k = 0; k < K; ++k) s += hA[r * K + k] * hB[k * N + c];
      ref[r * N + c] = s;
    }
  }

  float *dA, *dB, *dC;
  cudaMalloc(&dA, M * K * sizeof(float));
  cudaMalloc(&dB, K * N * sizeof(float));
  cudaMalloc(&dC, M * N * sizeof(float));
  cudaMemcpy(dA, hA.data(), M * K * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(dB, hB.data(), K * N * sizeof(float), cudaMemcpyHostToDevice);

  dim3 block(TILE, TILE);
  dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
  matmulTiled<<<grid, block>>>(dA, dB, dC, M, K, N);
  cudaError_t err = cudaGetLastError();
  if (err != cudaSuccess) {
    printf("FAIL matmul_tiled: launch failed: %s\n", cudaGetErrorString(err));
    return 1;
  }
  cudaDeviceSynchronize();
  cudaMemcpy(hC.data(), dC, M * N * sizeof(float), cudaMemcpyDeviceToHost);

  cudaFree(dA);
  cudaFree(dB);
  cudaFree(dC);

  for (int i = 0; i < M * N; ++i) {
    if (fabsf(hC[i] - ref[i]) > 1e-4f * fabsf(ref[i]) + 1e-4f) {
      printf("FAIL matmul_tiled: C[%d][%d] = %f, expected %f\n", i / N, i % N, hC[i], ref[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
