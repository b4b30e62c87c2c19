// dim3_everywhere: dim3 in every host-side role, with 1-D, 2-D and 3-D launches.
//   members (LaunchShape), a global (kBlock3), parameters and return values (launch2d, gridFor),
//   a local set component by component, a copy (dim3 a = b), an array of dim3, one dim3 configuring
//   kernels of different dimensionality, and blockDim/threadIdx passed to a device function as dim3.
// Every kernel writes a value computed from its coordinates; the host checks each element.
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

struct LaunchShape {
  cu2sycl::dim3 grid, block;
};

cu2sycl::dim3 kBlock3(4, 2, 2);

unsigned int flatIndex(cu2sycl::dim3 idx, cu2sycl::dim3 dim) { return (idx.z * dim.y + idx.y) * dim.x + idx.x; }

void fill1d(int *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = 2 * i + 1;
}

void fill2d(int *out, int w, int h, const sycl::nd_item<2> &item) {
  int x = item.get_global_id(1);
  int y = item.get_global_id(0);
  if (x < w && y < h) out[y * w + x] = y * 1000 + x;
}

void fill3d(int *out, int *local, int w, int h, int d, const sycl::nd_item<3> &item) {
  int x = item.get_global_id(2);
  int y = item.get_global_id(1);
  int z = item.get_global_id(0);
  if (x < w && y < h && z < d) {
    out[(z * h + y) * w + x] = z * 1000000 + y * 1000 + x;
    local[(z * h + y) * w + x] = flatIndex(cu2sycl::dim3(item.get_local_id()), cu2sycl::dim3(item.get_local_range()));
  }
}

cu2sycl::dim3 gridFor(cu2sycl::dim3 block, int w, int h) { return cu2sycl::dim3((w + block.x - 1) / block.x, (h + block.y - 1) / block.y); }

void launch2d(int *out, cu2sycl::dim3 grid, cu2sycl::dim3 block, int w, int h) { cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(cu2sycl::range<2>(grid) * cu2sycl::range<2>(block), cu2sycl::range<2>(block)), [=](sycl::nd_item<2> item) {
  fill2d(out, w, h, item);
}); }

static int check(const char *what, const std::vector<int> &got, const std::vector<int> &want) {
  for (size_t i = 0; i < want.size(); ++i) {
    if (got[i] != want[i]) {
      printf("FAIL dim3_everywhere: %s[%zu] = %d, expected %d\n", what, i, got[i], want[i]);
      return 1;
    }
  }
  return 0;
}

int main() {
  const int n = 1000, w = 37, h = 21, d = 5;
  int *out1, *out2, *out3, *local3;
  out1 = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  out2 = sycl::malloc_device<int>(w * h, cu2sycl::default_queue());
  out3 = sycl::malloc_device<int>(w * h * d, cu2sycl::default_queue());
  local3 = sycl::malloc_device<int>(w * h * d, cu2sycl::default_queue());
  int failures = 0;

  // 1-D: a block shared with a 2-D launch below, and a grid from an array of dim3.
  cu2sycl::dim3 line(64);
  cu2sycl::dim3 grids[2] = {cu2sycl::dim3((n + 63) / 64), cu2sycl::dim3(1)};
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grids[0]) * cu2sycl::range<1>(line), cu2sycl::range<1>(line)), [=](sycl::nd_item<1> item) {
    fill1d(out1, n, item);
  });
  std::vector<int> got1(n), want1(n);
  cu2sycl::default_queue().memcpy(got1.data(), out1, n * sizeof(int)).wait();
  for (int i = 0; i < n; ++i) want1[i] = 2 * i + 1;
  failures += check("fill1d", got1, want1);

  // 2-D: through members, a parameter, a returned grid, and the 1-D block reused.
  LaunchShape shape;
  shape.block = cu2sycl::dim3(8, 4);
  shape.grid = gridFor(shape.block, w, h);
  std::vector<int> want2(w * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) want2[y * w + x] = y * 1000 + x;
  std::vector<int> got2(w * h);
  launch2d(out2, shape.grid, shape.block, w, h);
  cu2sycl::default_queue().memcpy(got2.data(), out2, w * h * sizeof(int)).wait();
  failures += check("fill2d (members)", got2, want2);

  cu2sycl::default_queue().memset(out2, 0, w * h * sizeof(int)).wait();
  sycl::range<2> tall(h, (w + 63) / 64);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(tall * cu2sycl::range<2>(line), cu2sycl::range<2>(line)), [=](sycl::nd_item<2> item) {
    fill2d(out2, w, h, item);
  });
  cu2sycl::default_queue().memcpy(got2.data(), out2, w * h * sizeof(int)).wait();
  failures += check("fill2d (shared block)", got2, want2);

  // 2-D: a local grid set component by component, and a copy of a member.
  cu2sycl::default_queue().memset(out2, 0, w * h * sizeof(int)).wait();
  sycl::range<2> grid(1, 1);
  grid[1] = (w + 7) / 8;
  grid[0] = (h + 3) / 4;
  cu2sycl::dim3 block = shape.block;
  cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(grid * cu2sycl::range<2>(block), cu2sycl::range<2>(block)), [=](sycl::nd_item<2> item) {
    fill2d(out2, w, h, item);
  });
  cu2sycl::default_queue().memcpy(got2.data(), out2, w * h * sizeof(int)).wait();
  failures += check("fill2d (assigned grid)", got2, want2);

  // 3-D: a global block; blockDim and threadIdx go to a device function as dim3.
  sycl::range<3> grid3((d + kBlock3.z - 1) / kBlock3.z, (h + kBlock3.y - 1) / kBlock3.y, (w + kBlock3.x - 1) / kBlock3.x);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<3>(grid3 * cu2sycl::range<3>(kBlock3), cu2sycl::range<3>(kBlock3)), [=](sycl::nd_item<3> item) {
    fill3d(out3, local3, w, h, d, item);
  });
  std::vector<int> got3(w * h * d), gotLocal(w * h * d), want3(w * h * d), wantLocal(w * h * d);
  cu2sycl::default_queue().memcpy(got3.data(), out3, w * h * d * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(gotLocal.data(), local3, w * h * d * sizeof(int)).wait();
  for (int z = 0; z < d; ++z)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        want3[(z * h + y) * w + x] = z * 1000000 + y * 1000 + x;
        wantLocal[(z * h + y) * w + x] = ((z % 2) * 2 + y % 2) * 4 + x % 4;
      }
  failures += check("fill3d", got3, want3);
  failures += check("fill3d (flatIndex)", gotLocal, wantLocal);

  sycl::free(out1, cu2sycl::default_queue());
  sycl::free(out2, cu2sycl::default_queue());
  sycl::free(out3, cu2sycl::default_queue());
  sycl::free(local3, cu2sycl::default_queue());
  if (failures) return 1;
  printf("PASS\n");
  return 0;
}
