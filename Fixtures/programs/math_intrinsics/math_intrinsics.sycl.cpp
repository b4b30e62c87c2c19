// math_intrinsics: the CUDA math API (float and double), fast intrinsics, correctly rounded
// arithmetic, conversions, integer intrinsics and bit casts, checked against host references
// (fast intrinsics with a looser tolerance, integer results exactly).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define N 256
#define NF 32
#define NI 26

float squash(float v) { return sycl::clamp(v * 0.25f, 0.0f, 1.0f); }

void floatMath(const float *x, float *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i >= n) return;
  float v = x[i];  // in [0.25, 4.25)
  double d = v;
  float *o = out + i * NF;
  float s, c;
  o[0] = sycl::sqrt(v) + sycl::rsqrt(v) + sycl::cbrt(v);
  o[1] = sycl::exp(v) + sycl::exp2(v) + sycl::exp10(v * 0.5f) + sycl::expm1(v);
  o[2] = sycl::log(v) + sycl::log2(v) + sycl::log10(v) + sycl::log1p(v);
  o[3] = sycl::sin(v) + sycl::cos(v) * sycl::tan(v * 0.25f);
  o[4] = sycl::asin(v * 0.2f) + sycl::acos(v * 0.2f) + sycl::atan(v) + sycl::atan2(v, 2.0f);
  o[5] = sycl::sinh(v) - sycl::cosh(v) + sycl::tanh(v);
  o[6] = sycl::asinh(v) + sycl::acosh(v + 1) + sycl::atanh(v * 0.2f);
  o[7] = sycl::pow(v, 1.5f) + sycl::pown(v, 3);
  o[8] = sycl::fabs(-v) + sycl::fmin(v, 2.0f) + sycl::fmax(v, 2.0f) + sycl::min(v, 2.5f) + sycl::max(v, 2.0f);
  o[9] = sycl::floor(v * 3) + sycl::ceil(v * 3) + sycl::round(v * 3) + sycl::trunc(v * 3) + sycl::rint(v * 3) + sycl::rint(v * 5);
  o[10] = sycl::fmod(v * 7, 3.0f) + sycl::remainder(v * 7, 3.0f);
  o[11] = sycl::fma(v, v, 1.0f) + sycl::hypot(v, 3.0f) + (1.0f / sycl::hypot(v, 3.0f));
  o[12] = sycl::erf(v * 0.5f) + 2 * sycl::erfc(v);
  o[13] = sycl::lgamma(v) + sycl::tgamma(v);
  o[14] = sycl::copysign(v, -1.0f) + sycl::fdim(v, 2.0f) + sycl::ldexp(v, 3) + sycl::ldexp(v, -2);
  o[15] = sycl::sinpi(v) + sycl::cospi(v);
  o[16] = sycl::length(sycl::float3(v, 1.0f, 2.0f)) + (1.0f / sycl::length(sycl::float3(v, 1.0f, 2.0f))) + (0.5f * sycl::erfc(-(v - 2) * 0.70710678f));
  o[17] = static_cast<long>(sycl::rint(v * 3)) + static_cast<long long>(sycl::round(v * 3)) + sycl::ilogb(v) + sycl::logb(v);
  cu2sycl::sincos(v, &s, &c);
  o[18] = s + 2 * c;
  o[19] = sycl::native::exp(v) + sycl::native::log(v) + sycl::native::log2(v) + sycl::native::log10(v);
  o[20] = sycl::native::sin(v) + sycl::native::cos(v) + sycl::native::tan(v * 0.25f);
  o[21] = sycl::native::powr(v, 1.5f) + sycl::native::exp10(v * 0.5f) + sycl::native::divide(v, 3.0f) + squash(v);
  o[22] = (v + 1.0f) * 2 + (v * v) - (v - 0.5f) + (v / 4.0f);
  o[23] = (1.0f / v) + sycl::sqrt(v) + sycl::fma(v, 2.0f, 1.0f);
  o[24] = (float)(sycl::sqrt(d) * sycl::exp(d) + sycl::log(d) + sycl::sin(d) + sycl::pow(d, 0.5) + sycl::fma(d, d, 1.0));
  o[25] = (float)((d + 1.0) * (d * 2.0) + (1.0 / d) + sycl::sqrt(d) + sycl::fma(d, 2.0, 1.0));
  o[26] = static_cast<float>(i) + static_cast<float>(2u * i) + static_cast<float>(d * 3);
  o[27] = sycl::fmin(sycl::fmax(v, 1.0f), 3.0f) + (float)sycl::cbrt(d) + (float)sycl::hypot(d, 2.0);
  o[28] = (float)(sycl::erf(d * 0.5) + sycl::lgamma(d) + sycl::atan2(d, 2.0) + sycl::log1p(d) + sycl::expm1(d * 0.5));
  o[29] = sycl::isnan(v) + sycl::isinf(v) * 2 + sycl::isfinite(v) * 4 + sycl::isnan(v) * 8 + sycl::signbit(-v) * 16;
  o[30] = (float)(static_cast<long long>(sycl::rint(d * 3)) + static_cast<long>(sycl::round(d * 3)) + sycl::ilogb(d));
  o[31] = v * v;
}

