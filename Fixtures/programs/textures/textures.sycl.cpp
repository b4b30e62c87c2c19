// textures: CUDA texture objects over a cudaArray and over linear memory, and a surface, checked
// against the sampling rules of the CUDA Programming Guide evaluated on the host: bilinear filtering
// with normalized coordinates (texel centers at +0.5), wrap in x and clamp in y; 8-bit texels read
// as normalized floats with border addressing; tex1Dfetch (0 outside); surface reads and writes.
// Coordinates are multiples of 1/32, so every filter weight is exact and host and device agree.
// cu2sycl-fixture: no-emulator (the CPU emulator has no texture units)
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define W 16
#define H 8
#define N 64
#define COLORS 8
#define TABLE 32

void sampleImage(float *out, cu2sycl::texture_object image, const sycl::float2 *coords, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = cu2sycl::tex2D<float>(image, coords[i].x(), coords[i].y());
}

// x runs from -1.5 to 8.5 over an 8-texel row: the first and last fall on the border.
void readColors(sycl::float4 *out, cu2sycl::texture_object colors, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = cu2sycl::tex2D<sycl::float4>(colors, i - 1.5f, 0.5f);
}

void gather(float *out, cu2sycl::texture_object table, const int *index, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = cu2sycl::tex1Dfetch<float>(table, index[i]);
}

void brighten(cu2sycl::surface_object surface, const sycl::nd_item<1> &item) {
  int x = item.get_local_id(0), y = item.get_group(0);
  sycl::uchar4 p = cu2sycl::surf2Dread<sycl::uchar4>(surface, x * sizeof(sycl::uchar4), y);
  cu2sycl::surf2Dwrite(sycl::uchar4(p.x() + 1, p.y() + 2, p.z() + 3, 255), surface, x * sizeof(sycl::uchar4), y);
}

// The host's reading of the rules.
static float texel(const float *image, int x, int y) {
  x = ((x % W) + W) % W;                  // wrap
  y = y < 0 ? 0 : (y >= H ? H - 1 : y);   // clamp
  return image[y * W + x];
}

static float bilinear(const float *image, float u, float v) {
  float x = u * W - 0.5f, y = v * H - 0.5f;
  float x0 = floorf(x), y0 = floorf(y), a = x - x0, b = y - y0;
  int i = (int)x0, j = (int)y0;
  return (1 - a) * (1 - b) * texel(image, i, j) + a * (1 - b) * texel(image, i + 1, j) +
         (1 - a) * b * texel(image, i, j + 1) + a * b * texel(image, i + 1, j + 1);
}

