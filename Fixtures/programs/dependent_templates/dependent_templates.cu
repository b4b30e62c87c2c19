// dependent_templates: launches and device calls that depend on template parameters, as template
// libraries write them: a kernel template launched from a host template, a static member function
// of a class template with its own shared memory, and an error-check macro that synchronizes.
#include <cstdio>
#include <cuda_runtime.h>

#define SYNC_CHECK(what)                                              \
  {                                                                   \
    cudaThreadSynchronize();                                          \
    cudaError_t e = cudaGetLastError();                               \
    if (e != cudaSuccess) printf("%s: %s\n", what, cudaGetErrorString(e)); \
  }

// Reverses each block's slice of the array through shared memory.
template <int W>
struct Reverser {
  __device__ static void run(float *a) {
    __shared__ float s[W];
    int base = blockIdx.x * W;
    s[threadIdx.x] = a[base + threadIdx.x];
    __syncthreads();
    a[base + threadIdx.x] = s[W - 1 - threadIdx.x];
  }
};

template <int W>
__global__ void reverseBlocks(float *a) { Reverser<W>::run(a); }

template <int W>
void launch(float *a, int blocks) {
  dim3 grid(blocks, 1), block(W, 1);
  reverseBlocks<W><<<grid, block>>>(a);
  SYNC_CHECK("reverseBlocks");
}

int main() {
  const int w = 32, blocks = 5, n = w * blocks;
  float *a;
  cudaMallocManaged(&a, n * sizeof(float));
  for (int i = 0; i < n; ++i) a[i] = (float)i;
  launch<w>(a, blocks);
  for (int i = 0; i < n; ++i) {
    int b = i / w, t = i % w;
    float expected = (float)(b * w + (w - 1 - t));
    if (a[i] != expected) {
      printf("FAIL dependent_templates: a[%d] = %f, expected %f\n", i, a[i], expected);
      return 1;
    }
  }
  cudaFree(a);
  printf("PASS\n");
  return 0;
}
