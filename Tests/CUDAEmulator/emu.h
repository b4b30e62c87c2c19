// Tiny CPU emulator of the CUDA subset used by the fixtures (for semantic checks only).
#pragma once
#include <atomic>
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cmath>
#include <thread>
#include <vector>
#define __global__
#define __device__
#define __host__
#define __shared__ static
#define __forceinline__ inline
#define __restrict__ __restrict
struct uint3 { unsigned int x, y, z; };
struct dim3 {
  unsigned int x, y, z;
  constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};
inline thread_local uint3 threadIdx, blockIdx;
inline dim3 blockDim, gridDim;
inline const int warpSize = 32;
inline std::barrier<> *emu_bar;
inline void *emu_dyn;
inline int emu_syncs;
inline void __syncthreads() { emu_bar->arrive_and_wait(); }
enum cudaError_t { cudaSuccess = 0, cudaErrorInvalidValue = 1, cudaErrorMemoryAllocation = 2, cudaErrorInvalidConfiguration = 9 };
enum cudaMemcpyKind { cudaMemcpyHostToHost, cudaMemcpyHostToDevice, cudaMemcpyDeviceToHost, cudaMemcpyDeviceToDevice, cudaMemcpyDefault };
inline cudaError_t emu_err = cudaSuccess;
inline cudaError_t cudaGetLastError() { cudaError_t e = emu_err; emu_err = cudaSuccess; return e; }
inline cudaError_t cudaPeekAtLastError() { return emu_err; }
inline const char *cudaGetErrorString(cudaError_t e) { return e == cudaSuccess ? "no error" : "emu error"; }
inline cudaError_t cudaMalloc(void **p, size_t n) { *p = malloc(n); return *p ? cudaSuccess : cudaErrorMemoryAllocation; }
template <class T> cudaError_t cudaMalloc(T **p, size_t n) { return cudaMalloc((void **)p, n); }
inline cudaError_t cudaMallocHost(void **p, size_t n) { return cudaMalloc(p, n); }
template <class T> cudaError_t cudaMallocHost(T **p, size_t n) { return cudaMalloc((void **)p, n); }
inline cudaError_t cudaMallocManaged(void **p, size_t n, unsigned = 1) { return cudaMalloc(p, n); }
template <class T> cudaError_t cudaMallocManaged(T **p, size_t n, unsigned = 1) { return cudaMalloc((void **)p, n); }
inline cudaError_t cudaFree(void *p) { free(p); return cudaSuccess; }
inline cudaError_t cudaFreeHost(void *p) { free(p); return cudaSuccess; }
inline cudaError_t cudaMemcpy(void *d, const void *s, size_t n, cudaMemcpyKind) { memcpy(d, s, n); return cudaSuccess; }
inline cudaError_t cudaMemset(void *d, int v, size_t n) { memset(d, v, n); return cudaSuccess; }
inline cudaError_t cudaDeviceSynchronize() { return cudaSuccess; }
inline cudaError_t cudaThreadSynchronize() { return cudaSuccess; }
inline int atomicAdd(int *p, int v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
inline unsigned int atomicAdd(unsigned int *p, unsigned int v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
inline float atomicAdd(float *p, float v) { return std::atomic_ref<float>(*p).fetch_add(v); }
template <class F> void emu_launch(dim3 g, dim3 b, size_t shm, F f) {
  unsigned nt = b.x * b.y * b.z;
  if (nt == 0 || nt > 1024 || g.x == 0 || g.y == 0 || g.z == 0 || shm > 48 * 1024) {
    fprintf(stderr, "emu: bad launch config\n"); emu_err = cudaErrorInvalidConfiguration; return;
  }
  gridDim = g; blockDim = b;
  for (unsigned bz = 0; bz < g.z; ++bz) for (unsigned by = 0; by < g.y; ++by) for (unsigned bx = 0; bx < g.x; ++bx) {
    emu_dyn = shm ? malloc(shm) : nullptr;
    if (emu_dyn) memset(emu_dyn, 0xA5, shm);  // garbage, like real shared memory
    std::barrier<> bar(nt); emu_bar = &bar;
    std::vector<std::thread> ts; ts.reserve(nt);
    for (unsigned tz = 0; tz < b.z; ++tz) for (unsigned ty = 0; ty < b.y; ++ty) for (unsigned tx = 0; tx < b.x; ++tx)
      ts.emplace_back([=, &f] { threadIdx = {tx, ty, tz}; blockIdx = {bx, by, bz}; f(); });
    for (auto &t : ts) t.join();
    free(emu_dyn);
  }
}
#include "emu_device.h"
