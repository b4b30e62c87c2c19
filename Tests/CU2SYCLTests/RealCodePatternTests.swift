import CU2SYCL
import Foundation
import XCTest

/// Patterns met in real CUDA code (benchmarks and samples nobody on the team wrote), reduced to
/// minimal inputs of our own.
final class RealCodePatternTests: XCTestCase {
  private func migrateTree(_ files: [String: String]) throws -> (outputs: [String: String], report: MigrationReport) {
    let input = TestSupport.temporaryDirectory("tree")
    defer { try? FileManager.default.removeItem(atPath: input) }
    for (name, text) in files { TestSupport.write(text, to: input + "/" + name) }
    let result = try Migrator(options: MigrationOptions(inputRoot: input, outputRoot: nil)).plan()
    var outputs: [String: String] = [:]
    for (path, bytes) in result.outputs { outputs[path] = String(decoding: bytes, as: UTF8.self) }
    return (outputs, result.report)
  }

  /// A .cu file #included by another is part of that unit: one signature, one dimensionality, and the
  /// `dim3(n, 1, 1)` launch stays 1-D.
  func testIncludedCUFileIsPlannedWithItsIncluder() throws {
    for includer in ["a.cu", "main.cu"] {
      let (out, report) = try migrateTree([
        "kernel.cu": "__global__ void K(int *a, int n) {\n  int i = blockIdx.x * WIDTH + threadIdx.x;\n  if (i < n) a[i] = 0;\n}\n",
        includer: """
        #define WIDTH 256
        #include "kernel.cu"
        int main(int argc, char **) {
          int *a;
          cudaMalloc(&a, 1024 * sizeof(int));
          dim3 grid(argc * 4, 1, 1), threads(256, 1, 1);
          K<<<grid, threads>>>(a, 1024);
          cudaDeviceSynchronize();
        }

        """,
      ])
      let kernel = try XCTUnwrap(out["kernel.sycl.cpp"])
      XCTAssertEqual(kernel.components(separatedBy: "sycl::nd_item").count, 2, kernel)
      XCTAssertTrue(kernel.contains("void K(int *a, int n, const sycl::nd_item<1> &item)"), kernel)
      let main = try XCTUnwrap(out[Project.outputPath(for: includer)])
      XCTAssertTrue(main.contains("#include \"kernel.sycl.cpp\""), main)
      XCTAssertTrue(main.contains("sycl::range<1> grid(argc * 4), threads(256);"), main)
      XCTAssertTrue(report.conflicts.isEmpty, "\(report.conflicts)")
    }
  }

  /// Built-in variables behind macros (Parboil: `#define tx threadIdx.x`, and several in one
  /// function-like macro) are named by their member and convert; a kernel that only uses `.x` stays 1-D.
  func testBuiltinVariablesInsideMacros() throws {
    let (out, report) = try migrateTree([
      "a.cu": """
      #define bx blockIdx.x
      #define tx threadIdx.x
      #define SUM(s) if (threadIdx.x < s) { a[threadIdx.x] += a[threadIdx.x + s]; }
      __global__ void k(float *a) {
        int i = bx * blockDim.x + tx;
        SUM(4);
        a[i] = 0;
      }

      """,
    ])
    let a = try XCTUnwrap(out["a.sycl.cpp"])
    XCTAssertTrue(a.contains("#define bx item.get_group(0)\n#define tx item.get_local_id(0)\n"), a)
    XCTAssertTrue(a.contains("#define SUM(s) if (item.get_local_id(0) < s) { a[item.get_local_id(0)] += a[item.get_local_id(0) + s]; }"), a)
    XCTAssertTrue(a.contains("const sycl::nd_item<1> &item"), a)
    XCTAssertEqual(Set(report.occurrences.filter { $0.kind == .builtinVariable }.map(\.name)),
                   ["blockIdx.x", "threadIdx.x", "blockDim.x"])
    XCTAssertTrue(report.occurrences.allSatisfy { $0.outcome == .converted }, "\(report.occurrences)")
  }

