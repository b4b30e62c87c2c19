/// A compact binary form for the unit cache. Decoding unit results from JSON was most of a warm run
/// (issue 6: Codable's keyed containers cost more than the parse); this form is read field by field in a
/// fixed order. Integers are zigzag varints, strings a length and their UTF-8 bytes. The reader checks
/// every length against what is left and throws on anything malformed: a damaged entry is a cache miss.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func int(_ value: Int) {
    var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func string(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  mutating func array<T>(_ items: some Collection<T>, _ write: (inout BinaryWriter, T) -> Void) {
    int(items.count)
    for item in items { write(&self, item) }
  }
}

struct BinaryReader {
  struct Malformed: Error {}
  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { index == bytes.count }

  mutating func byte() throws -> UInt8 {
    guard index < bytes.count else { throw Malformed() }
    defer { index += 1 }
    return bytes[index]
  }

  mutating func int() throws -> Int {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 64 else { throw Malformed() }
      v |= UInt64(b & 0x7f) << shift
      if b < 0x80 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
  }

  mutating func bool() throws -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw Malformed()
    }
  }

  /// A count of things that each take at least one byte: never more than what is left.
  mutating func count() throws -> Int {
    let n = try int()
    guard n >= 0, n <= bytes.count - index else { throw Malformed() }
    return n
  }

  mutating func string() throws -> String {
    let n = try count()
    defer { index += n }
    return String(decoding: bytes[index..<(index + n)], as: UTF8.self)
  }

  mutating func optionalString() throws -> String? {
    try bool() ? try string() : nil
  }

  mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
    let n = try count()
    var items: [T] = []
    items.reserveCapacity(n)
    for _ in 0..<n { items.append(try read(&self)) }
    return items
  }

  mutating func value<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: try string()) else { throw Malformed() }
    return value
  }
}

extension UnitResult {
  func write(to w: inout BinaryWriter) {
    w.string(path)
    w.array(occurrences) { w, o in
      w.string(o.kind.rawValue)
      w.string(o.name)
      w.string(o.file)
      w.int(o.line)
      w.int(o.column)
      w.int(o.offset)
      w.int(o.length)
      w.string(o.context.rawValue)
      w.string(o.function)
      w.string(o.outcome.rawValue)
      w.string(o.rule)
      w.string(o.warning)
      w.string(o.message)
    }
    w.array(edits) { w, e in
      w.string(e.file)
      w.int(e.range.lowerBound)
      w.int(e.range.upperBound)
      w.string(e.rule)
      w.array(e.pieces) { w, piece in
        switch piece {
        case .text(let text):
          w.bool(false)
          w.string(text)
        case .source(let range):
          w.bool(true)
          w.int(range.lowerBound)
          w.int(range.upperBound)
        }
      }
    }
    w.array(warningComments.sorted { $0.key < $1.key }) { w, file in
      w.string(file.key)
      w.array(file.value.sorted { $0.key < $1.key }) { w, line in
        w.int(line.key)
        w.array(line.value) { w, comment in w.string(comment) }
      }
    }
    w.array(helpers.sorted { $0.key < $1.key }) { w, file in
      w.string(file.key)
      w.array(file.value.sorted()) { w, helper in w.string(helper.rawValue) }
    }
    w.array(filesUsingCMath.sorted()) { w, file in w.string(file) }
    w.array(diagnostics) { w, d in
      w.string(d.file)
      w.int(d.line)
      w.int(d.column)
      w.string(d.severity)
      w.string(d.message)
    }
    w.bool(plan != nil)
    if let plan {
      w.array(plan.requirements.sorted { $0.key < $1.key }) { w, r in w.string(r.key); w.int(r.value) }
      w.array(plan.sharedDimensionEdges) { w, edge in w.string(edge.0); w.string(edge.1) }
      w.array(plan.dimensions.sorted { $0.key < $1.key }) { w, d in w.string(d.key); w.int(d.value) }
    }
    w.array(dependencies) { w, file in w.string(file) }
  }

  init(from r: inout BinaryReader) throws {
    self.init(path: try r.string())
    occurrences = try r.array { r in
      var o = Occurrence(kind: try r.value(ConstructKind.self), name: try r.string(), file: try r.string(), line: try r.int(),
                         column: try r.int(), offset: try r.int(), length: try r.int(), context: try r.value(CodeContext.self),
                         function: try r.optionalString())
      o.outcome = try r.value(Outcome.self)
      o.rule = try r.optionalString()
      o.warning = try r.optionalString()
      o.message = try r.optionalString()
      return o
    }
    edits = try r.array { r in
      let file = try r.string()
      let range = try BinaryReader.range(&r)
      let rule = try r.string()
      let pieces: [Piece] = try r.array { r in try r.bool() ? .source(try BinaryReader.range(&r)) : .text(try r.string()) }
      return Edit(file: file, range: range, pieces: pieces, rule: rule)
    }
    for (file, lines) in try r.array({ r in
      (try r.string(), try r.array { r in (try r.int(), try r.array { r in try r.string() }) })
    }) {
      warningComments[file] = Dictionary(lines, uniquingKeysWith: { a, _ in a })
    }
    for (file, names) in try r.array({ r in (try r.string(), try r.array { r in try r.value(RuntimeHelper.self) }) }) {
      helpers[file] = Set(names)
    }
    filesUsingCMath = Set(try r.array { r in try r.string() })
    diagnostics = try r.array { r in
      LocatedDiagnostic(file: try r.string(), line: try r.int(), column: try r.int(), severity: try r.string(), message: try r.string())
    }
    if try r.bool() {
      let requirements = try r.array { r in (try r.string(), try r.int()) }
      let edges = try r.array { r in (try r.string(), try r.string()) }
      let dimensions = try r.array { r in (try r.string(), try r.int()) }
      plan = KernelPlan.Summary(requirements: Dictionary(requirements, uniquingKeysWith: { a, _ in a }), sharedDimensionEdges: edges,
                                dimensions: Dictionary(dimensions, uniquingKeysWith: { a, _ in a }))
    }
    dependencies = try r.array { r in try r.string() }
  }
}

extension BinaryReader {
  /// A byte range: lower bound, then upper bound, which must not be below it.
  static func range(_ r: inout BinaryReader) throws -> Range<Int> {
    let lower = try r.int(), upper = try r.int()
    guard lower <= upper else { throw Malformed() }
    return lower..<upper
  }
}
