// Demo: add two vectors on the GPU and check the result on the CPU.
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>

__global__ void add(const int *a, const int *b, int *c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) c[i] = a[i] + b[i];
}

int main() {
  const int n = 4000;
  std::vector<int> a(n), b(n), c(n);
  for (int i = 0; i < n; ++i) {
    a[i] = i;
    b[i] = 2 * i + 1;
  }

  int *da, *db, *dc;
  cudaMalloc(&da, n * sizeof(int));
  cudaMalloc(&db, n * sizeof(int));
  cudaMalloc(&dc, n * sizeof(int));
  cudaMemcpy(da, a.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemcpy(db, b.data(), n * sizeof(int), cudaMemcpyHostToDevice);

  add<<<(n + 255) / 256, 256>>>(da, db, dc, n);
  cudaDeviceSynchronize();
  cudaMemcpy(c.data(), dc, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaFree(da);
  cudaFree(db);
  cudaFree(dc);

  for (int i = 0; i < n; ++i) {
    if (c[i] != 3 * i + 1) {
      printf("FAIL c[%d] = %d, expected %d\n", i, c[i], 3 * i + 1);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
