// Demo: add two vectors on the GPU and check the result on the CPU.
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

void add(const int *a, const int *b, int *c, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) c[i] = a[i] + b[i];
}

int main() {
  const int n = 4000;
  std::vector<int> a(n), b(n), c(n);
  for (int i = 0; i < n; ++i) {
    a[i] = i;
    b[i] = 2 * i + 1;
  }

  int *da, *db, *dc;
  da = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  db = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  dc = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(da, a.data(), n * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(db, b.data(), n * sizeof(int)).wait();

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + 255) / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    add(da, db, dc, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();
  cu2sycl::default_queue().memcpy(c.data(), dc, n * sizeof(int)).wait();
  sycl::free(da, cu2sycl::default_queue());
  sycl::free(db, cu2sycl::default_queue());
  sycl::free(dc, cu2sycl::default_queue());

  for (int i = 0; i < n; ++i) {
    if (c[i] != 3 * i + 1) {
      printf("FAIL c[%d] = %d, expected %d\n", i, c[i], 3 * i + 1);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
