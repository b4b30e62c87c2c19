// Tiny CPU emulator of the CUDA subset used by the fixtures (for semantic checks only).
#pragma once
#include <atomic>
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cmath>
#include <map>
#include <thread>
#include <vector>
#define __global__
#define __device__
#define __host__
#define __shared__ static
#define __forceinline__ inline
#define __restrict__ __restrict
#define __constant__
#define __managed__
// CUDA's vector types (same sizes and alignment as vector_types.h) and their make_* functions.
struct alignas(1) char1 { signed char x; };
inline char1 make_char1(signed char x) { return char1{x}; }
struct alignas(2) char2 { signed char x, y; };
inline char2 make_char2(signed char x, signed char y) { return char2{x, y}; }
struct char3 { signed char x, y, z; };
inline char3 make_char3(signed char x, signed char y, signed char z) { return char3{x, y, z}; }
struct alignas(4) char4 { signed char x, y, z, w; };
inline char4 make_char4(signed char x, signed char y, signed char z, signed char w) { return char4{x, y, z, w}; }
struct alignas(1) uchar1 { unsigned char x; };
inline uchar1 make_uchar1(unsigned char x) { return uchar1{x}; }
struct alignas(2) uchar2 { unsigned char x, y; };
inline uchar2 make_uchar2(unsigned char x, unsigned char y) { return uchar2{x, y}; }
struct uchar3 { unsigned char x, y, z; };
inline uchar3 make_uchar3(unsigned char x, unsigned char y, unsigned char z) { return uchar3{x, y, z}; }
struct alignas(4) uchar4 { unsigned char x, y, z, w; };
inline uchar4 make_uchar4(unsigned char x, unsigned char y, unsigned char z, unsigned char w) { return uchar4{x, y, z, w}; }
struct alignas(2) short1 { short x; };
inline short1 make_short1(short x) { return short1{x}; }
struct alignas(4) short2 { short x, y; };
inline short2 make_short2(short x, short y) { return short2{x, y}; }
struct short3 { short x, y, z; };
inline short3 make_short3(short x, short y, short z) { return short3{x, y, z}; }
struct alignas(8) short4 { short x, y, z, w; };
inline short4 make_short4(short x, short y, short z, short w) { return short4{x, y, z, w}; }
struct alignas(2) ushort1 { unsigned short x; };
inline ushort1 make_ushort1(unsigned short x) { return ushort1{x}; }
struct alignas(4) ushort2 { unsigned short x, y; };
inline ushort2 make_ushort2(unsigned short x, unsigned short y) { return ushort2{x, y}; }
struct ushort3 { unsigned short x, y, z; };
inline ushort3 make_ushort3(unsigned short x, unsigned short y, unsigned short z) { return ushort3{x, y, z}; }
struct alignas(8) ushort4 { unsigned short x, y, z, w; };
inline ushort4 make_ushort4(unsigned short x, unsigned short y, unsigned short z, unsigned short w) { return ushort4{x, y, z, w}; }
struct alignas(4) int1 { int x; };
inline int1 make_int1(int x) { return int1{x}; }
struct alignas(8) int2 { int x, y; };
inline int2 make_int2(int x, int y) { return int2{x, y}; }
struct int3 { int x, y, z; };
inline int3 make_int3(int x, int y, int z) { return int3{x, y, z}; }
struct alignas(16) int4 { int x, y, z, w; };
inline int4 make_int4(int x, int y, int z, int w) { return int4{x, y, z, w}; }
struct alignas(4) uint1 { unsigned int x; };
inline uint1 make_uint1(unsigned int x) { return uint1{x}; }
struct alignas(8) uint2 { unsigned int x, y; };
inline uint2 make_uint2(unsigned int x, unsigned int y) { return uint2{x, y}; }
struct uint3 { unsigned int x, y, z; };
inline uint3 make_uint3(unsigned int x, unsigned int y, unsigned int z) { return uint3{x, y, z}; }
struct alignas(16) uint4 { unsigned int x, y, z, w; };
inline uint4 make_uint4(unsigned int x, unsigned int y, unsigned int z, unsigned int w) { return uint4{x, y, z, w}; }
struct alignas(8) long1 { long x; };
inline long1 make_long1(long x) { return long1{x}; }
struct alignas(16) long2 { long x, y; };
inline long2 make_long2(long x, long y) { return long2{x, y}; }
struct long3 { long x, y, z; };
inline long3 make_long3(long x, long y, long z) { return long3{x, y, z}; }
struct alignas(16) long4 { long x, y, z, w; };
inline long4 make_long4(long x, long y, long z, long w) { return long4{x, y, z, w}; }
struct alignas(8) ulong1 { unsigned long x; };
inline ulong1 make_ulong1(unsigned long x) { return ulong1{x}; }
struct alignas(16) ulong2 { unsigned long x, y; };
inline ulong2 make_ulong2(unsigned long x, unsigned long y) { return ulong2{x, y}; }
struct ulong3 { unsigned long x, y, z; };
inline ulong3 make_ulong3(unsigned long x, unsigned long y, unsigned long z) { return ulong3{x, y, z}; }
struct alignas(16) ulong4 { unsigned long x, y, z, w; };
inline ulong4 make_ulong4(unsigned long x, unsigned long y, unsigned long z, unsigned long w) { return ulong4{x, y, z, w}; }
struct alignas(8) longlong1 { long long x; };
inline longlong1 make_longlong1(long long x) { return longlong1{x}; }
struct alignas(16) longlong2 { long long x, y; };
inline longlong2 make_longlong2(long long x, long long y) { return longlong2{x, y}; }
struct longlong3 { long long x, y, z; };
inline longlong3 make_longlong3(long long x, long long y, long long z) { return longlong3{x, y, z}; }
struct alignas(16) longlong4 { long long x, y, z, w; };
inline longlong4 make_longlong4(long long x, long long y, long long z, long long w) { return longlong4{x, y, z, w}; }
struct alignas(8) ulonglong1 { unsigned long long x; };
inline ulonglong1 make_ulonglong1(unsigned long long x) { return ulonglong1{x}; }
struct alignas(16) ulonglong2 { unsigned long long x, y; };
inline ulonglong2 make_ulonglong2(unsigned long long x, unsigned long long y) { return ulonglong2{x, y}; }
struct ulonglong3 { unsigned long long x, y, z; };
inline ulonglong3 make_ulonglong3(unsigned long long x, unsigned long long y, unsigned long long z) { return ulonglong3{x, y, z}; }
struct alignas(16) ulonglong4 { unsigned long long x, y, z, w; };
inline ulonglong4 make_ulonglong4(unsigned long long x, unsigned long long y, unsigned long long z, unsigned long long w) { return ulonglong4{x, y, z, w}; }
struct alignas(4) float1 { float x; };
inline float1 make_float1(float x) { return float1{x}; }
struct alignas(8) float2 { float x, y; };
inline float2 make_float2(float x, float y) { return float2{x, y}; }
struct float3 { float x, y, z; };
inline float3 make_float3(float x, float y, float z) { return float3{x, y, z}; }
struct alignas(16) float4 { float x, y, z, w; };
inline float4 make_float4(float x, float y, float z, float w) { return float4{x, y, z, w}; }
struct alignas(8) double1 { double x; };
inline double1 make_double1(double x) { return double1{x}; }
struct alignas(16) double2 { double x, y; };
inline double2 make_double2(double x, double y) { return double2{x, y}; }
struct double3 { double x, y, z; };
inline double3 make_double3(double x, double y, double z) { return double3{x, y, z}; }
struct alignas(16) double4 { double x, y, z, w; };
inline double4 make_double4(double x, double y, double z, double w) { return double4{x, y, z, w}; }
struct dim3 {
  unsigned int x, y, z;
  constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
  // As in CUDA's vector_types.h: threadIdx/blockIdx (uint3) pass as dim3.
  constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
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
// Allocations remember their kind, for cudaPointerGetAttributes.
enum cudaMemoryType { cudaMemoryTypeUnregistered = 0, cudaMemoryTypeHost = 1, cudaMemoryTypeDevice = 2, cudaMemoryTypeManaged = 3 };
struct emu_allocation { size_t size; cudaMemoryType type; };
inline std::map<const char *, emu_allocation> emu_allocations;
inline cudaError_t emu_alloc(void **p, size_t n, cudaMemoryType type) {
  *p = malloc(n ? n : 1);
  if (!*p) return cudaErrorMemoryAllocation;
  emu_allocations[static_cast<const char *>(*p)] = {n, type};
  return cudaSuccess;
}
inline cudaError_t emu_free(void *p) { emu_allocations.erase(static_cast<const char *>(p)); free(p); return cudaSuccess; }
inline cudaError_t cudaMalloc(void **p, size_t n) { return emu_alloc(p, n, cudaMemoryTypeDevice); }
template <class T> cudaError_t cudaMalloc(T **p, size_t n) { return cudaMalloc((void **)p, n); }
inline cudaError_t cudaMallocHost(void **p, size_t n) { return emu_alloc(p, n, cudaMemoryTypeHost); }
template <class T> cudaError_t cudaMallocHost(T **p, size_t n) { return cudaMallocHost((void **)p, n); }
inline cudaError_t cudaMallocManaged(void **p, size_t n, unsigned = 1) { return emu_alloc(p, n, cudaMemoryTypeManaged); }
template <class T> cudaError_t cudaMallocManaged(T **p, size_t n, unsigned = 1) { return cudaMallocManaged((void **)p, n); }
inline cudaError_t cudaFree(void *p) { return emu_free(p); }
inline cudaError_t cudaFreeHost(void *p) { return emu_free(p); }
inline cudaError_t cudaMemcpy(void *d, const void *s, size_t n, cudaMemcpyKind) { memcpy(d, s, n); return cudaSuccess; }
template <class T> cudaError_t cudaMemcpyToSymbol(T &symbol, const void *s, size_t n, size_t offset = 0, cudaMemcpyKind = cudaMemcpyHostToDevice) {
  memcpy(reinterpret_cast<char *>(&symbol) + offset, s, n);
  return cudaSuccess;
}
template <class T> cudaError_t cudaMemcpyFromSymbol(void *d, const T &symbol, size_t n, size_t offset = 0, cudaMemcpyKind = cudaMemcpyDeviceToHost) {
  memcpy(d, reinterpret_cast<const char *>(&symbol) + offset, n);
  return cudaSuccess;
}
inline cudaError_t cudaMemset(void *d, int v, size_t n) { memset(d, v, n); return cudaSuccess; }
inline cudaError_t cudaDeviceSynchronize() { return cudaSuccess; }
inline cudaError_t cudaThreadSynchronize() { return cudaSuccess; }
// Streams and events: the emulator runs everything synchronously, so streams only need identities and
// events only a timestamp.
#include <chrono>
#define CUDART_CB
#define cudaStreamDefault 0x00
#define cudaStreamNonBlocking 0x01
#define cudaEventDefault 0x00
#define cudaEventBlockingSync 0x01
#define cudaEventDisableTiming 0x02
struct emu_stream { int id; };
typedef emu_stream *cudaStream_t;
#define cudaStreamLegacy ((cudaStream_t)0x1)
#define cudaStreamPerThread ((cudaStream_t)0x2)
struct emu_event { std::chrono::steady_clock::time_point time; };
typedef emu_event *cudaEvent_t;
typedef void (*cudaHostFn_t)(void *);
typedef void (*cudaStreamCallback_t)(cudaStream_t, cudaError_t, void *);
inline cudaError_t cudaStreamCreate(cudaStream_t *s) { *s = new emu_stream{0}; return cudaSuccess; }
inline cudaError_t cudaStreamCreateWithFlags(cudaStream_t *s, unsigned) { return cudaStreamCreate(s); }
inline cudaError_t cudaStreamCreateWithPriority(cudaStream_t *s, unsigned, int) { return cudaStreamCreate(s); }
inline cudaError_t cudaStreamDestroy(cudaStream_t s) { delete s; return cudaSuccess; }
inline cudaError_t cudaStreamSynchronize(cudaStream_t) { return cudaSuccess; }
inline cudaError_t cudaStreamQuery(cudaStream_t) { return cudaSuccess; }
inline cudaError_t cudaLaunchHostFunc(cudaStream_t, cudaHostFn_t fn, void *data) { fn(data); return cudaSuccess; }
inline cudaError_t cudaStreamAddCallback(cudaStream_t s, cudaStreamCallback_t fn, void *data, unsigned) { fn(s, cudaSuccess, data); return cudaSuccess; }
inline cudaError_t cudaMemcpyAsync(void *d, const void *s, size_t n, cudaMemcpyKind, cudaStream_t = 0) { memcpy(d, s, n); return cudaSuccess; }
inline cudaError_t cudaMemsetAsync(void *d, int v, size_t n, cudaStream_t = 0) { memset(d, v, n); return cudaSuccess; }
inline cudaError_t cudaEventCreate(cudaEvent_t *e) { *e = new emu_event{}; return cudaSuccess; }
inline cudaError_t cudaEventCreateWithFlags(cudaEvent_t *e, unsigned) { return cudaEventCreate(e); }
inline cudaError_t cudaEventDestroy(cudaEvent_t e) { delete e; return cudaSuccess; }
inline cudaError_t cudaEventRecord(cudaEvent_t e, cudaStream_t = 0) { e->time = std::chrono::steady_clock::now(); return cudaSuccess; }
inline cudaError_t cudaEventSynchronize(cudaEvent_t) { return cudaSuccess; }
inline cudaError_t cudaEventQuery(cudaEvent_t) { return cudaSuccess; }
inline cudaError_t cudaStreamWaitEvent(cudaStream_t, cudaEvent_t, unsigned = 0) { return cudaSuccess; }
inline cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t a, cudaEvent_t b) {
  *ms = std::chrono::duration<float, std::milli>(b->time - a->time).count();
  return cudaSuccess;
}
// One emulated device.
#define cudaErrorInvalidDevice ((cudaError_t)101)
struct cudaDeviceProp {
  char name[256]; size_t totalGlobalMem, sharedMemPerBlock; int regsPerBlock, warpSize; size_t memPitch;
  int maxThreadsPerBlock, maxThreadsDim[3], maxGridSize[3], clockRate; size_t totalConstMem; int major, minor;
  int multiProcessorCount;
  int persistingL2CacheMaxSize;  // no persisting L2 cache
};
enum cudaDeviceAttr { cudaDevAttrMaxThreadsPerBlock = 1, cudaDevAttrMaxGridDimX = 5, cudaDevAttrMultiProcessorCount = 16,
                      cudaDevAttrMemoryPoolsSupported = 115 };
