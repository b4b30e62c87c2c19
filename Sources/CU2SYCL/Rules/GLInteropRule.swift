import Clang

/// CUDA–OpenGL buffer interop through staging copies (SYCL 2020 has no graphics interop): registering a
/// buffer remembers its name and flags, mapping copies its contents (glGetBufferSubData) into device memory,
/// the mapped pointer is that memory, unmapping waits for the queue and writes it back (glBufferSubData).
/// The calls keep CUDA's arguments and statuses under `cu2sycl::` names; map and unmap take the stream's
/// queue; the deprecated buffer-object calls (cudaGLRegisterBufferObject, ...) work on the resource registered
/// for the buffer. `#include <cuda_gl_interop.h>` becomes `#include "cu2sycl/gl_interop.hpp"` in the same place,
/// after the program's GL headers. Textures and renderbuffers mapped as arrays are flagged (W105).
/// Unlike CUDA's map and unmap, the copies need the buffer's GL context current on the calling thread (as
/// registration does in CUDA); without one the calls return 219, cudaErrorInvalidGraphicsContext.
public struct GLInteropRule: MigrationRule {
  public static let id = "gl-interop"
  public static let summary = "Converts CUDA-OpenGL buffer interop (cudaGraphicsGLRegisterBuffer, map, mapped pointer, unmap, unregister) to staging copies between the GL buffer and device memory (cu2sycl/gl_interop.hpp): the same results, two copies per map and per unmap that CUDA does not make."
  public static let covers = ["cuda_gl_interop.h", "cudaGraphicsResource", "cudaGraphicsResource_t", "cudaGraphicsGLRegisterBuffer",
                              "cudaGraphicsMapResources", "cudaGraphicsResourceGetMappedPointer", "cudaGraphicsUnmapResources",
                              "cudaGraphicsUnregisterResource", "cudaGraphicsResourceSetMapFlags", "cudaGLSetGLDevice", "cudaGLGetDevices",
                              "cudaGLRegisterBufferObject", "cudaGLMapBufferObject", "cudaGLMapBufferObjectAsync", "cudaGLUnmapBufferObject",
                              "cudaGLUnmapBufferObjectAsync", "cudaGLUnregisterBufferObject", "cudaGLSetBufferObjectMapFlags"]
    + constants.keys.sorted() + ["cudaGraphicsGLRegisterImage", "cudaGraphicsSubResourceGetMappedArray"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <GL/gl.h>
      #include <cuda_gl_interop.h>
      __global__ void scale(float *v, int n) { v[threadIdx.x] *= 2.0f; }
      struct cudaGraphicsResource *resource;
      int run(GLuint vbo, cudaStream_t stream) {
        if (cudaGraphicsGLRegisterBuffer(&resource, vbo, cudaGraphicsMapFlagsNone) != cudaSuccess) return 1;
        float *points;
        size_t bytes;
        cudaGraphicsMapResources(1, &resource, stream);
        cudaGraphicsResourceGetMappedPointer((void **)&points, &bytes, resource);
        scale<<<1, 64, 0, stream>>>(points, 64);
        cudaGraphicsUnmapResources(1, &resource, stream);
        cudaGraphicsResourceSetMapFlags(resource, cudaGraphicsMapFlagsWriteDiscard);
        return cudaGraphicsUnregisterResource(resource);
      }

      """,
      sycl: """
      #include <GL/gl.h>
      #include "cu2sycl/gl_interop.hpp"
      void scale(float *v, int n, const sycl::nd_item<1> &item) { v[item.get_local_id(0)] *= 2.0f; }
      struct cu2sycl::graphics_resource *resource;
      int run(GLuint vbo, cu2sycl::queue_ptr stream) {
        if (cu2sycl::graphics_gl_register_buffer(&resource, vbo, cu2sycl::graphics_map_flags_none) != 0) return 1;
        float *points;
        size_t bytes;
        cu2sycl::graphics_map_resources(1, &resource, cu2sycl::queue(stream));
        cu2sycl::graphics_resource_get_mapped_pointer((void **)&points, &bytes, resource);
        cu2sycl::queue(stream).parallel_for(sycl::nd_range<1>(sycl::range<1>(64), sycl::range<1>(64)), [=](sycl::nd_item<1> item) {
          scale(points, 64, item);
        });
        cu2sycl::graphics_unmap_resources(1, &resource, cu2sycl::queue(stream));
        cu2sycl::graphics_resource_set_map_flags(resource, cu2sycl::graphics_map_flags_write_discard);
        return cu2sycl::graphics_unregister_resource(resource);
      }

      """),
    RuleExample(
      cuda: """
      #include <GL/gl.h>
      #include <cuda_gl_interop.h>
      int pick() {
        unsigned int count;
        int devices[4];
        cudaGLGetDevices(&count, devices, 4, cudaGLDeviceListAll);
        cudaGLSetGLDevice(devices[0]);
        cudaGraphicsResource_t buffer;
        cudaGraphicsGLRegisterBuffer(&buffer, 7, cudaGraphicsRegisterFlagsReadOnly);
        cudaGraphicsMapResources(1, &buffer);
        return cudaGraphicsUnmapResources(1, &buffer, 0);
      }

      """,
      sycl: """
      #include <GL/gl.h>
      #include "cu2sycl/gl_interop.hpp"
      int pick() {
        unsigned int count;
        int devices[4];
        cu2sycl::gl_get_devices(&count, devices, 4);
        cu2sycl::set_device(devices[0]);
        cu2sycl::graphics_resource_t buffer;
        cu2sycl::graphics_gl_register_buffer(&buffer, 7, cu2sycl::graphics_register_flags_read_only);
        cu2sycl::graphics_map_resources(1, &buffer, cu2sycl::default_queue());
        return cu2sycl::graphics_unmap_resources(1, &buffer, cu2sycl::default_queue());
      }

      """),
    RuleExample(
      cuda: """
      #include <GL/gl.h>
      #include <cuda_gl_interop.h>
      void update(GLuint vbo, cudaStream_t stream) {
        float *points;
        cudaGLRegisterBufferObject(vbo);
        cudaGLSetBufferObjectMapFlags(vbo, cudaGLMapFlagsWriteDiscard);
        cudaGLMapBufferObject((void **)&points, vbo);
        cudaGLUnmapBufferObject(vbo);
        cudaGLMapBufferObjectAsync((void **)&points, vbo, stream);
        cudaGLUnmapBufferObjectAsync(vbo, stream);
        cudaGLUnregisterBufferObject(vbo);
      }

      """,
      sycl: """
      #include <GL/gl.h>
      #include "cu2sycl/gl_interop.hpp"
      void update(GLuint vbo, cu2sycl::queue_ptr stream) {
        float *points;
        cu2sycl::gl_register_buffer_object(vbo);
        cu2sycl::gl_set_buffer_object_map_flags(vbo, cu2sycl::graphics_map_flags_write_discard);
        cu2sycl::gl_map_buffer_object((void **)&points, vbo, cu2sycl::default_queue());
        cu2sycl::gl_unmap_buffer_object(vbo, cu2sycl::default_queue());
        cu2sycl::gl_map_buffer_object((void **)&points, vbo, cu2sycl::queue(stream));
        cu2sycl::gl_unmap_buffer_object(vbo, cu2sycl::queue(stream));
        cu2sycl::gl_unregister_buffer_object(vbo);
      }

      """),
    RuleExample(
      cuda: """
      #include <GL/gl.h>
      #include <cuda_gl_interop.h>
      void attach(cudaGraphicsResource_t *texture, GLuint name, cudaArray_t *array) {
        cudaGraphicsGLRegisterImage(texture, name, GL_TEXTURE_2D, cudaGraphicsRegisterFlagsSurfaceLoadStore);
        cudaGraphicsSubResourceGetMappedArray(array, *texture, 0, 0);
      }

      """,
      sycl: """
      #include <GL/gl.h>
      #include "cu2sycl/gl_interop.hpp"
      void attach(cu2sycl::graphics_resource_t *texture, GLuint name, cu2sycl::texture_array_t *array) {
        // CU2SYCL-W105: an OpenGL texture or renderbuffer mapped as a CUDA array is not converted: exchange the image through a pixel buffer object (registered with cudaGraphicsGLRegisterBuffer, copied to the texture with glTexSubImage2D)
        cudaGraphicsGLRegisterImage(texture, name, GL_TEXTURE_2D, cu2sycl::graphics_register_flags_surface_load_store);
        // CU2SYCL-W105: an OpenGL texture or renderbuffer mapped as a CUDA array is not converted: exchange the image through a pixel buffer object (registered with cudaGraphicsGLRegisterBuffer, copied to the texture with glTexSubImage2D)
        cudaGraphicsSubResourceGetMappedArray(array, *texture, 0, 0);
      }

      """),
  ]

  /// Flags, as they read after migration (CUDA's values, see cu2sycl/runtime.hpp).
  static let constants = ["cudaGraphicsMapFlagsNone": "graphics_map_flags_none", "cudaGraphicsMapFlagsReadOnly": "graphics_map_flags_read_only",
                          "cudaGraphicsMapFlagsWriteDiscard": "graphics_map_flags_write_discard",
                          "cudaGraphicsRegisterFlagsNone": "graphics_register_flags_none",
                          "cudaGraphicsRegisterFlagsReadOnly": "graphics_register_flags_read_only",
                          "cudaGraphicsRegisterFlagsWriteDiscard": "graphics_register_flags_write_discard",
                          "cudaGraphicsRegisterFlagsSurfaceLoadStore": "graphics_register_flags_surface_load_store",
                          "cudaGraphicsRegisterFlagsTextureGather": "graphics_register_flags_texture_gather",
                          "cudaGLMapFlagsNone": "graphics_map_flags_none", "cudaGLMapFlagsReadOnly": "graphics_map_flags_read_only",
                          "cudaGLMapFlagsWriteDiscard": "graphics_map_flags_write_discard"]
  /// Calls that keep their arguments under another name.
  static let renamed = ["cudaGraphicsGLRegisterBuffer": "graphics_gl_register_buffer",
                        "cudaGraphicsResourceGetMappedPointer": "graphics_resource_get_mapped_pointer",
                        "cudaGraphicsResourceSetMapFlags": "graphics_resource_set_map_flags",
                        "cudaGraphicsUnregisterResource": "graphics_unregister_resource", "cudaGLSetGLDevice": "set_device",
                        "cudaGLRegisterBufferObject": "gl_register_buffer_object", "cudaGLUnregisterBufferObject": "gl_unregister_buffer_object",
                        "cudaGLSetBufferObjectMapFlags": "gl_set_buffer_object_map_flags"]
  /// The deprecated buffer-object calls that take a stream (the Async forms) or use the null stream, with
  /// the index of the stream argument.
  static let bufferObjectCopies = ["cudaGLMapBufferObject": ("gl_map_buffer_object", 2), "cudaGLMapBufferObjectAsync": ("gl_map_buffer_object", 2),
                                   "cudaGLUnmapBufferObject": ("gl_unmap_buffer_object", 1),
                                   "cudaGLUnmapBufferObjectAsync": ("gl_unmap_buffer_object", 1)]
  static let imageMessage = "an OpenGL texture or renderbuffer mapped as a CUDA array is not converted: exchange the image through a pixel buffer object (registered with cudaGraphicsGLRegisterBuffer, copied to the texture with glTexSubImage2D)"

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .include && $0.occurrence.name == "cuda_gl_interop.h" }) {
      let o = context.entries[i].occurrence
      let include = context.generatedInclude(GraphicsRuntime.glInteropPath, from: o.file)
      context.replace(o.file, o.offset..<(o.offset + o.length), with: "#include \"\(include)\"", rule: Self.id)
      context.use(.glInterop, in: o.file)
      context.claim(i, .converted, rule: Self.id)
    }
    for i in context.pending({ $0.occurrence.kind == .function }) {
      let o = context.entries[i].occurrence
      switch o.name {
      case "cudaGraphicsGLRegisterImage", "cudaGraphicsSubResourceGetMappedArray":
        context.claim(i, .manual, rule: Self.id, warning: Warnings.glImage, message: Self.imageMessage)
      case let name where Self.renamed[name] != nil:
        guard context.apiCall(context.entries[i]) != nil, context.replaceWrittenName(i, with: "cu2sycl::" + Self.renamed[name]!, rule: Self.id) else { continue }
        context.use(name == "cudaGLSetGLDevice" ? .devices : .glInterop, in: o.file)
        context.claim(i, .converted, rule: Self.id)
      case "cudaGraphicsMapResources", "cudaGraphicsUnmapResources":
        // The stream (CUDA's default argument: the null stream) becomes the queue the copies are ordered on.
        guard let (call, file, _, args) = context.apiCall(context.entries[i]), args.count >= 2,
              let count = context.source(args[0]), let resources = context.source(args[1]) else { continue }
        let helper = o.name == "cudaGraphicsMapResources" ? "graphics_map_resources" : "graphics_unmap_resources"
        let queue = context.queue(forStream: args.count > 2 ? args[2] : nil, in: file, rule: Self.id)
        guard context.replaceCall(call, with: [.text("cu2sycl::\(helper)("), count, .text(", "), resources, .text(", ")] + queue + [.text(")")],
                                  yieldsStatus: true, rule: Self.id) else { continue }
        context.use(.graphics, in: file)
        context.claim(i, .converted, rule: Self.id)
      case let name where Self.bufferObjectCopies[name] != nil:
        let (helper, streamIndex) = Self.bufferObjectCopies[name]!
        guard let (call, file, _, args) = context.apiCall(context.entries[i]), args.count >= streamIndex else { continue }
        var pieces: [Piece] = [.text("cu2sycl::\(helper)(")]
        for a in args.prefix(streamIndex) {
          guard let p = context.source(a) else { continue }
          pieces += [p, .text(", ")]
        }
        guard pieces.count == 1 + 2 * streamIndex else { continue }
        pieces += context.queue(forStream: args.count > streamIndex ? args[streamIndex] : nil, in: file, rule: Self.id) + [.text(")")]
        guard context.replaceCall(call, with: pieces, yieldsStatus: true, rule: Self.id) else { continue }
        context.use(.glInterop, in: file)
        context.claim(i, .converted, rule: Self.id)
      case "cudaGLGetDevices":
        // Any device serves the context through the copies; the device-list kind does not matter.
        guard let (call, file, _, args) = context.apiCall(context.entries[i]), args.count == 4,
              let count = context.source(args[0]), let devices = context.source(args[1]), let capacity = context.source(args[2]) else { continue }
        context.claimArguments(args[3...], rule: Self.id)
        guard context.replaceCall(call, with: [.text("cu2sycl::gl_get_devices("), count, .text(", "), devices, .text(", "), capacity, .text(")")],
                                  yieldsStatus: true, rule: Self.id) else { continue }
        context.use(.glDevices, in: file)
        context.claim(i, .converted, rule: Self.id)
      default:
        continue
      }
    }
    context.rename([.type], rule: Self.id, helpers: [.graphics]) {
      ["cudaGraphicsResource": "cu2sycl::graphics_resource", "cudaGraphicsResource_t": "cu2sycl::graphics_resource_t"][$0]
    }
    context.rename([.constant, .macro], rule: Self.id, helpers: [.graphics]) { Self.constants[$0].map { "cu2sycl::" + $0 } }
  }
}
