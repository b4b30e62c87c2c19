import CU2SYCL
import Foundation
import XCTest

/// Boundaries of the host memory rules that examples cannot show: what they leave to others or flag.
final class HostMemoryTests: XCTestCase {
  private func outcome(_ name: String, in report: MigrationReport) -> [Outcome] {
    report.occurrences.filter { $0.name == name }.map(\.outcome)
  }

  /// A 3-D copy in a function that mentions a CUDA array counts its extent in texels (memcpy_3d_array);
  /// linear copies elsewhere count bytes (memcpy_3d). The structs convert the same in both.
  func testThreeDimensionalCopiesWithArraysCountTexels() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
      #include <cuda_runtime.h>
      void toArray(cudaArray_t array, float *h, int n) {
        cudaMemcpy3DParms p = {0};
        p.srcPtr = make_cudaPitchedPtr(h, n * sizeof(float), n, n);
        p.dstArray = array;
        p.extent = make_cudaExtent(n, n, n);
        p.kind = cudaMemcpyHostToDevice;
        cudaMemcpy3D(&p);
      }
      void linear(cudaPitchedPtr d, float *h, int n) {
        cudaMemcpy3DParms p = {0};
        p.srcPtr = make_cudaPitchedPtr(h, n * sizeof(float), n, n);
        p.dstPtr = d;
        p.extent = make_cudaExtent(n * sizeof(float), n, n);
        p.kind = cudaMemcpyHostToDevice;
        cudaMemcpy3D(&p);
      }

      """)
    XCTAssertTrue(sycl.contains("void toArray(cu2sycl::texture_array_t array, float *h, int n) {\n  cu2sycl::memcpy3d_parms p = {0};\n"), sycl)
    XCTAssertTrue(sycl.contains("  p.dstArray = array;\n  p.extent = cu2sycl::make_extent(n, n, n);\n"), sycl)
    XCTAssertTrue(sycl.contains("  cu2sycl::memcpy_3d_array(cu2sycl::default_queue(), p).wait();\n}"), sycl)
    XCTAssertTrue(sycl.contains("void linear(cu2sycl::pitched_ptr d, float *h, int n) {\n  cu2sycl::memcpy3d_parms p = {0};"), sycl)
    XCTAssertTrue(sycl.contains("  cu2sycl::memcpy_3d(cu2sycl::default_queue(), p).wait();\n}"), sycl)
    XCTAssertEqual(outcome("cudaMemcpy3D", in: report), [.converted, .converted])
    XCTAssertFalse(report.occurrences.contains { $0.outcome != .converted }, "\(report.occurrences.filter { $0.outcome != .converted })")
  }

  /// Registration that may ask for kernel access (mapped, or flags only known at run time) is flagged;
  /// allocations from a pool are the memory-pool rule's.
  func testRegistrationFlagsAndPoolAllocations() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
      #include <cuda_runtime.h>
      void pin(float *a, float *b, size_t bytes, unsigned int flags, cudaMemPool_t pool, cudaStream_t s) {
        cudaHostRegister(a, bytes, cudaHostRegisterPortable);
        cudaHostRegister(b, bytes, flags);
        float *p;
        cudaMallocAsync((void **)&p, bytes, pool, s);
      }

      """)
    XCTAssertEqual(report.occurrences.filter { $0.name == "cudaHostRegister" }.map(\.warning), [nil, Warnings.registeredMemory.id])
    XCTAssertEqual(outcome("cudaHostRegister", in: report), [.converted, .review])
    XCTAssertEqual(report.occurrences.filter { $0.name == "cudaMallocAsync" }.map(\.rule), [MemoryPoolRule.id])
    XCTAssertTrue(sycl.contains("p = static_cast<float *>(cu2sycl::malloc_from_pool(bytes, pool, cu2sycl::queue(s)));"), sycl)
    XCTAssertTrue(sycl.contains("  // CU2SYCL-W070: "), sycl)
    XCTAssertFalse(sycl.contains("cudaHostRegister("), sycl)
  }
}
