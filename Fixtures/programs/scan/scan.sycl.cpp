// scan: inclusive prefix sum of an int array.
// Step 1: each block scans its BLOCK elements in shared memory (Hillis-Steele, double-buffered)
//         and records its total.
// Step 2: the host turns the block totals into per-block offsets (exclusive scan).
// Step 3: a second kernel adds each block's offset to its elements.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define BLOCK 256

void scanBlocks(const int *in, int *out, int *blockTotals, int n, const sycl::nd_item<1> &item, int (&buf)[2][BLOCK]) {

  int tid = item.get_local_id(0);
  int gid = item.get_group(0) * BLOCK + tid;

  int pout = 0;
  buf[pout][tid] = (gid < n) ? in[gid] : 0;
  sycl::group_barrier(item.get_group());

  for (int offset = 1; offset < BLOCK; offset <<= 1) {
    // Read from one buffer, write the other: no thread overwrites a value still being read.
    pout = 1 - pout;
    int pin = 1 - pout;
    int v = buf[pin][tid];
    if (tid >= offset) {
      v += buf[pin][tid - offset];
    }
    buf[pout][tid] = v;
    sycl::group_barrier(item.get_group());
  }

  if (gid < n) {
    out[gid] = buf[pout][tid];
  }
  if (tid == BLOCK - 1) {
    blockTotals[item.get_group(0)] = buf[pout][tid];
  }
}

void addBlockOffsets(int *data, const int *offsets, int n, const sycl::nd_item<1> &item) {
  int gid = item.get_global_id(0);
  if (gid < n) {
    data[gid] += offsets[item.get_group(0)];
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
  d_in = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_out = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_totals = sycl::malloc_device<int>(numBlocks, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_in, h_in.data(), n * sizeof(int)).wait();

  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<int[2][BLOCK], 0> buf(cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(numBlocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
      scanBlocks(d_in, d_out, d_totals, n, item, buf);
    });
  });
  int err = 0;
  if (err != 0) {
    printf("FAIL scan: scanBlocks launch: %s\n", cu2sycl::error_string(err));
    return 1;
  }

  // Host fix-up: exclusive scan of the block totals.
  std::vector<int> totals(numBlocks), offsets(numBlocks);
  cu2sycl::default_queue().memcpy(totals.data(), d_totals, numBlocks * sizeof(int)).wait();
  int acc = 0;
  for (int b = 0; b < numBlocks; ++b) {
    offsets[b] = acc;
    acc += totals[b];
  }
  cu2sycl::default_queue().memcpy(d_totals, offsets.data(), numBlocks * sizeof(int)).wait();

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(numBlocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
    addBlockOffsets(d_out, d_totals, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<int> h_out(n);
  cu2sycl::default_queue().memcpy(h_out.data(), d_out, n * sizeof(int)).wait();
  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  sycl::free(d_totals, cu2sycl::default_queue());

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
