import Clang

/// Driver initialization and contexts. Migrated code runs in one SYCL context that holds every device
/// (see devices), so a CUDA context only says which device is current: `CUcontext` is
/// `cu2sycl::context_ptr` (one per device), creating or making one current selects its device like
/// `cudaSetDevice`, and the push/pop stack is kept. `cuInit` has nothing to do.
public struct DriverContextRule: MigrationRule {
  public static let id = "driver-contexts"
  public static let summary = "Maps cuInit, CUcontext and the context calls (create, destroy, push, pop, set, synchronize) to device selection."
  public static let covers = ["cuInit", "CUcontext", "cuCtxCreate", "cuCtxDestroy", "cuCtxPushCurrent", "cuCtxPopCurrent", "cuCtxSetCurrent",
                              "cuCtxGetCurrent", "cuCtxGetDevice", "cuCtxSynchronize", "cuDevicePrimaryCtxRetain", "cuDevicePrimaryCtxRelease",
                              "CU_CTX_*", "CUctxCreateParams"]
  public static let examples = [
    RuleExample(
      cuda: """
      #include <cuda.h>
      int run(CUdevice dev) {
        if (cuInit(0) != CUDA_SUCCESS) return 1;
        CUcontext ctx, popped;
        cuCtxCreate(&ctx, CU_CTX_SCHED_AUTO, dev);
        cuCtxPopCurrent(&popped);
        cuCtxPushCurrent(ctx);
        cuCtxSetCurrent(ctx);
        cuCtxGetDevice(&dev);
        cuCtxSynchronize();
        cuCtxDestroy(ctx);
        return dev;
      }

      """,
      sycl: """
      int run(int dev) {
        if (0 != 0) return 1;
        cu2sycl::context_ptr ctx, popped;
        ctx = cu2sycl::create_context(dev);
        popped = cu2sycl::pop_context();
        cu2sycl::push_context(ctx);
        cu2sycl::set_context(ctx);
        dev = cu2sycl::current_device();
        cu2sycl::default_queue().wait_and_throw();
        cu2sycl::destroy_context(ctx);
        return dev;
      }

      """),
    RuleExample(
      cuda: """
      #include <cuda.h>
      #define CHECK(call) if ((call) != CUDA_SUCCESS) return 1
      int leave() {
        CHECK(cuCtxPopCurrent(NULL));
        return 0;
      }

      """,
      sycl: """
      #define CHECK(call) if ((call) != 0) return 1
      int leave() {
        CHECK((cu2sycl::pop_context(), 0));
        return 0;
      }

      """),
  ]

  public init() {}

  public func apply(to context: MigrationContext) {
    for i in context.pending({ $0.occurrence.kind == .function && Self.covers.contains(MigrationContext.driverName($0.occurrence.name)) }) {
      guard let (call, file, range, args) = context.apiCall(context.entries[i]) else { continue }
      var pieces: [Piece]
      switch MigrationContext.driverName(context.entries[i].occurrence.name) {
      case "cuInit", "cuDevicePrimaryCtxRelease":
        // Nothing to initialize; a primary context lives as long as the program.
        context.claimDropped(args, rule: Self.id)
        context.removeCall(call, file: file, range: range, rule: Self.id)
        context.claim(i, .converted, rule: Self.id)
        continue
      case "cuCtxCreate":
        // (ctx, flags, dev), or CUDA 12.5's (ctx, params, flags, dev): scheduling flags and parameters are
        // hints for NVIDIA's driver.
        guard args.count >= 3, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[args.count - 1]) else { continue }
        context.claimDropped(args.dropFirst().dropLast(), rule: Self.id)
        pieces = target + [.text(" = cu2sycl::create_context("), d, .text(")")]
      case "cuDevicePrimaryCtxRetain":
        guard args.count == 2, let (target, _) = context.assignmentTarget(args[0]), let d = context.writtenSource(args[1]) else { continue }
        pieces = target + [.text(" = cu2sycl::device_context("), d, .text(")")]
      case "cuCtxDestroy", "cuCtxPushCurrent", "cuCtxSetCurrent":
        guard args.count == 1, let c = context.source(args[0]) else { continue }
        let helper = ["cuCtxDestroy": "destroy_context", "cuCtxPushCurrent": "push_context", "cuCtxSetCurrent": "set_context"][MigrationContext.driverName(context.entries[i].occurrence.name)]!
        pieces = [.text("cu2sycl::\(helper)("), c, .text(")")]
      case "cuCtxPopCurrent", "cuCtxGetCurrent", "cuCtxGetDevice":
        let helper = ["cuCtxPopCurrent": "pop_context", "cuCtxGetCurrent": "current_context", "cuCtxGetDevice": "current_device"][MigrationContext.driverName(context.entries[i].occurrence.name)]!
        // cuCtxPopCurrent(NULL) pops without asking which context it was.
        if helper == "pop_context", args.count == 1, context.isNullPointer(args[0]) {
          context.claimArguments(args, rule: Self.id)
          pieces = [.text("cu2sycl::pop_context()")]
          break
        }
        guard args.count == 1, let (target, _) = context.assignmentTarget(args[0]) else { continue }
        pieces = target + [.text(" = cu2sycl::\(helper)()")]
      case "cuCtxSynchronize":
        pieces = [.text("\(context.queue).wait_and_throw()")]
      default:
        continue
      }
      guard context.replaceCall(call, with: pieces, rule: Self.id) else { continue }
      context.use(.contexts, in: file)
      context.use(.devices, in: file)
      context.use(.defaultQueue, in: file)
      context.claim(i, .converted, rule: Self.id)
    }
    // The parameters of CUDA 12.5's cuCtxCreate are dropped with the call; their declaration stays valid.
    let types = ["CUcontext": "cu2sycl::context_ptr", "CUctxCreateParams": "cu2sycl::context_params"]
    for i in context.pending({ $0.occurrence.kind == .type && types[$0.occurrence.name] != nil }) {
      guard context.replaceWrittenName(i, with: types[context.entries[i].occurrence.name]!, rule: Self.id) else { continue }
      context.use(.contexts, in: context.entries[i].occurrence.file)
      context.use(.devices, in: context.entries[i].occurrence.file)
      context.claim(i, .converted, rule: Self.id)
    }
  }
}