void intMath(const unsigned int *bits, int *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i >= n) return;
  unsigned int u = bits[i];
  int s = (int)u;
  int *o = out + i * NI;
  o[0] = static_cast<int>(sycl::popcount(u)) + static_cast<int>(sycl::popcount(((unsigned long long)u << 32) | ~u)) * 100;
  o[1] = static_cast<int>(sycl::clz(s)) + static_cast<int>(sycl::clz((long long)(u >> 3))) * 100;
  o[2] = (s == 0 ? 0 : static_cast<int>(sycl::ctz(s)) + 1) + cu2sycl::ffs((long long)u << 20) * 100 + cu2sycl::ffs(s & 0xff00) * 10000;
  o[3] = (int)cu2sycl::bit_reverse(u);
  o[4] = (int)(cu2sycl::bit_reverse((unsigned long long)u) >> 32);
  o[5] = cu2sycl::mul24((s & 0x7fff) - 0x4000, 3000) + (int)cu2sycl::umul24(u & 0xffff, 5000u);
  o[6] = sycl::mul_hi(s, 123456789) + (int)sycl::mul_hi(u, 0x9e3779b9u);
  o[7] = (int)sycl::mul_hi((long long)s * 77777, 0x123456789LL) + (int)sycl::mul_hi((unsigned long long)u << 16, 0xfedcba9876543ull);
  o[8] = (int)(sycl::abs_diff(s % 1000000, 12345) + 7u) + (int)(sycl::abs_diff(u, 0x80000000u) + 3u);
  o[9] = sycl::hadd(s, 1000) + sycl::rhadd(s, 1001);
  o[10] = (int)sycl::hadd(u, 0xffffffffu) + (int)sycl::rhadd(u, 7u);
  o[11] = (int)cu2sycl::byte_perm(u, 0x12345678u, 0x3715u) + (int)cu2sycl::byte_perm(u, u >> 3, 0x7654u);
  o[12] = (int)cu2sycl::funnelshift_l(u, 0xabcdef01u, static_cast<unsigned int>(i)) + (int)cu2sycl::funnelshift_r(u, 0xabcdef01u, static_cast<unsigned int>(i));
  o[13] = (int)cu2sycl::funnelshift_lc(u, 0x12345u, static_cast<unsigned int>(i)) + (int)cu2sycl::funnelshift_rc(u, 0x12345u, static_cast<unsigned int>(i));
  float f = (s % 2000) / 7.0f - 100.0f;
  double dd = f * 1.5;
  o[14] = sycl::bit_cast<int>(f) + (int)(sycl::bit_cast<unsigned int>(sycl::bit_cast<float>(s & 0x3f7fffff)) >> 3);
  o[15] = (int)(sycl::bit_cast<long long>(sycl::bit_cast<double>((long long)(u >> 1) << 12)) >> 12);
  o[16] = static_cast<int>(sycl::bit_cast<unsigned long long>(dd) >> 32) * 3 + static_cast<int>(sycl::bit_cast<unsigned long long>(dd)) * 5 + (sycl::bit_cast<double>(static_cast<unsigned long long>(static_cast<unsigned int>(static_cast<int>(sycl::bit_cast<unsigned long long>(dd) >> 32))) << 32 | static_cast<unsigned int>(static_cast<int>(sycl::bit_cast<unsigned long long>(dd)))) == dd);
  o[17] = (int)(sycl::bit_cast<float>(0x3fc00000u) * 4);
  o[18] = static_cast<int>(sycl::rint(f)) + 3 * static_cast<int>(f) + 5 * static_cast<int>(sycl::ceil(f)) + 7 * static_cast<int>(sycl::floor(f));
  o[19] = (int)static_cast<unsigned int>(sycl::rint(sycl::fabs(f))) + (int)static_cast<long long>(sycl::floor(f * 1000.0f)) + (int)static_cast<unsigned long long>(sycl::fabs(f) * 3);
  o[20] = static_cast<int>(dd) + (int)static_cast<long long>(sycl::rint(dd * 3)) + (int)static_cast<unsigned int>(sycl::ceil(sycl::fabs(dd))) + static_cast<int>(sycl::floor(dd)) * 7;
  o[21] = sycl::min(s, 5) + sycl::max(s % 100, -7) + (int)sycl::min(u, 9u) + (int)sycl::max(u >> 8, 1000u);
  o[22] = (int)sycl::min(static_cast<unsigned int>(s), u) + (int)sycl::min(u, 77u) + (int)sycl::min(static_cast<long long>(s), -5ll) + (int)sycl::max(static_cast<unsigned long long>(u), 12ull);
  o[23] = sycl::abs(s % 1000) + (int)sycl::abs((long)(s % 777)) + (int)sycl::abs((long long)s * 3);
  o[24] = (int)static_cast<float>((long long)s) + (int)static_cast<double>((unsigned long long)u) + (int)static_cast<double>(s >> 4);
  o[25] = static_cast<int>(sycl::clz(0)) + (0 == 0 ? 0 : static_cast<int>(sycl::ctz(0)) + 1) + static_cast<int>(sycl::popcount(0));
}

