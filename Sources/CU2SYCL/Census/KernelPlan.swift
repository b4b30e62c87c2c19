import Clang

/// Whole-unit decisions that several rules share: which functions take the `nd_item` and local memory,
/// and how many SYCL dimensions each kernel uses.
public final class KernelPlan {
  /// Functions that receive the `nd_item` (kernels always do).
  public private(set) var needsItem = Set<String>()
  /// Device variables each function receives as parameters (after its local memory).
  public private(set) var globalVariables: [String: [DeviceGlobal]] = [:]
  /// Functions that (through their calls) use printf in device code: they take a `sycl::stream`.
  public private(set) var usesStream = Set<String>()
  /// Kernels that (through their calls) use warp-level functions: their launches require sub-groups
  /// of 32 work-items, CUDA's warp size.
  public private(set) var usesSubGroups = Set<String>()
  /// SYCL dimensionality (1...3) of kernels and of the device functions they call.
  public private(set) var dimensions: [String: Int] = [:]
  /// Local memory each function receives as parameters, in order (own variables, then callees').
  public private(set) var localVariables: [String: [SharedVariable]] = [:]
  /// Dimensionality chosen for each `dim3` variable (by USR).
  public private(set) var dim3Dimensions: [String: Int] = [:]
  /// `dim3` variables whose uses disagree on the dimensionality.
  public private(set) var conflictingDim3 = Set<String>()
  /// Uses of local `dim3` variables that a `sycl::range` cannot take (assigned as a whole, address taken,
  /// bound to a non-const reference), and the highest component each gets assigned other than 1.
  private var dim3Uses = Dim3Uses()
  let census: Census

  /// What this unit requires of each function's dimensionality, and which functions must share one:
  /// the migrator combines these over all units so a kernel in a shared header gets one signature.
  public private(set) var requirements: [String: Int] = [:]
  public private(set) var sharedDimensionEdges: [(String, String)] = []

