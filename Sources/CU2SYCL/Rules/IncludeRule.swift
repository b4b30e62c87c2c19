import Foundation
/// `#include <cuda_runtime.h>` and friends become one `#include <sycl/sycl.hpp>`; includes of migrated
/// headers follow their new names. cuda-samples' `helper_cuda.h` (checkCudaErrors, findCudaDevice, ...)
/// is replaced by SYCL versions of the same macros and functions in `cu2sycl/runtime.hpp`.
public struct IncludeRule: MigrationRule {
  public static let id = "cuda-includes"
  public static let summary = "Replaces CUDA header includes with <sycl/sycl.hpp> and renames includes of migrated headers."
  public static let covers = ["cuda_runtime.h", "cuda.h", "cuda_runtime_api.h", "device_launch_parameters.h", "device_functions.h",
                              "vector_types.h", "math_functions.h", "cuda_fp16.h", "cooperative_groups.h",
                              "cooperative_groups/reduce.h", "helper_cuda.h",
                              "cuda_profiler_api.h", "nvtx3/nvToolsExt.h"]
  public static let examples = [
    RuleExample(cuda: "#include <device_launch_parameters.h>\nint x;\n", sycl: "int x;\n"),
  ]
  /// Headers whose whole content SYCL provides; others (cuBLAS, cuRAND, ...) stay unsupported.
  static let replaced: Set<String> = ["cuda_runtime.h", "cuda.h", "cuda_runtime_api.h", "device_launch_parameters.h",
                                      "device_functions.h", "vector_types.h", "math_functions.h", "host_defines.h",
                                      "driver_types.h", "builtin_types.h", "cuda_device_runtime_api.h", "sm_20_atomic_functions.h",
                                      "cuda_fp16.h", "cuda_fp16.hpp",
                                      // Profiler control and NVTX: the profiler rule removes their calls.
                                      "cuda_profiler_api.h", "nvToolsExt.h"]

  public init() {}

  public func apply(to context: MigrationContext) {
    var firstDone = Set<String>()
    for i in context.pending({ $0.occurrence.kind == .include }) {
      let o = context.entries[i].occurrence
      let name = o.name.split(separator: "/").last.map(String.init) ?? o.name
      // Cooperative groups (cooperative_groups.h, cooperative_groups/reduce.h, ...) are part of SYCL too.
      let cooperativeGroups = o.name == "cooperative_groups.h" || o.name.hasPrefix("cooperative_groups/")
      let helperCuda = name == "helper_cuda.h"
      guard IncludeRule.replaced.contains(name) || cooperativeGroups || helperCuda, let text = context.texts[o.file] else { continue }
      if helperCuda { context.use(.helperCuda, in: o.file) }
      let range = o.offset..<(o.offset + o.length)
      // sycl.hpp is C++: inside an `extern "C"` block it cannot go where the CUDA include was; the
      // emitter puts it at the top of the file instead.
      // Code above the include may use what nvcc's implicit cuda_runtime.h gave it (NULL, size_t): then
      // the emitter puts sycl.hpp at the top of the file, before that code.
      if !text.isInsideExternC(o.offset), !text.hasCodeBefore(o.offset), firstDone.insert(o.file).inserted {
        context.replace(o.file, range, with: "#include <sycl/sycl.hpp>", rule: Self.id)
      } else {
        context.replace(o.file, text.wholeLines(around: range), with: "", rule: Self.id)
      }
      context.claim(i, .converted, rule: Self.id)
    }
    // Includes of user headers that are migrated under a new name.
    for (directive, file) in context.census.includes {
      guard let newName = context.outputName(file), let r = context.range(of: directive), let text = context.texts[r.file] else { continue }
      let written = text[r.range]
      let oldBase = file.split(separator: "/").last.map(String.init) ?? file
      let newBase = newName.split(separator: "/").last.map(String.init) ?? newName
      guard oldBase != newBase, let at = written.range(of: oldBase, options: .backwards) else { continue }
      let start = r.range.lowerBound + written.utf8.distance(from: written.startIndex, to: at.lowerBound)
      context.replace(r.file, start..<(start + oldBase.utf8.count), with: newBase, rule: Self.id)
    }
  }
}
