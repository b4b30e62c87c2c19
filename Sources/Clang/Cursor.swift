import CClang

/// A node of the AST (or the preprocessing record). Holds its translation unit alive.
public struct Cursor {
  let raw: CXCursor
  public let tu: TranslationUnit

  init(_ raw: CXCursor, tu: TranslationUnit) {
    self.raw = raw
    self.tu = tu
  }

  public var kind: CursorKind { CursorKind(rawValue: Int(clang_getCursorKind(raw).rawValue)) }
  public var isNull: Bool { clang_Cursor_isNull(raw) != 0 }
  public var spelling: String { String(consuming: clang_getCursorSpelling(raw)) }
  public var displayName: String { String(consuming: clang_getCursorDisplayName(raw)) }
  public var usr: String { String(consuming: clang_getCursorUSR(raw)) }
  public var extent: SourceRange { SourceRange(clang_getCursorExtent(raw)) }
  public var location: SourceLocation { SourceLocation(clang_getCursorLocation(raw)) }
  public var type: CType { CType(clang_getCursorType(raw)) }
  public var resultType: CType { CType(clang_getCursorResultType(raw)) }
  public var isDefinition: Bool { clang_isCursorDefinition(raw) != 0 }
  public var isExpression: Bool { clang_isExpression(clang_getCursorKind(raw)) != 0 }
  public var isStatement: Bool { clang_isStatement(clang_getCursorKind(raw)) != 0 }
  public var isDeclaration: Bool { clang_isDeclaration(clang_getCursorKind(raw)) != 0 }

  private func wrap(_ c: CXCursor) -> Cursor? {
    clang_Cursor_isNull(c) != 0 ? nil : Cursor(c, tu: tu)
  }

  public var referenced: Cursor? { wrap(clang_getCursorReferenced(raw)) }
  public var definition: Cursor? { wrap(clang_getCursorDefinition(raw)) }
  public var canonical: Cursor { Cursor(clang_getCanonicalCursor(raw), tu: tu) }
  public var semanticParent: Cursor? { wrap(clang_getCursorSemanticParent(raw)) }
  /// The declaration of a type (class, struct, enum, typedef), in this cursor's translation unit.
  public func declaration(of type: CType) -> Cursor? { wrap(type.declaration) }
  public var lexicalParent: Cursor? { wrap(clang_getCursorLexicalParent(raw)) }
  /// For a specialization or instantiation, the template it came from.
  public var specializedTemplate: Cursor? { wrap(clang_getSpecializedCursorTemplate(raw)) }

  /// Arguments of a call expression or parameters of a function declaration.
  public var arguments: [Cursor] {
    let n = clang_Cursor_getNumArguments(raw)
    guard n > 0 else { return [] }
    return (0..<UInt32(n)).compactMap { wrap(clang_Cursor_getArgument(raw, $0)) }
  }

  public var numArguments: Int { Int(clang_Cursor_getNumArguments(raw)) }

  /// Overloaded declarations named by an `OverloadedDeclRef` (unresolved calls in templates).
  public var overloadedDecls: [Cursor] {
    let n = clang_getNumOverloadedDecls(raw)
    return (0..<n).compactMap { wrap(clang_getOverloadedDecl(raw, $0)) }
  }

  public var includedFile: String? {
    guard let f = clang_getIncludedFile(raw) else { return nil }
    return String(consuming: clang_getFileName(f))
  }

  public var isStaticMethod: Bool { clang_CXXMethod_isStatic(raw) != 0 }
  public var isConstMethod: Bool { clang_CXXMethod_isConst(raw) != 0 }
  public var isVariadic: Bool { clang_Cursor_isVariadic(raw) != 0 }
  public var storageClass: Int { Int(clang_Cursor_getStorageClass(raw).rawValue) }
  public static let storageExtern = Int(CX_SC_Extern.rawValue)
  public static let storageStatic = Int(CX_SC_Static.rawValue)

