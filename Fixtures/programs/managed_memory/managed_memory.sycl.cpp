// managed_memory: unified memory shared by host and device.
// The host fills managed arrays directly, kernels update them in place, and after
// cudaDeviceSynchronize the host reads the results through the same pointers.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

struct Point {
  float x;
  float y;
};

// Distance from the origin, clamped to [0.5, 40], plus half the integer part of |x|.
void measure(const Point *pts, float *dist, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    float px = pts[i].x;
    float py = pts[i].y;
    float r = sycl::sqrt(px * px + py * py);
    r = sycl::fmin(sycl::fmax(r, 0.5f), 40.0f);
    dist[i] = r + 0.5f * sycl::floor(sycl::fabs(px));
  }
}

// Moves every point one step of length `step` towards the origin (in place).
void pullTowardsOrigin(Point *pts, const float *dist, float step, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    float s = step / dist[i];
    pts[i].x -= s * pts[i].x;
    pts[i].y -= s * pts[i].y;
  }
}

static bool nearlyEqual(float got, float want) {
  return fabsf(got - want) <= 1e-4f * fabsf(want) + 1e-5f;
}

int main() {
  const int n = 2048;
  Point *pts = nullptr;
  float *dist = nullptr;
  int err = ((pts = sycl::malloc_shared<Point>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2);
  if (err == 0) err = ((dist = sycl::malloc_shared<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2);
  if (err != 0) {
    printf("FAIL managed_memory: cudaMallocManaged: %s\n", cu2sycl::error_string(err));
    return 1;
  }

  // The host writes straight into managed memory.
  Point *orig = (Point *)malloc(n * sizeof(Point));
  for (int i = 0; i < n; ++i) {
    pts[i].x = 0.01f * (float)((i * 37) % 3001) - 15.0f;
    pts[i].y = 0.02f * (float)((i * 91) % 2003) - 20.0f;
    orig[i] = pts[i];
  }

  sycl::range<1> block(256);
  sycl::range<1> grid((n + block[0] - 1) / block[0]);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(grid * block, block), [=](sycl::nd_item<1> item) {
    measure(pts, dist, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  // Check the first kernel's output on the host, straight from managed memory.
  for (int i = 0; i < n; ++i) {
    float px = orig[i].x, py = orig[i].y;
    float r = fminf(fmaxf(sqrtf(px * px + py * py), 0.5f), 40.0f);
    float want = r + 0.5f * floorf(fabsf(px));
    if (!nearlyEqual(dist[i], want)) {
      printf("FAIL managed_memory: dist[%d] = %f, expected %f\n", i, dist[i], want);
      return 1;
    }
  }

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(grid * block, block), [=](sycl::nd_item<1> item) {
    pullTowardsOrigin(pts, dist, 0.25f, n, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  for (int i = 0; i < n; ++i) {
    float s = 0.25f / dist[i];
    float wx = orig[i].x - s * orig[i].x;
    float wy = orig[i].y - s * orig[i].y;
    if (!nearlyEqual(pts[i].x, wx) || !nearlyEqual(pts[i].y, wy)) {
      printf("FAIL managed_memory: point %d = (%f, %f), expected (%f, %f)\n", i, pts[i].x, pts[i].y, wx, wy);
      return 1;
    }
  }

  free(orig);
  sycl::free(pts, cu2sycl::default_queue());
  sycl::free(dist, cu2sycl::default_queue());
  printf("PASS\n");
  return 0;
}
