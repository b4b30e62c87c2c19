// driver_modules: the kernels that driver_modules.cu loads from a module by name. With CUDA this file
// is built on its own into an image (nvcc -fatbin module_kernels.cu -o module_kernels.fatbin).
#include <cuda_runtime.h>

extern "C" __global__ void scaleAdd(float *data, const float *bias, float factor, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) data[i] = data[i] * factor + bias[i];
}

// Per-block maxima through dynamic shared memory; the arguments mix sizes (int, pointer, short, double).
extern "C" __global__ void blockMax(int n, const int *in, short scale, double offset, double *out) {
  extern __shared__ int best[];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  best[threadIdx.x] = i < n ? in[i] : -1;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride && best[threadIdx.x + stride] > best[threadIdx.x]) best[threadIdx.x] = best[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = best[0] * scale + offset;
}
