// reduction: sum of a float array with a shared-memory tree reduction.
// The shared buffer is dynamic (extern __shared__), sized by the launch's third argument.
// Pass 1 writes one partial per block and the host adds them up;
// pass 2 has each block atomically add its partial to a single device total.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CHECK(call)                                                                   \
  do {                                                                                \
    cudaError_t e_ = (call);                                                          \
    if (e_ != cudaSuccess) {                                                          \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(e_));     \
      exit(1);                                                                        \
    }                                                                                 \
  } while (0)

// Each thread first adds two elements (one from each half of the block's span),
// then the block reduces blockDim.x values in shared memory. blockDim.x must be a power of two.
// sdata points at the kernel's dynamic shared buffer (blockDim.x floats).
__device__ float blockReduce(const float *in, float *sdata, int n) {
  int tid = threadIdx.x;
  int i = blockIdx.x * (blockDim.x * 2) + threadIdx.x;

  float v = 0.0f;
  if (i < n) v = in[i];
  if (i + (int)blockDim.x < n) v += in[i + blockDim.x];
  sdata[tid] = v;
  __syncthreads();

  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (tid < s) {
      sdata[tid] += sdata[tid + s];
    }
    __syncthreads();
  }
  return sdata[0];
}

__global__ void reducePartials(const float *in, float *partials, int n) {
  extern __shared__ float sdata[];
  float blockSum = blockReduce(in, sdata, n);
  if (threadIdx.x == 0) {
    partials[blockIdx.x] = blockSum;
  }
}

__global__ void reduceAtomic(const float *in, float *total, int n) {
  extern __shared__ float sdata[];
  float blockSum = blockReduce(in, sdata, n);
  if (threadIdx.x == 0) {
    atomicAdd(total, blockSum);
  }
}

int main() {
  const int n = 10000;
  const int block = 256;
  const int grid = (n + block * 2 - 1) / (block * 2);

  std::vector<float> h(n);
  double ref = 0.0;
  for (int i = 0; i < n; ++i) {
    h[i] = 0.25f * (float)(i % 17) - 1.5f;
    ref += h[i];
  }

  float *d_in = nullptr, *d_partials = nullptr, *d_total = nullptr;
  CHECK(cudaMalloc((void **)&d_in, n * sizeof(float)));
  CHECK(cudaMalloc((void **)&d_partials, grid * sizeof(float)));
  CHECK(cudaMalloc((void **)&d_total, sizeof(float)));
  CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemset(d_total, 0, sizeof(float)));

  // Pass 1: per-block partial sums, finished on the host.
  reducePartials<<<grid, block, block * sizeof(float)>>>(d_in, d_partials, n);
  CHECK(cudaGetLastError());
  std::vector<float> partials(grid);
  CHECK(cudaMemcpy(partials.data(), d_partials, grid * sizeof(float), cudaMemcpyDeviceToHost));
  double sumPartials = 0.0;
  for (int b = 0; b < grid; ++b) sumPartials += partials[b];

  // Pass 2: the same reduction finished with one atomicAdd per block.
  size_t shmem = block * sizeof(float);
  reduceAtomic<<<grid, block, shmem>>>(d_in, d_total, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  float total = 0.0f;
  CHECK(cudaMemcpy(&total, d_total, sizeof(float), cudaMemcpyDeviceToHost));

  CHECK(cudaFree(d_in));
  CHECK(cudaFree(d_partials));
  CHECK(cudaFree(d_total));

  double tol = 1e-4 * fabs(ref) + 1e-3;
  if (fabs(sumPartials - ref) > tol) {
    printf("FAIL reduction: partial-sum result %f, expected %f\n", sumPartials, ref);
    return 1;
  }
  if (fabs((double)total - ref) > tol) {
    printf("FAIL reduction: atomic result %f, expected %f\n", (double)total, ref);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
