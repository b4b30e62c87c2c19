import Foundation

/// The report formats, all rendered from one `MigrationReport` (so they never disagree).
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, json, csv, md, html, sarif

  /// Accepts the format names and their usual spellings (`markdown`, `txt`).
  public init?(name: String) {
    switch name.lowercased() {
    case "markdown": self = .md
    case "txt", "terminal": self = .text
    default: self.init(rawValue: name.lowercased())
    }
  }
}

/// What a renderer produces: one file, or a directory of files (the HTML site), by relative path.
public enum RenderedReport: Sendable {
  case file([UInt8])
  case directory([(path: String, bytes: [UInt8])])
}

/// What renderers may need besides the report.
public struct RenderOptions: Sendable {
  /// Terminal colors (text only): on for a TTY without NO_COLOR.
  public var color = false
  /// Where the CUDA inputs and the migrated outputs are, for the HTML pages' side-by-side view; the
  /// report's own roots when nil. A file that cannot be read is shown as missing, not an error.
  public var inputRoot: String?
  public var outputRoot: String?
  public init(color: Bool = false, inputRoot: String? = nil, outputRoot: String? = nil) {
    self.color = color
    self.inputRoot = inputRoot
    self.outputRoot = outputRoot
  }
}

extension MigrationReport {
  public func render(_ format: ReportFormat, options: RenderOptions = RenderOptions()) throws -> RenderedReport {
    switch format {
    case .text: return .file(Array(TextReport.render(self, color: options.color).utf8))
    case .json: return .file([UInt8](try json()))
    case .csv: return .file(Array(CSVReport.render(self).utf8))
    case .md: return .file(Array(MarkdownReport.render(self).utf8))
    case .sarif: return .file([UInt8](try SARIFReport.render(self)))
    case .html: return .directory(HTMLReport.render(self, options: options))
    }
  }

  /// Writes a rendering: a file at `path`, or the HTML site into the directory `path`. Each file is
  /// written atomically.
  public func write(_ format: ReportFormat, to path: String, options: RenderOptions = RenderOptions()) throws {
    switch try render(format, options: options) {
    case .file(let bytes): try FileWriter.write(bytes, to: path)
    case .directory(let files): for f in files { try FileWriter.write(f.bytes, to: path + "/" + f.path) }
    }
  }
}
