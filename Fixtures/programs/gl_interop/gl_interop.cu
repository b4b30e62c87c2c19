// gl_interop: CUDA-OpenGL buffer interop on an off-screen OpenGL context (EGL, no window).
// A GL buffer holds known values; CUDA registers it, maps it, a kernel changes it in place, and after
// the unmap OpenGL must see the new values. Then the same with write-discard (the kernel only writes)
// and read-only (the kernel only reads) map flags, on a stream, and the
// error codes of a pointer query on an unmapped resource and of a second map; then the deprecated
// buffer-object calls.
// cu2sycl-fixture: no-emulator (needs an OpenGL context)
// cu2sycl-fixture: link -lEGL -lGL
#include <cstdio>
#include <EGL/egl.h>
#include <EGL/eglext.h>
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <cuda_gl_interop.h>
#include <cuda_runtime.h>

#define CHECK(call)                                                                  \
  do {                                                                               \
    cudaError_t status = (call);                                                     \
    if (status != cudaSuccess) {                                                     \
      printf("FAIL gl_interop: %s at line %d\n", cudaGetErrorString(status), __LINE__); \
      return 1;                                                                      \
    }                                                                                \
  } while (0)

const int kCount = 1024;

__global__ void twice_plus_one(float *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] = v[i] * 2.0f + 1.0f;
}

__global__ void fill(float *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] = 3.0f * i;
}

__global__ void copy(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = in[i];
}

// An OpenGL context without a window: Mesa's surfaceless platform, else the default display.
static bool make_context() {
  EGLDisplay display = EGL_NO_DISPLAY;
  PFNEGLGETPLATFORMDISPLAYEXTPROC platform_display =
      (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
  if (platform_display) display = platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
  if (display == EGL_NO_DISPLAY) display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, NULL, NULL)) return false;
  if (!eglBindAPI(EGL_OPENGL_API)) return false;
  // No surface is drawn to: a context without a config (EGL_KHR_no_config_context) when none matches.
  EGLint attributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = EGL_NO_CONFIG_KHR;
  EGLint configs = 0;
  if (!eglChooseConfig(display, attributes, &config, 1, &configs) || configs < 1) config = EGL_NO_CONFIG_KHR;
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, NULL);
  if (context == EGL_NO_CONTEXT) return false;
  return eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context);
}

static int check_buffer(GLuint buffer, float (*expected)(int), const char *what) {
  static float values[kCount];
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  glGetBufferSubData(GL_ARRAY_BUFFER, 0, sizeof(values), values);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  for (int i = 0; i < kCount; ++i) {
    if (values[i] != expected(i)) {
      printf("FAIL gl_interop: %s: element %d is %f, expected %f\n", what, i, values[i], expected(i));
      return 1;
    }
  }
  return 0;
}

static float initial(int i) { return 0.5f * i; }
static float doubled(int i) { return 0.5f * i * 2.0f + 1.0f; }
static float filled(int i) { return 3.0f * i; }
static float filled_twice_plus_one(int i) { return 3.0f * i * 2.0f + 1.0f; }

int main() {
  if (!make_context()) {
    printf("FAIL gl_interop: no OpenGL context (EGL)\n");
    return 1;
  }
  static float data[kCount];
  for (int i = 0; i < kCount; ++i) data[i] = initial(i);
  GLuint buffer;
  glGenBuffers(1, &buffer);
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  glBufferData(GL_ARRAY_BUFFER, sizeof(data), data, GL_DYNAMIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  // Read and write: the kernel sees the GL data and GL sees the kernel's results.
  struct cudaGraphicsResource *resource;
  CHECK(cudaGraphicsGLRegisterBuffer(&resource, buffer, cudaGraphicsRegisterFlagsNone));
  CHECK(cudaGraphicsMapResources(1, &resource, 0));
  float *mapped;
  size_t bytes;
  CHECK(cudaGraphicsResourceGetMappedPointer((void **)&mapped, &bytes, resource));
  if (bytes != sizeof(data)) {
    printf("FAIL gl_interop: mapped %zu bytes, expected %zu\n", bytes, sizeof(data));
    return 1;
  }
  twice_plus_one<<<kCount / 256, 256>>>(mapped, kCount);
  CHECK(cudaGraphicsUnmapResources(1, &resource, 0));
  if (check_buffer(buffer, doubled, "read-write map")) return 1;
  if (cudaGraphicsResourceGetMappedPointer((void **)&mapped, &bytes, resource) == cudaSuccess) {
    printf("FAIL gl_interop: an unmapped resource gave a pointer\n");
    return 1;
  }

  // Write-discard on a stream: the kernel only writes.
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  CHECK(cudaGraphicsResourceSetMapFlags(resource, cudaGraphicsMapFlagsWriteDiscard));
  CHECK(cudaGraphicsMapResources(1, &resource, stream));
  if (cudaGraphicsMapResources(1, &resource, stream) == cudaSuccess) {
    printf("FAIL gl_interop: a mapped resource was mapped again\n");
    return 1;
  }
  CHECK(cudaGraphicsResourceGetMappedPointer((void **)&mapped, &bytes, resource));
  fill<<<kCount / 256, 256, 0, stream>>>(mapped, kCount);
  CHECK(cudaGraphicsUnmapResources(1, &resource, stream));
  if (check_buffer(buffer, filled, "write-discard map")) return 1;

  // Read-only: the kernel copies the buffer out and leaves it as it was.
  float *out;
  CHECK(cudaMalloc(&out, sizeof(data)));
  CHECK(cudaGraphicsResourceSetMapFlags(resource, cudaGraphicsMapFlagsReadOnly));
  CHECK(cudaGraphicsMapResources(1, &resource, 0));
  CHECK(cudaGraphicsResourceGetMappedPointer((void **)&mapped, &bytes, resource));
  copy<<<kCount / 256, 256>>>(mapped, out, kCount);
  CHECK(cudaGraphicsUnmapResources(1, &resource, 0));
  CHECK(cudaMemcpy(data, out, sizeof(data), cudaMemcpyDeviceToHost));
  for (int i = 0; i < kCount; ++i) {
    if (data[i] != filled(i)) {
      printf("FAIL gl_interop: read-only map: element %d is %f, expected %f\n", i, data[i], filled(i));
      return 1;
    }
  }
  if (check_buffer(buffer, filled, "read-only map")) return 1;

  CHECK(cudaGraphicsUnregisterResource(resource));

  // The deprecated buffer-object calls name the buffer itself.
  CHECK(cudaGLRegisterBufferObject(buffer));
  CHECK(cudaGLMapBufferObject((void **)&mapped, buffer));
  twice_plus_one<<<kCount / 256, 256>>>(mapped, kCount);
  CHECK(cudaGLUnmapBufferObject(buffer));
  CHECK(cudaGLUnregisterBufferObject(buffer));
  if (check_buffer(buffer, filled_twice_plus_one, "buffer object")) return 1;

  CHECK(cudaFree(out));
  CHECK(cudaStreamDestroy(stream));
  glDeleteBuffers(1, &buffer);
  printf("PASS gl_interop\n");
  return 0;
}