// ---- Host references ----
static double refExp10(double v) { return pow(10.0, v); }
static void floatReference(float v, int i, float *r) {
  double d = v;
  r[0] = sqrt(d) + 1 / sqrt(d) + cbrt(d);
  r[1] = exp(d) + exp2(d) + refExp10(d * 0.5) + expm1(d);
  r[2] = log(d) + log2(d) + log10(d) + log1p(d);
  r[3] = sin(d) + cos(d) * tan(d * 0.25);
  r[4] = asin(d * 0.2) + acos(d * 0.2) + atan(d) + atan2(d, 2.0);
  r[5] = sinh(d) - cosh(d) + tanh(d);
  r[6] = asinh(d) + acosh(d + 1) + atanh(d * 0.2);
  r[7] = pow(d, 1.5) + d * d * d;
  r[8] = d + (d < 2 ? d : 2) + (d > 2 ? d : 2) + (d < 2.5 ? d : 2.5) + (d > 2 ? d : 2);
  r[9] = floor(v * 3) + ceil(v * 3) + round(v * 3) + trunc(v * 3) + nearbyint(v * 3) + nearbyint(v * 5);
  r[10] = fmodf(v * 7, 3) + remainderf(v * 7, 3);
  r[11] = d * d + 1 + hypot(d, 3.0) + 1 / hypot(d, 3.0);
  r[12] = erf(d * 0.5) + 2 * erfc(d);
  r[13] = lgamma(d) + tgamma(d);
  r[14] = -d + (d > 2 ? d - 2 : 0) + d * 8 + d / 4;
  r[15] = sin(M_PI * d) + cos(M_PI * d);
  double norm = sqrt(d * d + 1 + 4);
  r[16] = norm + 1 / norm + 0.5 * erfc(-(d - 2) / sqrt(2.0));
  r[17] = nearbyint(v * 3) + round(v * 3) + ilogb(d) + logb(d);
  r[18] = sin(d) + 2 * cos(d);
  r[19] = exp(d) + log(d) + log2(d) + log10(d);
  r[20] = sin(d) + cos(d) + tan(d * 0.25);
  r[21] = pow(d, 1.5) + refExp10(d * 0.5) + d / 3 + std::fmin(std::fmax(d * 0.25, 0.0), 1.0);
  r[22] = (v + 1) * 2 + v * v - (v - 0.5f) + v / 4;
  r[23] = 1 / d + sqrt(d) + (d * 2 + 1);
  r[24] = sqrt(d) * exp(d) + log(d) + sin(d) + pow(d, 0.5) + fma(d, d, 1.0);
  r[25] = (d + 1) * (d * 2) + 1 / d + sqrt(d) + (d * 2 + 1);
  r[26] = (float)i + (float)(2 * i) + (float)(d * 3);
  r[27] = std::fmin(std::fmax(d, 1.0), 3.0) + cbrt(d) + hypot(d, 2.0);
  r[28] = erf(d * 0.5) + lgamma(d) + atan2(d, 2.0) + log1p(d) + expm1(d * 0.5);
  r[29] = 4 + 16;
  r[30] = llrint(d * 3) + lround(d * 3) + ilogb(d);
  r[31] = v * v;
}
static bool fastIndex(int j) { return j >= 19 && j <= 21; }

