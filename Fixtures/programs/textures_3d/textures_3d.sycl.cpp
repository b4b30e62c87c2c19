// textures_3d: 3-D, layered and cube-map CUDA arrays read through texture objects and surfaces, filled
// and read back with cudaMemcpy3D, checked against the sampling rules of the CUDA Programming Guide
// evaluated on the host: trilinear filtering with normalized coordinates and wrap/mirror addressing,
// point filtering with clamp and border, layered textures (no filtering across layers), cube-map face
// selection ((s / |m| + 1) / 2 on the face of the major axis) and 3-D copies with offsets. Coordinates
// are multiples of 1/8 of a texel, so every filter weight is exact and host and device agree.
// cu2sycl-fixture: no-emulator (the CPU emulator has no texture units)
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define S 4       // edge of every array
#define LAYERS 3  // layers of the layered arrays
#define N 64      // samples per test

static int failures = 0;

static void expect(const char *what, int i, float got, float want) {
  if (fabsf(got - want) > 1e-4f) {
    if (failures < 10) printf("FAIL %s[%d]: %f, expected %f\n", what, i, got, want);
    ++failures;
  }
}

// Texel values that say where they are: x + 10 y + 100 z (z is the slice, layer or face).
static float value(int x, int y, int z) { return x + 10.0f * y + 100.0f * z; }

void sample3D(float *out, cu2sycl::texture_object tex, const sycl::float4 *coords, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = cu2sycl::tex3D<float>(tex, coords[i].x(), coords[i].y(), coords[i].z());
}

void sampleLayered(float *out, cu2sycl::texture_object tex2d, cu2sycl::texture_object tex1d, const sycl::float4 *coords, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    int layer = (int)coords[i].z();
    out[2 * i] = cu2sycl::tex2DLayered<float>(tex2d, coords[i].x(), coords[i].y(), layer);
    out[2 * i + 1] = cu2sycl::tex1DLayered<float>(tex1d, coords[i].x(), layer);
  }
}

void sampleCube(float *out, cu2sycl::texture_object cube, cu2sycl::texture_object cubes, const sycl::float4 *dirs, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    out[2 * i] = cu2sycl::texCubemap<float>(cube, dirs[i].x(), dirs[i].y(), dirs[i].z());
    out[2 * i + 1] = cu2sycl::texCubemapLayered<float>(cubes, dirs[i].x(), dirs[i].y(), dirs[i].z(), 1);
  }
}

// Each thread writes one texel of the 3-D array and copies one of the layered array's.
void writeSurfaces(cu2sycl::surface_object volume, cu2sycl::surface_object layers, const sycl::nd_item<2> &item) {
  int x = item.get_local_id(1), y = item.get_local_id(0), z = item.get_group(1);
  cu2sycl::surf3Dwrite(1000.0f + value(x, y, z), volume, x * sizeof(float), y, z);
  if (z < LAYERS) {
    float v = cu2sycl::surf2DLayeredread<float>(layers, x * sizeof(float), y, z);
    cu2sycl::surf2DLayeredwrite(v + 0.5f, layers, x * sizeof(float), y, z);
  }
}

// The host's reading of the rules, for one axis of S texels.
static int address(int i, cu2sycl::address_mode mode, bool *border) {
  *border = false;
  switch (mode) {
    case cu2sycl::address_mode::wrap: return ((i % S) + S) % S;
    case cu2sycl::address_mode::mirror: {
      int m = ((i % (2 * S)) + 2 * S) % (2 * S);
      return m < S ? m : 2 * S - 1 - m;
    }
    case cu2sycl::address_mode::border: *border = i < 0 || i >= S; return i;
    default: return i < 0 ? 0 : (i >= S ? S - 1 : i);
  }
}

// Linear filtering at texel-space coordinates (x, y, z): weights of the 8 texels around (x, y, z) - 0.5.
static float trilinear(float x, float y, float z, cu2sycl::address_mode mode) {
  float fx = x - 0.5f, fy = y - 0.5f, fz = z - 0.5f;
  int x0 = (int)floorf(fx), y0 = (int)floorf(fy), z0 = (int)floorf(fz);
  float a = fx - x0, b = fy - y0, c = fz - z0, sum = 0;
  for (int corner = 0; corner < 8; ++corner) {
    int dx = corner & 1, dy = (corner >> 1) & 1, dz = corner >> 2;
    bool bx, by, bz;
    int ix = address(x0 + dx, mode, &bx), iy = address(y0 + dy, mode, &by), iz = address(z0 + dz, mode, &bz);
    float w = (dx ? a : 1 - a) * (dy ? b : 1 - b) * (dz ? c : 1 - c);
    sum += w * value(ix, iy, iz);
  }
  return sum;
}

