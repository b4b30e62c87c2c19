// math_intrinsics: the CUDA math API (float and double), fast intrinsics, correctly rounded
// arithmetic, conversions, integer intrinsics and bit casts, checked against host references
// (fast intrinsics with a looser tolerance, integer results exactly).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>

#define N 256
#define NF 32
#define NI 26

__device__ float squash(float v) { return __saturatef(v * 0.25f); }

__global__ void floatMath(const float *x, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float v = x[i];  // in [0.25, 4.25)
  double d = v;
  float *o = out + i * NF;
  float s, c;
  o[0] = sqrtf(v) + rsqrtf(v) + cbrtf(v);
  o[1] = expf(v) + exp2f(v) + exp10f(v * 0.5f) + expm1f(v);
  o[2] = logf(v) + log2f(v) + log10f(v) + log1pf(v);
  o[3] = sinf(v) + cosf(v) * tanf(v * 0.25f);
  o[4] = asinf(v * 0.2f) + acosf(v * 0.2f) + atanf(v) + atan2f(v, 2);
  o[5] = sinhf(v) - coshf(v) + tanhf(v);
  o[6] = asinhf(v) + acoshf(v + 1) + atanhf(v * 0.2f);
  o[7] = powf(v, 1.5f) + pow(v, 3);
  o[8] = fabsf(-v) + fminf(v, 2) + fmaxf(v, 2) + min(v, 2.5f) + max(v, 2.0f);
  o[9] = floorf(v * 3) + ceilf(v * 3) + roundf(v * 3) + truncf(v * 3) + rintf(v * 3) + nearbyintf(v * 5);
  o[10] = fmodf(v * 7, 3) + remainderf(v * 7, 3);
  o[11] = fmaf(v, v, 1) + hypotf(v, 3) + rhypotf(v, 3);
  o[12] = erff(v * 0.5f) + 2 * erfcf(v);
  o[13] = lgammaf(v) + tgammaf(v);
  o[14] = copysignf(v, -1) + fdimf(v, 2) + ldexpf(v, 3) + scalbnf(v, -2);
  o[15] = sinpif(v) + cospif(v);
  o[16] = norm3df(v, 1, 2) + rnorm3df(v, 1, 2) + normcdff(v - 2);
  o[17] = lrintf(v * 3) + llroundf(v * 3) + ilogbf(v) + logbf(v);
  sincosf(v, &s, &c);
  o[18] = s + 2 * c;
  o[19] = __expf(v) + __logf(v) + __log2f(v) + __log10f(v);
  o[20] = __sinf(v) + __cosf(v) + __tanf(v * 0.25f);
  o[21] = __powf(v, 1.5f) + __exp10f(v * 0.5f) + __fdividef(v, 3) + squash(v);
  o[22] = __fadd_rn(v, 1) * 2 + __fmul_rn(v, v) - __fsub_rn(v, 0.5f) + __fdiv_rn(v, 4);
  o[23] = __frcp_rn(v) + __fsqrt_rn(v) + __fmaf_rn(v, 2, 1);
  o[24] = (float)(sqrt(d) * exp(d) + log(d) + sin(d) + pow(d, 0.5) + fma(d, d, 1.0));
  o[25] = (float)(__dadd_rn(d, 1) * __dmul_rn(d, 2) + __drcp_rn(d) + __dsqrt_rn(d) + __fma_rn(d, 2, 1));
  o[26] = __int2float_rn(i) + __uint2float_rn(2u * i) + __double2float_rn(d * 3);
  o[27] = fminf(fmaxf(v, 1.0f), 3.0f) + (float)cbrt(d) + (float)hypot(d, 2.0);
  o[28] = (float)(erf(d * 0.5) + lgamma(d) + atan2(d, 2.0) + log1p(d) + expm1(d * 0.5));
  o[29] = __isnanf(v) + __isinff(v) * 2 + __finitef(v) * 4 + isnan(v) * 8 + signbit(-v) * 16;
  o[30] = (float)(llrint(d * 3) + lround(d * 3) + ilogb(d));
  o[31] = v * v;
}

