// cooperative_groups: block sums and maxima with cooperative groups. Each block is split into tiles of
// 32 threads; a tile reduces with cg::reduce (and, for comparison, with its own shuffles), the block
// combines its tiles' sums through shared memory after a block-wide sync.
// cu2sycl-fixture: no-emulator (the CPU emulator does not run warp shuffles and cooperative groups)
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

namespace cg = cooperative_groups;

#define BLOCK 256

// Tree reduction with the tile's own shuffles: lane 0 ends with the sum.
__device__ float tileSum(cg::thread_block_tile<32> tile, float v) {
  for (int offset = tile.size() / 2; offset > 0; offset /= 2) {
    v += tile.shfl_down(v, offset);
  }
  return v;
}

__global__ void blockReduce(const float *in, float *sums, float *maxes, int *mismatches, int n) {
  __shared__ float partialSums[BLOCK / 32];
  __shared__ float partialMaxes[BLOCK / 32];
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);

  int i = block.group_index().x * block.size() + block.thread_rank();
  float v = i < n ? in[i] : 0.0f;
  float sum = cg::reduce(tile, v, cg::plus<float>());
  float max = cg::reduce(tile, v, cg::greater<float>());
  float shuffled = tileSum(tile, v);
  float broadcast = tile.shfl(max, 0);
  unsigned positive = tile.ballot(v > 0.0f);
  int anyPositive = tile.any(v > 0.0f);

  if (tile.thread_rank() == 0) {
    partialSums[tile.meta_group_rank()] = sum;
    partialMaxes[tile.meta_group_rank()] = max;
    if (shuffled != sum) atomicAdd(mismatches, 1);
  }
  if (broadcast != max || (positive != 0) != (anyPositive != 0)) atomicAdd(mismatches, 1);
  block.sync();

  if (block.thread_rank() == 0) {
    float total = 0.0f;
    for (int t = 0; t < BLOCK / 32; ++t) total += partialSums[t];
    sums[block.group_index().x] = total;
  }
  cg::sync(block);
  if (block.thread_rank() < 32) {
    // The first tile gathers the tiles' maxima with one more reduction.
    float m = cg::reduce(tile, tile.thread_rank() < BLOCK / 32 ? partialMaxes[tile.thread_rank()] : -1e30f, cg::greater<float>());
    if (tile.thread_rank() == 0) maxes[block.group_index().x] = m;
  }
}

int main() {
  const int blocks = 16;
  const int n = blocks * BLOCK - 100;  // the last block is partly empty
  std::vector<float> h(n);
  for (int i = 0; i < n; ++i) h[i] = (float)((i * 13) % 29) - 9.0f;

  float *d_in, *d_sums, *d_maxes;
  int *d_mismatches;
  cudaMalloc(&d_in, n * sizeof(float));
  cudaMalloc(&d_sums, blocks * sizeof(float));
  cudaMalloc(&d_maxes, blocks * sizeof(float));
  cudaMalloc(&d_mismatches, sizeof(int));
  cudaMemcpy(d_in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemset(d_mismatches, 0, sizeof(int));

  blockReduce<<<blocks, BLOCK>>>(d_in, d_sums, d_maxes, d_mismatches, n);
  cudaDeviceSynchronize();

  std::vector<float> sums(blocks), maxes(blocks);
  int mismatches = 0;
  cudaMemcpy(sums.data(), d_sums, blocks * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(maxes.data(), d_maxes, blocks * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(&mismatches, d_mismatches, sizeof(int), cudaMemcpyDeviceToHost);

  int errors = mismatches;
  for (int b = 0; b < blocks; ++b) {
    float sum = 0.0f, max = -1e30f;
    for (int i = b * BLOCK; i < (b + 1) * BLOCK; ++i) {
      float v = i < n ? h[i] : 0.0f;
      sum += v;
      if (v > max) max = v;
    }
    if (sums[b] != sum || maxes[b] != max) {
      printf("block %d: sum %g/%g max %g/%g\n", b, sums[b], sum, maxes[b], max);
      ++errors;
    }
  }

  cudaFree(d_in);
  cudaFree(d_sums);
  cudaFree(d_maxes);
  cudaFree(d_mismatches);
  if (errors) {
    printf("FAIL: %d errors (%d tile mismatches)\n", errors, mismatches);
    return 1;
  }
  printf("PASS: %d blocks reduced with cooperative groups\n", blocks);
  return 0;
}