static int refPopc(unsigned long long x) { int c = 0; for (; x; x >>= 1) c += (int)(x & 1); return c; }
static int refClz(unsigned long long x, int width) { int c = 0; for (int b = width - 1; b >= 0 && !((x >> b) & 1); --b) ++c; return c; }
static int refFfs(unsigned long long x) { if (!x) return 0; int p = 1; while (!(x & 1)) { x >>= 1; ++p; } return p; }
static unsigned long long refBrev(unsigned long long x, int width) {
  unsigned long long r = 0;
  for (int b = 0; b < width; ++b) r |= ((x >> b) & 1ull) << (width - 1 - b);
  return r;
}
static unsigned int refBytePerm(unsigned int x, unsigned int y, unsigned int s) {
  unsigned long long v = ((unsigned long long)y << 32) | x;
  unsigned int r = 0;
  for (int k = 0; k < 4; ++k) r |= (unsigned int)((v >> (8 * ((s >> (4 * k)) & 7))) & 0xff) << (8 * k);
  return r;
}
static unsigned int refShiftL(unsigned int lo, unsigned int hi, unsigned int sh) {
  return (unsigned int)(((((unsigned long long)hi << 32) | lo) << sh) >> 32);
}
static unsigned int refShiftR(unsigned int lo, unsigned int hi, unsigned int sh) {
  return (unsigned int)((((unsigned long long)hi << 32) | lo) >> sh);
}
static unsigned long long doubleBits(double x) { unsigned long long t; memcpy(&t, &x, sizeof t); return t; }
static int floatBits(float x) { int t; memcpy(&t, &x, sizeof t); return t; }

static void intReference(unsigned int u, int i, int *r) {
  int s = (int)u;
  r[0] = refPopc(u) + refPopc(((unsigned long long)u << 32) | ~u) * 100;
  r[1] = refClz(u, 32) + refClz(u >> 3, 64) * 100;
  r[2] = refFfs(u) + refFfs((unsigned long long)u << 20) * 100 + refFfs(u & 0xff00) * 10000;
  r[3] = (int)refBrev(u, 32);
  r[4] = (int)(refBrev(u, 64) >> 32);
  r[5] = ((s & 0x7fff) - 0x4000) * 3000 + (int)((u & 0xffff) * 5000u);
  r[6] = (int)(((long long)s * 123456789) >> 32) + (int)(((unsigned long long)u * 0x9e3779b9u) >> 32);
  r[7] = (int)(long long)(((__int128)((long long)s * 77777) * 0x123456789LL) >> 64) +
         (int)(unsigned long long)(((unsigned __int128)((unsigned long long)u << 16) * 0xfedcba9876543ull) >> 64);
  long long a = s % 1000000;
  r[8] = (int)((unsigned int)(a > 12345 ? a - 12345 : 12345 - a) + 7u) +
         (int)((u > 0x80000000u ? u - 0x80000000u : 0x80000000u - u) + 3u);
  r[9] = (int)(((long long)s + 1000) >> 1) + (int)(((long long)s + 1001 + 1) >> 1);
  r[10] = (int)(((unsigned long long)u + 0xffffffffu) >> 1) + (int)(((unsigned long long)u + 7u + 1) >> 1);
  r[11] = (int)refBytePerm(u, 0x12345678u, 0x3715) + (int)refBytePerm(u, u >> 3, 0x7654);
  r[12] = (int)refShiftL(u, 0xabcdef01u, i & 31) + (int)refShiftR(u, 0xabcdef01u, i & 31);
  r[13] = (int)refShiftL(u, 0x12345u, i < 32 ? i : 32) + (int)refShiftR(u, 0x12345u, i < 32 ? i : 32);
  float f = (s % 2000) / 7.0f - 100.0f;
  double dd = f * 1.5;
  float g;
  int gb = s & 0x3f7fffff;
  memcpy(&g, &gb, sizeof g);
  r[14] = floatBits(f) + (int)((unsigned int)floatBits(g) >> 3);
  r[15] = (int)(((long long)(u >> 1) << 12) >> 12);
  unsigned long long db = doubleBits(dd);
  r[16] = (int)(db >> 32) * 3 + (int)(unsigned int)db * 5 + 1;
  r[17] = 6;
  r[18] = (int)nearbyintf(f) + 3 * (int)f + 5 * (int)ceilf(f) + 7 * (int)floorf(f);
  r[19] = (int)(unsigned int)nearbyintf(fabsf(f)) + (int)(long long)floorf(f * 1000.0f) + (int)(unsigned long long)(fabsf(f) * 3);
  r[20] = (int)dd + (int)(long long)nearbyint(dd * 3) + (int)(unsigned int)ceil(fabs(dd)) + (int)floor(dd) * 7;
  r[21] = (s < 5 ? s : 5) + (s % 100 > -7 ? s % 100 : -7) + (int)(u < 9u ? u : 9u) + (int)((u >> 8) > 1000u ? (u >> 8) : 1000u);
  r[22] = (int)(u < u ? u : u) + (int)(u < 77u ? u : 77u) + (int)(s < -5 ? s : -5) + (int)(u > 12ull ? u : 12ull);
  r[23] = abs(s % 1000) + (int)labs((long)(s % 777)) + (int)llabs((long long)s * 3);
  r[24] = (int)(float)(long long)s + (int)(double)u + (int)(double)(s >> 4);
  r[25] = 32 + 0 + 0;
}

