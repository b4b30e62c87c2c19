import CU2SYCL
import Foundation
import XCTest

/// CUDA vector types: the risks that are flagged rather than converted silently, and the places other rules
/// spell a type themselves (allocations, shared memory).
final class VectorTypeTests: XCTestCase {
  /// Reinterpreting float3 memory as floats (and back), a byte count written from the scalar size and
  /// binary file I/O change meaning with a 16-byte sycl::float3; consistent uses do not.
  func testThreeComponentLayoutRisksAreFlagged() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
    #include <cuda_runtime.h>
    #include <cstdio>
    #include <cstring>
    void load(float *raw, float3 *d, int n, FILE *f) {
      float3 *pts = (float3 *)raw;
      float *back = reinterpret_cast<float *>(pts);
      float3 *h = (float3 *)malloc(n * sizeof(float3));
      fread(h, sizeof(float3), n, f);
      cudaMemcpy(d, raw, n * 3 * sizeof(float), cudaMemcpyHostToDevice);
      cudaMemcpy(d, h, n * 3 * sizeof(float), cudaMemcpyHostToDevice);
      cudaMemcpy(d, h, n * sizeof(float3), cudaMemcpyHostToDevice);
      memcpy(h, pts, n * sizeof(float3));
      float4 *q = (float4 *)raw;
    }

    """)
    let lines = sycl.components(separatedBy: "\n")
    func flagged(_ code: String) -> Bool {
      guard let i = lines.firstIndex(where: { $0.contains(code) }), i > 0 else { return false }
      return lines[i - 1].contains("CU2SYCL-W030")
    }
    XCTAssertTrue(flagged("sycl::float3 *pts = (sycl::float3 *)raw;"), sycl)
    XCTAssertTrue(flagged("float *back = reinterpret_cast<float *>(pts);"), sycl)
    XCTAssertFalse(flagged("sycl::float3 *h = (sycl::float3 *)malloc(n * sizeof(sycl::float3));"), sycl)
    XCTAssertTrue(flagged("fread(h, sizeof(sycl::float3), n, f);"), sycl)
    XCTAssertTrue(flagged("memcpy(d, raw, n * 3 * sizeof(float)).wait();"), sycl)
    XCTAssertTrue(flagged("memcpy(d, h, n * 3 * sizeof(float)).wait();"), sycl)
    XCTAssertFalse(flagged("memcpy(d, h, n * sizeof(sycl::float3)).wait();"), sycl)
    XCTAssertFalse(flagged("memcpy(h, pts, n * sizeof(sycl::float3));"), sycl)
    XCTAssertFalse(flagged("sycl::float4 *q = (sycl::float4 *)raw;"), sycl)
    let review = report.occurrences.filter { $0.outcome == .review }
    XCTAssertEqual(review.map(\.name), ["float3"], "the cast that writes float3 is the occurrence to review")
    XCTAssertEqual(review.first?.warning, "W030")
    XCTAssertTrue(report.conflicts.isEmpty, "\(report.conflicts)")
  }

  /// helper_math.h-style operators collide with sycl::vec's own; plain functions on vectors do not.
  func testUserOperatorsOnVectorsAreFlagged() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
    #include <cuda_runtime.h>
    inline __host__ __device__ float4 operator+(float4 a, float4 b) { return make_float4(a.x + b.x, a.y + b.y, a.z + b.z, a.w + b.w); }
    inline __host__ __device__ float dot(float4 a, float4 b) { return a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w; }
    inline __host__ __device__ void operator*=(float4 &a, const float &s) { a.x *= s; a.y *= s; a.z *= s; a.w *= s; }
    inline __host__ __device__ float4 operator*(float4 a, float3 b) { return make_float4(a.x * b.x, a.y * b.y, a.z * b.z, a.w); }
    struct Log {};
    inline Log &operator<<(Log &log, float4 v) { return log; }

    """)
    XCTAssertTrue(sycl.contains("// CU2SYCL-W031: sycl::vec already defines operator+; this definition makes its uses ambiguous: remove it if it is element-wise\ninline sycl::float4 operator+(sycl::float4 a, sycl::float4 b)"), sycl)
    XCTAssertTrue(sycl.contains("\ninline float dot(sycl::float4 a, sycl::float4 b)"), sycl)
    XCTAssertTrue(sycl.contains("// CU2SYCL-W031: sycl::vec already defines operator*=; this definition makes its uses ambiguous: remove it if it is element-wise\n"), sycl)
    XCTAssertEqual(report.occurrences.filter { $0.warning == "W031" }.count, 2, "only operators sycl::vec declares: \(sycl)")
  }

  /// Allocations and __shared__ arrays of vectors: the rules that spell the element type use the SYCL name.
  func testAllocationAndSharedMemorySpellVectorTypes() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
    #include <cuda_runtime.h>
    __global__ void k(float4 *out) {
      __shared__ float4 tile[32];
      tile[threadIdx.x] = out[threadIdx.x];
      __syncthreads();
      out[threadIdx.x].x = tile[31 - threadIdx.x].y;
    }
    void run(int n) {
      float4 *d;
      uchar4 *img;
      cudaMalloc(&d, n * sizeof(float4));
      cudaMalloc((void **)&img, n * 4);
      k<<<1, 32>>>(d);
    }

    """)
    XCTAssertTrue(sycl.contains("sycl::float4 (&tile)[32]"), sycl)
    XCTAssertTrue(sycl.contains("sycl::local_accessor<sycl::float4[32], 0> tile(cgh);"), sycl)
    XCTAssertTrue(sycl.contains("d = sycl::malloc_device<sycl::float4>(n, cu2sycl::default_queue());"), sycl)
    XCTAssertTrue(sycl.contains("img = static_cast<sycl::uchar4 *>(sycl::malloc_device(n * 4, cu2sycl::default_queue()));"), sycl)
    XCTAssertTrue(sycl.contains("out[item.get_local_id(0)].x() = tile[31 - item.get_local_id(0)].y();"), sycl)
    XCTAssertEqual(report.totals.converted, report.totals.found, "\(report.occurrences.filter { $0.outcome != .converted })")
    XCTAssertTrue(report.conflicts.isEmpty, "\(report.conflicts)")
  }

  /// Vector code in a macro body is rewritten in the #define, token by token.
  func testVectorCodeInMacroBody() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
    #include <cuda_runtime.h>
    #define DOT3(a, b) ((a).x * (b).x + (a).y * (b).y + (a).z * (b).z)
    #define ORIGIN make_float3(0, 0, 0)
    __device__ float len2(float3 p) { float3 o = ORIGIN; return DOT3(p, p) + o.x; }

    """)
    XCTAssertTrue(sycl.contains("#define DOT3(a, b) ((a).x() * (b).x() + (a).y() * (b).y() + (a).z() * (b).z())"), sycl)
    XCTAssertTrue(sycl.contains("#define ORIGIN sycl::float3(0, 0, 0)"), sycl)
    XCTAssertEqual(report.totals.converted, report.totals.found, "\(report.occurrences.filter { $0.outcome != .converted })")
  }
}