  /// Rodinia's cfd: two units that both test CUDART_VERSION. The directive scan reads only the unit's own
  /// files, so each file keeps its occurrences (a unit that scanned the other file would own it).
  func testVersionTestsInSeveralUnits() throws {
    let unit = { (name: String) in "#include <cuda_runtime.h>\n#if CUDART_VERSION < 3000\nint \(name);\n#endif\n__global__ void k_\(name)(float *x) { x[threadIdx.x] = 0; }\n" }
    let (out, report) = try migrateTree(["a.cu": unit("a"), "b.cu": unit("b")])
    for file in ["a.cu", "b.cu"] {
      let names = report.occurrences.filter { $0.file == file }.map(\.name).sorted()
      XCTAssertEqual(names, ["CUDART_VERSION", "__global__", "cuda_runtime.h", "threadIdx.x"], file)
    }
    XCTAssertTrue(try XCTUnwrap(out["b.sycl.cpp"]).contains("#if 12040 /* CUDART_VERSION */ < 3000"))
  }

  /// cuda-samples' simpleTemplates: printf/free with template-dependent arguments in host code list
  /// CUDA's device declarations among their overloads; host code calls the C library's, not CUDA.
  func testDependentCLibraryCallsInHostTemplatesAreNotCUDA() throws {
    let (_, report) = try migrateTree([
      "a.cu": """
      #include <cuda_runtime.h>
      #include <cstdio>
      #include <cstdlib>
      template <class T> void report(T t) { printf("%d\\n", t.size); free(t.data); }
      template <class T> __device__ void show(T t) { printf("%d\\n", t.size); }
      struct Task { int size; void *data; };
      int main() { report(Task{1, nullptr}); return 0; }

      """,
    ])
    XCTAssertFalse(report.occurrences.contains { $0.name == "free" }, "\(report.occurrences)")
    XCTAssertEqual(report.occurrences.filter { $0.name == "printf" }.map(\.context), [.device])
  }

  /// dct8x8/Parboil sad: a `__shared__` array at file scope is one per block, as if the kernels that use it
  /// declared it: they receive a local accessor; `__align__(n)` on host structs is C++'s alignas.
  func testFileScopeSharedMemoryAndAlignment() throws {
    let (out, report) = try migrateTree([
      "a.cu": "#include <cuda_runtime.h>\n__shared__ float tile[64];\nstruct __align__(8) Pair { int a, b; };\n__global__ void k(float *a) { tile[threadIdx.x] = a[threadIdx.x]; }\n",
    ])
    let shared = try XCTUnwrap(report.occurrences.first { $0.name == "__shared__" })
    XCTAssertEqual(shared.outcome, .converted)
    let sycl = try XCTUnwrap(out["a.sycl.cpp"])
    XCTAssertTrue(sycl.contains("struct alignas(8) Pair { int a, b; };"), sycl)
    XCTAssertTrue(sycl.contains("void k(float *a, const sycl::nd_item<1> &item, float (&tile)[64])"), sycl)
    XCTAssertFalse(sycl.contains("__shared__"), sycl)
  }

  /// A project's own header called cuda.h is not the CUDA SDK header.
  func testProjectHeaderNamedCudaIsKept() throws {
    let (out, report) = try migrateTree([
      "util/cuda.h": "void checkError(const char *msg);\n",
      "a.cu": "#include \"util/cuda.h\"\n#include <cuda_runtime.h>\n__global__ void K(int *a) { a[threadIdx.x] = 0; }\n",
    ])
    let a = try XCTUnwrap(out["a.sycl.cpp"])
    XCTAssertTrue(a.hasPrefix("#include \"util/cuda.h\"\n#include <sycl/sycl.hpp>\n"), a)
    XCTAssertFalse(report.occurrences.contains { $0.kind == .include && $0.name.contains("util") })
  }

  /// sycl.hpp is C++: a CUDA include inside `extern "C" {` moves to the top of the file.
  func testCUDAIncludeInsideExternCMovesToTheTop() throws {
    let (out, _) = try migrateTree([
      "w.cu": "// licence\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n#include <cuda_runtime.h>\nvoid run(int *a) { cudaFree(a); }\n#ifdef __cplusplus\n}\n#endif\n",
    ])
    let w = try XCTUnwrap(out["w.sycl.cpp"])
    XCTAssertTrue(w.hasPrefix("// licence\n#include <sycl/sycl.hpp>\n#include \"cu2sycl/runtime.hpp\"\n#ifdef __cplusplus\nextern \"C\" {\n#endif\nvoid run"), w)
  }