  /// `dimensions` are whole-program dimensionalities (by USR) that take precedence over this unit's own.
  init(census: Census, dimensions overrides: [String: Int] = [:]) {
    self.census = census
    dim3Uses = Dim3Uses(census: census)
    let functions = census.functions
    let deviceSide = functions.filter { $0.value.space != .host }

    // A need flows up the call graph: a device function whose callee needs something needs it too.
    func withCallers(_ seed: (FunctionInfo) -> Bool) -> Set<String> {
      var result = Set(deviceSide.filter { seed($0.value) }.keys)
      var changed = true
      while changed {
        changed = false
        for (usr, f) in deviceSide where !result.contains(usr) && f.calls.contains(where: { result.contains($0.callee) }) {
          result.insert(usr)
          changed = true
        }
      }
      return result
    }
    // The nd_item: every kernel, and functions that read built-ins or sync.
    needsItem = withCallers { $0.space == .kernel || $0.usesItemDirectly }
    // Warp-level code (kernels reaching it require sub-groups of 32).
    usesSubGroups = withCallers(\.usesSubGroupsDirectly)
    // printf in device code: the functions on the way from the kernel receive the kernel's sycl::stream.
    usesStream = withCallers(\.usesPrintfDirectly)
    needsItem.formUnion(usesStream)
    // An explicit specialization has its primary template's signature: what one needs, both get.
    let specializations = deviceSide.compactMap { usr, f in f.primaryTemplate.flatMap { functions[$0] != nil ? (usr, $0) : nil } }
    for (s, p) in specializations {
      for set in [\KernelPlan.needsItem, \.usesStream, \.usesSubGroups] where self[keyPath: set].contains(s) || self[keyPath: set].contains(p) {
        self[keyPath: set].formUnion([s, p])
      }
    }

    // Local memory: a function gets its callees' variables; kernels declare them all at the launch.
    // A callee that is a template specialization has its template parameters replaced along the way.
    func locals(_ usr: String, _ visiting: Set<String>) -> [SharedVariable] {
      guard let f = functions[usr], !visiting.contains(usr) else { return [] }
      var out = f.sharedVariables
      for call in f.calls where call.callee != usr {
        let map = templateArgumentMap(of: call.call, callee: functions[call.callee])
        for var v in locals(call.callee, visiting.union([usr])) where !out.contains(where: { $0.name == v.name }) {
          if !map.isEmpty { v.substitutions.append(map) }
          out.append(v)
        }
      }
      return out
    }
    for usr in deviceSide.keys { localVariables[usr] = locals(usr, []) }
    for (s, p) in specializations where (localVariables[s] ?? []).isEmpty { localVariables[s] = localVariables[p] }

    // Device variables (__device__, __constant__, __managed__) flow up the call graph the same way,
    // and make the functions that use them take parameters.
    func globals(_ usr: String, _ visiting: Set<String>) -> [String] {
      guard let f = functions[usr], !visiting.contains(usr) else { return [] }
      var out = f.deviceGlobals
      for call in f.calls where call.callee != usr {
        for g in globals(call.callee, visiting.union([usr])) where !out.contains(g) { out.append(g) }
      }
      return out
    }
    func globalsOrPrimary(_ usr: String) -> [String] {
      let own = globals(usr, [])
      guard own.isEmpty, let p = specializations.first(where: { $0.0 == usr })?.1 else { return own }
      return globals(p, [])
    }
    for usr in deviceSide.keys {
      let used = globalsOrPrimary(usr)
      if used.contains(where: { census.deviceGlobals[$0]?.isConvertible == true }) { needsItem.insert(usr) }
      // In declaration order, so every signature lists them the same way.
      globalVariables[usr] = census.deviceGlobalOrder.filter { used.contains($0) }.compactMap { census.deviceGlobals[$0] }
        .filter(\.isConvertible)
    }

    // Dimensions: functions connected by calls share one; launches and built-in uses raise it.
    var parent: [String: String] = [:]
    func find(_ x: String) -> String {
      var x = x
      while let p = parent[x], p != x { x = p }
      return x
    }
    func union(_ a: String, _ b: String) { parent[find(a)] = find(b) }
    for usr in needsItem { parent[usr] = usr }
    for usr in needsItem {
      for call in functions[usr]?.calls ?? [] where needsItem.contains(call.callee) { union(usr, call.callee) }
    }
    for (s, p) in specializations where needsItem.contains(s) && needsItem.contains(p) { union(s, p) }
    var groupDims: [String: Int] = [:]
    for usr in needsItem {
      let root = find(usr)
      groupDims[root] = max(groupDims[root] ?? 1, functions[usr]?.dimensionsUsed ?? 1)
    }
    // Launches through argument arrays with written shapes (`cudaLaunchKernel(k, dim3(x, y), ...)`) count too.
    let arrayLaunches = KernelPlan.argumentArrayLaunches(census)
    for launch in census.launches {
      guard let k = launch.kernelUSR, needsItem.contains(k) else { continue }
      let launchDims = launch.config.prefix(2).map { configDimensions($0) }.max() ?? 1
      groupDims[find(k)] = max(groupDims[find(k)] ?? 1, launchDims)
    }
    for (k, config) in arrayLaunches where needsItem.contains(k) {
      groupDims[find(k)] = max(groupDims[find(k)] ?? 1, config.map { configDimensions($0) }.max() ?? 1)
    }
    for (s, p) in specializations where needsItem.contains(s) && needsItem.contains(p) { sharedDimensionEdges.append((s, p)) }
    for usr in needsItem {
      requirements[usr] = max(functions[usr]?.dimensionsUsed ?? 1, 1)
      for call in functions[usr]?.calls ?? [] where needsItem.contains(call.callee) { sharedDimensionEdges.append((usr, call.callee)) }
    }
    for launch in census.launches {
      guard let k = launch.kernelUSR, needsItem.contains(k) else { continue }
      requirements[k] = max(requirements[k] ?? 1, launch.config.prefix(2).map { configDimensions($0) }.max() ?? 1)
    }
    for (k, config) in arrayLaunches where needsItem.contains(k) {
      requirements[k] = max(requirements[k] ?? 1, config.map { configDimensions($0) }.max() ?? 1)
    }
    for usr in needsItem { dimensions[usr] = overrides[usr] ?? groupDims[find(usr)] ?? 1 }

    // dim3 variables take the dimensionality of the kernels they configure.
    for launch in census.launches {
      let n = launch.kernelUSR.flatMap { dimensions[$0] } ?? 3
      for arg in launch.config.prefix(2) {
        guard let v = dim3Variable(arg) else { continue }
        let usr = v.usr
        if let existing = dim3Dimensions[usr], existing != n { conflictingDim3.insert(usr) }
        dim3Dimensions[usr] = max(dim3Dimensions[usr] ?? 1, n)
      }
    }
  }

