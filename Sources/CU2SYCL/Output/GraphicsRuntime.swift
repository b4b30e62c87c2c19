/// CUDA's graphics interop, kept through staging copies (SYCL 2020 has no graphics interop): the
/// API-independent part (resources, map/unmap, mapped pointers, flags) goes into `cu2sycl/runtime.hpp`,
/// the OpenGL part into its own generated header, `cu2sycl/gl_interop.hpp`, which takes the place of
/// `#include <cuda_gl_interop.h>` so that it comes after the program's GL headers (GLEW must come first).
public enum GraphicsRuntime {
  public static let glInteropPath = "cu2sycl/gl_interop.hpp"

  /// The part of `cu2sycl/runtime.hpp` for `.graphics`.
  static let resources = """

    // CUDA graphics resources (an OpenGL buffer registered by cu2sycl/gl_interop.hpp). SYCL 2020 has no
    // graphics interop: mapping a resource copies the graphics object's contents into device memory and
    // unmapping copies them back, unless the flags say the device only writes (write_discard) or only
    // reads (read_only) them. Flags and error codes have CUDA's values.
    constexpr unsigned int graphics_register_flags_none = 0;
    constexpr unsigned int graphics_register_flags_read_only = 1;
    constexpr unsigned int graphics_register_flags_write_discard = 2;
    constexpr unsigned int graphics_register_flags_surface_load_store = 4;
    constexpr unsigned int graphics_register_flags_texture_gather = 8;
    constexpr unsigned int graphics_map_flags_none = 0;
    constexpr unsigned int graphics_map_flags_read_only = 1;
    constexpr unsigned int graphics_map_flags_write_discard = 2;
    struct graphics_resource {
      unsigned int map_flags = graphics_map_flags_none;
      bool mapped = false;
      void *data = nullptr;  // the device copy (kept between maps while the size stays the same)
      size_t size = 0;
      virtual ~graphics_resource() = default;
      // Copy the contents in (out), on the queue of the map (unmap) call; 0 or a CUDA error code.
      virtual int map(sycl::queue &q) = 0;
      virtual int unmap(sycl::queue &q) = 0;
    };
    using graphics_resource_t = graphics_resource *;
    // 400: cudaErrorInvalidResourceHandle, 208: cudaErrorAlreadyMapped, 211: cudaErrorNotMapped.
    inline int graphics_map_resources(int count, graphics_resource_t *resources, sycl::queue &q) {
      for (int i = 0; i < count; ++i) {
        if (!resources[i]) return 400;
        if (resources[i]->mapped) return 208;
      }
      for (int i = 0; i < count; ++i)
        if (int status = resources[i]->map(q)) return status;
      return 0;
    }
    inline int graphics_unmap_resources(int count, graphics_resource_t *resources, sycl::queue &q) {
      for (int i = 0; i < count; ++i) {
        if (!resources[i]) return 400;
        if (!resources[i]->mapped) return 211;
      }
      for (int i = 0; i < count; ++i)
        if (int status = resources[i]->unmap(q)) return status;
      return 0;
    }
    inline int graphics_resource_get_mapped_pointer(void **pointer, size_t *size, graphics_resource_t resource) {
      if (!resource) return 400;
      if (!resource->mapped) return 211;
      *pointer = resource->data;
      if (size) *size = resource->size;
      return 0;
    }
    // Applies from the next map, as in CUDA. 1: cudaErrorInvalidValue.
    inline int graphics_resource_set_map_flags(graphics_resource_t resource, unsigned int flags) {
      if (!resource) return 400;
      if (flags > graphics_map_flags_write_discard) return 1;
      resource->map_flags = flags;
      return 0;
    }
    inline int graphics_unregister_resource(graphics_resource_t resource) {
      if (!resource) return 400;
      delete resource;
      return 0;
    }

    """

