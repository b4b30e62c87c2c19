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
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define CHECK(call)                                                                      \
  do {                                                                                   \
    int status = (call);                                                            \
    if (status != 0) {                                                        \
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

static float value(int x, int y, int layer) { return x + 10.0f * y + 100.0f * layer; }

void sample(float *out, cu2sycl::texture_object image, cu2sycl::texture_object layers, const sycl::float2 *coords, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    out[i] = cu2sycl::tex2D<float>(image, coords[i].x(), coords[i].y());
    out[n + i] = cu2sycl::tex2DLayered<float>(layers, coords[i].x(), coords[i].y(), i % LAYERS);
  }
}

void readColors(sycl::float4 *asFloat, sycl::uchar4 *asInteger, cu2sycl::texture_object normalized, cu2sycl::texture_object integer, const sycl::nd_item<1> &item) {
  int x = item.get_local_id(0), y = item.get_group(0);
  asFloat[y * W + x] = cu2sycl::tex2D<sycl::float4>(normalized, x + 0.5f, y + 0.5f);
  asInteger[y * W + x] = cu2sycl::tex2D<sycl::uchar4>(integer, x + 0.5f, y + 0.5f);
}

void paint(cu2sycl::surface_object surface, const sycl::nd_item<1> &item) {
  int x = item.get_local_id(0), y = item.get_group(0);
  cu2sycl::surf2Dwrite(2000.0f + value(x, y, 0), surface, x * sizeof(float), y);
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

static int makeTexture(cu2sycl::texture_object *tex, cu2sycl::texture_array_t array, cu2sycl::filter_mode filter, unsigned int flags, cu2sycl::address_mode x) {
  cu2sycl::driver_resource_desc res;
  memset(&res, 0, sizeof(res));
  res.resType = cu2sycl::resource_type::array;
  res.res.array.hArray = array;
  cu2sycl::driver_texture_desc desc;
  memset(&desc, 0, sizeof(desc));
  desc.addressMode[0] = x;
  desc.addressMode[1] = cu2sycl::address_mode::clamp;
  desc.filterMode = filter;
  desc.flags = flags;
  return cu2sycl::tex_object_create(tex, &res, &desc);
}

int main() {
  CHECK(0);
  int device;
  CHECK((device = 0, 0));
  cu2sycl::context_ptr context;
  CHECK((context = cu2sycl::create_context(device), 0));

  // A W x H float array, filled from the host.
  float h_image[H][W];
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) h_image[y][x] = value(x, y, 0);
  cu2sycl::texture_array_t image;
  cu2sycl::array_descriptor desc;
  desc.Format = cu2sycl::array_format::floating;
  desc.NumChannels = 1;
  desc.Width = W;
  desc.Height = H;
  CHECK(cu2sycl::array_create(&image, &desc));
  cu2sycl::array_descriptor back;
  CHECK(cu2sycl::array_get_descriptor(&back, image));
  if (back.Format != cu2sycl::array_format::floating || back.NumChannels != 1 || back.Width != W || back.Height != H) {
    printf("FAIL cuArrayGetDescriptor\n");
    ++failures;
  }
  cu2sycl::memcpy2d_desc up;
  memset(&up, 0, sizeof(up));
  up.srcMemoryType = cu2sycl::memory_kind::host;
  up.srcHost = h_image;
  up.srcPitch = W * sizeof(float);
  up.dstMemoryType = cu2sycl::memory_kind::array;
  up.dstArray = image;
  up.WidthInBytes = W * sizeof(float);
  up.Height = H;
  CHECK((cu2sycl::memcpy_2d(cu2sycl::default_queue(), up).wait(), 0));

  // A layered array (LAYERS layers of W x H), filled from pitched device memory.
  float h_layers[LAYERS][H][W];
  for (int l = 0; l < LAYERS; ++l)
    for (int y = 0; y < H; ++y)
      for (int x = 0; x < W; ++x) h_layers[l][y][x] = value(x, y, l);
  const size_t pitch = 64;  // bytes per row in device memory, more than W floats
  cu2sycl::device_ptr d_layers;
  CHECK(((d_layers = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(pitch * H * LAYERS, cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  for (int row = 0; row < H * LAYERS; ++row) CHECK((cu2sycl::default_queue().memcpy(d_layers + row * pitch, &h_layers[0][0][0] + row * W, W * sizeof(float)).wait(), 0));
  cu2sycl::texture_array_t layers;
  cu2sycl::array3d_descriptor desc3d;
  memset(&desc3d, 0, sizeof(desc3d));
  desc3d.Format = cu2sycl::array_format::floating;
  desc3d.NumChannels = 1;
  desc3d.Width = W;
  desc3d.Height = H;
  desc3d.Depth = LAYERS;
  desc3d.Flags = cu2sycl::array_layered;
  CHECK(cu2sycl::array_3d_create(&layers, &desc3d));
  cu2sycl::memcpy3d_desc fill;
  memset(&fill, 0, sizeof(fill));
  fill.srcMemoryType = cu2sycl::memory_kind::device;
  fill.srcDevice = d_layers;
  fill.srcPitch = pitch;
  fill.srcHeight = H;
  fill.dstMemoryType = cu2sycl::memory_kind::array;
  fill.dstArray = layers;
  fill.WidthInBytes = W * sizeof(float);
  fill.Height = H;
  fill.Depth = LAYERS;
  CHECK((cu2sycl::memcpy_3d(cu2sycl::default_queue(), fill).wait(), 0));

  cu2sycl::texture_object imageTex, layersTex;
  CHECK(makeTexture(&imageTex, image, cu2sycl::filter_mode::linear, cu2sycl::trsf_normalized_coordinates, cu2sycl::address_mode::wrap));
  CHECK(makeTexture(&layersTex, layers, cu2sycl::filter_mode::linear, cu2sycl::trsf_normalized_coordinates, cu2sycl::address_mode::clamp));
  sycl::float2 h_coords[N];
  for (int i = 0; i < N; ++i) h_coords[i] = sycl::float2(((i * 5) % 23) * 0.0625f - 0.25f, ((i * 3) % 13) * 0.125f - 0.25f);
  cu2sycl::device_ptr d_coords, d_out;
  CHECK(((d_coords = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(sizeof(h_coords), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(((d_out = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(2 * N * sizeof(float), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK((cu2sycl::default_queue().memcpy(d_coords, h_coords, sizeof(h_coords)).wait(), 0));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(64), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
    sample((float *)d_out, imageTex, layersTex, (const sycl::float2 *)d_coords, N, item);
  });
  float h_out[2 * N];
  CHECK((cu2sycl::default_queue().memcpy(h_out, d_out, sizeof(h_out)).wait(), 0));
  for (int i = 0; i < N; ++i) {
    expect("tex2D", i, h_out[i], bilinear(h_coords[i].x() * W, h_coords[i].y() * H, 0, true));
    expect("tex2DLayered", i, h_out[N + i], bilinear(h_coords[i].x() * W, h_coords[i].y() * H, i % LAYERS, false));
  }

  // 8-bit RGBA: normalized floats by default, integers with CU_TRSF_READ_AS_INTEGER.
  unsigned char h_colors[H][W][4];
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x)
      for (int c = 0; c < 4; ++c) h_colors[y][x][c] = (unsigned char)(x * 30 + y * 7 + c * 51);
  cu2sycl::texture_array_t colors;
  desc.Format = cu2sycl::array_format::unsigned_int8;
  desc.NumChannels = 4;
  CHECK(cu2sycl::array_create(&colors, &desc));
  up.srcHost = h_colors;
  up.srcPitch = W * 4;
  up.dstArray = colors;
  up.WidthInBytes = W * 4;
  CHECK((cu2sycl::memcpy_2d(cu2sycl::default_queue(), up).wait(), 0));
  cu2sycl::texture_object normalizedTex, integerTex;
  CHECK(makeTexture(&normalizedTex, colors, cu2sycl::filter_mode::point, 0, cu2sycl::address_mode::clamp));
  CHECK(makeTexture(&integerTex, colors, cu2sycl::filter_mode::point, cu2sycl::trsf_read_as_integer, cu2sycl::address_mode::clamp));
  cu2sycl::device_ptr d_float, d_integer;
  CHECK(((d_float = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(W * H * sizeof(sycl::float4), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  CHECK(((d_integer = static_cast<cu2sycl::device_ptr>(sycl::malloc_device(W * H * sizeof(sycl::uchar4), cu2sycl::default_queue()))) != nullptr ? 0 : 2));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(H * W), sycl::range<1>(W)), [=](sycl::nd_item<1> item) {
    readColors((sycl::float4 *)d_float, (sycl::uchar4 *)d_integer, normalizedTex, integerTex, item);
  });
  sycl::float4 h_float[H * W];
  sycl::uchar4 h_integer[H * W];
  CHECK((cu2sycl::default_queue().memcpy(h_float, d_float, sizeof(h_float)).wait(), 0));
  CHECK((cu2sycl::default_queue().memcpy(h_integer, d_integer, sizeof(h_integer)).wait(), 0));
  for (int i = 0; i < W * H; ++i) {
    const unsigned char *c = h_colors[i / W][i % W];
    expect("normalized.x", i, h_float[i].x(), c[0] / 255.0f);
    expect("normalized.w", i, h_float[i].w(), c[3] / 255.0f);
    expect("integer.y", i, h_integer[i].y(), c[1]);
    expect("integer.z", i, h_integer[i].z(), c[2]);
  }

  // A surface paints a W x H array; cuMemcpy2D reads a window at an offset, cuMemcpy3D the whole array.
  cu2sycl::texture_array_t canvas;
  desc3d.Depth = 0;
  desc3d.Flags = cu2sycl::array_surface_load_store;
  CHECK(cu2sycl::array_3d_create(&canvas, &desc3d));
  cu2sycl::driver_resource_desc canvasRes;
  memset(&canvasRes, 0, sizeof(canvasRes));
  canvasRes.resType = cu2sycl::resource_type::array;
  canvasRes.res.array.hArray = canvas;
  cu2sycl::surface_object surface;
  CHECK(cu2sycl::create_surface_object(&surface, &canvasRes));
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(H * W), sycl::range<1>(W)), [=](sycl::nd_item<1> item) {
    paint(surface, item);
  });
  float window[2][3];
  cu2sycl::memcpy2d_desc down;
  memset(&down, 0, sizeof(down));
  down.srcMemoryType = cu2sycl::memory_kind::array;
  down.srcArray = canvas;
  down.srcXInBytes = 4 * sizeof(float);
  down.srcY = 1;
  down.dstMemoryType = cu2sycl::memory_kind::host;
  down.dstHost = window;
  down.dstPitch = 3 * sizeof(float);
  down.WidthInBytes = 3 * sizeof(float);
  down.Height = 2;
  CHECK((cu2sycl::memcpy_2d(cu2sycl::default_queue(), down).wait(), 0));
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 3; ++x) expect("surf2Dwrite window", y * 3 + x, window[y][x], 2000.0f + value(4 + x, 1 + y, 0));
  float whole[H][W];
  cu2sycl::memcpy3d_desc all;
  memset(&all, 0, sizeof(all));
  all.srcMemoryType = cu2sycl::memory_kind::array;
  all.srcArray = canvas;
  all.dstMemoryType = cu2sycl::memory_kind::host;
  all.dstHost = whole;
  all.dstPitch = W * sizeof(float);
  all.dstHeight = H;
  all.WidthInBytes = W * sizeof(float);
  all.Height = H;
  all.Depth = 1;
  CHECK((cu2sycl::memcpy_3d(cu2sycl::default_queue(), all).wait(), 0));
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) expect("surf2Dwrite", y * W + x, whole[y][x], 2000.0f + value(x, y, 0));

  CHECK(cu2sycl::destroy_surface_object(surface));
  CHECK(cu2sycl::destroy_texture_object(imageTex));
  CHECK(cu2sycl::destroy_texture_object(layersTex));
  CHECK(cu2sycl::destroy_texture_object(normalizedTex));
  CHECK(cu2sycl::destroy_texture_object(integerTex));
  CHECK(cu2sycl::free_array(image));
  CHECK(cu2sycl::free_array(layers));
  CHECK(cu2sycl::free_array(colors));
  CHECK(cu2sycl::free_array(canvas));
  CHECK((sycl::free(d_layers, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(d_coords, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(d_out, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(d_float, cu2sycl::default_queue()), 0));
  CHECK((sycl::free(d_integer, cu2sycl::default_queue()), 0));
  CHECK((cu2sycl::destroy_context(context), 0));
  if (failures == 0) printf("PASS driver_textures\n");
  return failures == 0 ? 0 : 1;
}
