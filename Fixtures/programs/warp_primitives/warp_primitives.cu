// warp_primitives: warp-level reduction, maximum, scan, broadcast and votes with shuffles and ballots.
// cu2sycl-fixture: no-emulator (the CPU emulator does not run warp shuffles and votes)
// Blocks are multiples of 32 threads, so every warp is full and the masks name all 32 lanes.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define FULL_MASK 0xffffffffu
#define BLOCK 128

// Sum over the warp: lane 0 ends with the total.
__device__ int warpReduceSum(int v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2) {
    v += __shfl_down_sync(FULL_MASK, v, offset);
  }
  return v;
}

// Maximum over the warp with a butterfly: every lane ends with it.
__device__ int warpReduceMax(int v) {
  for (int mask = 16; mask > 0; mask >>= 1) {
    int other = __shfl_xor_sync(FULL_MASK, v, mask);
    v = other > v ? other : v;
  }
  return v;
}

// Inclusive prefix sum over the lanes of a warp (Hillis-Steele with __shfl_up_sync).
__device__ int warpInclusiveScan(int v) {
  int lane = threadIdx.x % warpSize;
  for (int offset = 1; offset < warpSize; offset *= 2) {
    int n = __shfl_up_sync(FULL_MASK, v, offset);
    if (lane >= offset) v += n;
  }
  return v;
}

__global__ void warpOps(const int *in, int *sums, int *maxes, int *scan, int *segmentFirst, unsigned *positive,
                        int *votes, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int lane = threadIdx.x % warpSize;
  int warp = i / warpSize;
  int v = i < n ? in[i] : 0;

  int sum = warpReduceSum(v);
  int total = __shfl_sync(FULL_MASK, sum, 0);  // lane 0's total, broadcast
  int max = warpReduceMax(v);
  scan[i] = warpInclusiveScan(v) - total;      // every lane must have seen the same total
  segmentFirst[i] = __shfl_sync(FULL_MASK, v, 0, 8);  // the first value of each 8-lane segment
  __syncwarp();

  unsigned bits = __ballot_sync(FULL_MASK, v > 0);
  int anyNegative = __any_sync(FULL_MASK, v < 0);
  int allSmall = __all_sync(FULL_MASK, v < 140);
  if (lane == 0) {
    sums[warp] = total;
    maxes[warp] = max;
    positive[warp] = bits;
    votes[warp] = anyNegative * 2 + allSmall;
  }
}

int main() {
  const int blocks = 8;
  const int n = blocks * BLOCK;
  const int warps = n / 32;
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i) h[i] = (i * 37) % 201 - 50;

  int *d_in, *d_sums, *d_maxes, *d_scan, *d_first, *d_votes;
  unsigned *d_positive;
  cudaMalloc(&d_in, n * sizeof(int));
  cudaMalloc(&d_scan, n * sizeof(int));
  cudaMalloc(&d_first, n * sizeof(int));
  cudaMalloc(&d_sums, warps * sizeof(int));
  cudaMalloc(&d_maxes, warps * sizeof(int));
  cudaMalloc(&d_votes, warps * sizeof(int));
  cudaMalloc(&d_positive, warps * sizeof(unsigned));
  cudaMemcpy(d_in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice);

  warpOps<<<blocks, BLOCK>>>(d_in, d_sums, d_maxes, d_scan, d_first, d_positive, d_votes, n);
  cudaDeviceSynchronize();

  std::vector<int> sums(warps), maxes(warps), votes(warps), scan(n), first(n);
  std::vector<unsigned> positive(warps);
  cudaMemcpy(sums.data(), d_sums, warps * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(maxes.data(), d_maxes, warps * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(votes.data(), d_votes, warps * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(positive.data(), d_positive, warps * sizeof(unsigned), cudaMemcpyDeviceToHost);
  cudaMemcpy(scan.data(), d_scan, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(first.data(), d_first, n * sizeof(int), cudaMemcpyDeviceToHost);

  int errors = 0;
  for (int w = 0; w < warps; ++w) {
    int sum = 0, max = h[w * 32], prefix = 0, anyNegative = 0, allSmall = 1;
    unsigned bits = 0;
    for (int l = 0; l < 32; ++l) sum += h[w * 32 + l];
    for (int l = 0; l < 32; ++l) {
      int v = h[w * 32 + l];
      prefix += v;
      if (v > max) max = v;
      if (v > 0) bits |= 1u << l;
      if (v < 0) anyNegative = 1;
      if (!(v < 140)) allSmall = 0;
      if (scan[w * 32 + l] != prefix - sum) ++errors;
      if (first[w * 32 + l] != h[w * 32 + l / 8 * 8]) ++errors;
    }
    if (sums[w] != sum || maxes[w] != max || positive[w] != bits || votes[w] != anyNegative * 2 + allSmall) {
      if (errors < 5) printf("warp %d: sum %d/%d max %d/%d ballot %08x/%08x votes %d/%d\n", w, sums[w], sum, maxes[w], max,
                             positive[w], bits, votes[w], anyNegative * 2 + allSmall);
      ++errors;
    }
  }

  cudaFree(d_in);
  cudaFree(d_scan);
  cudaFree(d_first);
  cudaFree(d_sums);
  cudaFree(d_maxes);
  cudaFree(d_votes);
  cudaFree(d_positive);
  if (errors) {
    printf("FAIL: %d errors\n", errors);
    return 1;
  }
  printf("PASS: %d warps reduced, scanned and voted\n", warps);
  return 0;
}
