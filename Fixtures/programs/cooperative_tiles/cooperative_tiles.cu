// cooperative_tiles: tiles narrower than a warp and groups chosen at run time. Each block sums its
// values with a shared-memory tree over a generic thread_group (simpleCooperativeGroups' pattern), then
// every tile of 16 sums its own values three ways (the same tree, cg::reduce and shfl_down), checks its
// shuffles and votes, and tiles of 8 made at run time with tiled_partition(tile, 8) sum theirs.
// cu2sycl-fixture: no-emulator (the CPU emulator does not run warp shuffles and cooperative groups)
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

namespace cg = cooperative_groups;

#define BLOCK 128
#define TILE 16

// Tree reduction through shared memory over any group; rank 0 ends with the group's sum.
__device__ int groupSum(cg::thread_group g, int *x, int val) {
  int lane = g.thread_rank();
  for (int i = g.size() / 2; i > 0; i /= 2) {
    x[lane] = val;
    g.sync();
    if (lane < i) val += x[lane + i];
    g.sync();
  }
  return val;
}

__global__ void tiles(const int *in, int *blockSums, int *tileSums, int *smallSums, int *errors) {
  __shared__ int workspace[BLOCK];
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<TILE> tile = cg::tiled_partition<TILE>(block);
  int base = block.group_index().x * block.size();
  int rank = block.thread_rank();
  int v = in[base + rank];

  int total = groupSum(block, workspace, v);
  if (rank == 0) blockSums[block.group_index().x] = total;
  block.sync();

  // The tile's own part of the workspace starts at its first thread.
  int offset = rank - tile.thread_rank();
  int viaTree = groupSum(tile, workspace + offset, v);
  int viaReduce = cg::reduce(tile, v, cg::plus<int>());
  int viaShuffle = v;
  for (int o = tile.size() / 2; o > 0; o /= 2) viaShuffle += tile.shfl_down(viaShuffle, o);
  if (tile.thread_rank() == 0) {
    tileSums[block.group_index().x * tile.meta_group_size() + tile.meta_group_rank()] = viaReduce;
    if (viaTree != viaReduce || viaShuffle != viaReduce) atomicAdd(errors, 1);
  }
  if (tile.meta_group_rank() != rank / TILE) atomicAdd(errors, 1);

  // Shuffles stay inside the tile: lane 0 of a tile has no lane above it to read from.
  if (tile.shfl(v, 0) != in[base + offset]) atomicAdd(errors, 1);
  if (tile.shfl_xor(v, 1) != in[base + (rank ^ 1)]) atomicAdd(errors, 1);
  if (tile.shfl_up(v, 1) != (tile.thread_rank() == 0 ? v : in[base + rank - 1])) atomicAdd(errors, 1);

  // Votes: bit i of the tile's ballot is its lane i.
  unsigned positive = tile.ballot(v > 0);
  if (((positive >> tile.thread_rank()) & 1u) != (v > 0 ? 1u : 0u)) atomicAdd(errors, 1);
  if ((tile.any(v > 0) != 0) != (positive != 0) || (tile.all(v > 0) != 0) != (positive == 0xffffu)) atomicAdd(errors, 1);

  // Tiles of 8 with their size given at run time.
  cg::thread_group small = cg::tiled_partition(tile, 8);
  int smallSum = groupSum(small, workspace + rank - small.thread_rank(), v);
  if (small.thread_rank() == 0) smallSums[(base + rank) / 8] = smallSum;
}

int main() {
  const int blocks = 8;
  const int n = blocks * BLOCK;
  std::vector<int> h(n);
  // Every third tile of 16 is all positive, so tile.all() is true somewhere.
  for (int i = 0; i < n; ++i) h[i] = (i / TILE) % 3 == 0 ? i % 7 + 1 : (i * 13) % 23 - 11;

  int *d_in, *d_blockSums, *d_tileSums, *d_smallSums, *d_errors;
  cudaMalloc(&d_in, n * sizeof(int));
  cudaMalloc(&d_blockSums, blocks * sizeof(int));
  cudaMalloc(&d_tileSums, n / TILE * sizeof(int));
  cudaMalloc(&d_smallSums, n / 8 * sizeof(int));
  cudaMalloc(&d_errors, sizeof(int));
  cudaMemcpy(d_in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemset(d_errors, 0, sizeof(int));

  tiles<<<blocks, BLOCK>>>(d_in, d_blockSums, d_tileSums, d_smallSums, d_errors);
  cudaDeviceSynchronize();

  std::vector<int> blockSums(blocks), tileSums(n / TILE), smallSums(n / 8);
  int deviceErrors = 0;
  cudaMemcpy(blockSums.data(), d_blockSums, blocks * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(tileSums.data(), d_tileSums, n / TILE * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(smallSums.data(), d_smallSums, n / 8 * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(&deviceErrors, d_errors, sizeof(int), cudaMemcpyDeviceToHost);

  int errors = deviceErrors;
  for (int b = 0; b < blocks; ++b) {
    int sum = 0;
    for (int i = b * BLOCK; i < (b + 1) * BLOCK; ++i) sum += h[i];
    if (blockSums[b] != sum) { printf("block %d: %d, expected %d\n", b, blockSums[b], sum); ++errors; }
  }
  for (int size : {TILE, 8}) {
    const std::vector<int> &sums = size == TILE ? tileSums : smallSums;
    for (int t = 0; t < n / size; ++t) {
      int sum = 0;
      for (int i = t * size; i < (t + 1) * size; ++i) sum += h[i];
      if (sums[t] != sum) { printf("tile of %d number %d: %d, expected %d\n", size, t, sums[t], sum); ++errors; }
    }
  }

  cudaFree(d_in);
  cudaFree(d_blockSums);
  cudaFree(d_tileSums);
  cudaFree(d_smallSums);
  cudaFree(d_errors);
  if (errors) {
    printf("FAIL: %d errors (%d found on the device)\n", errors, deviceErrors);
    return 1;
  }
  printf("PASS: %d blocks, tiles of %d and 8 summed with cooperative groups\n", blocks, TILE);
  return 0;
}
