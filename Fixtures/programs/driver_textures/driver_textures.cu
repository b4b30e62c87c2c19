// driver_textures: the driver API's arrays, copies and texture and surface objects around kernels of
// this file. A float array made with cuArrayCreate and filled with cuMemcpy2D is sampled bilinearly
// with normalized coordinates (wrap in x, clamp in y); an 8-bit RGBA array is read as normalized floats
// (the driver's default) and, with CU_TRSF_READ_AS_INTEGER, as integers; a layered array made with
// cuArray3DCreate is filled from device memory with cuMemcpy3D and sampled per layer; a surface writes
// into an array that cuMemcpy2D and cuMemcpy3D read back from offsets. Expected values come from the
// sampling rules of the CUDA Programming Guide evaluated on the host; coordinates are multiples of 1/8
// of a texel, so every filter weight is exact.
// cu2sycl-fixture: no-emulator (the CPU emulator has no texture units)
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cuda.h>

#define CHECK(call)                                                                      \
  do {                                                                                   \
    CUresult status = (call);                                                            \
    if (status != CUDA_SUCCESS) {                                                        \
      printf("FAIL driver_textures: status %d at line %d\n", (int)status, __LINE__);    \
      return 1;                                                                          \
    }                                                                                    \
  } while (0)

#define W 8
#define H 4
#define LAYERS 3
#define N 64

static int failures = 0;

static void expect(const char *what, int i, float got, float want) {
  if (fabsf(got - want) > 1e-4f) {
    if (failures < 10) printf("FAIL %s[%d]: %f, expected %f\n", what, i, got, want);
    ++failures;
  }
}

__host__ __device__ static float value(int x, int y, int layer) { return x + 10.0f * y + 100.0f * layer; }

__global__ void sample(float *out, CUtexObject image, CUtexObject layers, const float2 *coords, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[i] = tex2D<float>(image, coords[i].x, coords[i].y);
    out[n + i] = tex2DLayered<float>(layers, coords[i].x, coords[i].y, i % LAYERS);
  }
}

__global__ void readColors(float4 *asFloat, uchar4 *asInteger, CUtexObject normalized, CUtexObject integer) {
  int x = threadIdx.x, y = blockIdx.x;
  asFloat[y * W + x] = tex2D<float4>(normalized, x + 0.5f, y + 0.5f);
  asInteger[y * W + x] = tex2D<uchar4>(integer, x + 0.5f, y + 0.5f);
}

__global__ void paint(CUsurfObject surface) {
  int x = threadIdx.x, y = blockIdx.x;
  surf2Dwrite(2000.0f + value(x, y, 0), surface, x * sizeof(float), y);
}

// Bilinear filtering at texel-space coordinates, x wrapped and y clamped.
static float bilinear(float x, float y, int layer, bool wrapX) {
  float fx = x - 0.5f, fy = y - 0.5f;
  int x0 = (int)floorf(fx), y0 = (int)floorf(fy);
  float a = fx - x0, b = fy - y0, sum = 0;
  for (int corner = 0; corner < 4; ++corner) {
    int dx = corner & 1, dy = corner >> 1;
    int ix = x0 + dx, iy = y0 + dy;
    ix = wrapX ? ((ix % W) + W) % W : (ix < 0 ? 0 : (ix >= W ? W - 1 : ix));
    iy = iy < 0 ? 0 : (iy >= H ? H - 1 : iy);
    sum += (dx ? a : 1 - a) * (dy ? b : 1 - b) * value(ix, iy, layer);
  }
  return sum;
}

static CUresult makeTexture(CUtexObject *tex, CUarray array, CUfilter_mode filter, unsigned int flags, CUaddress_mode x) {
  CUDA_RESOURCE_DESC res;
  memset(&res, 0, sizeof(res));
  res.resType = CU_RESOURCE_TYPE_ARRAY;
  res.res.array.hArray = array;
  CUDA_TEXTURE_DESC desc;
  memset(&desc, 0, sizeof(desc));
  desc.addressMode[0] = x;
  desc.addressMode[1] = CU_TR_ADDRESS_MODE_CLAMP;
  desc.filterMode = filter;
  desc.flags = flags;
  return cuTexObjectCreate(tex, &res, &desc, NULL);
}

