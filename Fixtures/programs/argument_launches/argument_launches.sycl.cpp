// argument_launches: kernels launched through argument arrays (cudaLaunchKernel and
// cudaLaunchCooperativeKernel, each argument passed by its address in a void * array).
// A 1-D block sum with dynamic shared memory on a stream, a 2-D tiled transpose with static shared
// memory and dim3 shapes, and a cooperative launch of a kernel that does not synchronize the grid.
#include <cstdio>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

const int kBlock = 128;
const int kBlocks = 8;
const int kTile = 16;

void blockSum(const int *in, int *sums, int n, const sycl::nd_item<1> &item, int *partial) {
  int i = item.get_global_id(0);
  partial[item.get_local_id(0)] = i < n ? in[i] : 0;
  sycl::group_barrier(item.get_group());
  for (int stride = item.get_local_range(0) / 2; stride > 0; stride /= 2) {
    if (item.get_local_id(0) < stride) partial[item.get_local_id(0)] += partial[item.get_local_id(0) + stride];
    sycl::group_barrier(item.get_group());
  }
  if (item.get_local_id(0) == 0) sums[item.get_group(0)] = partial[0];
}

// blockSum launched with its arguments in an array (args[i] points to parameter i).
void blockSum_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
  const int *in = *static_cast<const int **>(args[0]);
  int *sums = *static_cast<int **>(args[1]);
  int n = *static_cast<int *>(args[2]);
  q.submit([&](sycl::handler &cgh) {
    sycl::local_accessor<int, 1> partial(sycl::range<1>(shared_bytes / sizeof(int)), cgh);
    cgh.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
      blockSum(in, sums, n, item, partial.get_multi_ptr<sycl::access::decorated::no>().get());
    });
  });
}

void transposeTile(const float *in, float *out, int width, int height, const sycl::nd_item<2> &item, float (&tile)[kTile][kTile + 1]) {
  int x = item.get_group(1) * kTile + item.get_local_id(1);
  int y = item.get_group(0) * kTile + item.get_local_id(0);
  if (x < width && y < height) tile[item.get_local_id(0)][item.get_local_id(1)] = in[y * width + x];
  sycl::group_barrier(item.get_group());
  x = item.get_group(0) * kTile + item.get_local_id(1);
  y = item.get_group(1) * kTile + item.get_local_id(0);
  if (x < height && y < width) out[y * height + x] = tile[item.get_local_id(1)][item.get_local_id(0)];
}

// transposeTile launched with its arguments in an array (args[i] points to parameter i).
void transposeTile_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
  const float *in = *static_cast<const float **>(args[0]);
  float *out = *static_cast<float **>(args[1]);
  int width = *static_cast<int *>(args[2]);
  int height = *static_cast<int *>(args[3]);
  q.submit([&](sycl::handler &cgh) {
    sycl::local_accessor<float[kTile][kTile + 1], 0> tile(cgh);
    cgh.parallel_for(sycl::nd_range<2>(cu2sycl::range<2>(grid) * cu2sycl::range<2>(block), cu2sycl::range<2>(block)), [=](sycl::nd_item<2> item) {
      transposeTile(in, out, width, height, item, tile);
    });
  });
}

void addOffset(int *data, int offset, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) data[i] += offset;
}

// addOffset launched with its arguments in an array (args[i] points to parameter i).
void addOffset_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args) {
  int *data = *static_cast<int **>(args[0]);
  int offset = *static_cast<int *>(args[1]);
  int n = *static_cast<int *>(args[2]);
  q.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    addOffset(data, offset, n, item);
  });
}

int main() {
  const int n = kBlock * kBlocks - 5;
  int host[kBlock * kBlocks];
  for (int i = 0; i < n; ++i) host[i] = i % 7;
  int *in, *sums;
  in = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  sums = sycl::malloc_device<int>(kBlocks, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(in, host, n * sizeof(int)).wait();

  cu2sycl::queue_ptr stream;
  stream = cu2sycl::create_stream();
  int count = n;
  void *sumArgs[] = {&in, &sums, &count};
  if ((blockSum_launcher(cu2sycl::queue(stream), cu2sycl::dim3(kBlocks), cu2sycl::dim3(kBlock), kBlock * sizeof(int), sumArgs), 0) != 0) {
    printf("FAIL argument_launches: cudaLaunchKernel(blockSum)\n");
    return 1;
  }
  cu2sycl::queue(stream).wait_and_throw();
  int got[kBlocks];
  cu2sycl::default_queue().memcpy(got, sums, sizeof(got)).wait();
  for (int b = 0; b < kBlocks; ++b) {
    int expect = 0;
    for (int i = b * kBlock; i < (b + 1) * kBlock && i < n; ++i) expect += i % 7;
    if (got[b] != expect) {
      printf("FAIL argument_launches: block %d sums to %d, expected %d\n", b, got[b], expect);
      return 1;
    }
  }

  const int width = 40, height = 24;
  float matrix[width * height], transposed[width * height];
  for (int i = 0; i < width * height; ++i) matrix[i] = static_cast<float>(i);
  float *dIn, *dOut;
  dIn = static_cast<float *>(sycl::malloc_device(sizeof(matrix), cu2sycl::default_queue()));
  dOut = static_cast<float *>(sycl::malloc_device(sizeof(matrix), cu2sycl::default_queue()));
  cu2sycl::default_queue().memcpy(dIn, matrix, sizeof(matrix)).wait();
  int w = width, h = height;
  void *transposeArgs[] = {&dIn, &dOut, &w, &h};
  sycl::range<2> block(kTile, kTile);
  sycl::range<2> grid((height + kTile - 1) / kTile, (width + kTile - 1) / kTile);
  transposeTile_launcher(cu2sycl::default_queue(), grid, block, 0, transposeArgs);
  cu2sycl::default_queue().memcpy(transposed, dOut, sizeof(transposed)).wait();
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      if (transposed[x * height + y] != matrix[y * width + x]) {
        printf("FAIL argument_launches: transposed(%d, %d) is %f\n", x, y, transposed[x * height + y]);
        return 1;
      }
    }
  }

  int offset = 100;
  void *offsetArgs[] = {&in, &offset, &count};
  addOffset_launcher(cu2sycl::default_queue(), cu2sycl::dim3(kBlocks), cu2sycl::dim3(kBlock), 0, offsetArgs);
  cu2sycl::default_queue().memcpy(host, in, n * sizeof(int)).wait();
  for (int i = 0; i < n; ++i) {
    if (host[i] != i % 7 + 100) {
      printf("FAIL argument_launches: data[%d] is %d after the cooperative launch\n", i, host[i]);
      return 1;
    }
  }
  cu2sycl::destroy_stream(stream);
  sycl::free(in, cu2sycl::default_queue());
  sycl::free(sums, cu2sycl::default_queue());
  sycl::free(dIn, cu2sycl::default_queue());
  sycl::free(dOut, cu2sycl::default_queue());
  printf("PASS argument_launches\n");
  return 0;
}
