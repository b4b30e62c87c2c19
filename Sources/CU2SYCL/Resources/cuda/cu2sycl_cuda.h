/*
 * cu2sycl_cuda.h - cu2sycl's own declarations of the CUDA programming interface.
 *
 * This file is part of cu2sycl and was written for it. It is not NVIDIA's
 * header: it only declares the names, types, signatures and enumeration values
 * of the public CUDA API so that clang can parse CUDA sources (as host code)
 * on a machine without a CUDA SDK:
 *
 *   clang -x cuda --cuda-host-only -nocudainc -nocudalib -std=c++17 \
 *         -I <this directory> -include cu2sycl_cuda.h file.cu
 *
 * It is force-included before every parsed file; the public header names
 * (cuda_runtime.h, cuda.h, ...) in this directory merely include it.
 * Nothing here has to link or run: functions are declarations, and bodies are
 * only given where that is the simplest correct declaration (constructors,
 * make_* helpers, thin C++ overloads that forward to the C entry points).
 *
 * How device code resolves (clang overloads functions on their CUDA target):
 *   - A call from __global__/__device__ code to sqrtf, printf, malloc, ... picks
 *     the __device__ declaration in this file.
 *   - A call from host code picks the C library's declaration.
 *   - A call from a __host__ __device__ function picks the host declaration
 *     (the host side is the side being compiled).
 *
 * Sections:
 *    1. Compiler-facing macros (__global__, __device__, ..., versions)
 *    2. Standard headers that nvcc's cuda_runtime.h also brings in
 *    3. Vector types, dim3, built-in variables
 *    4. Runtime types: errors, enums, handles, flags, structs
 *    5. Runtime API (extern "C" host functions)
 *    6. Runtime API C++ conveniences (templates, overloads)
 *    7. Kernel launch support (<<<...>>>)
 *    8. Device: synchronization, fences, misc
 *    9. Device: atomics
 *   10. Device: warp-level primitives
 *   11. Device: loads/stores with cache hints
 *   12. Device: integer intrinsics
 *   13. Device: floating-point intrinsics and conversions
 *   14. Device: C library (printf, malloc, memcpy, assert, clock)
 *   15. Device: math library (float and double), min/max
 *   16. Device: texture and surface object fetches
 *   17. make_* vector constructors
 */
#ifndef CU2SYCL_CUDA_H
#define CU2SYCL_CUDA_H

#ifndef __cplusplus
#error "cu2sycl_cuda.h expects to be parsed as CUDA (C++)."
#endif

/* ========================================================================== */
/* 1. Compiler-facing macros                                                   */
/* ========================================================================== */

/* nvcc defines __CUDACC__ for every CUDA translation unit; clang does not.
 * It must be set before any standard header is included: libstdc++ checks it
 * (it avoids __float128 when it is defined) and user code keys on it. */
#ifndef __CUDACC__
#define __CUDACC__ 1
#endif
#ifndef __CUDACC_VER_MAJOR__
#define __CUDACC_VER_MAJOR__ 12
#define __CUDACC_VER_MINOR__ 4
#define __CUDACC_VER_BUILD__ 131
#endif
/* __NVCC__ is deliberately not defined: the parser is clang, and code guarded
 * by __NVCC__ often uses nvcc-only pragmas and builtins. __CUDA_ARCH__ is not
 * defined either: this is the host pass. */

/* The version of the API declared here (CUDA 12.4). */
#define CUDART_VERSION 12040
#ifndef CUDA_VERSION
#define CUDA_VERSION 12040
#endif

/* Guard macros of the real runtime headers, which some code tests for. */
#define __CUDA_RUNTIME_H__
#define __CUDA_RUNTIME_API_H__
#define __DRIVER_TYPES_H__
#define __VECTOR_TYPES_H__
#define __VECTOR_FUNCTIONS_H__
#define __DEVICE_LAUNCH_PARAMETERS_H__
#define __DEVICE_FUNCTIONS_H__

/* Execution-space and memory-space qualifiers (clang implements them as
 * attributes in CUDA mode). */
#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __host__ __attribute__((host))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
/* clang 16 honours the 'managed' attribute only for HIP, and warns in CUDA;
 * a managed variable is a device variable that host code may also touch,
 * so it is declared as __device__ and tagged for the translator. */
#define __managed__ __attribute__((device, annotate("cu2sycl.managed")))
/* __grid_constant__ (CUDA 11.7) is unknown to clang 16: keep it as a tag. */
#define __grid_constant__ __attribute__((annotate("cu2sycl.grid_constant")))

#define __forceinline__ __inline__ __attribute__((always_inline))
/* clang >= 15 treats __noinline__ as a keyword in CUDA mode, so a macro would
 * only break libstdc++'s use of __attribute__((__noinline__)). */
#if defined(__clang_major__) && __clang_major__ < 15
#define __noinline__ __attribute__((noinline))
#endif
/* __restrict__ needs no macro: clang accepts the GNU keyword in C++. */
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __align__(n) __attribute__((aligned(n)))
#define __builtin_align__(n) __attribute__((aligned(n)))
#define __no_return__ __attribute__((noreturn))
/* Annotations of the real headers that carry no meaning for parsing. */
#define __device_builtin__
#define __cudart_builtin__
#define __device_builtin_texture_type__
#define __device_builtin_surface_type__
#define CUDARTAPI
#define CUDAAPI
#define CUDART_CB
#define CUDA_CB

/* Internal shorthand of this file. */
#define __CU2SYCL_HD __host__ __device__

/* ========================================================================== */
/* 2. Standard headers                                                         */
/* ========================================================================== */
/* nvcc's cuda_runtime.h includes these, and CUDA code relies on it (printf,
 * malloc, memcpy, math without an #include). They come after the qualifier
 * macros: clang's cuda_wrappers (<new>, <algorithm>, ...) use __device__. */
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <assert.h>
#include <new>
#include <cmath>
#include <cstdlib>

/* ========================================================================== */
/* 3. Vector types, dim3, built-in variables                                   */
/* ========================================================================== */

#define __CU2SYCL_VEC1(name, T, A) \
  struct __attribute__((aligned(A))) name { T x; };
#define __CU2SYCL_VEC2(name, T, A) \
  struct __attribute__((aligned(A))) name { T x, y; };
#define __CU2SYCL_VEC3(name, T) \
  struct name { T x, y, z; };
#define __CU2SYCL_VEC4(name, T, A) \
  struct __attribute__((aligned(A))) name { T x, y, z, w; };

__CU2SYCL_VEC1(char1, signed char, 1)
__CU2SYCL_VEC2(char2, signed char, 2)
__CU2SYCL_VEC3(char3, signed char)
__CU2SYCL_VEC4(char4, signed char, 4)
__CU2SYCL_VEC1(uchar1, unsigned char, 1)
__CU2SYCL_VEC2(uchar2, unsigned char, 2)
__CU2SYCL_VEC3(uchar3, unsigned char)
__CU2SYCL_VEC4(uchar4, unsigned char, 4)
__CU2SYCL_VEC1(short1, short, 2)
__CU2SYCL_VEC2(short2, short, 4)
__CU2SYCL_VEC3(short3, short)
__CU2SYCL_VEC4(short4, short, 8)
__CU2SYCL_VEC1(ushort1, unsigned short, 2)
__CU2SYCL_VEC2(ushort2, unsigned short, 4)
__CU2SYCL_VEC3(ushort3, unsigned short)
__CU2SYCL_VEC4(ushort4, unsigned short, 8)
__CU2SYCL_VEC1(int1, int, 4)
__CU2SYCL_VEC2(int2, int, 8)
__CU2SYCL_VEC3(int3, int)
__CU2SYCL_VEC4(int4, int, 16)
__CU2SYCL_VEC1(uint1, unsigned int, 4)
__CU2SYCL_VEC2(uint2, unsigned int, 8)
__CU2SYCL_VEC3(uint3, unsigned int)
__CU2SYCL_VEC4(uint4, unsigned int, 16)
__CU2SYCL_VEC1(long1, long, sizeof(long))
__CU2SYCL_VEC2(long2, long, 2 * sizeof(long))
__CU2SYCL_VEC3(long3, long)
__CU2SYCL_VEC4(long4, long, 16)
__CU2SYCL_VEC1(ulong1, unsigned long, sizeof(unsigned long))
__CU2SYCL_VEC2(ulong2, unsigned long, 2 * sizeof(unsigned long))
__CU2SYCL_VEC3(ulong3, unsigned long)
__CU2SYCL_VEC4(ulong4, unsigned long, 16)
__CU2SYCL_VEC1(longlong1, long long, 8)
__CU2SYCL_VEC2(longlong2, long long, 16)
__CU2SYCL_VEC3(longlong3, long long)
__CU2SYCL_VEC4(longlong4, long long, 16)
__CU2SYCL_VEC1(ulonglong1, unsigned long long, 8)
__CU2SYCL_VEC2(ulonglong2, unsigned long long, 16)
__CU2SYCL_VEC3(ulonglong3, unsigned long long)
__CU2SYCL_VEC4(ulonglong4, unsigned long long, 16)
__CU2SYCL_VEC1(float1, float, 4)
__CU2SYCL_VEC2(float2, float, 8)
__CU2SYCL_VEC3(float3, float)
__CU2SYCL_VEC4(float4, float, 16)
__CU2SYCL_VEC1(double1, double, 8)
__CU2SYCL_VEC2(double2, double, 16)
__CU2SYCL_VEC3(double3, double)
__CU2SYCL_VEC4(double4, double, 16)

#undef __CU2SYCL_VEC1
#undef __CU2SYCL_VEC2
#undef __CU2SYCL_VEC3
#undef __CU2SYCL_VEC4

/* Grid and block extents. Unspecified dimensions default to 1. */
struct dim3 {
  unsigned int x, y, z;
  __CU2SYCL_HD constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
  __CU2SYCL_HD constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
  __CU2SYCL_HD constexpr operator uint3() const { return uint3{x, y, z}; }
};

/* threadIdx, blockIdx, blockDim, gridDim and warpSize come from clang's own
 * resource header; its conversions to dim3/uint3 are completed here. */
#include <__clang_cuda_builtin_vars.h>

#define __CU2SYCL_BUILTIN_CONVERSIONS(T)                                      \
  __device__ inline T::operator dim3() const { return dim3(x, y, z); }        \
  __device__ inline T::operator uint3() const { return uint3{x, y, z}; }
__CU2SYCL_BUILTIN_CONVERSIONS(__cuda_builtin_threadIdx_t)
__CU2SYCL_BUILTIN_CONVERSIONS(__cuda_builtin_blockIdx_t)
__CU2SYCL_BUILTIN_CONVERSIONS(__cuda_builtin_blockDim_t)
__CU2SYCL_BUILTIN_CONVERSIONS(__cuda_builtin_gridDim_t)
#undef __CU2SYCL_BUILTIN_CONVERSIONS

/* ========================================================================== */
/* 4. Runtime types                                                            */
/* ========================================================================== */

/* ---- 4.1 Error codes ---------------------------------------------------- */
enum cudaError {
  cudaSuccess = 0,
  cudaErrorInvalidValue = 1,
  cudaErrorMemoryAllocation = 2,
  cudaErrorInitializationError = 3,
  cudaErrorCudartUnloading = 4,
  cudaErrorProfilerDisabled = 5,
  cudaErrorProfilerNotInitialized = 6,
  cudaErrorProfilerAlreadyStarted = 7,
  cudaErrorProfilerAlreadyStopped = 8,
  cudaErrorInvalidConfiguration = 9,
  cudaErrorInvalidPitchValue = 12,
  cudaErrorInvalidSymbol = 13,
  cudaErrorInvalidHostPointer = 16,
  cudaErrorInvalidDevicePointer = 17,
  cudaErrorInvalidTexture = 18,
  cudaErrorInvalidTextureBinding = 19,
  cudaErrorInvalidChannelDescriptor = 20,
  cudaErrorInvalidMemcpyDirection = 21,
  cudaErrorAddressOfConstant = 22,
  cudaErrorTextureFetchFailed = 23,
  cudaErrorTextureNotBound = 24,
  cudaErrorSynchronizationError = 25,
  cudaErrorInvalidFilterSetting = 26,
  cudaErrorInvalidNormSetting = 27,
  cudaErrorMixedDeviceExecution = 28,
  cudaErrorNotYetImplemented = 31,
  cudaErrorMemoryValueTooLarge = 32,
  cudaErrorStubLibrary = 34,
  cudaErrorInsufficientDriver = 35,
  cudaErrorCallRequiresNewerDriver = 36,
  cudaErrorInvalidSurface = 37,
  cudaErrorDuplicateVariableName = 43,
  cudaErrorDuplicateTextureName = 44,
  cudaErrorDuplicateSurfaceName = 45,
  cudaErrorDevicesUnavailable = 46,
  cudaErrorIncompatibleDriverContext = 49,
  cudaErrorMissingConfiguration = 52,
  cudaErrorPriorLaunchFailure = 53,
  cudaErrorLaunchMaxDepthExceeded = 65,
  cudaErrorLaunchFileScopedTex = 66,
  cudaErrorLaunchFileScopedSurf = 67,
  cudaErrorSyncDepthExceeded = 68,
  cudaErrorLaunchPendingCountExceeded = 69,
  cudaErrorInvalidDeviceFunction = 98,
  cudaErrorNoDevice = 100,
  cudaErrorInvalidDevice = 101,
  cudaErrorDeviceNotLicensed = 102,
  cudaErrorSoftwareValidityNotEstablished = 103,
  cudaErrorStartupFailure = 127,
  cudaErrorInvalidKernelImage = 200,
  cudaErrorDeviceUninitialized = 201,
  cudaErrorMapBufferObjectFailed = 205,
  cudaErrorUnmapBufferObjectFailed = 206,
  cudaErrorArrayIsMapped = 207,
  cudaErrorAlreadyMapped = 208,
  cudaErrorNoKernelImageForDevice = 209,
  cudaErrorAlreadyAcquired = 210,
  cudaErrorNotMapped = 211,
  cudaErrorNotMappedAsArray = 212,
  cudaErrorNotMappedAsPointer = 213,
  cudaErrorECCUncorrectable = 214,
  cudaErrorUnsupportedLimit = 215,
  cudaErrorDeviceAlreadyInUse = 216,
  cudaErrorPeerAccessUnsupported = 217,
  cudaErrorInvalidPtx = 218,
  cudaErrorInvalidGraphicsContext = 219,
  cudaErrorNvlinkUncorrectable = 220,
  cudaErrorJitCompilerNotFound = 221,
  cudaErrorUnsupportedPtxVersion = 222,
  cudaErrorJitCompilationDisabled = 223,
  cudaErrorUnsupportedExecAffinity = 224,
  cudaErrorUnsupportedDevSideSync = 225,
  cudaErrorInvalidSource = 300,
  cudaErrorFileNotFound = 301,
  cudaErrorSharedObjectSymbolNotFound = 302,
  cudaErrorSharedObjectInitFailed = 303,
  cudaErrorOperatingSystem = 304,
  cudaErrorInvalidResourceHandle = 400,
  cudaErrorIllegalState = 401,
  cudaErrorLossyQuery = 402,
  cudaErrorSymbolNotFound = 500,
  cudaErrorNotReady = 600,
  cudaErrorIllegalAddress = 700,
  cudaErrorLaunchOutOfResources = 701,
  cudaErrorLaunchTimeout = 702,
  cudaErrorLaunchIncompatibleTexturing = 703,
  cudaErrorPeerAccessAlreadyEnabled = 704,
  cudaErrorPeerAccessNotEnabled = 705,
  cudaErrorSetOnActiveProcess = 708,
  cudaErrorContextIsDestroyed = 709,
  cudaErrorAssert = 710,
  cudaErrorTooManyPeers = 711,
  cudaErrorHostMemoryAlreadyRegistered = 712,
  cudaErrorHostMemoryNotRegistered = 713,
  cudaErrorHardwareStackError = 714,
  cudaErrorIllegalInstruction = 715,
  cudaErrorMisalignedAddress = 716,
  cudaErrorInvalidAddressSpace = 717,
  cudaErrorInvalidPc = 718,
  cudaErrorLaunchFailure = 719,
  cudaErrorCooperativeLaunchTooLarge = 720,
  cudaErrorNotPermitted = 800,
  cudaErrorNotSupported = 801,
  cudaErrorSystemNotReady = 802,
  cudaErrorSystemDriverMismatch = 803,
  cudaErrorCompatNotSupportedOnDevice = 804,
  cudaErrorMpsConnectionFailed = 805,
  cudaErrorMpsRpcFailure = 806,
  cudaErrorMpsServerNotReady = 807,
  cudaErrorMpsMaxClientsReached = 808,
  cudaErrorMpsMaxConnectionsReached = 809,
  cudaErrorMpsClientTerminated = 810,
  cudaErrorCdpNotSupported = 811,
  cudaErrorCdpVersionMismatch = 812,
  cudaErrorStreamCaptureUnsupported = 900,
  cudaErrorStreamCaptureInvalidated = 901,
  cudaErrorStreamCaptureMerge = 902,
  cudaErrorStreamCaptureUnmatched = 903,
  cudaErrorStreamCaptureUnjoined = 904,
  cudaErrorStreamCaptureIsolation = 905,
  cudaErrorStreamCaptureImplicit = 906,
  cudaErrorCapturedEvent = 907,
  cudaErrorStreamCaptureWrongThread = 908,
  cudaErrorTimeout = 909,
  cudaErrorGraphExecUpdateFailure = 910,
  cudaErrorExternalDevice = 911,
  cudaErrorInvalidClusterSize = 912,
  cudaErrorFunctionNotLoaded = 913,
  cudaErrorInvalidResourceType = 914,
  cudaErrorInvalidResourceConfiguration = 915,
  cudaErrorUnknown = 999,
  cudaErrorApiFailureBase = 10000
};
typedef enum cudaError cudaError_t;

/* ---- 4.2 Enumerations ---------------------------------------------------- */
enum cudaMemcpyKind {
  cudaMemcpyHostToHost = 0,
  cudaMemcpyHostToDevice = 1,
  cudaMemcpyDeviceToHost = 2,
  cudaMemcpyDeviceToDevice = 3,
  cudaMemcpyDefault = 4
};

enum cudaMemoryType {
  cudaMemoryTypeUnregistered = 0,
  cudaMemoryTypeHost = 1,
  cudaMemoryTypeDevice = 2,
  cudaMemoryTypeManaged = 3
};

enum cudaChannelFormatKind {
  cudaChannelFormatKindSigned = 0,
  cudaChannelFormatKindUnsigned = 1,
  cudaChannelFormatKindFloat = 2,
  cudaChannelFormatKindNone = 3,
  cudaChannelFormatKindNV12 = 4,
  cudaChannelFormatKindUnsignedNormalized8X1 = 5,
  cudaChannelFormatKindUnsignedNormalized8X2 = 6,
  cudaChannelFormatKindUnsignedNormalized8X4 = 7,
  cudaChannelFormatKindUnsignedNormalized16X1 = 8,
  cudaChannelFormatKindUnsignedNormalized16X2 = 9,
  cudaChannelFormatKindUnsignedNormalized16X4 = 10,
  cudaChannelFormatKindSignedNormalized8X1 = 11,
  cudaChannelFormatKindSignedNormalized8X2 = 12,
  cudaChannelFormatKindSignedNormalized8X4 = 13,
  cudaChannelFormatKindSignedNormalized16X1 = 14,
  cudaChannelFormatKindSignedNormalized16X2 = 15,
  cudaChannelFormatKindSignedNormalized16X4 = 16
};

