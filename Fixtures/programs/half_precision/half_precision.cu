// half_precision: half-precision axpy and dot product (scalar __half and packed __half2) with float
// accumulation, conversions both ways, comparisons and half math, plus bfloat16 conversions; checked
// against a float reference on the host with half-precision tolerances.
// cu2sycl-fixture: no-emulator (the CPU emulator has no __half/__nv_bfloat16 arithmetic)
#include <cmath>
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cuda_bf16.h>

// y = a * x + y on scalars.
__global__ void axpy_half(int n, __half a, const __half *x, __half *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = __hfma(a, x[i], y[i]);
}

// The same on pairs: two elements per thread.
__global__ void axpy_half2(int pairs, float a, const __half2 *x, __half2 *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < pairs) {
    __half2 a2 = __float2half2_rn(a);
    y[i] = __hadd2(__hmul2(a2, x[i]), y[i]);
  }
}

// Products in half, accumulated in float: one partial sum per pair.
__global__ void dot_half2(int pairs, const __half2 *x, const __half2 *y, float *partial) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < pairs) {
    __half2 p = __hmul2(x[i], y[i]);
    partial[i] = __low2float(p) + __high2float(p);
  }
}

// Comparisons, conversions and half math, one result set per element.
__global__ void inspect(int n, const half *x, const half *y, int *flags, float *math, int *rounded) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    __half hi = __hmax(x[i], y[i]);
    __half lo = __hmin(x[i], y[i]);
    int f = 0;
    if (__hlt(x[i], y[i])) f |= 1;
    if (__hge(x[i], y[i])) f |= 2;
    if (__heq(hi, lo)) f |= 4;
    if (__hgt(__hneg(x[i]), __float2half(0.0f))) f |= 8;
    if (!__hisnan(x[i])) f |= 16;
    flags[i] = f;
    __half2 both = __halves2half2(hi, lo);
    both.y = __habs(both.y);
    math[i] = __half2float(__hsub(hsqrt(__habs(x[i])), __hdiv(both.y, __int2half_rn(2))));
    rounded[i] = __half2int_rn(__hmul(both.x, __float2half_rn(10.0f)));
  }
}

// bfloat16 round trip: rounding to 8 significant bits, a product in bfloat16, and back to float.
__global__ void bf16_roundtrip(int n, const float *in, float *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    __nv_bfloat16 b = __float2bfloat16(in[i]);
    __nv_bfloat16 twice = __hmul(b, __float2bfloat16(2.0f));
    out[i] = __bfloat162float(twice);
  }
}

static bool close(float got, float want, float tolerance) { return fabsf(got - want) <= tolerance * (1.0f + fabsf(want)); }

