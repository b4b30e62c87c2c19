/// Graphics and external-resource interoperability (EGL, Direct3D, VDPAU, Vulkan external memory and
/// semaphores) has no SYCL 2020 counterpart. Every use gets a precise finding rather than W001. OpenGL
/// buffers convert (GLInteropRule, which runs first).
public struct InteropRule: MigrationRule {
  public static let id = "graphics-interop"
  public static let summary = "Flags graphics and external-resource interop (EGL, Direct3D, VDPAU, Vulkan external memory) with what to do instead."
  public static let covers = ["cudaExternalMemory_t", "cudaExternalSemaphore_t", "cudaImportExternalMemory", "cudaImportExternalSemaphore",
                              "CUeglFrame", "cudaEGL.h", "cuda_egl_interop.h", "cuda_d3d11_interop.h", "cuda_vdpau_interop.h"]
  public static let examples = [
    RuleExample(
      cuda: """
      void release(cudaExternalMemory_t memory, cudaExternalSemaphore_t ready);

      """,
      sycl: """
      // CU2SYCL-W019: graphics interop has no SYCL 2020 equivalent: share the data through host memory (copy it in and out of the graphics API), or use the SYCL backend's interop for the resource
      void release(cudaExternalMemory_t memory, cudaExternalSemaphore_t ready);

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
