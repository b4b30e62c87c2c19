import Clang

/// The launcher cu2sycl writes next to a kernel that is launched through an argument array
/// (`cudaLaunchKernel`, `cuLaunchKernel`, a graph kernel node) or looked up by name in a module:
/// `void k_launcher(sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args)`
/// reads each parameter from `args` and launches the kernel as a `<<<>>>` launch of it is converted
/// (local accessors for shared memory, dynamic shared memory sized from `shared_bytes`, the sub-group
/// size, a stream for device printf, device variables, the kernel's planned dimensionality).
struct KernelLauncher {
  let kernel: FunctionInfo
  let definition: Cursor

  static func name(_ kernel: String) -> String { kernel + "_launcher" }
  static let parameters = "sycl::queue &q, cu2sycl::dim3 grid, cu2sycl::dim3 block, std::size_t shared_bytes, void **args"
  /// Names the launcher itself uses; kernel parameters with these names are read into `name_arg`.
  static let reserved: Set<String> = ["q", "grid", "block", "shared_bytes", "args", "cgh", "item", "stream"]

  /// The kernel's parameters (name as read in the launcher, C++ type), nil when one cannot be read
  /// back from an argument array (a parameter pack, a reference).
  func parameters(_ context: MigrationContext) -> [(name: String, type: String)]? {
    var out: [(String, String)] = []
    for (i, p) in definition.children.filter({ $0.kind == .parmDecl }).enumerated() {
      let type = p.type.spelling
      guard !type.contains("&"), !type.contains("...") else { return nil }
      var name = p.spelling.isEmpty ? "arg\(i)" : p.spelling
      if KernelLauncher.reserved.contains(name) { name += "_arg" }
      out.append((name, KernelLauncher.syclType(type)))
    }
    return out
  }

  static func syclType(_ type: String) -> String {
    let t = TypeSpelling.sycl(type)
    return replaceIdentifier("dim3", with: "cu2sycl::dim3", in: t).replacingOccurrences(of: "cu2sycl::cu2sycl::", with: "cu2sycl::")
  }

  /// For a template kernel, its template head as written (`template <typename T, int N>`); nil for a plain
  /// kernel. Parameter packs are not supported (an argument array does not say how many there are).
  func templateHead(_ context: MigrationContext) -> String?? {
    guard !kernel.templateParameters.isEmpty else { return .some(nil) }
    let tokens = definition.tokens
    guard tokens.first?.spelling == "template", tokens.count > 1, tokens[1].spelling == "<",
          let start = tokens[0].range.start.spelling?.offset, let r = context.range(of: definition), let text = context.texts[r.file] else { return nil }
    var depth = 0
    for t in tokens.dropFirst() {
      if t.spelling == "<" { depth += 1 }
      if t.spelling == ">" { depth -= 1 }
      if t.spelling == ">>" { depth -= 2 }
      if t.spelling == "..." { return nil }
      if depth <= 0, let end = t.range.end.spelling?.offset { return .some(text[start..<end]) }
    }
    return nil
  }

