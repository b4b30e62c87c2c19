import Clang
import Foundation

/// An occurrence with the cursor it was found at, for the rules.
public struct CensusEntry {
  public var occurrence: Occurrence
  /// The AST node (nil for unresolved names found through diagnostics).
  public let cursor: Cursor?
  /// For occurrences inside a macro body: the token's range in the `#define`.
  public let inMacroBody: Bool
  /// For names in a `__CUDA_ARCH__` branch the host-only parse skipped: the offset of the line of the
  /// directive that opens the branch.
  public var inactiveBranch: Int? = nil
}

/// Finds every CUDA construct in the user files of one translation unit, independent of the rules,
/// and builds the program model (functions, call graph, shared variables, launches).
public final class Census {
  public let environment: CUDAEnvironment
  public let tu: TranslationUnit
  /// Files whose code is migrated (the unit's main file and headers under the input root).
  public let userFiles: Set<String>
  public let texts: [String: SourceText]

  public private(set) var entries: [CensusEntry] = []
  public private(set) var functions: [String: FunctionInfo] = [:]
  public private(set) var functionOrder: [String] = []
  public private(set) var launches: [LaunchSite] = []
  /// File-scope device variables, by USR, in declaration order.
  public private(set) var deviceGlobals: [String: DeviceGlobal] = [:]
  public private(set) var deviceGlobalOrder: [String] = []
  /// `#include` directives of user headers: directive cursor and included file.
  public private(set) var includes: [(directive: Cursor, file: String)] = []
  public private(set) var parent: [Cursor: Cursor] = [:]
  /// User files that call C math functions (fabs, sqrt, ...) declared by <math.h>.
  public private(set) var filesUsingCMath = Set<String>()
  /// Conversion operators (`__device__ operator T *()`): their heads hold execution-space qualifiers, but
  /// they are not followed as device functions (they cannot take the nd_item or local memory).
  private var conversionOperators: [Cursor] = []
  /// File-scope `__shared__` variables (by USR): every block has its own copy, exactly as if each kernel
  /// that uses one declared it, so the functions that use them receive them like their own.
  public private(set) var fileScopeShared: [String: SharedVariable] = [:]
  private var macroExpansions: [String: [(range: Range<Int>, cursor: Cursor)]] = [:]
  private var seen = Set<OccurrenceKey>()
  private var macroBodyCounters: [String: Int] = [:]
  private var dependentCalls: [(caller: FunctionInfo, name: String, call: Cursor)] = []

  /// The precompiled prelude the unit loaded, if any: a walk of the unit does not visit its declarations
  /// (see Frontend.index), so their names come from it, and it keeps what all units ask of it.
  private let prelude: PrecompiledPrelude?

  public init(tu: TranslationUnit, environment: CUDAEnvironment, userFiles: Set<String>, texts: [String: SourceText],
              prelude: PrecompiledPrelude? = nil) {
    self.tu = tu
    self.environment = environment
    self.userFiles = userFiles
    self.texts = texts
    self.prelude = prelude
    for child in tu.cursor.children where !Census.isImplicitInstantiation(child) { visitTopLevel(child) }
    resolveDependentCalls()
    markSharedDeclarations()
    collectUnresolved()
    collectConditionalMacros()
    collectInactiveDeviceCode()
  }

  // MARK: Walking

  private func isUser(_ c: Cursor) -> Bool {
    // A unit's top level holds every declaration and macro of the prelude and the system headers:
    // classify by libclang's file handle, resolving a file's path once.
    let location = c.location
    guard let handle = location.expansionFileHandle else { return false }
    if let known = userFileByHandle[handle] { return known }
    let user = location.expansion.map { userFiles.contains($0.file) } ?? false
    userFileByHandle[handle] = user
    return user
  }
  private var userFileByHandle: [UnsafeMutableRawPointer: Bool] = [:]

  /// Whether a declaration is written in the CUDA environment's files (by its spelling location). Asked
  /// for every reference in the unit: answered per libclang file handle, resolving each file's path once.
  private func isEnvironmentDeclaration(_ decl: Cursor) -> Bool { declaringFile(decl).environment }
  /// Whether a declaration is written in one of the user files.
  private func isUserDeclaration(_ decl: Cursor) -> Bool { declaringFile(decl).user }
  private func declaringFile(_ decl: Cursor) -> (environment: Bool, user: Bool) {
    let location = decl.location
    guard let handle = location.spellingFileHandle else { return (false, false) }
    if let known = declaringFileByHandle[handle] { return known }
    let file = location.spelling?.file ?? ""
    let answer = (environment.declares(file), userFiles.contains(file))
    declaringFileByHandle[handle] = answer
    return answer
  }
  private var declaringFileByHandle: [UnsafeMutableRawPointer: (environment: Bool, user: Bool)] = [:]

