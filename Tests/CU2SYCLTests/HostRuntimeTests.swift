import CU2SYCL
import Foundation
import XCTest

/// Host runtime shapes from real programs that rule examples cannot show (headers outside the tree).
final class HostRuntimeTests: XCTestCase {
  /// cuda-samples' helper_cuda.h lives outside the migrated tree (-I Common): its include becomes one of
  /// helper_string.h (plain C++ it brought along), and runtime.hpp supplies checkCudaErrors,
  /// findCudaDevice, ... so the calls stay as written and compile.
  func testHelperCudaIsReplacedByTheRuntimeHeader() throws {
    let root = TestSupport.temporaryDirectory("helper-cuda")
    defer { try? FileManager.default.removeItem(atPath: root) }
    // A stand-in for the samples' header: just the declarations the program uses.
    TestSupport.write("""
      #include <cuda_runtime.h>
      template <typename T> void check(T result, char const *const func, const char *const file, int const line);
      #define checkCudaErrors(val) check((val), #val, __FILE__, __LINE__)
      int findCudaDevice(int argc, const char **argv);

      """, to: root + "/common/helper_cuda.h")
    TestSupport.write("""
      #include <cuda_runtime.h>
      #include <helper_cuda.h>
      int main(int argc, char **argv) {
        int dev = findCudaDevice(argc, (const char **)argv);
        float *d;
        checkCudaErrors(cudaMalloc(&d, 256 * sizeof(float)));
        checkCudaErrors(cudaMemset(d, 0, 256 * sizeof(float)));
        checkCudaErrors(cudaFree(d));
        return dev;
      }

      """, to: root + "/in/main.cu")
    var options = MigrationOptions(inputRoot: root + "/in", outputRoot: nil)
    options.extraArguments = ["-I", root + "/common"]
    let result = try Migrator(options: options).plan()
    var outputs: [String: String] = [:]
    for (path, bytes) in result.outputs { outputs[path] = String(decoding: bytes, as: UTF8.self) }
    let main = try XCTUnwrap(outputs["main.sycl.cpp"])
    XCTAssertFalse(main.contains("helper_cuda.h"), main)
    XCTAssertTrue(main.hasPrefix("#include <sycl/sycl.hpp>\n#include \"cu2sycl/runtime.hpp\"\n#include <helper_string.h>\n"), main)
    XCTAssertTrue(main.contains("checkCudaErrors(((d = sycl::malloc_device<float>(256, cu2sycl::default_queue())) != nullptr ? 0 : 2));"), main)
    XCTAssertTrue(main.contains("checkCudaErrors((sycl::free(d, cu2sycl::default_queue()), 0));"), main)
    XCTAssertEqual(result.report.totals.converted, result.report.totals.found,
                   "\(result.report.occurrences.filter { $0.outcome != .converted })")
    let runtime = try XCTUnwrap(outputs[RuntimeHeader.relativePath])
    XCTAssertTrue(runtime.contains("#define checkCudaErrors(val)"), runtime)
    // The migrated program compiles against the SYCL headers and the samples' helper_string.h alone.
    let out = TestSupport.temporaryDirectory("helper-cuda-out")
    defer { try? FileManager.default.removeItem(atPath: out) }
    TestSupport.write(main, to: out + "/main.sycl.cpp")
    TestSupport.write(runtime, to: out + "/" + RuntimeHeader.relativePath)
    TestSupport.write("inline bool checkCmdLineFlag(int, const char **, const char *) { return false; }\n", to: out + "/helper_string.h")
    if let failure = TestSupport.typeCheck([out + "/main.sycl.cpp"], includeDirectory: out) { XCTFail(failure) }
  }
}
