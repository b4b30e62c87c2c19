// error_checks: host-side error-handling idioms around a simple kernel.
//  - CUDA_CALL macro and a check() function, both built on cudaGetErrorString;
//  - cudaPeekAtLastError right after the launch, then cudaGetLastError;
//  - pinned host buffers from cudaMallocHost / cudaFreeHost;
//  - cudaMemset with a non-zero byte pattern, which the kernel only partly overwrites.
#include <cstdio>
#include <cstdlib>
#include <cuda.h>

#define CUDA_CALL(call)                                                                  \
  do {                                                                                   \
    cudaError_t status_ = (call);                                                        \
    if (status_ != cudaSuccess) {                                                        \
      fprintf(stderr, "CUDA failure at %s:%d (%s): %s\n", __FILE__, __LINE__, #call,     \
              cudaGetErrorString(status_));                                              \
      printf("FAIL error_checks: %s\n", cudaGetErrorString(status_));                    \
      exit(1);                                                                           \
    }                                                                                    \
  } while (0)

void check(cudaError_t e, const char *what) {
  if (e != cudaSuccess) {
    fprintf(stderr, "%s failed: %s\n", what, cudaGetErrorString(e));
    printf("FAIL error_checks: %s: %s\n", what, cudaGetErrorString(e));
    exit(1);
  }
}

// Writes only the even-indexed elements; the odd ones keep whatever cudaMemset put there.
__global__ void fillEven(const int *in, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && (i % 2) == 0) {
    out[i] = in[i] * 3 - i;
  }
}

int main() {
  const int n = 3333;
  const size_t bytes = n * sizeof(int);

  int *h_in = NULL, *h_out = NULL;
  check(cudaMallocHost((void **)&h_in, bytes), "cudaMallocHost(h_in)");
  check(cudaMallocHost((void **)&h_out, bytes), "cudaMallocHost(h_out)");
  for (int i = 0; i < n; ++i) {
    h_in[i] = (i * 17) % 1000 - 500;
    h_out[i] = 0;
  }

  int *d_in = NULL, *d_out = NULL;
  CUDA_CALL(cudaMalloc((void **)&d_in, bytes));
  CUDA_CALL(cudaMalloc((void **)&d_out, bytes));
  CUDA_CALL(cudaMemcpy(d_in, h_in, bytes, cudaMemcpyHostToDevice));
  // Every byte 0xFF: each int reads back as -1.
  CUDA_CALL(cudaMemset(d_out, 0xFF, bytes));

  const int threads = 192;
  const int blocks = (n + threads - 1) / threads;
  fillEven<<<blocks, threads>>>(d_in, d_out, n);
  check(cudaPeekAtLastError(), "fillEven launch (peek)");
  check(cudaDeviceSynchronize(), "cudaDeviceSynchronize");
  // The peeked error (none) must still be the one cudaGetLastError reports.
  cudaError_t last = cudaGetLastError();
  if (last != cudaSuccess) {
    printf("FAIL error_checks: cudaGetLastError returned %s\n", cudaGetErrorString(last));
    return 1;
  }

  CUDA_CALL(cudaMemcpy(h_out, d_out, bytes, cudaMemcpyDeviceToHost));

  int failures = 0;
  int firstBad = -1;
  for (int i = 0; i < n; ++i) {
    int want = (i % 2 == 0) ? h_in[i] * 3 - i : -1;
    if (h_out[i] != want) {
      if (firstBad < 0) firstBad = i;
      ++failures;
    }
  }
  if (failures > 0) {
    printf("FAIL error_checks: %d wrong values, first at %d (got %d)\n", failures, firstBad, h_out[firstBad]);
    return 1;
  }

  // Zero the device buffer and read it back into the pinned buffer.
  CUDA_CALL(cudaMemset(d_out, 0, bytes));
  CUDA_CALL(cudaMemcpy(h_out, d_out, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    if (h_out[i] != 0) {
      printf("FAIL error_checks: out[%d] = %d after cudaMemset(0)\n", i, h_out[i]);
      return 1;
    }
  }

  CUDA_CALL(cudaFree(d_in));
  CUDA_CALL(cudaFree(d_out));
  check(cudaFreeHost(h_in), "cudaFreeHost(h_in)");
  check(cudaFreeHost(h_out), "cudaFreeHost(h_out)");
  printf("PASS\n");
  return 0;
}
