// Demo: square matrix multiply with 16x16 shared-memory tiles.
#include <cmath>
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define TILE 16

void matmul(const float *A, const float *B, float *C, int n, const sycl::nd_item<2> &item, float (&sA)[TILE][TILE], float (&sB)[TILE][TILE]) {
  int row = item.get_group(0) * TILE + item.get_local_id(0);
  int col = item.get_group(1) * TILE + item.get_local_id(1);
  float sum = 0.0f;

  for (int t = 0; t < (n + TILE - 1) / TILE; ++t) {
    int ac = t * TILE + item.get_local_id(1);
    int br = t * TILE + item.get_local_id(0);
    sA[item.get_local_id(0)][item.get_local_id(1)] = (row < n && ac < n) ? A[row * n + ac] : 0.0f;
    sB[item.get_local_id(0)][item.get_local_id(1)] = (br < n && col < n) ? B[br * n + col] : 0.0f;
    sycl::group_barrier(item.get_group());
    for (int k = 0; k < TILE; ++k) sum += sA[item.get_local_id(0)][k] * sB[k][item.get_local_id(1)];
    sycl::group_barrier(item.get_group());
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
  dA = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  dB = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  dC = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  cu2sycl::default_queue().memcpy(dA, A.data(), bytes).wait();
  cu2sycl::default_queue().memcpy(dB, B.data(), bytes).wait();

  sycl::range<2> block(TILE, TILE);
  sycl::range<2> grid((n + TILE - 1) / TILE, (n + TILE - 1) / TILE);
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float[TILE][TILE], 0> sA(cgh);
    sycl::local_accessor<float[TILE][TILE], 0> sB(cgh);
    cgh.parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
      matmul(dA, dB, dC, n, item, sA, sB);
    });
  });
  cu2sycl::default_queue().wait_and_throw();
  cu2sycl::default_queue().memcpy(C.data(), dC, bytes).wait();
  sycl::free(dA, cu2sycl::default_queue());
  sycl::free(dB, cu2sycl::default_queue());
  sycl::free(dC, cu2sycl::default_queue());

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
