// Code a person must finish: inline PTX, memory shared between processes, an API with no rule.
#include <cuda_runtime.h>

__device__ unsigned lane_id() {
  unsigned id;
  asm("mov.u32 %0, %%laneid;" : "=r"(id));
  return id;
}

__global__ void record_lanes(unsigned *out) {
  out[blockIdx.x * blockDim.x + threadIdx.x] = lane_id();
}

size_t share(void *buffer) {
  cudaIpcMemHandle_t handle;
  cudaIpcGetMemHandle(&handle, buffer);
  char bus[16];
  cudaDeviceGetPCIBusId(bus, sizeof bus, 0);
  return sizeof handle;
}