int main() {
  const int n = 1000;  // even: n / 2 pairs
  const int pairs = n / 2;
  const float a = 0.75f;
  std::vector<__half> x(n), y(n);
  std::vector<float> xf(n), yf(n);
  for (int i = 0; i < n; ++i) {
    xf[i] = 0.01f * (float)(i % 200) - 1.0f;
    yf[i] = 0.5f + 0.002f * (float)(i % 300);
    x[i] = __float2half(xf[i]);
    y[i] = __float2half(yf[i]);
    // The reference starts from the half values, as the device does.
    xf[i] = __half2float(x[i]);
    yf[i] = __half2float(y[i]);
  }

  __half *d_x, *d_y, *d_y2;
  float *d_partial, *d_math, *d_in, *d_out;
  int *d_flags, *d_rounded;
  cudaMalloc(&d_x, n * sizeof(__half));
  cudaMalloc(&d_y, n * sizeof(__half));
  cudaMalloc(&d_y2, n * sizeof(__half));
  cudaMalloc(&d_partial, pairs * sizeof(float));
  cudaMalloc(&d_math, n * sizeof(float));
  cudaMalloc(&d_in, n * sizeof(float));
  cudaMalloc(&d_out, n * sizeof(float));
  cudaMalloc(&d_flags, n * sizeof(int));
  cudaMalloc(&d_rounded, n * sizeof(int));
  cudaMemcpy(d_x, x.data(), n * sizeof(__half), cudaMemcpyHostToDevice);
  cudaMemcpy(d_y, y.data(), n * sizeof(__half), cudaMemcpyHostToDevice);
  cudaMemcpy(d_y2, y.data(), n * sizeof(__half), cudaMemcpyHostToDevice);
  cudaMemcpy(d_in, xf.data(), n * sizeof(float), cudaMemcpyHostToDevice);

  const int block = 128;
  dot_half2<<<(pairs + block - 1) / block, block>>>(pairs, (const __half2 *)d_x, (const __half2 *)d_y, d_partial);
  inspect<<<(n + block - 1) / block, block>>>(n, d_x, d_y, d_flags, d_math, d_rounded);
  axpy_half<<<(n + block - 1) / block, block>>>(n, __float2half(a), d_x, d_y);
  axpy_half2<<<(pairs + block - 1) / block, block>>>(pairs, a, (const __half2 *)d_x, (__half2 *)d_y2);
  bf16_roundtrip<<<(n + block - 1) / block, block>>>(n, d_in, d_out);
  cudaDeviceSynchronize();

  std::vector<__half> y1(n), y2(n);
  std::vector<float> partial(pairs), math(n), out(n);
  std::vector<int> flags(n), rounded(n);
  cudaMemcpy(y1.data(), d_y, n * sizeof(__half), cudaMemcpyDeviceToHost);
  cudaMemcpy(y2.data(), d_y2, n * sizeof(__half), cudaMemcpyDeviceToHost);
  cudaMemcpy(partial.data(), d_partial, pairs * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(math.data(), d_math, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(out.data(), d_out, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(flags.data(), d_flags, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(rounded.data(), d_rounded, n * sizeof(int), cudaMemcpyDeviceToHost);

  int bad = 0;
  float dot = 0.0f, dotRef = 0.0f;
  for (int i = 0; i < n; ++i) {
    float axpy = a * xf[i] + yf[i];
    if (!close(__half2float(y1[i]), axpy, 2e-3f)) ++bad;
    if (!close(__half2float(y2[i]), axpy, 2e-3f)) ++bad;
    dotRef += xf[i] * yf[i];
    float hi = fmaxf(xf[i], yf[i]), lo = fminf(xf[i], yf[i]);
    int f = (xf[i] < yf[i] ? 1 : 0) | (xf[i] >= yf[i] ? 2 : 0) | (hi == lo ? 4 : 0) | (-xf[i] > 0.0f ? 8 : 0) | 16;
    if (flags[i] != f) ++bad;
    if (!close(math[i], sqrtf(fabsf(xf[i])) - fabsf(lo) / 2.0f, 4e-3f)) ++bad;
    if (abs(rounded[i] - (int)lrintf(hi * 10.0f)) > 1) ++bad;
    // bfloat16 keeps 8 significant bits: relative error at most 2^-8 (doubling is exact).
    if (!close(out[i], 2.0f * xf[i], 1.0f / 256.0f)) ++bad;
  }
  for (int i = 0; i < pairs; ++i) dot += partial[i];
  if (!close(dot, dotRef, 2e-3f)) ++bad;

  cudaFree(d_x);
  cudaFree(d_y);
  cudaFree(d_y2);
  cudaFree(d_partial);
  cudaFree(d_math);
  cudaFree(d_in);
  cudaFree(d_out);
  cudaFree(d_flags);
  cudaFree(d_rounded);
  if (bad) {
    printf("FAIL half_precision: %d mismatches (dot %f, reference %f)\n", bad, dot, dotRef);
    return 1;
  }
  printf("PASS half_precision (dot %.3f)\n", dot);
  return 0;
}