  /// `cudaLaunchKernel(k, grid, block, ...)` and `cudaLaunchCooperativeKernel` calls that name a kernel:
  /// its USR and the grid and block arguments.
  static func argumentArrayLaunches(_ census: Census) -> [(String, [Cursor])] {
    var out: [(String, [Cursor])] = []
    for e in census.entries where e.occurrence.kind == .function
      && ["cudaLaunchKernel", "cudaLaunchCooperativeKernel"].contains(e.occurrence.name) {
      guard var c = e.cursor else { continue }
      while let p = census.parent[c], p.kind == .unexposedExpr { c = p }
      guard let call = census.parent[c], call.kind == .callExpr else { continue }
      let args = call.arguments
      guard args.count >= 3 else { continue }
      var k = Syntax.stripImplicit(args[0])
      while [.cStyleCastExpr, .cxxReinterpretCastExpr, .cxxStaticCastExpr, .parenExpr, .unaryOperator, .unexposedExpr].contains(k.kind),
            let inner = k.children.last { k = Syntax.stripImplicit(inner) }
      guard k.kind == .declRefExpr, let ref = k.referenced, let usr = census.calleeUSR(ref),
            census.functions[usr]?.space == .kernel else { continue }
      out.append((usr, [args[1], args[2]]))
    }
    return out
  }

  /// Template parameters of a called function (and of its class template) mapped to the arguments of
  /// one call: from the specialization libclang resolved, else from the written `C<a>::f<b>(...)`.
  func templateArgumentMap(of call: Cursor, callee: FunctionInfo?) -> [String: String] {
    guard let callee, !(callee.templateParameters.isEmpty && callee.classTemplateParameters.isEmpty) else { return [:] }
    var map: [String: String] = [:]
    func add(_ parameters: [String], _ arguments: [String]?) {
      guard let arguments, arguments.count == parameters.count else { return }
      for (p, a) in zip(parameters, arguments) where map[p] == nil { map[p] = a }
    }
    add(callee.templateParameters, call.referenced?.templateArgumentSpellings)
    guard let c = call.children.first.map(Syntax.stripImplicit), let s = c.extent.start.spelling, let e = c.extent.end.spelling,
          let text = census.texts[s.file] else { return map }
    let written = text[s.offset..<max(s.offset, e.offset)]
    // `Class<A, B>::run` and `object.method<C>`: the argument lists as written.
    let parts = written.components(separatedBy: "::")
    if parts.count >= 2, let classPart = parts.dropLast().last, let args = KernelPlan.writtenTemplateArguments(classPart) {
      add(callee.classTemplateParameters, args)
    }
    if let last = parts.last, let args = KernelPlan.writtenTemplateArguments(last) { add(callee.templateParameters, args) }
    return map
  }