// Point filtering at unnormalized coordinates, border color 0.
static float nearest(float x, float y, float z, cu2sycl::address_mode mode) {
  bool bx, by, bz;
  int ix = address((int)floorf(x), mode, &bx), iy = address((int)floorf(y), mode, &by), iz = address((int)floorf(z), mode, &bz);
  return bx || by || bz ? 0.0f : value(ix, iy, iz);
}

// Bilinear filtering inside one layer (clamped at its edges), texel-space coordinates.
static float bilinearLayer(float x, float y, int layer) {
  float fx = x - 0.5f, fy = y - 0.5f;
  int x0 = (int)floorf(fx), y0 = (int)floorf(fy);
  float a = fx - x0, b = fy - y0, sum = 0;
  for (int corner = 0; corner < 4; ++corner) {
    int dx = corner & 1, dy = corner >> 1;
    bool unused;
    sum += (dx ? a : 1 - a) * (dy ? b : 1 - b) *
           value(address(x0 + dx, cu2sycl::address_mode::clamp, &unused), address(y0 + dy, cu2sycl::address_mode::clamp, &unused), layer);
  }
  return sum;
}

// The Programming Guide's cube-map table: the face of the major axis m and the face coordinates
// ((s / |m| + 1) / 2, (t / |m| + 1) / 2).
static int cubeFace(float x, float y, float z, float *u, float *v) {
  float ax = fabsf(x), ay = fabsf(y), az = fabsf(z), m, s, t;
  int face;
  if (ax >= ay && ax >= az) { face = x >= 0 ? 0 : 1; m = ax; s = x >= 0 ? -z : z; t = -y; }
  else if (ay >= az) { face = y >= 0 ? 2 : 3; m = ay; s = x; t = y >= 0 ? z : -z; }
  else { face = z >= 0 ? 4 : 5; m = az; s = z >= 0 ? x : -x; t = -y; }
  *u = (s / m + 1) / 2;
  *v = (t / m + 1) / 2;
  return face;
}

static cu2sycl::texture_object makeTexture(cu2sycl::texture_array_t array, cu2sycl::filter_mode filter, cu2sycl::address_mode mode, int normalized) {
  cu2sycl::resource_desc res;
  memset(&res, 0, sizeof(res));
  res.resType = cu2sycl::resource_type::array;
  res.res.array.array = array;
  cu2sycl::texture_desc desc;
  memset(&desc, 0, sizeof(desc));
  desc.filterMode = filter;
  desc.addressMode[0] = mode;
  desc.addressMode[1] = mode;
  desc.addressMode[2] = mode;
  desc.readMode = cu2sycl::read_mode::element_type;
  desc.normalizedCoords = normalized;
  cu2sycl::texture_object tex = 0;
  cu2sycl::create_texture_object(&tex, &res, &desc);
  return tex;
}

static cu2sycl::surface_object makeSurface(cu2sycl::texture_array_t array) {
  cu2sycl::resource_desc res;
  memset(&res, 0, sizeof(res));
  res.resType = cu2sycl::resource_type::array;
  res.res.array.array = array;
  cu2sycl::surface_object surface = 0;
  cu2sycl::create_surface_object(&surface, &res);
  return surface;
}

// Fills `slices` slices of S x rows texels from the host with cudaMemcpy3D.
static void upload(cu2sycl::texture_array_t array, int rows, int slices) {
  static float host[S * S * 6 * 2];
  for (int z = 0; z < slices; ++z)
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < S; ++x) host[(z * rows + y) * S + x] = value(x, y, z);
  cu2sycl::memcpy3d_parms copy = {0};
  copy.srcPtr = cu2sycl::make_pitched_ptr(host, S * sizeof(float), S, rows);
  copy.dstArray = array;
  copy.extent = cu2sycl::make_extent(S, rows, slices);
  cu2sycl::memcpy_3d_array(cu2sycl::default_queue(), copy).wait();
}

