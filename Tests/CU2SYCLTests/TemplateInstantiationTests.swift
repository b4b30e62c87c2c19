@testable import CU2SYCL
import Clang
import Foundation
import XCTest

/// Units are walked through libclang's list of what the unit itself parsed (Frontend.index skips the
/// precompiled prelude), and that list also holds the function template instantiations clang made while
/// parsing, at their template's location: those a constant expression or a deduced return type needs
/// (units are parsed incomplete, so the instantiations clang leaves to the end of a unit are not made).
/// The census skips them (Census.isImplicitInstantiation): their code is the template's. Were they walked,
/// today's output would not change (occurrences are keyed by place, functions by their template's USR;
/// checked by hand), so the second test guards the migration of such templates, not the skip itself.
final class TemplateInstantiationTests: XCTestCase {
  private let source = """
    template <typename T>
    constexpr T square(T x) { return x * x; }

    template <typename T>
    __device__ auto half(T x) { return x / 2 + threadIdx.x % 2; }

    constexpr int kSide = square(4);

    __global__ void scale(float *p) { p[threadIdx.x] = half(p[threadIdx.x]) * kSide; }

    template <typename T>
    __global__ void fill(T *p, T v) { p[blockIdx.x * blockDim.x + threadIdx.x] = v; }

    template <typename T>
    struct Twice {
      __device__ T of(T x) const { return x + x; }
    };

    template <typename T>
    __global__ void doubled(T *p) { p[threadIdx.x] = Twice<T>().of(p[threadIdx.x]); }

    int main() {
      float *f;
      int *i;
      cudaMalloc(&f, 64 * sizeof(float));
      cudaMalloc(&i, 64 * sizeof(int));
      fill<float><<<2, 32>>>(f, 1.0f);
      fill<int><<<2, 32>>>(i, 1);
      doubled<float><<<1, 64>>>(f);
      doubled<int><<<1, 64>>>(i);
      scale<<<1, 64>>>(f);
      cudaFree(f);
      cudaFree(i);
      return 0;
    }

    """

  func testTheUnitsTopLevelListsInstantiationsThatTheCensusSkips() throws {
    let dir = TestSupport.temporaryDirectory("instantiations")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    TestSupport.write(source, to: dir + "/t.cu")
    let frontend = Frontend(environment: CUDAEnvironment.bundled())
    let tu = try frontend.parse(path: dir + "/t.cu")
    let topLevel = tu.cursor.children.filter { $0.location.expansion?.file == dir + "/t.cu" }
    let instantiations = topLevel.filter(Census.isImplicitInstantiation)
    // The situation exists (else this test proves nothing): square<int> and half<float>.
    XCTAssertEqual(Set(instantiations.map(\.spelling)), ["square", "half"], topLevel.map(\.displayName).joined(separator: ", "))
    // The templates themselves are not taken for instantiations.
    XCTAssertEqual(topLevel.filter { $0.kind == .functionTemplate }.count, 4)
    XCTAssertTrue(topLevel.filter { $0.kind == .functionTemplate }.allSatisfy { !Census.isImplicitInstantiation($0) })
  }

  func testTemplateKernelsAreMigratedOnce() throws {
    let dir = TestSupport.temporaryDirectory("instantiations-run")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    TestSupport.write(source, to: dir + "/t.cu")
    let result = try Migrator(options: MigrationOptions(inputRoot: dir, outputRoot: nil)).plan()
    XCTAssertEqual(result.report.conflicts, [])
    let text = String(decoding: try XCTUnwrap(result.outputs.first { $0.path == "t.sycl.cpp" }).bytes, as: UTF8.self)
    // fill, doubled, scale, and half (it reads threadIdx): each once.
    XCTAssertEqual(text.components(separatedBy: "const sycl::nd_item<1> &item").count - 1, 4, text)
    XCTAssertEqual(text.components(separatedBy: "constexpr T square(T x)").count - 1, 1, text)
    XCTAssertEqual(text.components(separatedBy: "auto half(T x, const sycl::nd_item<1> &item) { return x / 2 + item.get_local_id(0) % 2; }").count - 1, 1, text)
    XCTAssertEqual(text.components(separatedBy: "item.get_global_id(0)").count - 1, 1, text)
    XCTAssertEqual(result.report.totals.unsupported + result.report.totals.manual, 0)
  }
}
