// memory_variants: the rest of the host memory API, each part checked by the program itself.
// A pitched 2-D image is uploaded with cudaMemcpy2D, updated by a kernel that honours the pitch, partly
// cleared with cudaMemset2D, copied device to device on a stream and downloaded; a pitched 3-D volume is
// cleared, uploaded, scaled and a sub-box of it downloaded with cudaMemcpy3D; mapped host memory is
// written by a kernel through cudaHostGetDevicePointer; registered pageable memory is a copy source;
// cudaMemGetInfo and cudaPointerGetAttributes report sensible values; scratch memory is allocated and
// freed in stream order with cudaMallocAsync/cudaFreeAsync; and a peer copy within one device works.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                                      \
  do {                                                                                   \
    cudaError_t status = (call);                                                         \
    if (status != cudaSuccess) {                                                         \
      printf("FAIL memory_variants: %s at line %d\n", cudaGetErrorString(status), __LINE__); \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

// Adds 1000 * y + x to every pixel; rows are `pitch` bytes apart.
__global__ void addCoordinates(float *image, size_t pitch, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < width && y < height) {
    float *row = (float *)((char *)image + y * pitch);
    row[x] += 1000.0f * y + x;
  }
}

// Doubles every voxel of a pitched volume whose slices are `height` rows.
__global__ void doubleVolume(float *volume, size_t pitch, int nx, int ny, int nz) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < nx * ny * nz) {
    int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
    float *row = (float *)((char *)volume + ((size_t)z * ny + y) * pitch);
    row[x] *= 2.0f;
  }
}

