// error_checks: host-side error-handling idioms around a simple kernel.
//  - CUDA_CALL macro and a check() function, both built on cudaGetErrorString;
//  - cudaPeekAtLastError right after the launch, then cudaGetLastError;
//  - pinned host buffers from cudaMallocHost / cudaFreeHost;
//  - cudaMemset with a non-zero byte pattern, which the kernel only partly overwrites.
#include <cstdio>
#include <cstdlib>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CUDA_CALL(call)                                                                  \
  do {                                                                                   \
    int status_ = (call);                                                        \
    if (status_ != 0) {                                                        \
      fprintf(stderr, "CUDA failure at %s:%d (%s): %s\n", __FILE__, __LINE__, #call,     \
              cu2sycl::error_string(status_));                                              \
      printf("FAIL error_checks: %s\n", cu2sycl::error_string(status_));                    \
      exit(1);                                                                           \
    }                                                                                    \
  } while (0)

void check(int e, const char *what) {
  if (e != 0) {
    fprintf(stderr, "%s failed: %s\n", what, cu2sycl::error_string(e));
    printf("FAIL error_checks: %s: %s\n", what, cu2sycl::error_string(e));
    exit(1);
  }
}

// Writes only the even-indexed elements; the odd ones keep whatever cudaMemset put there.
void fillEven(const int *in, int *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n && (i % 2) == 0) {
    out[i] = in[i] * 3 - i;
  }
}

int main() {
  const int n = 3333;
  const size_t bytes = n * sizeof(int);

  int *h_in = NULL, *h_out = NULL;
  check(((h_in = static_cast<int *>(sycl::malloc_host(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2), "cudaMallocHost(h_in)");
  check(((h_out = static_cast<int *>(sycl::malloc_host(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2), "cudaMallocHost(h_out)");
  for (int i = 0; i < n; ++i) {
    h_in[i] = (i * 17) % 1000 - 500;
    h_out[i] = 0;
  }

  int *d_in = NULL, *d_out = NULL;
  CUDA_CALL(((d_in = static_cast<int *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CALL(((d_out = static_cast<int *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CALL((cu2sycl::default_queue().memcpy(d_in, h_in, bytes).wait(), 0));
  // Every byte 0xFF: each int reads back as -1.
  CUDA_CALL((cu2sycl::default_queue().memset(d_out, 0xFF, bytes).wait(), 0));

  const int threads = 192;
  const int blocks = (n + threads - 1) / threads;
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * threads), sycl::range<1>(threads)), [=](sycl::nd_item<1> item) {
    fillEven(d_in, d_out, n, item);
  });
  check(0, "fillEven launch (peek)");
  check((cu2sycl::default_queue().wait_and_throw(), 0), "cudaDeviceSynchronize");
  // The peeked error (none) must still be the one cudaGetLastError reports.
  int last = 0;
  if (last != 0) {
    printf("FAIL error_checks: cudaGetLastError returned %s\n", cu2sycl::error_string(last));
    return 1;
  }

  CUDA_CALL((cu2sycl::default_queue().memcpy(h_out, d_out, bytes).wait(), 0));

  int failures = 0;
  int firstBad = -1;
  for (int i = 0; i < n; ++i) {
    int want = (i % 2 == 0) ? h_in[i] * 3 - i : -1;
    if (h_out[i] != want) {
      if (firstBad < 0) firstBad = i;
      ++failures;
    }
  }
  if (failures > 0) {
    printf("FAIL error_checks: %d wrong values, first at %d (got %d)\n", failures, firstBad, h_out[firstBad]);
    return 1;
  }

  // Zero the device buffer and read it back into the pinned buffer.
  CUDA_CALL((cu2sycl::default_queue().memset(d_out, 0, bytes).wait(), 0));
  CUDA_CALL((cu2sycl::default_queue().memcpy(h_out, d_out, bytes).wait(), 0));
  for (int i = 0; i < n; ++i) {
    if (h_out[i] != 0) {
      printf("FAIL error_checks: out[%d] = %d after cudaMemset(0)\n", i, h_out[i]);
      return 1;
    }
  }

  CUDA_CALL((sycl::free(d_in, cu2sycl::default_queue()), 0));
  CUDA_CALL((sycl::free(d_out, cu2sycl::default_queue()), 0));
  check((sycl::free(h_in, cu2sycl::default_queue()), 0), "cudaFreeHost(h_in)");
  check((sycl::free(h_out, cu2sycl::default_queue()), 0), "cudaFreeHost(h_out)");
  printf("PASS\n");
  return 0;
}
