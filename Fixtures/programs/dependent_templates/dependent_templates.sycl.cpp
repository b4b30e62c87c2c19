// dependent_templates: launches and device calls that depend on template parameters, as template
// libraries write them: a kernel template launched from a host template, a static member function
// of a class template with its own shared memory, and an error-check macro that synchronizes.
#include <cstdio>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define SYNC_CHECK(what)                                              \
  {                                                                   \
    cu2sycl::default_queue().wait_and_throw();                                          \
    int e = 0;                               \
    if (e != 0) printf("%s: %s\n", what, cu2sycl::error_string(e)); \
  }

// Reverses each block's slice of the array through shared memory.
template <int W>
struct Reverser {
  static void run(float *a, const sycl::nd_item<1> &item, float (&s)[W]) {
    int base = item.get_group(0) * W;
    s[item.get_local_id(0)] = a[base + item.get_local_id(0)];
    sycl::group_barrier(item.get_group());
    a[base + item.get_local_id(0)] = s[W - 1 - item.get_local_id(0)];
  }
};

template <int W>
void reverseBlocks(float *a, const sycl::nd_item<1> &item, float (&s)[W]) { Reverser<W>::run(a, item, s); }

template <int W>
void launch(float *a, int blocks) {
  sycl::range<1> grid(blocks), block(W);
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float[W], 0> s(cgh);
    cgh.parallel_for(sycl::nd_range<1>(grid * block, block), [=](sycl::nd_item<1> item) {
      reverseBlocks<W>(a, item, s);
    });
  });
  SYNC_CHECK("reverseBlocks");
}

int main() {
  const int w = 32, blocks = 5, n = w * blocks;
  float *a;
  a = sycl::malloc_shared<float>(n, cu2sycl::default_queue());
  for (int i = 0; i < n; ++i) a[i] = (float)i;
  launch<w>(a, blocks);
  for (int i = 0; i < n; ++i) {
    int b = i / w, t = i % w;
    float expected = (float)(b * w + (w - 1 - t));
    if (a[i] != expected) {
      printf("FAIL dependent_templates: a[%d] = %f, expected %f\n", i, a[i], expected);
      return 1;
    }
  }
  sycl::free(a, cu2sycl::default_queue());
  printf("PASS\n");
  return 0;
}