enum cudaFuncCache {
  cudaFuncCachePreferNone = 0,
  cudaFuncCachePreferShared = 1,
  cudaFuncCachePreferL1 = 2,
  cudaFuncCachePreferEqual = 3
};

enum cudaSharedMemConfig {
  cudaSharedMemBankSizeDefault = 0,
  cudaSharedMemBankSizeFourByte = 1,
  cudaSharedMemBankSizeEightByte = 2
};

enum cudaSharedCarveout {
  cudaSharedmemCarveoutDefault = -1,
  cudaSharedmemCarveoutMaxShared = 100,
  cudaSharedmemCarveoutMaxL1 = 0
};

enum cudaComputeMode {
  cudaComputeModeDefault = 0,
  cudaComputeModeExclusive = 1,
  cudaComputeModeProhibited = 2,
  cudaComputeModeExclusiveProcess = 3
};

enum cudaLimit {
  cudaLimitStackSize = 0x00,
  cudaLimitPrintfFifoSize = 0x01,
  cudaLimitMallocHeapSize = 0x02,
  cudaLimitDevRuntimeSyncDepth = 0x03,
  cudaLimitDevRuntimePendingLaunchCount = 0x04,
  cudaLimitMaxL2FetchGranularity = 0x05,
  cudaLimitPersistingL2CacheSize = 0x06
};

enum cudaMemoryAdvise {
  cudaMemAdviseSetReadMostly = 1,
  cudaMemAdviseUnsetReadMostly = 2,
  cudaMemAdviseSetPreferredLocation = 3,
  cudaMemAdviseUnsetPreferredLocation = 4,
  cudaMemAdviseSetAccessedBy = 5,
  cudaMemAdviseUnsetAccessedBy = 6
};

enum cudaMemRangeAttribute {
  cudaMemRangeAttributeReadMostly = 1,
  cudaMemRangeAttributePreferredLocation = 2,
  cudaMemRangeAttributeAccessedBy = 3,
  cudaMemRangeAttributeLastPrefetchLocation = 4,
  cudaMemRangeAttributePreferredLocationType = 5,
  cudaMemRangeAttributePreferredLocationId = 6,
  cudaMemRangeAttributeLastPrefetchLocationType = 7,
  cudaMemRangeAttributeLastPrefetchLocationId = 8
};

enum cudaMemLocationType {
  cudaMemLocationTypeInvalid = 0,
  cudaMemLocationTypeDevice = 1,
  cudaMemLocationTypeHost = 2,
  cudaMemLocationTypeHostNuma = 3,
  cudaMemLocationTypeHostNumaCurrent = 4
};

enum cudaMemPoolAttr {
  cudaMemPoolReuseFollowEventDependencies = 0x1,
  cudaMemPoolReuseAllowOpportunistic = 0x2,
  cudaMemPoolReuseAllowInternalDependencies = 0x3,
  cudaMemPoolAttrReleaseThreshold = 0x4,
  cudaMemPoolAttrReservedMemCurrent = 0x5,
  cudaMemPoolAttrReservedMemHigh = 0x6,
  cudaMemPoolAttrUsedMemCurrent = 0x7,
  cudaMemPoolAttrUsedMemHigh = 0x8
};

enum cudaMemAccessFlags {
  cudaMemAccessFlagsProtNone = 0,
  cudaMemAccessFlagsProtRead = 1,
  cudaMemAccessFlagsProtReadWrite = 3
};

enum cudaMemAllocationType {
  cudaMemAllocationTypeInvalid = 0x0,
  cudaMemAllocationTypePinned = 0x1,
  cudaMemAllocationTypeMax = 0x7FFFFFFF
};

enum cudaMemAllocationHandleType {
  cudaMemHandleTypeNone = 0x0,
  cudaMemHandleTypePosixFileDescriptor = 0x1,
  cudaMemHandleTypeWin32 = 0x2,
  cudaMemHandleTypeWin32Kmt = 0x4,
  cudaMemHandleTypeFabric = 0x8
};

enum cudaGraphMemAttributeType {
  cudaGraphMemAttrUsedMemCurrent = 0x0,
  cudaGraphMemAttrUsedMemHigh = 0x1,
  cudaGraphMemAttrReservedMemCurrent = 0x2,
  cudaGraphMemAttrReservedMemHigh = 0x3
};

enum cudaDeviceP2PAttr {
  cudaDevP2PAttrPerformanceRank = 1,
  cudaDevP2PAttrAccessSupported = 2,
  cudaDevP2PAttrNativeAtomicSupported = 3,
  cudaDevP2PAttrCudaArrayAccessSupported = 4
};

enum cudaFuncAttribute {
  cudaFuncAttributeMaxDynamicSharedMemorySize = 8,
  cudaFuncAttributePreferredSharedMemoryCarveout = 9,
  cudaFuncAttributeClusterDimMustBeSet = 10,
  cudaFuncAttributeRequiredClusterWidth = 11,
  cudaFuncAttributeRequiredClusterHeight = 12,
  cudaFuncAttributeRequiredClusterDepth = 13,
  cudaFuncAttributeNonPortableClusterSizeAllowed = 14,
  cudaFuncAttributeClusterSchedulingPolicyPreference = 15,
  cudaFuncAttributeMax
};

enum cudaStreamCaptureMode {
  cudaStreamCaptureModeGlobal = 0,
  cudaStreamCaptureModeThreadLocal = 1,
  cudaStreamCaptureModeRelaxed = 2
};

enum cudaStreamUpdateCaptureDependenciesFlags {
  cudaStreamAddCaptureDependencies = 0x0,
  cudaStreamSetCaptureDependencies = 0x1
};

enum cudaStreamCaptureStatus {
  cudaStreamCaptureStatusNone = 0,
  cudaStreamCaptureStatusActive = 1,
  cudaStreamCaptureStatusInvalidated = 2
};

enum cudaGraphNodeType {
  cudaGraphNodeTypeKernel = 0x00,
  cudaGraphNodeTypeMemcpy = 0x01,
  cudaGraphNodeTypeMemset = 0x02,
  cudaGraphNodeTypeHost = 0x03,
  cudaGraphNodeTypeGraph = 0x04,
  cudaGraphNodeTypeEmpty = 0x05,
  cudaGraphNodeTypeWaitEvent = 0x06,
  cudaGraphNodeTypeEventRecord = 0x07,
  cudaGraphNodeTypeExtSemaphoreSignal = 0x08,
  cudaGraphNodeTypeExtSemaphoreWait = 0x09,
  cudaGraphNodeTypeMemAlloc = 0x0a,
  cudaGraphNodeTypeMemFree = 0x0b,
  cudaGraphNodeTypeConditional = 0x0d,
  cudaGraphNodeTypeCount
};

enum cudaGraphConditionalNodeType {
  cudaGraphCondTypeIf = 0,
  cudaGraphCondTypeWhile = 1,
  cudaGraphCondTypeSwitch = 2
};

enum cudaGraphConditionalHandleFlags {
  cudaGraphCondAssignDefault = 1
};

enum cudaGraphExecUpdateResult {
  cudaGraphExecUpdateSuccess = 0x0,
  cudaGraphExecUpdateError = 0x1,
  cudaGraphExecUpdateErrorTopologyChanged = 0x2,
  cudaGraphExecUpdateErrorNodeTypeChanged = 0x3,
  cudaGraphExecUpdateErrorFunctionChanged = 0x4,
  cudaGraphExecUpdateErrorParametersChanged = 0x5,
  cudaGraphExecUpdateErrorNotSupported = 0x6,
  cudaGraphExecUpdateErrorUnsupportedFunctionChange = 0x7,
  cudaGraphExecUpdateErrorAttributesChanged = 0x8
};

enum cudaGraphInstantiateFlags {
  cudaGraphInstantiateFlagAutoFreeOnLaunch = 1,
  cudaGraphInstantiateFlagUpload = 2,
  cudaGraphInstantiateFlagDeviceLaunch = 4,
  cudaGraphInstantiateFlagUseNodePriority = 8
};

enum cudaResourceType {
  cudaResourceTypeArray = 0x00,
  cudaResourceTypeMipmappedArray = 0x01,
  cudaResourceTypeLinear = 0x02,
  cudaResourceTypePitch2D = 0x03
};

enum cudaResourceViewFormat {
  cudaResViewFormatNone = 0x00,
  cudaResViewFormatUnsignedChar1 = 0x01,
  cudaResViewFormatUnsignedChar2 = 0x02,
  cudaResViewFormatUnsignedChar4 = 0x03,
  cudaResViewFormatSignedChar1 = 0x04,
  cudaResViewFormatSignedChar2 = 0x05,
  cudaResViewFormatSignedChar4 = 0x06,
  cudaResViewFormatUnsignedShort1 = 0x07,
  cudaResViewFormatUnsignedShort2 = 0x08,
  cudaResViewFormatUnsignedShort4 = 0x09,
  cudaResViewFormatSignedShort1 = 0x0a,
  cudaResViewFormatSignedShort2 = 0x0b,
  cudaResViewFormatSignedShort4 = 0x0c,
  cudaResViewFormatUnsignedInt1 = 0x0d,
  cudaResViewFormatUnsignedInt2 = 0x0e,
  cudaResViewFormatUnsignedInt4 = 0x0f,
  cudaResViewFormatSignedInt1 = 0x10,
  cudaResViewFormatSignedInt2 = 0x11,
  cudaResViewFormatSignedInt4 = 0x12,
  cudaResViewFormatHalf1 = 0x13,
  cudaResViewFormatHalf2 = 0x14,
  cudaResViewFormatHalf4 = 0x15,
  cudaResViewFormatFloat1 = 0x16,
  cudaResViewFormatFloat2 = 0x17,
  cudaResViewFormatFloat4 = 0x18
};

enum cudaTextureAddressMode {
  cudaAddressModeWrap = 0,
  cudaAddressModeClamp = 1,
  cudaAddressModeMirror = 2,
  cudaAddressModeBorder = 3
};

enum cudaTextureFilterMode {
  cudaFilterModePoint = 0,
  cudaFilterModeLinear = 1
};

enum cudaTextureReadMode {
  cudaReadModeElementType = 0,
  cudaReadModeNormalizedFloat = 1
};

enum cudaSurfaceBoundaryMode {
  cudaBoundaryModeZero = 0,
  cudaBoundaryModeClamp = 1,
  cudaBoundaryModeTrap = 2
};

enum cudaSurfaceFormatMode {
  cudaFormatModeForced = 0,
  cudaFormatModeAuto = 1
};

enum cudaRoundMode {
  cudaRoundNearest,
  cudaRoundZero,
  cudaRoundPosInf,
  cudaRoundMinInf
};

enum cudaGraphicsRegisterFlags {
  cudaGraphicsRegisterFlagsNone = 0,
  cudaGraphicsRegisterFlagsReadOnly = 1,
  cudaGraphicsRegisterFlagsWriteDiscard = 2,
  cudaGraphicsRegisterFlagsSurfaceLoadStore = 4,
  cudaGraphicsRegisterFlagsTextureGather = 8
};

enum cudaGraphicsMapFlags {
  cudaGraphicsMapFlagsNone = 0,
  cudaGraphicsMapFlagsReadOnly = 1,
  cudaGraphicsMapFlagsWriteDiscard = 2
};

enum cudaAccessProperty {
  cudaAccessPropertyNormal = 0,
  cudaAccessPropertyStreaming = 1,
  cudaAccessPropertyPersisting = 2
};

enum cudaSynchronizationPolicy {
  cudaSyncPolicyAuto = 1,
  cudaSyncPolicySpin = 2,
  cudaSyncPolicyYield = 3,
  cudaSyncPolicyBlockingSync = 4
};

enum cudaLaunchAttributeID {
  cudaLaunchAttributeIgnore = 0,
  cudaLaunchAttributeAccessPolicyWindow = 1,
  cudaLaunchAttributeCooperative = 2,
  cudaLaunchAttributeSynchronizationPolicy = 3,
  cudaLaunchAttributeClusterDimension = 4,
  cudaLaunchAttributeClusterSchedulingPolicyPreference = 5,
  cudaLaunchAttributeProgrammaticStreamSerialization = 6,
  cudaLaunchAttributeProgrammaticEvent = 7,
  cudaLaunchAttributePriority = 8,
  cudaLaunchAttributeMemSyncDomainMap = 9,
  cudaLaunchAttributeMemSyncDomain = 10,
  cudaLaunchAttributeLaunchCompletionEvent = 12
};

enum cudaDriverEntryPointQueryResult {
  cudaDriverEntryPointSuccess = 0,
  cudaDriverEntryPointSymbolNotFound = 1,
  cudaDriverEntryPointVersionNotSufficent = 2
};

/* Library data types (library_types.h). */
typedef enum cudaDataType_t {
  CUDA_R_16F = 2,
  CUDA_C_16F = 6,
  CUDA_R_16BF = 14,
  CUDA_C_16BF = 15,
  CUDA_R_32F = 0,
  CUDA_C_32F = 4,
  CUDA_R_64F = 1,
  CUDA_C_64F = 5,
  CUDA_R_4I = 16,
  CUDA_C_4I = 17,
  CUDA_R_4U = 18,
  CUDA_C_4U = 19,
  CUDA_R_8I = 3,
  CUDA_C_8I = 7,
  CUDA_R_8U = 8,
  CUDA_C_8U = 9,
  CUDA_R_16I = 20,
  CUDA_C_16I = 21,
  CUDA_R_16U = 22,
  CUDA_C_16U = 23,
  CUDA_R_32I = 10,
  CUDA_C_32I = 11,
  CUDA_R_32U = 12,
  CUDA_C_32U = 13,
  CUDA_R_64I = 24,
  CUDA_C_64I = 25,
  CUDA_R_64U = 26,
  CUDA_C_64U = 27,
  CUDA_R_8F_E4M3 = 28,
  CUDA_R_8F_E5M2 = 29
} cudaDataType;

typedef enum libraryPropertyType_t {
  MAJOR_VERSION,
  MINOR_VERSION,
  PATCH_LEVEL
} libraryPropertyType;

/* Device attributes for cudaDeviceGetAttribute. */
enum cudaDeviceAttr {
  cudaDevAttrMaxThreadsPerBlock = 1,
  cudaDevAttrMaxBlockDimX = 2,
  cudaDevAttrMaxBlockDimY = 3,
  cudaDevAttrMaxBlockDimZ = 4,
  cudaDevAttrMaxGridDimX = 5,
  cudaDevAttrMaxGridDimY = 6,
  cudaDevAttrMaxGridDimZ = 7,
  cudaDevAttrMaxSharedMemoryPerBlock = 8,
  cudaDevAttrTotalConstantMemory = 9,
  cudaDevAttrWarpSize = 10,
  cudaDevAttrMaxPitch = 11,
  cudaDevAttrMaxRegistersPerBlock = 12,
  cudaDevAttrClockRate = 13,
  cudaDevAttrTextureAlignment = 14,
  cudaDevAttrGpuOverlap = 15,
  cudaDevAttrMultiProcessorCount = 16,
  cudaDevAttrKernelExecTimeout = 17,
  cudaDevAttrIntegrated = 18,
  cudaDevAttrCanMapHostMemory = 19,
  cudaDevAttrComputeMode = 20,
  cudaDevAttrMaxTexture1DWidth = 21,
  cudaDevAttrMaxTexture2DWidth = 22,
  cudaDevAttrMaxTexture2DHeight = 23,
  cudaDevAttrMaxTexture3DWidth = 24,
  cudaDevAttrMaxTexture3DHeight = 25,
  cudaDevAttrMaxTexture3DDepth = 26,
  cudaDevAttrMaxTexture2DLayeredWidth = 27,
  cudaDevAttrMaxTexture2DLayeredHeight = 28,
  cudaDevAttrMaxTexture2DLayeredLayers = 29,
  cudaDevAttrSurfaceAlignment = 30,
  cudaDevAttrConcurrentKernels = 31,
  cudaDevAttrEccEnabled = 32,
  cudaDevAttrPciBusId = 33,
  cudaDevAttrPciDeviceId = 34,
  cudaDevAttrTccDriver = 35,
  cudaDevAttrMemoryClockRate = 36,
  cudaDevAttrGlobalMemoryBusWidth = 37,
  cudaDevAttrL2CacheSize = 38,
  cudaDevAttrMaxThreadsPerMultiProcessor = 39,
  cudaDevAttrAsyncEngineCount = 40,
  cudaDevAttrUnifiedAddressing = 41,
  cudaDevAttrMaxTexture1DLayeredWidth = 42,
  cudaDevAttrMaxTexture1DLayeredLayers = 43,
  cudaDevAttrMaxTexture2DGatherWidth = 45,
  cudaDevAttrMaxTexture2DGatherHeight = 46,
  cudaDevAttrMaxTexture3DWidthAlt = 47,
  cudaDevAttrMaxTexture3DHeightAlt = 48,
  cudaDevAttrMaxTexture3DDepthAlt = 49,
  cudaDevAttrPciDomainId = 50,
  cudaDevAttrTexturePitchAlignment = 51,
  cudaDevAttrMaxTextureCubemapWidth = 52,
  cudaDevAttrMaxTextureCubemapLayeredWidth = 53,
  cudaDevAttrMaxTextureCubemapLayeredLayers = 54,
  cudaDevAttrMaxSurface1DWidth = 55,
  cudaDevAttrMaxSurface2DWidth = 56,
  cudaDevAttrMaxSurface2DHeight = 57,
  cudaDevAttrMaxSurface3DWidth = 58,
  cudaDevAttrMaxSurface3DHeight = 59,
  cudaDevAttrMaxSurface3DDepth = 60,
  cudaDevAttrMaxSurface1DLayeredWidth = 61,
  cudaDevAttrMaxSurface1DLayeredLayers = 62,
  cudaDevAttrMaxSurface2DLayeredWidth = 63,
  cudaDevAttrMaxSurface2DLayeredHeight = 64,
  cudaDevAttrMaxSurface2DLayeredLayers = 65,
  cudaDevAttrMaxSurfaceCubemapWidth = 66,
  cudaDevAttrMaxSurfaceCubemapLayeredWidth = 67,
  cudaDevAttrMaxSurfaceCubemapLayeredLayers = 68,
  cudaDevAttrMaxTexture1DLinearWidth = 69,
  cudaDevAttrMaxTexture2DLinearWidth = 70,
  cudaDevAttrMaxTexture2DLinearHeight = 71,
  cudaDevAttrMaxTexture2DLinearPitch = 72,
  cudaDevAttrMaxTexture2DMipmappedWidth = 73,
  cudaDevAttrMaxTexture2DMipmappedHeight = 74,
  cudaDevAttrComputeCapabilityMajor = 75,
  cudaDevAttrComputeCapabilityMinor = 76,
  cudaDevAttrMaxTexture1DMipmappedWidth = 77,
  cudaDevAttrStreamPrioritiesSupported = 78,
  cudaDevAttrGlobalL1CacheSupported = 79,
  cudaDevAttrLocalL1CacheSupported = 80,
  cudaDevAttrMaxSharedMemoryPerMultiprocessor = 81,
  cudaDevAttrMaxRegistersPerMultiprocessor = 82,
  cudaDevAttrManagedMemory = 83,
  cudaDevAttrIsMultiGpuBoard = 84,
  cudaDevAttrMultiGpuBoardGroupID = 85,
  cudaDevAttrHostNativeAtomicSupported = 86,
  cudaDevAttrSingleToDoublePrecisionPerfRatio = 87,
  cudaDevAttrPageableMemoryAccess = 88,
  cudaDevAttrConcurrentManagedAccess = 89,
  cudaDevAttrComputePreemptionSupported = 90,
  cudaDevAttrCanUseHostPointerForRegisteredMem = 91,
  cudaDevAttrReserved92 = 92,
  cudaDevAttrReserved93 = 93,
  cudaDevAttrReserved94 = 94,
  cudaDevAttrCooperativeLaunch = 95,
  cudaDevAttrCooperativeMultiDeviceLaunch = 96,
  cudaDevAttrMaxSharedMemoryPerBlockOptin = 97,
  cudaDevAttrCanFlushRemoteWrites = 98,
  cudaDevAttrHostRegisterSupported = 99,
  cudaDevAttrPageableMemoryAccessUsesHostPageTables = 100,
  cudaDevAttrDirectManagedMemAccessFromHost = 101,
  cudaDevAttrMaxBlocksPerMultiprocessor = 106,
  cudaDevAttrMaxPersistingL2CacheSize = 108,
  cudaDevAttrMaxAccessPolicyWindowSize = 109,
  cudaDevAttrReservedSharedMemoryPerBlock = 111,
  cudaDevAttrSparseCudaArraySupported = 112,
  cudaDevAttrHostRegisterReadOnlySupported = 113,
  cudaDevAttrTimelineSemaphoreInteropSupported = 114,
  cudaDevAttrMaxTimelineSemaphoreInteropSupported = 114,
  cudaDevAttrMemoryPoolsSupported = 115,
  cudaDevAttrGPUDirectRDMASupported = 116,
  cudaDevAttrGPUDirectRDMAFlushWritesOptions = 117,
  cudaDevAttrGPUDirectRDMAWritesOrdering = 118,
  cudaDevAttrMemoryPoolSupportedHandleTypes = 119,
  cudaDevAttrClusterLaunch = 120,
  cudaDevAttrDeferredMappingCudaArraySupported = 121,
  cudaDevAttrReserved122 = 122,
  cudaDevAttrReserved123 = 123,
  cudaDevAttrReserved124 = 124,
  cudaDevAttrIpcEventSupport = 125,
  cudaDevAttrMemSyncDomainCount = 126,
  cudaDevAttrReserved127 = 127,
  cudaDevAttrReserved128 = 128,
  cudaDevAttrReserved129 = 129,
  cudaDevAttrNumaConfig = 130,
  cudaDevAttrNumaId = 131,
  cudaDevAttrReserved132 = 132,
  cudaDevAttrMpsEnabled = 133,
  cudaDevAttrHostNumaId = 134,
  cudaDevAttrMax
};

