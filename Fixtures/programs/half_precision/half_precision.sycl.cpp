// half_precision: half-precision axpy and dot product (scalar __half and packed __half2) with float
// accumulation, conversions both ways, comparisons and half math, plus bfloat16 conversions; checked
// against a float reference on the host with half-precision tolerances.
// cu2sycl-fixture: no-emulator (the CPU emulator has no __half/__nv_bfloat16 arithmetic)
#include <cmath>
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

// y = a * x + y on scalars.
void axpy_half(int n, sycl::half a, const sycl::half *x, sycl::half *y, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) y[i] = sycl::fma(a, x[i], y[i]);
}

// The same on pairs: two elements per thread.
void axpy_half2(int pairs, float a, const sycl::half2 *x, sycl::half2 *y, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < pairs) {
    sycl::half2 a2 = sycl::half2(a);
    y[i] = (a2 * x[i]) + y[i];
  }
}

// Products in half, accumulated in float: one partial sum per pair.
void dot_half2(int pairs, const sycl::half2 *x, const sycl::half2 *y, float *partial, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < pairs) {
    sycl::half2 p = x[i] * y[i];
    partial[i] = static_cast<float>(p.x()) + static_cast<float>(p.y());
  }
}

// Comparisons, conversions and half math, one result set per element.
void inspect(int n, const sycl::half *x, const sycl::half *y, int *flags, float *math, int *rounded, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    sycl::half hi = sycl::fmax(x[i], y[i]);
    sycl::half lo = sycl::fmin(x[i], y[i]);
    int f = 0;
    if (x[i] < y[i]) f |= 1;
    if (x[i] >= y[i]) f |= 2;
    if (hi == lo) f |= 4;
    if ((-x[i]) > sycl::half(0.0f)) f |= 8;
    if (!sycl::isnan(x[i])) f |= 16;
    flags[i] = f;
    sycl::half2 both = sycl::half2(hi, lo);
    both.y() = sycl::fabs(both.y());
    math[i] = static_cast<float>(sycl::sqrt(sycl::fabs(x[i])) - (both.y() / sycl::half(2)));
    rounded[i] = static_cast<int>(sycl::rint(both.x() * sycl::half(10.0f)));
  }
}

// bfloat16 round trip: rounding to 8 significant bits, a product in bfloat16, and back to float.
void bf16_roundtrip(int n, const float *in, float *out, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    cu2sycl::bfloat16 b = cu2sycl::bfloat16(in[i]);
    cu2sycl::bfloat16 twice = b * cu2sycl::bfloat16(2.0f);
    out[i] = static_cast<float>(twice);
  }
}

static bool close(float got, float want, float tolerance) { return fabsf(got - want) <= tolerance * (1.0f + fabsf(want)); }

int main() {
  const int n = 1000;  // even: n / 2 pairs
  const int pairs = n / 2;
  const float a = 0.75f;
  std::vector<sycl::half> x(n), y(n);
  std::vector<float> xf(n), yf(n);
  for (int i = 0; i < n; ++i) {
    xf[i] = 0.01f * (float)(i % 200) - 1.0f;
    yf[i] = 0.5f + 0.002f * (float)(i % 300);
    x[i] = sycl::half(xf[i]);
    y[i] = sycl::half(yf[i]);
    // The reference starts from the half values, as the device does.
    xf[i] = static_cast<float>(x[i]);
    yf[i] = static_cast<float>(y[i]);
  }

  sycl::half *d_x, *d_y, *d_y2;
  float *d_partial, *d_math, *d_in, *d_out;
  int *d_flags, *d_rounded;
  d_x = sycl::malloc_device<sycl::half>(n, cu2sycl::default_queue());
  d_y = sycl::malloc_device<sycl::half>(n, cu2sycl::default_queue());
  d_y2 = sycl::malloc_device<sycl::half>(n, cu2sycl::default_queue());
  d_partial = sycl::malloc_device<float>(pairs, cu2sycl::default_queue());
  d_math = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_in = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_out = sycl::malloc_device<float>(n, cu2sycl::default_queue());
  d_flags = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  d_rounded = sycl::malloc_device<int>(n, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_x, x.data(), n * sizeof(sycl::half)).wait();
  cu2sycl::default_queue().memcpy(d_y, y.data(), n * sizeof(sycl::half)).wait();
  cu2sycl::default_queue().memcpy(d_y2, y.data(), n * sizeof(sycl::half)).wait();
  cu2sycl::default_queue().memcpy(d_in, xf.data(), n * sizeof(float)).wait();

  const int block = 128;
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((pairs + block - 1) / block * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    dot_half2(pairs, (const sycl::half2 *)d_x, (const sycl::half2 *)d_y, d_partial, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + block - 1) / block * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    inspect(n, d_x, d_y, d_flags, d_math, d_rounded, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + block - 1) / block * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    axpy_half(n, sycl::half(a), d_x, d_y, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((pairs + block - 1) / block * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    axpy_half2(pairs, a, (const sycl::half2 *)d_x, (sycl::half2 *)d_y2, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>((n + block - 1) / block * block), sycl::range<1>(block)), [=](sycl::nd_item<1> item) {
    bf16_roundtrip(n, d_in, d_out, item);
  });
  cu2sycl::default_queue().wait_and_throw();

  std::vector<sycl::half> y1(n), y2(n);
  std::vector<float> partial(pairs), math(n), out(n);
  std::vector<int> flags(n), rounded(n);
  cu2sycl::default_queue().memcpy(y1.data(), d_y, n * sizeof(sycl::half)).wait();
  cu2sycl::default_queue().memcpy(y2.data(), d_y2, n * sizeof(sycl::half)).wait();
  cu2sycl::default_queue().memcpy(partial.data(), d_partial, pairs * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(math.data(), d_math, n * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(out.data(), d_out, n * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(flags.data(), d_flags, n * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(rounded.data(), d_rounded, n * sizeof(int)).wait();

  int bad = 0;
  float dot = 0.0f, dotRef = 0.0f;
  for (int i = 0; i < n; ++i) {
    float axpy = a * xf[i] + yf[i];
    if (!close(static_cast<float>(y1[i]), axpy, 2e-3f)) ++bad;
    if (!close(static_cast<float>(y2[i]), axpy, 2e-3f)) ++bad;
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

  sycl::free(d_x, cu2sycl::default_queue());
  sycl::free(d_y, cu2sycl::default_queue());
  sycl::free(d_y2, cu2sycl::default_queue());
  sycl::free(d_partial, cu2sycl::default_queue());
  sycl::free(d_math, cu2sycl::default_queue());
  sycl::free(d_in, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  sycl::free(d_flags, cu2sycl::default_queue());
  sycl::free(d_rounded, cu2sycl::default_queue());
  if (bad) {
    printf("FAIL half_precision: %d mismatches (dot %f, reference %f)\n", bad, dot, dotRef);
    return 1;
  }
  printf("PASS half_precision (dot %.3f)\n", dot);
  return 0;
}
