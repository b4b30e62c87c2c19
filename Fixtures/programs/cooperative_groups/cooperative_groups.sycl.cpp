// cooperative_groups: block sums and maxima with cooperative groups. Each block is split into tiles of
// 32 threads; a tile reduces with cg::reduce (and, for comparison, with its own shuffles), the block
// combines its tiles' sums through shared memory after a block-wide sync.
// cu2sycl-fixture: no-emulator (the CPU emulator does not run warp shuffles and cooperative groups)
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"


#define BLOCK 256

// Tree reduction with the tile's own shuffles: lane 0 ends with the sum.
float tileSum(sycl::sub_group tile, float v) {
  for (int offset = tile.get_local_linear_range() / 2; offset > 0; offset /= 2) {
    v += cu2sycl::shfl_down(tile, v, offset);
  }
  return v;
}

void blockReduce(const float *in, float *sums, float *maxes, int *mismatches, int n, const sycl::nd_item<1> &item, float (&partialSums)[BLOCK / 32], float (&partialMaxes)[BLOCK / 32]) {
  sycl::group<1> block = item.get_group();
  sycl::sub_group tile = item.get_sub_group();

  int i = block.get_group_id(0) * block.get_local_linear_range() + block.get_local_linear_id();
  float v = i < n ? in[i] : 0.0f;
  float sum = sycl::reduce_over_group(tile, v, sycl::plus<float>());
  float max = sycl::reduce_over_group(tile, v, sycl::maximum<float>());
  float shuffled = tileSum(tile, v);
  float broadcast = sycl::select_from_group(tile, max, 0);
  unsigned positive = cu2sycl::ballot(tile, v > 0.0f);
  int anyPositive = sycl::any_of_group(tile, v > 0.0f);

  if (tile.get_local_linear_id() == 0) {
    partialSums[tile.get_group_linear_id()] = sum;
    partialMaxes[tile.get_group_linear_id()] = max;
    if (shuffled != sum) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*mismatches).fetch_add(1);
  }
  if (broadcast != max || (positive != 0) != (anyPositive != 0)) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*mismatches).fetch_add(1);
  sycl::group_barrier(block);

  if (block.get_local_linear_id() == 0) {
    float total = 0.0f;
    for (int t = 0; t < BLOCK / 32; ++t) total += partialSums[t];
    sums[block.get_group_id(0)] = total;
  }
  sycl::group_barrier(block);
  if (block.get_local_linear_id() < 32) {
    // The first tile gathers the tiles' maxima with one more reduction.
    float m = sycl::reduce_over_group(tile, tile.get_local_linear_id() < BLOCK / 32 ? partialMaxes[tile.get_local_linear_id()] : -1e30f, sycl::maximum<float>());
    if (tile.get_local_linear_id() == 0) maxes[block.get_group_id(0)] = m;
  }
}

int main() {
  const int blocks = 16;
  const int n = blocks * BLOCK - 100;  // the last block is partly empty
  std::vector<float> h(n);
  for (int i = 0; i < n; ++i) h[i] = (float)((i * 13) % 29) - 9.0f;

  float *d_in, *d_sums, *d_maxes;
  int *d_mismatches;
  d_in = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_sums = sycl::malloc_device<float>(blocks, cu2sycl::default_queue());
  d_maxes = sycl::malloc_device<float>(blocks, cu2sycl::default_queue());
  d_mismatches = static_cast<int *>(sycl::malloc_device(sizeof(int), cu2sycl::default_queue()));
  cu2sycl::default_queue().memcpy(d_in, h.data(), n * sizeof(float)).wait();
  cu2sycl::default_queue().memset(d_mismatches, 0, sizeof(int)).wait();

  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float[BLOCK / 32], 0> partialSums(cgh);
    sycl::local_accessor<float[BLOCK / 32], 0> partialMaxes(cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) [[sycl::reqd_sub_group_size(32)]] {
      blockReduce(d_in, d_sums, d_maxes, d_mismatches, n, item, partialSums, partialMaxes);
    });
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<float> sums(blocks), maxes(blocks);
  int mismatches = 0;
  cu2sycl::default_queue().memcpy(sums.data(), d_sums, blocks * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(maxes.data(), d_maxes, blocks * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(&mismatches, d_mismatches, sizeof(int)).wait();

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

  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_sums, cu2sycl::default_queue());
  sycl::free(d_maxes, cu2sycl::default_queue());
  sycl::free(d_mismatches, cu2sycl::default_queue());
  if (errors) {
    printf("FAIL: %d errors (%d tile mismatches)\n", errors, mismatches);
    return 1;
  }
  printf("PASS: %d blocks reduced with cooperative groups\n", blocks);
  return 0;
}