  /// Direct children, in source order.
  public var children: [Cursor] {
    final class Box { var items: [CXCursor] = [] }
    let box = Box()
    withExtendedLifetime(box) {
      let ctx = Unmanaged.passUnretained(box).toOpaque()
      clang_visitChildren(raw, { child, _, data in
        Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().items.append(child)
        return CXChildVisit_Continue
      }, ctx)
    }
    return box.items.map { Cursor($0, tu: tu) }
  }

  /// The tokens of this cursor's extent.
  public var tokens: [Token] {
    guard let s = extent.start.spelling, let e = extent.end.spelling, s.file == e.file, s.offset <= e.offset else {
      return tu.tokens(in: extent)
    }
    return tu.tokens(file: s.file, range: s.offset..<e.offset)
  }
}

extension Cursor: Hashable {
  public static func == (a: Cursor, b: Cursor) -> Bool { clang_equalCursors(a.raw, b.raw) != 0 }
  public func hash(into h: inout Hasher) { h.combine(clang_hashCursor(raw)) }
}

public struct CursorKind: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public var description: String {
    String(consuming: clang_getCursorKindSpelling(CXCursorKind(UInt32(rawValue))))
  }
  static func k(_ v: CXCursorKind) -> CursorKind { CursorKind(rawValue: Int(v.rawValue)) }

  public static let structDecl = k(CXCursor_StructDecl)
  public static let classDecl = k(CXCursor_ClassDecl)
  public static let unionDecl = k(CXCursor_UnionDecl)
  public static let functionDecl = k(CXCursor_FunctionDecl)
  public static let varDecl = k(CXCursor_VarDecl)
  public static let fieldDecl = k(CXCursor_FieldDecl)
  public static let parmDecl = k(CXCursor_ParmDecl)
  public static let typedefDecl = k(CXCursor_TypedefDecl)
  public static let typeAliasDecl = k(CXCursor_TypeAliasDecl)
  public static let cxxMethod = k(CXCursor_CXXMethod)
  public static let constructor = k(CXCursor_Constructor)
  public static let destructor = k(CXCursor_Destructor)
  public static let conversionFunction = k(CXCursor_ConversionFunction)
  public static let namespace = k(CXCursor_Namespace)
  public static let functionTemplate = k(CXCursor_FunctionTemplate)
  public static let classTemplate = k(CXCursor_ClassTemplate)
  public static let enumDecl = k(CXCursor_EnumDecl)
  public static let enumConstantDecl = k(CXCursor_EnumConstantDecl)
  public static let templateTypeParameter = k(CXCursor_TemplateTypeParameter)
  public static let nonTypeTemplateParameter = k(CXCursor_NonTypeTemplateParameter)
  public static let typeRef = k(CXCursor_TypeRef)
  public static let templateRef = k(CXCursor_TemplateRef)
  public static let namespaceRef = k(CXCursor_NamespaceRef)
  public static let overloadedDeclRef = k(CXCursor_OverloadedDeclRef)
  public static let unexposedDecl = k(CXCursor_UnexposedDecl)
  public static let unexposedExpr = k(CXCursor_UnexposedExpr)
  public static let declRefExpr = k(CXCursor_DeclRefExpr)
  public static let memberRefExpr = k(CXCursor_MemberRefExpr)
  public static let callExpr = k(CXCursor_CallExpr)
  public static let parenExpr = k(CXCursor_ParenExpr)
  public static let unaryOperator = k(CXCursor_UnaryOperator)
  public static let binaryOperator = k(CXCursor_BinaryOperator)
  public static let compoundAssignOperator = k(CXCursor_CompoundAssignOperator)
  public static let cStyleCastExpr = k(CXCursor_CStyleCastExpr)
  public static let cxxStaticCastExpr = k(CXCursor_CXXStaticCastExpr)
  public static let cxxReinterpretCastExpr = k(CXCursor_CXXReinterpretCastExpr)
  public static let cxxFunctionalCastExpr = k(CXCursor_CXXFunctionalCastExpr)
  public static let packExpansionExpr = k(CXCursor_PackExpansionExpr)
  public static let initListExpr = k(CXCursor_InitListExpr)
  public static let integerLiteral = k(CXCursor_IntegerLiteral)
  public static let stringLiteral = k(CXCursor_StringLiteral)
  public static let lambdaExpr = k(CXCursor_LambdaExpr)
  public static let unexposedStmt = k(CXCursor_UnexposedStmt)
  public static let compoundStmt = k(CXCursor_CompoundStmt)
  public static let declStmt = k(CXCursor_DeclStmt)
  public static let returnStmt = k(CXCursor_ReturnStmt)
  public static let ifStmt = k(CXCursor_IfStmt)
  public static let forStmt = k(CXCursor_ForStmt)
  public static let whileStmt = k(CXCursor_WhileStmt)
  public static let doStmt = k(CXCursor_DoStmt)
  public static let nullStmt = k(CXCursor_NullStmt)
  public static let breakStmt = k(CXCursor_BreakStmt)
  public static let continueStmt = k(CXCursor_ContinueStmt)
  public static let gotoStmt = k(CXCursor_GotoStmt)
  public static let switchStmt = k(CXCursor_SwitchStmt)
  public static let cxxForRangeStmt = k(CXCursor_CXXForRangeStmt)
  public static let arraySubscriptExpr = k(CXCursor_ArraySubscriptExpr)
  public static let cxxNewExpr = k(CXCursor_CXXNewExpr)
  public static let cxxDeleteExpr = k(CXCursor_CXXDeleteExpr)
  public static let gccAsmStmt = k(CXCursor_GCCAsmStmt)
  public static let translationUnit = k(CXCursor_TranslationUnit)
  public static let unexposedAttr = k(CXCursor_UnexposedAttr)
  public static let cudaConstantAttr = k(CXCursor_CUDAConstantAttr)
  public static let cudaDeviceAttr = k(CXCursor_CUDADeviceAttr)
  public static let cudaGlobalAttr = k(CXCursor_CUDAGlobalAttr)
  public static let cudaHostAttr = k(CXCursor_CUDAHostAttr)
  public static let cudaSharedAttr = k(CXCursor_CUDASharedAttr)
  public static let macroDefinition = k(CXCursor_MacroDefinition)
  public static let macroExpansion = k(CXCursor_MacroExpansion)
  public static let inclusionDirective = k(CXCursor_InclusionDirective)
  public static let linkageSpec = k(CXCursor_LinkageSpec)
}

