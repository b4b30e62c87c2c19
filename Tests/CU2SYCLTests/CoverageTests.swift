import CU2SYCL
import Foundation
import XCTest

/// The census is independent of the rules: unknown CUDA lowers the percentage and is reported.
final class CoverageTests: XCTestCase {
  func testUnknownAndUnconvertedAPIsCountAgainstCoverage() throws {
    let (sycl, report, _) = try TestSupport.migrate("""
    #include <cuda_runtime.h>
    int main() {
      float *d;
      cudaMalloc(&d, 16);
      int p2p = 0;
      cudaDeviceGetP2PAttribute(&p2p, cudaDevP2PAttrAccessSupported, 0, 1);
      cudaFooBar(d);
      return 0;
    }

    """)
    let byName = Dictionary(grouping: report.occurrences, by: \.name)
    XCTAssertEqual(byName["cudaMalloc"]?.first?.outcome, .converted)
    // Peer attributes have no rule.
    XCTAssertEqual(byName["cudaDeviceGetP2PAttribute"]?.first?.outcome, .unsupported)
    XCTAssertEqual(byName["cudaDevP2PAttrAccessSupported"]?.first?.outcome, .unsupported)
    let unknown = try XCTUnwrap(byName["cudaFooBar"]?.first)
    XCTAssertEqual(unknown.kind, .unresolved)
    XCTAssertEqual(unknown.outcome, .unsupported)
    XCTAssertEqual(unknown.line, 7)
    XCTAssertTrue(sycl.contains("// CU2SYCL-W001: 'cudaDeviceGetP2PAttribute' is not converted"), sycl)
    XCTAssertTrue(sycl.contains("// CU2SYCL-W001: 'cudaFooBar' is not converted"), sycl)
    let t = report.totals
    XCTAssertEqual(t.found, report.occurrences.count)
    XCTAssertEqual(t.found, t.converted + t.review + t.manual + t.unsupported)
    XCTAssertEqual(t.percent, Double(t.converted) * 100 / Double(t.found), accuracy: 1e-9)
    XCTAssertLessThan(t.percent, 100)
  }

  func testJSONReportListsEveryOccurrenceWithLocation() throws {
    let (_, report, _) = try TestSupport.migrate("""
    #include <cuda_runtime.h>
    __global__ void k(float *v) { v[threadIdx.x] = sqrtf(v[threadIdx.x]); __syncthreads(); }
    int main() { float *d; cudaMalloc(&d, 64); k<<<1, 16>>>(d); cudaDeviceSynchronize(); cudaFree(d); }

    """)
    let names = report.occurrences.map(\.name)
    for expected in ["cuda_runtime.h", "__global__", "threadIdx.x", "sqrtf", "__syncthreads", "cudaMalloc", "<<<>>>",
                     "cudaDeviceSynchronize", "cudaFree"] {
      XCTAssertTrue(names.contains(expected), "\(expected) missing from \(names)")
    }
    XCTAssertEqual(names.filter { $0 == "threadIdx.x" }.count, 2)
    let data = try report.json()
    let decoded = try JSONDecoder().decode(MigrationReport.self, from: data)
    XCTAssertEqual(decoded.occurrences, report.occurrences)
    XCTAssertEqual(decoded.totals, report.totals)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(object["schemaVersion"] as? Int, MigrationReport.schemaVersion)
    for o in report.occurrences {
      XCTAssertGreaterThan(o.line, 0)
      XCTAssertGreaterThan(o.column, 0)
      XCTAssertEqual(o.file, "example.cu")
    }
  }

  func testHeaderIncludedTwiceIsCountedOnce() throws {
    let input = TestSupport.temporaryDirectory("in")
    TestSupport.write("#pragma once\n__device__ int twice(int v) { return 2 * v; }\n", to: input + "/common.cuh")
    for name in ["a", "b"] {
      TestSupport.write("#include \"common.cuh\"\n__global__ void \(name)(int *v) { v[0] = twice(v[0]); }\n", to: input + "/\(name).cu")
    }
    let result = try Migrator(options: MigrationOptions(inputRoot: input, outputRoot: nil)).plan()
    XCTAssertEqual(result.report.occurrences.filter { $0.file == "common.cuh" }.count, 1)
    let a = result.outputs.first { $0.path == "a.sycl.cpp" }.map { String(decoding: $0.bytes, as: UTF8.self) }
    XCTAssertTrue(a?.contains("#include \"common.sycl.hpp\"") == true, a ?? "")
    XCTAssertTrue(result.outputs.contains { $0.path == "common.sycl.hpp" })
  }
}
