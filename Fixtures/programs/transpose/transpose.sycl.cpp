// transpose: out (cols x rows) = transpose of in (rows x cols).
// The tiled kernel stages a TILE x TILE block in shared memory; the extra column
// (TILE + 1) keeps column accesses from hitting the same shared-memory bank.
// Each thread block is TILE x BLOCK_ROWS threads, so each thread moves TILE / BLOCK_ROWS elements.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define TILE 32
#define BLOCK_ROWS 8

void transposeNaive(const float *in, float *out, int rows, int cols, const sycl::nd_item<2> &item) {
  int x = item.get_group(1) * TILE + item.get_local_id(1);
  int y = item.get_group(0) * TILE + item.get_local_id(0);
  for (int j = 0; j < TILE; j += BLOCK_ROWS) {
    if (x < cols && y + j < rows) {
      out[x * rows + (y + j)] = in[(y + j) * cols + x];
    }
  }
}

void transposeTiled(const float *in, float *out, int rows, int cols, const sycl::nd_item<2> &item, float (&tile)[TILE][TILE + 1]) {

  // Coalesced read of a tile of the input.
  int x = item.get_group(1) * TILE + item.get_local_id(1);  // input column
  int y = item.get_group(0) * TILE + item.get_local_id(0);  // input row
  for (int j = 0; j < TILE; j += BLOCK_ROWS) {
    if (x < cols && y + j < rows) {
      tile[item.get_local_id(0) + j][item.get_local_id(1)] = in[(y + j) * cols + x];
    }
  }
  sycl::group_barrier(item.get_group());

  // Coalesced write of the transposed tile: block (bx, by) lands at (by, bx).
  x = item.get_group(0) * TILE + item.get_local_id(1);  // output column (= input row)
  y = item.get_group(1) * TILE + item.get_local_id(0);  // output row (= input column)
  for (int j = 0; j < TILE; j += BLOCK_ROWS) {
    if (x < rows && y + j < cols) {
      out[(y + j) * rows + x] = tile[item.get_local_id(1)][item.get_local_id(0) + j];
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
  d_in = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  d_out = static_cast<float *>(sycl::malloc_device(bytes, cu2sycl::default_queue()));
  cu2sycl::default_queue().memcpy(d_in, h_in.data(), bytes).wait();

  sycl::range<2> block(BLOCK_ROWS, TILE);
  sycl::range<2> grid((rows + TILE - 1) / TILE, (cols + TILE - 1) / TILE);
  std::vector<float> h_out(rows * cols);

  cu2sycl::default_queue().memset(d_out, 0, bytes).wait();
  cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
    transposeNaive(d_in, d_out, rows, cols, item);
  });
  cu2sycl::default_queue().wait_and_throw();
  cu2sycl::default_queue().memcpy(h_out.data(), d_out, bytes).wait();
  if (checkTranspose(h_in, h_out, rows, cols, "naive")) return 1;

  cu2sycl::default_queue().memset(d_out, 0, bytes).wait();
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float[TILE][TILE + 1], 0> tile(cgh);
    cgh.parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
      transposeTiled(d_in, d_out, rows, cols, item, tile);
    });
  });
  cu2sycl::default_queue().wait_and_throw();
  cu2sycl::default_queue().memcpy(h_out.data(), d_out, bytes).wait();
  if (checkTranspose(h_in, h_out, rows, cols, "tiled")) return 1;

  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  printf("PASS\n");
  return 0;
}