  /// A function or variable clang instantiated from a template: the unit's top level lists it beside its
  /// template (same location), but its code is the template's, which the walk visits.
  static func isImplicitInstantiation(_ c: Cursor) -> Bool {
    switch c.kind {
    case .functionDecl, .cxxMethod, .constructor, .destructor, .conversionFunction, .varDecl:
      guard let pattern = c.specializedTemplate else { return false }
      return pattern.location.isSame(as: c.location)
    default:
      return false
    }
  }

  private func visitTopLevel(_ c: Cursor) {
    guard isUser(c) else { return }
    switch c.kind {
    case .macroExpansion: recordMacroExpansion(c)
    case .inclusionDirective: recordInclusion(c)
    case .macroDefinition: break
    default: visit(c, parentCursor: nil, function: nil)
    }
  }

  private func visit(_ c: Cursor, parentCursor: Cursor?, function: FunctionInfo?) {
    if let parentCursor { parent[c] = parentCursor }
    var function = function
    switch c.kind {
    case .functionDecl, .functionTemplate, .cxxMethod, .constructor, .destructor:
      function = registerFunction(c)
      recordKeywordAttributes(c)
    case .conversionFunction:
      conversionOperators.append(c)
    case .varDecl:
      recordVariable(c, function: function)
    case .callExpr:
      if let launch = launchSite(c, function: function) {
        launches.append(launch)
        record(kind: .launch, name: "<<<>>>", cursor: c, range: launchConfigRange(c), function: function)
        parent[launch.callee] = c
        visit(launch.callee, parentCursor: c, function: function)
        for arg in launch.config + launch.arguments { visit(arg, parentCursor: c, function: function) }
        return
      }
      recordCall(c, function: function)
    case .memberRefExpr:
      if recordMember(c, function: function) { return }
    case .overloadedDeclRef where parentCursor.map({ [.declRefExpr, .memberRefExpr].contains($0.kind) }) ?? false:
      // The name inside a dependent call's callee (`cg::reduce(g, v, op)`, `tile.shfl_down(v, o)` with v
      // of a template type): the callee itself is the occurrence.
      break
    case .declRefExpr, .typeRef, .templateRef, .overloadedDeclRef:
      recordReference(c, function: function)
    case .gccAsmStmt where function.map({ $0.space != .host }) ?? false:
      record(kind: .inlineAssembly, name: "asm", cursor: c, function: function)
    default:
      break
    }
    for child in c.children { visit(child, parentCursor: c, function: function) }
  }

  // MARK: Functions and the call graph

