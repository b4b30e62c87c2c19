// multi_kernel: a small pipeline of kernels over one array.
//   initValues  -> x[i] = (i % 64) / 8
//   squareInto  -> y[i] = x[i] * x[i]
//   affineGridStride (grid-stride loop, fixed small grid) -> y[i] = 2 * y[i] + 1
//   sumAtomic   -> *sum += y[i]            (atomicAdd on float)
//   compactAbove -> gathers indices with y[i] > threshold using the value atomicAdd returns
// All values are multiples of 1/64 and small enough that every float sum is exact.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

__global__ void initValues(float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = (float)(i % 64) * 0.125f;
}

__global__ void squareInto(const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = x[i] * x[i];
}

__global__ void affineGridStride(float *y, float a, float b, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    y[i] = a * y[i] + b;
  }
}

__global__ void sumAtomic(const float *y, float *sum, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) atomicAdd(sum, y[i]);
}

// Stream compaction: each selected element claims an output slot with atomicAdd.
// The order of the output is unspecified; the host sorts it before comparing.
__global__ void compactAbove(const float *y, float threshold, int *outIdx, int *count, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && y[i] > threshold) {
    int slot = atomicAdd(count, 1);
    outIdx[slot] = i;
  }
}

int main() {
  const int n = 5000;
  const int threads = 256;
  const int blocks = (n + threads - 1) / threads;
  const float threshold = 60.0f;

  float *d_x, *d_y, *d_sum;
  int *d_idx, *d_count;
  cudaMalloc((void **)&d_x, n * sizeof(float));
  cudaMalloc((void **)&d_y, n * sizeof(float));
  cudaMalloc((void **)&d_sum, sizeof(float));
  cudaMalloc((void **)&d_idx, n * sizeof(int));
  cudaMalloc((void **)&d_count, sizeof(int));
  cudaMemset(d_sum, 0, sizeof(float));
  cudaMemset(d_count, 0, sizeof(int));

  initValues<<<blocks, threads>>>(d_x, n);
  squareInto<<<blocks, threads>>>(d_x, d_y, n);
  // Deliberately far fewer threads than elements.
  dim3 smallGrid(4);
  dim3 smallBlock(64);
  affineGridStride<<<smallGrid, smallBlock>>>(d_y, 2.0f, 1.0f, n);
  sumAtomic<<<blocks, threads>>>(d_y, d_sum, n);
  compactAbove<<<blocks, threads>>>(d_y, threshold, d_idx, d_count, n);
  cudaDeviceSynchronize();

  std::vector<float> y(n);
  float sum = 0.0f;
  int count = 0;
  cudaMemcpy(y.data(), d_y, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(&sum, d_sum, sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(&count, d_count, sizeof(int), cudaMemcpyDeviceToHost);
  std::vector<int> idx(count > 0 ? count : 1);
  if (count > 0 && count <= n) {
    cudaMemcpy(idx.data(), d_idx, count * sizeof(int), cudaMemcpyDeviceToHost);
  }

  cudaFree(d_x);
  cudaFree(d_y);
  cudaFree(d_sum);
  cudaFree(d_idx);
  cudaFree(d_count);

  // Host reference.
  std::vector<float> refY(n);
  std::vector<int> refIdx;
  double refSum = 0.0;
  for (int i = 0; i < n; ++i) {
    float x = (float)(i % 64) * 0.125f;
    refY[i] = 2.0f * (x * x) + 1.0f;
    refSum += refY[i];
    if (refY[i] > threshold) refIdx.push_back(i);
  }

  for (int i = 0; i < n; ++i) {
    if (y[i] != refY[i]) {
      printf("FAIL multi_kernel: y[%d] = %f, expected %f\n", i, y[i], refY[i]);
      return 1;
    }
  }
  if (fabs((double)sum - refSum) > 1e-5 * refSum) {
    printf("FAIL multi_kernel: sum = %f, expected %f\n", (double)sum, refSum);
    return 1;
  }
  if (count != (int)refIdx.size()) {
    printf("FAIL multi_kernel: compacted %d elements, expected %d\n", count, (int)refIdx.size());
    return 1;
  }
  idx.resize(count);
  std::sort(idx.begin(), idx.end());
  for (int k = 0; k < count; ++k) {
    if (idx[k] != refIdx[k]) {
      printf("FAIL multi_kernel: compacted index %d is %d, expected %d\n", k, idx[k], refIdx[k]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