int main() {
  int failures = 0;

  // A 2-D float image in a cudaArray, sampled bilinearly.
  float image[W * H];
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) image[y * W + x] = (float)(x + 16 * y);
  cu2sycl::channel_desc floatFormat = cu2sycl::create_channel_desc<float>();
  cu2sycl::texture_array_t imageArray;
  cu2sycl::malloc_array(&imageArray, &floatFormat, W, H);
  cu2sycl::memcpy_to_array(imageArray, 0, 0, image, sizeof(image));
  cu2sycl::resource_desc imageResource;
  memset(&imageResource, 0, sizeof(imageResource));
  imageResource.resType = cu2sycl::resource_type::array;
  imageResource.res.array.array = imageArray;
  cu2sycl::texture_desc imageSampling;
  memset(&imageSampling, 0, sizeof(imageSampling));
  imageSampling.addressMode[0] = cu2sycl::address_mode::wrap;
  imageSampling.addressMode[1] = cu2sycl::address_mode::clamp;
  imageSampling.filterMode = cu2sycl::filter_mode::linear;
  imageSampling.readMode = cu2sycl::read_mode::element_type;
  imageSampling.normalizedCoords = 1;
  cu2sycl::texture_object imageTexture = 0;
  cu2sycl::create_texture_object(&imageTexture, &imageResource, &imageSampling);

  sycl::float2 coords[N];
  for (int i = 0; i < N; ++i) coords[i] = sycl::float2(-0.5f + i * 0.03125f, -0.25f + (i % 8) * 0.1875f);
  sycl::float2 *d_coords;
  float *d_samples;
  d_coords = sycl::malloc_device<sycl::float2>(N, cu2sycl::default_queue());
  d_samples = sycl::malloc_device<float>(N, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_coords, coords, N * sizeof(sycl::float2)).wait();
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 32 * 32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
    sampleImage(d_samples, imageTexture, d_coords, N, item);
  });
  float samples[N];
  cu2sycl::default_queue().memcpy(samples, d_samples, N * sizeof(float)).wait();
  for (int i = 0; i < N; ++i) {
    float expected = bilinear(image, coords[i].x(), coords[i].y());
    if (fabsf(samples[i] - expected) > 1e-3f) {
      if (failures++ < 5) printf("sample %d at (%g, %g): %g, expected %g\n", i, coords[i].x(), coords[i].y(), samples[i], expected);
    }
  }

  // 8-bit RGBA texels read as normalized floats, with border addressing (the border color is 0).
  sycl::uchar4 colors[COLORS];
  for (int x = 0; x < COLORS; ++x) colors[x] = sycl::uchar4(x * 30, 255 - x * 30, x, 255);
  cu2sycl::channel_desc byteFormat = cu2sycl::create_channel_desc(8, 8, 8, 8, cu2sycl::channel_kind::unsigned_integer);
  cu2sycl::texture_array_t colorArray;
  cu2sycl::malloc_array(&colorArray, &byteFormat, COLORS, 1);
  cu2sycl::memcpy_2d_to_array(colorArray, 0, 0, colors, sizeof(colors), sizeof(colors), 1);
  cu2sycl::resource_desc colorResource = {};
  colorResource.resType = cu2sycl::resource_type::array;
  colorResource.res.array.array = colorArray;
  cu2sycl::texture_desc colorSampling = {};
  colorSampling.addressMode[0] = cu2sycl::address_mode::border;
  colorSampling.addressMode[1] = cu2sycl::address_mode::border;
  colorSampling.filterMode = cu2sycl::filter_mode::point;
  colorSampling.readMode = cu2sycl::read_mode::normalized_float;
  cu2sycl::texture_object colorTexture;
  cu2sycl::create_texture_object(&colorTexture, &colorResource, &colorSampling);
  sycl::float4 *d_colors;
  d_colors = sycl::malloc_device<sycl::float4>((COLORS + 2), cu2sycl::default_queue());
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(1 * (COLORS + 2)), sycl::range<1>(COLORS + 2)), [=](sycl::nd_item<1> item) {
    readColors(d_colors, colorTexture, COLORS + 2, item);
  });
  sycl::float4 read[COLORS + 2];
  cu2sycl::default_queue().memcpy(read, d_colors, sizeof(read)).wait();
  for (int i = 0; i < COLORS + 2; ++i) {
    int x = i - 2;  // the texel under i - 1.5
    sycl::float4 e = sycl::float4(0, 0, 0, 0);
    if (x >= 0 && x < COLORS) e = sycl::float4(colors[x].x() / 255.0f, colors[x].y() / 255.0f, colors[x].z() / 255.0f, colors[x].w() / 255.0f);
    if (fabsf(read[i].x() - e.x()) > 1e-5f || fabsf(read[i].y() - e.y()) > 1e-5f || fabsf(read[i].z() - e.z()) > 1e-5f || fabsf(read[i].w() - e.w()) > 1e-5f) {
      if (failures++ < 10) printf("color %d: (%g, %g, %g, %g), expected (%g, %g, %g, %g)\n", i, read[i].x(), read[i].y(), read[i].z(), read[i].w(), e.x(), e.y(), e.z(), e.w());
    }
  }

  // tex1Dfetch on linear device memory; indices outside the table read 0.
  float table[TABLE];
  int index[N];
  for (int i = 0; i < TABLE; ++i) table[i] = 0.5f * i * i;
  for (int i = 0; i < N; ++i) index[i] = (i * 7) % (TABLE + 8) - 4;
  float *d_table, *d_gathered;
  int *d_index;
  d_table = static_cast<float *>(sycl::malloc_device(sizeof(table), cu2sycl::default_queue()));
  d_index = static_cast<int *>(sycl::malloc_device(sizeof(index), cu2sycl::default_queue()));
  d_gathered = sycl::malloc_device<float>(N, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_table, table, sizeof(table)).wait();
  cu2sycl::default_queue().memcpy(d_index, index, sizeof(index)).wait();
  cu2sycl::resource_desc tableResource = {};
  tableResource.resType = cu2sycl::resource_type::linear;
  tableResource.res.linear.devPtr = d_table;
  tableResource.res.linear.desc = cu2sycl::create_channel_desc<float>();
  tableResource.res.linear.sizeInBytes = sizeof(table);
  cu2sycl::texture_desc tableSampling = {};
  tableSampling.readMode = cu2sycl::read_mode::element_type;
  cu2sycl::texture_object tableTexture;
  cu2sycl::create_texture_object(&tableTexture, &tableResource, &tableSampling);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 32 * 32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
    gather(d_gathered, tableTexture, d_index, N, item);
  });
  float gathered[N];
  cu2sycl::default_queue().memcpy(gathered, d_gathered, sizeof(gathered)).wait();
  for (int i = 0; i < N; ++i) {
    float expected = index[i] >= 0 && index[i] < TABLE ? table[index[i]] : 0.0f;
    if (gathered[i] != expected) {
      if (failures++ < 15) printf("fetch %d (index %d): %g, expected %g\n", i, index[i], gathered[i], expected);
    }
  }

  // A surface over an array: read, change and write every texel, then copy the rows back.
  const int sw = 8, sh = 4;
  sycl::uchar4 pixels[sh][sw];
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) pixels[y][x] = sycl::uchar4(x, y, x + y, 0);
  cu2sycl::channel_desc pixelFormat = cu2sycl::create_channel_desc<sycl::uchar4>();
  cu2sycl::texture_array_t pixelArray;
  cu2sycl::malloc_array(&pixelArray, &pixelFormat, sw, sh);
  cu2sycl::memcpy_2d_to_array(pixelArray, 0, 0, pixels, sw * sizeof(sycl::uchar4), sw * sizeof(sycl::uchar4), sh);
  cu2sycl::resource_desc pixelResource = {};
  pixelResource.resType = cu2sycl::resource_type::array;
  pixelResource.res.array.array = pixelArray;
  cu2sycl::surface_object surface;
  cu2sycl::create_surface_object(&surface, &pixelResource);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(sh * sw), sycl::range<1>(sw)), [=](sycl::nd_item<1> item) {
    brighten(surface, item);
  });
  sycl::uchar4 result[sh][sw];
  cu2sycl::memcpy_2d_from_array(result, sw * sizeof(sycl::uchar4), pixelArray, 0, 0, sw * sizeof(sycl::uchar4), sh);
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) {
      sycl::uchar4 p = result[y][x];
      if (p.x() != x + 1 || p.y() != y + 2 || p.z() != x + y + 3 || p.w() != 255) {
        if (failures++ < 20) printf("pixel (%d, %d): (%d, %d, %d, %d)\n", x, y, p.x(), p.y(), p.z(), p.w());
      }
    }

  cu2sycl::destroy_surface_object(surface);
  cu2sycl::destroy_texture_object(imageTexture);
  cu2sycl::destroy_texture_object(colorTexture);
  cu2sycl::destroy_texture_object(tableTexture);
  cu2sycl::free_array(imageArray);
  cu2sycl::free_array(colorArray);
  cu2sycl::free_array(pixelArray);
  sycl::free(d_coords, cu2sycl::default_queue());
  sycl::free(d_samples, cu2sycl::default_queue());
  sycl::free(d_colors, cu2sycl::default_queue());
  sycl::free(d_table, cu2sycl::default_queue());
  sycl::free(d_index, cu2sycl::default_queue());
  sycl::free(d_gathered, cu2sycl::default_queue());
  printf(failures == 0 ? "PASS\n" : "FAIL\n");
  return failures == 0 ? 0 : 1;
}