/* ---- 4.3 Opaque handles -------------------------------------------------- */
typedef struct CUstream_st *cudaStream_t;
typedef struct CUevent_st *cudaEvent_t;
typedef struct CUgraph_st *cudaGraph_t;
typedef struct CUgraphNode_st *cudaGraphNode_t;
typedef struct CUgraphExec_st *cudaGraphExec_t;
typedef struct CUfunc_st *cudaFunction_t;
typedef struct CUkern_st *cudaKernel_t;
typedef struct CUlib_st *cudaLibrary_t;
typedef struct CUmemPoolHandle_st *cudaMemPool_t;
typedef struct CUuserObject_st *cudaUserObject_t;
typedef struct CUexternalMemory_st *cudaExternalMemory_t;
typedef struct CUexternalSemaphore_st *cudaExternalSemaphore_t;
typedef struct cudaArray *cudaArray_t;
typedef const struct cudaArray *cudaArray_const_t;
typedef struct cudaMipmappedArray *cudaMipmappedArray_t;
typedef const struct cudaMipmappedArray *cudaMipmappedArray_const_t;
typedef struct cudaGraphicsResource *cudaGraphicsResource_t;
typedef unsigned long long cudaTextureObject_t;
typedef unsigned long long cudaSurfaceObject_t;
typedef unsigned long long cudaGraphConditionalHandle;

typedef struct CUuuid_st {
  char bytes[16];
} cudaUUID_t;

typedef struct cudaIpcEventHandle_st {
  char reserved[64];
} cudaIpcEventHandle_t;

typedef struct cudaIpcMemHandle_st {
  char reserved[64];
} cudaIpcMemHandle_t;

typedef void (*cudaStreamCallback_t)(cudaStream_t stream, cudaError_t status, void *userData);
typedef void (*cudaHostFn_t)(void *userData);

/* ---- 4.4 Flags and special values ---------------------------------------- */
#define cudaStreamDefault 0x00
#define cudaStreamNonBlocking 0x01
#define cudaStreamLegacy ((cudaStream_t)0x1)
#define cudaStreamPerThread ((cudaStream_t)0x2)

#define cudaEventDefault 0x00
#define cudaEventBlockingSync 0x01
#define cudaEventDisableTiming 0x02
#define cudaEventInterprocess 0x04
#define cudaEventRecordDefault 0x00
#define cudaEventRecordExternal 0x01
#define cudaEventWaitDefault 0x00
#define cudaEventWaitExternal 0x01

#define cudaDeviceScheduleAuto 0x00
#define cudaDeviceScheduleSpin 0x01
#define cudaDeviceScheduleYield 0x02
#define cudaDeviceScheduleBlockingSync 0x04
#define cudaDeviceBlockingSync 0x04
#define cudaDeviceScheduleMask 0x07
#define cudaDeviceMapHost 0x08
#define cudaDeviceLmemResizeToMax 0x10
#define cudaDeviceSyncMemops 0x80
#define cudaDeviceMask 0xff

#define cudaHostAllocDefault 0x00
#define cudaHostAllocPortable 0x01
#define cudaHostAllocMapped 0x02
#define cudaHostAllocWriteCombined 0x04

#define cudaHostRegisterDefault 0x00
#define cudaHostRegisterPortable 0x01
#define cudaHostRegisterMapped 0x02
#define cudaHostRegisterIoMemory 0x04
#define cudaHostRegisterReadOnly 0x08

#define cudaPeerAccessDefault 0x00

#define cudaArrayDefault 0x00
#define cudaArrayLayered 0x01
#define cudaArraySurfaceLoadStore 0x02
#define cudaArrayCubemap 0x04
#define cudaArrayTextureGather 0x08

#define cudaMemAttachGlobal 0x01
#define cudaMemAttachHost 0x02
#define cudaMemAttachSingle 0x04

#define cudaOccupancyDefault 0x00
#define cudaOccupancyDisableCachingOverride 0x01

#define cudaCpuDeviceId ((int)-1)
#define cudaInvalidDeviceId ((int)-2)

#define cudaIpcMemLazyEnablePeerAccess 0x01

#define cudaCooperativeLaunchMultiDeviceNoPreSync 0x01
#define cudaCooperativeLaunchMultiDeviceNoPostSync 0x02

#define cudaTextureType1D 0x01
#define cudaTextureType2D 0x02
#define cudaTextureType3D 0x03
#define cudaTextureTypeCubemap 0x0C
#define cudaTextureType1DLayered 0xF1
#define cudaTextureType2DLayered 0xF2
#define cudaTextureTypeCubemapLayered 0xFC

#define cudaSurfaceType1D 0x01
#define cudaSurfaceType2D 0x02
#define cudaSurfaceType3D 0x03
#define cudaSurfaceTypeCubemap 0x0C
#define cudaSurfaceType1DLayered 0xF1
#define cudaSurfaceType2DLayered 0xF2
#define cudaSurfaceTypeCubemapLayered 0xFC

/* ---- 4.5 Structures ------------------------------------------------------ */
struct cudaChannelFormatDesc {
  int x;
  int y;
  int z;
  int w;
  enum cudaChannelFormatKind f;
};

struct cudaExtent {
  size_t width;
  size_t height;
  size_t depth;
};

struct cudaPos {
  size_t x;
  size_t y;
  size_t z;
};

struct cudaPitchedPtr {
  void *ptr;
  size_t pitch;
  size_t xsize;
  size_t ysize;
};

struct cudaMemcpy3DParms {
  cudaArray_t srcArray;
  struct cudaPos srcPos;
  struct cudaPitchedPtr srcPtr;
  cudaArray_t dstArray;
  struct cudaPos dstPos;
  struct cudaPitchedPtr dstPtr;
  struct cudaExtent extent;
  enum cudaMemcpyKind kind;
};

struct cudaMemcpy3DPeerParms {
  cudaArray_t srcArray;
  struct cudaPos srcPos;
  struct cudaPitchedPtr srcPtr;
  int srcDevice;
  cudaArray_t dstArray;
  struct cudaPos dstPos;
  struct cudaPitchedPtr dstPtr;
  int dstDevice;
  struct cudaExtent extent;
};

struct cudaMemsetParams {
  void *dst;
  size_t pitch;
  unsigned int value;
  unsigned int elementSize;
  size_t width;
  size_t height;
};

struct cudaHostNodeParams {
  cudaHostFn_t fn;
  void *userData;
};

struct cudaKernelNodeParams {
  void *func;
  dim3 gridDim;
  dim3 blockDim;
  unsigned int sharedMemBytes;
  void **kernelParams;
  void **extra;
};

/* Optional data on graph edges (CUDA 12.3). */
typedef struct cudaGraphEdgeData_st {
  unsigned char from_port;
  unsigned char to_port;
  unsigned char type;
  unsigned char reserved[5];
} cudaGraphEdgeData;

typedef struct cudaGraphExecUpdateResultInfo_st {
  enum cudaGraphExecUpdateResult result;
  cudaGraphNode_t errorNode;
  cudaGraphNode_t errorFromNode;
} cudaGraphExecUpdateResultInfo;

struct cudaMemLocation {
  enum cudaMemLocationType type;
  int id;
};

struct cudaMemAccessDesc {
  struct cudaMemLocation location;
  enum cudaMemAccessFlags flags;
};

struct cudaMemPoolProps {
  enum cudaMemAllocationType allocType;
  enum cudaMemAllocationHandleType handleTypes;
  struct cudaMemLocation location;
  void *win32SecurityAttributes;
  size_t maxSize;
  unsigned short usage;
  unsigned char reserved[54];
};

struct cudaMemPoolPtrExportData {
  unsigned char reserved[64];
};

struct cudaMemAllocNodeParams {
  struct cudaMemPoolProps poolProps;
  const struct cudaMemAccessDesc *accessDescs;
  size_t accessDescCount;
  size_t bytesize;
  void *dptr;
};

struct cudaMemFreeNodeParams {
  void *dptr;
};

struct cudaChildGraphNodeParams {
  cudaGraph_t graph;
};

struct cudaEventRecordNodeParams {
  cudaEvent_t event;
};

struct cudaEventWaitNodeParams {
  cudaEvent_t event;
};

struct cudaConditionalNodeParams {
  cudaGraphConditionalHandle handle;
  enum cudaGraphConditionalNodeType type;
  unsigned int size;
  cudaGraph_t *phGraph_out;
};

/* Kernel parameters inside cudaGraphNodeParams. The extents are uint3 here
 * (dim3 converts to and from it) so that the enclosing union keeps a trivial
 * default constructor and 'cudaGraphNodeParams p;' stays valid. */
struct cudaKernelNodeParamsV2 {
  void *func;
  uint3 gridDim;
  uint3 blockDim;
  unsigned int sharedMemBytes;
  void **kernelParams;
  void **extra;
};

/* Parameters of any graph node, for cudaGraphAddNode. */
struct cudaGraphNodeParams {
  enum cudaGraphNodeType type;
  int reserved0[3];
  union {
    long long reserved1[29];
    struct cudaKernelNodeParamsV2 kernel;
    struct cudaMemsetParams memset;
    struct cudaHostNodeParams host;
    struct cudaChildGraphNodeParams graph;
    struct cudaEventWaitNodeParams eventWait;
    struct cudaEventRecordNodeParams eventRecord;
    struct cudaMemAllocNodeParams alloc;
    struct cudaMemFreeNodeParams free;
    struct cudaConditionalNodeParams conditional;
  };
  long long reserved2;
};

struct cudaResourceDesc {
  enum cudaResourceType resType;
  union {
    struct {
      cudaArray_t array;
    } array;
    struct {
      cudaMipmappedArray_t mipmap;
    } mipmap;
    struct {
      void *devPtr;
      struct cudaChannelFormatDesc desc;
      size_t sizeInBytes;
    } linear;
    struct {
      void *devPtr;
      struct cudaChannelFormatDesc desc;
      size_t width;
      size_t height;
      size_t pitchInBytes;
    } pitch2D;
  } res;
};

struct cudaResourceViewDesc {
  enum cudaResourceViewFormat format;
  size_t width;
  size_t height;
  size_t depth;
  unsigned int firstMipmapLevel;
  unsigned int lastMipmapLevel;
  unsigned int firstLayer;
  unsigned int lastLayer;
};

struct cudaTextureDesc {
  enum cudaTextureAddressMode addressMode[3];
  enum cudaTextureFilterMode filterMode;
  enum cudaTextureReadMode readMode;
  int sRGB;
  float borderColor[4];
  int normalizedCoords;
  unsigned int maxAnisotropy;
  enum cudaTextureFilterMode mipmapFilterMode;
  float mipmapLevelBias;
  float minMipmapLevelClamp;
  float maxMipmapLevelClamp;
  int disableTrilinearOptimization;
  int seamlessCubemap;
};

struct cudaFuncAttributes {
  size_t sharedSizeBytes;
  size_t constSizeBytes;
  size_t localSizeBytes;
  int maxThreadsPerBlock;
  int numRegs;
  int ptxVersion;
  int binaryVersion;
  int cacheModeCA;
  int maxDynamicSharedSizeBytes;
  int preferredShmemCarveout;
  int clusterDimMustBeSet;
  int requiredClusterWidth;
  int requiredClusterHeight;
  int requiredClusterDepth;
  int clusterSchedulingPolicyPreference;
  int nonPortableClusterSizeAllowed;
  int reserved[16];
};

struct cudaPointerAttributes {
  enum cudaMemoryType type;
  int device;
  void *devicePointer;
  void *hostPointer;
};

struct cudaLaunchParams {
  void *func;
  dim3 gridDim;
  dim3 blockDim;
  void **args;
  size_t sharedMem;
  cudaStream_t stream;
};

struct cudaAccessPolicyWindow {
  void *base_ptr;
  size_t num_bytes;
  float hitRatio;
  enum cudaAccessProperty hitProp;
  enum cudaAccessProperty missProp;
};

typedef union cudaLaunchAttributeValue {
  char pad[64];
  struct cudaAccessPolicyWindow accessPolicyWindow;
  int cooperative;
  enum cudaSynchronizationPolicy syncPolicy;
  struct {
    unsigned int x;
    unsigned int y;
    unsigned int z;
  } clusterDim;
  int clusterSchedulingPolicyPreference;
  int programmaticStreamSerializationAllowed;
  struct {
    cudaEvent_t event;
    int flags;
    int triggerAtBlockStart;
  } programmaticEvent;
  int priority;
} cudaLaunchAttributeValue;

typedef struct cudaLaunchAttribute_st {
  enum cudaLaunchAttributeID id;
  char pad[8 - sizeof(enum cudaLaunchAttributeID)];
  cudaLaunchAttributeValue val;
} cudaLaunchAttribute;

typedef struct cudaLaunchConfig_st {
  dim3 gridDim;
  dim3 blockDim;
  size_t dynamicSmemBytes;
  cudaStream_t stream;
  cudaLaunchAttribute *attrs;
  unsigned int numAttrs;
} cudaLaunchConfig_t;

/* Stream and kernel-node attributes are launch attributes (macros, as in the SDK). */
#define cudaStreamAttrID cudaLaunchAttributeID
#define cudaKernelNodeAttrID cudaLaunchAttributeID
#define cudaStreamAttrValue cudaLaunchAttributeValue
#define cudaKernelNodeAttrValue cudaLaunchAttributeValue
#define cudaStreamAttributeAccessPolicyWindow cudaLaunchAttributeAccessPolicyWindow
#define cudaStreamAttributeSynchronizationPolicy cudaLaunchAttributeSynchronizationPolicy
#define cudaStreamAttributePriority cudaLaunchAttributePriority
#define cudaKernelNodeAttributeAccessPolicyWindow cudaLaunchAttributeAccessPolicyWindow
#define cudaKernelNodeAttributeCooperative cudaLaunchAttributeCooperative
#define cudaKernelNodeAttributePriority cudaLaunchAttributePriority

/* Device properties, as filled in by cudaGetDeviceProperties. */
struct cudaDeviceProp {
  char name[256];
  cudaUUID_t uuid;
  char luid[8];
  unsigned int luidDeviceNodeMask;
  size_t totalGlobalMem;
  size_t sharedMemPerBlock;
  int regsPerBlock;
  int warpSize;
  size_t memPitch;
  int maxThreadsPerBlock;
  int maxThreadsDim[3];
  int maxGridSize[3];
  int clockRate;
  size_t totalConstMem;
  int major;
  int minor;
  size_t textureAlignment;
  size_t texturePitchAlignment;
  int deviceOverlap;
  int multiProcessorCount;
  int kernelExecTimeoutEnabled;
  int integrated;
  int canMapHostMemory;
  int computeMode;
  int maxTexture1D;
  int maxTexture1DMipmap;
  int maxTexture1DLinear;
  int maxTexture2D[2];
  int maxTexture2DMipmap[2];
  int maxTexture2DLinear[3];
  int maxTexture2DGather[2];
  int maxTexture3D[3];
  int maxTexture3DAlt[3];
  int maxTextureCubemap;
  int maxTexture1DLayered[2];
  int maxTexture2DLayered[3];
  int maxTextureCubemapLayered[2];
  int maxSurface1D;
  int maxSurface2D[2];
  int maxSurface3D[3];
  int maxSurface1DLayered[2];
  int maxSurface2DLayered[3];
  int maxSurfaceCubemap;
  int maxSurfaceCubemapLayered[2];
  size_t surfaceAlignment;
  int concurrentKernels;
  int ECCEnabled;
  int pciBusID;
  int pciDeviceID;
  int pciDomainID;
  int tccDriver;
  int asyncEngineCount;
  int unifiedAddressing;
  int memoryClockRate;
  int memoryBusWidth;
  int l2CacheSize;
  int persistingL2CacheMaxSize;
  int maxThreadsPerMultiProcessor;
  int streamPrioritiesSupported;
  int globalL1CacheSupported;
  int localL1CacheSupported;
  size_t sharedMemPerMultiprocessor;
  int regsPerMultiprocessor;
  int managedMemory;
  int isMultiGpuBoard;
  int multiGpuBoardGroupID;
  int hostNativeAtomicSupported;
  int singleToDoublePrecisionPerfRatio;
  int pageableMemoryAccess;
  int concurrentManagedAccess;
  int computePreemptionSupported;
  int canUseHostPointerForRegisteredMem;
  int cooperativeLaunch;
  int cooperativeMultiDeviceLaunch;
  size_t sharedMemPerBlockOptin;
  int pageableMemoryAccessUsesHostPageTables;
  int directManagedMemAccessFromHost;
  int maxBlocksPerMultiProcessor;
  int accessPolicyMaxWindowSize;
  size_t reservedSharedMemPerBlock;
  int hostRegisterSupported;
  int sparseCudaArraySupported;
  int hostRegisterReadOnlySupported;
  int timelineSemaphoreInteropSupported;
  int memoryPoolsSupported;
  int gpuDirectRDMASupported;
  unsigned int gpuDirectRDMAFlushWritesOptions;
  int gpuDirectRDMAWritesOrdering;
  unsigned int memoryPoolSupportedHandleTypes;
  int deferredMappingCudaArraySupported;
  int ipcEventSupported;
  int clusterLaunch;
  int unifiedFunctionPointers;
  int reserved2[2];
  int reserved1[1];
  int reserved[60];
};

