/*
 * cuda_gl_interop.h - the OpenGL part of CUDA's graphics interoperability.
 *
 * Part of cu2sycl's own CUDA declarations (see README.md). The API-independent
 * graphics calls (cudaGraphicsMapResources, cudaGraphicsResourceGetMappedPointer,
 * ...) and the register/map flags are in the prelude, as in cuda_runtime_api.h.
 * Like the real header, this one brings in the OpenGL declarations (GLuint,
 * GLenum): <OpenGL/gl.h> on macOS, <GL/gl.h> elsewhere, except on ARM, where
 * the program must include its GL headers first.
 */
#ifndef __CUDA_GL_INTEROP_H__
#define __CUDA_GL_INTEROP_H__

#include "cu2sycl_cuda.h"

#if defined(__APPLE__)
#include <OpenGL/gl.h>
#elif defined(__arm__) || defined(__aarch64__)
#ifndef GL_VERSION
#error Please include the appropriate gl headers before including cuda_gl_interop.h
#endif
#else
#include <GL/gl.h>
#endif

#if defined(__cplusplus)
extern "C" {
#endif

/* Which devices of the current OpenGL context cudaGLGetDevices reports. */
enum cudaGLDeviceList {
  cudaGLDeviceListAll = 1,
  cudaGLDeviceListCurrentFrame = 2,
  cudaGLDeviceListNextFrame = 3
};

cudaError_t cudaGLGetDevices(unsigned int *pCudaDeviceCount, int *pCudaDevices, unsigned int cudaDeviceCount,
                             enum cudaGLDeviceList deviceList);
cudaError_t cudaGraphicsGLRegisterImage(struct cudaGraphicsResource **resource, GLuint image, GLenum target,
                                        unsigned int flags);
cudaError_t cudaGraphicsGLRegisterBuffer(struct cudaGraphicsResource **resource, GLuint buffer, unsigned int flags);

#ifdef _WIN32
#ifndef WGL_NV_gpu_affinity
typedef void *HGPUNV;
#endif
cudaError_t cudaWGLGetDevice(int *device, HGPUNV hGpu);
#endif

/* Flags of the deprecated buffer-object API below. */
enum cudaGLMapFlags {
  cudaGLMapFlagsNone = 0,
  cudaGLMapFlagsReadOnly = 1,
  cudaGLMapFlagsWriteDiscard = 2
};

/* Deprecated since CUDA 3.0 (the cudaGraphics* calls replace them). */
cudaError_t cudaGLSetGLDevice(int device);
cudaError_t cudaGLRegisterBufferObject(GLuint bufObj);
cudaError_t cudaGLMapBufferObject(void **devPtr, GLuint bufObj);
cudaError_t cudaGLUnmapBufferObject(GLuint bufObj);
cudaError_t cudaGLUnregisterBufferObject(GLuint bufObj);
cudaError_t cudaGLSetBufferObjectMapFlags(GLuint bufObj, unsigned int flags);
cudaError_t cudaGLMapBufferObjectAsync(void **devPtr, GLuint bufObj, cudaStream_t stream);
cudaError_t cudaGLUnmapBufferObjectAsync(GLuint bufObj, cudaStream_t stream);

#if defined(__cplusplus)
}
#endif

#endif /* __CUDA_GL_INTEROP_H__ */
