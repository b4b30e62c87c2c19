// streams_events: a pipeline over several streams, timed with events.
// Each stream uploads its chunk, transforms it and downloads it asynchronously; one stream waits for
// another's event before reading its result; a host function runs when a stream reaches it; the
// default stream orders itself after the streams' work; and the whole run is timed with events,
// which must report a plausible, non-zero number of milliseconds.
#include <cstdio>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                   \
  do {                                                                                \
    int status = (call);                                                      \
    if (status != 0) {                                                      \
      printf("FAIL streams_events: %s at line %d\n", cu2sycl::error_string(status), __LINE__); \
      return 1;                                                                       \
    }                                                                                 \
  } while (0)

const int kStreams = 3;
const int kChunk = 4096;

// Enough arithmetic per element that the timed region takes measurable time.
void transform(const float *in, float *out, int n, int rounds, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    float v = in[i];
    for (int r = 0; r < rounds; ++r) v = v * 0.5f + 1.0f;
    out[i] = v + i % 7;
  }
}

// Adds another chunk's result (written on a different stream) to this one.
void combine(float *out, const float *other, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] += other[i];
}

static void markDone(void *data) { *static_cast<int *>(data) += 1; }

static float expectedTransform(float v, int i, int rounds) {
  for (int r = 0; r < rounds; ++r) v = v * 0.5f + 1.0f;
  return v + i % 7;
}

int main() {
  const int n = kStreams * kChunk;
  const int rounds = 2000;
  float *hostIn, *hostOut, *devIn, *devOut;
  CHECK(((hostIn = sycl::malloc_host<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((hostOut = sycl::malloc_host<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((devIn = sycl::malloc_device<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((devOut = sycl::malloc_device<float>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  for (int i = 0; i < n; ++i) hostIn[i] = static_cast<float>(i % 100);

  cu2sycl::queue_ptr streams[kStreams];
  for (int s = 0; s < kStreams - 1; ++s) CHECK((streams[s] = cu2sycl::create_stream(), 0));
  CHECK((streams[kStreams - 1] = cu2sycl::create_stream(cu2sycl::stream_non_blocking), 0));
  cu2sycl::event_ptr start, stop, chunkDone[kStreams];
  CHECK((start = cu2sycl::create_event(), 0));
  CHECK((stop = cu2sycl::create_event(), 0));
  for (int s = 0; s < kStreams; ++s) CHECK((chunkDone[s] = cu2sycl::create_event(), 0));

  CHECK((cu2sycl::record_event(start, cu2sycl::default_queue()), 0));
  for (int s = 0; s < kStreams; ++s) {
    int offset = s * kChunk;
    CHECK((cu2sycl::queue(streams[s]).memcpy(devIn + offset, hostIn + offset, kChunk * sizeof(float)), 0));
    cu2sycl::queue(streams[s]).parallel_for(sycl::nd_range<1>(sycl::range<1>((kChunk + 255) / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
      transform(devIn + offset, devOut + offset, kChunk, rounds, item);
    });
    CHECK((cu2sycl::record_event(chunkDone[s], cu2sycl::queue(streams[s])), 0));
  }
  // Stream 0 adds chunk 1 once stream 1 has produced it.
  CHECK((cu2sycl::wait_event(cu2sycl::queue(streams[0]), chunkDone[1]), 0));
  cu2sycl::queue(streams[0]).parallel_for(sycl::nd_range<1>(sycl::range<1>((kChunk + 255) / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    combine(devOut, devOut + kChunk, kChunk, item);
  });
  for (int s = 0; s < kStreams; ++s) {
    int offset = s * kChunk;
    CHECK((cu2sycl::queue(streams[s]).memcpy(hostOut + offset, devOut + offset, kChunk * sizeof(float)), 0));
  }
  int hostCalls = 0;
  CHECK((cu2sycl::launch_host_func(streams[2], markDone, &hostCalls), 0));
  CHECK((cu2sycl::record_event(stop, cu2sycl::default_queue()), 0));
  for (int s = 0; s < kStreams; ++s) CHECK((cu2sycl::queue(streams[s]).wait_and_throw(), 0));
  CHECK((cu2sycl::synchronize_event(stop), 0));
  float ms = 0.0f;
  CHECK((ms = cu2sycl::elapsed_ms(start, stop), 0));
  if (cu2sycl::event_status(stop) != 0) {
    printf("FAIL streams_events: stop event not complete after synchronizing\n");
    return 1;
  }

  // The default stream's memset and copy come after the streams' earlier work.
  cu2sycl::queue(streams[1]).parallel_for(sycl::nd_range<1>(sycl::range<1>((kChunk + 255) / 256 * 256), sycl::range<1>(256)), [=](sycl::nd_item<1> item) {
    transform(devIn, devOut + 2 * kChunk, kChunk, 1, item);
  });
  float check[2];
  CHECK((cu2sycl::default_queue().memcpy(check, devOut + 2 * kChunk, 2 * sizeof(float)).wait(), 0));

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
    CHECK((cu2sycl::destroy_event(chunkDone[s]), 0));
    CHECK((cu2sycl::destroy_stream(streams[s]), 0));
  }
  CHECK((cu2sycl::destroy_event(start), 0));
  CHECK((cu2sycl::destroy_event(stop), 0));
  CHECK((sycl::free(devIn, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(devOut, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(hostIn, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(hostOut, cu2sycl::default_queue()), 0));
  if (errors) {
    printf("FAIL streams_events: %d errors\n", errors);
    return 1;
  }
  printf("timed region: %.3f ms\n", ms);
  printf("PASS streams_events\n");
  return 0;
}
