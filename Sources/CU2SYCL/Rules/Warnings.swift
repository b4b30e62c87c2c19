/// Stable warning ids written as `// CU2SYCL-Wnnn: reason` and listed in reports (`cu2sycl explain Wnnn`).
public struct WarningKind: Sendable, Hashable, Codable {
  public let id: String
  public let title: String
  /// What it means, why, and what a person should do.
  public let explanation: String
}

public enum Warnings {
  public static let unsupported = WarningKind(
    id: "W001", title: "CUDA construct not converted",
    explanation: "No cu2sycl rule converts this CUDA construct yet. It is left as written and counted as unsupported; rewrite it with the SYCL 2020 equivalent by hand.")
  public static let macroBody = WarningKind(
    id: "W002", title: "CUDA construct inside a macro body",
    explanation: "The construct is produced by a macro whose body cu2sycl cannot restructure safely. Expand the macro by hand or rewrite its body in SYCL.")
  public static let sharedSize = WarningKind(
    id: "W003", title: "shared memory size not known at the launch",
    explanation: "A __shared__ array's size uses names that are not visible where the kernel is launched (local constants or deduced template parameters), so the local_accessor could not be created there. Create it by hand with the right size.")
  public static let stream = WarningKind(
    id: "W004", title: "launch on a stream runs on the default queue",
    explanation: "Streams are not migrated in this version: the kernel runs on the default in-order queue. Results are the same (everything is serialized), but work that overlapped on different streams no longer does.")
  public static let dim3Use = WarningKind(
    id: "W005", title: "dim3 used in a way cu2sycl cannot convert",
    explanation: "A dim3 value is used other than as a launch configuration or through .x/.y/.z, or it configures kernels of different dimensionality. Convert it to the right sycl::range<N> by hand (SYCL's last dimension is CUDA's x).")
  public static let conflict = WarningKind(
    id: "W006", title: "overlapping rewrites",
    explanation: "Two rewrites touched the same code, so one was not applied. This is a cu2sycl bug; please report it with the input. The code shown is only partly converted.")
  public static let deviceVariable = WarningKind(
    id: "W007", title: "device global variable",
    explanation: "A __device__, __constant__ or __managed__ variable at file scope has no portable SYCL 2020 equivalent here. Allocate it with USM (sycl::malloc_device / malloc_shared) and pass the pointer to the kernels that use it.")
  public static let hostDeviceItem = WarningKind(
    id: "W008", title: "host-device function needs the work-item",
    explanation: "A __host__ __device__ function reads built-in variables or uses barriers, so it now takes the nd_item, and host callers cannot call it. Split it into a host and a device version.")
  public static let parseError = WarningKind(
    id: "W009", title: "file has parse errors",
    explanation: "clang reported errors in this file, so parts of it may not be understood. Fix the errors (or pass the right -I/-D flags with --extra-arg) and migrate again.")
  public static let subGroupSize = WarningKind(
    id: "W010", title: "warp size assumed",
    explanation: "warpSize became the sub-group size, which SYCL devices choose (often 8, 16 or 32; not always 32). Code that only uses it for index arithmetic is fine; code that assumes 32 lanes (masks, shuffles, fixed-size arrays) must be checked.")
  public static let roundingMode = WarningKind(
    id: "W020", title: "rounding mode has no SYCL equivalent",
    explanation: "The intrinsic rounds toward zero, up or down (_rz, _ru, _rd). SYCL 2020 has no control over the rounding mode of arithmetic or of integer-to-floating conversions, so it is left as written. If the direction does not matter, use the _rn form (which cu2sycl converts to plain C++ arithmetic or a cast); interval arithmetic and similar code must emulate the rounding (for example with sycl::nextafter on the round-to-nearest result).")
  public static let noMathEquivalent = WarningKind(
    id: "W021", title: "math function has no SYCL built-in",
    explanation: "SYCL 2020 has no built-in for this CUDA math function (inverse error functions, Bessel functions, erfcx, normcdfinv, array norms). It is left as written: implement it in plain SYCL (a rational approximation or a library's device function) and call that.")
  public static let atomicType = WarningKind(
    id: "W022", title: "atomic operation on a type sycl::atomic_ref does not support",
    explanation: "sycl::atomic_ref works on int, unsigned int, long, unsigned long, long long, unsigned long long, float, double and pointers. An atomic on another type (a 16-bit atomicCAS, say) is left as written: widen the data to 32 bits, or emulate it with a compare-exchange loop on the enclosing 32-bit word.")

  public static let all: [WarningKind] = [unsupported, macroBody, sharedSize, stream, dim3Use, conflict, deviceVariable,
                                          hostDeviceItem, parseError, subGroupSize, roundingMode, noMathEquivalent, atomicType]

  public static func kind(id: String) -> WarningKind? { all.first { $0.id == id } }
}