int main() {
  cu2sycl::channel_desc channel = cu2sycl::create_channel_desc<float>();
  sycl::float4 h_coords[N];
  float h_out[2 * N];
  sycl::float4 *d_coords;
  float *d_out;
  d_coords = static_cast<sycl::float4 *>(sycl::malloc_device(sizeof(h_coords), cu2sycl::default_queue()));
  d_out = static_cast<float *>(sycl::malloc_device(sizeof(h_out), cu2sycl::default_queue()));

  // 3-D: trilinear with normalized coordinates, wrap and mirror; point with clamp and border.
  cu2sycl::texture_array_t volume;
  cu2sycl::extent extent = cu2sycl::make_extent(S, S, S);
  cu2sycl::malloc_3d_array(&volume, &channel, extent, cu2sycl::array_surface_load_store);
  upload(volume, S, S);
  for (int i = 0; i < N; ++i)  // from -0.75 to 5.125 texels: inside, across the edges and outside
    h_coords[i] = sycl::float4((i % 16) * 0.375f - 0.75f, (i % 5) * 1.125f + 0.25f, (i % 7) * 0.875f - 0.5f, 0);
  cu2sycl::default_queue().memcpy(d_coords, h_coords, sizeof(h_coords)).wait();
  cu2sycl::address_mode modes[] = {cu2sycl::address_mode::wrap, cu2sycl::address_mode::mirror, cu2sycl::address_mode::clamp, cu2sycl::address_mode::border};
  for (int m = 0; m < 4; ++m) {
    bool linear = m < 2;  // wrap and mirror need normalized coordinates
    cu2sycl::texture_object tex = makeTexture(volume, linear ? cu2sycl::filter_mode::linear : cu2sycl::filter_mode::point, modes[m], linear);
    sycl::float4 *normalized;
    normalized = static_cast<sycl::float4 *>(sycl::malloc_device(sizeof(h_coords), cu2sycl::default_queue()));
    sycl::float4 scaled[N];
    for (int i = 0; i < N; ++i) scaled[i] = sycl::float4(h_coords[i].x() / S, h_coords[i].y() / S, h_coords[i].z() / S, 0);
    cu2sycl::default_queue().memcpy(normalized, linear ? scaled : h_coords, sizeof(h_coords)).wait();
    cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(64), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
      sample3D(d_out, tex, normalized, N, item);
    });
    cu2sycl::default_queue().memcpy(h_out, d_out, N * sizeof(float)).wait();
    for (int i = 0; i < N; ++i) {
      sycl::float4 c = h_coords[i];
      expect(linear ? "tex3D linear" : "tex3D point", m * N + i, h_out[i], linear ? trilinear(c.x(), c.y(), c.z(), modes[m]) : nearest(c.x(), c.y(), c.z(), modes[m]));
    }
    cu2sycl::destroy_texture_object(tex);
    sycl::free(normalized, cu2sycl::default_queue());
  }

  // Layered: bilinear inside a layer, never across layers; a 1-D layered array has rows of one texel.
  cu2sycl::texture_array_t layers, rows;
  cu2sycl::malloc_3d_array(&layers, &channel, cu2sycl::make_extent(S, S, LAYERS), cu2sycl::array_layered | cu2sycl::array_surface_load_store);
  cu2sycl::malloc_3d_array(&rows, &channel, cu2sycl::make_extent(S, 0, LAYERS), cu2sycl::array_layered);
  upload(layers, S, LAYERS);
  upload(rows, 1, LAYERS);
  cu2sycl::texture_object layered = makeTexture(layers, cu2sycl::filter_mode::linear, cu2sycl::address_mode::clamp, 1);
  cu2sycl::texture_object layered1D = makeTexture(rows, cu2sycl::filter_mode::linear, cu2sycl::address_mode::clamp, 1);
  for (int i = 0; i < N; ++i) h_coords[i] = sycl::float4((i % 9) * 0.125f - 0.25f, (i % 11) * 0.125f, (float)(i % LAYERS), 0);
  cu2sycl::default_queue().memcpy(d_coords, h_coords, sizeof(h_coords)).wait();
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(64), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
    sampleLayered(d_out, layered, layered1D, d_coords, N, item);
  });
  cu2sycl::default_queue().memcpy(h_out, d_out, sizeof(h_out)).wait();
  for (int i = 0; i < N; ++i) {
    sycl::float4 c = h_coords[i];
    expect("tex2DLayered", i, h_out[2 * i], bilinearLayer(c.x() * S, c.y() * S, (int)c.z()));
    expect("tex1DLayered", i, h_out[2 * i + 1], bilinearLayer(c.x() * S, 0.5f, (int)c.z()));
  }

  // Cube maps: six faces (and two cubes of six in a cube-map layered array); linear filtering on a face.
  cu2sycl::texture_array_t cube, cubes;
  cu2sycl::malloc_3d_array(&cube, &channel, cu2sycl::make_extent(S, S, 6), cu2sycl::array_cubemap);
  cu2sycl::malloc_3d_array(&cubes, &channel, cu2sycl::make_extent(S, S, 12), cu2sycl::array_cubemap | cu2sycl::array_layered);
  upload(cube, S, 6);
  upload(cubes, S, 12);
  cu2sycl::texture_object cubeTex = makeTexture(cube, cu2sycl::filter_mode::linear, cu2sycl::address_mode::clamp, 1);
  cu2sycl::texture_object cubesTex = makeTexture(cubes, cu2sycl::filter_mode::linear, cu2sycl::address_mode::clamp, 1);
  for (int i = 0; i < N; ++i) {
    // Directions around all six faces, with a minor component of k/8 of the major one.
    float major = (i & 1) ? -2.0f : 2.0f, a = ((i / 2) % 7 - 3) * 0.25f, b = ((i / 3) % 5 - 2) * 0.375f;
    int axis = (i / 2) % 3;
    h_coords[i] = axis == 0 ? sycl::float4(major, a, b, 0) : axis == 1 ? sycl::float4(a, major, b, 0) : sycl::float4(a, b, major, 0);
  }
  // Two by hand: +x at (y, z) = (0.25, -0.25) is face 0 at (u, v) = (0.625, 0.375), the center of texel
  // (2, 1); -x straight on is face 1 at (0.5, 0.5), between texels (1, 1), (2, 1), (1, 2) and (2, 2).
  h_coords[0] = sycl::float4(1.0f, 0.25f, -0.25f, 0);
  h_coords[1] = sycl::float4(-1.0f, 0.0f, 0.0f, 0);
  cu2sycl::default_queue().memcpy(d_coords, h_coords, sizeof(h_coords)).wait();
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(64), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
    sampleCube(d_out, cubeTex, cubesTex, d_coords, N, item);
  });
  cu2sycl::default_queue().memcpy(h_out, d_out, sizeof(h_out)).wait();
  for (int i = 0; i < N; ++i) {
    float u, v;
    int face = cubeFace(h_coords[i].x(), h_coords[i].y(), h_coords[i].z(), &u, &v);
    expect("texCubemap", i, h_out[2 * i], bilinearLayer(u * S, v * S, face));
    expect("texCubemapLayered", i, h_out[2 * i + 1], bilinearLayer(u * S, v * S, 6 + face));
  }
  expect("cube +x", 0, h_out[0], 12.0f);
  expect("cube -x", 1, h_out[2], 100.0f + (11 + 12 + 21 + 22) / 4.0f);
  expect("cube layer 1 -x", 1, h_out[3], 700.0f + (11 + 12 + 21 + 22) / 4.0f);

  // Surfaces on a 3-D and a layered array, read back with 3-D copies (one from an offset).
  cu2sycl::surface_object volumeSurface = makeSurface(volume), layerSurface = makeSurface(layers);
  cu2sycl::default_queue().parallel_for(sycl::nd_range<2>(sycl::range<2>(1, S) * sycl::range<2>(S, S), sycl::range<2>(S, S)), [=](sycl::nd_item<2> item) {
    writeSurfaces(volumeSurface, layerSurface, item);
  });
  float box[2][2][2], slabs[LAYERS][S][S];
  cu2sycl::memcpy3d_parms back = {0};
  back.srcArray = volume;
  back.srcPos = cu2sycl::make_pos(1, 2, 1);  // texels of the array
  back.dstPtr = cu2sycl::make_pitched_ptr(box, 2 * sizeof(float), 2, 2);
  back.extent = cu2sycl::make_extent(2, 2, 2);
  cu2sycl::memcpy_3d_array(cu2sycl::default_queue(), back).wait();
  for (int z = 0; z < 2; ++z)
    for (int y = 0; y < 2; ++y)
      for (int x = 0; x < 2; ++x) expect("surf3Dwrite", (z * 2 + y) * 2 + x, box[z][y][x], 1000.0f + value(1 + x, 2 + y, 1 + z));
  cu2sycl::memcpy3d_parms slab = {0};
  slab.srcArray = layers;
  slab.dstPtr = cu2sycl::make_pitched_ptr(slabs, S * sizeof(float), S, S);
  slab.extent = cu2sycl::make_extent(S, S, LAYERS);
  cu2sycl::memcpy_3d_array(cu2sycl::default_queue(), slab).wait();
  for (int z = 0; z < LAYERS; ++z)
    for (int y = 0; y < S; ++y)
      for (int x = 0; x < S; ++x) expect("surf2DLayeredwrite", (z * S + y) * S + x, slabs[z][y][x], value(x, y, z) + 0.5f);

  cu2sycl::destroy_surface_object(volumeSurface);
  cu2sycl::destroy_surface_object(layerSurface);
  cu2sycl::destroy_texture_object(layered);
  cu2sycl::destroy_texture_object(layered1D);
  cu2sycl::destroy_texture_object(cubeTex);
  cu2sycl::destroy_texture_object(cubesTex);
  cu2sycl::free_array(volume);
  cu2sycl::free_array(layers);
  cu2sycl::free_array(rows);
  cu2sycl::free_array(cube);
  cu2sycl::free_array(cubes);
  sycl::free(d_coords, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  if (failures == 0) printf("PASS textures_3d\n");
  return failures == 0 ? 0 : 1;
}
