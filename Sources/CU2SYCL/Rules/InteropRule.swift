/// Graphics and external-resource interoperability (EGL, Direct3D, Vulkan external memory and semaphores,
/// the deprecated cudaGL*BufferObject calls) has no SYCL 2020 counterpart. Every use gets a precise finding
/// rather than W001. OpenGL buffers registered with cudaGraphicsGLRegisterBuffer convert (GLInteropRule).
public struct InteropRule: MigrationRule {
  public static let id = "graphics-interop"
  public static let summary = "Flags graphics and external-resource interop (EGL, Direct3D, Vulkan, deprecated OpenGL buffer objects) with what to do instead."
  public static let covers = ["cudaGLRegisterBufferObject", "cudaGLMapBufferObject", "cudaGLUnmapBufferObject", "cudaGLUnregisterBufferObject",
                              "cudaExternalMemory_t", "cudaImportExternalMemory", "cudaImportExternalSemaphore", "CUeglFrame", "cudaEGL.h"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <GL/gl.h>
      #include <cuda_gl_interop.h>
      void draw(GLuint vbo, float **points, cudaExternalMemory_t memory) {
        cudaGLRegisterBufferObject(vbo);
        cudaGLMapBufferObject((void **)points, vbo);
      }

      """,
      sycl: """
      #include <GL/gl.h>
      #include "cu2sycl/gl_interop.hpp"
      // CU2SYCL-W019: graphics interop has no SYCL 2020 equivalent: share the data through host memory (copy it in and out of the graphics API), or use the SYCL backend's interop for the resource
      void draw(GLuint vbo, float **points, cudaExternalMemory_t memory) {
        // CU2SYCL-W019: graphics interop has no SYCL 2020 equivalent: share the data through host memory (copy it in and out of the graphics API), or use the SYCL backend's interop for the resource
        cudaGLRegisterBufferObject(vbo);
        // CU2SYCL-W019: graphics interop has no SYCL 2020 equivalent: share the data through host memory (copy it in and out of the graphics API), or use the SYCL backend's interop for the resource
        cudaGLMapBufferObject((void **)points, vbo);
      }

      """),
  ]

  /// Whether a CUDA name belongs to an interop API.
  static func isInteropName(_ name: String) -> Bool {
    let base = name.split(separator: ".").first.map(String.init) ?? name
    let prefixes = ["cudaGraphics", "cudaGL", "cudaEGL", "cuEGL", "CUegl", "cuGraphics", "CUgraphics", "cudaExternalMemory",
                    "cudaExternalSemaphore", "cudaImportExternal", "cudaSignalExternal", "cudaWaitExternal", "cudaDestroyExternal",
                    "cudaD3D", "cudaVDPAU", "cuGL", "CUexternal", "cuImportExternal", "cuSignalExternal", "cuWaitExternal",
                    "cuDestroyExternal", "cudaEglFrame", "cudaEglStream", "cudaEglColorFormat", "cudaEglPlaneDesc"]
    return prefixes.contains { base.hasPrefix($0) } || ["cuda_gl_interop.h", "cudaGL.h", "cudaEGL.h", "cuda_egl_interop.h",
                                                       "cuda_d3d11_interop.h", "cuda_vdpau_interop.h"].contains(base)
  }

  public init() {}

  public func apply(to context: MigrationContext) {
    let message = "graphics interop has no SYCL 2020 equivalent: share the data through host memory (copy it in and out of the graphics API), or use the SYCL backend's interop for the resource"
    for i in context.pending({ Self.isInteropName($0.occurrence.name) }) {
      context.claim(i, .manual, rule: Self.id, warning: Warnings.interop, message: message)
    }
  }
}