/* ========================================================================== */
/* 5. Runtime API                                                              */
/* ========================================================================== */
/* Functions that CUDA also lets device code call (dynamic parallelism) are
 * declared __host__ __device__; the rest are host functions. */
#define __CU2SYCL_RT_HD __host__ __device__

extern "C" {

/* ---- 5.1 Device management ----------------------------------------------- */
cudaError_t cudaDeviceReset(void);
__CU2SYCL_RT_HD cudaError_t cudaDeviceSynchronize(void);
cudaError_t cudaDeviceSetLimit(enum cudaLimit limit, size_t value);
__CU2SYCL_RT_HD cudaError_t cudaDeviceGetLimit(size_t *pValue, enum cudaLimit limit);
__CU2SYCL_RT_HD cudaError_t cudaDeviceGetCacheConfig(enum cudaFuncCache *pCacheConfig);
cudaError_t cudaDeviceSetCacheConfig(enum cudaFuncCache cacheConfig);
__CU2SYCL_RT_HD cudaError_t cudaDeviceGetSharedMemConfig(enum cudaSharedMemConfig *pConfig);
cudaError_t cudaDeviceSetSharedMemConfig(enum cudaSharedMemConfig config);
cudaError_t cudaDeviceGetStreamPriorityRange(int *leastPriority, int *greatestPriority);
cudaError_t cudaDeviceGetByPCIBusId(int *device, const char *pciBusId);
cudaError_t cudaDeviceGetPCIBusId(char *pciBusId, int len, int device);
cudaError_t cudaDeviceGetP2PAttribute(int *value, enum cudaDeviceP2PAttr attr, int srcDevice, int dstDevice);
cudaError_t cudaDeviceGetDefaultMemPool(cudaMemPool_t *memPool, int device);
cudaError_t cudaDeviceGetMemPool(cudaMemPool_t *memPool, int device);
cudaError_t cudaDeviceSetMemPool(int device, cudaMemPool_t memPool);
cudaError_t cudaDeviceFlushGPUDirectRDMAWrites(int target, int scope);
__CU2SYCL_RT_HD cudaError_t cudaGetDeviceCount(int *count);
cudaError_t cudaGetDeviceProperties(struct cudaDeviceProp *prop, int device);
__CU2SYCL_RT_HD cudaError_t cudaDeviceGetAttribute(int *value, enum cudaDeviceAttr attr, int device);
cudaError_t cudaChooseDevice(int *device, const struct cudaDeviceProp *prop);
cudaError_t cudaInitDevice(int device, unsigned int deviceFlags, unsigned int flags);
cudaError_t cudaSetDevice(int device);
__CU2SYCL_RT_HD cudaError_t cudaGetDevice(int *device);
cudaError_t cudaSetValidDevices(int *device_arr, int len);
cudaError_t cudaSetDeviceFlags(unsigned int flags);
cudaError_t cudaGetDeviceFlags(unsigned int *flags);
cudaError_t cudaIpcGetEventHandle(cudaIpcEventHandle_t *handle, cudaEvent_t event);
cudaError_t cudaIpcOpenEventHandle(cudaEvent_t *event, cudaIpcEventHandle_t handle);
cudaError_t cudaIpcGetMemHandle(cudaIpcMemHandle_t *handle, void *devPtr);
cudaError_t cudaIpcOpenMemHandle(void **devPtr, cudaIpcMemHandle_t handle, unsigned int flags);
cudaError_t cudaIpcCloseMemHandle(void *devPtr);
cudaError_t cudaCtxResetPersistingL2Cache(void);

/* Deprecated thread-level aliases of the device functions. */
cudaError_t cudaThreadExit(void);
cudaError_t cudaThreadSynchronize(void);
cudaError_t cudaThreadSetLimit(enum cudaLimit limit, size_t value);
cudaError_t cudaThreadGetLimit(size_t *pValue, enum cudaLimit limit);
cudaError_t cudaThreadGetCacheConfig(enum cudaFuncCache *pCacheConfig);
cudaError_t cudaThreadSetCacheConfig(enum cudaFuncCache cacheConfig);

/* ---- 5.2 Errors ------------------------------------------------------------ */
__CU2SYCL_RT_HD cudaError_t cudaGetLastError(void);
__CU2SYCL_RT_HD cudaError_t cudaPeekAtLastError(void);
__CU2SYCL_RT_HD const char *cudaGetErrorName(cudaError_t error);
__CU2SYCL_RT_HD const char *cudaGetErrorString(cudaError_t error);

/* ---- 5.3 Streams ------------------------------------------------------------ */
cudaError_t cudaStreamCreate(cudaStream_t *pStream);
__CU2SYCL_RT_HD cudaError_t cudaStreamCreateWithFlags(cudaStream_t *pStream, unsigned int flags);
cudaError_t cudaStreamCreateWithPriority(cudaStream_t *pStream, unsigned int flags, int priority);
cudaError_t cudaStreamGetPriority(cudaStream_t hStream, int *priority);
cudaError_t cudaStreamGetFlags(cudaStream_t hStream, unsigned int *flags);
cudaError_t cudaStreamGetId(cudaStream_t hStream, unsigned long long *streamId);
cudaError_t cudaStreamCopyAttributes(cudaStream_t dst, cudaStream_t src);
cudaError_t cudaStreamGetAttribute(cudaStream_t hStream, cudaStreamAttrID attr, cudaStreamAttrValue *value_out);
cudaError_t cudaStreamSetAttribute(cudaStream_t hStream, cudaStreamAttrID attr, const cudaStreamAttrValue *value);
__CU2SYCL_RT_HD cudaError_t cudaStreamDestroy(cudaStream_t stream);
__CU2SYCL_RT_HD cudaError_t cudaStreamWaitEvent(cudaStream_t stream, cudaEvent_t event, unsigned int flags = 0);
cudaError_t cudaStreamAddCallback(cudaStream_t stream, cudaStreamCallback_t callback, void *userData, unsigned int flags);
cudaError_t cudaStreamSynchronize(cudaStream_t stream);
cudaError_t cudaStreamQuery(cudaStream_t stream);
cudaError_t cudaStreamAttachMemAsync(cudaStream_t stream, void *devPtr, size_t length = 0, unsigned int flags = cudaMemAttachSingle);
cudaError_t cudaStreamBeginCapture(cudaStream_t stream, enum cudaStreamCaptureMode mode);
cudaError_t cudaThreadExchangeStreamCaptureMode(enum cudaStreamCaptureMode *mode);
cudaError_t cudaStreamEndCapture(cudaStream_t stream, cudaGraph_t *pGraph);
cudaError_t cudaStreamIsCapturing(cudaStream_t stream, enum cudaStreamCaptureStatus *pCaptureStatus);
cudaError_t cudaStreamGetCaptureInfo(cudaStream_t stream, enum cudaStreamCaptureStatus *captureStatus_out,
                                     unsigned long long *id_out = 0, cudaGraph_t *graph_out = 0,
                                     const cudaGraphNode_t **dependencies_out = 0, size_t *numDependencies_out = 0);
cudaError_t cudaStreamGetCaptureInfo_v3(cudaStream_t stream, enum cudaStreamCaptureStatus *captureStatus_out,
                                        unsigned long long *id_out = 0, cudaGraph_t *graph_out = 0,
                                        const cudaGraphNode_t **dependencies_out = 0,
                                        const cudaGraphEdgeData **edgeData_out = 0,
                                        size_t *numDependencies_out = 0);
cudaError_t cudaStreamBeginCaptureToGraph(cudaStream_t stream, cudaGraph_t graph,
                                          const cudaGraphNode_t *dependencies,
                                          const cudaGraphEdgeData *dependencyData, size_t numDependencies,
                                          enum cudaStreamCaptureMode mode);
cudaError_t cudaStreamUpdateCaptureDependencies(cudaStream_t stream, cudaGraphNode_t *dependencies,
                                                size_t numDependencies, unsigned int flags = 0);
cudaError_t cudaStreamUpdateCaptureDependencies_v2(cudaStream_t stream, cudaGraphNode_t *dependencies,
                                                   const cudaGraphEdgeData *dependencyData, size_t numDependencies,
                                                   unsigned int flags = 0);
cudaError_t cudaLaunchHostFunc(cudaStream_t stream, cudaHostFn_t fn, void *userData);

/* ---- 5.4 Events -------------------------------------------------------------- */
cudaError_t cudaEventCreate(cudaEvent_t *event);
__CU2SYCL_RT_HD cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event, unsigned int flags);
__CU2SYCL_RT_HD cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream = 0);
cudaError_t cudaEventRecordWithFlags(cudaEvent_t event, cudaStream_t stream = 0, unsigned int flags = 0);
cudaError_t cudaEventQuery(cudaEvent_t event);
cudaError_t cudaEventSynchronize(cudaEvent_t event);
__CU2SYCL_RT_HD cudaError_t cudaEventDestroy(cudaEvent_t event);
cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end);

/* ---- 5.5 Execution control ------------------------------------------------- */
cudaError_t cudaFuncSetCacheConfig(const void *func, enum cudaFuncCache cacheConfig);
cudaError_t cudaFuncSetSharedMemConfig(const void *func, enum cudaSharedMemConfig config);
__CU2SYCL_RT_HD cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr, const void *func);
cudaError_t cudaFuncSetAttribute(const void *func, enum cudaFuncAttribute attr, int value);
cudaError_t cudaFuncGetName(const char **name, const void *func);
cudaError_t cudaLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args, size_t sharedMem,
                             cudaStream_t stream);
cudaError_t cudaLaunchKernelExC(const cudaLaunchConfig_t *config, const void *func, void **args);
cudaError_t cudaLaunchCooperativeKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                                        size_t sharedMem, cudaStream_t stream);
cudaError_t cudaLaunchCooperativeKernelMultiDevice(struct cudaLaunchParams *launchParamsList, unsigned int numDevices,
                                                   unsigned int flags = 0);
cudaError_t cudaSetDoubleForDevice(double *d);
cudaError_t cudaSetDoubleForHost(double *d);

/* ---- 5.6 Occupancy ----------------------------------------------------------- */
__CU2SYCL_RT_HD cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, const void *func,
                                                                          int blockSize, size_t dynamicSMemSize);
__CU2SYCL_RT_HD cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, const void *func,
                                                                                   int blockSize,
                                                                                   size_t dynamicSMemSize,
                                                                                   unsigned int flags);
cudaError_t cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, const void *func, int numBlocks,
                                                      int blockSize);

/* ---- 5.7 Memory management --------------------------------------------------- */
__CU2SYCL_RT_HD cudaError_t cudaMalloc(void **devPtr, size_t size);
cudaError_t cudaMallocManaged(void **devPtr, size_t size, unsigned int flags = cudaMemAttachGlobal);
cudaError_t cudaMallocHost(void **ptr, size_t size);
cudaError_t cudaMallocPitch(void **devPtr, size_t *pitch, size_t width, size_t height);
cudaError_t cudaMallocArray(cudaArray_t *array, const struct cudaChannelFormatDesc *desc, size_t width,
                            size_t height = 0, unsigned int flags = 0);
cudaError_t cudaMalloc3D(struct cudaPitchedPtr *pitchedDevPtr, struct cudaExtent extent);
cudaError_t cudaMalloc3DArray(cudaArray_t *array, const struct cudaChannelFormatDesc *desc, struct cudaExtent extent,
                              unsigned int flags = 0);
cudaError_t cudaMallocMipmappedArray(cudaMipmappedArray_t *mipmappedArray, const struct cudaChannelFormatDesc *desc,
                                     struct cudaExtent extent, unsigned int numLevels, unsigned int flags = 0);
cudaError_t cudaGetMipmappedArrayLevel(cudaArray_t *levelArray, cudaMipmappedArray_const_t mipmappedArray,
                                       unsigned int level);
__CU2SYCL_RT_HD cudaError_t cudaFree(void *devPtr);
cudaError_t cudaFreeHost(void *ptr);
cudaError_t cudaFreeArray(cudaArray_t array);
cudaError_t cudaFreeMipmappedArray(cudaMipmappedArray_t mipmappedArray);
cudaError_t cudaHostAlloc(void **pHost, size_t size, unsigned int flags);
cudaError_t cudaHostRegister(void *ptr, size_t size, unsigned int flags);
cudaError_t cudaHostUnregister(void *ptr);
cudaError_t cudaHostGetDevicePointer(void **pDevice, void *pHost, unsigned int flags);
cudaError_t cudaHostGetFlags(unsigned int *pFlags, void *pHost);
cudaError_t cudaMemGetInfo(size_t *free, size_t *total);
cudaError_t cudaArrayGetInfo(struct cudaChannelFormatDesc *desc, struct cudaExtent *extent, unsigned int *flags,
                             cudaArray_t array);

cudaError_t cudaMemcpy(void *dst, const void *src, size_t count, enum cudaMemcpyKind kind);
cudaError_t cudaMemcpyPeer(void *dst, int dstDevice, const void *src, int srcDevice, size_t count);
cudaError_t cudaMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width, size_t height,
                         enum cudaMemcpyKind kind);
cudaError_t cudaMemcpy2DToArray(cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src, size_t spitch,
                                size_t width, size_t height, enum cudaMemcpyKind kind);
cudaError_t cudaMemcpy2DFromArray(void *dst, size_t dpitch, cudaArray_const_t src, size_t wOffset, size_t hOffset,
                                  size_t width, size_t height, enum cudaMemcpyKind kind);
cudaError_t cudaMemcpy2DArrayToArray(cudaArray_t dst, size_t wOffsetDst, size_t hOffsetDst, cudaArray_const_t src,
                                     size_t wOffsetSrc, size_t hOffsetSrc, size_t width, size_t height,
                                     enum cudaMemcpyKind kind = cudaMemcpyDeviceToDevice);
cudaError_t cudaMemcpy3D(const struct cudaMemcpy3DParms *p);
cudaError_t cudaMemcpy3DPeer(const struct cudaMemcpy3DPeerParms *p);
cudaError_t cudaMemcpyToSymbol(const void *symbol, const void *src, size_t count, size_t offset = 0,
                               enum cudaMemcpyKind kind = cudaMemcpyHostToDevice);
cudaError_t cudaMemcpyFromSymbol(void *dst, const void *symbol, size_t count, size_t offset = 0,
                                 enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost);
__CU2SYCL_RT_HD cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t count, enum cudaMemcpyKind kind,
                                            cudaStream_t stream = 0);
cudaError_t cudaMemcpyPeerAsync(void *dst, int dstDevice, const void *src, int srcDevice, size_t count,
                                cudaStream_t stream = 0);
__CU2SYCL_RT_HD cudaError_t cudaMemcpy2DAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                                              size_t height, enum cudaMemcpyKind kind, cudaStream_t stream = 0);
cudaError_t cudaMemcpy2DToArrayAsync(cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src, size_t spitch,
                                     size_t width, size_t height, enum cudaMemcpyKind kind, cudaStream_t stream = 0);
cudaError_t cudaMemcpy2DFromArrayAsync(void *dst, size_t dpitch, cudaArray_const_t src, size_t wOffset,
                                       size_t hOffset, size_t width, size_t height, enum cudaMemcpyKind kind,
                                       cudaStream_t stream = 0);
__CU2SYCL_RT_HD cudaError_t cudaMemcpy3DAsync(const struct cudaMemcpy3DParms *p, cudaStream_t stream = 0);
cudaError_t cudaMemcpy3DPeerAsync(const struct cudaMemcpy3DPeerParms *p, cudaStream_t stream = 0);
cudaError_t cudaMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count, size_t offset,
                                    enum cudaMemcpyKind kind, cudaStream_t stream = 0);
cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count, size_t offset,
                                      enum cudaMemcpyKind kind, cudaStream_t stream = 0);
/* Deprecated 1D array copies. */
cudaError_t cudaMemcpyToArray(cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src, size_t count,
                              enum cudaMemcpyKind kind);
cudaError_t cudaMemcpyFromArray(void *dst, cudaArray_const_t src, size_t wOffset, size_t hOffset, size_t count,
                                enum cudaMemcpyKind kind);
cudaError_t cudaMemcpyArrayToArray(cudaArray_t dst, size_t wOffsetDst, size_t hOffsetDst, cudaArray_const_t src,
                                   size_t wOffsetSrc, size_t hOffsetSrc, size_t count,
                                   enum cudaMemcpyKind kind = cudaMemcpyDeviceToDevice);
cudaError_t cudaMemcpyToArrayAsync(cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src, size_t count,
                                   enum cudaMemcpyKind kind, cudaStream_t stream = 0);
cudaError_t cudaMemcpyFromArrayAsync(void *dst, cudaArray_const_t src, size_t wOffset, size_t hOffset, size_t count,
                                     enum cudaMemcpyKind kind, cudaStream_t stream = 0);

cudaError_t cudaMemset(void *devPtr, int value, size_t count);
cudaError_t cudaMemset2D(void *devPtr, size_t pitch, int value, size_t width, size_t height);
cudaError_t cudaMemset3D(struct cudaPitchedPtr pitchedDevPtr, int value, struct cudaExtent extent);
__CU2SYCL_RT_HD cudaError_t cudaMemsetAsync(void *devPtr, int value, size_t count, cudaStream_t stream = 0);
__CU2SYCL_RT_HD cudaError_t cudaMemset2DAsync(void *devPtr, size_t pitch, int value, size_t width, size_t height,
                                              cudaStream_t stream = 0);
__CU2SYCL_RT_HD cudaError_t cudaMemset3DAsync(struct cudaPitchedPtr pitchedDevPtr, int value,
                                              struct cudaExtent extent, cudaStream_t stream = 0);

cudaError_t cudaGetSymbolAddress(void **devPtr, const void *symbol);
cudaError_t cudaGetSymbolSize(size_t *size, const void *symbol);

cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count, int dstDevice, cudaStream_t stream = 0);
cudaError_t cudaMemPrefetchAsync_v2(const void *devPtr, size_t count, struct cudaMemLocation location,
                                    unsigned int flags, cudaStream_t stream = 0);
cudaError_t cudaMemAdvise(const void *devPtr, size_t count, enum cudaMemoryAdvise advice, int device);
cudaError_t cudaMemAdvise_v2(const void *devPtr, size_t count, enum cudaMemoryAdvise advice,
                             struct cudaMemLocation location);
cudaError_t cudaMemRangeGetAttribute(void *data, size_t dataSize, enum cudaMemRangeAttribute attribute,
                                     const void *devPtr, size_t count);

/* Stream-ordered allocation. */
cudaError_t cudaMallocAsync(void **devPtr, size_t size, cudaStream_t hStream);
cudaError_t cudaFreeAsync(void *devPtr, cudaStream_t hStream);
cudaError_t cudaMallocFromPoolAsync(void **ptr, size_t size, cudaMemPool_t memPool, cudaStream_t stream);
cudaError_t cudaMemPoolTrimTo(cudaMemPool_t memPool, size_t minBytesToKeep);
cudaError_t cudaMemPoolSetAttribute(cudaMemPool_t memPool, enum cudaMemPoolAttr attr, void *value);
cudaError_t cudaMemPoolGetAttribute(cudaMemPool_t memPool, enum cudaMemPoolAttr attr, void *value);
cudaError_t cudaMemPoolCreate(cudaMemPool_t *memPool, const struct cudaMemPoolProps *poolProps);
cudaError_t cudaMemPoolDestroy(cudaMemPool_t memPool);
cudaError_t cudaMemPoolSetAccess(cudaMemPool_t memPool, const struct cudaMemAccessDesc *descList, size_t count);
cudaError_t cudaMemPoolGetAccess(enum cudaMemAccessFlags *flags, cudaMemPool_t memPool,
                                 struct cudaMemLocation *location);
