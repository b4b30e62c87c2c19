// dim3_everywhere: dim3 in every host-side role, with 1-D, 2-D and 3-D launches.
//   members (LaunchShape), a global (kBlock3), parameters and return values (launch2d, gridFor),
//   a local set component by component, a copy (dim3 a = b), an array of dim3, one dim3 configuring
//   kernels of different dimensionality, and blockDim/threadIdx passed to a device function as dim3.
// Every kernel writes a value computed from its coordinates; the host checks each element.
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>

struct LaunchShape {
  dim3 grid, block;
};

dim3 kBlock3(4, 2, 2);

__device__ unsigned int flatIndex(dim3 idx, dim3 dim) { return (idx.z * dim.y + idx.y) * dim.x + idx.x; }

__global__ void fill1d(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = 2 * i + 1;
}

__global__ void fill2d(int *out, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < w && y < h) out[y * w + x] = y * 1000 + x;
}

__global__ void fill3d(int *out, int *local, int w, int h, int d) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  int z = blockIdx.z * blockDim.z + threadIdx.z;
  if (x < w && y < h && z < d) {
    out[(z * h + y) * w + x] = z * 1000000 + y * 1000 + x;
    local[(z * h + y) * w + x] = flatIndex(threadIdx, blockDim);
  }
}

dim3 gridFor(dim3 block, int w, int h) { return dim3((w + block.x - 1) / block.x, (h + block.y - 1) / block.y); }

void launch2d(int *out, dim3 grid, dim3 block, int w, int h) { fill2d<<<grid, block>>>(out, w, h); }

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
  cudaMalloc(&out1, n * sizeof(int));
  cudaMalloc(&out2, w * h * sizeof(int));
  cudaMalloc(&out3, w * h * d * sizeof(int));
  cudaMalloc(&local3, w * h * d * sizeof(int));
  int failures = 0;

  // 1-D: a block shared with a 2-D launch below, and a grid from an array of dim3.
  dim3 line(64);
  dim3 grids[2] = {dim3((n + 63) / 64), dim3(1)};
  fill1d<<<grids[0], line>>>(out1, n);
  std::vector<int> got1(n), want1(n);
  cudaMemcpy(got1.data(), out1, n * sizeof(int), cudaMemcpyDeviceToHost);
  for (int i = 0; i < n; ++i) want1[i] = 2 * i + 1;
  failures += check("fill1d", got1, want1);

  // 2-D: through members, a parameter, a returned grid, and the 1-D block reused.
  LaunchShape shape;
  shape.block = dim3(8, 4);
  shape.grid = gridFor(shape.block, w, h);
  std::vector<int> want2(w * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) want2[y * w + x] = y * 1000 + x;
  std::vector<int> got2(w * h);
  launch2d(out2, shape.grid, shape.block, w, h);
  cudaMemcpy(got2.data(), out2, w * h * sizeof(int), cudaMemcpyDeviceToHost);
  failures += check("fill2d (members)", got2, want2);

  cudaMemset(out2, 0, w * h * sizeof(int));
  dim3 tall((w + 63) / 64, h);
  fill2d<<<tall, line>>>(out2, w, h);
  cudaMemcpy(got2.data(), out2, w * h * sizeof(int), cudaMemcpyDeviceToHost);
  failures += check("fill2d (shared block)", got2, want2);

  // 2-D: a local grid set component by component, and a copy of a member.
  cudaMemset(out2, 0, w * h * sizeof(int));
  dim3 grid;
  grid.x = (w + 7) / 8;
  grid.y = (h + 3) / 4;
  dim3 block = shape.block;
  fill2d<<<grid, block>>>(out2, w, h);
  cudaMemcpy(got2.data(), out2, w * h * sizeof(int), cudaMemcpyDeviceToHost);
  failures += check("fill2d (assigned grid)", got2, want2);

  // 3-D: a global block; blockDim and threadIdx go to a device function as dim3.
  dim3 grid3((w + kBlock3.x - 1) / kBlock3.x, (h + kBlock3.y - 1) / kBlock3.y, (d + kBlock3.z - 1) / kBlock3.z);
  fill3d<<<grid3, kBlock3>>>(out3, local3, w, h, d);
  std::vector<int> got3(w * h * d), gotLocal(w * h * d), want3(w * h * d), wantLocal(w * h * d);
  cudaMemcpy(got3.data(), out3, w * h * d * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(gotLocal.data(), local3, w * h * d * sizeof(int), cudaMemcpyDeviceToHost);
  for (int z = 0; z < d; ++z)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        want3[(z * h + y) * w + x] = z * 1000000 + y * 1000 + x;
        wantLocal[(z * h + y) * w + x] = ((z % 2) * 2 + y % 2) * 4 + x % 4;
      }
  failures += check("fill3d", got3, want3);
  failures += check("fill3d (flatIndex)", gotLocal, wantLocal);

  cudaFree(out1);
  cudaFree(out2);
  cudaFree(out3);
  cudaFree(local3);
  if (failures) return 1;
  printf("PASS\n");
  return 0;
}
