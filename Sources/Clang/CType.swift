import CClang

/// A C/C++ type as libclang sees it.
public struct CType {
  let raw: CXType
  init(_ raw: CXType) { self.raw = raw }

  public var spelling: String { String(consuming: clang_getTypeSpelling(raw)) }
  public var kindRaw: Int { Int(raw.kind.rawValue) }
  public var isValid: Bool { raw.kind != CXType_Invalid }
  public var canonical: CType { CType(clang_getCanonicalType(raw)) }
  public var pointee: CType { CType(clang_getPointeeType(raw)) }
  public var elementType: CType { CType(clang_getArrayElementType(raw)) }
  /// Size of a constant array, or -1 (incomplete, variable or dependent arrays).
  public var arraySize: Int { Int(clang_getArraySize(raw)) }
  public var isPointer: Bool { raw.kind == CXType_Pointer }
  public var isConstantArray: Bool { raw.kind == CXType_ConstantArray }
  public var isIncompleteArray: Bool { raw.kind == CXType_IncompleteArray }
  public var isDependentArray: Bool { raw.kind == CXType_DependentSizedArray }
  public var isArray: Bool { isConstantArray || isIncompleteArray || isDependentArray || raw.kind == CXType_VariableArray }
  public var isDependent: Bool { raw.kind == CXType_Unexposed || isDependentArray }
  public var declaration: CXCursor { clang_getTypeDeclaration(raw) }
  public var isConstQualified: Bool { clang_isConstQualifiedType(raw) != 0 }
  public var sizeInBytes: Int { Int(clang_Type_getSizeOf(raw)) }
  /// Type with sugar (typedefs, elaboration) removed one level.
  public var namedType: CType { CType(clang_Type_getNamedType(raw)) }
}
