// argument_launches: kernels launched through argument arrays (cudaLaunchKernel and
// cudaLaunchCooperativeKernel, each argument passed by its address in a void * array).
// A 1-D block sum with dynamic shared memory on a stream, a 2-D tiled transpose with static shared
// memory and dim3 shapes, and a cooperative launch of a kernel that does not synchronize the grid.
#include <cstdio>
#include <cuda_runtime.h>

const int kBlock = 128;
const int kBlocks = 8;
const int kTile = 16;

__global__ void blockSum(const int *in, int *sums, int n) {
  extern __shared__ int partial[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  partial[threadIdx.x] = i < n ? in[i] : 0;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride) partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0) sums[blockIdx.x] = partial[0];
}

__global__ void transposeTile(const float *in, float *out, int width, int height) {
  __shared__ float tile[kTile][kTile + 1];
  int x = blockIdx.x * kTile + threadIdx.x;
  int y = blockIdx.y * kTile + threadIdx.y;
  if (x < width && y < height) tile[threadIdx.y][threadIdx.x] = in[y * width + x];
  __syncthreads();
  x = blockIdx.y * kTile + threadIdx.x;
  y = blockIdx.x * kTile + threadIdx.y;
  if (x < height && y < width) out[y * height + x] = tile[threadIdx.x][threadIdx.y];
}

__global__ void addOffset(int *data, int offset, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) data[i] += offset;
}

int main() {
  const int n = kBlock * kBlocks - 5;
  int host[kBlock * kBlocks];
  for (int i = 0; i < n; ++i) host[i] = i % 7;
  int *in, *sums;
  cudaMalloc(&in, n * sizeof(int));
  cudaMalloc(&sums, kBlocks * sizeof(int));
  cudaMemcpy(in, host, n * sizeof(int), cudaMemcpyHostToDevice);

  cudaStream_t stream;
  cudaStreamCreate(&stream);
  int count = n;
  void *sumArgs[] = {&in, &sums, &count};
  if (cudaLaunchKernel((void *)blockSum, dim3(kBlocks), dim3(kBlock), sumArgs, kBlock * sizeof(int), stream) != cudaSuccess) {
    printf("FAIL argument_launches: cudaLaunchKernel(blockSum)\n");
    return 1;
  }
  cudaStreamSynchronize(stream);
  int got[kBlocks];
  cudaMemcpy(got, sums, sizeof(got), cudaMemcpyDeviceToHost);
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
  cudaMalloc(&dIn, sizeof(matrix));
  cudaMalloc(&dOut, sizeof(matrix));
  cudaMemcpy(dIn, matrix, sizeof(matrix), cudaMemcpyHostToDevice);
  int w = width, h = height;
  void *transposeArgs[] = {&dIn, &dOut, &w, &h};
  dim3 block(kTile, kTile);
  dim3 grid((width + kTile - 1) / kTile, (height + kTile - 1) / kTile);
  cudaLaunchKernel((const void *)transposeTile, grid, block, transposeArgs, 0, 0);
  cudaMemcpy(transposed, dOut, sizeof(transposed), cudaMemcpyDeviceToHost);
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
  cudaLaunchCooperativeKernel(reinterpret_cast<void *>(addOffset), dim3(kBlocks), dim3(kBlock), offsetArgs, 0, 0);
  cudaMemcpy(host, in, n * sizeof(int), cudaMemcpyDeviceToHost);
  for (int i = 0; i < n; ++i) {
    if (host[i] != i % 7 + 100) {
      printf("FAIL argument_launches: data[%d] is %d after the cooperative launch\n", i, host[i]);
      return 1;
    }
  }
  cudaStreamDestroy(stream);
  cudaFree(in);
  cudaFree(sums);
  cudaFree(dIn);
  cudaFree(dOut);
  printf("PASS argument_launches\n");
  return 0;
}
