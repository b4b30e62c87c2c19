// scan: inclusive prefix sum of an int array.
// Step 1: each block scans its BLOCK elements in shared memory (Hillis-Steele, double-buffered)
//         and records its total.
// Step 2: the host turns the block totals into per-block offsets (exclusive scan).
// Step 3: a second kernel adds each block's offset to its elements.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define BLOCK 256

__global__ void scanBlocks(const int *in, int *out, int *blockTotals, int n) {
  __shared__ int buf[2][BLOCK];

  int tid = threadIdx.x;
  int gid = blockIdx.x * BLOCK + tid;

  int pout = 0;
  buf[pout][tid] = (gid < n) ? in[gid] : 0;
  __syncthreads();

  for (int offset = 1; offset < BLOCK; offset <<= 1) {
    // Read from one buffer, write the other: no thread overwrites a value still being read.
    pout = 1 - pout;
    int pin = 1 - pout;
    int v = buf[pin][tid];
    if (tid >= offset) {
      v += buf[pin][tid - offset];
    }
    buf[pout][tid] = v;
    __syncthreads();
  }

  if (gid < n) {
    out[gid] = buf[pout][tid];
  }
  if (tid == BLOCK - 1) {
    blockTotals[blockIdx.x] = buf[pout][tid];
  }
}

__global__ void addBlockOffsets(int *data, const int *offsets, int n) {
  int gid = blockIdx.x * blockDim.x + threadIdx.x;
  if (gid < n) {
    data[gid] += offsets[blockIdx.x];
  }
}

int main() {
  const int n = 3000;
  const int numBlocks = (n + BLOCK - 1) / BLOCK;

  std::vector<int> h_in(n);
  for (int i = 0; i < n; ++i) {
    h_in[i] = (i * 37 + 11) % 19 - 9;  // mixed signs
  }
  std::vector<int> ref(n);
  int running = 0;
  for (int i = 0; i < n; ++i) {
    running += h_in[i];
    ref[i] = running;
  }

  int *d_in, *d_out, *d_totals;
  cudaMalloc((void **)&d_in, n * sizeof(int));
  cudaMalloc((void **)&d_out, n * sizeof(int));
  cudaMalloc((void **)&d_totals, numBlocks * sizeof(int));
  cudaMemcpy(d_in, h_in.data(), n * sizeof(int), cudaMemcpyHostToDevice);

  scanBlocks<<<numBlocks, BLOCK>>>(d_in, d_out, d_totals, n);
  cudaError_t err = cudaGetLastError();
  if (err != cudaSuccess) {
    printf("FAIL scan: scanBlocks launch: %s\n", cudaGetErrorString(err));
    return 1;
  }

  // Host fix-up: exclusive scan of the block totals.
  std::vector<int> totals(numBlocks), offsets(numBlocks);
  cudaMemcpy(totals.data(), d_totals, numBlocks * sizeof(int), cudaMemcpyDeviceToHost);
  int acc = 0;
  for (int b = 0; b < numBlocks; ++b) {
    offsets[b] = acc;
    acc += totals[b];
  }
  cudaMemcpy(d_totals, offsets.data(), numBlocks * sizeof(int), cudaMemcpyHostToDevice);

  addBlockOffsets<<<numBlocks, BLOCK>>>(d_out, d_totals, n);
  cudaDeviceSynchronize();

  std::vector<int> h_out(n);
  cudaMemcpy(h_out.data(), d_out, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaFree(d_in);
  cudaFree(d_out);
  cudaFree(d_totals);

  if (acc != ref[n - 1]) {
    printf("FAIL scan: sum of block totals %d, expected %d\n", acc, ref[n - 1]);
    return 1;
  }
  for (int i = 0; i < n; ++i) {
    if (h_out[i] != ref[i]) {
      printf("FAIL scan: out[%d] = %d, expected %d\n", i, h_out[i], ref[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