  /// A __shared__ declaration cu2sycl cannot read is kept and flagged, never dropped.
  func testUnreadableSharedDeclarationIsKept() throws {
    let (out, report) = try migrateTree([
      "k.cu": "__global__ void K(float *o) {\n  __shared__ Unknown a[100];\n  __shared__ double b[100];\n  b[threadIdx.x] = o[threadIdx.x];\n}\n",
    ])
    let k = try XCTUnwrap(out["k.sycl.cpp"])
    XCTAssertTrue(k.contains("  // CU2SYCL-W003: cu2sycl could not read this __shared__ declaration"), k)
    XCTAssertTrue(k.contains("__shared__ Unknown a[100];"), k)
    XCTAssertTrue(k.contains("double (&b)[100]"), k)
    XCTAssertTrue(report.occurrences.contains { $0.name == "__shared__" && $0.outcome == .manual })
  }

  /// Template arguments, written or deduced, reach the local accessors; calls that depend on a
  /// template parameter are still counted and converted.
  func testTemplatesResolveSharedMemoryTypes() throws {
    let (out, report) = try migrateTree([
      "t.cu": """
      template <typename T> __global__ void k(T *sum) {
        __shared__ T smem[256];
        smem[threadIdx.x] = 1;
        __syncthreads();
        if (threadIdx.x == 0) atomicAdd(sum, smem[0]);
      }
      template <int BS> __device__ void tile(float *a) {
        __shared__ float s[BS];
        s[threadIdx.x] = a[threadIdx.x];
        __syncthreads();
        a[threadIdx.x] = s[BS - 1 - threadIdx.x];
      }
      __global__ void k8(float *a) { tile<8>(a); }
      int main() {
        double *s;
        float *a;
        cudaMallocManaged(&s, sizeof(double));
        cudaMallocManaged(&a, 8 * sizeof(float));
        *s = 0;
        for (int i = 0; i < 8; ++i) a[i] = i;
        k<<<4, 256>>>(s);
        k8<<<1, 8>>>(a);
        cudaDeviceSynchronize();
        return *s == 1024 && a[0] == 7 ? 0 : 1;
      }

      """,
    ])
    let t = try XCTUnwrap(out["t.sycl.cpp"])
    XCTAssertTrue(t.contains("sycl::local_accessor<double[256], 0> smem(cgh);"), t)
    XCTAssertTrue(t.contains("void k8(float *a, const sycl::nd_item<1> &item, float (&s)[8]) { tile<8>(a, item, s); }"), t)
    XCTAssertTrue(t.contains("sycl::local_accessor<float[8], 0> s(cgh);"), t)
    XCTAssertTrue(t.contains("sycl::atomic_ref<T, sycl::memory_order::relaxed, sycl::memory_scope::device>(*sum).fetch_add(smem[0])"), t)
    XCTAssertEqual(report.totals.converted, report.totals.found)
    let dir = TestSupport.temporaryDirectory("tc")
    TestSupport.write(t, to: dir + "/t.cpp")
    TestSupport.write(out[RuntimeHeader.relativePath] ?? "", to: dir + "/" + RuntimeHeader.relativePath)
    if let failure = TestSupport.typeCheck([dir + "/t.cpp"], includeDirectory: dir) { XCTFail(failure) }
  }

  /// nvcc accepts `<< <` and `>> >`; so does cu2sycl.
  func testSpacedLaunchChevrons() throws {
    let (out, report) = try migrateTree([
      "s.cu": "__global__ void k(int *a) { a[threadIdx.x] = 1; }\nvoid run(int *a) {\n  k << < 1, 4 >> > (a);\n}\n",
    ])
    let s = try XCTUnwrap(out["s.sycl.cpp"])
    XCTAssertTrue(s.contains("parallel_for(sycl::nd_range<1>(sycl::range<1>(4), sycl::range<1>(4))"), s)
    XCTAssertTrue(report.failedFiles.isEmpty)
  }