  /// The launcher's definition, indented like the kernel.
  func text(_ context: MigrationContext, file: String, inline: Bool, notes: inout [(WarningKind, String)]) -> String? {
    guard let params = parameters(context), let head = templateHead(context) else { return nil }
    let usr = kernel.usr
    let plan = context.plan
    let n = plan.dimensions[usr] ?? 1
    let launcher = KernelLauncher.name(kernel.name)
    var lines: [String] = []
    lines.append("// \(kernel.name) launched with its arguments in an array (args[i] points to parameter i).")
    if let head { lines.append(head) }
    lines.append("\(inline && head == nil ? "inline " : "")void \(launcher)(\(KernelLauncher.parameters)) {")
    for (i, p) in params.enumerated() {
      if p.type.contains("(") || p.type.contains("[") {
        lines.append("  using \(p.name)_type = \(p.type);")
        lines.append("  \(p.name)_type \(p.name) = *static_cast<\(p.name)_type *>(args[\(i)]);")
      } else {
        let pointer = p.type.hasSuffix("*") ? p.type + "*" : p.type + " *"
        let declared = p.type.hasSuffix("*") ? p.type + p.name : p.type + " " + p.name
        lines.append("  \(declared) = *static_cast<\(pointer)>(args[\(i)]);")
      }
    }
    let ndRange = "sycl::nd_range<\(n)>(cu2sycl::range<\(n)>(grid) * cu2sycl::range<\(n)>(block), cu2sycl::range<\(n)>(block))"
    let locals = (plan.localVariables[usr] ?? []).compactMap { SharedVariableShape($0, context: context) }
    let names = Set(params.map(\.name))
    let accessorNames = locals.map { names.contains($0.name) ? $0.name + "_local" : $0.name }
    var extra = [context.itemName]
    for (shape, acc) in zip(locals, accessorNames) {
      extra.append(shape.isDynamic ? "\(acc).get_multi_ptr<sycl::access::decorated::no>().get()" : acc)
    }
    let globals = plan.globalVariables[usr] ?? []
    for g in globals { extra.append(g.isTextureReference ? "\(g.name)_symbol" : "*\(g.name)_symbol") }
    let printing = plan.usesStream.contains(usr)
    if printing { extra.append(context.streamName) }
    // A template kernel is called with its parameters named (local accessors do not deduce).
    let callee = head == nil ? kernel.name : kernel.name + "<" + kernel.templateParameters.joined(separator: ", ") + ">"
    let call = "\(callee)(" + (params.map(\.name) + extra).joined(separator: ", ") + ");"
    let attribute = plan.usesSubGroups.contains(usr) ? " [[sycl::reqd_sub_group_size(32)]]" : ""
    let lambda = "[=](sycl::nd_item<\(n)> \(context.itemName))\(attribute) {"
    if locals.isEmpty && globals.isEmpty && !printing {
      lines.append("  q.parallel_for(\(ndRange), \(lambda)")
      lines.append("    \(call)")
      lines.append("  });")
    } else {
      lines.append("  q.submit([&](sycl::handler &cgh) {")
      for g in globals {
        lines.append(g.isTextureReference ? "    auto \(g.name)_symbol = \(g.name);" : "    auto *\(g.name)_symbol = &\(g.name);")
      }
      if printing { lines.append("    sycl::stream \(context.streamName)(65536, 1024, cgh);") }
      // In a template launcher the kernel's template parameters are in scope for the accessors' types.
      for (shape, acc) in zip(locals, accessorNames) {
        if shape.isDynamic {
          lines.append("    sycl::local_accessor<\(shape.accessorElement), 1> \(acc)(sycl::range<1>(shared_bytes / sizeof(\(shape.accessorElement))), cgh);")
        } else {
          lines.append("    sycl::local_accessor<\(shape.accessorElement)\(shape.dimensions), 0> \(acc)(cgh);")
        }
      }
      lines.append("    cgh.parallel_for(\(ndRange), \(lambda)")
      lines.append("      \(call)")
      lines.append("    });")
      lines.append("  });")
    }
    lines.append("}")
    context.use(.kernelLauncher, in: file)
    return lines.joined(separator: "\n")
  }

  /// `static cu2sycl::kernel_registration<P...> k_registration("k", k_launcher);`
  func registration(_ context: MigrationContext, file: String) -> String? {
    guard let params = parameters(context) else { return nil }
    context.use(.modules, in: file)
    let types = params.map(\.type).joined(separator: ", ")
    return "// Found by name in a module (cu2sycl::get_function, for cuModuleGetFunction).\n"
      + "static cu2sycl::kernel_registration<\(types)> \(kernel.name)_registration(\"\(kernel.name)\", \(KernelLauncher.name(kernel.name)));"
  }
}