__global__ void intMath(const unsigned int *bits, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  unsigned int u = bits[i];
  int s = (int)u;
  int *o = out + i * NI;
  o[0] = __popc(u) + __popcll(((unsigned long long)u << 32) | ~u) * 100;
  o[1] = __clz(s) + __clzll((long long)(u >> 3)) * 100;
  o[2] = __ffs(s) + __ffsll((long long)u << 20) * 100 + __ffs(s & 0xff00) * 10000;
  o[3] = (int)__brev(u);
  o[4] = (int)(__brevll((unsigned long long)u) >> 32);
  o[5] = __mul24((s & 0x7fff) - 0x4000, 3000) + (int)__umul24(u & 0xffff, 5000u);
  o[6] = __mulhi(s, 123456789) + (int)__umulhi(u, 0x9e3779b9u);
  o[7] = (int)__mul64hi((long long)s * 77777, 0x123456789LL) + (int)__umul64hi((unsigned long long)u << 16, 0xfedcba9876543ull);
  o[8] = (int)__sad(s % 1000000, 12345, 7u) + (int)__usad(u, 0x80000000u, 3u);
  o[9] = __hadd(s, 1000) + __rhadd(s, 1001);
  o[10] = (int)__uhadd(u, 0xffffffffu) + (int)__urhadd(u, 7u);
  o[11] = (int)__byte_perm(u, 0x12345678u, 0x3715) + (int)__byte_perm(u, u >> 3, 0x7654);
  o[12] = (int)__funnelshift_l(u, 0xabcdef01u, i) + (int)__funnelshift_r(u, 0xabcdef01u, i);
  o[13] = (int)__funnelshift_lc(u, 0x12345u, i) + (int)__funnelshift_rc(u, 0x12345u, i);
  float f = (s % 2000) / 7.0f - 100.0f;
  double dd = f * 1.5;
  o[14] = __float_as_int(f) + (int)(__float_as_uint(__int_as_float(s & 0x3f7fffff)) >> 3);
  o[15] = (int)(__double_as_longlong(__longlong_as_double((long long)(u >> 1) << 12)) >> 12);
  o[16] = __double2hiint(dd) * 3 + __double2loint(dd) * 5 + (__hiloint2double(__double2hiint(dd), __double2loint(dd)) == dd);
  o[17] = (int)(__uint_as_float(0x3fc00000u) * 4);
  o[18] = __float2int_rn(f) + 3 * __float2int_rz(f) + 5 * __float2int_ru(f) + 7 * __float2int_rd(f);
  o[19] = (int)__float2uint_rn(fabsf(f)) + (int)__float2ll_rd(f * 1000.0f) + (int)__float2ull_rz(fabsf(f) * 3);
  o[20] = __double2int_rz(dd) + (int)__double2ll_rn(dd * 3) + (int)__double2uint_ru(fabs(dd)) + __double2int_rd(dd) * 7;
  o[21] = min(s, 5) + max(s % 100, -7) + (int)min(u, 9u) + (int)max(u >> 8, 1000u);
  o[22] = (int)min(s, u) + (int)umin(u, 77u) + (int)llmin(s, -5ll) + (int)ullmax(u, 12ull);
  o[23] = abs(s % 1000) + (int)labs((long)(s % 777)) + (int)llabs((long long)s * 3);
  o[24] = (int)__ll2float_rn((long long)s) + (int)__ull2double_rn((unsigned long long)u) + (int)__int2double_rn(s >> 4);
  o[25] = __clz(0) + __ffs(0) + __popc(0);
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
  cudaMalloc((void **)&dx, N * sizeof(float));
  cudaMalloc((void **)&dout, N * NF * sizeof(float));
  cudaMalloc((void **)&dbits, N * sizeof(unsigned int));
  cudaMalloc((void **)&dints, N * NI * sizeof(int));
  cudaMemcpy(dx, hx, N * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(dbits, hb, N * sizeof(unsigned int), cudaMemcpyHostToDevice);
  floatMath<<<N / 64, 64>>>(dx, dout, N);
  intMath<<<N / 64, 64>>>(dbits, dints, N);
  cudaDeviceSynchronize();
  static float hout[N * NF];
  static int hints[N * NI];
  cudaMemcpy(hout, dout, sizeof(hout), cudaMemcpyDeviceToHost);
  cudaMemcpy(hints, dints, sizeof(hints), cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dout);
  cudaFree(dbits);
  cudaFree(dints);

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
