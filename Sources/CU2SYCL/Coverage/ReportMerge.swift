import Foundation

extension MigrationReport {
  public struct MergeError: Error, CustomStringConvertible {
    public let description: String
  }

  /// One report from the reports of a sharded run. Shards of one tree (same input root) keep their
  /// paths; shards of different trees are placed under their common ancestor directory, so
  /// `a/x.cu` of `/src/a` and `b/x.cu` of `/src/b` stay apart. A file in two shards is kept once (the
  /// first shard's), as is an occurrence seen by two shards (a shared header).
  public static func merge(_ reports: [MigrationReport]) throws -> MigrationReport {
    guard let first = reports.first else { throw MergeError(description: "nothing to merge") }
    let versions = Set(reports.map(\.schemaVersion))
    guard versions.count == 1 else { throw MergeError(description: "the reports have different schema versions \(versions.sorted())") }
    let root = commonAncestor(reports.map(\.inputRoot))
    let outputRoots = reports.compactMap(\.outputRoot)
    let outputRoot = outputRoots.count == reports.count ? commonAncestor(outputRoots) : nil
    var files: [FileReport] = []
    var seenFiles = Set<String>()
    var occurrences: [Occurrence] = []
    var seenOccurrences = Set<OccurrenceKey>()
    var conflicts: [String] = []
    var extraArguments: [String] = []
    for report in reports {
      let prefix = relative(report.inputRoot, to: root)
      let outputPrefix = report.outputRoot.flatMap { out in outputRoot.map { relative(out, to: $0) } } ?? ""
      for var f in report.files {
        f.input = prefix + f.input
        f.output = f.output.map { outputPrefix + $0 }
        f.diagnostics = f.diagnostics.map { var d = $0; d.file = prefix + d.file; return d }
        guard seenFiles.insert(f.input).inserted else { continue }
        files.append(f)
      }
      for var o in report.occurrences {
        o.file = prefix + o.file
        guard seenOccurrences.insert(o.key).inserted else { continue }
        occurrences.append(o)
      }
      conflicts += report.conflicts
      for a in report.run.extraArguments where !extraArguments.contains(a) { extraArguments.append(a) }
    }
    var environments: [String] = []
    for r in reports where !environments.contains(r.cudaEnvironment) { environments.append(r.cudaEnvironment) }
    var merged = MigrationReport(cudaEnvironment: environments.joined(separator: "; "), inputRoot: root, outputRoot: outputRoot,
                                 run: RunInfo(extraArguments: extraArguments, mergedFrom: reports.count),
                                 files: files, occurrences: occurrences, conflicts: conflicts)
    merged.toolVersion = first.toolVersion
    return merged
  }

  /// The deepest directory containing every path.
  static func commonAncestor(_ paths: [String]) -> String {
    let split = paths.map { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
    guard var common = split.first else { return "/" }
    for parts in split.dropFirst() {
      var n = 0
      while n < common.count, n < parts.count, common[n] == parts[n] { n += 1 }
      common = Array(common.prefix(n))
    }
    let joined = common.joined(separator: "/")
    return joined.isEmpty ? "/" : joined
  }

  /// `path` below `root`, with a trailing slash ("" when they are the same).
  static func relative(_ path: String, to root: String) -> String {
    if path == root { return "" }
    let base = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) + "/" : path + "/"
  }
}
