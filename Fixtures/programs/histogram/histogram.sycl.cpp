// histogram: 256-bin byte histogram.
// Each block builds a private histogram in shared memory with atomicAdd,
// then merges it into the global histogram with one atomicAdd per bin.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define NUM_BINS 256

void histogramShared(const unsigned char *data, int n, unsigned int *hist, const sycl::nd_item<1> &item, unsigned int (&bins)[256]) {

  // Clear the block-private bins (works for any block size).
  for (int b = item.get_local_id(0); b < NUM_BINS; b += item.get_local_range(0)) {
    bins[b] = 0;
  }
  sycl::group_barrier(item.get_group());

  // Grid-stride loop over the input.
  int stride = item.get_global_range(0);
  for (int i = item.get_global_id(0); i < n; i += stride) {
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(bins[data[i]]).fetch_add(1u);
  }
  sycl::group_barrier(item.get_group());

  // Merge into the global histogram; skip empty bins.
  for (int b = item.get_local_id(0); b < NUM_BINS; b += item.get_local_range(0)) {
    unsigned int count = bins[b];
    if (count != 0) {
      sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(hist[b]).fetch_add(count);
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
  d_data = static_cast<unsigned char *>(sycl::malloc_device(n, cu2sycl::default_queue()));
  d_hist = sycl::malloc_device<unsigned int>(NUM_BINS, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_data, h_data.data(), n).wait();
  cu2sycl::default_queue().memset(d_hist, 0, NUM_BINS * sizeof(unsigned int)).wait();

  // Fewer threads than elements: the grid-stride loop covers the rest.
  sycl::range<1> block(128);
  sycl::range<1> grid(12);
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<unsigned int[256], 0> bins(cgh);
    cgh.parallel_for(sycl::nd_range<1>(grid * block, block), [=](sycl::nd_item<1> item) {
      histogramShared(d_data, n, d_hist, item, bins);
    });
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<unsigned int> h_hist(NUM_BINS);
  cu2sycl::default_queue().memcpy(h_hist.data(), d_hist, NUM_BINS * sizeof(unsigned int)).wait();
  sycl::free(d_data, cu2sycl::default_queue());
  sycl::free(d_hist, cu2sycl::default_queue());

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