cudaError_t cudaMemPoolExportToShareableHandle(void *shareableHandle, cudaMemPool_t memPool,
                                               enum cudaMemAllocationHandleType handleType, unsigned int flags);
cudaError_t cudaMemPoolImportFromShareableHandle(cudaMemPool_t *memPool, void *shareableHandle,
                                                 enum cudaMemAllocationHandleType handleType, unsigned int flags);
cudaError_t cudaMemPoolExportPointer(struct cudaMemPoolPtrExportData *exportData, void *ptr);
cudaError_t cudaMemPoolImportPointer(void **ptr, cudaMemPool_t memPool, struct cudaMemPoolPtrExportData *exportData);

/* ---- 5.8 Unified addressing and peer access ---------------------------------- */
cudaError_t cudaPointerGetAttributes(struct cudaPointerAttributes *attributes, const void *ptr);
cudaError_t cudaDeviceCanAccessPeer(int *canAccessPeer, int device, int peerDevice);
cudaError_t cudaDeviceEnablePeerAccess(int peerDevice, unsigned int flags);
cudaError_t cudaDeviceDisablePeerAccess(int peerDevice);

/* ---- 5.9 Graphics interoperability (API-independent part) --------------------- */
cudaError_t cudaGraphicsUnregisterResource(cudaGraphicsResource_t resource);
cudaError_t cudaGraphicsResourceSetMapFlags(cudaGraphicsResource_t resource, unsigned int flags);
cudaError_t cudaGraphicsMapResources(int count, cudaGraphicsResource_t *resources, cudaStream_t stream = 0);
cudaError_t cudaGraphicsUnmapResources(int count, cudaGraphicsResource_t *resources, cudaStream_t stream = 0);
cudaError_t cudaGraphicsResourceGetMappedPointer(void **devPtr, size_t *size, cudaGraphicsResource_t resource);
cudaError_t cudaGraphicsSubResourceGetMappedArray(cudaArray_t *array, cudaGraphicsResource_t resource,
                                                  unsigned int arrayIndex, unsigned int mipLevel);

/* ---- 5.10 Texture and surface objects ----------------------------------------- */
cudaError_t cudaGetChannelDesc(struct cudaChannelFormatDesc *desc, cudaArray_const_t array);
struct cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w, enum cudaChannelFormatKind f);
cudaError_t cudaCreateTextureObject(cudaTextureObject_t *pTexObject, const struct cudaResourceDesc *pResDesc,
                                    const struct cudaTextureDesc *pTexDesc,
                                    const struct cudaResourceViewDesc *pResViewDesc);
cudaError_t cudaDestroyTextureObject(cudaTextureObject_t texObject);
cudaError_t cudaGetTextureObjectResourceDesc(struct cudaResourceDesc *pResDesc, cudaTextureObject_t texObject);
cudaError_t cudaGetTextureObjectTextureDesc(struct cudaTextureDesc *pTexDesc, cudaTextureObject_t texObject);
cudaError_t cudaGetTextureObjectResourceViewDesc(struct cudaResourceViewDesc *pResViewDesc,
                                                 cudaTextureObject_t texObject);
cudaError_t cudaCreateSurfaceObject(cudaSurfaceObject_t *pSurfObject, const struct cudaResourceDesc *pResDesc);
cudaError_t cudaDestroySurfaceObject(cudaSurfaceObject_t surfObject);
cudaError_t cudaGetSurfaceObjectResourceDesc(struct cudaResourceDesc *pResDesc, cudaSurfaceObject_t surfObject);

/* ---- 5.11 Graphs ------------------------------------------------------------------ */
cudaError_t cudaGraphCreate(cudaGraph_t *pGraph, unsigned int flags);
cudaError_t cudaGraphDestroy(cudaGraph_t graph);
cudaError_t cudaGraphClone(cudaGraph_t *pGraphClone, cudaGraph_t originalGraph);
cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph, unsigned long long flags = 0);
cudaError_t cudaGraphInstantiateWithFlags(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                          unsigned long long flags = 0);
cudaError_t cudaGraphLaunch(cudaGraphExec_t graphExec, cudaStream_t stream);
cudaError_t cudaGraphUpload(cudaGraphExec_t graphExec, cudaStream_t stream);
cudaError_t cudaGraphExecDestroy(cudaGraphExec_t graphExec);
cudaError_t cudaGraphExecUpdate(cudaGraphExec_t hGraphExec, cudaGraph_t hGraph,
                                cudaGraphExecUpdateResultInfo *resultInfo);
cudaError_t cudaGraphAddKernelNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                   const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                   const struct cudaKernelNodeParams *pNodeParams);
cudaError_t cudaGraphKernelNodeGetParams(cudaGraphNode_t node, struct cudaKernelNodeParams *pNodeParams);
cudaError_t cudaGraphKernelNodeSetParams(cudaGraphNode_t node, const struct cudaKernelNodeParams *pNodeParams);
cudaError_t cudaGraphExecKernelNodeSetParams(cudaGraphExec_t hGraphExec, cudaGraphNode_t node,
                                             const struct cudaKernelNodeParams *pNodeParams);
cudaError_t cudaGraphAddMemcpyNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                   const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                   const struct cudaMemcpy3DParms *pCopyParams);
cudaError_t cudaGraphAddMemcpyNode1D(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                     const cudaGraphNode_t *pDependencies, size_t numDependencies, void *dst,
                                     const void *src, size_t count, enum cudaMemcpyKind kind);
cudaError_t cudaGraphAddMemsetNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                   const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                   const struct cudaMemsetParams *pMemsetParams);
cudaError_t cudaGraphAddHostNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                 const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                 const struct cudaHostNodeParams *pNodeParams);
cudaError_t cudaGraphAddChildGraphNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                       const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                       cudaGraph_t childGraph);
cudaError_t cudaGraphAddEmptyNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                  const cudaGraphNode_t *pDependencies, size_t numDependencies);
cudaError_t cudaGraphAddEventRecordNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                        const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                        cudaEvent_t event);
cudaError_t cudaGraphAddEventWaitNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                      const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                      cudaEvent_t event);
cudaError_t cudaGraphAddDependencies(cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
                                     size_t numDependencies);
cudaError_t cudaGraphRemoveDependencies(cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
                                        size_t numDependencies);
cudaError_t cudaGraphGetNodes(cudaGraph_t graph, cudaGraphNode_t *nodes, size_t *numNodes);
cudaError_t cudaGraphGetRootNodes(cudaGraph_t graph, cudaGraphNode_t *pRootNodes, size_t *pNumRootNodes);
cudaError_t cudaGraphNodeGetType(cudaGraphNode_t node, enum cudaGraphNodeType *pType);
cudaError_t cudaGraphDestroyNode(cudaGraphNode_t node);
cudaError_t cudaGraphDebugDotPrint(cudaGraph_t graph, const char *path, unsigned int flags);
cudaError_t cudaGraphAddMemAllocNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                     const cudaGraphNode_t *pDependencies, size_t numDependencies,
                                     struct cudaMemAllocNodeParams *nodeParams);
cudaError_t cudaGraphAddMemFreeNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                    const cudaGraphNode_t *pDependencies, size_t numDependencies, void *dptr);
cudaError_t cudaGraphAddNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph, const cudaGraphNode_t *pDependencies,
                             size_t numDependencies, struct cudaGraphNodeParams *nodeParams);
cudaError_t cudaGraphAddNode_v2(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                const cudaGraphNode_t *pDependencies, const cudaGraphEdgeData *dependencyData,
                                size_t numDependencies, struct cudaGraphNodeParams *nodeParams);
cudaError_t cudaGraphConditionalHandleCreate(cudaGraphConditionalHandle *pHandle_out, cudaGraph_t graph,
                                             unsigned int defaultLaunchValue = 0, unsigned int flags = 0);
cudaError_t cudaDeviceGraphMemTrim(int device);
cudaError_t cudaDeviceGetGraphMemAttribute(int device, enum cudaGraphMemAttributeType attr, void *value);
cudaError_t cudaDeviceSetGraphMemAttribute(int device, enum cudaGraphMemAttributeType attr, void *value);
/* Sets a conditional node's value from device code. */
__device__ void cudaGraphSetConditional(cudaGraphConditionalHandle handle, unsigned int value);

/* ---- 5.12 Versions, profiler, entry points ------------------------------------- */
cudaError_t cudaDriverGetVersion(int *driverVersion);
__CU2SYCL_RT_HD cudaError_t cudaRuntimeGetVersion(int *runtimeVersion);
cudaError_t cudaProfilerStart(void);
cudaError_t cudaProfilerStop(void);
cudaError_t cudaGetDriverEntryPoint(const char *symbol, void **funcPtr, unsigned long long flags,
                                    enum cudaDriverEntryPointQueryResult *driverStatus = 0);
cudaError_t cudaGetFuncBySymbol(cudaFunction_t *functionPtr, const void *symbolPtr);

} /* extern "C" */

/* ========================================================================== */
/* 6. Runtime API C++ conveniences                                             */
/* ========================================================================== */
/* The real cuda_runtime.h adds these C++ overloads so that typed pointers and
 * kernels can be passed without casts, e.g. cudaMalloc(&float_ptr, bytes). */

/* Constructors of the 3D-copy structures (driver_functions.h). */
static inline __CU2SYCL_HD struct cudaPitchedPtr make_cudaPitchedPtr(void *d, size_t p, size_t xsz, size_t ysz) {
  struct cudaPitchedPtr s;
  s.ptr = d;
  s.pitch = p;
  s.xsize = xsz;
  s.ysize = ysz;
  return s;
}

static inline __CU2SYCL_HD struct cudaPos make_cudaPos(size_t x, size_t y, size_t z) {
  struct cudaPos p;
  p.x = x;
  p.y = y;
  p.z = z;
  return p;
}

static inline __CU2SYCL_HD struct cudaExtent make_cudaExtent(size_t w, size_t h, size_t d) {
  struct cudaExtent e;
  e.width = w;
  e.height = h;
  e.depth = d;
  return e;
}

static inline cudaError_t cudaEventCreate(cudaEvent_t *event, unsigned int flags) {
  return ::cudaEventCreateWithFlags(event, flags);
}

static inline cudaError_t cudaMallocHost(void **ptr, size_t size, unsigned int flags) {
  return ::cudaHostAlloc(ptr, size, flags);
}

/* CUDA 11 signatures that CUDA 12 code bases still use. */
static inline cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                               cudaGraphNode_t *pErrorNode, char *pLogBuffer, size_t bufferSize) {
  (void)pErrorNode;
  (void)pLogBuffer;
  (void)bufferSize;
  return ::cudaGraphInstantiate(pGraphExec, graph, 0ULL);
}
cudaError_t cudaGraphExecUpdate(cudaGraphExec_t hGraphExec, cudaGraph_t hGraph, cudaGraphNode_t *hErrorNode_out,
                                enum cudaGraphExecUpdateResult *updateResult_out);

/* CUDA 13 signatures (a cudaMemLocation instead of a device number), which
 * newer code already uses. */
static inline cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count, struct cudaMemLocation location,
                                               unsigned int flags, cudaStream_t stream = 0) {
  return ::cudaMemPrefetchAsync_v2(devPtr, count, location, flags, stream);
}
static inline cudaError_t cudaMemAdvise(const void *devPtr, size_t count, enum cudaMemoryAdvise advice,
                                        struct cudaMemLocation location) {
  return ::cudaMemAdvise_v2(devPtr, count, advice, location);
}
static inline cudaError_t cudaGraphAddNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                           const cudaGraphNode_t *pDependencies,
                                           const cudaGraphEdgeData *dependencyData, size_t numDependencies,
                                           struct cudaGraphNodeParams *nodeParams) {
  return ::cudaGraphAddNode_v2(pGraphNode, graph, pDependencies, dependencyData, numDependencies, nodeParams);
}
static inline cudaError_t cudaStreamGetCaptureInfo(cudaStream_t stream,
                                                   enum cudaStreamCaptureStatus *captureStatus_out,
                                                   unsigned long long *id_out, cudaGraph_t *graph_out,
                                                   const cudaGraphNode_t **dependencies_out,
                                                   const cudaGraphEdgeData **edgeData_out,
                                                   size_t *numDependencies_out) {
  return ::cudaStreamGetCaptureInfo_v3(stream, captureStatus_out, id_out, graph_out, dependencies_out, edgeData_out,
                                       numDependencies_out);
}
static inline cudaError_t cudaStreamUpdateCaptureDependencies(cudaStream_t stream, cudaGraphNode_t *dependencies,
                                                              const cudaGraphEdgeData *dependencyData,
                                                              size_t numDependencies, unsigned int flags = 0) {
  return ::cudaStreamUpdateCaptureDependencies_v2(stream, dependencies, dependencyData, numDependencies, flags);
}

template <class T>
static inline __CU2SYCL_HD cudaError_t cudaMalloc(T **devPtr, size_t size) {
  return ::cudaMalloc((void **)(void *)devPtr, size);
}

template <class T>
static inline cudaError_t cudaMallocHost(T **ptr, size_t size, unsigned int flags = 0) {
  return ::cudaMallocHost((void **)(void *)ptr, size, flags);
}

template <class T>
static inline cudaError_t cudaHostAlloc(T **ptr, size_t size, unsigned int flags) {
  return ::cudaHostAlloc((void **)(void *)ptr, size, flags);
}

template <class T>
static inline cudaError_t cudaHostGetDevicePointer(T **pDevice, void *pHost, unsigned int flags) {
  return ::cudaHostGetDevicePointer((void **)(void *)pDevice, pHost, flags);
}

template <class T>
static inline cudaError_t cudaMallocManaged(T **devPtr, size_t size, unsigned int flags = cudaMemAttachGlobal) {
  return ::cudaMallocManaged((void **)(void *)devPtr, size, flags);
}

template <class T>
static inline cudaError_t cudaMallocPitch(T **devPtr, size_t *pitch, size_t width, size_t height) {
  return ::cudaMallocPitch((void **)(void *)devPtr, pitch, width, height);
}

template <class T>
static inline cudaError_t cudaMallocAsync(T **ptr, size_t size, cudaStream_t stream) {
  return ::cudaMallocAsync((void **)(void *)ptr, size, stream);
}

template <class T>
static inline cudaError_t cudaMallocAsync(T **ptr, size_t size, cudaMemPool_t memPool, cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync((void **)(void *)ptr, size, memPool, stream);
}

template <class T>
static inline cudaError_t cudaMallocFromPoolAsync(T **ptr, size_t size, cudaMemPool_t memPool, cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync((void **)(void *)ptr, size, memPool, stream);
}

template <class T>
static inline cudaError_t cudaStreamAttachMemAsync(cudaStream_t stream, T *devPtr, size_t length = 0,
                                                   unsigned int flags = cudaMemAttachSingle) {
  return ::cudaStreamAttachMemAsync(stream, (void *)devPtr, length, flags);
}

template <class T>
static inline cudaError_t cudaMemcpyToSymbol(const T &symbol, const void *src, size_t count, size_t offset = 0,
                                             enum cudaMemcpyKind kind = cudaMemcpyHostToDevice) {
  return ::cudaMemcpyToSymbol((const void *)&symbol, src, count, offset, kind);
}

template <class T>
static inline cudaError_t cudaMemcpyToSymbolAsync(const T &symbol, const void *src, size_t count, size_t offset = 0,
                                                  enum cudaMemcpyKind kind = cudaMemcpyHostToDevice,
                                                  cudaStream_t stream = 0) {
  return ::cudaMemcpyToSymbolAsync((const void *)&symbol, src, count, offset, kind, stream);
}

template <class T>
static inline cudaError_t cudaMemcpyFromSymbol(void *dst, const T &symbol, size_t count, size_t offset = 0,
                                               enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost) {
  return ::cudaMemcpyFromSymbol(dst, (const void *)&symbol, count, offset, kind);
}

template <class T>
static inline cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const T &symbol, size_t count, size_t offset = 0,
                                                    enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost,
                                                    cudaStream_t stream = 0) {
  return ::cudaMemcpyFromSymbolAsync(dst, (const void *)&symbol, count, offset, kind, stream);
}

template <class T>
static inline cudaError_t cudaGetSymbolAddress(void **devPtr, const T &symbol) {
  return ::cudaGetSymbolAddress(devPtr, (const void *)&symbol);
}

template <class T>
static inline cudaError_t cudaGetSymbolSize(size_t *size, const T &symbol) {
  return ::cudaGetSymbolSize(size, (const void *)&symbol);
}

template <class T>
static inline cudaError_t cudaFuncSetCacheConfig(T *func, enum cudaFuncCache cacheConfig) {
  return ::cudaFuncSetCacheConfig((const void *)func, cacheConfig);
}

template <class T>
static inline cudaError_t cudaFuncSetSharedMemConfig(T *func, enum cudaSharedMemConfig config) {
  return ::cudaFuncSetSharedMemConfig((const void *)func, config);
}

template <class T>
static inline cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr, T *entry) {
  return ::cudaFuncGetAttributes(attr, (const void *)entry);
}

template <class T>
static inline cudaError_t cudaFuncSetAttribute(T *entry, enum cudaFuncAttribute attr, int value) {
  return ::cudaFuncSetAttribute((const void *)entry, attr, value);
}

template <class T>
static inline cudaError_t cudaLaunchKernel(T *func, dim3 grid, dim3 block, void **args, size_t sharedMem = 0,
                                           cudaStream_t stream = 0) {
  return ::cudaLaunchKernel((const void *)func, grid, block, args, sharedMem, stream);
}

template <class T>
static inline cudaError_t cudaLaunchCooperativeKernel(T *func, dim3 grid, dim3 block, void **args,
                                                      size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchCooperativeKernel((const void *)func, grid, block, args, sharedMem, stream);
}

/* cudaLaunchKernelEx(&config, kernel, args...) */
template <typename... ExpTypes, typename... ActTypes>
cudaError_t cudaLaunchKernelEx(const cudaLaunchConfig_t *config, void (*kernel)(ExpTypes...), ActTypes &&...args);

template <class T>
static inline cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, T func, int blockSize,
                                                                        size_t dynamicSMemSize) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(numBlocks, (const void *)func, blockSize,
                                                                  dynamicSMemSize, cudaOccupancyDefault);
}

template <class T>
static inline cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, T func,
                                                                                 int blockSize,
                                                                                 size_t dynamicSMemSize,
                                                                                 unsigned int flags) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(numBlocks, (const void *)func, blockSize,
                                                                  dynamicSMemSize, flags);
}

template <class T>
static inline cudaError_t cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, T func, int numBlocks,
                                                                    int blockSize) {
  return ::cudaOccupancyAvailableDynamicSMemPerBlock(dynamicSmemSize, (const void *)func, numBlocks, blockSize);
}

/* The real header implements these inline on top of the occupancy queries;
 * declarations are enough to parse and to migrate their calls. */
template <class T>
cudaError_t cudaOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize, T func, size_t dynamicSMemSize = 0,
                                               int blockSizeLimit = 0);

template <class T>
cudaError_t cudaOccupancyMaxPotentialBlockSizeWithFlags(int *minGridSize, int *blockSize, T func,
                                                        size_t dynamicSMemSize = 0, int blockSizeLimit = 0,
                                                        unsigned int flags = 0);

template <class T, class UnaryFunction>
cudaError_t cudaOccupancyMaxPotentialBlockSizeVariableSMem(int *minGridSize, int *blockSize, T func,
                                                           UnaryFunction blockSizeToDynamicSMemSize,
                                                           int blockSizeLimit = 0);

