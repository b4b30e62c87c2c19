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

  /// Kernel nodes call the kernel's argument-array launcher (what cu2sycl makes of `(void *)kernel`) at
  /// each launch; the executable graph's copy of a node takes new parameters without changing the graph.
  /// The program below, with a launcher written by hand, runs and prints PASS under
  /// `scripts/verify-sycl.sh`; here it must type-check against the runtime header.
  func testGraphKernelNodesCallTheirLauncher() throws {
    let out = TestSupport.temporaryDirectory("graph-kernel-nodes")
    defer { try? FileManager.default.removeItem(atPath: out) }
    TestSupport.write(RuntimeHeader.contents([.graphs]), to: out + "/" + RuntimeHeader.relativePath)
    TestSupport.write("""
      #include <sycl/sycl.hpp>
      #include "cu2sycl/runtime.hpp"
      #include <cstdio>

      void add(float *x, float v, int n, const sycl::nd_item<1> &item) {
        int i = item.get_global_id(0);
        if (i < n) x[i] += v;
      }
      // The argument-array launcher cu2sycl makes of `(void *)add`.
      void add_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t, void **args) {
        float *x = *static_cast<float **>(args[0]);
        float v = *static_cast<float *>(args[1]);
        int n = *static_cast<int *>(args[2]);
        q.parallel_for(sycl::nd_range<1>(cu2sycl::range<1>(grid) * cu2sycl::range<1>(block), cu2sycl::range<1>(block)),
                       [=](sycl::nd_item<1> item) { add(x, v, n, item); });
      }

      int main() {
        const int n = 256;
        sycl::queue &q = cu2sycl::default_queue();
        float *x = sycl::malloc_shared<float>(n, q);
        for (int i = 0; i < n; ++i) x[i] = 0;
        float one = 1.0f, ten = 10.0f;
        int count = n, half = n / 2;
        void *args[3] = {&x, &one, &count};
        void *args2[3] = {&x, &ten, &half};
        cu2sycl::graph_ptr graph;
        cu2sycl::graph_create(&graph);
        cu2sycl::kernel_node_params params = {0};
        params.func = (void *)add_launcher;
        params.gridDim = cu2sycl::dim3(n / 64);
        params.blockDim = cu2sycl::dim3(64);
        params.kernelParams = args;
        cu2sycl::graph_node_ptr first, second;
        cu2sycl::graph_add_kernel_node(&first, graph, nullptr, 0, &params);
        cu2sycl::graph_add_kernel_node(&second, graph, &first, 1, &params);
        cu2sycl::kernel_node_params got;
        cu2sycl::graph_kernel_node_get_params(second, &got);
        cu2sycl::graph_exec_ptr exec;
        cu2sycl::graph_instantiate(&exec, graph);
        for (int launch = 0; launch < 3; ++launch) cu2sycl::graph_launch(exec, q);
        q.wait_and_throw();
        bool ok = got.func == (void *)add_launcher;
        for (int i = 0; i < n; ++i) ok = ok && x[i] == 6.0f;
        // The executable graph's second node now adds 10 to the first half; the graph itself is unchanged.
        cu2sycl::kernel_node_params changed = params;
        changed.kernelParams = args2;
        cu2sycl::graph_exec_kernel_node_set_params(exec, second, &changed);
        cu2sycl::graph_launch(exec, q);
        q.wait_and_throw();
        for (int i = 0; i < n; ++i) ok = ok && x[i] == (i < n / 2 ? 17.0f : 7.0f);
        // Arguments are read at launch: a new value of `one` is used by the next launch.
        one = 2.0f;
        cu2sycl::graph_exec_update(exec, graph, nullptr, nullptr);
        cu2sycl::graph_launch(exec, q);
        q.wait_and_throw();
        for (int i = 0; i < n; ++i) ok = ok && x[i] == (i < n / 2 ? 21.0f : 11.0f);
        cu2sycl::graph_exec_destroy(exec);
        cu2sycl::graph_destroy(graph);
        sycl::free(x, q);
        std::printf(ok ? "PASS kernel_nodes\\n" : "FAIL kernel_nodes\\n");
        return ok ? 0 : 1;
      }

      """, to: out + "/kernel_nodes.cpp")
    if let failure = TestSupport.typeCheck([out + "/kernel_nodes.cpp"], includeDirectory: out) { XCTFail(failure) }
  }
}
