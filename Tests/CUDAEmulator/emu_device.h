// Device functions for the emulator: atomics of every kind, fences, math and intrinsics (CUDA's
// semantics, computed on the CPU). Included at the end of emu.h.
#pragma once
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <type_traits>

// ---- Atomics (every scope is the same on the CPU) ----
template <class T> using emu_id = std::type_identity_t<T>;
template <class T> T atomicAdd(T *p, emu_id<T> v) { return std::atomic_ref<T>(*p).fetch_add(v); }
template <class T> T atomicSub(T *p, emu_id<T> v) { return std::atomic_ref<T>(*p).fetch_sub(v); }
template <class T> T atomicExch(T *p, emu_id<T> v) { return std::atomic_ref<T>(*p).exchange(v); }
template <class T> T atomicAnd(T *p, emu_id<T> v) { return std::atomic_ref<T>(*p).fetch_and(v); }
template <class T> T atomicOr(T *p, emu_id<T> v) { return std::atomic_ref<T>(*p).fetch_or(v); }
template <class T> T atomicXor(T *p, emu_id<T> v) { return std::atomic_ref<T>(*p).fetch_xor(v); }
template <class T> T atomicMin(T *p, emu_id<T> v) {
  std::atomic_ref<T> a(*p);
  T o = a.load();
  while (v < o && !a.compare_exchange_weak(o, v)) {}
  return o;
}
template <class T> T atomicMax(T *p, emu_id<T> v) {
  std::atomic_ref<T> a(*p);
  T o = a.load();
  while (v > o && !a.compare_exchange_weak(o, v)) {}
  return o;
}
template <class T> T atomicCAS(T *p, emu_id<T> compare, emu_id<T> v) {
  std::atomic_ref<T>(*p).compare_exchange_strong(compare, v);
  return compare;
}
inline unsigned int atomicInc(unsigned int *p, unsigned int limit) {
  std::atomic_ref<unsigned int> a(*p);
  unsigned int o = a.load();
  while (!a.compare_exchange_weak(o, o >= limit ? 0 : o + 1)) {}
  return o;
}
inline unsigned int atomicDec(unsigned int *p, unsigned int limit) {
  std::atomic_ref<unsigned int> a(*p);
  unsigned int o = a.load();
  while (!a.compare_exchange_weak(o, (o == 0 || o > limit) ? limit : o - 1)) {}
  return o;
}
#define EMU_SCOPED(name)                                                              \
  template <class T, class... A> auto name##_block(T *p, A... a) { return name(p, a...); } \
  template <class T, class... A> auto name##_system(T *p, A... a) { return name(p, a...); }
EMU_SCOPED(atomicAdd)
EMU_SCOPED(atomicSub)
EMU_SCOPED(atomicExch)
EMU_SCOPED(atomicAnd)
EMU_SCOPED(atomicOr)
EMU_SCOPED(atomicXor)
EMU_SCOPED(atomicMin)
EMU_SCOPED(atomicMax)
EMU_SCOPED(atomicCAS)
EMU_SCOPED(atomicInc)
EMU_SCOPED(atomicDec)
#undef EMU_SCOPED

inline void __threadfence() { std::atomic_thread_fence(std::memory_order_seq_cst); }
inline void __threadfence_block() { std::atomic_thread_fence(std::memory_order_seq_cst); }
inline void __threadfence_system() { std::atomic_thread_fence(std::memory_order_seq_cst); }

// ---- Bit reinterpretation ----
inline int __float_as_int(float x) { return std::bit_cast<int>(x); }
inline float __int_as_float(int x) { return std::bit_cast<float>(x); }
inline unsigned int __float_as_uint(float x) { return std::bit_cast<unsigned int>(x); }
inline float __uint_as_float(unsigned int x) { return std::bit_cast<float>(x); }
inline long long __double_as_longlong(double x) { return std::bit_cast<long long>(x); }
inline double __longlong_as_double(long long x) { return std::bit_cast<double>(x); }
inline int __double2hiint(double x) { return (int)(std::bit_cast<unsigned long long>(x) >> 32); }
inline int __double2loint(double x) { return (int)std::bit_cast<unsigned long long>(x); }
inline double __hiloint2double(int hi, int lo) {
  return std::bit_cast<double>(((unsigned long long)(unsigned int)hi << 32) | (unsigned int)lo);
}

