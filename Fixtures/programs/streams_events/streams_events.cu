// streams_events: a pipeline over several streams, timed with events.
// Each stream uploads its chunk, transforms it and downloads it asynchronously; one stream waits for
// another's event before reading its result; a host function runs when a stream reaches it; the
// default stream orders itself after the streams' work; and the whole run is timed with events,
// which must report a plausible, non-zero number of milliseconds.
#include <cstdio>
#include <cuda_runtime.h>

#define CHECK(call)                                                                   \
  do {                                                                                \
    cudaError_t status = (call);                                                      \
    if (status != cudaSuccess) {                                                      \
      printf("FAIL streams_events: %s at line %d\n", cudaGetErrorString(status), __LINE__); \
      return 1;                                                                       \
    }                                                                                 \
  } while (0)

const int kStreams = 3;
const int kChunk = 4096;

// Enough arithmetic per element that the timed region takes measurable time.
__global__ void transform(const float *in, float *out, int n, int rounds) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float v = in[i];
    for (int r = 0; r < rounds; ++r) v = v * 0.5f + 1.0f;
    out[i] = v + i % 7;
  }
}

// Adds another chunk's result (written on a different stream) to this one.
__global__ void combine(float *out, const float *other, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] += other[i];
}

static void CUDART_CB markDone(void *data) { *static_cast<int *>(data) += 1; }

static float expectedTransform(float v, int i, int rounds) {
  for (int r = 0; r < rounds; ++r) v = v * 0.5f + 1.0f;
  return v + i % 7;
}

int main() {
  const int n = kStreams * kChunk;
  const int rounds = 2000;
  float *hostIn, *hostOut, *devIn, *devOut;
  CHECK(cudaMallocHost(&hostIn, n * sizeof(float)));
  CHECK(cudaMallocHost(&hostOut, n * sizeof(float)));
  CHECK(cudaMalloc(&devIn, n * sizeof(float)));
  CHECK(cudaMalloc(&devOut, n * sizeof(float)));
  for (int i = 0; i < n; ++i) hostIn[i] = static_cast<float>(i % 100);

  cudaStream_t streams[kStreams];
  for (int s = 0; s < kStreams - 1; ++s) CHECK(cudaStreamCreate(&streams[s]));
  CHECK(cudaStreamCreateWithFlags(&streams[kStreams - 1], cudaStreamNonBlocking));
  cudaEvent_t start, stop, chunkDone[kStreams];
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  for (int s = 0; s < kStreams; ++s) CHECK(cudaEventCreateWithFlags(&chunkDone[s], cudaEventDisableTiming));

  CHECK(cudaEventRecord(start, 0));
  for (int s = 0; s < kStreams; ++s) {
    int offset = s * kChunk;
    CHECK(cudaMemcpyAsync(devIn + offset, hostIn + offset, kChunk * sizeof(float), cudaMemcpyHostToDevice, streams[s]));
    transform<<<(kChunk + 255) / 256, 256, 0, streams[s]>>>(devIn + offset, devOut + offset, kChunk, rounds);
    CHECK(cudaEventRecord(chunkDone[s], streams[s]));
  }
  // Stream 0 adds chunk 1 once stream 1 has produced it.
  CHECK(cudaStreamWaitEvent(streams[0], chunkDone[1], 0));
  combine<<<(kChunk + 255) / 256, 256, 0, streams[0]>>>(devOut, devOut + kChunk, kChunk);
  for (int s = 0; s < kStreams; ++s) {
    int offset = s * kChunk;
    CHECK(cudaMemcpyAsync(hostOut + offset, devOut + offset, kChunk * sizeof(float), cudaMemcpyDeviceToHost, streams[s]));
  }
  int hostCalls = 0;
  CHECK(cudaLaunchHostFunc(streams[2], markDone, &hostCalls));
  CHECK(cudaEventRecord(stop, 0));
  for (int s = 0; s < kStreams; ++s) CHECK(cudaStreamSynchronize(streams[s]));
  CHECK(cudaEventSynchronize(stop));
  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  if (cudaEventQuery(stop) != cudaSuccess) {
    printf("FAIL streams_events: stop event not complete after synchronizing\n");
    return 1;
  }

  // The default stream's memset and copy come after the streams' earlier work.
  transform<<<(kChunk + 255) / 256, 256, 0, streams[1]>>>(devIn, devOut + 2 * kChunk, kChunk, 1);
  float check[2];
  CHECK(cudaMemcpy(check, devOut + 2 * kChunk, 2 * sizeof(float), cudaMemcpyDeviceToHost));

  int errors = 0;
  for (int i = 0; i < n; ++i) {
    // Each launch indexes its own chunk from 0.
    float want = expectedTransform(hostIn[i], i % kChunk, rounds);
    if (i < kChunk) want += expectedTransform(hostIn[i + kChunk], i, rounds);
    float got = hostOut[i];
    if (got < want - 1e-3f * want || got > want + 1e-3f * want) {
      if (errors++ < 5) printf("mismatch at %d: got %f want %f\n", i, got, want);
    }
  }
  for (int i = 0; i < 2; ++i) {
    float want = expectedTransform(hostIn[i], i, 1);
    if (check[i] != want) {
      if (errors++ < 5) printf("default-stream copy at %d: got %f want %f\n", i, check[i], want);
    }
  }
  if (hostCalls != 1) {
    printf("host function ran %d times\n", hostCalls);
    ++errors;
  }
  if (!(ms > 0.0f && ms < 60000.0f)) {
    printf("implausible elapsed time %f ms\n", ms);
    ++errors;
  }

  for (int s = 0; s < kStreams; ++s) {
    CHECK(cudaEventDestroy(chunkDone[s]));
    CHECK(cudaStreamDestroy(streams[s]));
  }
  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  CHECK(cudaFree(devIn));
  CHECK(cudaFree(devOut));
  CHECK(cudaFreeHost(hostIn));
  CHECK(cudaFreeHost(hostOut));
  if (errors) {
    printf("FAIL streams_events: %d errors\n", errors);
    return 1;
  }
  printf("timed region: %.3f ms\n", ms);
  printf("PASS streams_events\n");
  return 0;
}
