// warp_primitives: warp-level reduction, maximum, scan, broadcast and votes with shuffles and ballots.
// cu2sycl-fixture: no-emulator (the CPU emulator does not run warp shuffles and votes)
// Blocks are multiples of 32 threads, so every warp is full and the masks name all 32 lanes.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define FULL_MASK 0xffffffffu
#define BLOCK 128

// Sum over the warp: lane 0 ends with the total.
int warpReduceSum(int v, const sycl::nd_item<1> &item) {
  for (int offset = 32 / 2; offset > 0; offset /= 2) {
    v += cu2sycl::shfl_down(item.get_sub_group(), v, offset);
  }
  return v;
}

// Maximum over the warp with a butterfly: every lane ends with it.
int warpReduceMax(int v, const sycl::nd_item<1> &item) {
  for (int mask = 16; mask > 0; mask >>= 1) {
    int other = sycl::permute_group_by_xor(item.get_sub_group(), v, mask);
    v = other > v ? other : v;
  }
  return v;
}

// Inclusive prefix sum over the lanes of a warp (Hillis-Steele with __shfl_up_sync).
int warpInclusiveScan(int v, const sycl::nd_item<1> &item) {
  int lane = item.get_local_id(0) % 32;
  for (int offset = 1; offset < 32; offset *= 2) {
    int n = cu2sycl::shfl_up(item.get_sub_group(), v, offset);
    if (lane >= offset) v += n;
  }
  return v;
}

void warpOps(const int *in, int *sums, int *maxes, int *scan, int *segmentFirst, unsigned *positive,
                        int *votes, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  int lane = item.get_local_id(0) % 32;
  int warp = i / 32;
  int v = i < n ? in[i] : 0;

  int sum = warpReduceSum(v, item);
  int total = sycl::select_from_group(item.get_sub_group(), sum, 0);  // lane 0's total, broadcast
  int max = warpReduceMax(v, item);
  scan[i] = warpInclusiveScan(v, item) - total;      // every lane must have seen the same total
  segmentFirst[i] = cu2sycl::shfl(item.get_sub_group(), v, 0, 8);  // the first value of each 8-lane segment
  sycl::group_barrier(item.get_sub_group());

  unsigned bits = cu2sycl::ballot(item.get_sub_group(), v > 0);
  int anyNegative = sycl::any_of_group(item.get_sub_group(), v < 0);
  int allSmall = sycl::all_of_group(item.get_sub_group(), v < 140);
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
  d_in = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_scan = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_first = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_sums = sycl::malloc_device<int>(warps, cu2sycl::default_queue());
  d_maxes = sycl::malloc_device<int>(warps, cu2sycl::default_queue());
  d_votes = sycl::malloc_device<int>(warps, cu2sycl::default_queue());
  d_positive = static_cast<unsigned int *>(sycl::malloc_device(warps * sizeof(unsigned), cu2sycl::default_queue()));
  cu2sycl::default_queue().memcpy(d_in, h.data(), n * sizeof(int)).wait();

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) [[sycl::reqd_sub_group_size(32)]] {
    warpOps(d_in, d_sums, d_maxes, d_scan, d_first, d_positive, d_votes, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<int> sums(warps), maxes(warps), votes(warps), scan(n), first(n);
  std::vector<unsigned> positive(warps);
  cu2sycl::default_queue().memcpy(sums.data(), d_sums, warps * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(maxes.data(), d_maxes, warps * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(votes.data(), d_votes, warps * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(positive.data(), d_positive, warps * sizeof(unsigned)).wait();
  cu2sycl::default_queue().memcpy(scan.data(), d_scan, n * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(first.data(), d_first, n * sizeof(int)).wait();

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

  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_scan, cu2sycl::default_queue());
  sycl::free(d_first, cu2sycl::default_queue());
  sycl::free(d_sums, cu2sycl::default_queue());
  sycl::free(d_maxes, cu2sycl::default_queue());
  sycl::free(d_votes, cu2sycl::default_queue());
  sycl::free(d_positive, cu2sycl::default_queue());
  if (errors) {
    printf("FAIL: %d errors\n", errors);
    return 1;
  }
  printf("PASS: %d warps reduced, scanned and voted\n", warps);
  return 0;
}
