import CU2SYCL
import Foundation
import XCTest

/// Paths and small helpers shared by the tests.
enum TestSupport {
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let fixtures = repoRoot + "/Fixtures"
  static let cliBinary = repoRoot + "/.build/debug/cu2sycl"

  static func temporaryDirectory(_ name: String = "t") -> String {
    let dir = NSTemporaryDirectory() + "cu2sycl-tests-\(name)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  static func write(_ text: String, to path: String) {
    try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Migrates one in-memory CUDA file and returns the migrated text of it and the report.
  static func migrate(_ cuda: String, name: String = "example.cu") throws -> (String, MigrationReport, [String: String]) {
    let dir = temporaryDirectory("in")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    write(cuda, to: dir + "/" + name)
    let result = try Migrator(options: MigrationOptions(inputRoot: dir, outputRoot: nil)).plan()
    var outputs: [String: String] = [:]
    for (path, bytes) in result.outputs { outputs[path] = String(decoding: bytes, as: UTF8.self) }
    return (outputs[Project.outputPath(for: name)] ?? "", result.report, outputs)
  }

  /// The SYCL runtime prefix (headers under include/), installed by scripts/sycl-runtime.sh.
  static let syclPrefix: String? = {
    if let p = ProcessInfo.processInfo.environment["CU2SYCL_SYCL_PREFIX"] { return p }
    let r = run(["/bin/bash", repoRoot + "/scripts/sycl-runtime.sh"])
    return r.status == 0 ? r.output.split(separator: "\n").last.map(String.init) : nil
  }()

  @discardableResult
  static func run(_ arguments: [String], cwd: String? = nil, environment: [String: String] = [:]) -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: arguments[0])
    p.arguments = Array(arguments.dropFirst())
    if !environment.isEmpty {
      p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    do { try p.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Type-checks SYCL files against the real SYCL 2020 headers with clang; returns the compiler output on failure.
  static func typeCheck(_ files: [String], includeDirectory: String) -> String? {
    guard let prefix = syclPrefix else { return "the SYCL runtime could not be installed (scripts/sycl-runtime.sh failed)" }
    for file in files {
      let r = run(["/usr/bin/clang++-16", "-std=c++17", "-fsyntax-only", "-isystem", prefix + "/include", "-I", includeDirectory,
                   "-DSYCL_DISABLE_FSYCL_SYCLHPP_WARNING", "-D__SYCL_DISABLE_DEPRECATION_WARNINGS", "-Wno-unknown-attributes", file])
      if r.status != 0 { return "\(file):\n\(r.output)" }
    }
    return nil
  }

  /// Every file under a directory, relative path -> SHA-free fingerprint (the bytes).
  static func snapshot(_ dir: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let e = FileManager.default.enumerator(atPath: dir)
    while let rel = e?.nextObject() as? String {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
        out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
      }
    }
    return out
  }
}
