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
