// device_printf: printf from device code (a kernel and a device function it calls), with the usual
// conversions, while the kernel computes a checked result.
#include <cstdio>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

void note(int block, int thread, float value, const sycl::nd_item<1> &item, const sycl::stream &stream) {
  stream << "block " << block << " thread " << sycl::setw(2) << thread << ": value " << sycl::setprecision(3) << sycl::fixed << value << " (0x" << sycl::hex << thread << sycl::dec << ")\n";
}

void scaleAndReport(float *v, float factor, int n, const sycl::nd_item<1> &item, const sycl::stream &stream) {
  int i = item.get_global_id(0);
  if (i >= n) return;
  v[i] *= factor;
  if (item.get_local_id(0) == 0) note(item.get_group(0), item.get_local_id(0), v[i], item, stream);
  if (i == n - 1) stream << "last element " << i << " is " << sycl::setprecision(6) << sycl::scientific << v[i] << ", " << static_cast<char>('o') << "k" << "\n";
}

int main() {
  const int n = 100;
  float h[n];
  for (int i = 0; i < n; ++i) h[i] = 0.5f * i;
  float *d;
  d = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d, h, n * sizeof(float)).wait();
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::stream stream(65536, 1024, cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(128), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
      scaleAndReport(d, 2.0f, n, item, stream);
    });
  });
  cu2sycl::default_queue().wait_and_throw();
  cu2sycl::default_queue().memcpy(h, d, n * sizeof(float)).wait();
  sycl::free(d, cu2sycl::default_queue());
  for (int i = 0; i < n; ++i) {
    if (h[i] != (float)i) {
      printf("FAIL device_printf: h[%d] = %f, expected %d\n", i, h[i], i);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
