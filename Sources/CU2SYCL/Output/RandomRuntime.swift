/// The cuRAND device API as a plain-SYCL helper: a Philox4x32-10 generator written from the published
/// algorithm (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011) and the
/// distributions cuRAND defines on it. Emitted into `cu2sycl/runtime.hpp` when migrated code uses it.
enum RandomRuntime {
  static let source = """

    // cuRAND's device API on Philox4x32-10, a counter-based generator (Salmon et al., "Parallel random
    // numbers: as easy as 1, 2, 3", SC 2011): value n of a stream is a keyed bijection of the counter n / 4,
    // so skipping ahead is an addition. Every cuRAND state type draws from it; the type parameter only keeps
    // the generators the code named apart (overloads on them stay distinct). Only Philox streams can match
    // cuRAND's numbers; the distributions are cuRAND's (same ranges and shapes), XORWOW/MRG32k3a sequences
    // are not reproduced. A state is a plain value (trivially copyable), so arrays of states in device
    // memory, copies into registers and back, and memcpy of states work as in CUDA.
    template <int Generator> struct random_state {
      unsigned int counter[4];  // 128 bits: [0..1] position / 4, [2..3] subsequence
      unsigned int key[2];      // the seed
      unsigned int output[4];   // the block of the current counter
      unsigned int index;       // next value of the block; 4 = block used up
      int has_normal, has_normal_double;
      float normal;
      double normal_double;
    };
    using xorwow_state = random_state<0>;
    using philox4x32_10_state = random_state<1>;
    using mrg32k3a_state = random_state<2>;

    namespace random_detail {
    // Ten Philox rounds on the counter; between rounds the key moves by the Weyl constants.
    template <int G> void refill(random_state<G> *s) {
      unsigned int x0 = s->counter[0], x1 = s->counter[1], x2 = s->counter[2], x3 = s->counter[3];
      unsigned int k0 = s->key[0], k1 = s->key[1];
      for (int round = 0; round < 10; ++round) {
        unsigned long long p0 = 0xD2511F53ull * x0, p1 = 0xCD9E8D57ull * x2;
        unsigned int y0 = static_cast<unsigned int>(p1 >> 32) ^ x1 ^ k0, y2 = static_cast<unsigned int>(p0 >> 32) ^ x3 ^ k1;
        x1 = static_cast<unsigned int>(p1);
        x3 = static_cast<unsigned int>(p0);
        x0 = y0;
        x2 = y2;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
      }
      s->output[0] = x0;
      s->output[1] = x1;
      s->output[2] = x2;
      s->output[3] = x3;
    }
    // Adds n to the 128-bit counter word `from` upward (0: the position, 2: the subsequence).
    template <int G> void advance(random_state<G> *s, unsigned long long n, int from) {
      for (int i = from; i < 4 && n != 0; ++i) {
        unsigned long long sum = static_cast<unsigned long long>(s->counter[i]) + (n & 0xffffffffull);
        s->counter[i] = static_cast<unsigned int>(sum);
        n = (n >> 32) + (sum >> 32);
      }
    }
    }  // namespace random_detail

    // curand_init: the seed is the key, the subsequence selects a stream of 2^66 values (the counter's upper
    // half) and the offset skips values within it.
    template <int G>
    void rand_init(unsigned long long seed, unsigned long long subsequence, unsigned long long offset, random_state<G> *s) {
      s->key[0] = static_cast<unsigned int>(seed);
      s->key[1] = static_cast<unsigned int>(seed >> 32);
      s->counter[0] = s->counter[1] = 0;
      s->counter[2] = static_cast<unsigned int>(subsequence);
      s->counter[3] = static_cast<unsigned int>(subsequence >> 32);
      s->index = 0;
      s->has_normal = s->has_normal_double = 0;
      s->normal = 0.0f;
      s->normal_double = 0.0;
      random_detail::advance(s, offset / 4, 0);
      s->index = static_cast<unsigned int>(offset % 4);
      random_detail::refill(s);
    }

    // skipahead: n values further on; skipahead_sequence: n subsequences further on.
    template <int G> void skipahead(unsigned long long n, random_state<G> *s) {
      unsigned int index = s->index + static_cast<unsigned int>(n % 4);
      random_detail::advance(s, n / 4 + index / 4, 0);
      s->index = index % 4;
      random_detail::refill(s);
    }
    template <int G> void skipahead_sequence(unsigned long long n, random_state<G> *s) {
      random_detail::advance(s, n, 2);
      random_detail::refill(s);
    }

    // curand: 32 random bits.
    template <int G> unsigned int rand(random_state<G> *s) {
      if (s->index == 4) {
        random_detail::advance(s, 1, 0);
        random_detail::refill(s);
        s->index = 0;
      }
      return s->output[s->index++];
    }
    template <int G> sycl::uint4 rand4(random_state<G> *s) {
      unsigned int a = rand(s), b = rand(s), c = rand(s), d = rand(s);
      return sycl::uint4(a, b, c, d);
    }

    // Uniform in (0, 1], as cuRAND: 0 is excluded, 1 included. Floats from 32 bits, doubles from 53.
    template <int G> float rand_uniform(random_state<G> *s) { return static_cast<float>(rand(s)) * 0x1p-32f + 0x1p-33f; }
    template <int G> double rand_uniform_double(random_state<G> *s) {
      unsigned long long high = rand(s), low = rand(s);
      return static_cast<double>(((high << 32) | low) >> 11) * 0x1p-53 + 0x1p-54;
    }
    template <int G> sycl::float4 rand_uniform4(random_state<G> *s) {
      float a = rand_uniform(s), b = rand_uniform(s), c = rand_uniform(s), d = rand_uniform(s);
      return sycl::float4(a, b, c, d);
    }
    template <int G> sycl::double2 rand_uniform2_double(random_state<G> *s) {
      double a = rand_uniform_double(s), b = rand_uniform_double(s);
      return sycl::double2(a, b);
    }

    // Standard normal by Box-Muller, which yields pairs: the single-value calls keep the second value for
    // the next call, as cuRAND does (floats and doubles separately). The uniform never is 0, so log is finite.
    template <int G> sycl::float2 rand_normal2(random_state<G> *s) {
      float u = rand_uniform(s), v = rand_uniform(s);
      float r = sycl::sqrt(-2.0f * sycl::log(u));
      return sycl::float2(r * sycl::sinpi(2.0f * v), r * sycl::cospi(2.0f * v));
    }
    template <int G> sycl::double2 rand_normal2_double(random_state<G> *s) {
      double u = rand_uniform_double(s), v = rand_uniform_double(s);
      double r = sycl::sqrt(-2.0 * sycl::log(u));
      return sycl::double2(r * sycl::sinpi(2.0 * v), r * sycl::cospi(2.0 * v));
    }
    template <int G> float rand_normal(random_state<G> *s) {
      if (s->has_normal) {
        s->has_normal = 0;
        return s->normal;
      }
      sycl::float2 pair = rand_normal2(s);
      s->normal = pair.y();
      s->has_normal = 1;
      return pair.x();
    }
    template <int G> double rand_normal_double(random_state<G> *s) {
      if (s->has_normal_double) {
        s->has_normal_double = 0;
        return s->normal_double;
      }
      sycl::double2 pair = rand_normal2_double(s);
      s->normal_double = pair.y();
      s->has_normal_double = 1;
      return pair.x();
    }
    template <int G> sycl::float4 rand_normal4(random_state<G> *s) {
      sycl::float2 a = rand_normal2(s), b = rand_normal2(s);
      return sycl::float4(a.x(), a.y(), b.x(), b.y());
    }

    // Log-normal: exp of a normal with the given mean and standard deviation.
    template <int G> float rand_log_normal(random_state<G> *s, float mean, float stddev) {
      return sycl::exp(mean + stddev * rand_normal(s));
    }
    template <int G> double rand_log_normal_double(random_state<G> *s, double mean, double stddev) {
      return sycl::exp(mean + stddev * rand_normal_double(s));
    }
    template <int G> sycl::float2 rand_log_normal2(random_state<G> *s, float mean, float stddev) {
      return sycl::exp(mean + stddev * rand_normal2(s));
    }
    template <int G> sycl::double2 rand_log_normal2_double(random_state<G> *s, double mean, double stddev) {
      return sycl::exp(mean + stddev * rand_normal2_double(s));
    }
    template <int G> sycl::float4 rand_log_normal4(random_state<G> *s, float mean, float stddev) {
      return sycl::exp(mean + stddev * rand_normal4(s));
    }

    """
}
