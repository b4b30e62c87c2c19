import Crypto
import Foundation

/// Results of units analyzed by earlier runs, so a run over an unchanged tree parses nothing.
///
/// An entry lives in `CACHE/units/<key>.bin` (BinaryCoding: a compact form, read much faster than JSON). The key hashes everything a unit's result depends on
/// besides the project headers it includes: cu2sycl itself (version, executable size and time, its
/// CUDA declarations), the CUDA environment, the run's arguments, what the whole tree contributes
/// (names written as strings, which files define which kernels, the kernel dimensionalities of the
/// second planning pass), the unit's path and its bytes. The entry lists the project files the unit
/// read with their hashes; it is used only when all of them still have those contents. Units with
/// parse errors are not cached (a missing header may appear without any file they read changing).
struct UnitCache: Sendable {
  let directory: String
  /// Hash of the run-wide inputs.
  let runKey: String
  /// SHA-256 of every user file's bytes, by path.
  let fileHashes: [String: String]

  init(directory: String, environment: CUDAEnvironment, arguments: [String], programNames: ProgramNames,
       texts: [String: SourceText]) {
    self.directory = directory + "/units"
    var h = Hasher256()
    h.add("cu2sycl-unit-v2")
    h.add(CU2SYCLVersion.string)
    h.add(UnitCache.executableIdentity)
    h.add(PrecompiledPrelude.bundledDeclarationsHash)
    h.add(Frontend.clangVersion)
    h.add(environment.kind.rawValue)
    h.add(environment.root)
    arguments.forEach { h.add($0) }
    programNames.stringLiterals.sorted().forEach { h.add($0) }
    for (name, files) in programNames.kernelFiles.sorted(by: { $0.key < $1.key }) { h.add(name); files.forEach { h.add($0) } }
    runKey = h.hex
    var hashes: [String: String] = [:]
    for (path, text) in texts { hashes[path] = SHA256.hash(data: text.bytes).hexString }
    fileHashes = hashes
  }

  /// An entry's bytes: a tag, the files the unit read with their hashes, the result.
  private static let tag = "cu2sycl unit cache entry v2"

  private func key(_ path: String, dimensions: [String: Int]) -> String {
    var h = Hasher256()
    h.add(runKey)
    h.add(path)
    h.add(fileHashes[path] ?? "")
    for (usr, n) in dimensions.sorted(by: { $0.key < $1.key }) { h.add(usr); h.add(String(n)) }
    return h.hex
  }

  func lookup(_ path: String, dimensions: [String: Int]) -> UnitResult? {
    guard let data = FileManager.default.contents(atPath: directory + "/" + key(path, dimensions: dimensions) + ".bin") else { return nil }
    var r = BinaryReader([UInt8](data))
    do {
      guard try r.string() == UnitCache.tag else { return nil }
      for _ in 0..<(try r.count()) {
        let file = try r.string()
        guard fileHashes[file] == (try r.string()) else { return nil }
      }
      let result = try UnitResult(from: &r)
      return r.isAtEnd ? result : nil
    } catch {
      return nil
    }
  }

  func store(_ result: UnitResult, dimensions: [String: Int]) {
    // A unit with errors may lack a header that is added later without any file it read changing:
    // such results are not kept.
    guard result.diagnostics.isEmpty else { return }
    var dependencies: [String: String] = [:]
    for file in result.dependencies {
      guard let hash = fileHashes[file] else { return }  // read a file that is not in the tree's texts: don't cache
      dependencies[file] = hash
    }
    var w = BinaryWriter()
    w.string(UnitCache.tag)
    w.array(dependencies.sorted { $0.key < $1.key }) { w, d in
      w.string(d.key)
      w.string(d.value)
    }
    result.write(to: &w)
    try? FileWriter.write(w.bytes, to: directory + "/" + key(result.path, dimensions: dimensions) + ".bin")
  }

  /// The running executable's path, size and modification time: a rebuilt cu2sycl (same version
  /// string, different code) must not reuse results of the old one.
  static let executableIdentity: String = {
    let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
    let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path):\(size):\(time)"
  }()
}

/// SHA-256 over a sequence of strings, each closed by a NUL so that ("ab", "c") ≠ ("a", "bc").
struct Hasher256 {
  private var hash = SHA256()
  mutating func add(_ s: String) {
    hash.update(data: Data(s.utf8))
    hash.update(data: Data([0]))
  }
  mutating func add(bytes: Data) { hash.update(data: bytes) }
  var hex: String { hash.finalize().hexString }
}

extension Sequence where Element == UInt8 {
  var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in self {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
