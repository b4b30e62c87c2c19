// stencil2d: Jacobi iterations of a 5-point stencil on a 2-D grid.
// Boundary cells hold fixed values; interior cells become the average of their four neighbours.
// Two device buffers are swapped between iterations.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                                \
  do {                                                                                  \
    cudaError_t err = (call);                                                           \
    if (err != cudaSuccess) {                                                           \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(err));      \
      exit(1);                                                                          \
    }                                                                                   \
  } while (0)

__global__ void jacobiStep(const float *in, float *out, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
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
  CUDA_CHECK(cudaMalloc(&d_cur, bytes));
  CUDA_CHECK(cudaMalloc(&d_next, bytes));
  CUDA_CHECK(cudaMalloc(&d_result, bytes));
  CUDA_CHECK(cudaMemcpy(d_cur, grid0.data(), bytes, cudaMemcpyHostToDevice));
  // Start both buffers from the same state.
  CUDA_CHECK(cudaMemcpy(d_next, d_cur, bytes, cudaMemcpyDeviceToDevice));

  dim3 block(16, 16);
  dim3 grid((width + block.x - 1) / block.x, (height + block.y - 1) / block.y);
  for (int it = 0; it < iterations; ++it) {
    jacobiStep<<<grid, block>>>(d_cur, d_next, width, height);
    CUDA_CHECK(cudaGetLastError());
    float *tmp = d_cur;
    d_cur = d_next;
    d_next = tmp;
  }
  CUDA_CHECK(cudaDeviceSynchronize());

  // Snapshot the final state into a separate buffer, then read that back.
  CUDA_CHECK(cudaMemcpy(d_result, d_cur, bytes, cudaMemcpyDeviceToDevice));
  std::vector<float> result(width * height);
  CUDA_CHECK(cudaMemcpy(result.data(), d_result, bytes, cudaMemcpyDeviceToHost));

  CUDA_CHECK(cudaFree(d_cur));
  CUDA_CHECK(cudaFree(d_next));
  CUDA_CHECK(cudaFree(d_result));

  for (int i = 0; i < width * height; ++i) {
    if (fabsf(result[i] - a[i]) > 1e-4f * fabsf(a[i]) + 1e-4f) {
      printf("FAIL stencil2d: cell (%d,%d) = %f, expected %f\n", i % width, i / width, result[i], a[i]);
      return 1;
    }
  }
  printf("PASS\n");
  return 0;
}
