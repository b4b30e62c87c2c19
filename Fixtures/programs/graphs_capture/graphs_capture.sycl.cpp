// graphs_capture: CUDA graphs built by stream capture and by the explicit node API, each launched
// several times. The captured region forks work from one stream to another with events and joins it
// back; its kernels take a factor whose value changes after the capture. The results prove that each
// launch ran every captured operation exactly once, in order, with the values of capture time, and that
// work submitted to the launch stream after a launch waits for it, also when the stream it was captured
// from is gone. The explicit graph has memset, memcpy (1-D and 3-D), child-graph, empty and host nodes
// with dependencies between them.
// cu2sycl-fixture: no-emulator (the CPU CUDA emulator has no graphs)
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                      \
  do {                                                                                   \
    int status = (call);                                                         \
    if (status != 0) {                                                         \
      printf("FAIL graphs_capture: %s at line %d\n", cu2sycl::error_string(status), __LINE__); \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

const int N = 1024;

void scale(float *x, float a, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) x[i] = x[i] * a;
}

void accumulate(float *y, const float *x, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) y[i] += x[i];
}

void increment(int *counter, const sycl::nd_item<1> &item) { *counter += 1; }

void countLaunch(void *data) { *(int *)data += 1; }

struct Seen {
  int launches;
  int first;
  const int *values;
};

void checkValues(void *data) {
  Seen *seen = (Seen *)data;
  seen->launches += 1;
  seen->first = seen->values[0];
}

