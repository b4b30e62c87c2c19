/// CUDA graphs as recorded commands, emitted into `cu2sycl/runtime.hpp` when migrated code uses them.
/// SYCL 2020 has no graphs: a node is a function that submits its work to a queue, and a launch replays
/// the nodes in dependency order as ordinary submissions on the launch stream's in-order queue.
enum GraphRuntime {
  static let source = """

    // CUDA graphs (cudaGraph_t, cudaGraphExec_t, stream capture) as recorded commands. A node is a function
    // that submits its work to a queue; instantiating a graph takes a snapshot of its nodes in dependency
    // order, and launching it submits them, in that order, to the launch stream's in-order queue: each
    // launch runs every node once, after the stream's earlier work and before its later work, and returns
    // without waiting (as cudaGraphLaunch does).
    // cudaKernelNodeParams: `func` is a kernel's argument-array launcher (a cu2sycl::kernel_launcher held
    // as void *, as CUDA holds the kernel: `params.func = (void *)k_launcher`). It reads the arguments that
    // kernelParams points to when the node runs (CUDA copies them when the node is added), so they must
    // stay alive and unchanged while the graph is used. `extra` is not supported and must be null.
    struct kernel_node_params {
      void *func;
      ::cu2sycl::dim3 gridDim;
      ::cu2sycl::dim3 blockDim;
      unsigned int sharedMemBytes;
      void **kernelParams;
      void **extra;
    };
    // cudaMemsetParams: height rows of width elements of elementSize (1, 2 or 4) bytes, pitch bytes apart.
    struct memset_params {
      void *dst;
      std::size_t pitch;
      unsigned int value;
      unsigned int elementSize;
      std::size_t width;
      std::size_t height;
    };
    // cudaHostNodeParams.
    struct host_node_params {
      host_fn fn;
      void *userData;
    };
    struct graph_node {
      std::function<void(sycl::queue &)> run;
      std::vector<graph_node *> dependencies;
      kernel_node_params kernel{};  // for kernel nodes (cudaGraphExecKernelNodeSetParams)
    };
    using graph_node_ptr = graph_node *;
    struct graph {
      std::vector<std::unique_ptr<graph_node>> nodes;
    };
    using graph_ptr = graph *;
    struct graph_exec {
      std::vector<graph_node> steps;  // copies of the nodes, in dependency order
      std::vector<const graph_node *> origins;  // the graph's node each step was copied from
    };
    using graph_exec_ptr = graph_exec *;

    namespace detail {
    inline graph_node_ptr add_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                   std::function<void(sycl::queue &)> run) {
      g->nodes.push_back(std::make_unique<graph_node>());
      graph_node_ptr n = g->nodes.back().get();
      n->run = std::move(run);
      n->dependencies.assign(dependencies, dependencies + count);
      if (node) *node = n;
      return n;
    }
    inline void run_kernel(sycl::queue &q, const kernel_node_params &p) {
      if (!p.func || p.extra)
        throw sycl::exception(sycl::make_error_code(sycl::errc::invalid), "cu2sycl: kernel node without a launcher, or with `extra`");
      reinterpret_cast<kernel_launcher>(p.func)(q, p.gridDim, p.blockDim, p.sharedMemBytes, p.kernelParams);
    }
    // The nodes of a graph in dependency order (insertion order among independent nodes).
    inline std::vector<const graph_node *> ordered(const graph &g) {
      std::vector<const graph_node *> order, pending;
      for (const auto &n : g.nodes) pending.push_back(n.get());
      while (!pending.empty()) {
        auto ready = std::find_if(pending.begin(), pending.end(), [&](const graph_node *n) {
          return std::all_of(n->dependencies.begin(), n->dependencies.end(),
                             [&](const graph_node *d) { return std::find(order.begin(), order.end(), d) != order.end(); });
        });
        if (ready == pending.end())
          throw sycl::exception(sycl::make_error_code(sycl::errc::invalid), "cu2sycl: the graph has a dependency cycle");
        order.push_back(*ready);
        pending.erase(ready);
      }
      return order;
    }
    inline void snapshot(graph_exec &e, const graph &g) {
      e.steps.clear();
      e.origins = ordered(g);
      for (const graph_node *n : e.origins) e.steps.push_back(*n);
    }
    inline void replay(const graph_exec &e, sycl::queue &q) {
      for (const graph_node &step : e.steps) step.run(q);
    }
    }  // namespace detail

    inline int graph_create(graph_ptr *g) {
      *g = new graph();
      return 0;
    }
    inline int graph_destroy(graph_ptr g) {
      delete g;
      return 0;
    }
    // A copy with its own nodes and the same edges.
    inline int graph_clone(graph_ptr *clone, graph_ptr g) {
      *clone = new graph();
      std::vector<graph_node *> copies;
      for (const auto &n : g->nodes) {
        (*clone)->nodes.push_back(std::make_unique<graph_node>(*n));
        copies.push_back((*clone)->nodes.back().get());
      }
      for (graph_node *c : copies)
        for (graph_node *&d : c->dependencies)
          for (std::size_t i = 0; i < g->nodes.size(); ++i)
            if (g->nodes[i].get() == d) d = copies[i];
      return 0;
    }
    inline int graph_add_empty_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count) {
      detail::add_node(node, g, dependencies, count, [](sycl::queue &) {});
      return 0;
    }
    inline int graph_add_kernel_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                     const kernel_node_params *params) {
      graph_node_ptr n = detail::add_node(node, g, dependencies, count, {});
      n->kernel = *params;
      n->run = [p = *params](sycl::queue &q) { detail::run_kernel(q, p); };
      return 0;
    }
    inline int graph_kernel_node_set_params(graph_node_ptr node, const kernel_node_params *params) {
      node->kernel = *params;
      node->run = [p = *params](sycl::queue &q) { detail::run_kernel(q, p); };
      return 0;
    }
    inline int graph_kernel_node_get_params(graph_node_ptr node, kernel_node_params *params) {
      *params = node->kernel;
      return 0;
    }
    inline int graph_add_memcpy_node_1d(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                        void *dst, const void *src, std::size_t bytes) {
      detail::add_node(node, g, dependencies, count, [=](sycl::queue &q) { q.memcpy(dst, src, bytes); });
      return 0;
    }
    inline int graph_add_memset_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                     const memset_params *params) {
      detail::add_node(node, g, dependencies, count, [p = *params](sycl::queue &q) {
        std::size_t pitch = p.height > 1 ? p.pitch : p.width * p.elementSize;
        for (std::size_t row = 0; row < p.height; ++row) {
          void *at = static_cast<char *>(p.dst) + row * pitch;
          if (p.elementSize == 1) q.fill(static_cast<unsigned char *>(at), static_cast<unsigned char>(p.value), p.width);
          else if (p.elementSize == 2) q.fill(static_cast<unsigned short *>(at), static_cast<unsigned short>(p.value), p.width);
          else q.fill(static_cast<unsigned int *>(at), p.value, p.width);
        }
      });
      return 0;
    }
    // The host function runs when the queue reaches the node, like cudaLaunchHostFunc.
    inline int graph_add_host_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                   const host_node_params *params) {
      detail::add_node(node, g, dependencies, count, [p = *params](sycl::queue &q) {
        q.submit([&](sycl::handler &cgh) { cgh.host_task([=] { p.fn(p.userData); }); });
      });
      return 0;
    }
    // The child graph is copied when the node is added, as in CUDA.
    inline int graph_add_child_graph_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                          graph_ptr child) {
      auto copy = std::make_shared<graph_exec>();
      detail::snapshot(*copy, *child);
      detail::add_node(node, g, dependencies, count, [copy](sycl::queue &q) { detail::replay(*copy, q); });
      return 0;
    }
    inline int graph_add_dependencies(graph_ptr, const graph_node_ptr *from, const graph_node_ptr *to, std::size_t count) {
      for (std::size_t i = 0; i < count; ++i) to[i]->dependencies.push_back(from[i]);
      return 0;
    }
    // Like cudaGraphGetNodes/GetRootNodes: with a null array, the count only.
    inline int graph_get_nodes(graph_ptr g, graph_node_ptr *nodes, std::size_t *count) {
      if (nodes)
        for (std::size_t i = 0; i < *count && i < g->nodes.size(); ++i) nodes[i] = g->nodes[i].get();
      *count = g->nodes.size();
      return 0;
    }
    inline int graph_get_root_nodes(graph_ptr g, graph_node_ptr *nodes, std::size_t *count) {
      std::size_t found = 0;
      for (const auto &n : g->nodes) {
        if (!n->dependencies.empty()) continue;
        if (nodes && found < *count) nodes[found] = n.get();
        ++found;
      }
      *count = found;
      return 0;
    }
    inline int graph_instantiate(graph_exec_ptr *exec, graph_ptr g) {
      *exec = new graph_exec();
      detail::snapshot(**exec, *g);
      return 0;
    }
    inline int graph_exec_destroy(graph_exec_ptr exec) {
      delete exec;
      return 0;
    }
    // cudaGraphExecUpdate: the executable graph takes the graph's current nodes, which always succeeds
    // here (the result is cudaGraphExecUpdateSuccess's 0, with no error node).
    inline int graph_exec_update(graph_exec_ptr exec, graph_ptr g, graph_node_ptr *error_node, int *result) {
      detail::snapshot(*exec, *g);
      if (error_node) *error_node = nullptr;
      if (result) *result = 0;
      return 0;
    }
    inline int graph_exec_kernel_node_set_params(graph_exec_ptr exec, graph_node_ptr node, const kernel_node_params *params) {
      for (std::size_t i = 0; i < exec->steps.size(); ++i)
        if (exec->origins[i] == node) {
          exec->steps[i].kernel = *params;
          exec->steps[i].run = [p = *params](sycl::queue &q) { detail::run_kernel(q, p); };
        }
      return 0;
    }
    // Submits every node, in dependency order, to the launch stream's queue.
    inline int graph_launch(graph_exec_ptr exec, sycl::queue &q) {
      detail::replay(*exec, q);
      return 0;
    }

    // Stream capture: the code between cudaStreamBeginCapture and cudaStreamEndCapture becomes `work`, run
    // at each launch of the graph instead of once. While it runs, cu2sycl::queue(stream) is the launch
    // stream's queue for every stream, so the captured work is submitted, in the order the region issues it,
    // to that one in-order queue: after the queue's earlier work and before its later work, whatever the
    // streams it was captured from (they may be gone). Program order respects every dependency CUDA records
    // (a captured operation only depends on operations issued before it); branches forked to other streams
    // run one after the other instead of side by side.
    inline int capture_stream(graph_ptr *g, std::function<void()> work) {
      *g = new graph();
      detail::add_node(nullptr, *g, nullptr, 0, [work](sycl::queue &q) {
        sycl::queue *outer = detail::replay_queue();
        detail::replay_queue() = &q;
        try {
          work();
        } catch (...) {
          detail::replay_queue() = outer;
          throw;
        }
        detail::replay_queue() = outer;
      });
      return 0;
    }

    """

  /// A copy described by cudaMemcpy3DParms (linear memory), when the pitched-memory helpers are emitted.
  static let memcpyNode = """

    inline int graph_add_memcpy_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                     const memcpy3d_parms *params) {
      detail::add_node(node, g, dependencies, count, [p = *params](sycl::queue &q) { memcpy_3d(q, p); });
      return 0;
    }

    """

  /// Event nodes, when the event helpers are emitted.
  static let eventNodes = """

    inline int graph_add_event_record_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                           event_ptr e) {
      detail::add_node(node, g, dependencies, count, [e](sycl::queue &q) { record_event(e, q); });
      return 0;
    }
    inline int graph_add_event_wait_node(graph_node_ptr *node, graph_ptr g, const graph_node_ptr *dependencies, std::size_t count,
                                         event_ptr e) {
      detail::add_node(node, g, dependencies, count, [e](sycl::queue &q) { wait_event(q, e); });
      return 0;
    }

    """
}