// ---- Math API functions the C library lacks ----
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
inline double rsqrt(double x) { return 1.0 / sqrt(x); }
inline float sinpif(float x) { return (float)sin(M_PI * (double)x); }
inline float cospif(float x) { return (float)cos(M_PI * (double)x); }
inline double sinpi(double x) { return sin(M_PI * x); }
inline double cospi(double x) { return cos(M_PI * x); }
inline float rhypotf(float x, float y) { return 1.0f / hypotf(x, y); }
inline float norm3df(float a, float b, float c) { return (float)sqrt((double)a * a + (double)b * b + (double)c * c); }
inline float rnorm3df(float a, float b, float c) { return 1.0f / norm3df(a, b, c); }
inline float normcdff(float x) { return (float)(0.5 * erfc(-x / sqrt(2.0))); }
inline int __isnanf(float x) { return std::isnan(x); }
inline int __isinff(float x) { return std::isinf(x); }
inline int __finitef(float x) { return std::isfinite(x); }
using std::isnan;
using std::signbit;
#define EMU_MINMAX(R, A, B)                                   \
  inline R min(const A a, const B b) { return (R)a < (R)b ? (R)a : (R)b; } \
  inline R max(const A a, const B b) { return (R)a > (R)b ? (R)a : (R)b; }
EMU_MINMAX(int, int, int)
EMU_MINMAX(unsigned int, unsigned int, unsigned int)
EMU_MINMAX(unsigned int, int, unsigned int)
EMU_MINMAX(unsigned int, unsigned int, int)
EMU_MINMAX(long long, long long, long long)
EMU_MINMAX(unsigned long long, unsigned long long, unsigned long long)
EMU_MINMAX(float, float, float)
EMU_MINMAX(double, double, double)
#undef EMU_MINMAX
inline unsigned int umin(unsigned int a, unsigned int b) { return a < b ? a : b; }
inline unsigned int umax(unsigned int a, unsigned int b) { return a > b ? a : b; }
inline long long llmin(long long a, long long b) { return a < b ? a : b; }
inline long long llmax(long long a, long long b) { return a > b ? a : b; }
inline unsigned long long ullmin(unsigned long long a, unsigned long long b) { return a < b ? a : b; }
inline unsigned long long ullmax(unsigned long long a, unsigned long long b) { return a > b ? a : b; }

// ---- Fast and correctly rounded intrinsics (computed exactly on the CPU) ----
inline float __expf(float x) { return expf(x); }
inline float __exp10f(float x) { return exp10f(x); }
inline float __logf(float x) { return logf(x); }
inline float __log2f(float x) { return log2f(x); }
inline float __log10f(float x) { return log10f(x); }
inline float __sinf(float x) { return sinf(x); }
inline float __cosf(float x) { return cosf(x); }
inline float __tanf(float x) { return tanf(x); }
inline float __powf(float x, float y) { return powf(x, y); }
inline float __fdividef(float x, float y) { return x / y; }
inline float __saturatef(float x) { return x < 0.0f ? 0.0f : x > 1.0f ? 1.0f : x; }
inline float __fadd_rn(float x, float y) { return x + y; }
inline float __fsub_rn(float x, float y) { return x - y; }
inline float __fmul_rn(float x, float y) { return x * y; }
inline float __fdiv_rn(float x, float y) { return x / y; }
inline float __frcp_rn(float x) { return 1.0f / x; }
inline float __fsqrt_rn(float x) { return sqrtf(x); }
inline float __fmaf_rn(float x, float y, float z) { return fmaf(x, y, z); }
inline double __dadd_rn(double x, double y) { return x + y; }
inline double __dmul_rn(double x, double y) { return x * y; }
inline double __drcp_rn(double x) { return 1.0 / x; }
inline double __dsqrt_rn(double x) { return sqrt(x); }
inline double __fma_rn(double x, double y, double z) { return fma(x, y, z); }
inline int __float2int_rn(float x) { return (int)nearbyintf(x); }
inline int __float2int_rz(float x) { return (int)x; }
inline int __float2int_ru(float x) { return (int)ceilf(x); }
inline int __float2int_rd(float x) { return (int)floorf(x); }
inline unsigned int __float2uint_rn(float x) { return (unsigned int)nearbyintf(x); }
inline long long __float2ll_rd(float x) { return (long long)floorf(x); }
inline unsigned long long __float2ull_rz(float x) { return (unsigned long long)x; }
inline int __double2int_rz(double x) { return (int)x; }
inline int __double2int_rd(double x) { return (int)floor(x); }
inline long long __double2ll_rn(double x) { return (long long)nearbyint(x); }
inline unsigned int __double2uint_ru(double x) { return (unsigned int)ceil(x); }
inline float __int2float_rn(int x) { return (float)x; }
inline float __uint2float_rn(unsigned int x) { return (float)x; }
inline float __ll2float_rn(long long x) { return (float)x; }
inline float __double2float_rn(double x) { return (float)x; }
inline double __ull2double_rn(unsigned long long x) { return (double)x; }
inline double __int2double_rn(int x) { return (double)x; }

