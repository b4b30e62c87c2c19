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
#include <cuda_runtime.h>

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
__host__ __device__ static float value(int x, int y, int z) { return x + 10.0f * y + 100.0f * z; }

__global__ void sample3D(float *out, cudaTextureObject_t tex, const float4 *coords, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex3D<float>(tex, coords[i].x, coords[i].y, coords[i].z);
}

__global__ void sampleLayered(float *out, cudaTextureObject_t tex2d, cudaTextureObject_t tex1d, const float4 *coords, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    int layer = (int)coords[i].z;
    out[2 * i] = tex2DLayered<float>(tex2d, coords[i].x, coords[i].y, layer);
    out[2 * i + 1] = tex1DLayered<float>(tex1d, coords[i].x, layer);
  }
}

__global__ void sampleCube(float *out, cudaTextureObject_t cube, cudaTextureObject_t cubes, const float4 *dirs, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[2 * i] = texCubemap<float>(cube, dirs[i].x, dirs[i].y, dirs[i].z);
    out[2 * i + 1] = texCubemapLayered<float>(cubes, dirs[i].x, dirs[i].y, dirs[i].z, 1);
  }
}

// Each thread writes one texel of the 3-D array and copies one of the layered array's.
__global__ void writeSurfaces(cudaSurfaceObject_t volume, cudaSurfaceObject_t layers) {
  int x = threadIdx.x, y = threadIdx.y, z = blockIdx.x;
  surf3Dwrite(1000.0f + value(x, y, z), volume, x * sizeof(float), y, z);
  if (z < LAYERS) {
    float v = surf2DLayeredread<float>(layers, x * sizeof(float), y, z);
    surf2DLayeredwrite(v + 0.5f, layers, x * sizeof(float), y, z);
  }
}

// The host's reading of the rules, for one axis of S texels.
static int address(int i, cudaTextureAddressMode mode, bool *border) {
  *border = false;
  switch (mode) {
    case cudaAddressModeWrap: return ((i % S) + S) % S;
    case cudaAddressModeMirror: {
      int m = ((i % (2 * S)) + 2 * S) % (2 * S);
      return m < S ? m : 2 * S - 1 - m;
    }
    case cudaAddressModeBorder: *border = i < 0 || i >= S; return i;
    default: return i < 0 ? 0 : (i >= S ? S - 1 : i);
  }
}

