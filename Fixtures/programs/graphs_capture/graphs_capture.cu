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
#include <cuda_runtime.h>

#define CHECK(call)                                                                      \
  do {                                                                                   \
    cudaError_t status = (call);                                                         \
    if (status != cudaSuccess) {                                                         \
      printf("FAIL graphs_capture: %s at line %d\n", cudaGetErrorString(status), __LINE__); \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

const int N = 1024;

__global__ void scale(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = x[i] * a;
}

__global__ void accumulate(float *y, const float *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] += x[i];
}

__global__ void increment(int *counter) { *counter += 1; }

void CUDART_CB countLaunch(void *data) { *(int *)data += 1; }

struct Seen {
  int launches;
  int first;
  const int *values;
};

void CUDART_CB checkValues(void *data) {
  Seen *seen = (Seen *)data;
  seen->launches += 1;
  seen->first = seen->values[0];
}

int capturedGraph() {
  float *x, *y;
  CHECK(cudaMalloc(&x, N * sizeof(float)));
  CHECK(cudaMalloc(&y, N * sizeof(float)));
  std::vector<float> hx(N), hy(N);
  for (int i = 0; i < N; ++i) hx[i] = (float)(i % 5 + 1);
  CHECK(cudaMemcpy(x, hx.data(), N * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemset(y, 0, N * sizeof(float)));

  cudaStream_t s0, s1, other;
  cudaEvent_t fork, join;
  CHECK(cudaStreamCreate(&s0));
  CHECK(cudaStreamCreate(&s1));
  CHECK(cudaStreamCreate(&other));
  CHECK(cudaEventCreate(&fork));
  CHECK(cudaEventCreate(&join));

  // Each launch doubles x, adds it to y on a second stream, then halves x again: y grows by 2 * x0.
  float factor = 2.0f;
  int hostCalls = 0;
  cudaGraph_t graph;
  CHECK(cudaStreamBeginCapture(s0, cudaStreamCaptureModeGlobal));
  scale<<<N / 256, 256, 0, s0>>>(x, factor, N);
  CHECK(cudaEventRecord(fork, s0));
  CHECK(cudaStreamWaitEvent(s1, fork, 0));
  accumulate<<<N / 256, 256, 0, s1>>>(y, x, N);
  CHECK(cudaEventRecord(join, s1));
  CHECK(cudaStreamWaitEvent(s0, join, 0));
  scale<<<N / 256, 256, 0, s0>>>(x, 1.0f / factor, N);
  CHECK(cudaLaunchHostFunc(s0, countLaunch, &hostCalls));
  CHECK(cudaStreamEndCapture(s0, &graph));
  factor = 100.0f;  // the graph keeps the value it captured

  cudaGraphExec_t exec;
  CHECK(cudaGraphInstantiate(&exec, graph, NULL, NULL, 0));
  CHECK(cudaGraphUpload(exec, s0));
  for (int launch = 0; launch < 3; ++launch) CHECK(cudaGraphLaunch(exec, s0));
  CHECK(cudaStreamSynchronize(s0));
  if (hostCalls != 3) {
    printf("FAIL graphs_capture: the captured host function ran %d times, expected 3\n", hostCalls);
    return 1;
  }
  // Launched on another stream: the copy submitted after the launches must see all five.
  for (int launch = 0; launch < 2; ++launch) CHECK(cudaGraphLaunch(exec, other));
  CHECK(cudaMemcpyAsync(hy.data(), y, N * sizeof(float), cudaMemcpyDeviceToHost, other));
  CHECK(cudaStreamSynchronize(other));
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
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(graph));
  CHECK(cudaEventDestroy(fork));
  CHECK(cudaEventDestroy(join));
  CHECK(cudaStreamDestroy(s0));
  CHECK(cudaStreamDestroy(s1));
  CHECK(cudaStreamDestroy(other));
  CHECK(cudaFree(x));
  CHECK(cudaFree(y));
  return 0;
}

// The graph does not need the stream it was captured from: destroyed, the graph still runs.
int capturedFromDestroyedStream() {
  int *counter;
  CHECK(cudaMalloc(&counter, sizeof(int)));
  CHECK(cudaMemset(counter, 0, sizeof(int)));
  cudaStream_t temporary, launchStream;
  CHECK(cudaStreamCreate(&temporary));
  CHECK(cudaStreamCreate(&launchStream));
  cudaGraph_t graph;
  CHECK(cudaStreamBeginCapture(temporary, cudaStreamCaptureModeGlobal));
  increment<<<1, 1, 0, temporary>>>(counter);
  CHECK(cudaStreamEndCapture(temporary, &graph));
  CHECK(cudaStreamDestroy(temporary));
  cudaGraphExec_t exec;
  CHECK(cudaGraphInstantiateWithFlags(&exec, graph, 0));
  for (int launch = 0; launch < 4; ++launch) CHECK(cudaGraphLaunch(exec, launchStream));
  int launches = 0;
  CHECK(cudaMemcpyAsync(&launches, counter, sizeof(int), cudaMemcpyDeviceToHost, launchStream));
  CHECK(cudaStreamSynchronize(launchStream));
  if (launches != 4) {
    printf("FAIL graphs_capture: the graph of a destroyed stream ran %d times, expected 4\n", launches);
    return 1;
  }
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(graph));
  CHECK(cudaStreamDestroy(launchStream));
  CHECK(cudaFree(counter));
  return 0;
}

