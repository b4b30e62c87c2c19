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
    if helpers.contains(.defaultQueue) || helpers.contains(.allocateSymbol) || helpers.contains(.texture) || helpers.contains(.surface)
      || helpers.contains(.textureReference) {
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
    if helpers.contains(.allocateSymbol) {
      out += """

      // CUDA's __device__, __constant__ and __managed__ variables: one USM allocation each, holding the
      // initial value, that the kernels using it receive as a parameter. Managed ones are host-accessible.
      template <typename T>
      T *allocate_symbol(bool host_accessible, const T &initial = T{}) {
        sycl::queue &q = default_queue();
        T *symbol = host_accessible ? sycl::malloc_shared<T>(1, q) : sycl::malloc_device<T>(1, q);
        q.memcpy(symbol, &initial, sizeof(T)).wait();
        return symbol;
      }

      """
    }
    if helpers.contains(.warpShuffle) {
      out += """

      // CUDA's warp shuffles on a sub-group, with CUDA's rules: the lanes are split into segments of
      // `width` (a power of two, at most the sub-group size); a lane whose source lies outside its
      // segment keeps its own value (shfl_down, shfl_up, shfl_xor to a later segment), and shfl reads
      // lane `src % width` of its own segment.
      template <typename T> T shfl_down(const sycl::sub_group &sg, T value, unsigned delta, unsigned width = 32) {
        T shifted = sycl::shift_group_left(sg, value, delta);
        return sg.get_local_linear_id() % width + delta < width ? shifted : value;
      }
      template <typename T> T shfl_up(const sycl::sub_group &sg, T value, unsigned delta, unsigned width = 32) {
        T shifted = sycl::shift_group_right(sg, value, delta);
        return sg.get_local_linear_id() % width >= delta ? shifted : value;
      }
      template <typename T> T shfl(const sycl::sub_group &sg, T value, int src, unsigned width) {
        unsigned lane = sg.get_local_linear_id();
        return sycl::select_from_group(sg, value, lane / width * width + (static_cast<unsigned>(src) & (width - 1)));
      }
      template <typename T> T shfl_xor(const sycl::sub_group &sg, T value, unsigned mask, unsigned width) {
        unsigned lane = sg.get_local_linear_id(), target = lane ^ mask;
        return sycl::select_from_group(sg, value, target < (lane / width + 1) * width ? target : lane);
      }

      """
    }
    if helpers.contains(.bfloat16) {
      out += """

      // CUDA's __nv_bfloat16 (8-bit exponent, 7-bit mantissa). SYCL 2020 has no bfloat16: the value is
      // kept in 16 bits and each operation computes in float and rounds to nearest even, as CUDA does
      // where bfloat16 arithmetic is not native.
      struct bfloat16 {
        unsigned short bits;
        bfloat16() = default;
        bfloat16(float f) : bits(round(f)) {}
        operator float() const { return sycl::bit_cast<float>(static_cast<unsigned int>(bits) << 16); }
        static unsigned short round(float f) {
          unsigned int u = sycl::bit_cast<unsigned int>(f);
          if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<unsigned short>((u >> 16) | 0x40u);  // quiet NaN
          return static_cast<unsigned short>((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
        }
        bfloat16 &operator+=(bfloat16 o) { return *this = bfloat16(float(*this) + float(o)); }
        bfloat16 &operator-=(bfloat16 o) { return *this = bfloat16(float(*this) - float(o)); }
        bfloat16 &operator*=(bfloat16 o) { return *this = bfloat16(float(*this) * float(o)); }
        bfloat16 &operator/=(bfloat16 o) { return *this = bfloat16(float(*this) / float(o)); }
        friend bfloat16 operator+(bfloat16 a, bfloat16 b) { return bfloat16(float(a) + float(b)); }
        friend bfloat16 operator-(bfloat16 a, bfloat16 b) { return bfloat16(float(a) - float(b)); }
        friend bfloat16 operator*(bfloat16 a, bfloat16 b) { return bfloat16(float(a) * float(b)); }
        friend bfloat16 operator/(bfloat16 a, bfloat16 b) { return bfloat16(float(a) / float(b)); }
        friend bfloat16 operator-(bfloat16 a) { return sycl::bit_cast<bfloat16>(static_cast<unsigned short>(a.bits ^ 0x8000u)); }
      };

      """
    }
    if helpers.contains(.ballot) {
      out += """

      // CUDA's __ballot_sync over the whole sub-group: bit i is set when work-item i's predicate is true.
      inline unsigned ballot(const sycl::sub_group &sg, bool predicate) {
        return sycl::reduce_over_group(sg, predicate ? 1u << sg.get_local_linear_id() : 0u, sycl::bit_or<unsigned>());
      }

      """
    }
    if helpers.contains(.activeMask) {
      out += """

      // CUDA's __activemask(): one bit for each work-item of the sub-group (all of them take part).
      inline unsigned active_mask(const sycl::sub_group &sg) {
        unsigned n = sg.get_local_linear_range();
        return n >= 32 ? 0xffffffffu : (1u << n) - 1u;
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
    // Surfaces read arrays through the texture descriptors.
    if helpers.contains(.texture) || helpers.contains(.surface) || helpers.contains(.textureReference) { out += textures }
    if helpers.contains(.textureReference) { out += textureReferences }
    if helpers.contains(.surface) { out += surfaces }
    out += "\n}  // namespace cu2sycl\n"
    return out
  }
}