// Linear filtering at texel-space coordinates (x, y, z): weights of the 8 texels around (x, y, z) - 0.5.
static float trilinear(float x, float y, float z, cudaTextureAddressMode mode) {
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
static float nearest(float x, float y, float z, cudaTextureAddressMode mode) {
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
           value(address(x0 + dx, cudaAddressModeClamp, &unused), address(y0 + dy, cudaAddressModeClamp, &unused), layer);
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

static cudaTextureObject_t makeTexture(cudaArray_t array, cudaTextureFilterMode filter, cudaTextureAddressMode mode, int normalized) {
  cudaResourceDesc res;
  memset(&res, 0, sizeof(res));
  res.resType = cudaResourceTypeArray;
  res.res.array.array = array;
  cudaTextureDesc desc;
  memset(&desc, 0, sizeof(desc));
  desc.filterMode = filter;
  desc.addressMode[0] = mode;
  desc.addressMode[1] = mode;
  desc.addressMode[2] = mode;
  desc.readMode = cudaReadModeElementType;
  desc.normalizedCoords = normalized;
  cudaTextureObject_t tex = 0;
  cudaCreateTextureObject(&tex, &res, &desc, NULL);
  return tex;
}

static cudaSurfaceObject_t makeSurface(cudaArray_t array) {
  cudaResourceDesc res;
  memset(&res, 0, sizeof(res));
  res.resType = cudaResourceTypeArray;
  res.res.array.array = array;
  cudaSurfaceObject_t surface = 0;
  cudaCreateSurfaceObject(&surface, &res);
  return surface;
}

// Fills `slices` slices of S x rows texels from the host with cudaMemcpy3D.
static void upload(cudaArray_t array, int rows, int slices) {
  static float host[S * S * 6 * 2];
  for (int z = 0; z < slices; ++z)
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < S; ++x) host[(z * rows + y) * S + x] = value(x, y, z);
  cudaMemcpy3DParms copy = {0};
  copy.srcPtr = make_cudaPitchedPtr(host, S * sizeof(float), S, rows);
  copy.dstArray = array;
  copy.extent = make_cudaExtent(S, rows, slices);
  copy.kind = cudaMemcpyHostToDevice;
  cudaMemcpy3D(&copy);
}

int main() {
  cudaChannelFormatDesc channel = cudaCreateChannelDesc<float>();
  float4 h_coords[N];
  float h_out[2 * N];
  float4 *d_coords;
  float *d_out;
  cudaMalloc(&d_coords, sizeof(h_coords));
  cudaMalloc(&d_out, sizeof(h_out));

  // 3-D: trilinear with normalized coordinates, wrap and mirror; point with clamp and border.
  cudaArray_t volume;
  cudaExtent extent = make_cudaExtent(S, S, S);
  cudaMalloc3DArray(&volume, &channel, extent, cudaArraySurfaceLoadStore);
  upload(volume, S, S);
  for (int i = 0; i < N; ++i)  // from -0.75 to 5.125 texels: inside, across the edges and outside
    h_coords[i] = make_float4((i % 16) * 0.375f - 0.75f, (i % 5) * 1.125f + 0.25f, (i % 7) * 0.875f - 0.5f, 0);
  cudaMemcpy(d_coords, h_coords, sizeof(h_coords), cudaMemcpyHostToDevice);
  cudaTextureAddressMode modes[] = {cudaAddressModeWrap, cudaAddressModeMirror, cudaAddressModeClamp, cudaAddressModeBorder};
  for (int m = 0; m < 4; ++m) {
    bool linear = m < 2;  // wrap and mirror need normalized coordinates
    cudaTextureObject_t tex = makeTexture(volume, linear ? cudaFilterModeLinear : cudaFilterModePoint, modes[m], linear);
    float4 *normalized;
    cudaMalloc(&normalized, sizeof(h_coords));
    float4 scaled[N];
    for (int i = 0; i < N; ++i) scaled[i] = make_float4(h_coords[i].x / S, h_coords[i].y / S, h_coords[i].z / S, 0);
    cudaMemcpy(normalized, linear ? scaled : h_coords, sizeof(h_coords), cudaMemcpyHostToDevice);
    sample3D<<<2, 32>>>(d_out, tex, normalized, N);
    cudaMemcpy(h_out, d_out, N * sizeof(float), cudaMemcpyDeviceToHost);
    for (int i = 0; i < N; ++i) {
      float4 c = h_coords[i];
      expect(linear ? "tex3D linear" : "tex3D point", m * N + i, h_out[i], linear ? trilinear(c.x, c.y, c.z, modes[m]) : nearest(c.x, c.y, c.z, modes[m]));
    }
    cudaDestroyTextureObject(tex);
    cudaFree(normalized);
  }

  // Layered: bilinear inside a layer, never across layers; a 1-D layered array has rows of one texel.
  cudaArray_t layers, rows;
  cudaMalloc3DArray(&layers, &channel, make_cudaExtent(S, S, LAYERS), cudaArrayLayered | cudaArraySurfaceLoadStore);
  cudaMalloc3DArray(&rows, &channel, make_cudaExtent(S, 0, LAYERS), cudaArrayLayered);
  upload(layers, S, LAYERS);
  upload(rows, 1, LAYERS);
  cudaTextureObject_t layered = makeTexture(layers, cudaFilterModeLinear, cudaAddressModeClamp, 1);
  cudaTextureObject_t layered1D = makeTexture(rows, cudaFilterModeLinear, cudaAddressModeClamp, 1);
  for (int i = 0; i < N; ++i) h_coords[i] = make_float4((i % 9) * 0.125f - 0.25f, (i % 11) * 0.125f, (float)(i % LAYERS), 0);
  cudaMemcpy(d_coords, h_coords, sizeof(h_coords), cudaMemcpyHostToDevice);
  sampleLayered<<<2, 32>>>(d_out, layered, layered1D, d_coords, N);
  cudaMemcpy(h_out, d_out, sizeof(h_out), cudaMemcpyDeviceToHost);
  for (int i = 0; i < N; ++i) {
    float4 c = h_coords[i];
    expect("tex2DLayered", i, h_out[2 * i], bilinearLayer(c.x * S, c.y * S, (int)c.z));
    expect("tex1DLayered", i, h_out[2 * i + 1], bilinearLayer(c.x * S, 0.5f, (int)c.z));
  }

  // Cube maps: six faces (and two cubes of six in a cube-map layered array); linear filtering on a face.
  cudaArray_t cube, cubes;
  cudaMalloc3DArray(&cube, &channel, make_cudaExtent(S, S, 6), cudaArrayCubemap);
  cudaMalloc3DArray(&cubes, &channel, make_cudaExtent(S, S, 12), cudaArrayCubemap | cudaArrayLayered);
  upload(cube, S, 6);
  upload(cubes, S, 12);
  cudaTextureObject_t cubeTex = makeTexture(cube, cudaFilterModeLinear, cudaAddressModeClamp, 1);
  cudaTextureObject_t cubesTex = makeTexture(cubes, cudaFilterModeLinear, cudaAddressModeClamp, 1);
  for (int i = 0; i < N; ++i) {
    // Directions around all six faces, with a minor component of k/8 of the major one.
    float major = (i & 1) ? -2.0f : 2.0f, a = ((i / 2) % 7 - 3) * 0.25f, b = ((i / 3) % 5 - 2) * 0.375f;
    int axis = (i / 2) % 3;
    h_coords[i] = axis == 0 ? make_float4(major, a, b, 0) : axis == 1 ? make_float4(a, major, b, 0) : make_float4(a, b, major, 0);
  }
  // Two by hand: +x at (y, z) = (0.25, -0.25) is face 0 at (u, v) = (0.625, 0.375), the center of texel
  // (2, 1); -x straight on is face 1 at (0.5, 0.5), between texels (1, 1), (2, 1), (1, 2) and (2, 2).
  h_coords[0] = make_float4(1.0f, 0.25f, -0.25f, 0);
  h_coords[1] = make_float4(-1.0f, 0.0f, 0.0f, 0);
  cudaMemcpy(d_coords, h_coords, sizeof(h_coords), cudaMemcpyHostToDevice);
  sampleCube<<<2, 32>>>(d_out, cubeTex, cubesTex, d_coords, N);
  cudaMemcpy(h_out, d_out, sizeof(h_out), cudaMemcpyDeviceToHost);
  for (int i = 0; i < N; ++i) {
    float u, v;
    int face = cubeFace(h_coords[i].x, h_coords[i].y, h_coords[i].z, &u, &v);
    expect("texCubemap", i, h_out[2 * i], bilinearLayer(u * S, v * S, face));
    expect("texCubemapLayered", i, h_out[2 * i + 1], bilinearLayer(u * S, v * S, 6 + face));
  }
  expect("cube +x", 0, h_out[0], 12.0f);
  expect("cube -x", 1, h_out[2], 100.0f + (11 + 12 + 21 + 22) / 4.0f);
  expect("cube layer 1 -x", 1, h_out[3], 700.0f + (11 + 12 + 21 + 22) / 4.0f);

  // Surfaces on a 3-D and a layered array, read back with 3-D copies (one from an offset).
  cudaSurfaceObject_t volumeSurface = makeSurface(volume), layerSurface = makeSurface(layers);
  writeSurfaces<<<S, dim3(S, S)>>>(volumeSurface, layerSurface);
  float box[2][2][2], slabs[LAYERS][S][S];
  cudaMemcpy3DParms back = {0};
  back.srcArray = volume;
  back.srcPos = make_cudaPos(1, 2, 1);  // texels of the array
  back.dstPtr = make_cudaPitchedPtr(box, 2 * sizeof(float), 2, 2);
  back.extent = make_cudaExtent(2, 2, 2);
  back.kind = cudaMemcpyDeviceToHost;
  cudaMemcpy3D(&back);
  for (int z = 0; z < 2; ++z)
    for (int y = 0; y < 2; ++y)
      for (int x = 0; x < 2; ++x) expect("surf3Dwrite", (z * 2 + y) * 2 + x, box[z][y][x], 1000.0f + value(1 + x, 2 + y, 1 + z));
  cudaMemcpy3DParms slab = {0};
  slab.srcArray = layers;
  slab.dstPtr = make_cudaPitchedPtr(slabs, S * sizeof(float), S, S);
  slab.extent = make_cudaExtent(S, S, LAYERS);
  slab.kind = cudaMemcpyDeviceToHost;
  cudaMemcpy3D(&slab);
  for (int z = 0; z < LAYERS; ++z)
    for (int y = 0; y < S; ++y)
      for (int x = 0; x < S; ++x) expect("surf2DLayeredwrite", (z * S + y) * S + x, slabs[z][y][x], value(x, y, z) + 0.5f);

  cudaDestroySurfaceObject(volumeSurface);
  cudaDestroySurfaceObject(layerSurface);
  cudaDestroyTextureObject(layered);
  cudaDestroyTextureObject(layered1D);
  cudaDestroyTextureObject(cubeTex);
  cudaDestroyTextureObject(cubesTex);
  cudaFreeArray(volume);
  cudaFreeArray(layers);
  cudaFreeArray(rows);
  cudaFreeArray(cube);
  cudaFreeArray(cubes);
  cudaFree(d_coords);
  cudaFree(d_out);
  if (failures == 0) printf("PASS textures_3d\n");
  return failures == 0 ? 0 : 1;
}
