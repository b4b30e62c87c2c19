// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "cu2sycl",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "CU2SYCL", targets: ["CU2SYCL"]),
    .executable(name: "cu2sycl", targets: ["cu2sycl"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // SHA-256 for the content-hash caches (the precompiled prelude, unchanged units).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // Debian's libclang 16 (scripts/setup.sh installs it and its pkg-config file).
    .systemLibrary(name: "CClang", pkgConfig: "libclang-16"),
    // A thin, safe Swift layer over the libclang C API.
    .target(name: "Clang", dependencies: ["CClang"]),
    // The migration library: discover, parse, census, plan, rewrite, emit, report.
    .target(
      name: "CU2SYCL",
      dependencies: ["Clang", .product(name: "Crypto", package: "swift-crypto")],
      resources: [.copy("Resources/cuda")]
    ),
    .executableTarget(
      name: "cu2sycl",
      dependencies: ["CU2SYCL", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(name: "CU2SYCLTests", dependencies: ["CU2SYCL", "Clang"]),
  ],
  swiftLanguageModes: [.v6]
)
