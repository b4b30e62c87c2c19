import Clang

/// How a function runs: CUDA's execution space qualifiers.
public enum FunctionSpace: String, Sendable, Codable {
  case host, device, kernel
  case hostDevice = "host-device"
}

/// A `__shared__` variable declared in a function body.
public struct SharedVariable {
  public var decl: Cursor
  public var declStatement: Cursor?
  public var name: String
  /// `extern __shared__ T name[]`: dynamic, sized by the launch.
  public var isDynamic: Bool
  /// A texture reference passed to kernels (by value; it lives on the host).
  public var isTextureReference = false
  /// Template parameters replaced by template arguments along the call path from the function that
  /// receives the variable (`BS` -> `8` for a call to `tile<8>`), applied in order.
  public var substitutions: [[String: String]] = []
}

/// A user function (kernel, device, host-device or host) and what the migration needs to know about it.
public final class FunctionInfo {
  public let usr: String
  public let name: String
  public var space: FunctionSpace
  /// Every declaration (prototypes and the definition), in source order.
  public var declarations: [Cursor] = []
  public var definition: Cursor?
  /// Highest CUDA dimension read directly (x = 1, y = 2, z = 3), 0 if none.
  public var dimensionsUsed = 0
  /// Reads built-ins or calls barriers directly, so it needs the `nd_item`.
  public var usesItemDirectly = false
  /// Calls printf in device code (it receives a sycl::stream).
  public var usesPrintfDirectly = false
  /// Calls warp-level functions directly (its kernels need a sub-group size of 32).
  public var usesSubGroupsDirectly = false
  public var sharedVariables: [SharedVariable] = []
  /// Calls to other user functions: callee USR and the call expression.
  public var calls: [(callee: String, call: Cursor)] = []
  /// `__device__`/`__constant__`/`__managed__` variables the function reads or writes (by USR, in order).
  public var deviceGlobals: [String] = []
  /// Template parameter names, in order.
  public var templateParameters: [String] = []
  /// For an explicit specialization (`template <> float f<-1>(...)`), the primary template's USR: both
  /// must keep one signature.
  public var primaryTemplate: String?
  /// Defined by a macro expansion (`#define BUILD(t) ... __device__ t &get() {...}`): its text is the
  /// macro's, so cu2sycl cannot add parameters or move its shared memory.
  public var definedInMacro = false
  /// For a member function of a class template, the class's template parameters.
  public var classTemplateParameters: [String] = []

  /// For a variadic template (`template <typename... T> __global__ void k(int n, T... p)`), the index of
  /// its function parameter pack: the item and local memory go right before it, where calls can still
  /// deduce the pack (a pack that is not last is never deduced).
  public var packIndex: Int? {
    guard let decl = definition ?? declarations.first else { return nil }
    return decl.children.filter { $0.kind == .parmDecl }.firstIndex { $0.type.spelling.hasSuffix("...") }
  }

  init(usr: String, name: String, space: FunctionSpace) {
    self.usr = usr
    self.name = name
    self.space = space
  }
}

/// A file-scope `__device__`, `__constant__` or `__managed__` variable.
public struct DeviceGlobal {
  public var decl: Cursor
  public var name: String
  public var usr: String
  /// Host code may read and write it directly (`__managed__`).
  public var isManaged: Bool
  public var isConstant: Bool
  public var isExtern: Bool
  /// A legacy texture reference (`texture<float, 2> tex;`): a host object the kernels receive by value.
  public var isTextureReference = false
  /// One of several declarators of one declaration (`__device__ int a, b;`).
  public var sharesDeclaration = false
  /// cu2sycl turns it into a USM allocation (and kernels receive it) only when it can rewrite it alone.
  public var isConvertible: Bool { !isExtern && !sharesDeclaration }
  /// As a variable the kernels receive, like shared memory.
  public var asParameterVariable: SharedVariable { SharedVariable(decl: decl, declStatement: nil, name: name, isDynamic: false, isTextureReference: isTextureReference) }
}

/// A kernel launch `k<<<grid, block, shmem, stream>>>(args)`.
public struct LaunchSite {
  public var call: Cursor
  /// The callee expression as written (`k` or `k<float>`).
  public var callee: Cursor
  public var kernelUSR: String?
  /// Written configuration arguments (grid, block, then optional shared bytes and stream).
  public var config: [Cursor]
  public var arguments: [Cursor]
  /// The function the launch is in.
  public var enclosingFunction: String?
}
