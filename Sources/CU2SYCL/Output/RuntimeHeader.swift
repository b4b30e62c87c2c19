/// The small helper header cu2sycl writes next to the migrated code (`cu2sycl/runtime.hpp`), holding only
/// the helpers the migrated files use. Plain SYCL 2020, no vendor library.
public enum RuntimeHeader {
  public static let relativePath = "cu2sycl/runtime.hpp"

  public static func contents(_ helpers: Set<RuntimeHelper>) -> String {
    var out = """
    // Written by cu2sycl: helpers for code migrated from CUDA. Plain SYCL 2020.
    #pragma once
    #include <sycl/sycl.hpp>

    namespace cu2sycl {

    """
    if helpers.contains(.defaultQueue) {
      out += """

      // CUDA's default stream: one in-order queue shared by the whole program. Errors from kernels
      // (asynchronous in SYCL) are reported when the queue waits and end the program, as a failed
      // CUDA call checked by the program would.
      inline sycl::queue &default_queue() {
        static sycl::queue queue{sycl::default_selector_v, [](sycl::exception_list errors) {
                                   for (const std::exception_ptr &e : errors) std::rethrow_exception(e);
                                 },
                                 sycl::property::queue::in_order()};
        return queue;
      }

      """
    }
    if helpers.contains(.errorString) {
      out += """

      // SYCL reports failures as exceptions, so a migrated status code is 0 unless the program made it.
      inline const char *error_string(int status) {
        return status == 0 ? "no error" : "error (SYCL reports details through sycl::exception)";
      }

      """
    }
    if helpers.contains(.atomicCompareExchange) {
      out += """

      // CUDA's atomicCAS: stores `desired` if the object holds `expected`; returns the value it held.
      template <class AtomicRef>
      inline typename AtomicRef::value_type atomic_compare_exchange(AtomicRef object, typename AtomicRef::value_type expected,
                                                                    typename AtomicRef::value_type desired) {
        object.compare_exchange_strong(expected, desired);
        return expected;
      }

      """
    }
    if helpers.contains(.atomicWrap) {
      out += """

      // CUDA's atomicInc: old >= limit ? 0 : old + 1, atomically; returns the old value.
      template <class AtomicRef>
      inline typename AtomicRef::value_type atomic_inc(AtomicRef object, typename AtomicRef::value_type limit) {
        typename AtomicRef::value_type old = object.load();
        while (!object.compare_exchange_weak(old, old >= limit ? 0 : old + 1)) {
        }
        return old;
      }

      // CUDA's atomicDec: (old == 0 || old > limit) ? limit : old - 1, atomically; returns the old value.
      template <class AtomicRef>
      inline typename AtomicRef::value_type atomic_dec(AtomicRef object, typename AtomicRef::value_type limit) {
        typename AtomicRef::value_type old = object.load();
        while (!object.compare_exchange_weak(old, (old == 0 || old > limit) ? limit : old - 1)) {
        }
        return old;
      }

      """
    }
    if helpers.contains(.sincos) {
      out += """

      // CUDA's sincos(x, &s, &c) and sincospi: both results through pointers.
      template <class T> inline void sincos(T x, T *sin_out, T *cos_out) {
        *sin_out = sycl::sin(x);
        *cos_out = sycl::cos(x);
      }
      template <class T> inline void sincospi(T x, T *sin_out, T *cos_out) {
        *sin_out = sycl::sinpi(x);
        *cos_out = sycl::cospi(x);
      }

      """
    }
    if helpers.contains(.mathPointers) {
      out += """

      // CUDA's frexp, modf and remquo take plain pointers; SYCL's take a multi_ptr.
      template <class T> inline T frexp(T x, int *exponent) {
        return sycl::frexp(x, sycl::address_space_cast<sycl::access::address_space::generic_space, sycl::access::decorated::no>(exponent));
      }
      template <class T> inline T modf(T x, T *integral) {
        return sycl::modf(x, sycl::address_space_cast<sycl::access::address_space::generic_space, sycl::access::decorated::no>(integral));
      }
      template <class T> inline T remquo(T x, T y, int *quotient) {
        return sycl::remquo(x, y, sycl::address_space_cast<sycl::access::address_space::generic_space, sycl::access::decorated::no>(quotient));
      }

      """
    }
    if helpers.contains(.findFirstSet) {
      out += """

      // CUDA's __ffs/__ffsll: the position (from 1) of the least significant set bit, 0 if none.
      template <class T> inline int ffs(T x) { return x == 0 ? 0 : static_cast<int>(sycl::ctz(x)) + 1; }

      """
    }
    if helpers.contains(.bitReverse) {
      out += """

      // CUDA's __brev/__brevll: the bits in reverse order.
      template <class T> inline T bit_reverse(T x) {
        T r = 0;
        for (int i = 0; i < static_cast<int>(sizeof(T) * 8); ++i) {
          r = static_cast<T>((r << 1) | (x & 1));
          x >>= 1;
        }
        return r;
      }

      """
    }
    if helpers.contains(.bytePerm) {
      out += """

      // CUDA's __byte_perm(x, y, s): byte i of the result is byte (s >> 4i) & 7 of the 8 bytes y:x.
      inline unsigned int byte_perm(unsigned int x, unsigned int y, unsigned int s) {
        unsigned long long bytes = (static_cast<unsigned long long>(y) << 32) | x;
        unsigned int r = 0;
        for (int i = 0; i < 4; ++i) {
          unsigned int selector = (s >> (4 * i)) & 7u;
          r |= static_cast<unsigned int>((bytes >> (8 * selector)) & 0xffu) << (8 * i);
        }
        return r;
      }

      """
    }
    if helpers.contains(.funnelShift) {
      out += """

      // CUDA's funnel shifts of the 64-bit hi:lo; _l/_r take the shift modulo 32, _lc/_rc clamp it to 32.
      inline unsigned int funnelshift_l(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>((v << (shift & 31u)) >> 32);
      }
      inline unsigned int funnelshift_lc(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>((v << sycl::min(shift, 32u)) >> 32);
      }
      inline unsigned int funnelshift_r(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>(v >> (shift & 31u));
      }
      inline unsigned int funnelshift_rc(unsigned int lo, unsigned int hi, unsigned int shift) {
        unsigned long long v = (static_cast<unsigned long long>(hi) << 32) | lo;
        return static_cast<unsigned int>(v >> sycl::min(shift, 32u));
      }

      """
    }
    out += "\n}  // namespace cu2sycl\n"
    return out
  }
}
