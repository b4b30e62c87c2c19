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
#include "cu2sycl/gl_interop.hpp"
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                  \
  do {                                                                               \
    int status = (call);                                                     \
    if (status != 0) {                                                     \
      printf("FAIL gl_interop: %s at line %d\n", cu2sycl::error_string(status), __LINE__); \
      return 1;                                                                      \
    }                                                                                \
  } while (0)

const int kCount = 1024;

void twice_plus_one(float *v, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) v[i] = v[i] * 2.0f + 1.0f;
}

void fill(float *v, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) v[i] = 3.0f * i;
}

void copy(const float *in, float *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
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
  struct cu2sycl::graphics_resource *resource;
  CHECK(cu2sycl::graphics_gl_register_buffer(&resource, buffer, cu2sycl::graphics_register_flags_none));
  CHECK(cu2sycl::graphics_map_resources(1, &resource, cu2sycl::default_queue()));
  float *mapped;
  size_t bytes;
  CHECK(cu2sycl::graphics_resource_get_mapped_pointer((void **)&mapped, &bytes, resource));
  if (bytes != sizeof(data)) {
    printf("FAIL gl_interop: mapped %zu bytes, expected %zu\n", bytes, sizeof(data));
    return 1;
  }
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(kCount / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    twice_plus_one(mapped, kCount, item);
  });
  CHECK(cu2sycl::graphics_unmap_resources(1, &resource, cu2sycl::default_queue()));
  if (check_buffer(buffer, doubled, "read-write map")) return 1;
  if (cu2sycl::graphics_resource_get_mapped_pointer((void **)&mapped, &bytes, resource) == 0) {
    printf("FAIL gl_interop: an unmapped resource gave a pointer\n");
    return 1;
  }

  // Write-discard on a stream: the kernel only writes.
  cu2sycl::queue_ptr stream;
  CHECK((stream = cu2sycl::create_stream(), 0));
  CHECK(cu2sycl::graphics_resource_set_map_flags(resource, cu2sycl::graphics_map_flags_write_discard));
  CHECK(cu2sycl::graphics_map_resources(1, &resource, cu2sycl::queue(stream)));
  if (cu2sycl::graphics_map_resources(1, &resource, cu2sycl::queue(stream)) == 0) {
    printf("FAIL gl_interop: a mapped resource was mapped again\n");
    return 1;
  }
  CHECK(cu2sycl::graphics_resource_get_mapped_pointer((void **)&mapped, &bytes, resource));
  cu2sycl::queue(stream).parallel_for(sycl::nd_range<1>(sycl::range<1>(kCount / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    fill(mapped, kCount, item);
  });
  CHECK(cu2sycl::graphics_unmap_resources(1, &resource, cu2sycl::queue(stream)));
  if (check_buffer(buffer, filled, "write-discard map")) return 1;

  // Read-only: the kernel copies the buffer out and leaves it as it was.
  float *out;
  CHECK(((out = static_cast<float *>(sycl::malloc_device(sizeof(data), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(cu2sycl::graphics_resource_set_map_flags(resource, cu2sycl::graphics_map_flags_read_only));
  CHECK(cu2sycl::graphics_map_resources(1, &resource, cu2sycl::default_queue()));
  CHECK(cu2sycl::graphics_resource_get_mapped_pointer((void **)&mapped, &bytes, resource));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(kCount / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    copy(mapped, out, kCount, item);
  });
  CHECK(cu2sycl::graphics_unmap_resources(1, &resource, cu2sycl::default_queue()));
  CHECK((cu2sycl::default_queue().memcpy(data, out, sizeof(data)).wait(), 0));
  for (int i = 0; i < kCount; ++i) {
    if (data[i] != filled(i)) {
      printf("FAIL gl_interop: read-only map: element %d is %f, expected %f\n", i, data[i], filled(i));
      return 1;
    }
  }
  if (check_buffer(buffer, filled, "read-only map")) return 1;

  CHECK(cu2sycl::graphics_unregister_resource(resource));

  // The deprecated buffer-object calls name the buffer itself.
  CHECK(cu2sycl::gl_register_buffer_object(buffer));
  CHECK(cu2sycl::gl_map_buffer_object((void **)&mapped, buffer, cu2sycl::default_queue()));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(kCount / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    twice_plus_one(mapped, kCount, item);
  });
  CHECK(cu2sycl::gl_unmap_buffer_object(buffer, cu2sycl::default_queue()));
  CHECK(cu2sycl::gl_unregister_buffer_object(buffer));
  if (check_buffer(buffer, filled_twice_plus_one, "buffer object")) return 1;

  CHECK((sycl::free(out, cu2sycl::default_queue()), 0));
  CHECK((cu2sycl::destroy_stream(stream), 0));
  glDeleteBuffers(1, &buffer);
  printf("PASS gl_interop\n");
  return 0;
}
