// textures: CUDA texture objects over a cudaArray and over linear memory, and a surface, checked
// against the sampling rules of the CUDA Programming Guide evaluated on the host: bilinear filtering
// with normalized coordinates (texel centers at +0.5), wrap in x and clamp in y; 8-bit texels read
// as normalized floats with border addressing; tex1Dfetch (0 outside); surface reads and writes.
// Coordinates are multiples of 1/32, so every filter weight is exact and host and device agree.
// cu2sycl-fixture: no-emulator (the CPU emulator has no texture units)
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>

#define W 16
#define H 8
#define N 64
#define COLORS 8
#define TABLE 32

__global__ void sampleImage(float *out, cudaTextureObject_t image, const float2 *coords, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex2D<float>(image, coords[i].x, coords[i].y);
}

// x runs from -1.5 to 8.5 over an 8-texel row: the first and last fall on the border.
__global__ void readColors(float4 *out, cudaTextureObject_t colors, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex2D<float4>(colors, i - 1.5f, 0.5f);
}

__global__ void gather(float *out, cudaTextureObject_t table, const int *index, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex1Dfetch<float>(table, index[i]);
}

__global__ void brighten(cudaSurfaceObject_t surface) {
  int x = threadIdx.x, y = blockIdx.x;
  uchar4 p = surf2Dread<uchar4>(surface, x * sizeof(uchar4), y);
  surf2Dwrite(make_uchar4(p.x + 1, p.y + 2, p.z + 3, 255), surface, x * sizeof(uchar4), y);
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
  cudaChannelFormatDesc floatFormat = cudaCreateChannelDesc<float>();
  cudaArray_t imageArray;
  cudaMallocArray(&imageArray, &floatFormat, W, H);
  cudaMemcpyToArray(imageArray, 0, 0, image, sizeof(image), cudaMemcpyHostToDevice);
  cudaResourceDesc imageResource;
  memset(&imageResource, 0, sizeof(imageResource));
  imageResource.resType = cudaResourceTypeArray;
  imageResource.res.array.array = imageArray;
  cudaTextureDesc imageSampling;
  memset(&imageSampling, 0, sizeof(imageSampling));
  imageSampling.addressMode[0] = cudaAddressModeWrap;
  imageSampling.addressMode[1] = cudaAddressModeClamp;
  imageSampling.filterMode = cudaFilterModeLinear;
  imageSampling.readMode = cudaReadModeElementType;
  imageSampling.normalizedCoords = 1;
  cudaTextureObject_t imageTexture = 0;
  cudaCreateTextureObject(&imageTexture, &imageResource, &imageSampling, NULL);

  float2 coords[N];
  for (int i = 0; i < N; ++i) coords[i] = make_float2(-0.5f + i * 0.03125f, -0.25f + (i % 8) * 0.1875f);
  float2 *d_coords;
  float *d_samples;
  cudaMalloc(&d_coords, N * sizeof(float2));
  cudaMalloc(&d_samples, N * sizeof(float));
  cudaMemcpy(d_coords, coords, N * sizeof(float2), cudaMemcpyHostToDevice);
  sampleImage<<<N / 32, 32>>>(d_samples, imageTexture, d_coords, N);
  float samples[N];
  cudaMemcpy(samples, d_samples, N * sizeof(float), cudaMemcpyDeviceToHost);
  for (int i = 0; i < N; ++i) {
    float expected = bilinear(image, coords[i].x, coords[i].y);
    if (fabsf(samples[i] - expected) > 1e-3f) {
      if (failures++ < 5) printf("sample %d at (%g, %g): %g, expected %g\n", i, coords[i].x, coords[i].y, samples[i], expected);
    }
  }

  // 8-bit RGBA texels read as normalized floats, with border addressing (the border color is 0).
  uchar4 colors[COLORS];
  for (int x = 0; x < COLORS; ++x) colors[x] = make_uchar4(x * 30, 255 - x * 30, x, 255);
  cudaChannelFormatDesc byteFormat = cudaCreateChannelDesc(8, 8, 8, 8, cudaChannelFormatKindUnsigned);
  cudaArray_t colorArray;
  cudaMallocArray(&colorArray, &byteFormat, COLORS, 1);
  cudaMemcpy2DToArray(colorArray, 0, 0, colors, sizeof(colors), sizeof(colors), 1, cudaMemcpyHostToDevice);
  cudaResourceDesc colorResource = {};
  colorResource.resType = cudaResourceTypeArray;
  colorResource.res.array.array = colorArray;
  cudaTextureDesc colorSampling = {};
  colorSampling.addressMode[0] = cudaAddressModeBorder;
  colorSampling.addressMode[1] = cudaAddressModeBorder;
  colorSampling.filterMode = cudaFilterModePoint;
  colorSampling.readMode = cudaReadModeNormalizedFloat;
  cudaTextureObject_t colorTexture;
  cudaCreateTextureObject(&colorTexture, &colorResource, &colorSampling, NULL);
  float4 *d_colors;
  cudaMalloc(&d_colors, (COLORS + 2) * sizeof(float4));
  readColors<<<1, COLORS + 2>>>(d_colors, colorTexture, COLORS + 2);
  float4 read[COLORS + 2];
  cudaMemcpy(read, d_colors, sizeof(read), cudaMemcpyDeviceToHost);
  for (int i = 0; i < COLORS + 2; ++i) {
    int x = i - 2;  // the texel under i - 1.5
    float4 e = make_float4(0, 0, 0, 0);
    if (x >= 0 && x < COLORS) e = make_float4(colors[x].x / 255.0f, colors[x].y / 255.0f, colors[x].z / 255.0f, colors[x].w / 255.0f);
    if (fabsf(read[i].x - e.x) > 1e-5f || fabsf(read[i].y - e.y) > 1e-5f || fabsf(read[i].z - e.z) > 1e-5f || fabsf(read[i].w - e.w) > 1e-5f) {
      if (failures++ < 10) printf("color %d: (%g, %g, %g, %g), expected (%g, %g, %g, %g)\n", i, read[i].x, read[i].y, read[i].z, read[i].w, e.x, e.y, e.z, e.w);
    }
  }

  // tex1Dfetch on linear device memory; indices outside the table read 0.
  float table[TABLE];
  int index[N];
  for (int i = 0; i < TABLE; ++i) table[i] = 0.5f * i * i;
  for (int i = 0; i < N; ++i) index[i] = (i * 7) % (TABLE + 8) - 4;
  float *d_table, *d_gathered;
  int *d_index;
  cudaMalloc(&d_table, sizeof(table));
  cudaMalloc(&d_index, sizeof(index));
  cudaMalloc(&d_gathered, N * sizeof(float));
  cudaMemcpy(d_table, table, sizeof(table), cudaMemcpyHostToDevice);
  cudaMemcpy(d_index, index, sizeof(index), cudaMemcpyHostToDevice);
  cudaResourceDesc tableResource = {};
  tableResource.resType = cudaResourceTypeLinear;
  tableResource.res.linear.devPtr = d_table;
  tableResource.res.linear.desc = cudaCreateChannelDesc<float>();
  tableResource.res.linear.sizeInBytes = sizeof(table);
  cudaTextureDesc tableSampling = {};
  tableSampling.readMode = cudaReadModeElementType;
  cudaTextureObject_t tableTexture;
  cudaCreateTextureObject(&tableTexture, &tableResource, &tableSampling, nullptr);
  gather<<<N / 32, 32>>>(d_gathered, tableTexture, d_index, N);
  float gathered[N];
  cudaMemcpy(gathered, d_gathered, sizeof(gathered), cudaMemcpyDeviceToHost);
  for (int i = 0; i < N; ++i) {
    float expected = index[i] >= 0 && index[i] < TABLE ? table[index[i]] : 0.0f;
    if (gathered[i] != expected) {
      if (failures++ < 15) printf("fetch %d (index %d): %g, expected %g\n", i, index[i], gathered[i], expected);
    }
  }

  // A surface over an array: read, change and write every texel, then copy the rows back.
  const int sw = 8, sh = 4;
  uchar4 pixels[sh][sw];
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) pixels[y][x] = make_uchar4(x, y, x + y, 0);
  cudaChannelFormatDesc pixelFormat = cudaCreateChannelDesc<uchar4>();
  cudaArray_t pixelArray;
  cudaMallocArray(&pixelArray, &pixelFormat, sw, sh, cudaArraySurfaceLoadStore);
  cudaMemcpy2DToArray(pixelArray, 0, 0, pixels, sw * sizeof(uchar4), sw * sizeof(uchar4), sh, cudaMemcpyHostToDevice);
  cudaResourceDesc pixelResource = {};
  pixelResource.resType = cudaResourceTypeArray;
  pixelResource.res.array.array = pixelArray;
  cudaSurfaceObject_t surface;
  cudaCreateSurfaceObject(&surface, &pixelResource);
  brighten<<<sh, sw>>>(surface);
  uchar4 result[sh][sw];
  cudaMemcpy2DFromArray(result, sw * sizeof(uchar4), pixelArray, 0, 0, sw * sizeof(uchar4), sh, cudaMemcpyDeviceToHost);
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) {
      uchar4 p = result[y][x];
      if (p.x != x + 1 || p.y != y + 2 || p.z != x + y + 3 || p.w != 255) {
        if (failures++ < 20) printf("pixel (%d, %d): (%d, %d, %d, %d)\n", x, y, p.x, p.y, p.z, p.w);
      }
    }

  cudaDestroySurfaceObject(surface);
  cudaDestroyTextureObject(imageTexture);
  cudaDestroyTextureObject(colorTexture);
  cudaDestroyTextureObject(tableTexture);
  cudaFreeArray(imageArray);
  cudaFreeArray(colorArray);
  cudaFreeArray(pixelArray);
  cudaFree(d_coords);
  cudaFree(d_samples);
  cudaFree(d_colors);
  cudaFree(d_table);
  cudaFree(d_index);
  cudaFree(d_gathered);
  printf(failures == 0 ? "PASS\n" : "FAIL\n");
  return failures == 0 ? 0 : 1;
}