template <class T, class UnaryFunction>
cudaError_t cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(int *minGridSize, int *blockSize, T func,
                                                                    UnaryFunction blockSizeToDynamicSMemSize,
                                                                    int blockSizeLimit = 0, unsigned int flags = 0);

/* cudaCreateChannelDesc<T>(): the channel layout of an element type. */
template <class T>
inline cudaChannelFormatDesc cudaCreateChannelDesc(void) {
  return ::cudaCreateChannelDesc(0, 0, 0, 0, cudaChannelFormatKindNone);
}
#define __CU2SYCL_CHANNEL(T, X, Y, Z, W, KIND)                              \
  template <>                                                               \
  inline cudaChannelFormatDesc cudaCreateChannelDesc<T>(void) {             \
    return ::cudaCreateChannelDesc(X, Y, Z, W, KIND);                       \
  }
__CU2SYCL_CHANNEL(char, (int)sizeof(char) * 8, 0, 0, 0,
                  (char)-1 < 0 ? cudaChannelFormatKindSigned : cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(signed char, 8, 0, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(unsigned char, 8, 0, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(char1, 8, 0, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(uchar1, 8, 0, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(char2, 8, 8, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(uchar2, 8, 8, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(char4, 8, 8, 8, 8, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(uchar4, 8, 8, 8, 8, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(short, 16, 0, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(unsigned short, 16, 0, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(short1, 16, 0, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(ushort1, 16, 0, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(short2, 16, 16, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(ushort2, 16, 16, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(short4, 16, 16, 16, 16, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(ushort4, 16, 16, 16, 16, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(int, 32, 0, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(unsigned int, 32, 0, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(int1, 32, 0, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(uint1, 32, 0, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(int2, 32, 32, 0, 0, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(uint2, 32, 32, 0, 0, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(int4, 32, 32, 32, 32, cudaChannelFormatKindSigned)
__CU2SYCL_CHANNEL(uint4, 32, 32, 32, 32, cudaChannelFormatKindUnsigned)
__CU2SYCL_CHANNEL(float, 32, 0, 0, 0, cudaChannelFormatKindFloat)
__CU2SYCL_CHANNEL(float1, 32, 0, 0, 0, cudaChannelFormatKindFloat)
__CU2SYCL_CHANNEL(float2, 32, 32, 0, 0, cudaChannelFormatKindFloat)
__CU2SYCL_CHANNEL(float4, 32, 32, 32, 32, cudaChannelFormatKindFloat)
#undef __CU2SYCL_CHANNEL

/* ========================================================================== */
/* 7. Kernel launch support                                                    */
/* ========================================================================== */
/* clang turns kernel<<<grid, block, shmem, stream>>>(args) into a call of the
 * launch-configuration function before the kernel call. Which one it looks up
 * depends on the CUDA version it detects: cudaConfigureCall without an SDK
 * (this case), __cudaPushCallConfiguration for CUDA >= 9.2. Both are here.
 * They are __host__ __device__ so that device-side launches (dynamic
 * parallelism) also parse. */
extern "C" {
__CU2SYCL_RT_HD cudaError_t cudaConfigureCall(dim3 gridDim, dim3 blockDim, size_t sharedMem = 0,
                                              cudaStream_t stream = 0);
__CU2SYCL_RT_HD unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim, size_t sharedMem = 0,
                                                     cudaStream_t stream = 0);
cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim, size_t *sharedMem, void *stream);
}

/* ========================================================================== */
/* 8. Device: synchronization, fences, misc                                    */
/* ========================================================================== */
extern "C" {
__device__ void __syncthreads(void);
__device__ int __syncthreads_count(int predicate);
__device__ int __syncthreads_and(int predicate);
__device__ int __syncthreads_or(int predicate);
__device__ void __threadfence(void);
__device__ void __threadfence_block(void);
__device__ void __threadfence_system(void);
__device__ void __trap(void);
__device__ void __brkpt(void);
__device__ void __prof_trigger(int counter);
__device__ void __nanosleep(unsigned int ns);
__device__ long long clock64(void);
__device__ unsigned int __isGlobal(const void *ptr);
__device__ unsigned int __isShared(const void *ptr);
__device__ unsigned int __isConstant(const void *ptr);
__device__ unsigned int __isLocal(const void *ptr);
__device__ size_t __cvta_generic_to_global(const void *ptr);
__device__ size_t __cvta_generic_to_shared(const void *ptr);
__device__ size_t __cvta_generic_to_constant(const void *ptr);
__device__ size_t __cvta_generic_to_local(const void *ptr);
__device__ void *__cvta_global_to_generic(size_t rawbits);
__device__ void *__cvta_shared_to_generic(size_t rawbits);
__device__ void *__cvta_constant_to_generic(size_t rawbits);
__device__ void *__cvta_local_to_generic(size_t rawbits);
}

/* ========================================================================== */
/* 9. Device: atomics                                                          */
/* ========================================================================== */
/* Every operation exists in three scopes: device (atomicX), block
 * (atomicX_block) and system (atomicX_system). */
__device__ int atomicAdd(int *address, int val);
__device__ int atomicAdd_block(int *address, int val);
__device__ int atomicAdd_system(int *address, int val);
__device__ unsigned int atomicAdd(unsigned int *address, unsigned int val);
__device__ unsigned int atomicAdd_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicAdd_system(unsigned int *address, unsigned int val);
__device__ unsigned long long int atomicAdd(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicAdd_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicAdd_system(unsigned long long int *address, unsigned long long int val);
__device__ float atomicAdd(float *address, float val);
__device__ float atomicAdd_block(float *address, float val);
__device__ float atomicAdd_system(float *address, float val);
__device__ double atomicAdd(double *address, double val);
__device__ double atomicAdd_block(double *address, double val);
__device__ double atomicAdd_system(double *address, double val);

__device__ int atomicSub(int *address, int val);
__device__ int atomicSub_block(int *address, int val);
__device__ int atomicSub_system(int *address, int val);
__device__ unsigned int atomicSub(unsigned int *address, unsigned int val);
__device__ unsigned int atomicSub_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicSub_system(unsigned int *address, unsigned int val);

__device__ int atomicExch(int *address, int val);
__device__ int atomicExch_block(int *address, int val);
__device__ int atomicExch_system(int *address, int val);
__device__ unsigned int atomicExch(unsigned int *address, unsigned int val);
__device__ unsigned int atomicExch_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicExch_system(unsigned int *address, unsigned int val);
__device__ unsigned long long int atomicExch(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicExch_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicExch_system(unsigned long long int *address, unsigned long long int val);
__device__ float atomicExch(float *address, float val);
__device__ float atomicExch_block(float *address, float val);
__device__ float atomicExch_system(float *address, float val);

__device__ int atomicMin(int *address, int val);
__device__ int atomicMin_block(int *address, int val);
__device__ int atomicMin_system(int *address, int val);
__device__ unsigned int atomicMin(unsigned int *address, unsigned int val);
__device__ unsigned int atomicMin_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicMin_system(unsigned int *address, unsigned int val);
__device__ long long int atomicMin(long long int *address, long long int val);
__device__ long long int atomicMin_block(long long int *address, long long int val);
__device__ long long int atomicMin_system(long long int *address, long long int val);
__device__ unsigned long long int atomicMin(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicMin_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicMin_system(unsigned long long int *address, unsigned long long int val);

__device__ int atomicMax(int *address, int val);
__device__ int atomicMax_block(int *address, int val);
__device__ int atomicMax_system(int *address, int val);
__device__ unsigned int atomicMax(unsigned int *address, unsigned int val);
__device__ unsigned int atomicMax_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicMax_system(unsigned int *address, unsigned int val);
__device__ long long int atomicMax(long long int *address, long long int val);
__device__ long long int atomicMax_block(long long int *address, long long int val);
__device__ long long int atomicMax_system(long long int *address, long long int val);
__device__ unsigned long long int atomicMax(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicMax_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicMax_system(unsigned long long int *address, unsigned long long int val);

__device__ unsigned int atomicInc(unsigned int *address, unsigned int val);
__device__ unsigned int atomicInc_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicInc_system(unsigned int *address, unsigned int val);

__device__ unsigned int atomicDec(unsigned int *address, unsigned int val);
__device__ unsigned int atomicDec_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicDec_system(unsigned int *address, unsigned int val);

__device__ int atomicCAS(int *address, int compare, int val);
__device__ int atomicCAS_block(int *address, int compare, int val);
__device__ int atomicCAS_system(int *address, int compare, int val);
__device__ unsigned int atomicCAS(unsigned int *address, unsigned int compare, unsigned int val);
__device__ unsigned int atomicCAS_block(unsigned int *address, unsigned int compare, unsigned int val);
__device__ unsigned int atomicCAS_system(unsigned int *address, unsigned int compare, unsigned int val);
__device__ unsigned long long int atomicCAS(unsigned long long int *address, unsigned long long int compare, unsigned long long int val);
__device__ unsigned long long int atomicCAS_block(unsigned long long int *address, unsigned long long int compare, unsigned long long int val);
__device__ unsigned long long int atomicCAS_system(unsigned long long int *address, unsigned long long int compare, unsigned long long int val);
__device__ unsigned short int atomicCAS(unsigned short int *address, unsigned short int compare, unsigned short int val);
__device__ unsigned short int atomicCAS_block(unsigned short int *address, unsigned short int compare, unsigned short int val);
__device__ unsigned short int atomicCAS_system(unsigned short int *address, unsigned short int compare, unsigned short int val);

__device__ int atomicAnd(int *address, int val);
__device__ int atomicAnd_block(int *address, int val);
__device__ int atomicAnd_system(int *address, int val);
__device__ unsigned int atomicAnd(unsigned int *address, unsigned int val);
__device__ unsigned int atomicAnd_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicAnd_system(unsigned int *address, unsigned int val);
__device__ unsigned long long int atomicAnd(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicAnd_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicAnd_system(unsigned long long int *address, unsigned long long int val);

__device__ int atomicOr(int *address, int val);
__device__ int atomicOr_block(int *address, int val);
__device__ int atomicOr_system(int *address, int val);
__device__ unsigned int atomicOr(unsigned int *address, unsigned int val);
__device__ unsigned int atomicOr_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicOr_system(unsigned int *address, unsigned int val);
__device__ unsigned long long int atomicOr(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicOr_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicOr_system(unsigned long long int *address, unsigned long long int val);

__device__ int atomicXor(int *address, int val);
__device__ int atomicXor_block(int *address, int val);
__device__ int atomicXor_system(int *address, int val);
__device__ unsigned int atomicXor(unsigned int *address, unsigned int val);
__device__ unsigned int atomicXor_block(unsigned int *address, unsigned int val);
__device__ unsigned int atomicXor_system(unsigned int *address, unsigned int val);
__device__ unsigned long long int atomicXor(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicXor_block(unsigned long long int *address, unsigned long long int val);
__device__ unsigned long long int atomicXor_system(unsigned long long int *address, unsigned long long int val);

/* ========================================================================== */
/* 10. Device: warp-level primitives                                           */
/* ========================================================================== */
/* Shuffles, for every type CUDA provides them for. The width defaults to the
 * warp size (32). */
#define __CU2SYCL_SHUFFLES(T)                                                                  \
  __device__ T __shfl_sync(unsigned int mask, T var, int srcLane, int width = 32);             \
  __device__ T __shfl_up_sync(unsigned int mask, T var, unsigned int delta, int width = 32);   \
  __device__ T __shfl_down_sync(unsigned int mask, T var, unsigned int delta, int width = 32); \
  __device__ T __shfl_xor_sync(unsigned int mask, T var, int laneMask, int width = 32);        \
  __device__ T __shfl(T var, int srcLane, int width = 32);                                     \
  __device__ T __shfl_up(T var, unsigned int delta, int width = 32);                           \
  __device__ T __shfl_down(T var, unsigned int delta, int width = 32);                         \
  __device__ T __shfl_xor(T var, int laneMask, int width = 32);                                \
  __device__ unsigned int __match_any_sync(unsigned int mask, T value);                        \
  __device__ unsigned int __match_all_sync(unsigned int mask, T value, int *pred);

__CU2SYCL_SHUFFLES(int)
__CU2SYCL_SHUFFLES(unsigned int)
__CU2SYCL_SHUFFLES(long)
__CU2SYCL_SHUFFLES(unsigned long)
__CU2SYCL_SHUFFLES(long long)
__CU2SYCL_SHUFFLES(unsigned long long)
__CU2SYCL_SHUFFLES(float)
__CU2SYCL_SHUFFLES(double)
#undef __CU2SYCL_SHUFFLES

extern "C" {
__device__ void __syncwarp(unsigned int mask = 0xffffffffu);
__device__ unsigned int __activemask(void);
__device__ unsigned int __ballot_sync(unsigned int mask, int predicate);
__device__ int __any_sync(unsigned int mask, int predicate);
__device__ int __all_sync(unsigned int mask, int predicate);
__device__ int __uni_sync(unsigned int mask, int predicate);
/* Pre-Volta forms without a mask. */
__device__ unsigned int __ballot(int predicate);
__device__ int __any(int predicate);
__device__ int __all(int predicate);
/* Warp reductions (sm_80). */
__device__ unsigned int __reduce_and_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_or_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_xor_sync(unsigned int mask, unsigned int value);
}
__device__ unsigned int __reduce_add_sync(unsigned int mask, unsigned int value);
__device__ int __reduce_add_sync(unsigned int mask, int value);
__device__ unsigned int __reduce_min_sync(unsigned int mask, unsigned int value);
__device__ int __reduce_min_sync(unsigned int mask, int value);
__device__ unsigned int __reduce_max_sync(unsigned int mask, unsigned int value);
__device__ int __reduce_max_sync(unsigned int mask, int value);

/* ========================================================================== */
/* 11. Device: loads and stores with cache hints                               */
/* ========================================================================== */
/* __ldg (read-only cache) and the cache-operator loads/stores, for the
 * scalar and vector types CUDA lists. */
#define __CU2SYCL_LOADS(T)                              \
  __device__ T __ldg(const T *ptr);                     \
  __device__ T __ldcg(const T *ptr);                    \
  __device__ T __ldca(const T *ptr);                    \
  __device__ T __ldcs(const T *ptr);                    \
  __device__ T __ldlu(const T *ptr);                    \
  __device__ T __ldcv(const T *ptr);                    \
  __device__ void __stwb(T *ptr, T value);              \
  __device__ void __stcg(T *ptr, T value);              \
  __device__ void __stcs(T *ptr, T value);              \
  __device__ void __stwt(T *ptr, T value);

__CU2SYCL_LOADS(char)
__CU2SYCL_LOADS(signed char)
__CU2SYCL_LOADS(short)
__CU2SYCL_LOADS(int)
__CU2SYCL_LOADS(long)
__CU2SYCL_LOADS(long long)
__CU2SYCL_LOADS(unsigned char)
__CU2SYCL_LOADS(unsigned short)
__CU2SYCL_LOADS(unsigned int)
__CU2SYCL_LOADS(unsigned long)
__CU2SYCL_LOADS(unsigned long long)
__CU2SYCL_LOADS(float)
__CU2SYCL_LOADS(double)
__CU2SYCL_LOADS(char2)
__CU2SYCL_LOADS(char4)
__CU2SYCL_LOADS(short2)
__CU2SYCL_LOADS(short4)
__CU2SYCL_LOADS(int2)
__CU2SYCL_LOADS(int4)
__CU2SYCL_LOADS(longlong2)
__CU2SYCL_LOADS(uchar2)
__CU2SYCL_LOADS(uchar4)
__CU2SYCL_LOADS(ushort2)
__CU2SYCL_LOADS(ushort4)
__CU2SYCL_LOADS(uint2)
__CU2SYCL_LOADS(uint4)
__CU2SYCL_LOADS(ulonglong2)
__CU2SYCL_LOADS(float2)
__CU2SYCL_LOADS(float4)
__CU2SYCL_LOADS(double2)
#undef __CU2SYCL_LOADS

/* ========================================================================== */
/* 12. Device: integer intrinsics                                              */
/* ========================================================================== */
extern "C" {
__device__ int __popc(unsigned int x);
__device__ int __popcll(unsigned long long int x);
__device__ int __clz(int x);
__device__ int __clzll(long long int x);
__device__ int __ffs(int x);
__device__ int __ffsll(long long int x);
__device__ unsigned int __brev(unsigned int x);
__device__ unsigned long long int __brevll(unsigned long long int x);
__device__ unsigned int __fns(unsigned int mask, unsigned int base, int offset);
__device__ int __mul24(int x, int y);
__device__ unsigned int __umul24(unsigned int x, unsigned int y);
__device__ int __mulhi(int x, int y);
__device__ unsigned int __umulhi(unsigned int x, unsigned int y);
__device__ long long int __mul64hi(long long int x, long long int y);
__device__ unsigned long long int __umul64hi(unsigned long long int x, unsigned long long int y);
__device__ unsigned int __sad(int x, int y, unsigned int z);
__device__ unsigned int __usad(unsigned int x, unsigned int y, unsigned int z);
__device__ int __rhadd(int x, int y);
__device__ unsigned int __uhadd(unsigned int x, unsigned int y);
__device__ unsigned int __urhadd(unsigned int x, unsigned int y);
__device__ unsigned int __byte_perm(unsigned int x, unsigned int y, unsigned int s);
__device__ unsigned int __funnelshift_l(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ unsigned int __funnelshift_lc(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ unsigned int __funnelshift_r(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ unsigned int __funnelshift_rc(unsigned int lo, unsigned int hi, unsigned int shift);
__device__ int __dp2a_lo(int srcA, int srcB, int c);
__device__ int __dp2a_hi(int srcA, int srcB, int c);
}
/* __hadd(int, int) is overloaded with the half-precision __hadd. */
__device__ int __hadd(int x, int y);
__device__ int __dp4a(int srcA, int srcB, int c);
__device__ unsigned int __dp4a(unsigned int srcA, unsigned int srcB, unsigned int c);
__device__ int __dp4a(char4 srcA, char4 srcB, int c);
__device__ unsigned int __dp4a(uchar4 srcA, uchar4 srcB, unsigned int c);

/* SIMD video intrinsics on packed halfwords (2) and bytes (4). */
extern "C" {
__device__ unsigned int __vabs2(unsigned int a);
__device__ unsigned int __vabs4(unsigned int a);
__device__ unsigned int __vabsss2(unsigned int a);
__device__ unsigned int __vabsss4(unsigned int a);
__device__ unsigned int __vneg2(unsigned int a);
__device__ unsigned int __vneg4(unsigned int a);
__device__ unsigned int __vnegss2(unsigned int a);
__device__ unsigned int __vnegss4(unsigned int a);
__device__ unsigned int __vabsdiffs2(unsigned int a, unsigned int b);
__device__ unsigned int __vabsdiffs4(unsigned int a, unsigned int b);
__device__ unsigned int __vabsdiffu2(unsigned int a, unsigned int b);
__device__ unsigned int __vabsdiffu4(unsigned int a, unsigned int b);
__device__ unsigned int __vadd2(unsigned int a, unsigned int b);
__device__ unsigned int __vadd4(unsigned int a, unsigned int b);
__device__ unsigned int __vaddss2(unsigned int a, unsigned int b);
__device__ unsigned int __vaddss4(unsigned int a, unsigned int b);
__device__ unsigned int __vaddus2(unsigned int a, unsigned int b);
__device__ unsigned int __vaddus4(unsigned int a, unsigned int b);
__device__ unsigned int __vavgs2(unsigned int a, unsigned int b);
__device__ unsigned int __vavgs4(unsigned int a, unsigned int b);
__device__ unsigned int __vavgu2(unsigned int a, unsigned int b);
__device__ unsigned int __vavgu4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpeq2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpeq4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpges2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpges4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpgeu2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpgeu4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpgts2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpgts4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpgtu2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpgtu4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmples2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmples4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpleu2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpleu4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmplts2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmplts4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpltu2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpltu4(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpne2(unsigned int a, unsigned int b);
__device__ unsigned int __vcmpne4(unsigned int a, unsigned int b);
__device__ unsigned int __vhaddu2(unsigned int a, unsigned int b);
__device__ unsigned int __vhaddu4(unsigned int a, unsigned int b);
__device__ unsigned int __vmaxs2(unsigned int a, unsigned int b);
__device__ unsigned int __vmaxs4(unsigned int a, unsigned int b);
__device__ unsigned int __vmaxu2(unsigned int a, unsigned int b);
__device__ unsigned int __vmaxu4(unsigned int a, unsigned int b);
__device__ unsigned int __vmins2(unsigned int a, unsigned int b);
__device__ unsigned int __vmins4(unsigned int a, unsigned int b);
__device__ unsigned int __vminu2(unsigned int a, unsigned int b);
__device__ unsigned int __vminu4(unsigned int a, unsigned int b);
__device__ unsigned int __vsads2(unsigned int a, unsigned int b);
__device__ unsigned int __vsads4(unsigned int a, unsigned int b);
__device__ unsigned int __vsadu2(unsigned int a, unsigned int b);
__device__ unsigned int __vsadu4(unsigned int a, unsigned int b);
__device__ unsigned int __vseteq2(unsigned int a, unsigned int b);
__device__ unsigned int __vseteq4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetges2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetges4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetgeu2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetgeu4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetgts2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetgts4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetgtu2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetgtu4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetles2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetles4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetleu2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetleu4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetlts2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetlts4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetltu2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetltu4(unsigned int a, unsigned int b);
__device__ unsigned int __vsetne2(unsigned int a, unsigned int b);
__device__ unsigned int __vsetne4(unsigned int a, unsigned int b);
__device__ unsigned int __vsub2(unsigned int a, unsigned int b);
__device__ unsigned int __vsub4(unsigned int a, unsigned int b);
__device__ unsigned int __vsubss2(unsigned int a, unsigned int b);
__device__ unsigned int __vsubss4(unsigned int a, unsigned int b);
__device__ unsigned int __vsubus2(unsigned int a, unsigned int b);
__device__ unsigned int __vsubus4(unsigned int a, unsigned int b);
}

/* ========================================================================== */
/* 13. Device: floating-point intrinsics and conversions                       */
/* ========================================================================== */
/* Rounding suffixes: _rn nearest-even, _rz toward zero, _ru up, _rd down. */
extern "C" {
/* Fast approximate single-precision functions. */
__device__ float __expf(float x);
__device__ float __exp10f(float x);
__device__ float __logf(float x);
__device__ float __log2f(float x);
__device__ float __log10f(float x);
__device__ float __sinf(float x);
__device__ float __cosf(float x);
__device__ float __tanf(float x);
__device__ void __sincosf(float x, float *sptr, float *cptr);
__device__ float __powf(float x, float y);
__device__ float __fdividef(float x, float y);
__device__ float __saturatef(float x);

/* Correctly rounded arithmetic. */
__device__ float __fadd_rn(float x, float y);
__device__ float __fadd_rz(float x, float y);
__device__ float __fadd_ru(float x, float y);
__device__ float __fadd_rd(float x, float y);
__device__ float __fsub_rn(float x, float y);
__device__ float __fsub_rz(float x, float y);
__device__ float __fsub_ru(float x, float y);
__device__ float __fsub_rd(float x, float y);
__device__ float __fmul_rn(float x, float y);
__device__ float __fmul_rz(float x, float y);
__device__ float __fmul_ru(float x, float y);
__device__ float __fmul_rd(float x, float y);
__device__ float __fdiv_rn(float x, float y);
__device__ float __fdiv_rz(float x, float y);
__device__ float __fdiv_ru(float x, float y);
__device__ float __fdiv_rd(float x, float y);
__device__ float __fmaf_rn(float x, float y, float z);
__device__ float __fmaf_rz(float x, float y, float z);
__device__ float __fmaf_ru(float x, float y, float z);
__device__ float __fmaf_rd(float x, float y, float z);
__device__ float __frcp_rn(float x);
__device__ float __frcp_rz(float x);
__device__ float __frcp_ru(float x);
__device__ float __frcp_rd(float x);
__device__ float __fsqrt_rn(float x);
__device__ float __fsqrt_rz(float x);
__device__ float __fsqrt_ru(float x);
__device__ float __fsqrt_rd(float x);
__device__ float __fmaf_ieee_rn(float x, float y, float z);
__device__ float __fmaf_ieee_rz(float x, float y, float z);
__device__ float __fmaf_ieee_ru(float x, float y, float z);
__device__ float __fmaf_ieee_rd(float x, float y, float z);
__device__ float __frsqrt_rn(float x);
__device__ double __dadd_rn(double x, double y);
__device__ double __dadd_rz(double x, double y);
__device__ double __dadd_ru(double x, double y);
__device__ double __dadd_rd(double x, double y);
__device__ double __dsub_rn(double x, double y);
__device__ double __dsub_rz(double x, double y);
__device__ double __dsub_ru(double x, double y);
__device__ double __dsub_rd(double x, double y);
__device__ double __dmul_rn(double x, double y);
__device__ double __dmul_rz(double x, double y);
__device__ double __dmul_ru(double x, double y);
__device__ double __dmul_rd(double x, double y);
__device__ double __ddiv_rn(double x, double y);
__device__ double __ddiv_rz(double x, double y);
__device__ double __ddiv_ru(double x, double y);
__device__ double __ddiv_rd(double x, double y);
__device__ double __fma_rn(double x, double y, double z);
__device__ double __fma_rz(double x, double y, double z);
__device__ double __fma_ru(double x, double y, double z);
__device__ double __fma_rd(double x, double y, double z);
__device__ double __drcp_rn(double x);
__device__ double __drcp_rz(double x);
__device__ double __drcp_ru(double x);
__device__ double __drcp_rd(double x);
__device__ double __dsqrt_rn(double x);
__device__ double __dsqrt_rz(double x);
__device__ double __dsqrt_ru(double x);
__device__ double __dsqrt_rd(double x);

/* Conversions. */
__device__ int __float2int_rn(float x);
__device__ int __float2int_rz(float x);
__device__ int __float2int_ru(float x);
__device__ int __float2int_rd(float x);
__device__ unsigned int __float2uint_rn(float x);
__device__ unsigned int __float2uint_rz(float x);
__device__ unsigned int __float2uint_ru(float x);
__device__ unsigned int __float2uint_rd(float x);
__device__ long long int __float2ll_rn(float x);
__device__ long long int __float2ll_rz(float x);
__device__ long long int __float2ll_ru(float x);
__device__ long long int __float2ll_rd(float x);
__device__ unsigned long long int __float2ull_rn(float x);
__device__ unsigned long long int __float2ull_rz(float x);
__device__ unsigned long long int __float2ull_ru(float x);
__device__ unsigned long long int __float2ull_rd(float x);
__device__ float __int2float_rn(int x);
__device__ float __int2float_rz(int x);
__device__ float __int2float_ru(int x);
__device__ float __int2float_rd(int x);
__device__ float __uint2float_rn(unsigned int x);
__device__ float __uint2float_rz(unsigned int x);
__device__ float __uint2float_ru(unsigned int x);
__device__ float __uint2float_rd(unsigned int x);
__device__ float __ll2float_rn(long long int x);
__device__ float __ll2float_rz(long long int x);
__device__ float __ll2float_ru(long long int x);
__device__ float __ll2float_rd(long long int x);
__device__ float __ull2float_rn(unsigned long long int x);
__device__ float __ull2float_rz(unsigned long long int x);
__device__ float __ull2float_ru(unsigned long long int x);
__device__ float __ull2float_rd(unsigned long long int x);
__device__ int __double2int_rn(double x);
__device__ int __double2int_rz(double x);
__device__ int __double2int_ru(double x);
__device__ int __double2int_rd(double x);
__device__ unsigned int __double2uint_rn(double x);
__device__ unsigned int __double2uint_rz(double x);
__device__ unsigned int __double2uint_ru(double x);
__device__ unsigned int __double2uint_rd(double x);
__device__ long long int __double2ll_rn(double x);
__device__ long long int __double2ll_rz(double x);
__device__ long long int __double2ll_ru(double x);
__device__ long long int __double2ll_rd(double x);
__device__ unsigned long long int __double2ull_rn(double x);
__device__ unsigned long long int __double2ull_rz(double x);
__device__ unsigned long long int __double2ull_ru(double x);
__device__ unsigned long long int __double2ull_rd(double x);
__device__ float __double2float_rn(double x);
__device__ float __double2float_rz(double x);
__device__ float __double2float_ru(double x);
__device__ float __double2float_rd(double x);
__device__ double __ll2double_rn(long long int x);
__device__ double __ll2double_rz(long long int x);
__device__ double __ll2double_ru(long long int x);
__device__ double __ll2double_rd(long long int x);
__device__ double __ull2double_rn(unsigned long long int x);
__device__ double __ull2double_rz(unsigned long long int x);
__device__ double __ull2double_ru(unsigned long long int x);
__device__ double __ull2double_rd(unsigned long long int x);
__device__ double __int2double_rn(int x);
__device__ double __uint2double_rn(unsigned int x);

/* Reinterpretation of bits. */
__device__ int __float_as_int(float x);
__device__ float __int_as_float(int x);
__device__ unsigned int __float_as_uint(float x);
__device__ float __uint_as_float(unsigned int x);
__device__ long long int __double_as_longlong(double x);
__device__ double __longlong_as_double(long long int x);
__device__ int __double2hiint(double x);
__device__ int __double2loint(double x);
__device__ double __hiloint2double(int hi, int lo);

/* Classification. */
__device__ int __isnanf(float x);
__device__ int __isinff(float x);
__device__ int __finitef(float x);
__device__ int __isnan(double x);
__device__ int __isinf(double x);
__device__ int __finite(double x);
__device__ int __signbitf(float x);
__device__ int __signbit(double x);
}

/* ========================================================================== */
/* 14. Device: C library                                                       */
/* ========================================================================== */
/* The C library's functions are host functions; CUDA also lets device code
 * call these. Same names, same extern "C" linkage, __device__ target: clang
 * overloads them on the target, so device code picks these declarations.
 * (printf must be exactly this: clang accepts a variadic __device__ function
 * only for an extern "C" declaration of printf.) */
extern "C" {
__device__ int printf(const char *format, ...);
__device__ void *malloc(size_t size);
__device__ void free(void *ptr);
__device__ void *memcpy(void *dest, const void *src, size_t n);
__device__ void *memset(void *dest, int c, size_t n);
__device__ clock_t clock(void);
/* assert() in device code expands to a call of __assert_fail. */
__device__ void __assert_fail(const char *assertion, const char *file, unsigned int line,
                              const char *function) __attribute__((noreturn));
__device__ void __assertfail(const char *message, const char *file, unsigned int line, const char *function,
                             size_t charSize) __attribute__((noreturn));
}

/* ========================================================================== */
/* 15. Device: math library                                                    */
/* ========================================================================== */
/* The C math functions (float 'f' and double forms) as __device__ overloads
 * of the C library's host declarations. */
extern "C" {
__device__ float acosf(float x);
__device__ double acos(double x);
__device__ float acoshf(float x);
__device__ double acosh(double x);
__device__ float asinf(float x);
__device__ double asin(double x);
__device__ float asinhf(float x);
__device__ double asinh(double x);
__device__ float atanf(float x);
__device__ double atan(double x);
__device__ float atan2f(float x, float y);
__device__ double atan2(double x, double y);
__device__ float atanhf(float x);
__device__ double atanh(double x);
__device__ float cbrtf(float x);
__device__ double cbrt(double x);
__device__ float ceilf(float x);
__device__ double ceil(double x);
__device__ float copysignf(float x, float y);
__device__ double copysign(double x, double y);
__device__ float cosf(float x);
__device__ double cos(double x);
__device__ float coshf(float x);
__device__ double cosh(double x);
__device__ float cospif(float x);
__device__ double cospi(double x);
__device__ float cyl_bessel_i0f(float x);
__device__ double cyl_bessel_i0(double x);
__device__ float cyl_bessel_i1f(float x);
__device__ double cyl_bessel_i1(double x);
__device__ float erff(float x);
__device__ double erf(double x);
__device__ float erfcf(float x);
__device__ double erfc(double x);
__device__ float erfcinvf(float x);
__device__ double erfcinv(double x);
__device__ float erfcxf(float x);
__device__ double erfcx(double x);
__device__ float erfinvf(float x);
__device__ double erfinv(double x);
__device__ float expf(float x);
__device__ double exp(double x);
__device__ float exp10f(float x);
__device__ double exp10(double x);
__device__ float exp2f(float x);
__device__ double exp2(double x);
__device__ float expm1f(float x);
__device__ double expm1(double x);
__device__ float fabsf(float x);
__device__ double fabs(double x);
__device__ float fdimf(float x, float y);
__device__ double fdim(double x, double y);
__device__ float floorf(float x);
__device__ double floor(double x);
__device__ float fmaxf(float x, float y);
__device__ double fmax(double x, double y);
__device__ float fminf(float x, float y);
__device__ double fmin(double x, double y);
__device__ float fmodf(float x, float y);
__device__ double fmod(double x, double y);
__device__ float hypotf(float x, float y);
__device__ double hypot(double x, double y);
__device__ float j0f(float x);
__device__ double j0(double x);
__device__ float j1f(float x);
__device__ double j1(double x);
__device__ float lgammaf(float x);
__device__ double lgamma(double x);
__device__ float logf(float x);
__device__ double log(double x);
__device__ float log10f(float x);
__device__ double log10(double x);
__device__ float log1pf(float x);
__device__ double log1p(double x);
__device__ float log2f(float x);
__device__ double log2(double x);
__device__ float logbf(float x);
__device__ double logb(double x);
__device__ float nearbyintf(float x);
__device__ double nearbyint(double x);
__device__ float nextafterf(float x, float y);
__device__ double nextafter(double x, double y);
__device__ float normcdff(float x);
__device__ double normcdf(double x);
__device__ float normcdfinvf(float x);
__device__ double normcdfinv(double x);
__device__ float powf(float x, float y);
__device__ double pow(double x, double y);
__device__ float rcbrtf(float x);
__device__ double rcbrt(double x);
__device__ float remainderf(float x, float y);
__device__ double remainder(double x, double y);
__device__ float rhypotf(float x, float y);
__device__ double rhypot(double x, double y);
__device__ float rintf(float x);
__device__ double rint(double x);
__device__ float roundf(float x);
__device__ double round(double x);
__device__ float rsqrtf(float x);
__device__ double rsqrt(double x);
__device__ float sinf(float x);
__device__ double sin(double x);
__device__ float sinhf(float x);
__device__ double sinh(double x);
__device__ float sinpif(float x);
__device__ double sinpi(double x);
__device__ float sqrtf(float x);
__device__ double sqrt(double x);
__device__ float tanf(float x);
__device__ double tan(double x);
__device__ float tanhf(float x);
__device__ double tanh(double x);
__device__ float tgammaf(float x);
__device__ double tgamma(double x);
__device__ float truncf(float x);
__device__ double trunc(double x);
__device__ float y0f(float x);
__device__ double y0(double x);
__device__ float y1f(float x);
__device__ double y1(double x);

__device__ float fmaf(float x, float y, float z);
__device__ double fma(double x, double y, double z);
__device__ float frexpf(float x, int *nptr);
__device__ double frexp(double x, int *nptr);
__device__ float ldexpf(float x, int exp);
__device__ double ldexp(double x, int exp);
__device__ float modff(float x, float *iptr);
__device__ double modf(double x, double *iptr);
__device__ float remquof(float x, float y, int *quo);
__device__ double remquo(double x, double y, int *quo);
__device__ float scalbnf(float x, int n);
__device__ double scalbn(double x, int n);
__device__ float scalblnf(float x, long int n);
__device__ double scalbln(double x, long int n);
__device__ int ilogbf(float x);
__device__ int ilogb(double x);
__device__ long int lrintf(float x);
__device__ long int lrint(double x);
__device__ long long int llrintf(float x);
__device__ long long int llrint(double x);
__device__ long int lroundf(float x);
__device__ long int lround(double x);
__device__ long long int llroundf(float x);
__device__ long long int llround(double x);
__device__ float nanf(const char *tagp);
__device__ double nan(const char *tagp);
__device__ float jnf(int n, float x);
__device__ double jn(int n, double x);
__device__ float ynf(int n, float x);
__device__ double yn(int n, double x);
__device__ void sincosf(float x, float *sptr, float *cptr);
__device__ void sincos(double x, double *sptr, double *cptr);
__device__ void sincospif(float x, float *sptr, float *cptr);
__device__ void sincospi(double x, double *sptr, double *cptr);
__device__ float fdividef(float x, float y);
__device__ float norm3df(float a, float b, float c);
__device__ double norm3d(double a, double b, double c);
__device__ float norm4df(float a, float b, float c, float d);
__device__ double norm4d(double a, double b, double c, double d);
__device__ float rnorm3df(float a, float b, float c);
__device__ double rnorm3d(double a, double b, double c);
__device__ float rnorm4df(float a, float b, float c, float d);
__device__ double rnorm4d(double a, double b, double c, double d);
__device__ float normf(int dim, const float *p);
__device__ double norm(int dim, const double *p);
__device__ float rnormf(int dim, const float *p);
__device__ double rnorm(int dim, const double *p);

/* Integer absolute values. */
__device__ int abs(int a);
__device__ long int labs(long int a);
__device__ long long int llabs(long long int a);
}

/* C++ overloads on float (and the integer/float abs overloads) that CUDA
 * adds to the generic names, so that sqrt(1.0f) in device code stays float. */
__device__ float acos(float x);
__device__ float acosh(float x);
__device__ float asin(float x);
__device__ float asinh(float x);
__device__ float atan(float x);
__device__ float atan2(float x, float y);
__device__ float atanh(float x);
__device__ float cbrt(float x);
__device__ float ceil(float x);
__device__ float copysign(float x, float y);
__device__ float cos(float x);
__device__ float cosh(float x);
__device__ float cospi(float x);
__device__ float erf(float x);
__device__ float erfc(float x);
__device__ float erfcinv(float x);
__device__ float erfcx(float x);
__device__ float erfinv(float x);
__device__ float exp(float x);
__device__ float exp10(float x);
__device__ float exp2(float x);
__device__ float expm1(float x);
__device__ float fabs(float x);
__device__ float fdim(float x, float y);
__device__ float floor(float x);
__device__ float fmax(float x, float y);
__device__ float fmin(float x, float y);
__device__ float fmod(float x, float y);
__device__ float hypot(float x, float y);
__device__ float lgamma(float x);
__device__ float log(float x);
__device__ float log10(float x);
__device__ float log1p(float x);
__device__ float log2(float x);
__device__ float logb(float x);
__device__ float nearbyint(float x);
__device__ float nextafter(float x, float y);
__device__ float normcdf(float x);
__device__ float normcdfinv(float x);
__device__ float pow(float x, float y);
__device__ float rcbrt(float x);
__device__ float remainder(float x, float y);
__device__ float rhypot(float x, float y);
__device__ float rint(float x);
__device__ float round(float x);
__device__ float rsqrt(float x);
__device__ float sin(float x);
__device__ float sinh(float x);
__device__ float sinpi(float x);
__device__ float sqrt(float x);
__device__ float tan(float x);
__device__ float tanh(float x);
__device__ float tgamma(float x);
__device__ float trunc(float x);
__device__ float fma(float x, float y, float z);
__device__ float frexp(float x, int *nptr);
__device__ float ldexp(float x, int exp);
__device__ float modf(float x, float *iptr);
__device__ float remquo(float x, float y, int *quo);
__device__ float scalbn(float x, int n);
__device__ float scalbln(float x, long int n);
__device__ int ilogb(float x);
__device__ long int lrint(float x);
__device__ long long int llrint(float x);
__device__ long int lround(float x);
__device__ long long int llround(float x);
__device__ void sincos(float x, float *sptr, float *cptr);
__device__ void sincospi(float x, float *sptr, float *cptr);
__device__ float pow(float x, int y);
__device__ double pow(double x, int y);
__device__ long int abs(long int a);
__device__ long long int abs(long long int a);
__device__ float abs(float a);
__device__ double abs(double a);
__device__ bool signbit(float x);
__device__ bool signbit(double x);
__device__ bool isfinite(float x);
__device__ bool isfinite(double x);
__device__ bool isinf(float x);
__device__ bool isinf(double x);
__device__ bool isnan(float x);
__device__ bool isnan(double x);

/* Make std::sqrt(x) etc. in device code find the device overloads as well
 * (libstdc++'s std:: names are using-declarations of the global ones). */
namespace std {
using ::abs;
using ::acos;
using ::acosh;
using ::asin;
using ::asinh;
using ::atan;
using ::atan2;
using ::atanh;
using ::cbrt;
using ::ceil;
using ::copysign;
using ::cos;
using ::cosh;
using ::erf;
using ::erfc;
using ::exp;
using ::exp2;
using ::expm1;
using ::fabs;
using ::fdim;
using ::floor;
using ::fma;
using ::fmax;
using ::fmin;
using ::fmod;
using ::frexp;
using ::hypot;
using ::ilogb;
using ::isfinite;
using ::isinf;
using ::isnan;
using ::labs;
using ::ldexp;
using ::lgamma;
using ::llabs;
using ::llrint;
using ::llround;
using ::log;
using ::log10;
using ::log1p;
using ::log2;
using ::logb;
using ::lrint;
using ::lround;
using ::modf;
using ::nan;
using ::nanf;
using ::nearbyint;
using ::nextafter;
using ::pow;
using ::remainder;
using ::remquo;
using ::rint;
using ::round;
using ::scalbln;
using ::scalbn;
using ::signbit;
using ::sin;
using ::sinh;
using ::sqrt;
using ::tan;
using ::tanh;
using ::tgamma;
using ::trunc;
using ::printf;
using ::malloc;
using ::free;
using ::memcpy;
using ::memset;
using ::clock;
} // namespace std

/* min and max, for host and device alike (CUDA declares them globally). */
#define __CU2SYCL_MINMAX(R, A, B)           \
  __CU2SYCL_HD R min(const A a, const B b); \
  __CU2SYCL_HD R max(const A a, const B b);
__CU2SYCL_MINMAX(int, int, int)
__CU2SYCL_MINMAX(unsigned int, unsigned int, unsigned int)
__CU2SYCL_MINMAX(unsigned int, int, unsigned int)
__CU2SYCL_MINMAX(unsigned int, unsigned int, int)
__CU2SYCL_MINMAX(long int, long int, long int)
__CU2SYCL_MINMAX(unsigned long int, unsigned long int, unsigned long int)
__CU2SYCL_MINMAX(unsigned long int, long int, unsigned long int)
__CU2SYCL_MINMAX(unsigned long int, unsigned long int, long int)
__CU2SYCL_MINMAX(long long int, long long int, long long int)
__CU2SYCL_MINMAX(unsigned long long int, unsigned long long int, unsigned long long int)
__CU2SYCL_MINMAX(unsigned long long int, long long int, unsigned long long int)
__CU2SYCL_MINMAX(unsigned long long int, unsigned long long int, long long int)
__CU2SYCL_MINMAX(float, float, float)
__CU2SYCL_MINMAX(double, double, double)
__CU2SYCL_MINMAX(double, float, double)
__CU2SYCL_MINMAX(double, double, float)
#undef __CU2SYCL_MINMAX
extern "C" {
__CU2SYCL_HD unsigned int umin(const unsigned int a, const unsigned int b);
__CU2SYCL_HD unsigned int umax(const unsigned int a, const unsigned int b);
__CU2SYCL_HD long long int llmin(const long long int a, const long long int b);
__CU2SYCL_HD long long int llmax(const long long int a, const long long int b);
__CU2SYCL_HD unsigned long long int ullmin(const unsigned long long int a, const unsigned long long int b);
__CU2SYCL_HD unsigned long long int ullmax(const unsigned long long int a, const unsigned long long int b);
}

/* ========================================================================== */
/* 16. Device: texture and surface object fetches                              */
/* ========================================================================== */
template <class T> __device__ T tex1Dfetch(cudaTextureObject_t texObject, int x);
template <class T> __device__ void tex1Dfetch(T *ptr, cudaTextureObject_t texObject, int x);
template <class T> __device__ T tex1D(cudaTextureObject_t texObject, float x);
template <class T> __device__ void tex1D(T *ptr, cudaTextureObject_t texObject, float x);
template <class T> __device__ T tex2D(cudaTextureObject_t texObject, float x, float y);
template <class T> __device__ void tex2D(T *ptr, cudaTextureObject_t texObject, float x, float y);
template <class T> __device__ T tex3D(cudaTextureObject_t texObject, float x, float y, float z);
template <class T> __device__ void tex3D(T *ptr, cudaTextureObject_t texObject, float x, float y, float z);
template <class T> __device__ T tex1DLayered(cudaTextureObject_t texObject, float x, int layer);
template <class T> __device__ T tex2DLayered(cudaTextureObject_t texObject, float x, float y, int layer);
template <class T> __device__ void tex1DLayered(T *ptr, cudaTextureObject_t texObject, float x, int layer);
template <class T> __device__ void tex2DLayered(T *ptr, cudaTextureObject_t texObject, float x, float y, int layer);
template <class T> __device__ T texCubemap(cudaTextureObject_t texObject, float x, float y, float z);
template <class T> __device__ void texCubemap(T *ptr, cudaTextureObject_t texObject, float x, float y, float z);
template <class T> __device__ T texCubemapLayered(cudaTextureObject_t texObject, float x, float y, float z, int layer);
template <class T>
__device__ void texCubemapLayered(T *ptr, cudaTextureObject_t texObject, float x, float y, float z, int layer);
template <class T> __device__ T tex1DLod(cudaTextureObject_t texObject, float x, float level);
template <class T> __device__ T tex2DLod(cudaTextureObject_t texObject, float x, float y, float level);
template <class T> __device__ T tex3DLod(cudaTextureObject_t texObject, float x, float y, float z, float level);
template <class T> __device__ T tex2Dgather(cudaTextureObject_t texObject, float x, float y, int comp = 0);
template <class T>
__device__ T tex2DGrad(cudaTextureObject_t texObject, float x, float y, float2 dPdx, float2 dPdy);

template <class T>
__device__ T surf1Dread(cudaSurfaceObject_t surfObject, int x,
                        enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf1Dread(T *ptr, cudaSurfaceObject_t surfObject, int x,
                           enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ T surf2Dread(cudaSurfaceObject_t surfObject, int x, int y,
                        enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf2Dread(T *ptr, cudaSurfaceObject_t surfObject, int x, int y,
                           enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ T surf3Dread(cudaSurfaceObject_t surfObject, int x, int y, int z,
                        enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf3Dread(T *ptr, cudaSurfaceObject_t surfObject, int x, int y, int z,
                           enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ T surf2DLayeredread(cudaSurfaceObject_t surfObject, int x, int y, int layer,
                               enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf2DLayeredread(T *ptr, cudaSurfaceObject_t surfObject, int x, int y, int layer,
                                  enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ T surf1DLayeredread(cudaSurfaceObject_t surfObject, int x, int layer,
                               enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf1DLayeredread(T *ptr, cudaSurfaceObject_t surfObject, int x, int layer,
                                  enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ T surfCubemapread(cudaSurfaceObject_t surfObject, int x, int y, int face,
                             enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surfCubemapread(T *ptr, cudaSurfaceObject_t surfObject, int x, int y, int face,
                                enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ T surfCubemapLayeredread(cudaSurfaceObject_t surfObject, int x, int y, int layerFace,
                                    enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surfCubemapLayeredread(T *ptr, cudaSurfaceObject_t surfObject, int x, int y, int layerFace,
                                       enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf1DLayeredwrite(T data, cudaSurfaceObject_t surfObject, int x, int layer,
                                   enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surfCubemapwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, int face,
                                 enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surfCubemapLayeredwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, int layerFace,
                                        enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf1Dwrite(T data, cudaSurfaceObject_t surfObject, int x,
                            enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf2Dwrite(T data, cudaSurfaceObject_t surfObject, int x, int y,
                            enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf3Dwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, int z,
                            enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);
template <class T>
__device__ void surf2DLayeredwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, int layer,
                                   enum cudaSurfaceBoundaryMode boundaryMode = cudaBoundaryModeTrap);

/* Texture references (texture<T, dim, mode>) were removed in CUDA 12. Old code
 * that still uses them parses when CU2SYCL_LEGACY_TEXTURE_REFERENCES is
 * defined; it is off by default because the global name 'texture' would clash
 * with user classes of that name. */
#ifdef CU2SYCL_LEGACY_TEXTURE_REFERENCES
struct textureReference {
  int normalized;
  enum cudaTextureFilterMode filterMode;
  enum cudaTextureAddressMode addressMode[3];
  struct cudaChannelFormatDesc channelDesc;
  int sRGB;
  unsigned int maxAnisotropy;
  enum cudaTextureFilterMode mipmapFilterMode;
  float mipmapLevelBias;
  float minMipmapLevelClamp;
  float maxMipmapLevelClamp;
  int disableTrilinearOptimization;
  int __cudaReserved[14];
};

template <class T, int texType = cudaTextureType1D, enum cudaTextureReadMode mode = cudaReadModeElementType>
struct texture : public textureReference {
  __CU2SYCL_HD texture(int norm = 0, enum cudaTextureFilterMode fMode = cudaFilterModePoint,
                       enum cudaTextureAddressMode aMode = cudaAddressModeClamp);
  __CU2SYCL_HD texture(int norm, enum cudaTextureFilterMode fMode, enum cudaTextureAddressMode aMode,
                       struct cudaChannelFormatDesc desc);
};

/* A fetch returns the element type, or floats for cudaReadModeNormalizedFloat. */
template <class T> struct __cu2sycl_normalized_float { typedef float type; };
template <> struct __cu2sycl_normalized_float<char1> { typedef float1 type; };
template <> struct __cu2sycl_normalized_float<uchar1> { typedef float1 type; };
template <> struct __cu2sycl_normalized_float<short1> { typedef float1 type; };
template <> struct __cu2sycl_normalized_float<ushort1> { typedef float1 type; };
template <> struct __cu2sycl_normalized_float<char2> { typedef float2 type; };
template <> struct __cu2sycl_normalized_float<uchar2> { typedef float2 type; };
template <> struct __cu2sycl_normalized_float<short2> { typedef float2 type; };
template <> struct __cu2sycl_normalized_float<ushort2> { typedef float2 type; };
template <> struct __cu2sycl_normalized_float<char4> { typedef float4 type; };
template <> struct __cu2sycl_normalized_float<uchar4> { typedef float4 type; };
template <> struct __cu2sycl_normalized_float<short4> { typedef float4 type; };
template <> struct __cu2sycl_normalized_float<ushort4> { typedef float4 type; };
template <class T, enum cudaTextureReadMode mode> struct __cu2sycl_tex_result { typedef T type; };
template <class T> struct __cu2sycl_tex_result<T, cudaReadModeNormalizedFloat> {
  typedef typename __cu2sycl_normalized_float<T>::type type;
};

template <class T, int dim, enum cudaTextureReadMode mode>
__device__ typename __cu2sycl_tex_result<T, mode>::type tex1Dfetch(texture<T, dim, mode> t, int x);
template <class T, int dim, enum cudaTextureReadMode mode>
__device__ typename __cu2sycl_tex_result<T, mode>::type tex1D(texture<T, dim, mode> t, float x);
template <class T, int dim, enum cudaTextureReadMode mode>
__device__ typename __cu2sycl_tex_result<T, mode>::type tex2D(texture<T, dim, mode> t, float x, float y);
template <class T, int dim, enum cudaTextureReadMode mode>
__device__ typename __cu2sycl_tex_result<T, mode>::type tex3D(texture<T, dim, mode> t, float x, float y, float z);
template <class T, int dim, enum cudaTextureReadMode mode>
__device__ typename __cu2sycl_tex_result<T, mode>::type tex1DLayered(texture<T, dim, mode> t, float x, int layer);
template <class T, int dim, enum cudaTextureReadMode mode>
__device__ typename __cu2sycl_tex_result<T, mode>::type tex2DLayered(texture<T, dim, mode> t, float x, float y,
                                                                     int layer);

extern "C" {
cudaError_t cudaBindTexture(size_t *offset, const struct textureReference *texref, const void *devPtr,
                            const struct cudaChannelFormatDesc *desc, size_t size = UINT_MAX);
cudaError_t cudaBindTexture2D(size_t *offset, const struct textureReference *texref, const void *devPtr,
                              const struct cudaChannelFormatDesc *desc, size_t width, size_t height, size_t pitch);
cudaError_t cudaBindTextureToArray(const struct textureReference *texref, cudaArray_const_t array,
                                   const struct cudaChannelFormatDesc *desc);
cudaError_t cudaUnbindTexture(const struct textureReference *texref);
}
template <class T, int dim, enum cudaTextureReadMode readMode>
cudaError_t cudaBindTexture(size_t *offset, const struct texture<T, dim, readMode> &tex, const void *devPtr,
                            size_t size = UINT_MAX);
template <class T, int dim, enum cudaTextureReadMode readMode>
cudaError_t cudaBindTexture(size_t *offset, const struct texture<T, dim, readMode> &tex, const void *devPtr,
                            const struct cudaChannelFormatDesc &desc, size_t size = UINT_MAX);
template <class T, int dim, enum cudaTextureReadMode readMode>
cudaError_t cudaBindTexture2D(size_t *offset, const struct texture<T, dim, readMode> &tex, const void *devPtr,
                              size_t width, size_t height, size_t pitch);
template <class T, int dim, enum cudaTextureReadMode readMode>
cudaError_t cudaBindTextureToArray(const struct texture<T, dim, readMode> &tex, cudaArray_const_t array);
template <class T, int dim, enum cudaTextureReadMode readMode>
cudaError_t cudaUnbindTexture(const struct texture<T, dim, readMode> &tex);
#endif /* CU2SYCL_LEGACY_TEXTURE_REFERENCES */

/* ========================================================================== */
/* 17. make_* vector constructors                                              */
/* ========================================================================== */
inline __CU2SYCL_HD char1 make_char1(signed char x) { char1 r; r.x = x; return r; }
inline __CU2SYCL_HD char2 make_char2(signed char x, signed char y) { char2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD char3 make_char3(signed char x, signed char y, signed char z) { char3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD char4 make_char4(signed char x, signed char y, signed char z, signed char w) {
  char4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD uchar1 make_uchar1(unsigned char x) { uchar1 r; r.x = x; return r; }
inline __CU2SYCL_HD uchar2 make_uchar2(unsigned char x, unsigned char y) { uchar2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD uchar3 make_uchar3(unsigned char x, unsigned char y, unsigned char z) { uchar3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD uchar4 make_uchar4(unsigned char x, unsigned char y, unsigned char z, unsigned char w) {
  uchar4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD short1 make_short1(short x) { short1 r; r.x = x; return r; }
inline __CU2SYCL_HD short2 make_short2(short x, short y) { short2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD short3 make_short3(short x, short y, short z) { short3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD short4 make_short4(short x, short y, short z, short w) {
  short4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD ushort1 make_ushort1(unsigned short x) { ushort1 r; r.x = x; return r; }
inline __CU2SYCL_HD ushort2 make_ushort2(unsigned short x, unsigned short y) { ushort2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD ushort3 make_ushort3(unsigned short x, unsigned short y, unsigned short z) { ushort3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD ushort4 make_ushort4(unsigned short x, unsigned short y, unsigned short z, unsigned short w) {
  ushort4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD int1 make_int1(int x) { int1 r; r.x = x; return r; }
inline __CU2SYCL_HD int2 make_int2(int x, int y) { int2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD int3 make_int3(int x, int y, int z) { int3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD int4 make_int4(int x, int y, int z, int w) {
  int4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD uint1 make_uint1(unsigned int x) { uint1 r; r.x = x; return r; }
inline __CU2SYCL_HD uint2 make_uint2(unsigned int x, unsigned int y) { uint2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD uint3 make_uint3(unsigned int x, unsigned int y, unsigned int z) { uint3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD uint4 make_uint4(unsigned int x, unsigned int y, unsigned int z, unsigned int w) {
  uint4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD long1 make_long1(long int x) { long1 r; r.x = x; return r; }
inline __CU2SYCL_HD long2 make_long2(long int x, long int y) { long2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD long3 make_long3(long int x, long int y, long int z) { long3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD long4 make_long4(long int x, long int y, long int z, long int w) {
  long4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD ulong1 make_ulong1(unsigned long int x) { ulong1 r; r.x = x; return r; }
inline __CU2SYCL_HD ulong2 make_ulong2(unsigned long int x, unsigned long int y) { ulong2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD ulong3 make_ulong3(unsigned long int x, unsigned long int y, unsigned long int z) { ulong3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD ulong4 make_ulong4(unsigned long int x, unsigned long int y, unsigned long int z, unsigned long int w) {
  ulong4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD longlong1 make_longlong1(long long int x) { longlong1 r; r.x = x; return r; }
inline __CU2SYCL_HD longlong2 make_longlong2(long long int x, long long int y) { longlong2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD longlong3 make_longlong3(long long int x, long long int y, long long int z) { longlong3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD longlong4 make_longlong4(long long int x, long long int y, long long int z, long long int w) {
  longlong4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD ulonglong1 make_ulonglong1(unsigned long long int x) { ulonglong1 r; r.x = x; return r; }
inline __CU2SYCL_HD ulonglong2 make_ulonglong2(unsigned long long int x, unsigned long long int y) { ulonglong2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD ulonglong3 make_ulonglong3(unsigned long long int x, unsigned long long int y, unsigned long long int z) { ulonglong3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD ulonglong4 make_ulonglong4(unsigned long long int x, unsigned long long int y, unsigned long long int z, unsigned long long int w) {
  ulonglong4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD float1 make_float1(float x) { float1 r; r.x = x; return r; }
inline __CU2SYCL_HD float2 make_float2(float x, float y) { float2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD float3 make_float3(float x, float y, float z) { float3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD float4 make_float4(float x, float y, float z, float w) {
  float4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}
inline __CU2SYCL_HD double1 make_double1(double x) { double1 r; r.x = x; return r; }
inline __CU2SYCL_HD double2 make_double2(double x, double y) { double2 r; r.x = x; r.y = y; return r; }
inline __CU2SYCL_HD double3 make_double3(double x, double y, double z) { double3 r; r.x = x; r.y = y; r.z = z; return r; }
inline __CU2SYCL_HD double4 make_double4(double x, double y, double z, double w) {
  double4 r; r.x = x; r.y = y; r.z = z; r.w = w; return r;
}

#endif /* CU2SYCL_CUDA_H */