int explicitGraph() {
  int *a, *b, *c;
  CHECK(cudaMalloc(&a, N * sizeof(int)));
  CHECK(cudaMalloc(&b, N * sizeof(int)));
  CHECK(cudaMalloc(&c, N * sizeof(int)));
  std::vector<int> host(N, 0);
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));

  // The child graph copies c to the host.
  cudaGraph_t child;
  cudaGraphNode_t download;
  CHECK(cudaGraphCreate(&child, 0));
  CHECK(cudaGraphAddMemcpyNode1D(&download, child, NULL, 0, host.data(), c, N * sizeof(int), cudaMemcpyDeviceToHost));

  // memset a = 7 -> copy a to b -> 3-D copy b to c -> child (c to host) -> host check; an empty node
  // joins the memset and the host check.
  cudaGraph_t graph;
  CHECK(cudaGraphCreate(&graph, 0));
  cudaGraphNode_t fill, copy, copy3d, childNode, check, join;
  cudaMemsetParams memsetParams = {0};
  memsetParams.dst = a;
  memsetParams.value = 7;
  memsetParams.elementSize = sizeof(int);
  memsetParams.width = N;
  memsetParams.height = 1;
  CHECK(cudaGraphAddMemsetNode(&fill, graph, NULL, 0, &memsetParams));
  CHECK(cudaGraphAddMemcpyNode1D(&copy, graph, &fill, 1, b, a, N * sizeof(int), cudaMemcpyDeviceToDevice));
  cudaMemcpy3DParms copyParams = {0};
  copyParams.srcPtr = make_cudaPitchedPtr(b, N * sizeof(int), N, 1);
  copyParams.dstPtr = make_cudaPitchedPtr(c, N * sizeof(int), N, 1);
  copyParams.extent = make_cudaExtent(N * sizeof(int), 1, 1);
  copyParams.kind = cudaMemcpyDeviceToDevice;
  CHECK(cudaGraphAddMemcpyNode(&copy3d, graph, &copy, 1, &copyParams));
  std::vector<cudaGraphNode_t> dependencies;
  dependencies.push_back(copy3d);
  CHECK(cudaGraphAddChildGraphNode(&childNode, graph, dependencies.data(), dependencies.size(), child));
  Seen seen = {0, 0, host.data()};
  cudaHostNodeParams hostParams = {0};
  hostParams.fn = checkValues;
  hostParams.userData = &seen;
  CHECK(cudaGraphAddHostNode(&check, graph, &childNode, 1, &hostParams));
  CHECK(cudaGraphAddEmptyNode(&join, graph, &fill, 1));
  CHECK(cudaGraphAddDependencies(graph, &check, &join, 1));

  size_t count = 0;
  CHECK(cudaGraphGetNodes(graph, NULL, &count));
  cudaGraphNode_t roots[2];
  size_t rootCount = 2;
  CHECK(cudaGraphGetRootNodes(graph, roots, &rootCount));
  if (count != 6 || rootCount != 1 || roots[0] != fill) {
    printf("FAIL graphs_capture: %zu nodes and %zu roots, expected 6 and 1\n", count, rootCount);
    return 1;
  }

  cudaGraphExec_t exec;
  CHECK(cudaGraphInstantiateWithFlags(&exec, graph, 0));
  for (int launch = 0; launch < 3; ++launch) {
    CHECK(cudaGraphLaunch(exec, stream));
    CHECK(cudaStreamSynchronize(stream));
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
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(graph));
  CHECK(cudaGraphDestroy(child));
  CHECK(cudaStreamDestroy(stream));
  CHECK(cudaFree(a));
  CHECK(cudaFree(b));
  CHECK(cudaFree(c));
  return 0;
}

int main() {
  if (capturedGraph() != 0 || capturedFromDestroyedStream() != 0 || explicitGraph() != 0) return 1;
  printf("PASS graphs_capture\n");
  return 0;
}