int capturedGraph() {
  float *x, *y;
  CHECK(((x = sycl::malloc_device<float>(N, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((y = sycl::malloc_device<float>(N, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  std::vector<float> hx(N), hy(N);
  for (int i = 0; i < N; ++i) hx[i] = (float)(i % 5 + 1);
  CHECK((cu2sycl::default_queue().memcpy(x, hx.data(), N * sizeof(float)).wait(), 0));
  CHECK((cu2sycl::default_queue().memset(y, 0, N * sizeof(float)).wait(), 0));

  cu2sycl::queue_ptr s0, s1, other;
  cu2sycl::event_ptr fork, join;
  CHECK((s0 = cu2sycl::create_stream(), 0));
  CHECK((s1 = cu2sycl::create_stream(), 0));
  CHECK((other = cu2sycl::create_stream(), 0));
  CHECK((fork = cu2sycl::create_event(), 0));
  CHECK((join = cu2sycl::create_event(), 0));

  // Each launch doubles x, adds it to y on a second stream, then halves x again: y grows by 2 * x0.
  float factor = 2.0f;
  int hostCalls = 0;
  cu2sycl::graph_ptr graph;
  cu2sycl::capture_stream(&graph, [=, &hostCalls]() -> int {
  cu2sycl::queue(s0).parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    scale(x, factor, N, item);
  });
  CHECK((cu2sycl::record_event(fork, cu2sycl::queue(s0)), 0));
  CHECK((cu2sycl::wait_event(cu2sycl::queue(s1), fork), 0));
  cu2sycl::queue(s1).parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    accumulate(y, x, N, item);
  });
  CHECK((cu2sycl::record_event(join, cu2sycl::queue(s1)), 0));
  CHECK((cu2sycl::wait_event(cu2sycl::queue(s0), join), 0));
  cu2sycl::queue(s0).parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    scale(x, 1.0f / factor, N, item);
  });
  CHECK((cu2sycl::launch_host_func(s0, countLaunch, &hostCalls), 0));
  return {};  // the error checks above return from the recorded function
  });
  factor = 100.0f;  // the graph keeps the value it captured

  cu2sycl::graph_exec_ptr exec;
  CHECK(cu2sycl::graph_instantiate(&exec, graph));
  CHECK(0);
  for (int launch = 0; launch < 3; ++launch) CHECK(cu2sycl::graph_launch(exec, cu2sycl::queue(s0)));
  CHECK((cu2sycl::queue(s0).wait_and_throw(), 0));
  if (hostCalls != 3) {
    printf("FAIL graphs_capture: the captured host function ran %d times, expected 3\n", hostCalls);
    return 1;
  }
  // Launched on another stream: the copy submitted after the launches must see all five.
  for (int launch = 0; launch < 2; ++launch) CHECK(cu2sycl::graph_launch(exec, cu2sycl::queue(other)));
  CHECK((cu2sycl::queue(other).memcpy(hy.data(), y, N * sizeof(float)), 0));
  CHECK((cu2sycl::queue(other).wait_and_throw(), 0));
  for (int i = 0; i < N; ++i) {
    float expected = 5 * 2 * (float)(i % 5 + 1);
    if (hy[i] != expected) {
      printf("FAIL graphs_capture: y[%d] = %f, expected %f\n", i, hy[i], expected);
      return 1;
    }
  }
  if (hostCalls != 5) {
    printf("FAIL graphs_capture: the captured host function ran %d times, expected 5\n", hostCalls);
    return 1;
  }
  CHECK(cu2sycl::graph_exec_destroy(exec));
  CHECK(cu2sycl::graph_destroy(graph));
  CHECK((cu2sycl::destroy_event(fork), 0));
  CHECK((cu2sycl::destroy_event(join), 0));
  CHECK((cu2sycl::destroy_stream(s0), 0));
  CHECK((cu2sycl::destroy_stream(s1), 0));
  CHECK((cu2sycl::destroy_stream(other), 0));
  CHECK((sycl::free(x, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(y, cu2sycl::default_queue()), 0));
  return 0;
}

// The graph does not need the stream it was captured from: destroyed, the graph still runs.
int capturedFromDestroyedStream() {
  int *counter;
  CHECK(((counter = static_cast<int *>(sycl::malloc_device(sizeof(int), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK((cu2sycl::default_queue().memset(counter, 0, sizeof(int)).wait(), 0));
  cu2sycl::queue_ptr temporary, launchStream;
  CHECK((temporary = cu2sycl::create_stream(), 0));
  CHECK((launchStream = cu2sycl::create_stream(), 0));
  cu2sycl::graph_ptr graph;
  cu2sycl::capture_stream(&graph, [=] {
  cu2sycl::queue(temporary).parallel_for(sycl::nd_range<1>(sycl::range<1>(1), sycl::range<1>(1)), [=](sycl::nd_item<1> item) {
    increment(counter, item);
  });
  });
  CHECK((cu2sycl::destroy_stream(temporary), 0));
  cu2sycl::graph_exec_ptr exec;
  CHECK(cu2sycl::graph_instantiate(&exec, graph));
  for (int launch = 0; launch < 4; ++launch) CHECK(cu2sycl::graph_launch(exec, cu2sycl::queue(launchStream)));
  int launches = 0;
  CHECK((cu2sycl::queue(launchStream).memcpy(&launches, counter, sizeof(int)), 0));
  CHECK((cu2sycl::queue(launchStream).wait_and_throw(), 0));
  if (launches != 4) {
    printf("FAIL graphs_capture: the graph of a destroyed stream ran %d times, expected 4\n", launches);
    return 1;
  }
  CHECK(cu2sycl::graph_exec_destroy(exec));
  CHECK(cu2sycl::graph_destroy(graph));
  CHECK((cu2sycl::destroy_stream(launchStream), 0));
  CHECK((sycl::free(counter, cu2sycl::default_queue()), 0));
  return 0;
}

int explicitGraph() {
  int *a, *b, *c;
  CHECK(((a = sycl::malloc_device<int>(N, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((b = sycl::malloc_device<int>(N, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((c = sycl::malloc_device<int>(N, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  std::vector<int> host(N, 0);
  cu2sycl::queue_ptr stream;
  CHECK((stream = cu2sycl::create_stream(), 0));

  // The child graph copies c to the host.
  cu2sycl::graph_ptr child;
  cu2sycl::graph_node_ptr download;
  CHECK(cu2sycl::graph_create(&child));
  CHECK(cu2sycl::graph_add_memcpy_node_1d(&download, child, NULL, 0, host.data(), c, N * sizeof(int)));

  // memset a = 7 -> copy a to b -> 3-D copy b to c -> child (c to host) -> host check; an empty node
  // joins the memset and the host check.
  cu2sycl::graph_ptr graph;
  CHECK(cu2sycl::graph_create(&graph));
  cu2sycl::graph_node_ptr fill, copy, copy3d, childNode, check, join;
  cu2sycl::memset_params memsetParams = {0};
  memsetParams.dst = a;
  memsetParams.value = 7;
  memsetParams.elementSize = sizeof(int);
  memsetParams.width = N;
  memsetParams.height = 1;
  CHECK(cu2sycl::graph_add_memset_node(&fill, graph, NULL, 0, &memsetParams));
  CHECK(cu2sycl::graph_add_memcpy_node_1d(&copy, graph, &fill, 1, b, a, N * sizeof(int)));
  cu2sycl::memcpy3d_parms copyParams = {0};
  copyParams.srcPtr = cu2sycl::make_pitched_ptr(b, N * sizeof(int), N, 1);
  copyParams.dstPtr = cu2sycl::make_pitched_ptr(c, N * sizeof(int), N, 1);
  copyParams.extent = cu2sycl::make_extent(N * sizeof(int), 1, 1);
  CHECK(cu2sycl::graph_add_memcpy_node(&copy3d, graph, &copy, 1, &copyParams));
  std::vector<cu2sycl::graph_node_ptr> dependencies;
  dependencies.push_back(copy3d);
  CHECK(cu2sycl::graph_add_child_graph_node(&childNode, graph, dependencies.data(), dependencies.size(), child));
  Seen seen = {0, 0, host.data()};
  cu2sycl::host_node_params hostParams = {0};
  hostParams.fn = checkValues;
  hostParams.userData = &seen;
  CHECK(cu2sycl::graph_add_host_node(&check, graph, &childNode, 1, &hostParams));
  CHECK(cu2sycl::graph_add_empty_node(&join, graph, &fill, 1));
  CHECK(cu2sycl::graph_add_dependencies(graph, &check, &join, 1));

  size_t count = 0;
  CHECK(cu2sycl::graph_get_nodes(graph, NULL, &count));
  cu2sycl::graph_node_ptr roots[2];
  size_t rootCount = 2;
  CHECK(cu2sycl::graph_get_root_nodes(graph, roots, &rootCount));
  if (count != 6 || rootCount != 1 || roots[0] != fill) {
    printf("FAIL graphs_capture: %zu nodes and %zu roots, expected 6 and 1\n", count, rootCount);
    return 1;
  }

  cu2sycl::graph_exec_ptr exec;
  CHECK(cu2sycl::graph_instantiate(&exec, graph));
  for (int launch = 0; launch < 3; ++launch) {
    CHECK(cu2sycl::graph_launch(exec, cu2sycl::queue(stream)));
    CHECK((cu2sycl::queue(stream).wait_and_throw(), 0));
    if (seen.launches != launch + 1 || seen.first != 7) {
      printf("FAIL graphs_capture: host node saw %d launches and value %d\n", seen.launches, seen.first);
      return 1;
    }
    host[0] = 0;  // the next launch must copy it again
  }
  for (int i = 1; i < N; ++i) {
    if (host[i] != 7) {
      printf("FAIL graphs_capture: host[%d] = %d, expected 7\n", i, host[i]);
      return 1;
    }
  }
  CHECK(cu2sycl::graph_exec_destroy(exec));
  CHECK(cu2sycl::graph_destroy(graph));
  CHECK(cu2sycl::graph_destroy(child));
  CHECK((cu2sycl::destroy_stream(stream), 0));
  CHECK((sycl::free(a, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(b, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(c, cu2sycl::default_queue()), 0));
  return 0;
}

int main() {
  if (capturedGraph() != 0 || capturedFromDestroyedStream() != 0 || explicitGraph() != 0) return 1;
  printf("PASS graphs_capture\n");
  return 0;
}
