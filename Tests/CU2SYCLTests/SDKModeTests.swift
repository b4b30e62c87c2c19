import CU2SYCL
import Foundation
import XCTest

/// With a real CUDA SDK (11.8 headers from PyPI wheels, installed by `make setup`), cu2sycl must find
/// and convert exactly what it does with its own declarations: the same output for every fixture.
final class SDKModeTests: XCTestCase {
  static let sdk: String? = {
    let r = TestSupport.run(["/bin/bash", TestSupport.repoRoot + "/scripts/cuda-sdk.sh"])
    return r.status == 0 ? r.output.split(separator: "\n").last.map(String.init) : nil
  }()

  private func plan(_ input: String, sdk: String?) throws -> Migrator.Result {
    var options = MigrationOptions(inputRoot: input, outputRoot: nil)
    options.cudaPath = sdk
    let environment = sdk.map { _ in CUDAEnvironment.detect(explicitPath: sdk, environment: [:]) } ?? CUDAEnvironment.bundled()
    return try Migrator(options: options, environment: environment).plan()
  }

  func testSDKIsDetected() throws {
    let sdk = try XCTUnwrap(Self.sdk, "scripts/cuda-sdk.sh failed")
    let env = CUDAEnvironment.detect(explicitPath: sdk, environment: [:])
    XCTAssertEqual(env.kind, .sdk)
    XCTAssertEqual(CUDAEnvironment.detect(explicitPath: nil, environment: ["CUDA_PATH": sdk]).kind, .sdk)
    XCTAssertEqual(CUDAEnvironment.detect(explicitPath: "/nonexistent", environment: [:]).kind,
                   FileManager.default.fileExists(atPath: "/usr/local/cuda/include/cuda_runtime.h") ? .sdk : .bundled)
  }

  func testFixturesMigrateIdenticallyWithTheSDK() throws {
    let sdk = try XCTUnwrap(Self.sdk, "scripts/cuda-sdk.sh failed")
    for dir in GoldenTests.programDirectories {
      let input = TestSupport.temporaryDirectory("sdk")
      defer { try? FileManager.default.removeItem(atPath: input) }
      for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".cu") || name.hasSuffix(".cuh") {
        try FileManager.default.copyItem(atPath: dir + "/" + name, toPath: input + "/" + name)
      }
      let withSDK = try plan(input, sdk: sdk)
      let bundled = try plan(input, sdk: nil)
      XCTAssertTrue(withSDK.report.cudaEnvironment.hasPrefix("sdk:"), withSDK.report.cudaEnvironment)
      XCTAssertTrue(withSDK.report.failedFiles.isEmpty, "\(dir): \(withSDK.report.failedFiles.flatMap(\.diagnostics))")
      XCTAssertEqual(withSDK.outputs.map(\.path), bundled.outputs.map(\.path), dir)
      for (a, b) in zip(withSDK.outputs, bundled.outputs) {
        XCTAssertEqual(String(decoding: a.bytes, as: UTF8.self), String(decoding: b.bytes, as: UTF8.self), "\(dir)/\(a.path)")
      }
      XCTAssertEqual(withSDK.report.occurrences.map { "\($0.file):\($0.offset):\($0.name):\($0.outcome)" },
                     bundled.report.occurrences.map { "\($0.file):\($0.offset):\($0.name):\($0.outcome)" }, dir)
    }
  }

  /// CUDA 11.8's host_defines.h makes __noinline__ a macro that breaks libstdc++'s <memory>.
  func testStandardLibraryAndNoinlineParseWithTheSDK() throws {
    let sdk = try XCTUnwrap(Self.sdk, "scripts/cuda-sdk.sh failed")
    let input = TestSupport.temporaryDirectory("sdk")
    TestSupport.write("""
    #include <memory>
    #include <cuda_runtime.h>
    __device__ __noinline__ int twice(int v) { return 2 * v; }
    __global__ void k(int *a) { a[threadIdx.x] = twice(a[threadIdx.x]); }

    """, to: input + "/n.cu")
    for sdkPath in [sdk, nil] as [String?] {
      let result = try plan(input, sdk: sdkPath)
      XCTAssertTrue(result.report.failedFiles.isEmpty, "\(sdkPath ?? "bundled"): \(result.report.failedFiles.flatMap(\.diagnostics))")
      let out = result.outputs.first { $0.path == "n.sycl.cpp" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
      XCTAssertTrue(out.contains("__attribute__((noinline)) int twice(int v)"), out)
    }
  }
}