  /// `cu2sycl/gl_interop.hpp`, with `gl_get_devices` when `.glDevices` is used.
  public static func glInteropHeader(_ helpers: Set<RuntimeHelper>) -> String {
    var out = """
    // Written by cu2sycl: CUDA-OpenGL buffer interop for code migrated from CUDA. SYCL 2020 + OpenGL 1.5.
    //
    // SYCL 2020 has no graphics interop, so a mapped OpenGL buffer is a device copy of its contents: mapping
    // reads the buffer with glGetBufferSubData into a host staging copy and copies that to device memory;
    // unmapping waits for the queue's work, copies the device memory back and writes it with glBufferSubData.
    // Each map and each unmap thus costs two copies that CUDA does not make (none for write-discard maps,
    // none back for read-only ones); the results are the same. OpenGL orders these reads and writes after
    // the GL commands issued before them. The OpenGL context that owns the buffer (or one sharing it) must be
    // current on the thread that registers, maps and unmaps (else 219, cudaErrorInvalidGraphicsContext).
    //
    // It comes where the program included <cuda_gl_interop.h>, after the program's own GL headers (GLEW,
    // glad, helper_gl.h, <GL/gl.h>); it adds what they lack.
    #pragma once
    #if defined(__APPLE__)
    #include <OpenGL/gl.h>
    #else
    #include <GL/gl.h>
    #endif
    #if !defined(GL_ARRAY_BUFFER) && !defined(__APPLE__)
    #include <GL/glext.h>
    #endif
    // X11 (GL/glx.h, helper_gl.h, EGL on X11) defines macros such as None that break the SYCL headers.
    #pragma push_macro("None")
    #pragma push_macro("Bool")
    #pragma push_macro("Status")
    #pragma push_macro("Success")
    #pragma push_macro("Always")
    #undef None
    #undef Bool
    #undef Status
    #undef Success
    #undef Always
    #include <cstddef>
    #include <map>
    #include <optional>
    #include <vector>
    #include "runtime.hpp"
    #pragma pop_macro("Always")
    #pragma pop_macro("Success")
    #pragma pop_macro("Status")
    #pragma pop_macro("Bool")
    #pragma pop_macro("None")

    namespace cu2sycl {
    namespace gl {
    #if defined(_WIN32)
    #define CU2SYCL_GL_APIENTRY __stdcall
    #else
    #define CU2SYCL_GL_APIENTRY
    #endif
    // OpenGL 1.5's buffer calls. A loader (GLEW, glad, epoxy) makes them macros: those are used. Otherwise
    // they are the GL library's own functions, declared here with C linkage (so they name the same functions
    // as <GL/glext.h>'s prototypes, and do not clash with helper_gl.h's function-pointer variables).
    #ifdef glBindBuffer
    inline void bind_buffer(GLenum target, GLuint buffer) { glBindBuffer(target, buffer); }
    #else
    extern "C" void CU2SYCL_GL_APIENTRY glBindBuffer(GLenum target, GLuint buffer);
    inline void bind_buffer(GLenum target, GLuint buffer) { gl::glBindBuffer(target, buffer); }
    #endif
    #ifdef glGetBufferParameteriv
    inline void get_buffer_parameteriv(GLenum target, GLenum name, GLint *value) { glGetBufferParameteriv(target, name, value); }
    #else
    extern "C" void CU2SYCL_GL_APIENTRY glGetBufferParameteriv(GLenum target, GLenum name, GLint *value);
    inline void get_buffer_parameteriv(GLenum target, GLenum name, GLint *value) { gl::glGetBufferParameteriv(target, name, value); }
    #endif
    #ifdef glGetBufferSubData
    inline void get_buffer_sub_data(GLenum target, GLintptr offset, GLsizeiptr size, void *data) {
      glGetBufferSubData(target, offset, size, data);
    }
    #else
    extern "C" void CU2SYCL_GL_APIENTRY glGetBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size, void *data);
    inline void get_buffer_sub_data(GLenum target, GLintptr offset, GLsizeiptr size, void *data) {
      gl::glGetBufferSubData(target, offset, size, data);
    }
    #endif
    #ifdef glBufferSubData
    inline void buffer_sub_data(GLenum target, GLintptr offset, GLsizeiptr size, const void *data) {
      glBufferSubData(target, offset, size, data);
    }
    #else
    extern "C" void CU2SYCL_GL_APIENTRY glBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size, const void *data);
    inline void buffer_sub_data(GLenum target, GLintptr offset, GLsizeiptr size, const void *data) {
      gl::glBufferSubData(target, offset, size, data);
    }
    #endif
    #undef CU2SYCL_GL_APIENTRY
    // Without a current context GL calls do nothing, and glGetString answers null.
    inline bool context_current() { return glGetString(GL_VERSION) != nullptr; }

    // A registered buffer object. Its calls bind it to GL_ARRAY_BUFFER (not part of a vertex array
    // object's state) and restore the program's binding.
    struct buffer_resource final : graphics_resource {
      GLuint buffer;
      std::vector<unsigned char> staging;
      std::optional<sycl::queue> home;  // where `data` was allocated
      buffer_resource(GLuint buffer, unsigned int flags) : buffer(buffer) { map_flags = flags; }
      ~buffer_resource() override {
        if (data) sycl::free(data, *home);
      }
      template <typename F> void with_buffer(F call) {
        GLint previous = 0;
        glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previous);
        bind_buffer(GL_ARRAY_BUFFER, buffer);
        call();
        bind_buffer(GL_ARRAY_BUFFER, static_cast<GLuint>(previous));
      }
      int map(sycl::queue &q) override {
        if (!context_current()) return 219;
        GLint bytes = 0;
        with_buffer([&] { get_buffer_parameteriv(GL_ARRAY_BUFFER, GL_BUFFER_SIZE, &bytes); });
        if (data && (size != static_cast<size_t>(bytes) || *home != q)) {
          sycl::free(data, *home);
          data = nullptr;
        }
        size = static_cast<size_t>(bytes);
        if (!data && size > 0) {
          home = q;
          data = sycl::malloc_device(size, q);
          if (!data) return 205;  // cudaErrorMapBufferObjectFailed
        }
        if (map_flags != graphics_map_flags_write_discard && size > 0) {
          staging.resize(size);
          with_buffer([&] { get_buffer_sub_data(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(size), staging.data()); });
          q.memcpy(data, staging.data(), size).wait_and_throw();
        }
        mapped = true;
        return 0;
      }
      int unmap(sycl::queue &q) override {
        if (!context_current()) return 219;
        // The device work before the unmap completes before GL uses the buffer again.
        q.wait_and_throw();
        if (map_flags != graphics_map_flags_read_only && size > 0) {
          staging.resize(size);
          q.memcpy(staging.data(), data, size).wait_and_throw();
          with_buffer([&] { buffer_sub_data(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(size), staging.data()); });
        }
        mapped = false;
        return 0;
      }
    };
    }  // namespace gl

    // Remembers the buffer and the flags (read_only, write_discard: the map flags they imply).
    inline int graphics_gl_register_buffer(graphics_resource_t *resource, GLuint buffer, unsigned int flags) {
      if (!resource) return 1;
      if (!gl::context_current()) return 219;
      *resource = new gl::buffer_resource(buffer, flags & (graphics_register_flags_read_only | graphics_register_flags_write_discard));
      return 0;
    }

    // The deprecated buffer-object calls (cudaGLRegisterBufferObject, ...) name a buffer instead of a
    // resource: the resource registered for it. 400 (cudaErrorInvalidResourceHandle) for a buffer that is
    // not registered.
    namespace gl {
    inline std::map<GLuint, graphics_resource_t> &buffer_objects() {
      static std::map<GLuint, graphics_resource_t> registered;
      return registered;
    }
    inline graphics_resource_t buffer_object(GLuint buffer) {
      auto found = buffer_objects().find(buffer);
      return found == buffer_objects().end() ? nullptr : found->second;
    }
    }  // namespace gl
    inline int gl_register_buffer_object(GLuint buffer) {
      if (gl::buffer_object(buffer)) return 1;
      graphics_resource_t resource;
      if (int status = graphics_gl_register_buffer(&resource, buffer, graphics_register_flags_none)) return status;
      gl::buffer_objects()[buffer] = resource;
      return 0;
    }
    inline int gl_set_buffer_object_map_flags(GLuint buffer, unsigned int flags) {
      graphics_resource_t resource = gl::buffer_object(buffer);
      return resource ? graphics_resource_set_map_flags(resource, flags) : 400;
    }
    inline int gl_map_buffer_object(void **pointer, GLuint buffer, sycl::queue &q) {
      graphics_resource_t resource = gl::buffer_object(buffer);
      if (!resource) return 400;
      if (int status = graphics_map_resources(1, &resource, q)) return status;
      return graphics_resource_get_mapped_pointer(pointer, nullptr, resource);
    }
    inline int gl_unmap_buffer_object(GLuint buffer, sycl::queue &q) {
      graphics_resource_t resource = gl::buffer_object(buffer);
      return resource ? graphics_unmap_resources(1, &resource, q) : 400;
    }
    inline int gl_unregister_buffer_object(GLuint buffer) {
      graphics_resource_t resource = gl::buffer_object(buffer);
      if (!resource) return 400;
      gl::buffer_objects().erase(buffer);
      return graphics_unregister_resource(resource);
    }

    """
    if helpers.contains(.glDevices) {
      out += """
      // Any device can serve an OpenGL context through the copies: the current device first, then the others.
      inline int gl_get_devices(unsigned int *count, int *devices, unsigned int capacity) {
        if (!gl::context_current()) return 219;
        *count = static_cast<unsigned int>(device_count());
        for (unsigned int i = 0, d = 0; i < capacity && d < *count; ++d) {
          int device = d == 0 ? current_device() : static_cast<int>(d) - (static_cast<int>(d) <= current_device() ? 1 : 0);
          devices[i++] = device;
        }
        return 0;
      }

      """
    }
    out += "}  // namespace cu2sycl\n"
    return out
  }
}