  /// cuda_runtime.h brought C math with it under nvcc; the migrated file gets <cmath> when it needs it.
  func testHostMathKeepsItsHeader() throws {
    let (out, _) = try migrateTree(["m.cu": "#include <cuda_runtime.h>\nfloat err(float a, float b) { return fabs(a - b); }\n__global__ void k() {}\n"])
    XCTAssertTrue(out["m.sycl.cpp"]?.hasPrefix("#include <sycl/sycl.hpp>\n#include <cmath>\n") == true, out["m.sycl.cpp"] ?? "")
  }

  /// A copied C++ file that includes a renamed .cu follows the rename.
  func testCopiedFilesFollowRenamedIncludes() throws {
    let (out, _) = try migrateTree([
      "header.cu": "__global__ void k(int *a) { a[0] = 1; }\n",
      "host.cpp": "#include \"header.cu\"\nint host() { return 0; }\n",
    ])
    XCTAssertEqual(out["host.cpp"], "#include \"header.sycl.cpp\"\nint host() { return 0; }\n")
  }

  /// `__device__ int a = 0, b = 0;` (cuda-samples): rewriting one declarator would retype the others, so
  /// the declaration is kept and flagged, and kernels do not receive the variables. (This once crashed.)
  func testDeviceVariablesDeclaredTogetherAreFlagged() throws {
    let (out, report) = try migrateTree([
      "d.cu": "__device__ static unsigned int errors = 0, found = 0;\n__global__ void k() { if (threadIdx.x == 0) atomicAdd(&errors, 1u); }\n",
    ])
    let d = try XCTUnwrap(out["d.sycl.cpp"])
    XCTAssertTrue(d.contains("__device__ static unsigned int errors = 0, found = 0;"), d)
    XCTAssertTrue(d.contains("CU2SYCL-W007: __device__ variable 'errors'"), d)
    XCTAssertTrue(d.contains("void k(const sycl::nd_item<1> &item) {"), d)
    XCTAssertEqual(report.occurrences.filter { $0.name == "__device__" }.map(\.outcome), [.manual])
  }

  /// cuda-samples wrap texture calls in checkCudaErrors(...): a NULL resource view or an array flag,
  /// macros written inside a macro argument, have no range of their own and are still dropped.
  /// Rodinia's texture references, used by a device function and a kernel, reach both as parameters.
  func testTextureCallsInsideCheckMacrosAndTextureReferences() throws {
    let (out, report) = try migrateTree([
      "t.cu": """
      #include <cstdio>
      template <typename T> void check(T r, const char *what) { if (r) printf("%s\\n", what); }
      #define checkCudaErrors(val) check((val), #val)
      texture<float, 1, cudaReadModeElementType> t_features;
      __device__ float feature(int i) { return tex1Dfetch(t_features, i); }
      __global__ void kmeans(float *out) { out[threadIdx.x] = feature(threadIdx.x); }
      void run(float *out, float *d_features, cudaTextureObject_t *tex, cudaResourceDesc *res, cudaTextureDesc *desc,
               cudaArray_t *a, cudaChannelFormatDesc *format) {
        checkCudaErrors(cudaCreateTextureObject(tex, res, desc, NULL));
        checkCudaErrors(cudaMallocArray(a, format, 4, 4, cudaArraySurfaceLoadStore));
        cudaBindTexture(NULL, t_features, d_features, 32 * sizeof(float));
        kmeans<<<1, 32>>>(out);
      }

      """,
    ])
    let sycl = try XCTUnwrap(out["t.sycl.cpp"])
    XCTAssertTrue(sycl.contains("checkCudaErrors(cu2sycl::create_texture_object(tex, res, desc));"), sycl)
    XCTAssertTrue(sycl.contains("checkCudaErrors(cu2sycl::malloc_array(a, format, 4, 4));"), sycl)
    XCTAssertTrue(sycl.contains("cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> t_features;"), sycl)
    XCTAssertTrue(sycl.contains("float feature(int i, const sycl::nd_item<1> &item, const cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> &t_features) { return cu2sycl::tex1Dfetch(t_features, i); }"), sycl)
    XCTAssertTrue(sycl.contains("auto t_features_symbol = t_features;"), sycl)
    XCTAssertTrue(sycl.contains("kmeans(out, item, t_features_symbol);"), sycl)
    XCTAssertEqual(report.totals.unsupported, 0, report.occurrences.filter { $0.outcome == .unsupported }.map(\.name).description)
  }

