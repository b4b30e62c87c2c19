/// The part of the SARIF 2.1.0 object model that cu2sycl writes (property names as in the OASIS
/// schema). Optional properties that are nil are left out of the JSON, as the schema allows.
enum SARIF {
  struct Log: Encodable {
    var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]
    enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
  }

  struct Run: Encodable {
    var tool: Tool
    var originalUriBaseIds: [String: ArtifactLocation]
    var invocations: [Invocation]
    var results: [Result]
    var properties: RunProperties
  }

  struct Tool: Encodable { var driver: Driver }

  struct Driver: Encodable {
    var name: String
    var version: String
    var rules: [Rule]
  }

  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Message
    var fullDescription: Message
    var help: Message
    var defaultConfiguration: Configuration
    var properties: RuleProperties
  }

  struct Configuration: Encodable { var level: String }
  struct RuleProperties: Encodable { var effort: String }

  struct Message: Encodable {
    var text: String
    var markdown: String?
  }

  struct Invocation: Encodable {
    var executionSuccessful: Bool
    var toolExecutionNotifications: [Notification]
    var properties: InvocationProperties
  }

  struct InvocationProperties: Encodable { var extraArguments: [String] }

  struct Notification: Encodable {
    var level: String
    var message: Message
    var locations: [Location]?
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]
    var partialFingerprints: [String: String]
    var properties: ResultProperties
  }

  struct ResultProperties: Encodable {
    var category: String
    var effort: String?
    var constructKind: String
    var outcome: String
    var context: String
    /// The cu2sycl rule that claimed the occurrence (none when no rule knows it).
    var migrationRule: String?
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
    var logicalLocations: [LogicalLocation]?
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }

  struct ArtifactLocation: Encodable {
    var uri: String
    var uriBaseId: String?
  }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int?
    var endColumn: Int?
    var byteOffset: Int?
    var byteLength: Int?
  }

  struct LogicalLocation: Encodable {
    var name: String
    var kind: String
  }

  struct RunProperties: Encodable {
    var cudaEnvironment: String
    var generatedAt: String
    var mergedFrom: Int?
    var totals: CoverageCounts
  }
}