extension Cursor {
  /// The value of an enumerator declaration.
  public var enumConstantValue: Int64 { clang_getEnumConstantDeclValue(raw) }
}

extension Cursor {
  /// Template arguments of a function template specialization, spelled as C++ (types, integral values);
  /// nil when libclang cannot tell (not a specialization, or a kind it does not expose).
  public var templateArgumentSpellings: [String]? {
    let n = clang_Cursor_getNumTemplateArguments(raw)
    guard n > 0 else { return nil }
    var out: [String] = []
    for i in 0..<UInt32(n) {
      switch clang_Cursor_getTemplateArgumentKind(raw, i) {
      case CXTemplateArgumentKind_Type:
        out.append(CType(clang_Cursor_getTemplateArgumentType(raw, i)).spelling)
      case CXTemplateArgumentKind_Integral:
        out.append(String(clang_Cursor_getTemplateArgumentValue(raw, i)))
      default:
        return nil
      }
    }
    return out
  }
}

extension Cursor {
  /// The value of an integer constant expression (literals, constants, macros that expand to them),
  /// as its low 64 bits; nil when clang cannot evaluate it.
  public var integerValue: UInt64? {
    guard let result = clang_Cursor_Evaluate(raw) else { return nil }
    defer { clang_EvalResult_dispose(result) }
    guard clang_EvalResult_getKind(result) == CXEval_Int else { return nil }
    if clang_EvalResult_isUnsignedInt(result) != 0 { return UInt64(clang_EvalResult_getAsUnsigned(result)) }
    return UInt64(bitPattern: Int64(clang_EvalResult_getAsLongLong(result)))
  }
}