  private func registerFunction(_ c: Cursor) -> FunctionInfo? {
    var global = false, device = false, host = false
    for child in c.children {
      switch child.kind {
      case .cudaGlobalAttr: global = true
      case .cudaDeviceAttr: device = true
      case .cudaHostAttr: host = true
      default: break
      }
    }
    let space: FunctionSpace = global ? .kernel : device ? (host ? .hostDevice : .device) : .host
    let usr = c.canonical.usr
    let info: FunctionInfo
    if let existing = functions[usr] {
      info = existing
      if space != .host { info.space = space }
    } else {
      info = FunctionInfo(usr: usr, name: c.spelling, space: space)
      functions[usr] = info
      functionOrder.append(usr)
    }
    info.declarations.append(c)
    // libclang reports a macro-made declaration at the macro's use site, whose text does not spell the
    // function's name followed by its parameter list.
    // Only the head is read: a body may well call the function by name.
    if let s = c.extent.start.spelling, let e = c.extent.end.spelling, let text = texts[s.file], e.offset > s.offset {
      let head = c.children.first { $0.kind == .compoundStmt }?.extent.start.spelling?.offset ?? e.offset
      let written = text[s.offset..<max(s.offset, min(head, e.offset))]
      let name = NSRegularExpression.escapedPattern(for: c.spelling)
      if written.range(of: name + #"\s*(<[^;{}]*>)?\s*\("#, options: .regularExpression) == nil { info.definedInMacro = true }
    }
    if c.isDefinition { info.definition = c }
    if c.kind == .functionDecl, let primary = c.specializedTemplate, primary.kind == .functionTemplate {
      info.primaryTemplate = primary.canonical.usr
    }
    if c.kind == .functionTemplate {
      info.templateParameters = c.children.filter { $0.kind == .templateTypeParameter || $0.kind == .nonTypeTemplateParameter }.map(\.spelling)
    }
    if let owner = c.semanticParent, owner.kind == .classTemplate {
      info.classTemplateParameters = owner.children.filter { $0.kind == .templateTypeParameter || $0.kind == .nonTypeTemplateParameter }.map(\.spelling)
    }
    return info
  }

  /// `__noinline__` is a keyword of clang's CUDA mode (clang >= 15), not a macro, so no macro
  /// expansion records it: find it among the tokens of the function's head.
  private func recordKeywordAttributes(_ c: Cursor) {
    guard let start = c.extent.start.spelling, userFiles.contains(start.file) else { return }
    guard let end = c.children.first(where: { $0.kind == .compoundStmt })?.extent.start.spelling?.offset ?? c.extent.end.spelling?.offset,
          end > start.offset, texts[start.file].map({ $0[start.offset..<end].contains("__noinline__") }) == true else { return }
    for token in tu.tokens(file: start.file, range: start.offset..<end) where token.spelling == "__noinline__" {
      guard let s = token.range.start.spelling, let e = token.range.end.spelling, s.file == start.file else { continue }
      record(kind: .attribute, name: token.spelling, cursor: nil, range: s.offset..<max(s.offset, e.offset), function: nil, file: s.file)
    }
  }

  /// The USR of the user function a call or reference names (templates resolve to the template).
  func calleeUSR(_ referenced: Cursor) -> String? {
    let decl = referenced.specializedTemplate ?? referenced
    guard decl.kind == .functionDecl || decl.kind == .functionTemplate || decl.kind == .cxxMethod else { return nil }
    let usr = decl.canonical.usr
    return usr
  }

  /// The declaration a reference names; for an unresolved call in a template, its first candidate.
  static func declaration(named c: Cursor) -> Cursor? {
    guard let ref = c.referenced ?? c.overloadedDecls.first else { return nil }
    return ref.kind == .overloadedDeclRef ? ref.overloadedDecls.first : ref
  }

  private func recordCall(_ c: Cursor, function: FunctionInfo?) {
    guard let function else { return }
    let callee = c.referenced ?? c.children.first.map(Syntax.stripImplicit).flatMap(Census.declaration(named:))
    guard let ref = callee else {
      // A call that depends on a template parameter (`Tile<N>::run(...)`, `t.load<true>(...)`) names
      // its callee only by spelling; it is resolved after the walk, when every function is known.
      if let callee = c.children.first.map(Syntax.stripImplicit), let name = Census.calledName(callee) {
        dependentCalls.append((function, name, c))
      }
      return
    }
    guard let usr = calleeUSR(ref), isUserDeclaration(ref) else { return }
    function.calls.append((usr, c))
  }

  /// Device variables declared together (`__device__ int a, b;`): their extents overlap.
  private func markSharedDeclarations() {
    func range(_ g: DeviceGlobal) -> (String, Range<Int>)? {
      guard let s = g.decl.extent.start.spelling, let e = g.decl.extent.end.spelling else { return nil }
      return (s.file, s.offset..<max(s.offset + 1, e.offset))
    }
    for a in deviceGlobalOrder {
      guard let ga = deviceGlobals[a], let ra = range(ga) else { continue }
      for b in deviceGlobalOrder where b != a {
        if let gb = deviceGlobals[b], let rb = range(gb), ra.0 == rb.0, ra.1.overlaps(rb.1) {
          deviceGlobals[a]?.sharesDeclaration = true
        }
      }
    }
  }

  /// The function name a (possibly dependent) callee expression spells: `run` in `Tile<W>::run`,
  /// `load` in `t.load<N>`.
  static func calledName(_ callee: Cursor) -> String? {
    if !callee.spelling.isEmpty { return callee.spelling }
    var tokens = callee.tokens
    if tokens.last?.spelling == ">" {
      var depth = 0
      while let t = tokens.popLast() {
        if t.spelling == ">" { depth += 1 } else if t.spelling == "<" { depth -= 1; if depth == 0 { break } }
      }
    }
    return tokens.last(where: { $0.kind == .identifier })?.spelling
  }

  /// Dependent calls and launches resolved by name, when exactly one device function (or kernel) has it.
  private func resolveDependentCalls() {
    func unique(_ name: String, _ spaces: Set<FunctionSpace>) -> String? {
      let matches = functionOrder.compactMap { functions[$0] }.filter { $0.name == name && spaces.contains($0.space) }
      return matches.count == 1 ? matches[0].usr : nil
    }
    for (caller, name, call) in dependentCalls {
      if let usr = unique(name, [.device, .hostDevice]) { caller.calls.append((usr, call)) }
    }
    for i in launches.indices where launches[i].kernelUSR == nil {
      if let name = Census.calledName(launches[i].callee), let usr = unique(name, [.kernel]) { launches[i].kernelUSR = usr }
    }
  }

  private func recordVariable(_ c: Cursor, function: FunctionInfo?) {
    // clang 16 ignores the SDK's `managed` attribute, so `__managed__` is also recognized by its spelling.
    let declarationText = c.extent.start.spelling.flatMap { s in texts[s.file].map { $0[s.offset..<max(s.offset, c.extent.end.spelling?.offset ?? s.offset)] } } ?? ""
    if function == nil, c.children.contains(where: { $0.kind == .cudaConstantAttr || $0.kind == .cudaDeviceAttr })
        || declarationText.split(separator: "=").first?.contains("__managed__") == true {
      let text = declarationText
      let usr = c.canonical.usr
      if deviceGlobals[usr] == nil { deviceGlobalOrder.append(usr) }
      deviceGlobals[usr] = DeviceGlobal(decl: c, name: c.spelling, usr: usr, isManaged: text.contains("__managed__"),
                                        isConstant: c.children.contains { $0.kind == .cudaConstantAttr },
                                        isExtern: c.storageClass == Cursor.storageExtern)
      return
    }
    // A texture reference (texture<T, dim, mode>) is a device-side global too: kernels receive it.
    if function == nil, isTextureReference(c) {
      let usr = c.canonical.usr
      if deviceGlobals[usr] == nil { deviceGlobalOrder.append(usr) }
      deviceGlobals[usr] = DeviceGlobal(decl: c, name: c.spelling, usr: usr, isManaged: false, isConstant: false,
                                        isExtern: c.storageClass == Cursor.storageExtern, isTextureReference: true)
      return
    }
    guard c.children.contains(where: { $0.kind == .cudaSharedAttr }) else { return }
    guard let function else {
      // One variable per declaration only: `__shared__ float a[N], b[N];` stays flagged.
      if c.semanticParent?.kind != .classDecl, c.semanticParent?.kind != .structDecl,
         !c.tokens.contains(where: { $0.spelling == "," }) {
        fileScopeShared[c.canonical.usr] = SharedVariable(decl: c, declStatement: nil, name: c.spelling,
                                                          isDynamic: c.storageClass == Cursor.storageExtern || c.type.isIncompleteArray)
      }
      return
    }
    // Shared memory in a function a macro defines cannot move out of the macro's text: it stays, flagged.
    if function.definedInMacro { return }
    let statement = parent[c].flatMap { $0.kind == .declStmt ? $0 : nil }
    function.sharedVariables.append(SharedVariable(decl: c, declStatement: statement, name: c.spelling,
                                                   isDynamic: c.storageClass == Cursor.storageExtern || c.type.isIncompleteArray))
    function.usesItemDirectly = true
  }

  private func isTextureReference(_ c: Cursor) -> Bool {
    guard let decl = c.declaration(of: c.type.canonical), decl.spelling == "texture" else { return false }
    return isEnvironmentDeclaration(decl)
  }

  // MARK: Launches

  private static let configFunctions: Set<String> = ["cudaConfigureCall", "__cudaPushCallConfiguration"]

  private func launchSite(_ c: Cursor, function: FunctionInfo?) -> LaunchSite? {
    let children = c.children
    guard children.count >= 2, children[1].kind == .callExpr,
          Census.configFunctions.contains(children[1].spelling) else { return nil }
    let config = children[1].arguments.filter(KernelPlan.isWritten)
    let callee = children[0]
    let kernel = callee.referenced.flatMap { calleeUSR($0) }
    return LaunchSite(call: c, callee: callee, kernelUSR: kernel, config: config,
                      arguments: Array(children.dropFirst(2)), enclosingFunction: function?.usr)
  }

  /// The `<<<...>>>` text range of a launch.
  private func launchConfigRange(_ c: Cursor) -> Range<Int>? {
    let children = c.children
    guard children.count >= 2, let s = children[1].extent.start.spelling, let e = children[1].extent.end.spelling else { return nil }
    return s.offset..<max(s.offset, e.offset)
  }

  // MARK: Occurrences

  private func context(of function: FunctionInfo?) -> CodeContext {
    guard let function else { return .fileScope }
    switch function.space {
    case .host: return .host
    case .device: return .device
    case .kernel: return .kernel
    case .hostDevice: return .hostDevice
    }
  }

  /// Returns the name recorded (nil when nothing was): a built-in variable is named from its written text.
  @discardableResult
  private func record(kind: ConstructKind, name: String, cursor: Cursor?, range: Range<Int>? = nil, function: FunctionInfo?,
                      file explicitFile: String? = nil) -> String? {
    var name = name
    var file: String
    var r: Range<Int>
    var inMacroBody = false
    if let explicitFile, let range {
      file = explicitFile
      r = range
    } else {
      guard let cursor, let s = cursor.extent.start.spelling, let e = cursor.extent.end.spelling else { return nil }
      file = s.file
      r = range ?? (s.offset..<max(s.offset, e.offset))
      guard let text = texts[file] else { return nil }
      // Code from a macro body reports the macro's use site: find the token in the #define instead.
      let probe = kind == .builtinVariable ? String(name.split(separator: ".").first ?? "") : lastComponent(name)
      // A versioned driver function (cuMemAlloc_v2) is counted under the name written (cuMemAlloc).
      if kind == .function, !text[r].contains(probe), CUDANames.unversioned(probe) != probe, text[r].contains(CUDANames.unversioned(probe)) {
        name = CUDANames.unversioned(probe)
      } else if kind != .launch, kind != .attribute, kind != .include, !text[r].contains(probe) {
        guard let body = macroBodyToken(named: probe, at: r.lowerBound, file: file),
              let bodyText = texts[body.file] else { return nil }
        file = body.file
        r = body.range
        if kind == .builtinVariable { r = r.lowerBound..<bodyText.endOfMemberAccess(from: r.upperBound) }
        inMacroBody = true
      }
    }
    guard userFiles.contains(file), let text = texts[file] else { return nil }
    // `threadIdx.x` written inside a macro (`#define tx threadIdx.x`): the cursor's tokens are those of
    // the use site, so take the member from the text the occurrence covers.
    if kind == .builtinVariable, let dot = name.firstIndex(of: "."), let writtenDot = text[r].lastIndex(of: ".") {
      let member = text[r][text[r].index(after: writtenDot)...].trimmingCharacters(in: .whitespacesAndNewlines)
      if ["x", "y", "z"].contains(member) { name = name[..<dot] + "." + member }
    }
    let key = OccurrenceKey(file: file, offset: r.lowerBound, kind: kind, name: name)
    guard !seen.contains(key) else { return name }
    seen.insert(key)
    let (line, column) = text.lineColumn(of: r.lowerBound)
    let occurrence = Occurrence(kind: kind, name: name, file: file, line: line, column: column, offset: r.lowerBound,
                                length: r.count, context: context(of: function), function: function?.name)
    entries.append(CensusEntry(occurrence: occurrence, cursor: cursor, inMacroBody: inMacroBody))
    return name
  }

  private func lastComponent(_ name: String) -> String {
    String(name.split(separator: ".").last ?? Substring(name)).components(separatedBy: "::").last ?? name
  }

  private func recordMacroExpansion(_ c: Cursor) {
    guard let s = c.extent.start.spelling, let e = c.extent.end.spelling else { return }
    macroExpansions[s.file, default: []].append((s.offset..<max(s.offset, e.offset), c))
    guard let def = c.referenced, let defFile = def.location.spelling?.file, environment.declares(defFile) else { return }
    let name = c.spelling
    // `#define cuMemAlloc cuMemAlloc_v2` (or `__CUDA_API_PTDS(cuMemcpyHtoD_v2)`) only renames the
    // function, which is counted itself.
    let body = prelude?.macroBody(def) ?? def.tokens.map(\.spelling)
    if body.first == name, body.dropFirst().contains(where: { $0 != name && CUDANames.unversioned($0) == name }) { return }
    let kind: ConstructKind = CUDANames.attributeMacros.contains(name) ? .attribute : .macro
    record(kind: kind, name: name, cursor: c, range: s.offset..<max(s.offset, e.offset), function: nil)
  }

  private func recordInclusion(_ c: Cursor) {
    guard let included = c.includedFile else {
      // An include that did not resolve: CUDA headers we do not know still count.
      if CUDANames.looksLikeCUDAHeader(c.spelling) {
        record(kind: .include, name: c.spelling, cursor: c, function: nil)
      }
      return
    }
    let resolved = URL(fileURLWithPath: included).standardizedFileURL.path
    // A project's own header is never a CUDA header, whatever its name (Rodinia has a util/cuda/cuda.h).
    if userFiles.contains(resolved) || userFiles.contains(included) {
      includes.append((c, userFiles.contains(resolved) ? resolved : included))
    } else if environment.declares(included) || CUDANames.looksLikeCUDAHeader(c.spelling) {
      record(kind: .include, name: c.spelling, cursor: c, function: nil)
    }
  }

  private func recordMember(_ c: Cursor, function: FunctionInfo?) -> Bool {
    guard let base = c.children.first else { return false }
    let inner = base.kind == .unexposedExpr ? (base.children.first ?? base) : base
    // threadIdx.x and friends: one occurrence for the whole expression.
    if inner.kind == .declRefExpr, CUDANames.builtinVariables.contains(inner.spelling),
       let ref = inner.referenced, isEnvironmentDeclaration(ref) {
      // A whole `blockDim` converted to dim3 (an implicit `operator dim3`) is the variable alone; its
      // components beyond the launch's dimensionality are 1, so it raises no dimension.
      let written = c.tokens.last?.spelling ?? ""
      let whole = written == inner.spelling
      let recorded = record(kind: .builtinVariable, name: whole ? inner.spelling : "\(inner.spelling).\(written)",
                            cursor: c, function: function)
      let member = recorded.map { String($0.split(separator: ".").last ?? "") } ?? ""
      if let function {
        function.usesItemDirectly = true
        let dim = whole ? 1 : ["x": 1, "y": 2, "z": 3][member] ?? 3
        function.dimensionsUsed = max(function.dimensionsUsed, dim)
      }
      return true
    }
    // A call whose arguments depend on a template parameter names its method through an overload set.
    guard let named = c.referenced, let ref = named.kind == .overloadedDeclRef ? named.overloadedDecls.first : named,
          isEnvironmentDeclaration(ref) else { return false }
    // Name the member after the class of the object, not the class that declares it: the SDK declares
    // some members in (internal) base classes, e.g. thread_block_tile<32>::thread_rank().
    // Below implicit casts: the SDK calls tile methods through a cast to an internal base class.
    var objectType = Syntax.stripImplicit(base).type
    if objectType.isPointer { objectType = objectType.pointee }
    let objectClass = base.declaration(of: objectType.canonical).map(Census.namedRecord).flatMap { $0.isEmpty ? nil : $0 }
    let owner = objectClass ?? ref.semanticParent?.spelling ?? ""
    record(kind: .member, name: owner.isEmpty ? ref.spelling : "\(owner).\(ref.spelling)", cursor: c, function: function)
    // Methods of warp tiles (tile.shfl_down(...)) are sub-group operations.
    if CUDANames.subGroupClasses.contains(owner) { function?.usesSubGroupsDirectly = true }
    // The number of tiles narrower than the sub-group comes from the work-group's size.
    if owner == "thread_block_tile", ref.spelling == "meta_group_size", !objectType.canonical.spelling.contains("thread_block_tile<32") {
      function?.usesItemDirectly = true
    }
    return false
  }

  /// The name of a record, or for an unnamed struct or union (`res.array` in cudaResourceDesc) that of
  /// the nearest named record around it: clang spells unnamed ones with their header's path.
  static func namedRecord(_ decl: Cursor) -> String {
    var d = decl
    while d.spelling.contains("(unnamed ") || d.spelling.contains("(anonymous "), let p = d.semanticParent { d = p }
    return d.spelling
  }

  /// clang declares some CUDA functions lazily, as NVPTX target builtins, when it parses against a real
  /// SDK (`__syncthreads`): the declaration gets the location of the first use, in user code, and has no
  /// text of its own (its extent is that one location).
  private func isImplicitCUDABuiltin(_ ref: Cursor) -> Bool {
    ref.kind == .functionDecl && CUDANames.implicitBuiltins.contains(ref.spelling)
      && ref.extent.start.spelling?.offset == ref.location.spelling?.offset
  }

  private func recordReference(_ c: Cursor, function: FunctionInfo?) {
    // The first declaration decides: a user definition of a CUDA-declared function (an old
    // atomicAdd(double *) fallback, say) still names the CUDA API.
    guard let ref = Census.declaration(named: c)?.canonical, ref.location.spellingFileHandle != nil else { return }
    // A dependent call in a host template (`printf("%d", t.size)`) lists every overload: CUDA's device
    // printf comes first (its declarations are included first), but host code calls the C library's.
    if function.map({ $0.space == .host }) ?? true {
      let candidates = (c.referenced ?? c).overloadedDecls
      if candidates.count > 1, candidates.contains(where: { !isEnvironmentDeclaration($0) }) { return }
    }
    guard isEnvironmentDeclaration(ref) || isImplicitCUDABuiltin(ref) else {
      // Device code using a __device__/__constant__/__managed__ variable receives it as a parameter.
      if ref.kind == .varDecl, deviceGlobals[ref.usr] != nil, let function, function.space != .host,
         !function.deviceGlobals.contains(ref.usr) {
        function.deviceGlobals.append(ref.usr)
      }
      if ref.kind == .varDecl, let shared = fileScopeShared[ref.usr], let function, function.space != .host,
         !function.sharedVariables.contains(where: { $0.name == shared.name }) {
        function.sharedVariables.append(shared)
        function.usesItemDirectly = true
      }
      // C math used on the host came with cuda_runtime.h under nvcc; sycl.hpp does not declare it.
      guard c.kind == .declRefExpr, ref.kind == .functionDecl else { return }
      let declared = ref.location.expansion?.file ?? ref.location.spelling?.file ?? ""
      if c.kind == .declRefExpr, ref.kind == .functionDecl, let user = c.location.expansion?.file,
         declared.hasSuffix("math.h") || declared.hasSuffix("mathcalls.h") || declared.hasSuffix("/cmath") {
        filesUsingCMath.insert(user)
      }
      return
    }
    let name = ref.spelling
    switch ref.kind {
    case .constructor:
      return  // dim3(...) is counted as the type it names
    case .varDecl where CUDANames.builtinVariables.contains(name):
      record(kind: .builtinVariable, name: name, cursor: c, function: function)
      // warpSize, and a whole blockDim passed on as a dim3, come from the work-item.
      function?.usesItemDirectly = true
    case .enumConstantDecl:
      record(kind: .constant, name: name, cursor: c, function: function)
    case .structDecl, .classDecl, .typedefDecl, .typeAliasDecl, .enumDecl, .classTemplate:
      record(kind: .type, name: name, cursor: c, function: function)
      // Cooperative-groups types: a thread_block becomes sycl::group<N> (N from the work-item), a
      // warp tile a sycl::sub_group.
      if CUDANames.itemClasses.contains(name) { function?.usesItemDirectly = true }
      if CUDANames.subGroupClasses.contains(name) { function?.usesSubGroupsDirectly = true }
    case .namespace:
      return
    default:
      // A versioned driver function's name is spelled in the SDK's #define: count it where it is written.
      let written = CUDANames.unversioned(name)
      if written != name,
         let e = [c.extent.start.spelling, c.extent.start.file, c.extent.start.expansion].compactMap({ $0 }).first(where: { l in
           texts[l.file].map { t in
             let end = l.offset + written.utf8.count
             return end <= t.bytes.count && t[l.offset..<end] == written && (end == t.bytes.count || !(t.bytes[end] == UInt8(ascii: "_") || t.bytes[end] < 128 && Character(Unicode.Scalar(t.bytes[end])).isLetter || t.bytes[end] < 128 && Character(Unicode.Scalar(t.bytes[end])).isNumber))
           } ?? false
         }) {
        record(kind: .function, name: written, cursor: c, range: e.offset..<(e.offset + written.utf8.count), function: function, file: e.file)
      } else {
        record(kind: .function, name: name, cursor: c, function: function)
      }
      if CUDANames.barriers.contains(name) || CUDANames.itemFunctions.contains(name) { function?.usesItemDirectly = true }
      // printf in device code writes to a sycl::stream the function receives.
      if name == "printf", let function, function.space != .host { function.usesPrintfDirectly = true }
      if CUDANames.subGroupFunctions.contains(name) {
        function?.usesItemDirectly = true
        function?.usesSubGroupsDirectly = true
      }
    }
  }

  /// The `#define` token that produced a reference found at a macro's use site.
  private func macroBodyToken(named name: String, at offset: Int, file: String) -> (file: String, range: Range<Int>)? {
    guard let expansion = macroExpansions[file]?.last(where: { $0.range.contains(offset) || $0.range.lowerBound == offset }),
          let def = expansion.cursor.referenced, let defFile = def.location.spelling?.file, userFiles.contains(defFile)
    else { return nil }
    let matches = def.tokens.dropFirst().filter { $0.kind == .identifier && $0.spelling == name }
    guard !matches.isEmpty else { return nil }
    let counterKey = "\(file):\(expansion.range.lowerBound):\(name)"
    let index = macroBodyCounters[counterKey, default: 0]
    macroBodyCounters[counterKey] = index + 1
    let token = matches[matches.index(matches.startIndex, offsetBy: min(index, matches.count - 1))]
    guard let s = token.range.start.spelling, let e = token.range.end.spelling else { return nil }
    return (defFile, s.offset..<max(s.offset, e.offset))
  }

  // MARK: Names that did not resolve

  private func collectUnresolved() {
    for d in tu.diagnostics where d.severity >= .error {
      guard let pos = d.position, userFiles.contains(pos.file), let name = CUDANames.unresolvedName(in: d.message),
            CUDANames.looksLikeCUDA(name), let text = texts[pos.file] else { continue }
      let offset = pos.offset
      let length = text[offset..<(offset + name.utf8.count)] == name ? name.utf8.count : 0
      record(kind: .unresolved, name: name, cursor: nil, range: offset..<(offset + length), function: enclosingFunction(file: pos.file, offset: offset),
             file: pos.file)
    }
  }

  /// CUDA's predefined macros tested by preprocessor conditionals (`#ifdef __CUDA_ARCH__`,
  /// `#if CUDART_VERSION >= 11000`): clang records no expansion for a name that is only tested, or that
  /// a host-only parse does not define, so the directives are read as text.
  private func collectConditionalMacros() {
    // This unit's files only: the main file and the user headers it includes (another unit owns the rest).
    let unitFiles = Set([tu.path] + includes.map(\.file)).filter { userFiles.contains($0) }
    for file in unitFiles.sorted() {
      guard let text = texts[file] else { continue }
      for start in text.lineStarts {
        var i = text.skipHorizontalSpace(from: start)
        guard i < text.bytes.count, text.bytes[i] == UInt8(ascii: "#") else { continue }
        i = text.skipHorizontalSpace(from: i + 1)
        var keywordEnd = i
        while keywordEnd < text.bytes.count, text.isIdentifierByte(text.bytes[keywordEnd]) { keywordEnd += 1 }
        guard ["if", "ifdef", "ifndef", "elif", "elifdef", "elifndef"].contains(text[i..<keywordEnd]) else { continue }
        var j = keywordEnd
        while j < text.bytes.count, text.bytes[j] != UInt8(ascii: "\n") {
          // A comment ends what the directive tests.
          if text.bytes[j] == UInt8(ascii: "/"), j + 1 < text.bytes.count, [UInt8(ascii: "/"), UInt8(ascii: "*")].contains(text.bytes[j + 1]) { break }
          guard text.isIdentifierByte(text.bytes[j]) else { j += 1; continue }
          let wordStart = j
          while j < text.bytes.count, text.isIdentifierByte(text.bytes[j]) { j += 1 }
          let word = text[wordStart..<j]
          if CUDANames.conditionalMacros.contains(word) {
            record(kind: .macro, name: word, cursor: nil, range: wordStart..<j, function: nil, file: file)
          }
        }
      }
    }
  }

  /// CUDA names in `__CUDA_ARCH__` branches the host-only parse skipped (see InactiveDeviceCode).
  private func collectInactiveDeviceCode() {
    let unitFiles = Set([tu.path] + includes.map(\.file)).filter { userFiles.contains($0) }
    let skipped = tu.skippedRanges(inFiles: unitFiles.contains)
    var names: Set<String>?
    for file in unitFiles.sorted() {
      guard let text = texts[file], let ranges = skipped[file] else { continue }
      for branch in InactiveDeviceCode.branches(text, skipped: ranges) {
        if names == nil { names = environmentNames() }
        for (name, range) in branch.identifiers where names?.contains(name) == true {
          let (line, column) = text.lineColumn(of: range.lowerBound)
          let function = enclosingFunction(file: file, offset: range.lowerBound)
          let key = OccurrenceKey(file: file, offset: range.lowerBound, kind: .unresolved, name: name)
          guard !seen.contains(key) else { continue }
          seen.insert(key)
          let occurrence = Occurrence(kind: .unresolved, name: name, file: file, line: line, column: column, offset: range.lowerBound,
                                      length: range.count, context: context(of: function), function: function?.name)
          entries.append(CensusEntry(occurrence: occurrence, cursor: nil, inMacroBody: false, inactiveBranch: branch.directive))
        }
      }
    }
  }

  /// The names the CUDA environment declares (functions, variables, types, enumerators, including those
  /// of its namespaces), and CUDA's keywords.
  private func environmentNames() -> Set<String> {
    CUDANames.attributeMacros.union(CUDANames.builtinVariables)
      .union(Census.declaredNames(topLevel: tu.cursor.children, environment: environment))
      .union(prelude?.declaredNames(environment: environment) ?? [])
  }

  /// The names that top-level declarations in the CUDA environment's files declare (with those of their
  /// namespaces and `extern "C"` blocks).
  static func declaredNames(topLevel: [Cursor], environment: CUDAEnvironment) -> Set<String> {
    var names = Set<String>()
    func add(_ c: Cursor, depth: Int) {
      switch c.kind {
      case .functionDecl, .functionTemplate, .varDecl, .typedefDecl, .typeAliasDecl, .structDecl, .classDecl, .classTemplate,
           .unionDecl, .macroDefinition:
        if !c.spelling.isEmpty { names.insert(c.spelling) }
      case .enumDecl:
        if !c.spelling.isEmpty { names.insert(c.spelling) }
        for e in c.children where e.kind == .enumConstantDecl { names.insert(e.spelling) }
      // (libclang exposes `extern "C" { ... }` as an unexposed declaration.)
      case .namespace where depth < 2 && c.spelling != "std", .linkageSpec where depth < 2, .unexposedDecl where depth < 2:
        for child in c.children { add(child, depth: depth + 1) }
      default: break
      }
    }
    for c in topLevel {
      guard let file = c.location.spelling?.file, environment.declares(file) else { continue }
      add(c, depth: 0)
    }
    return names
  }

  private func enclosingFunction(file: String, offset: Int) -> FunctionInfo? {
    for usr in functionOrder {
      guard let f = functions[usr] else { continue }
      for d in f.declarations where d.isDefinition {
        if let s = d.extent.start.spelling, let e = d.extent.end.spelling, s.file == file, s.offset <= offset, offset < e.offset { return f }
      }
    }
    return nil
  }
}

extension Census {
  /// For each file, the ranges from a function declaration's start to its body (where qualifiers are written).
  public func functionHeadRanges() -> [String: [Range<Int>]] {
    var out: [String: [Range<Int>]] = [:]
    for f in functions.values.map(\.declarations) + [conversionOperators] {
      for d in f {
        guard let s = d.extent.start.spelling, let e = d.extent.end.spelling else { continue }
        let body = d.children.first { $0.kind == .compoundStmt }?.extent.start.spelling?.offset ?? e.offset
        out[s.file, default: []].append(s.offset..<max(s.offset, body))
      }
    }
    return out
  }
}
