// texture_references: legacy texture references (texture<T, dim, mode>, removed in CUDA 12, still in
// Rodinia, Parboil and SHOC): a 1-D reference bound to linear memory read with tex1Dfetch from a
// device function, and a 2-D reference bound to an array, read with linear filtering and
// unnormalized coordinates. Checked against the filtering formula on the host.
// cu2sycl-fixture: no-emulator (the CPU emulator has no texture units)
#include <cmath>
#include <cstdio>
#include <cuda_runtime.h>

#define N 64
#define W 8
#define H 4

texture<float, 1, cudaReadModeElementType> weights;
texture<float, 2, cudaReadModeElementType> field;

__device__ float weight(int i) { return tex1Dfetch(weights, i); }

__global__ void apply(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = weight(i) * tex2D(field, (i % 16) * 0.5f, (i / 16) * 1.25f);
}

static float at(const float *f, int x, int y) {
  x = x < 0 ? 0 : (x >= W ? W - 1 : x);
  y = y < 0 ? 0 : (y >= H ? H - 1 : y);
  return f[y * W + x];
}

int main() {
  float w[N], f[W * H];
  for (int i = 0; i < N; ++i) w[i] = 1.0f + (i % 5);
  for (int i = 0; i < W * H; ++i) f[i] = (float)(i * 3 % 17);
  float *d_w, *d_out;
  cudaMalloc(&d_w, sizeof(w));
  cudaMalloc(&d_out, N * sizeof(float));
  cudaMemcpy(d_w, w, sizeof(w), cudaMemcpyHostToDevice);
  cudaBindTexture(0, weights, d_w, sizeof(w));

  cudaChannelFormatDesc format = cudaCreateChannelDesc<float>();
  cudaArray *array;
  cudaMallocArray(&array, &format, W, H);
  cudaMemcpy2DToArray(array, 0, 0, f, W * sizeof(float), W * sizeof(float), H, cudaMemcpyHostToDevice);
  field.addressMode[0] = cudaAddressModeClamp;
  field.addressMode[1] = cudaAddressModeClamp;
  field.filterMode = cudaFilterModeLinear;
  field.normalized = false;
  cudaBindTextureToArray(field, array);

  apply<<<N / 32, 32>>>(d_out, N);
  float out[N];
  cudaMemcpy(out, d_out, sizeof(out), cudaMemcpyDeviceToHost);
  int failures = 0;
  for (int i = 0; i < N; ++i) {
    float x = (i % 16) * 0.5f - 0.5f, y = (i / 16) * 1.25f - 0.5f;
    float x0 = floorf(x), y0 = floorf(y), a = x - x0, b = y - y0;
    int ix = (int)x0, iy = (int)y0;
    float filtered = (1 - a) * (1 - b) * at(f, ix, iy) + a * (1 - b) * at(f, ix + 1, iy) + (1 - a) * b * at(f, ix, iy + 1) +
                     a * b * at(f, ix + 1, iy + 1);
    float expected = w[i] * filtered;
    if (fabsf(out[i] - expected) > 1e-3f) {
      if (failures++ < 5) printf("%d: %g, expected %g\n", i, out[i], expected);
    }
  }
  cudaUnbindTexture(weights);
  cudaUnbindTexture(field);
  cudaFreeArray(array);
  cudaFree(d_w);
  cudaFree(d_out);
  printf(failures == 0 ? "PASS\n" : "FAIL\n");
  return failures == 0 ? 0 : 1;
}
