import CU2SYCL
import Foundation
import XCTest

/// cu2sycl/gl_interop.hpp comes after whatever GL headers the program included: it must compile after
/// plain <GL/gl.h> (no GL 1.5 prototypes), after GL_GLEXT_PROTOTYPES, after a loader that makes the GL
/// calls macros (GLEW, glad), and after X11 (GLX), whose macros break the SYCL headers.
final class GLInteropTests: XCTestCase {
  func testHeaderCompilesAfterEachKindOfGLHeaders() {
    let out = TestSupport.temporaryDirectory("gl-interop")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let helpers: Set<RuntimeHelper> = [.glInterop, .glDevices]
    TestSupport.write(RuntimeHeader.contents(helpers.union([.graphics, .devices, .defaultQueue, .glInterop])), to: out + "/" + RuntimeHeader.relativePath)
    TestSupport.write(GraphicsRuntime.glInteropHeader(helpers), to: out + "/" + GraphicsRuntime.glInteropPath)
    let use = """
      int use(GLuint buffer) {
        cu2sycl::graphics_resource_t resource;
        if (int status = cu2sycl::graphics_gl_register_buffer(&resource, buffer, cu2sycl::graphics_register_flags_none)) return status;
        cu2sycl::graphics_map_resources(1, &resource, cu2sycl::default_queue());
        unsigned int count;
        int devices[2];
        cu2sycl::gl_get_devices(&count, devices, 2);
        return cu2sycl::graphics_unregister_resource(resource);
      }

      """
    let variants = [
      "plain": "#include <GL/gl.h>\n",
      "prototypes": "#define GL_GLEXT_PROTOTYPES 1\n#include <GL/gl.h>\n#include <GL/glext.h>\n",
      // What GLEW and glad do: the GL 1.5 calls are macros naming function pointers.
      "loader": """
        #include <GL/gl.h>
        extern PFNGLBINDBUFFERPROC loader_bind_buffer;
        extern PFNGLGETBUFFERPARAMETERIVPROC loader_get_buffer_parameteriv;
        extern PFNGLGETBUFFERSUBDATAPROC loader_get_buffer_sub_data;
        extern PFNGLBUFFERSUBDATAPROC loader_buffer_sub_data;
        #define glBindBuffer loader_bind_buffer
        #define glGetBufferParameteriv loader_get_buffer_parameteriv
        #define glGetBufferSubData loader_get_buffer_sub_data
        #define glBufferSubData loader_buffer_sub_data

        """,
      "x11": "#include <GL/glx.h>\n#include <GL/gl.h>\n",
    ]
    var files: [String] = []
    for (name, prefix) in variants.sorted(by: { $0.key < $1.key }) {
      let path = out + "/\(name).cpp"
      TestSupport.write(prefix + "#include \"cu2sycl/gl_interop.hpp\"\n" + use, to: path)
      files.append(path)
    }
    if let failure = TestSupport.typeCheck(files, includeDirectory: out) { XCTFail("gl_interop.hpp does not compile:\n\(failure)") }
  }
}