  /// cuda-samples' FunctionPointers: `dim3 blocks = dim3(x, y)` is the temporary itself (C++17 copy
  /// elision), whose type must become the range too.
  func testDim3VariableInitializedFromTemporary() throws {
    let (out, _) = try migrateTree([
      "d.cu": """
      __global__ void k(float *p) { p[threadIdx.y * 16 + threadIdx.x] = blockIdx.y; }
      void run(float *p, int iw, int ih) {
        dim3 threads(16, 4);
        dim3 blocks = dim3(iw / 16, ih / threads.y);
        k<<<blocks, threads>>>(p);
      }

      """,
    ])
    let sycl = try XCTUnwrap(out["d.sycl.cpp"])
    XCTAssertTrue(sycl.contains("sycl::range<2> blocks = sycl::range<2>(ih / threads[0], iw / 16);"), sycl)
  }

  /// cuda-samples' convolutionTexture: a recursive template ended by an explicit specialization; both
  /// must keep one signature (the specialization uses no built-in itself).
  func testExplicitSpecializationKeepsThePrimarySignature() throws {
    let (out, _) = try migrateTree([
      "c.cu": """
      __constant__ float w[4];
      template <int i> __device__ float sum(const float *p) { return p[threadIdx.x + i] * w[i] + sum<i - 1>(p); }
      template <> __device__ float sum<-1>(const float *p) { return 0; }
      __global__ void k(const float *p, float *out) { out[threadIdx.x] = sum<3>(p); }

      """,
    ])
    let sycl = try XCTUnwrap(out["c.sycl.cpp"])
    XCTAssertTrue(sycl.contains("template <> float sum<-1>(const float *p, const sycl::nd_item<1> &item, float (&w)[4]) { return 0; }"), sycl)
  }

  /// cuda-samples: code above a file's first include relies on nvcc's implicit cuda_runtime.h (`NULL`),
  /// and `min(n, blockDim.x)` mixes unsigned int with what becomes size_t once migrated.
  func testImplicitRuntimeIncludeAndBuiltinTypesInTemplates() throws {
    let (out, _) = try migrateTree([
      "s.cu": """
      // a sample
      const char *names[] = {"a", NULL};
      #include <stdio.h>
      #include <cuda_runtime.h>
      __global__ void k(float *p, unsigned int rem) {
        for (unsigned int i = 0; i < min(rem, blockDim.x); ++i) p[i] = 0;
      }

      """,
    ])
    let sycl = try XCTUnwrap(out["s.sycl.cpp"])
    XCTAssertTrue(sycl.hasPrefix("// a sample\n#include <sycl/sycl.hpp>\nconst char *names[]"), sycl)
    XCTAssertFalse(sycl.contains("cuda_runtime.h"), sycl)
    XCTAssertTrue(sycl.contains("sycl::min(rem, static_cast<unsigned int>(item.get_local_range(0)))"), sycl)
  }

  /// cuda-samples' shfl_scan: a kernel with a defaulted parameter gets the nd_item after it, so the default
  /// moves to the calls that leave the argument out (launches and device calls alike).
  func testDefaultArgumentsMoveToTheCalls() throws {
    let (out, _) = try migrateTree([
      "a.cu": """
      __device__ int lane(int offset = 0) { return threadIdx.x + offset; }
      __global__ void scan(int *data, int width, int *partial_sums = NULL) {
        data[lane()] = width;
        if (partial_sums) partial_sums[blockIdx.x] = lane(1);
      }
      void run(int *d) { scan<<<1, 32>>>(d, 32); scan<<<1, 32>>>(d, 32, d); }

      """,
    ])
    let sycl = try XCTUnwrap(out["a.sycl.cpp"])
    XCTAssertTrue(sycl.contains("int lane(int offset, const sycl::nd_item<1> &item)"), sycl)
    XCTAssertTrue(sycl.contains("void scan(int *data, int width, int *partial_sums, const sycl::nd_item<1> &item)"), sycl)
    XCTAssertTrue(sycl.contains("data[lane(0, item)] = width;"), sycl)
    XCTAssertTrue(sycl.contains("lane(1, item)"), sycl)
    XCTAssertTrue(sycl.contains("scan(d, 32, NULL, item);"), sycl)
    XCTAssertTrue(sycl.contains("scan(d, 32, d, item);"), sycl)
  }
}