enum cudaFuncCache { cudaFuncCachePreferNone, cudaFuncCachePreferShared, cudaFuncCachePreferL1, cudaFuncCachePreferEqual };
enum cudaLimit { cudaLimitStackSize, cudaLimitPrintfFifoSize, cudaLimitMallocHeapSize, cudaLimitPersistingL2CacheSize = 6 };
inline cudaError_t cudaGetDeviceCount(int *n) { *n = 1; return cudaSuccess; }
inline cudaError_t cudaSetDevice(int d) { return d == 0 ? cudaSuccess : cudaErrorInvalidDevice; }
inline cudaError_t cudaGetDevice(int *d) { *d = 0; return cudaSuccess; }
inline cudaError_t cudaGetDeviceProperties(cudaDeviceProp *p, int) {
  *p = cudaDeviceProp{"CPU emulator", 1ull << 30, 48 * 1024, 65536, 32, 1ull << 31, 1024, {1024, 1024, 64}, {2147483647, 65535, 65535},
                      1000000, 65536, 8, 0, 4};
  return cudaSuccess;
}
inline cudaError_t cudaDeviceGetAttribute(int *v, cudaDeviceAttr a, int d) {
  cudaDeviceProp p; cudaGetDeviceProperties(&p, d);
  *v = a == cudaDevAttrMaxThreadsPerBlock ? p.maxThreadsPerBlock : a == cudaDevAttrMaxGridDimX ? p.maxGridSize[0]
       : a == cudaDevAttrMemoryPoolsSupported ? 1 : p.multiProcessorCount;
  return cudaSuccess;
}
template <class F> cudaError_t cudaFuncSetCacheConfig(F, cudaFuncCache) { return cudaSuccess; }
inline cudaError_t cudaDeviceSetLimit(cudaLimit, size_t) { return cudaSuccess; }
inline cudaError_t cudaDeviceReset() { return cudaSuccess; }
// The driver API on the same emulated device: CUdeviceptr is the host address as an integer, a
// context only remembers its device, streams and events are the runtime's.
enum CUresult { CUDA_SUCCESS = 0, CUDA_ERROR_INVALID_VALUE = 1, CUDA_ERROR_OUT_OF_MEMORY = 2, CUDA_ERROR_INVALID_DEVICE = 101 };
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
struct emu_context { CUdevice device; };
typedef emu_context *CUcontext;
typedef cudaStream_t CUstream;
typedef cudaEvent_t CUevent;
enum CUdevice_attribute { CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16 };
enum CUstream_flags { CU_STREAM_DEFAULT = 0, CU_STREAM_NON_BLOCKING = 1 };
enum CUevent_flags { CU_EVENT_DEFAULT = 0, CU_EVENT_BLOCKING_SYNC = 1, CU_EVENT_DISABLE_TIMING = 2 };
inline CUresult emu_driver(cudaError_t e) { return e == cudaSuccess ? CUDA_SUCCESS : e == cudaErrorMemoryAllocation ? CUDA_ERROR_OUT_OF_MEMORY : CUDA_ERROR_INVALID_VALUE; }
inline CUresult cuInit(unsigned) { return CUDA_SUCCESS; }
inline CUresult cuGetErrorString(CUresult e, const char **s) { *s = e == CUDA_SUCCESS ? "no error" : "emu error"; return CUDA_SUCCESS; }
inline CUresult cuGetErrorName(CUresult e, const char **s) { *s = e == CUDA_SUCCESS ? "CUDA_SUCCESS" : "CUDA_ERROR"; return CUDA_SUCCESS; }
inline CUresult cuDeviceGetCount(int *n) { return emu_driver(cudaGetDeviceCount(n)); }
inline CUresult cuDeviceGet(CUdevice *d, int ordinal) { *d = ordinal; return ordinal == 0 ? CUDA_SUCCESS : CUDA_ERROR_INVALID_DEVICE; }
inline CUresult cuDeviceGetName(char *name, int len, CUdevice d) {
  cudaDeviceProp p; cudaGetDeviceProperties(&p, d);
  strncpy(name, p.name, len - 1); name[len - 1] = 0;
  return CUDA_SUCCESS;
}
inline CUresult cuDeviceTotalMem(size_t *bytes, CUdevice d) { cudaDeviceProp p; cudaGetDeviceProperties(&p, d); *bytes = p.totalGlobalMem; return CUDA_SUCCESS; }
inline CUresult cuDeviceGetAttribute(int *v, CUdevice_attribute a, CUdevice d) { return emu_driver(cudaDeviceGetAttribute(v, (cudaDeviceAttr)a, d)); }
inline CUresult cuCtxCreate(CUcontext *c, unsigned, CUdevice d) { *c = new emu_context{d}; return CUDA_SUCCESS; }
inline CUresult cuCtxDestroy(CUcontext c) { delete c; return CUDA_SUCCESS; }
inline CUresult cuCtxSynchronize() { return CUDA_SUCCESS; }
inline CUresult cuMemAlloc(CUdeviceptr *d, size_t n) { void *p = malloc(n); *d = (CUdeviceptr)p; return p ? CUDA_SUCCESS : CUDA_ERROR_OUT_OF_MEMORY; }
inline CUresult cuMemFree(CUdeviceptr d) { free((void *)d); return CUDA_SUCCESS; }
inline CUresult cuMemcpyHtoD(CUdeviceptr d, const void *h, size_t n) { memcpy((void *)d, h, n); return CUDA_SUCCESS; }
inline CUresult cuMemcpyDtoH(void *h, CUdeviceptr d, size_t n) { memcpy(h, (const void *)d, n); return CUDA_SUCCESS; }
inline CUresult cuMemcpyDtoD(CUdeviceptr d, CUdeviceptr s, size_t n) { memcpy((void *)d, (const void *)s, n); return CUDA_SUCCESS; }
inline CUresult cuMemcpyHtoDAsync(CUdeviceptr d, const void *h, size_t n, CUstream) { return cuMemcpyHtoD(d, h, n); }
inline CUresult cuMemcpyDtoHAsync(void *h, CUdeviceptr d, size_t n, CUstream) { return cuMemcpyDtoH(h, d, n); }
inline CUresult cuMemsetD8(CUdeviceptr d, unsigned char v, size_t n) { memset((void *)d, v, n); return CUDA_SUCCESS; }
inline CUresult cuMemsetD32(CUdeviceptr d, unsigned int v, size_t n) {
  for (size_t i = 0; i < n; ++i) ((unsigned int *)d)[i] = v;
  return CUDA_SUCCESS;
}
inline CUresult cuStreamCreate(CUstream *s, unsigned) { return emu_driver(cudaStreamCreate(s)); }
inline CUresult cuStreamDestroy(CUstream s) { return emu_driver(cudaStreamDestroy(s)); }
inline CUresult cuStreamSynchronize(CUstream) { return CUDA_SUCCESS; }
inline CUresult cuEventCreate(CUevent *e, unsigned) { return emu_driver(cudaEventCreate(e)); }
inline CUresult cuEventRecord(CUevent e, CUstream s) { return emu_driver(cudaEventRecord(e, s)); }
inline CUresult cuEventSynchronize(CUevent) { return CUDA_SUCCESS; }
inline CUresult cuEventElapsedTime(float *ms, CUevent a, CUevent b) { return emu_driver(cudaEventElapsedTime(ms, a, b)); }
inline CUresult cuEventDestroy(CUevent e) { return emu_driver(cudaEventDestroy(e)); }
// The rest of the memory API: pitched memory (rows padded to 512 bytes, as CUDA usually does), mapped and
// registered host memory, memory information, pointer attributes, peer copies, stream-ordered allocation.
inline cudaError_t cudaMallocPitch(void **p, size_t *pitch, size_t width, size_t height) {
  *pitch = (width + 511) / 512 * 512;
  return cudaMalloc(p, *pitch * height);
}
template <class T> cudaError_t cudaMallocPitch(T **p, size_t *pitch, size_t width, size_t height) { return cudaMallocPitch((void **)p, pitch, width, height); }
inline cudaError_t cudaMemcpy2D(void *d, size_t dp, const void *s, size_t sp, size_t w, size_t h, cudaMemcpyKind) {
  if (w > dp || w > sp) return cudaErrorInvalidValue;
  for (size_t r = 0; r < h; ++r) memcpy((char *)d + r * dp, (const char *)s + r * sp, w);
  return cudaSuccess;
}
inline cudaError_t cudaMemcpy2DAsync(void *d, size_t dp, const void *s, size_t sp, size_t w, size_t h, cudaMemcpyKind k, cudaStream_t = 0) {
  return cudaMemcpy2D(d, dp, s, sp, w, h, k);
}
inline cudaError_t cudaMemset2D(void *p, size_t pitch, int v, size_t w, size_t h) {
  for (size_t r = 0; r < h; ++r) memset((char *)p + r * pitch, v, w);
  return cudaSuccess;
}
inline cudaError_t cudaMemset2DAsync(void *p, size_t pitch, int v, size_t w, size_t h, cudaStream_t = 0) { return cudaMemset2D(p, pitch, v, w, h); }
struct cudaExtent { size_t width, height, depth; };
struct cudaPos { size_t x, y, z; };
struct cudaPitchedPtr { void *ptr; size_t pitch, xsize, ysize; };
struct cudaArray;
struct cudaMemcpy3DParms { cudaArray *srcArray; cudaPos srcPos; cudaPitchedPtr srcPtr; cudaArray *dstArray; cudaPos dstPos; cudaPitchedPtr dstPtr; cudaExtent extent; cudaMemcpyKind kind; };
inline cudaExtent make_cudaExtent(size_t w, size_t h, size_t d) { return {w, h, d}; }
inline cudaPos make_cudaPos(size_t x, size_t y, size_t z) { return {x, y, z}; }
inline cudaPitchedPtr make_cudaPitchedPtr(void *p, size_t pitch, size_t xsize, size_t ysize) { return {p, pitch, xsize, ysize}; }
inline cudaError_t cudaMalloc3D(cudaPitchedPtr *p, cudaExtent e) {
  p->xsize = e.width; p->ysize = e.height;
  return cudaMallocPitch(&p->ptr, &p->pitch, e.width, e.height * e.depth);
}
inline char *emu_at(const cudaPitchedPtr &p, const cudaPos &at, size_t y, size_t z) {
  return (char *)p.ptr + ((at.z + z) * p.ysize + at.y + y) * p.pitch + at.x;
}
inline cudaError_t cudaMemcpy3D(const cudaMemcpy3DParms *c) {
  if (c->srcArray || c->dstArray) return cudaErrorInvalidValue;
  for (size_t z = 0; z < c->extent.depth; ++z)
    for (size_t y = 0; y < c->extent.height; ++y) memcpy(emu_at(c->dstPtr, c->dstPos, y, z), emu_at(c->srcPtr, c->srcPos, y, z), c->extent.width);
  return cudaSuccess;
}
inline cudaError_t cudaMemset3D(cudaPitchedPtr p, int v, cudaExtent e) {
  for (size_t z = 0; z < e.depth; ++z)
    for (size_t y = 0; y < e.height; ++y) memset(emu_at(p, cudaPos{0, 0, 0}, y, z), v, e.width);
  return cudaSuccess;
}
#define cudaHostAllocDefault 0x00
#define cudaHostAllocPortable 0x01
#define cudaHostAllocMapped 0x02
#define cudaHostAllocWriteCombined 0x04
#define cudaHostRegisterDefault 0x00
#define cudaHostRegisterPortable 0x01
#define cudaHostRegisterMapped 0x02
#define cudaDeviceMapHost 0x08
inline cudaError_t cudaSetDeviceFlags(unsigned) { return cudaSuccess; }
inline cudaError_t cudaHostAlloc(void **p, size_t n, unsigned) { return cudaMallocHost(p, n); }
template <class T> cudaError_t cudaHostAlloc(T **p, size_t n, unsigned flags) { return cudaHostAlloc((void **)p, n, flags); }
inline cudaError_t cudaHostGetDevicePointer(void **d, void *h, unsigned) { *d = h; return cudaSuccess; }
template <class T> cudaError_t cudaHostGetDevicePointer(T **d, void *h, unsigned flags) { return cudaHostGetDevicePointer((void **)d, h, flags); }
inline cudaError_t cudaHostRegister(void *, size_t, unsigned) { return cudaSuccess; }
inline cudaError_t cudaHostUnregister(void *) { return cudaSuccess; }
inline cudaError_t cudaMemGetInfo(size_t *free, size_t *total) { *free = 3ull << 28; *total = 1ull << 30; return cudaSuccess; }
struct cudaPointerAttributes { cudaMemoryType type; int device; void *devicePointer; void *hostPointer; };
inline cudaError_t cudaPointerGetAttributes(cudaPointerAttributes *a, const void *ptr) {
  const char *p = static_cast<const char *>(ptr);
  *a = {cudaMemoryTypeUnregistered, -2, nullptr, const_cast<void *>(ptr)};
  auto it = emu_allocations.upper_bound(p);
  if (it == emu_allocations.begin() || p >= std::prev(it)->first + std::prev(it)->second.size) return cudaSuccess;
  a->type = std::prev(it)->second.type;
  a->device = 0;
  a->devicePointer = const_cast<void *>(ptr);
  a->hostPointer = a->type == cudaMemoryTypeDevice ? nullptr : const_cast<void *>(ptr);
  return cudaSuccess;
}
inline cudaError_t cudaDeviceCanAccessPeer(int *can, int, int) { *can = 0; return cudaSuccess; }
inline cudaError_t cudaMemcpyPeer(void *d, int, const void *s, int, size_t n) { memcpy(d, s, n); return cudaSuccess; }
inline cudaError_t cudaMemcpyPeerAsync(void *d, int, const void *s, int, size_t n, cudaStream_t = 0) { memcpy(d, s, n); return cudaSuccess; }
inline cudaError_t cudaMallocAsync(void **p, size_t n, cudaStream_t) { return cudaMalloc(p, n); }
template <class T> cudaError_t cudaMallocAsync(T **p, size_t n, cudaStream_t s) { return cudaMallocAsync((void **)p, n, s); }
inline cudaError_t cudaFreeAsync(void *p, cudaStream_t) { return cudaFree(p); }
// Memory pools on the one device (no pooling: allocations are cudaMalloc's), L2 cache hints (ignored),
// managed-memory attach flags and profiler control.
enum cudaMemLocationType { cudaMemLocationTypeInvalid = 0, cudaMemLocationTypeDevice = 1, cudaMemLocationTypeHost = 2 };
enum cudaMemAccessFlags { cudaMemAccessFlagsProtNone = 0, cudaMemAccessFlagsProtRead = 1, cudaMemAccessFlagsProtReadWrite = 3 };
enum cudaMemAllocationType { cudaMemAllocationTypeInvalid = 0, cudaMemAllocationTypePinned = 1 };
enum cudaMemAllocationHandleType { cudaMemHandleTypeNone = 0, cudaMemHandleTypePosixFileDescriptor = 1 };
enum cudaMemPoolAttr { cudaMemPoolAttrReleaseThreshold = 4, cudaMemPoolAttrUsedMemCurrent = 7 };
struct cudaMemLocation { cudaMemLocationType type; int id; };
struct cudaMemAccessDesc { cudaMemLocation location; cudaMemAccessFlags flags; };
struct cudaMemPoolProps {
  cudaMemAllocationType allocType; cudaMemAllocationHandleType handleTypes; cudaMemLocation location;
  void *win32SecurityAttributes; size_t maxSize; unsigned short usage; unsigned char reserved[54];
};
struct emu_pool { cudaMemLocation location; unsigned long long threshold; };
typedef emu_pool *cudaMemPool_t;
inline cudaError_t cudaDeviceGetDefaultMemPool(cudaMemPool_t *p, int d) {
  static emu_pool pool{{cudaMemLocationTypeDevice, 0}, 0};
  if (d != 0) return cudaErrorInvalidDevice;
  *p = &pool;
  return cudaSuccess;
}
inline cudaError_t cudaMemPoolCreate(cudaMemPool_t *p, const cudaMemPoolProps *props) { *p = new emu_pool{props->location, 0}; return cudaSuccess; }
inline cudaError_t cudaMemPoolDestroy(cudaMemPool_t p) { delete p; return cudaSuccess; }
inline cudaError_t cudaMemPoolSetAttribute(cudaMemPool_t p, cudaMemPoolAttr a, void *v) {
  if (a == cudaMemPoolAttrReleaseThreshold) p->threshold = *static_cast<unsigned long long *>(v);
  return cudaSuccess;
}
inline cudaError_t cudaMemPoolGetAttribute(cudaMemPool_t p, cudaMemPoolAttr a, void *v) {
  *static_cast<unsigned long long *>(v) = a == cudaMemPoolAttrReleaseThreshold ? p->threshold : 0;
  return cudaSuccess;
}
inline cudaError_t cudaMemPoolSetAccess(cudaMemPool_t p, const cudaMemAccessDesc *d, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (d[i].location.id != p->location.id && d[i].flags != cudaMemAccessFlagsProtNone) return (cudaError_t)217;  // no peers
  return cudaSuccess;
}
inline cudaError_t cudaMemPoolGetAccess(cudaMemAccessFlags *f, cudaMemPool_t p, cudaMemLocation *l) {
  *f = l->id == p->location.id ? cudaMemAccessFlagsProtReadWrite : cudaMemAccessFlagsProtNone;
  return cudaSuccess;
}
inline cudaError_t cudaMemPoolTrimTo(cudaMemPool_t, size_t) { return cudaSuccess; }
inline cudaError_t cudaMallocFromPoolAsync(void **p, size_t n, cudaMemPool_t, cudaStream_t) { return cudaMalloc(p, n); }
template <class T> cudaError_t cudaMallocFromPoolAsync(T **p, size_t n, cudaMemPool_t pool, cudaStream_t s) { return cudaMallocFromPoolAsync((void **)p, n, pool, s); }
template <class T> cudaError_t cudaMallocAsync(T **p, size_t n, cudaMemPool_t pool, cudaStream_t s) { return cudaMallocFromPoolAsync((void **)p, n, pool, s); }
enum cudaAccessProperty { cudaAccessPropertyNormal = 0, cudaAccessPropertyStreaming = 1, cudaAccessPropertyPersisting = 2 };
struct cudaAccessPolicyWindow { void *base_ptr; size_t num_bytes; float hitRatio; cudaAccessProperty hitProp, missProp; };
enum cudaLaunchAttributeID { cudaLaunchAttributeAccessPolicyWindow = 1, cudaLaunchAttributePriority = 8 };
typedef cudaLaunchAttributeID cudaStreamAttrID;
union cudaLaunchAttributeValue { char pad[64]; cudaAccessPolicyWindow accessPolicyWindow; int priority; };
typedef cudaLaunchAttributeValue cudaStreamAttrValue;
#define cudaStreamAttributeAccessPolicyWindow cudaLaunchAttributeAccessPolicyWindow
inline cudaError_t cudaStreamSetAttribute(cudaStream_t, cudaStreamAttrID, const cudaStreamAttrValue *) { return cudaSuccess; }
inline cudaError_t cudaCtxResetPersistingL2Cache() { return cudaSuccess; }
#define cudaDeviceScheduleAuto 0x00
#define cudaDeviceScheduleBlockingSync 0x04
#define cudaDeviceBlockingSync 0x04
#define cudaMemAttachGlobal 0x01
#define cudaMemAttachHost 0x02
#define cudaMemAttachSingle 0x04
template <class T> cudaError_t cudaStreamAttachMemAsync(cudaStream_t, T *, size_t = 0, unsigned = cudaMemAttachSingle) { return cudaSuccess; }
inline cudaError_t cudaProfilerStart() { return cudaSuccess; }
inline cudaError_t cudaProfilerStop() { return cudaSuccess; }
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