__global__ void square(const int *in, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
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
  CHECK(cudaMallocPitch(&dImage, &pitch, rowBytes, h));
  CHECK(cudaMallocPitch((void **)&dCopy, &copyPitch, rowBytes, h));
  if (pitch < rowBytes || copyPitch < rowBytes) {
    printf("pitch %zu is shorter than a row (%zu bytes)\n", pitch, rowBytes);
    ++errors;
  }
  CHECK(cudaMemcpy2D(dImage, pitch, image, rowBytes, rowBytes, h, cudaMemcpyHostToDevice));
  dim3 block(16, 8), grid((w + 15) / 16, (h + 7) / 8);
  addCoordinates<<<grid, block>>>(dImage, pitch, w, h);
  CHECK(cudaMemset2D((char *)dImage + pitch + 5 * sizeof(float), pitch, 0, 3 * sizeof(float), 2));
  CHECK(cudaMemcpy2D(out, rowBytes, dImage, pitch, rowBytes, h, cudaMemcpyDeviceToHost));
  errors = checkImage(out, w, h, errors);
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  CHECK(cudaMemset2DAsync(dCopy, copyPitch, 0xff, rowBytes, h, stream));
  CHECK(cudaMemcpy2DAsync(dCopy, copyPitch, dImage, pitch, rowBytes, h, cudaMemcpyDeviceToDevice, stream));
  CHECK(cudaMemcpy2DAsync(out, rowBytes, dCopy, copyPitch, rowBytes, h, cudaMemcpyDeviceToHost, stream));
  CHECK(cudaStreamSynchronize(stream));
  errors = checkImage(out, w, h, errors);

  // 3-D: a pitched volume, cleared, uploaded, doubled, and a sub-box downloaded.
  const int nx = 9, ny = 5, nz = 4;
  cudaExtent extent = make_cudaExtent(nx * sizeof(float), ny, nz);
  cudaPitchedPtr volume;
  CHECK(cudaMalloc3D(&volume, extent));
  CHECK(cudaMemset3D(volume, 0, extent));
  float *hostVolume = (float *)malloc(nx * ny * nz * sizeof(float)), *box = (float *)malloc(nx * ny * nz * sizeof(float));
  for (int i = 0; i < nx * ny * nz; ++i) {
    hostVolume[i] = (float)i;
    box[i] = -1.0f;
  }
  cudaMemcpy3DParms up = {0};
  up.srcPtr = make_cudaPitchedPtr(hostVolume, nx * sizeof(float), nx, ny);
  up.dstPtr = volume;
  up.extent = extent;
  up.kind = cudaMemcpyHostToDevice;
  CHECK(cudaMemcpy3D(&up));
  doubleVolume<<<(nx * ny * nz + 63) / 64, 64>>>((float *)volume.ptr, volume.pitch, nx, ny, nz);
  cudaMemcpy3DParms down = {0};
  down.srcPtr = volume;
  down.srcPos = make_cudaPos(1 * sizeof(float), 1, 1);
  down.dstPtr = make_cudaPitchedPtr(box, nx * sizeof(float), nx, ny);
  down.dstPos = make_cudaPos(1 * sizeof(float), 1, 1);
  down.extent = make_cudaExtent((nx - 2) * sizeof(float), ny - 2, nz - 2);
  down.kind = cudaMemcpyDeviceToHost;
  CHECK(cudaMemcpy3D(&down));
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
  CHECK(cudaSetDeviceFlags(cudaDeviceMapHost));
  int *hostIn, *hostOut, *mappedIn, *mappedOut;
  CHECK(cudaHostAlloc(&hostIn, n * sizeof(int), cudaHostAllocMapped));
  CHECK(cudaHostAlloc((void **)&hostOut, n * sizeof(int), cudaHostAllocMapped | cudaHostAllocPortable));
  for (int i = 0; i < n; ++i) {
    hostIn[i] = i - 500;
    hostOut[i] = 0;
  }
  CHECK(cudaHostGetDevicePointer(&mappedIn, hostIn, 0));
  CHECK(cudaHostGetDevicePointer((void **)&mappedOut, (void *)hostOut, 0));
  square<<<(n + 127) / 128, 128>>>(mappedIn, mappedOut, n);
  CHECK(cudaDeviceSynchronize());
  for (int i = 0; i < n; ++i)
    if (hostOut[i] != (i - 500) * (i - 500) && errors++ < 5) printf("mapped %d: got %d\n", i, hostOut[i]);

  // Registered pageable memory as a copy source; stream-ordered scratch memory.
  int *pageable = (int *)malloc(n * sizeof(int)), *result = (int *)malloc(n * sizeof(int));
  for (int i = 0; i < n; ++i) pageable[i] = 3 * i;
  CHECK(cudaHostRegister(pageable, n * sizeof(int), cudaHostRegisterDefault));
  int *scratchIn, *scratchOut;
  CHECK(cudaMallocAsync(&scratchIn, n * sizeof(int), stream));
  CHECK(cudaMallocAsync((void **)&scratchOut, n * sizeof(int), stream));
  CHECK(cudaMemcpyAsync(scratchIn, pageable, n * sizeof(int), cudaMemcpyHostToDevice, stream));
  square<<<(n + 127) / 128, 128, 0, stream>>>(scratchIn, scratchOut, n);
  CHECK(cudaMemcpyAsync(result, scratchOut, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  CHECK(cudaFreeAsync(scratchIn, stream));
  CHECK(cudaFreeAsync(scratchOut, stream));
  CHECK(cudaStreamSynchronize(stream));
  CHECK(cudaHostUnregister(pageable));
  for (int i = 0; i < n; ++i)
    if (result[i] != 9 * i * i && errors++ < 5) printf("stream-ordered %d: got %d\n", i, result[i]);

  // A peer copy within the current device.
  int *peerCopy;
  CHECK(cudaMalloc(&peerCopy, n * sizeof(int)));
  CHECK(cudaMemcpyPeer(peerCopy, 0, mappedOut, 0, n * sizeof(int)));
  CHECK(cudaMemcpy(result, peerCopy, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    if (result[i] != (i - 500) * (i - 500) && errors++ < 5) printf("peer copy %d: got %d\n", i, result[i]);

  // Memory information and pointer attributes.
  size_t freeBytes = 0, totalBytes = 0;
  CHECK(cudaMemGetInfo(&freeBytes, &totalBytes));
  if (totalBytes == 0 || freeBytes > totalBytes) {
    printf("cudaMemGetInfo: free %zu, total %zu\n", freeBytes, totalBytes);
    ++errors;
  }
  int *managed;
  CHECK(cudaMallocManaged(&managed, sizeof(int)));
  int local = 0;
  cudaPointerAttributes attributes;
  CHECK(cudaPointerGetAttributes(&attributes, dImage));
  if (attributes.type != cudaMemoryTypeDevice || attributes.devicePointer != dImage || attributes.device != 0) {
    printf("device memory: type %d\n", (int)attributes.type);
    ++errors;
  }
  CHECK(cudaPointerGetAttributes(&attributes, hostIn + 10));
  if (attributes.type != cudaMemoryTypeHost || attributes.hostPointer != hostIn + 10) {
    printf("host memory: type %d\n", (int)attributes.type);
    ++errors;
  }
  CHECK(cudaPointerGetAttributes(&attributes, managed));
  if (attributes.type != cudaMemoryTypeManaged) {
    printf("managed memory: type %d\n", (int)attributes.type);
    ++errors;
  }
  CHECK(cudaPointerGetAttributes(&attributes, &local));
  if (attributes.type != cudaMemoryTypeUnregistered || attributes.devicePointer != nullptr) {
    printf("stack memory: type %d\n", (int)attributes.type);
    ++errors;
  }

  CHECK(cudaStreamDestroy(stream));
  CHECK(cudaFree(managed));
  CHECK(cudaFree(peerCopy));
  CHECK(cudaFree(volume.ptr));
  CHECK(cudaFree(dImage));
  CHECK(cudaFree(dCopy));
  CHECK(cudaFreeHost(hostIn));
  CHECK(cudaFreeHost(hostOut));
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
