// transpose: out (cols x rows) = transpose of in (rows x cols).
// The tiled kernel stages a TILE x TILE block in shared memory; the extra column
// (TILE + 1) keeps column accesses from hitting the same shared-memory bank.
// Each thread block is TILE x BLOCK_ROWS threads, so each thread moves TILE / BLOCK_ROWS elements.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define TILE 32
#define BLOCK_ROWS 8

__global__ void transposeNaive(const float *in, float *out, int rows, int cols) {
  int x = blockIdx.x * TILE + threadIdx.x;
  int y = blockIdx.y * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += BLOCK_ROWS) {
    if (x < cols && y + j < rows) {
      out[x * rows + (y + j)] = in[(y + j) * cols + x];
    }
  }
}

__global__ void transposeTiled(const float *in, float *out, int rows, int cols) {
  __shared__ float tile[TILE][TILE + 1];

  // Coalesced read of a tile of the input.
  int x = blockIdx.x * TILE + threadIdx.x;  // input column
  int y = blockIdx.y * TILE + threadIdx.y;  // input row
  for (int j = 0; j < TILE; j += BLOCK_ROWS) {
    if (x < cols && y + j < rows) {
      tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * cols + x];
    }
  }
  __syncthreads();

  // Coalesced write of the transposed tile: block (bx, by) lands at (by, bx).
  x = blockIdx.y * TILE + threadIdx.x;  // output column (= input row)
  y = blockIdx.x * TILE + threadIdx.y;  // output row (= input column)
  for (int j = 0; j < TILE; j += BLOCK_ROWS) {
    if (x < rows && y + j < cols) {
      out[(y + j) * rows + x] = tile[threadIdx.x][threadIdx.y + j];
    }
  }
}

static int checkTranspose(const std::vector<float> &in, const std::vector<float> &out, int rows, int cols,
                          const char *which) {
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      float want = in[r * cols + c];
      float got = out[c * rows + r];
      if (got != want) {
        printf("FAIL transpose (%s): out[%d][%d] = %f, expected %f\n", which, c, r, got, want);
        return 1;
      }
    }
  }
  return 0;
}

int main() {
  const int rows = 75, cols = 109;
  const size_t bytes = (size_t)rows * cols * sizeof(float);

  std::vector<float> h_in(rows * cols);
  for (int i = 0; i < rows * cols; ++i) h_in[i] = (float)i + 0.5f;

  float *d_in, *d_out;
  cudaMalloc(&d_in, bytes);
  cudaMalloc(&d_out, bytes);
  cudaMemcpy(d_in, h_in.data(), bytes, cudaMemcpyHostToDevice);

  dim3 block(TILE, BLOCK_ROWS);
  dim3 grid((cols + TILE - 1) / TILE, (rows + TILE - 1) / TILE);
  std::vector<float> h_out(rows * cols);

  cudaMemset(d_out, 0, bytes);
  transposeNaive<<<grid, block>>>(d_in, d_out, rows, cols);
  cudaDeviceSynchronize();
  cudaMemcpy(h_out.data(), d_out, bytes, cudaMemcpyDeviceToHost);
  if (checkTranspose(h_in, h_out, rows, cols, "naive")) return 1;

  cudaMemset(d_out, 0, bytes);
  transposeTiled<<<grid, block>>>(d_in, d_out, rows, cols);
  cudaDeviceSynchronize();
  cudaMemcpy(h_out.data(), d_out, bytes, cudaMemcpyDeviceToHost);
  if (checkTranspose(h_in, h_out, rows, cols, "tiled")) return 1;

  cudaFree(d_in);
  cudaFree(d_out);
  printf("PASS\n");
  return 0;
}
