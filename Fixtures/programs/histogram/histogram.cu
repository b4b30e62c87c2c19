// histogram: 256-bin byte histogram.
// Each block builds a private histogram in shared memory with atomicAdd,
// then merges it into the global histogram with one atomicAdd per bin.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define NUM_BINS 256

__global__ void histogramShared(const unsigned char *data, int n, unsigned int *hist) {
  __shared__ unsigned int bins[256];

  // Clear the block-private bins (works for any block size).
  for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) {
    bins[b] = 0;
  }
  __syncthreads();

  // Grid-stride loop over the input.
  int stride = blockDim.x * gridDim.x;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
    atomicAdd(&bins[data[i]], 1u);
  }
  __syncthreads();

  // Merge into the global histogram; skip empty bins.
  for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) {
    unsigned int count = bins[b];
    if (count != 0) {
      atomicAdd(&hist[b], count);
    }
  }
}

int main() {
  const int n = 9000;

  // Deterministic pseudo-random bytes (LCG), skewed so some bins are much fuller than others.
  std::vector<unsigned char> h_data(n);
  unsigned int state = 12345u;
  for (int i = 0; i < n; ++i) {
    state = state * 1664525u + 1013904223u;
    unsigned int r = state >> 24;
    h_data[i] = (unsigned char)((i % 5 == 0) ? (r & 0x0F) : r);
  }

  std::vector<unsigned int> ref(NUM_BINS, 0);
  for (int i = 0; i < n; ++i) ref[h_data[i]]++;

  unsigned char *d_data;
  unsigned int *d_hist;
  cudaMalloc((void **)&d_data, n);
  cudaMalloc((void **)&d_hist, NUM_BINS * sizeof(unsigned int));
  cudaMemcpy(d_data, h_data.data(), n, cudaMemcpyHostToDevice);
  cudaMemset(d_hist, 0, NUM_BINS * sizeof(unsigned int));

  // Fewer threads than elements: the grid-stride loop covers the rest.
  dim3 block(128);
  dim3 grid(12);
  histogramShared<<<grid, block>>>(d_data, n, d_hist);
  cudaDeviceSynchronize();

  std::vector<unsigned int> h_hist(NUM_BINS);
  cudaMemcpy(h_hist.data(), d_hist, NUM_BINS * sizeof(unsigned int), cudaMemcpyDeviceToHost);
  cudaFree(d_data);
  cudaFree(d_hist);

  unsigned long total = 0;
  for (int b = 0; b < NUM_BINS; ++b) {
    total += h_hist[b];
    if (h_hist[b] != ref[b]) {
      printf("FAIL histogram: bin %d = %u, expected %u\n", b, h_hist[b], ref[b]);
      return 1;
    }
  }
  if (total != (unsigned long)n) {
    printf("FAIL histogram: total %lu, expected %d\n", total, n);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
