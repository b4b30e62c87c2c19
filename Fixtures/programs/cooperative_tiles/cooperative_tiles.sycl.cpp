// cooperative_tiles: tiles narrower than a warp and groups chosen at run time. Each block sums its
// values with a shared-memory tree over a generic thread_group (simpleCooperativeGroups' pattern), then
// every tile of 16 sums its own values three ways (the same tree, cg::reduce and shfl_down), checks its
// shuffles and votes, and tiles of 8 made at run time with tiled_partition(tile, 8) sum theirs.
// cu2sycl-fixture: no-emulator (the CPU emulator does not run warp shuffles and cooperative groups)
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"


#define BLOCK 128
#define TILE 16

// Tree reduction through shared memory over any group; rank 0 ends with the group's sum.
int groupSum(cu2sycl::thread_group g, int *x, int val) {
  int lane = g.thread_rank();
  for (int i = g.size() / 2; i > 0; i /= 2) {
    x[lane] = val;
    g.sync();
    if (lane < i) val += x[lane + i];
    g.sync();
  }
  return val;
}

void tiles(const int *in, int *blockSums, int *tileSums, int *smallSums, int *errors, const sycl::nd_item<1> &item, int (&workspace)[BLOCK]) {
  sycl::group<1> block = item.get_group();
  sycl::sub_group tile = item.get_sub_group();
  int base = block.get_group_id(0) * block.get_local_linear_range();
  int rank = block.get_local_linear_id();
  int v = in[base + rank];

  int total = groupSum(block, workspace, v);
  if (rank == 0) blockSums[block.get_group_id(0)] = total;
  sycl::group_barrier(block);

  // The tile's own part of the workspace starts at its first thread.
  int offset = rank - tile.get_local_linear_id() % 16;
  int viaTree = groupSum(cu2sycl::thread_group(tile, 16), workspace + offset, v);
  int viaReduce = cu2sycl::tile_reduce(tile, v, sycl::plus<int>(), 16);
  int viaShuffle = v;
  for (int o = 16u / 2; o > 0; o /= 2) viaShuffle += cu2sycl::shfl_down(tile, viaShuffle, o, 16);
  if (tile.get_local_linear_id() % 16 == 0) {
    tileSums[block.get_group_id(0) * ((item.get_local_range().size() + 15) / 16) + (tile.get_group_linear_id() * 2 + tile.get_local_linear_id() / 16)] = viaReduce;
    if (viaTree != viaReduce || viaShuffle != viaReduce) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);
  }
  if (tile.get_group_linear_id() * 2 + tile.get_local_linear_id() / 16 != rank / TILE) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);

  // Shuffles stay inside the tile: lane 0 of a tile has no lane above it to read from.
  if (cu2sycl::shfl(tile, v, 0, 16) != in[base + offset]) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);
  if (cu2sycl::shfl_xor(tile, v, 1, 16) != in[base + (rank ^ 1)]) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);
  if (cu2sycl::shfl_up(tile, v, 1, 16) != (tile.get_local_linear_id() % 16 == 0 ? v : in[base + rank - 1])) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);

  // Votes: bit i of the tile's ballot is its lane i.
  unsigned positive = cu2sycl::tile_ballot(tile, v > 0, 16);
  if (((positive >> tile.get_local_linear_id() % 16) & 1u) != (v > 0 ? 1u : 0u)) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);
  if ((cu2sycl::tile_any(tile, v > 0, 16) != 0) != (positive != 0) || (cu2sycl::tile_all(tile, v > 0, 16) != 0) != (positive == 0xffffu)) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*errors).fetch_add(1);

  // Tiles of 8 with their size given at run time.
  cu2sycl::thread_group small = cu2sycl::thread_group(item.get_sub_group(), 8);
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
  d_in = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_blockSums = sycl::malloc_device<int>(blocks, cu2sycl::default_queue());
  d_tileSums = sycl::malloc_device<int>(n / TILE, cu2sycl::default_queue());
  d_smallSums = sycl::malloc_device<int>(n / 8, cu2sycl::default_queue());
  d_errors = static_cast<int *>(sycl::malloc_device(sizeof(int), cu2sycl::default_queue()));
  cu2sycl::default_queue().memcpy(d_in, h.data(), n * sizeof(int)).wait();
  cu2sycl::default_queue().memset(d_errors, 0, sizeof(int)).wait();

  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<int[BLOCK], 0> workspace(cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) [[sycl::reqd_sub_group_size(32)]] {
      tiles(d_in, d_blockSums, d_tileSums, d_smallSums, d_errors, item, workspace);
    });
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<int> blockSums(blocks), tileSums(n / TILE), smallSums(n / 8);
  int deviceErrors = 0;
  cu2sycl::default_queue().memcpy(blockSums.data(), d_blockSums, blocks * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(tileSums.data(), d_tileSums, n / TILE * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(smallSums.data(), d_smallSums, n / 8 * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(&deviceErrors, d_errors, sizeof(int)).wait();

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

  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_blockSums, cu2sycl::default_queue());
  sycl::free(d_tileSums, cu2sycl::default_queue());
  sycl::free(d_smallSums, cu2sycl::default_queue());
  sycl::free(d_errors, cu2sycl::default_queue());
  if (errors) {
    printf("FAIL: %d errors (%d found on the device)\n", errors, deviceErrors);
    return 1;
  }
  printf("PASS: %d blocks, tiles of %d and 8 summed with cooperative groups\n", blocks, TILE);
  return 0;
}
