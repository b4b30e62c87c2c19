// memory_variants: the rest of the host memory API, each part checked by the program itself.
// A pitched 2-D image is uploaded with cudaMemcpy2D, updated by a kernel that honours the pitch, partly
// cleared with cudaMemset2D, copied device to device on a stream and downloaded; a pitched 3-D volume is
// cleared, uploaded, scaled and a sub-box of it downloaded with cudaMemcpy3D; mapped host memory is
// written by a kernel through cudaHostGetDevicePointer; registered pageable memory is a copy source;
// cudaMemGetInfo and cudaPointerGetAttributes report sensible values; scratch memory is allocated and
// freed in stream order with cudaMallocAsync/cudaFreeAsync; and a peer copy within one device works.
#include <cstdio>
#include <cstdlib>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                      \
  do {                                                                                   \
    int status = (call);                                                         \
    if (status != 0) {                                                         \
      printf("FAIL memory_variants: %s at line %d\n", cu2sycl::error_string(status), __LINE__); \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

// Adds 1000 * y + x to every pixel; rows are `pitch` bytes apart.
void addCoordinates(float *image, size_t pitch, int width, int height, const sycl::nd_item<2> &item) {
  int x = item.get_global_id(1);
  int y = item.get_global_id(0);
  if (x < width && y < height) {
    float *row = (float *)((char *)image + y * pitch);
    row[x] += 1000.0f * y + x;
  }
}

// Doubles every voxel of a pitched volume whose slices are `height` rows.
void doubleVolume(float *volume, size_t pitch, int nx, int ny, int nz, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < nx * ny * nz) {
    int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
    float *row = (float *)((char *)volume + ((size_t)z * ny + y) * pitch);
    row[x] *= 2.0f;
  }
}

void square(const int *in, int *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = in[i] * in[i];
}

static int checkImage(const float *out, int w, int h, int errors) {
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      // Rows 1-2, columns 5-7 were cleared after the kernel.
      float want = (y >= 1 && y <= 2 && x >= 5 && x <= 7) ? 0.0f : (float)(y * w + x) + 1000.0f * y + x;
      if (out[y * w + x] != want && errors++ < 5) printf("image (%d, %d): got %f want %f\n", x, y, out[y * w + x], want);
    }
  return errors;
}