  /// `name<a, b>` gives ["a", "b"].
  static func writtenTemplateArguments(_ text: String) -> [String]? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.hasSuffix(">"), let open = t.firstIndex(of: "<") else { return nil }
    return splitTopLevel(String(t[t.index(after: open)..<t.index(before: t.endIndex)]))
  }

  /// The variable declaration a launch configuration argument names, if it is a `dim3` variable.
  public func dim3Variable(_ arg: Cursor) -> Cursor? {
    let written = KernelPlan.writtenConfig(arg)
    guard written.kind == .declRefExpr, let ref = written.referenced, ref.kind == .varDecl || ref.kind == .parmDecl,
          ref.type.canonical.spelling.hasSuffix("dim3") else { return nil }
    return ref
  }

  /// The expression the user wrote for a configuration argument (below implicit conversions to dim3).
  public static func writtenConfig(_ arg: Cursor) -> Cursor {
    var c = arg
    while true {
      if c.kind == .unexposedExpr, c.children.count == 1 {
        c = c.children[0]
        continue
      }
      // Implicit dim3(unsigned) or dim3(const dim3 &) constructor: same extent as its one written argument.
      if c.kind == .callExpr, c.referenced?.kind == .constructor {
        let written = c.arguments.filter(KernelPlan.isWritten)
        if written.count == 1, let cs = c.extent.start.spelling, let ws = written[0].extent.start.spelling,
           cs.offset == ws.offset, c.extent.end.spelling?.offset == written[0].extent.end.spelling?.offset {
          c = written[0]
          continue
        }
      }
      return c
    }
  }

  /// How many CUDA dimensions a configuration argument has: 1 for integers, the constructor's
  /// written arguments for dim3 values. A dim3 whose value is not known here (a parameter, a member)
  /// adds none: the kernel keeps its own dimensionality and `cu2sycl::range<N>` checks at run time
  /// that the dimensions it drops are 1.
  public func configDimensions(_ arg: Cursor) -> Int {
    let written = KernelPlan.writtenConfig(arg)
    if let v = dim3Variable(arg) { return declaredDimensions(of: v) }
    if written.kind == .callExpr, written.referenced?.kind == .constructor {
      return dim3Arguments(written).count
    }
    return 1
  }

  /// Dimensions a `dim3` variable is declared with (`dim3 b(16, 16)` has 2, `dim3 g(n, 1, 1)` has 1),
  /// raised by later component assignments; 1 when unknown (see `configDimensions`).
  public func declaredDimensions(of variable: Cursor) -> Int {
    guard variable.kind == .varDecl, !dim3Uses.escaping.contains(variable.usr), let initial = initializerDimensions(of: variable) else { return 1 }
    // `grid.y = n` later gives the variable a y dimension.
    return max(initial, dim3Uses.assignedComponents[variable.usr] ?? 1)
  }

  /// Dimensions of a `dim3` variable's initializer; nil when it copies another dim3 value.
  private func initializerDimensions(of variable: Cursor) -> Int? {
    for child in variable.children {
      let c = Syntax.stripImplicit(child)
      if c.kind == .callExpr, c.referenced?.kind == .constructor {
        if KernelPlan.writtenArgumentCount(c) == 1, let inner = c.arguments.first.map(Syntax.stripImplicit) {
          if inner.kind == .callExpr, inner.referenced?.kind == .constructor { return max(dim3Arguments(inner).count, 1) }
          if inner.type.canonical.spelling.hasSuffix("dim3") { return nil }
        }
        return max(dim3Arguments(c).count, 1)
      }
      if c.kind == .typeRef { continue }
    }
    // `dim3 b;` is (1, 1, 1).
    return variable.children.allSatisfy({ $0.kind == .typeRef }) ? 1 : nil
  }

  /// `dim3 b = TILE;` with `#define TILE dim3(16, 16)`: the arguments cannot be reversed in place, so the
  /// variable stays a dim3 (cu2sycl::dim3, whose macro then names cu2sycl::dim3 too).
  private func initializedThroughMacro(_ variable: Cursor) -> Bool {
    for child in variable.children {
      let c = Syntax.stripImplicit(child)
      guard c.kind == .callExpr, c.referenced?.kind == .constructor else { continue }
      if isMacroConstructed(c) { return true }
      if KernelPlan.writtenArgumentCount(c) == 1, let inner = c.arguments.first.map(Syntax.stripImplicit),
         inner.kind == .callExpr, inner.referenced?.kind == .constructor, isMacroConstructed(inner) { return true }
    }
    return false
  }

  /// Whether a `dim3` variable stays readable as a local `sycl::range<N>`: a plain local dim3 (not an array,
  /// pointer or reference) built from integers, used only through .x/.y/.z and as a value, configuring
  /// kernels of one dimensionality, and declared only with such variables (`dim3 a(..), b(..)` shares the type).
  public func isRangeLocal(_ variable: Cursor) -> Bool {
    func plain(_ v: Cursor) -> Bool {
      let type = v.type.canonical.spelling
      return v.kind == .varDecl && (type == "dim3" || type == "const dim3") && census.isLocal(v)
        && !dim3Uses.escaping.contains(v.usr) && !conflictingDim3.contains(v.usr) && initializerDimensions(of: v) != nil
        && !initializedThroughMacro(v)
    }
    guard plain(variable) else { return false }
    let siblings = census.parent[variable].map { $0.children.filter { $0.kind == .varDecl } } ?? []
    return siblings.allSatisfy(plain)
  }

  /// The written arguments of a dim3 constructor without trailing literal 1s: `dim3(n, 1, 1)` is 1-D.
  public func dim3Arguments(_ call: Cursor) -> [Cursor] {
    var args = call.arguments.filter(KernelPlan.isWritten)
    while args.count > 1, let last = args.last, let s = last.extent.start.spelling, let e = last.extent.end.spelling,
          let text = census.texts[s.file], ["1", "1u", "1U"].contains(text[s.offset..<max(s.offset, e.offset)].trimmingCharacters(in: .whitespaces)) {
      args.removeLast()
    }
    return args
  }

  static func writtenArgumentCount(_ call: Cursor) -> Int { call.arguments.filter(isWritten).count }

  /// Whether a call's argument is written, not defaulted: a defaulted argument has no location, while
  /// a macro used inside another macro's argument (`CHECK((k<<<GRID, 32>>>(p)))`) has an empty range
  /// where it is used, and is written all the same.
  static func isWritten(_ argument: Cursor) -> Bool {
    guard let s = argument.extent.start.spelling, let e = argument.extent.end.spelling else { return false }
    return e.offset >= s.offset
  }

  /// Whether a dim3 constructor's arguments come from one macro use (`#define TILE dim3(16, 16)`, or
  /// `dim3 b(TILE_XY)` with `#define TILE_XY 16, 16`): clang gives them all the macro's range, so they
  /// cannot be rewritten one by one.
  public func isMacroConstructed(_ call: Cursor) -> Bool {
    let ranges = call.arguments.filter(KernelPlan.isWritten).compactMap(KernelPlan.writtenRange)
    if KernelPlan.overlap(ranges) { return true }
    // The type comes from the same macro: `dim3(16, 16)` (a temporary) or `dim3(256)` (a functional cast).
    var owners = [call]
    if let p = census.parent[call], p.kind == .cxxFunctionalCastExpr { owners.append(p) }
    let types = owners.flatMap { $0.children.filter { $0.kind == .typeRef } }.compactMap(KernelPlan.writtenRange)
    return types.contains { t in ranges.contains { $0.overlaps(t) || $0 == t } }
  }

  static func writtenRange(_ c: Cursor) -> Range<Int>? {
    guard let s = c.extent.start.spelling, let e = c.extent.end.spelling, s.file == e.file, e.offset >= s.offset else { return nil }
    return s.offset..<e.offset
  }

  /// Whether consecutive written arguments share text (written separately, each starts after the last ends).
  static func overlap(_ ranges: [Range<Int>]) -> Bool {
    zip(ranges, ranges.dropFirst()).contains { a, b in b.lowerBound < a.upperBound || b.lowerBound == a.lowerBound }
  }

  /// The part of a plan that outlives its translation unit.
  public struct Summary: Sendable {
    public var requirements: [String: Int]
    public var sharedDimensionEdges: [(String, String)]
    public var dimensions: [String: Int]

    init(requirements: [String: Int], sharedDimensionEdges: [(String, String)], dimensions: [String: Int]) {
      self.requirements = requirements
      self.sharedDimensionEdges = sharedDimensionEdges
      self.dimensions = dimensions
    }
  }

  public var summary: Summary { Summary(requirements: requirements, sharedDimensionEdges: sharedDimensionEdges, dimensions: dimensions) }

  /// Whole-program dimensionalities from every unit's requirements: functions connected by calls share
  /// the highest dimensionality any of them needs.
  public static func combine(_ plans: [Summary]) -> [String: Int] {
    var parent: [String: String] = [:]
    func find(_ x: String) -> String {
      var x = x
      while let p = parent[x], p != x { x = p }
      return x
    }
    for p in plans {
      for usr in p.requirements.keys where parent[usr] == nil { parent[usr] = usr }
    }
    for p in plans {
      for (a, b) in p.sharedDimensionEdges where parent[a] != nil && parent[b] != nil { parent[find(a)] = find(b) }
    }
    var group: [String: Int] = [:]
    for p in plans {
      for (usr, n) in p.requirements { group[find(usr)] = max(group[find(usr)] ?? 1, n) }
    }
    var out: [String: Int] = [:]
    for usr in parent.keys { out[usr] = group[find(usr)] ?? 1 }
    return out
  }
}
