// matmul_tiled: C (M x N) = A (M x K) * B (K x N) with 16x16 shared-memory tiles.
// The sizes are not multiples of the tile, so loads and stores are bounds-checked.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define TILE 16

void matmulTiled(const float *A, const float *B, float *C, int M, int K, int N, const sycl::nd_item<2> &item, float (&As)[TILE][TILE], float (&Bs)[TILE][TILE]) {

  int tx = item.get_local_id(1);
  int ty = item.get_local_id(0);
  int row = item.get_group(0) * TILE + ty;
  int col = item.get_group(1) * TILE + tx;

  float acc = 0.0f;
  int numTiles = (K + TILE - 1) / TILE;
  for (int t = 0; t < numTiles; ++t) {
    int aCol = t * TILE + tx;
    int bRow = t * TILE + ty;
    // Out-of-range elements are padded with zeros so they do not contribute.
    As[ty][tx] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
    Bs[ty][tx] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
    sycl::group_barrier(item.get_group());

    for (int k = 0; k < TILE; ++k) {
      acc += As[ty][k] * Bs[k][tx];
    }
    sycl::group_barrier(item.get_group());
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
  dA = sycl::malloc_device<float>(M * K, cu2sycl::default_queue());
  dB = sycl::malloc_device<float>(K * N, cu2sycl::default_queue());
  dC = sycl::malloc_device<float>(M * N, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(dA, hA.data(), M * K * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(dB, hB.data(), K * N * sizeof(float)).wait();

  sycl::range<2> block(TILE, TILE);
  sycl::range<2> grid((M + TILE - 1) / TILE, (N + TILE - 1) / TILE);
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float[TILE][TILE], 0> As(cgh);
    sycl::local_accessor<float[TILE][TILE], 0> Bs(cgh);
    cgh.parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
      matmulTiled(dA, dB, dC, M, K, N, item, As, Bs);
    });
  });
  int err = 0;
  if (err != 0) {
    printf("FAIL matmul_tiled: launch failed: %s\n", cu2sycl::error_string(err));
    return 1;
  }
  cu2sycl::default_queue().wait_and_throw();
  cu2sycl::default_queue().memcpy(hC.data(), dC, M * N * sizeof(float)).wait();

  sycl::free(dA, cu2sycl::default_queue());
  sycl::free(dB, cu2sycl::default_queue());
  sycl::free(dC, cu2sycl::default_queue());

  for (int i = 0; i < M * N; ++i) {
    if (fabsf(hC[i] - ref[i]) > 1e-4f * fabsf(ref[i]) + 1e-4f) {
      printf("FAIL matmul_tiled: C[%d][%d] = %f, expected %f\n", i / N, i % N, hC[i], ref[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
