// stencil2d: Jacobi iterations of a 5-point stencil on a 2-D grid.
// Boundary cells hold fixed values; interior cells become the average of their four neighbours.
// Two device buffers are swapped between iterations.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CUDA_CHECK(call)                                                                \
  do {                                                                                  \
    int err = (call);                                                           \
    if (err != 0) {                                                           \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cu2sycl::error_string(err));      \
      exit(1);                                                                          \
    }                                                                                   \
  } while (0)

void jacobiStep(const float *in, float *out, int width, int height, const sycl::nd_item<2> &item) {
  int x = item.get_global_id(1);
  int y = item.get_global_id(0);
  if (x >= width || y >= height) return;

  int idx = y * width + x;
  if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
    out[idx] = in[idx];  // Dirichlet boundary: keep the value
    return;
  }
  float up = in[idx - width];
  float down = in[idx + width];
  float left = in[idx - 1];
  float right = in[idx + 1];
  out[idx] = 0.25f * (up + down + left + right);
}

static void jacobiStepHost(const std::vector<float> &in, std::vector<float> &out, int width, int height) {
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      int idx = y * width + x;
      if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
        out[idx] = in[idx];
      } else {
        out[idx] = 0.25f * (in[idx - width] + in[idx + width] + in[idx - 1] + in[idx + 1]);
      }
    }
  }
}

int main() {
  const int width = 70, height = 45, iterations = 25;
  const size_t bytes = (size_t)width * height * sizeof(float);

  std::vector<float> grid0(width * height, 0.0f);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      float v = 0.0f;
      if (y == 0) v = 100.0f;                        // hot top edge
      else if (x == 0) v = 50.0f;                    // warm left edge
      else if (x == width - 1) v = (float)(y % 10);  // ragged right edge
      else if (y == height - 1) v = 0.0f;            // cold bottom edge
      else v = (float)((x * 3 + y * 7) % 13);        // interior initial guess
      grid0[y * width + x] = v;
    }
  }

  // Host reference.
  std::vector<float> a = grid0, b(width * height, 0.0f);
  for (int it = 0; it < iterations; ++it) {
    jacobiStepHost(a, b, width, height);
    a.swap(b);
  }

  float *d_cur = nullptr, *d_next = nullptr, *d_result = nullptr;
  CUDA_CHECK(((d_cur = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CHECK(((d_next = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CHECK(((d_result = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CUDA_CHECK((cu2sycl::default_queue().memcpy(d_cur, grid0.data(), bytes).wait(), 0));
  // Start both buffers from the same state.
  CUDA_CHECK((cu2sycl::default_queue().memcpy(d_next, d_cur, bytes).wait(), 0));

  sycl::range<2> block(16, 16);
  sycl::range<2> grid((height + block[0] - 1) / block[0], (width + block[1] - 1) / block[1]);
  for (int it = 0; it < iterations; ++it) {
    cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
      jacobiStep(d_cur, d_next, width, height, item);
    });
    CUDA_CHECK(0);
    float *tmp = d_cur;
    d_cur = d_next;
    d_next = tmp;
  }
  CUDA_CHECK((cu2sycl::default_queue().wait_and_throw(), 0));

  // Snapshot the final state into a separate buffer, then read that back.
  CUDA_CHECK((cu2sycl::default_queue().memcpy(d_result, d_cur, bytes).wait(), 0));
  std::vector<float> result(width * height);
  CUDA_CHECK((cu2sycl::default_queue().memcpy(result.data(), d_result, bytes).wait(), 0));

  CUDA_CHECK((sycl::free(d_cur, cu2sycl::default_queue()), 0));
  CUDA_CHECK((sycl::free(d_next, cu2sycl::default_queue()), 0));
  CUDA_CHECK((sycl::free(d_result, cu2sycl::default_queue()), 0));

  for (int i = 0; i < width * height; ++i) {
    if (fabsf(result[i] - a[i]) > 1e-4f * fabsf(a[i]) + 1e-4f) {
      printf("FAIL stencil2d: cell (%d,%d) = %f, expected %f\n", i % width, i / width, result[i], a[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
