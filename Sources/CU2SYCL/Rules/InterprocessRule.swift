import Clang

/// Sharing device memory and events between processes. SYCL 2020 has no inter-process memory or events,
/// so each call gets one precise finding (W073 for memory, W074 for events) and stays as written. The
/// handle types are plain data of CUDA's size, so the structs and shared-memory segments that carry
/// them keep compiling: `cudaIpcMemHandle_t` → `cu2sycl::ipc_mem_handle`, ... .
public struct InterprocessRule: MigrationRule {
  public static let id = "interprocess"
  public static let summary = "Flags inter-process memory and event sharing (cudaIpc*, pool export/import), which SYCL 2020 lacks; converts the handle types to plain data."
  public static let covers = calls.keys.sorted() + types.keys.sorted() + ["cudaIpcMemLazyEnablePeerAccess"]
  public static let examples = [
    RuleExample(
      cuda: """
      struct Shared {
        cudaIpcMemHandle_t memHandle;
        cudaIpcEventHandle_t eventHandle;
        cudaMemPoolPtrExportData exportData;
      };
      void publish(Shared *shm, void *data, cudaEvent_t done) {
        cudaIpcGetMemHandle(&shm->memHandle, data);
        cudaIpcGetEventHandle(&shm->eventHandle, done);
      }
      void *attach(Shared *shm) {
        void *p = nullptr;
        cudaIpcOpenMemHandle(&p, shm->memHandle, cudaIpcMemLazyEnablePeerAccess);
        return p;
      }

      """,
      sycl: """
      struct Shared {
        cu2sycl::ipc_mem_handle memHandle;
        cu2sycl::ipc_event_handle eventHandle;
        cu2sycl::mem_pool_ptr_export_data exportData;
      };
      void publish(Shared *shm, void *data, cu2sycl::event_ptr done) {
        // CU2SYCL-W073: SYCL 2020 cannot share device memory with another process: copy the data into OS shared memory (shm_open/mmap) with q.memcpy for the other process to copy in, or keep the work in one process
        cudaIpcGetMemHandle(&shm->memHandle, data);
        // CU2SYCL-W074: SYCL 2020 events cannot leave their process: wait for the work (q.wait()), then signal the other process through the OS (a process-shared semaphore or a pipe)
        cudaIpcGetEventHandle(&shm->eventHandle, done);
      }
      void *attach(Shared *shm) {
        void *p = nullptr;
        // CU2SYCL-W073: SYCL 2020 cannot open another process's device memory: receive the data through OS shared memory and copy it to a sycl::malloc_device allocation, or keep the work in one process
        cudaIpcOpenMemHandle(&p, shm->memHandle, cudaIpcMemLazyEnablePeerAccess);
        return p;
      }

      """),
  ]

  static let share = "SYCL 2020 cannot share device memory with another process: copy the data into OS shared memory (shm_open/mmap) with q.memcpy for the other process to copy in, or keep the work in one process"
  static let open = "SYCL 2020 cannot open another process's device memory: receive the data through OS shared memory and copy it to a sycl::malloc_device allocation, or keep the work in one process"
  /// Each call's finding.
  static let calls: [String: (WarningKind, String)] = [
    "cudaIpcGetMemHandle": (Warnings.interprocessMemory, share),
    "cudaIpcOpenMemHandle": (Warnings.interprocessMemory, open),
    "cudaIpcCloseMemHandle": (Warnings.interprocessMemory,
                              "SYCL 2020 cannot open another process's device memory, so there is nothing to close: free the copy this process made (sycl::free) instead"),
    "cudaMemPoolExportToShareableHandle": (Warnings.interprocessMemory,
                                           "SYCL 2020 cannot export a memory pool to another process: share the data through OS shared memory (shm_open/mmap) instead of the pool, or keep the work in one process"),
    "cudaMemPoolImportFromShareableHandle": (Warnings.interprocessMemory,
                                             "SYCL 2020 cannot import another process's memory pool: create a pool of this process (cudaMemPoolCreate converts) and receive the data through OS shared memory"),
    "cudaMemPoolExportPointer": (Warnings.interprocessMemory, share),
    "cudaMemPoolImportPointer": (Warnings.interprocessMemory, open),
    "cudaIpcGetEventHandle": (Warnings.interprocessEvent,
                              "SYCL 2020 events cannot leave their process: wait for the work (q.wait()), then signal the other process through the OS (a process-shared semaphore or a pipe)"),
    "cudaIpcOpenEventHandle": (Warnings.interprocessEvent,
                               "SYCL 2020 cannot wait for another process's event: wait for the other process's OS signal (a process-shared semaphore or a pipe) before using its data"),
  ]
  static let types = ["cudaIpcMemHandle_t": "cu2sycl::ipc_mem_handle", "cudaIpcEventHandle_t": "cu2sycl::ipc_event_handle",
                      "cudaMemPoolPtrExportData": "cu2sycl::mem_pool_ptr_export_data"]

  public init() {}

  public func apply(to context: MigrationContext) {
    context.rename([.type], rule: Self.id, helpers: [.interprocess]) { Self.types[$0] }
    for i in context.pending({ $0.occurrence.kind == .function && Self.calls[$0.occurrence.name] != nil }) {
      let o = context.entries[i].occurrence
      guard let (kind, message) = Self.calls[o.name] else { continue }
      context.claim(i, .manual, rule: Self.id, warning: kind, message: message)
      // The flags and handle types the call takes belong to its finding.
      guard let (_, _, _, args) = context.apiCall(context.entries[i]) else { continue }
      for a in args {
        guard let r = context.writtenRange(of: a) else { continue }
        context.claimAll(in: r.file, r.range, .manual, rule: Self.id) { [.macro, .constant].contains($0.kind) }
      }
    }
  }
}