int main() {
  CHECK(cuInit(0));
  CUdevice device;
  CHECK(cuDeviceGet(&device, 0));
  CUcontext context;
  CHECK(cuCtxCreate(&context, 0, device));

  // A W x H float array, filled from the host.
  float h_image[H][W];
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) h_image[y][x] = value(x, y, 0);
  CUarray image;
  CUDA_ARRAY_DESCRIPTOR desc;
  desc.Format = CU_AD_FORMAT_FLOAT;
  desc.NumChannels = 1;
  desc.Width = W;
  desc.Height = H;
  CHECK(cuArrayCreate(&image, &desc));
  CUDA_ARRAY_DESCRIPTOR back;
  CHECK(cuArrayGetDescriptor(&back, image));
  if (back.Format != CU_AD_FORMAT_FLOAT || back.NumChannels != 1 || back.Width != W || back.Height != H) {
    printf("FAIL cuArrayGetDescriptor\n");
    ++failures;
  }
  CUDA_MEMCPY2D up;
  memset(&up, 0, sizeof(up));
  up.srcMemoryType = CU_MEMORYTYPE_HOST;
  up.srcHost = h_image;
  up.srcPitch = W * sizeof(float);
  up.dstMemoryType = CU_MEMORYTYPE_ARRAY;
  up.dstArray = image;
  up.WidthInBytes = W * sizeof(float);
  up.Height = H;
  CHECK(cuMemcpy2D(&up));

  // A layered array (LAYERS layers of W x H), filled from pitched device memory.
  float h_layers[LAYERS][H][W];
  for (int l = 0; l < LAYERS; ++l)
    for (int y = 0; y < H; ++y)
      for (int x = 0; x < W; ++x) h_layers[l][y][x] = value(x, y, l);
  const size_t pitch = 64;  // bytes per row in device memory, more than W floats
  CUdeviceptr d_layers;
  CHECK(cuMemAlloc(&d_layers, pitch * H * LAYERS));
  for (int row = 0; row < H * LAYERS; ++row) CHECK(cuMemcpyHtoD(d_layers + row * pitch, &h_layers[0][0][0] + row * W, W * sizeof(float)));
  CUarray layers;
  CUDA_ARRAY3D_DESCRIPTOR desc3d;
  memset(&desc3d, 0, sizeof(desc3d));
  desc3d.Format = CU_AD_FORMAT_FLOAT;
  desc3d.NumChannels = 1;
  desc3d.Width = W;
  desc3d.Height = H;
  desc3d.Depth = LAYERS;
  desc3d.Flags = CUDA_ARRAY3D_LAYERED;
  CHECK(cuArray3DCreate(&layers, &desc3d));
  CUDA_MEMCPY3D fill;
  memset(&fill, 0, sizeof(fill));
  fill.srcMemoryType = CU_MEMORYTYPE_DEVICE;
  fill.srcDevice = d_layers;
  fill.srcPitch = pitch;
  fill.srcHeight = H;
  fill.dstMemoryType = CU_MEMORYTYPE_ARRAY;
  fill.dstArray = layers;
  fill.WidthInBytes = W * sizeof(float);
  fill.Height = H;
  fill.Depth = LAYERS;
  CHECK(cuMemcpy3D(&fill));

  CUtexObject imageTex, layersTex;
  CHECK(makeTexture(&imageTex, image, CU_TR_FILTER_MODE_LINEAR, CU_TRSF_NORMALIZED_COORDINATES, CU_TR_ADDRESS_MODE_WRAP));
  CHECK(makeTexture(&layersTex, layers, CU_TR_FILTER_MODE_LINEAR, CU_TRSF_NORMALIZED_COORDINATES, CU_TR_ADDRESS_MODE_CLAMP));
  float2 h_coords[N];
  for (int i = 0; i < N; ++i) h_coords[i] = make_float2(((i * 5) % 23) * 0.0625f - 0.25f, ((i * 3) % 13) * 0.125f - 0.25f);
  CUdeviceptr d_coords, d_out;
  CHECK(cuMemAlloc(&d_coords, sizeof(h_coords)));
  CHECK(cuMemAlloc(&d_out, 2 * N * sizeof(float)));
  CHECK(cuMemcpyHtoD(d_coords, h_coords, sizeof(h_coords)));
  sample<<<2, 32>>>((float *)d_out, imageTex, layersTex, (const float2 *)d_coords, N);
  float h_out[2 * N];
  CHECK(cuMemcpyDtoH(h_out, d_out, sizeof(h_out)));
  for (int i = 0; i < N; ++i) {
    expect("tex2D", i, h_out[i], bilinear(h_coords[i].x * W, h_coords[i].y * H, 0, true));
    expect("tex2DLayered", i, h_out[N + i], bilinear(h_coords[i].x * W, h_coords[i].y * H, i % LAYERS, false));
  }

  // 8-bit RGBA: normalized floats by default, integers with CU_TRSF_READ_AS_INTEGER.
  unsigned char h_colors[H][W][4];
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x)
      for (int c = 0; c < 4; ++c) h_colors[y][x][c] = (unsigned char)(x * 30 + y * 7 + c * 51);
  CUarray colors;
  desc.Format = CU_AD_FORMAT_UNSIGNED_INT8;
  desc.NumChannels = 4;
  CHECK(cuArrayCreate(&colors, &desc));
  up.srcHost = h_colors;
  up.srcPitch = W * 4;
  up.dstArray = colors;
  up.WidthInBytes = W * 4;
  CHECK(cuMemcpy2D(&up));
  CUtexObject normalizedTex, integerTex;
  CHECK(makeTexture(&normalizedTex, colors, CU_TR_FILTER_MODE_POINT, 0, CU_TR_ADDRESS_MODE_CLAMP));
  CHECK(makeTexture(&integerTex, colors, CU_TR_FILTER_MODE_POINT, CU_TRSF_READ_AS_INTEGER, CU_TR_ADDRESS_MODE_CLAMP));
  CUdeviceptr d_float, d_integer;
  CHECK(cuMemAlloc(&d_float, W * H * sizeof(float4)));
  CHECK(cuMemAlloc(&d_integer, W * H * sizeof(uchar4)));
  readColors<<<H, W>>>((float4 *)d_float, (uchar4 *)d_integer, normalizedTex, integerTex);
  float4 h_float[H * W];
  uchar4 h_integer[H * W];
  CHECK(cuMemcpyDtoH(h_float, d_float, sizeof(h_float)));
  CHECK(cuMemcpyDtoH(h_integer, d_integer, sizeof(h_integer)));
  for (int i = 0; i < W * H; ++i) {
    const unsigned char *c = h_colors[i / W][i % W];
    expect("normalized.x", i, h_float[i].x, c[0] / 255.0f);
    expect("normalized.w", i, h_float[i].w, c[3] / 255.0f);
    expect("integer.y", i, h_integer[i].y, c[1]);
    expect("integer.z", i, h_integer[i].z, c[2]);
  }

  // A surface paints a W x H array; cuMemcpy2D reads a window at an offset, cuMemcpy3D the whole array.
  CUarray canvas;
  desc3d.Depth = 0;
  desc3d.Flags = CUDA_ARRAY3D_SURFACE_LDST;
  CHECK(cuArray3DCreate(&canvas, &desc3d));
  CUDA_RESOURCE_DESC canvasRes;
  memset(&canvasRes, 0, sizeof(canvasRes));
  canvasRes.resType = CU_RESOURCE_TYPE_ARRAY;
  canvasRes.res.array.hArray = canvas;
  CUsurfObject surface;
  CHECK(cuSurfObjectCreate(&surface, &canvasRes));
  paint<<<H, W>>>(surface);
  float window[2][3];
  CUDA_MEMCPY2D down;
  memset(&down, 0, sizeof(down));
  down.srcMemoryType = CU_MEMORYTYPE_ARRAY;
  down.srcArray = canvas;
  down.srcXInBytes = 4 * sizeof(float);
  down.srcY = 1;
  down.dstMemoryType = CU_MEMORYTYPE_HOST;
  down.dstHost = window;
  down.dstPitch = 3 * sizeof(float);
  down.WidthInBytes = 3 * sizeof(float);
  down.Height = 2;
  CHECK(cuMemcpy2D(&down));
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 3; ++x) expect("surf2Dwrite window", y * 3 + x, window[y][x], 2000.0f + value(4 + x, 1 + y, 0));
  float whole[H][W];
  CUDA_MEMCPY3D all;
  memset(&all, 0, sizeof(all));
  all.srcMemoryType = CU_MEMORYTYPE_ARRAY;
  all.srcArray = canvas;
  all.dstMemoryType = CU_MEMORYTYPE_HOST;
  all.dstHost = whole;
  all.dstPitch = W * sizeof(float);
  all.dstHeight = H;
  all.WidthInBytes = W * sizeof(float);
  all.Height = H;
  all.Depth = 1;
  CHECK(cuMemcpy3D(&all));
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) expect("surf2Dwrite", y * W + x, whole[y][x], 2000.0f + value(x, y, 0));

  CHECK(cuSurfObjectDestroy(surface));
  CHECK(cuTexObjectDestroy(imageTex));
  CHECK(cuTexObjectDestroy(layersTex));
  CHECK(cuTexObjectDestroy(normalizedTex));
  CHECK(cuTexObjectDestroy(integerTex));
  CHECK(cuArrayDestroy(image));
  CHECK(cuArrayDestroy(layers));
  CHECK(cuArrayDestroy(colors));
  CHECK(cuArrayDestroy(canvas));
  CHECK(cuMemFree(d_layers));
  CHECK(cuMemFree(d_coords));
  CHECK(cuMemFree(d_out));
  CHECK(cuMemFree(d_float));
  CHECK(cuMemFree(d_integer));
  CHECK(cuCtxDestroy(context));
  if (failures == 0) printf("PASS driver_textures\n");
  return failures == 0 ? 0 : 1;
}
