/// What kind of CUDA construct an occurrence is.
public enum ConstructKind: String, Sendable, Codable, CaseIterable {
  case include          // #include of a CUDA header
  case attribute        // __global__, __device__, __shared__, __restrict__, ...
  case launch           // <<<...>>>
  case builtinVariable = "builtin-variable"  // threadIdx.x, blockDim.y, warpSize, ...
  case function         // a call or reference to a CUDA API function
  case type             // a CUDA type name (dim3, cudaError_t, ...)
  case constant         // an enumerator or constant (cudaSuccess, cudaMemcpyHostToDevice, ...)
  case member           // a field of a CUDA type (prop.name, block.x)
  case macro            // another macro from the CUDA headers
  case unresolved       // a CUDA-looking name that did not resolve to any declaration
  case inlineAssembly = "inline-asm"  // asm("...") in device code (PTX)
}

/// Where the occurrence is: host code, device code (device functions), a kernel, or file scope.
public enum CodeContext: String, Sendable, Codable, CaseIterable {
  case host, device, kernel
  case hostDevice = "host-device"
  case fileScope = "file-scope"
}

/// What happened to an occurrence.
public enum Outcome: String, Sendable, Codable, CaseIterable {
  case converted   // rewritten to SYCL
  case review      // rewritten, but a person should check a stated risk
  case manual      // not rewritten; a CU2SYCL-Wnnn comment tells a person what to do
  case unsupported // no rule knows this construct
}

/// One occurrence of a CUDA construct in a user file.
public struct Occurrence: Sendable, Codable, Equatable {
  public var kind: ConstructKind
  /// The construct's name: `cudaMalloc`, `threadIdx.x`, `__global__`, `<<<>>>`, `cuda_runtime.h`.
  public var name: String
  public var file: String
  public var line: Int
  public var column: Int
  /// Byte offset and length in the file (spelling location: inside a macro definition for code from a macro body).
  public var offset: Int
  public var length: Int
  public var context: CodeContext
  /// The enclosing function, if any.
  public var function: String?
  public var outcome: Outcome = .unsupported
  public var rule: String?
  public var warning: String?
  public var message: String?

  public var key: OccurrenceKey { OccurrenceKey(file: file, offset: offset, kind: kind, name: name) }

  /// Derived from the fields above (so a re-loaded report cannot disagree with itself): written to
  /// JSON for its readers, recomputed when read.
  public var category: Category { Category.of(self) }
  public var effort: Effort? { Effort.of(self) }

  enum CodingKeys: String, CodingKey {
    case kind, name, file, line, column, offset, length, context, function, outcome, rule, warning, message
  }
  enum DerivedKeys: String, CodingKey { case category, effort }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encode(name, forKey: .name)
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
    try c.encode(column, forKey: .column)
    try c.encode(offset, forKey: .offset)
    try c.encode(length, forKey: .length)
    try c.encode(context, forKey: .context)
    try c.encodeIfPresent(function, forKey: .function)
    try c.encode(outcome, forKey: .outcome)
    try c.encodeIfPresent(rule, forKey: .rule)
    try c.encodeIfPresent(warning, forKey: .warning)
    try c.encodeIfPresent(message, forKey: .message)
    var d = encoder.container(keyedBy: DerivedKeys.self)
    try d.encode(category, forKey: .category)
    try d.encodeIfPresent(effort, forKey: .effort)
  }
}

/// Identity of an occurrence across translation units (a header seen by many units counts once).
public struct OccurrenceKey: Hashable, Sendable {
  public var file: String
  public var offset: Int
  public var kind: ConstructKind
  public var name: String
}