int main() {
  int errors = 0;
  const int w = 37, h = 19;
  const size_t rowBytes = w * sizeof(float);

  // 2-D: pitched allocations, copies between pitched and contiguous rows, a cleared sub-rectangle.
  float *image = (float *)malloc(h * rowBytes), *out = (float *)malloc(h * rowBytes);
  for (int i = 0; i < w * h; ++i) image[i] = (float)i;
  float *dImage, *dCopy;
  size_t pitch, copyPitch;
  CHECK(((dImage = cu2sycl::malloc_pitch<float>(&pitch, rowBytes, h, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((dCopy = cu2sycl::malloc_pitch<float>(&copyPitch, rowBytes, h, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  if (pitch < rowBytes || copyPitch < rowBytes) {
    printf("pitch %zu is shorter than a row (%zu bytes)\n", pitch, rowBytes);
    ++errors;
  }
  CHECK((cu2sycl::memcpy_2d(cu2sycl::default_queue(), dImage, pitch, image, rowBytes, rowBytes, h).wait(), 0));
  sycl::range<2> block(8, 16), grid((h + 7) / 8, (w + 15) / 16);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(grid * block, block), [=](sycl::nd_item<2> item) {
    addCoordinates(dImage, pitch, w, h, item);
  });
  CHECK((cu2sycl::memset_2d(cu2sycl::default_queue(), (char *)dImage + pitch + 5 * sizeof(float), pitch, 0, 3 * sizeof(float), 2).wait(), 0));
  CHECK((cu2sycl::memcpy_2d(cu2sycl::default_queue(), out, rowBytes, dImage, pitch, rowBytes, h).wait(), 0));
  errors = checkImage(out, w, h, errors);
  cu2sycl::queue_ptr stream;
  CHECK((stream = cu2sycl::create_stream(), 0));
  CHECK((cu2sycl::memset_2d(cu2sycl::queue(stream), dCopy, copyPitch, 0xff, rowBytes, h), 0));
  CHECK((cu2sycl::memcpy_2d(cu2sycl::queue(stream), dCopy, copyPitch, dImage, pitch, rowBytes, h), 0));
  CHECK((cu2sycl::memcpy_2d(cu2sycl::queue(stream), out, rowBytes, dCopy, copyPitch, rowBytes, h), 0));
  CHECK((cu2sycl::queue(stream).wait_and_throw(), 0));
  errors = checkImage(out, w, h, errors);

  // 3-D: a pitched volume, cleared, uploaded, doubled, and a sub-box downloaded.
  const int nx = 9, ny = 5, nz = 4;
  cu2sycl::extent extent = cu2sycl::make_extent(nx * sizeof(float), ny, nz);
  cu2sycl::pitched_ptr volume;
  CHECK(((volume = cu2sycl::malloc_3d(extent, cu2sycl::default_queue())).ptr != nullptr ? 0 : 2));
  CHECK((cu2sycl::memset_3d(cu2sycl::default_queue(), volume, 0, extent).wait(), 0));
  float *hostVolume = (float *)malloc(nx * ny * nz * sizeof(float)), *box = (float *)malloc(nx * ny * nz * sizeof(float));
  for (int i = 0; i < nx * ny * nz; ++i) {
    hostVolume[i] = (float)i;
    box[i] = -1.0f;
  }
  cu2sycl::memcpy3d_parms up = {0};
  up.srcPtr = cu2sycl::make_pitched_ptr(hostVolume, nx * sizeof(float), nx, ny);
  up.dstPtr = volume;
  up.extent = extent;
  CHECK((cu2sycl::memcpy_3d(cu2sycl::default_queue(), up).wait(), 0));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((nx * ny * nz + 63) / 64 * 64), sycl::range<1>(64)), [=](sycl::nd_item<1> item) {
    doubleVolume((float *)volume.ptr, volume.pitch, nx, ny, nz, item);
  });
  cu2sycl::memcpy3d_parms down = {0};
  down.srcPtr = volume;
  down.srcPos = cu2sycl::make_pos(1 * sizeof(float), 1, 1);
  down.dstPtr = cu2sycl::make_pitched_ptr(box, nx * sizeof(float), nx, ny);
  down.dstPos = cu2sycl::make_pos(1 * sizeof(float), 1, 1);
  down.extent = cu2sycl::make_extent((nx - 2) * sizeof(float), ny - 2, nz - 2);
  CHECK((cu2sycl::memcpy_3d(cu2sycl::default_queue(), down).wait(), 0));
  for (int z = 0; z < nz; ++z)
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        int i = (z * ny + y) * nx + x;
        bool inside = x >= 1 && x < nx - 1 && y >= 1 && y < ny - 1 && z >= 1 && z < nz - 1;
        float want = inside ? 2.0f * i : -1.0f;
        if (box[i] != want && errors++ < 5) printf("volume (%d, %d, %d): got %f want %f\n", x, y, z, box[i], want);
      }

  // Mapped host memory, read and written by a kernel through its device pointer.
  const int n = 1000;
  CHECK(0);
  int *hostIn, *hostOut, *mappedIn, *mappedOut;
  CHECK(((hostIn = sycl::malloc_host<int>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  CHECK(((hostOut = sycl::malloc_host<int>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  for (int i = 0; i < n; ++i) {
    hostIn[i] = i - 500;
    hostOut[i] = 0;
  }
  CHECK((mappedIn = hostIn, 0));
  CHECK((mappedOut = hostOut, 0));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + 127) / 128 * 128), sycl::range<1>(128)), [=](sycl::nd_item<1> item) {
    square(mappedIn, mappedOut, n, item);
  });
  CHECK((cu2sycl::default_queue().wait_and_throw(), 0));
  for (int i = 0; i < n; ++i)
    if (hostOut[i] != (i - 500) * (i - 500) && errors++ < 5) printf("mapped %d: got %d\n", i, hostOut[i]);

  // Registered pageable memory as a copy source; stream-ordered scratch memory.
  int *pageable = (int *)malloc(n * sizeof(int)), *result = (int *)malloc(n * sizeof(int));
  for (int i = 0; i < n; ++i) pageable[i] = 3 * i;
  CHECK(0);
  int *scratchIn, *scratchOut;
  CHECK(((scratchIn = sycl::malloc_device<int>(n, cu2sycl::queue(stream))) != nullptr ? 0 : 2));
  CHECK(((scratchOut = sycl::malloc_device<int>(n, cu2sycl::queue(stream))) != nullptr ? 0 : 2));
  CHECK((cu2sycl::queue(stream).memcpy(scratchIn, pageable, n * sizeof(int)), 0));
  cu2sycl::queue(stream).parallel_for(sycl::nd_range<1>(sycl::range<1>((n + 127) / 128 * 128), sycl::range<1>(128)), [=](sycl::nd_item<1> item) {
    square(scratchIn, scratchOut, n, item);
  });
  CHECK((cu2sycl::queue(stream).memcpy(result, scratchOut, n * sizeof(int)), 0));
  CHECK((cu2sycl::free_async(scratchIn, cu2sycl::queue(stream)), 0));
  CHECK((cu2sycl::free_async(scratchOut, cu2sycl::queue(stream)), 0));
  CHECK((cu2sycl::queue(stream).wait_and_throw(), 0));
  CHECK(0);
  for (int i = 0; i < n; ++i)
    if (result[i] != 9 * i * i && errors++ < 5) printf("stream-ordered %d: got %d\n", i, result[i]);

  // A peer copy within the current device.
  int *peerCopy;
  CHECK(((peerCopy = sycl::malloc_device<int>(n, cu2sycl::default_queue())) != nullptr ? 0 : 2));
  // CU2SYCL-W072: the copy runs on the current device's queue; check that the implementation copies between the two devices' allocations
  CHECK((cu2sycl::default_queue().memcpy(peerCopy, mappedOut, n * sizeof(int)).wait(), 0));
  CHECK((cu2sycl::default_queue().memcpy(result, peerCopy, n * sizeof(int)).wait(), 0));
  for (int i = 0; i < n; ++i)
    if (result[i] != (i - 500) * (i - 500) && errors++ < 5) printf("peer copy %d: got %d\n", i, result[i]);

  // Memory information and pointer attributes.
  size_t freeBytes = 0, totalBytes = 0;
  // CU2SYCL-W071: SYCL 2020 reports no free memory: the free size is the device's total memory
  CHECK((freeBytes = totalBytes = cu2sycl::default_queue().get_device().get_info<sycl::info::device::global_mem_size>(), 0));
  if (totalBytes == 0 || freeBytes > totalBytes) {
    printf("cudaMemGetInfo: free %zu, total %zu\n", freeBytes, totalBytes);
    ++errors;
  }
  int *managed;
  CHECK(((managed = static_cast<int *>(sycl::malloc_shared(sizeof(int), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  int local = 0;
  cu2sycl::pointer_attributes attributes;
  CHECK((attributes = cu2sycl::get_pointer_attributes(dImage), 0));
  if (attributes.type != cu2sycl::memory_type_device || attributes.devicePointer != dImage || attributes.device != 0) {
    printf("device memory: type %d\n", (int)attributes.type);
    ++errors;
  }
  CHECK((attributes = cu2sycl::get_pointer_attributes(hostIn + 10), 0));
  if (attributes.type != cu2sycl::memory_type_host || attributes.hostPointer != hostIn + 10) {
    printf("host memory: type %d\n", (int)attributes.type);
    ++errors;
  }
  CHECK((attributes = cu2sycl::get_pointer_attributes(managed), 0));
  if (attributes.type != cu2sycl::memory_type_managed) {
    printf("managed memory: type %d\n", (int)attributes.type);
    ++errors;
  }
  CHECK((attributes = cu2sycl::get_pointer_attributes(&local), 0));
  if (attributes.type != cu2sycl::memory_type_unregistered || attributes.devicePointer != nullptr) {
    printf("stack memory: type %d\n", (int)attributes.type);
    ++errors;
  }

  CHECK((cu2sycl::destroy_stream(stream), 0));
  CHECK((sycl::free(managed, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(peerCopy, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(volume.ptr, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(dImage, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(dCopy, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(hostIn, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(hostOut, cu2sycl::default_queue()), 0));
  free(image);
  free(out);
  free(hostVolume);
  free(box);
  free(pageable);
  free(result);
  if (errors) {
    printf("FAIL memory_variants: %d errors\n", errors);
    return 1;
  }
  printf("PASS memory_variants\n");
  return 0;
}