// ---- Integer intrinsics ----
inline int __popc(unsigned int x) { return __builtin_popcount(x); }
inline int __popcll(unsigned long long x) { return __builtin_popcountll(x); }
inline int __clz(int x) { return x == 0 ? 32 : __builtin_clz((unsigned int)x); }
inline int __clzll(long long x) { return x == 0 ? 64 : __builtin_clzll((unsigned long long)x); }
inline int __ffs(int x) { return __builtin_ffs(x); }
inline int __ffsll(long long x) { return __builtin_ffsll(x); }
inline unsigned int __brev(unsigned int x) {
  unsigned int r = 0;
  for (int b = 0; b < 32; ++b) r |= ((x >> b) & 1u) << (31 - b);
  return r;
}
inline unsigned long long __brevll(unsigned long long x) {
  return ((unsigned long long)__brev((unsigned int)x) << 32) | __brev((unsigned int)(x >> 32));
}
inline int __mul24(int x, int y) { return (int)(((long long)(x << 8 >> 8) * (long long)(y << 8 >> 8))); }
inline unsigned int __umul24(unsigned int x, unsigned int y) { return (x & 0xffffffu) * (y & 0xffffffu); }
inline int __mulhi(int x, int y) { return (int)(((long long)x * y) >> 32); }
inline unsigned int __umulhi(unsigned int x, unsigned int y) { return (unsigned int)(((unsigned long long)x * y) >> 32); }
inline long long __mul64hi(long long x, long long y) { return (long long)(((__int128)x * y) >> 64); }
inline unsigned long long __umul64hi(unsigned long long x, unsigned long long y) {
  return (unsigned long long)(((unsigned __int128)x * y) >> 64);
}
inline unsigned int __sad(int x, int y, unsigned int z) { return (unsigned int)(x > y ? (long long)x - y : (long long)y - x) + z; }
inline unsigned int __usad(unsigned int x, unsigned int y, unsigned int z) { return (x > y ? x - y : y - x) + z; }
inline int __hadd(int x, int y) { return (int)(((long long)x + y) >> 1); }
inline int __rhadd(int x, int y) { return (int)(((long long)x + y + 1) >> 1); }
inline unsigned int __uhadd(unsigned int x, unsigned int y) { return (unsigned int)(((unsigned long long)x + y) >> 1); }
inline unsigned int __urhadd(unsigned int x, unsigned int y) { return (unsigned int)(((unsigned long long)x + y + 1) >> 1); }
inline unsigned int __byte_perm(unsigned int x, unsigned int y, unsigned int s) {
  unsigned long long v = ((unsigned long long)y << 32) | x;
  unsigned int r = 0;
  for (int k = 0; k < 4; ++k) r |= (unsigned int)((v >> (8 * ((s >> (4 * k)) & 7))) & 0xff) << (8 * k);
  return r;
}
inline unsigned int __funnelshift_l(unsigned int lo, unsigned int hi, unsigned int sh) {
  return (unsigned int)(((((unsigned long long)hi << 32) | lo) << (sh & 31)) >> 32);
}
inline unsigned int __funnelshift_lc(unsigned int lo, unsigned int hi, unsigned int sh) {
  return (unsigned int)(((((unsigned long long)hi << 32) | lo) << (sh < 32 ? sh : 32)) >> 32);
}
inline unsigned int __funnelshift_r(unsigned int lo, unsigned int hi, unsigned int sh) {
  return (unsigned int)((((unsigned long long)hi << 32) | lo) >> (sh & 31));
}
inline unsigned int __funnelshift_rc(unsigned int lo, unsigned int hi, unsigned int sh) {
  return (unsigned int)((((unsigned long long)hi << 32) | lo) >> (sh < 32 ? sh : 32));
}