int main() {
  float hx[N];
  unsigned int hb[N];
  unsigned int state = 7u;
  for (int i = 0; i < N; ++i) {
    hx[i] = 0.25f + 4.0f * i / N;
    state = state * 1664525u + 1013904223u;
    hb[i] = state ^ (state >> 13);
  }
  hb[0] = 0;
  hb[1] = 0x80000000u;
  hb[2] = 0xffffffffu;

  float *dx, *dout;
  unsigned int *dbits;
  int *dints;
  dx = sycl::malloc_device<float>(N, cu2sycl::default_queue());
  dout = sycl::malloc_device<float>(N * NF, cu2sycl::default_queue());
  dbits = sycl::malloc_device<unsigned int>(N, cu2sycl::default_queue());
  dints = sycl::malloc_device<int>(N * NI, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(dx, hx, N * sizeof(float)).wait();
  cu2sycl::default_queue().memcpy(dbits, hb, N * sizeof(unsigned int)).wait();
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 64 * 64), sycl::range<1>(64)), [=](sycl::nd_item<1> item) {
    floatMath(dx, dout, N, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 64 * 64), sycl::range<1>(64)), [=](sycl::nd_item<1> item) {
    intMath(dbits, dints, N, item);
  });
  cu2sycl::default_queue().wait_and_throw();
  static float hout[N * NF];
  static int hints[N * NI];
  cu2sycl::default_queue().memcpy(hout, dout, sizeof(hout)).wait();
  cu2sycl::default_queue().memcpy(hints, dints, sizeof(hints)).wait();
  sycl::free(dx, cu2sycl::default_queue());
  sycl::free(dout, cu2sycl::default_queue());
  sycl::free(dbits, cu2sycl::default_queue());
  sycl::free(dints, cu2sycl::default_queue());

  int failures = 0;
  for (int i = 0; i < N && failures < 10; ++i) {
    float r[NF];
    floatReference(hx[i], i, r);
    for (int j = 0; j < NF; ++j) {
      double tolerance = (fastIndex(j) ? 2e-3 : 2e-5) * (1 + fabs(r[j]));
      if (!(fabs(hout[i * NF + j] - r[j]) <= tolerance)) {
        printf("FAIL math: x = %g, result %d = %.9g, expected %.9g\n", hx[i], j, hout[i * NF + j], r[j]);
        ++failures;
      }
    }
    int ri[NI];
    intReference(hb[i], i, ri);
    for (int j = 0; j < NI; ++j) {
      if (hints[i * NI + j] != ri[j]) {
        printf("FAIL intrinsics: bits = 0x%08x, result %d = %d, expected %d\n", hb[i], j, hints[i * NI + j], ri[j]);
        ++failures;
      }
    }
  }
  if (failures) return 1;
  printf("PASS\n");
  return 0;
}
