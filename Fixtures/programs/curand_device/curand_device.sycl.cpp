// curand_device: cuRAND device states, one per thread, kept in a cudaMalloc'd array: seeded by one
// kernel, used and stored back by others. Checks Monte-Carlo pi from uniform pairs, mean and variance
// of normals (float and double) and the log-normal mean against their exact values with sampling
// tolerances, the (0, 1] range of uniforms, Philox's four-at-a-time calls and MRG32k3a, that
// skipahead/skipahead_sequence land where curand_init's offset/subsequence start, that a state stored
// back to memory continues its stream, and Random123's published Philox4x32-10 known answers.
// cu2sycl-fixture: no-emulator (the CPU emulator has no cuRAND)
#include <cmath>
#include <cstdio>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

const int THREADS = 128, BLOCKS = 4, N = THREADS * BLOCKS, DRAWS = 512, STATS = 8;

void setup(cu2sycl::xorwow_state *states, unsigned long long seed, const sycl::nd_item<1> &item) {
  int id = item.get_global_id(0);
  // CU2SYCL-W060: cuRAND's XORWOW sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(seed, id, 0, &states[id]);
}

// Per thread: points inside the quarter circle, sums of normals and their squares, the smallest and
// largest uniform, the sum of log-normals.
void sample(cu2sycl::xorwow_state *states, int draws, unsigned int *inside, double *stats, const sycl::nd_item<1> &item) {
  int id = item.get_global_id(0);
  cu2sycl::xorwow_state local = states[id];
  unsigned int hits = 0;
  double sum = 0, squares = 0, sumDouble = 0, squaresDouble = 0, lowest = 1, highest = 0, logNormal = 0;
  for (int k = 0; k < draws; ++k) {
    float x = cu2sycl::rand_uniform(&local), y = cu2sycl::rand_uniform(&local);
    if (x * x + y * y <= 1.0f) ++hits;
    if (x < lowest) lowest = x;
    if (x > highest) highest = x;
    float g = cu2sycl::rand_normal(&local);
    sum += g;
    squares += g * g;
    double h = cu2sycl::rand_normal_double(&local);
    sumDouble += h;
    squaresDouble += h * h;
    logNormal += cu2sycl::rand_log_normal(&local, 0.0f, 0.5f);
  }
  states[id] = local;
  inside[id] = hits;
  double *s = stats + id * STATS;
  s[0] = sum;
  s[1] = squares;
  s[2] = sumDouble;
  s[3] = squaresDouble;
  s[4] = lowest;
  s[5] = highest;
  s[6] = logNormal;
  s[7] = cu2sycl::rand_uniform_double(&local);
}

// Philox four at a time, and MRG32k3a doubles; `mixed` sums one value of each remaining call.
void others(unsigned long long seed, sycl::float4 *uniform4, sycl::float2 *normal2, double *mrg, double *mixed, const sycl::nd_item<1> &item) {
  int id = item.get_global_id(0);
  cu2sycl::philox4x32_10_state p;
  // CU2SYCL-W060: Philox4x32-10 from the published algorithm, not verified bit for bit against cuRAND's (normals use cu2sycl's Box-Muller): results that depend on the exact random numbers may differ
  cu2sycl::rand_init(seed, id, 0, &p);
  uniform4[id] = cu2sycl::rand_uniform4(&p);
  normal2[id] = cu2sycl::rand_normal2(&p);
  cu2sycl::mrg32k3a_state m;
  // CU2SYCL-W060: cuRAND's MRG32k3a sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(seed, id, 0, &m);
  mrg[id] = cu2sycl::rand_uniform_double(&m);
  mixed[id] = cu2sycl::rand_normal4(&p).w() + cu2sycl::rand_log_normal4(&p, 0.0f, 0.5f).x() + cu2sycl::rand_log_normal2(&p, 0.0f, 0.5f).y() +
              cu2sycl::rand_uniform2_double(&p).y() + cu2sycl::rand_normal2_double(&m).x() + cu2sycl::rand_log_normal2_double(&m, 0.0, 0.5).x();
}

// Draws `count` values from each thread's stored state and keeps the last; the state goes back.
void take(cu2sycl::xorwow_state *states, int count, unsigned int *last, const sycl::nd_item<1> &item) {
  int id = item.get_global_id(0);
  cu2sycl::xorwow_state local = states[id];
  unsigned int v = 0;
  for (int k = 0; k < count; ++k) v = cu2sycl::rand(&local);
  states[id] = local;
  last[id] = v;
}

// The value at `offset` of each thread's stream, from a fresh state.
void at_offset(unsigned long long seed, unsigned long long offset, unsigned int *value, const sycl::nd_item<1> &item) {
  int id = item.get_global_id(0);
  cu2sycl::xorwow_state s;
  // CU2SYCL-W060: cuRAND's XORWOW sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(seed, id, offset, &s);
  value[id] = cu2sycl::rand(&s);
}

void positions(unsigned int *out, const sycl::nd_item<1> &item) {
  // Random123's known answers for Philox4x32-10: key 0 and counter 0, and all bits set in both.
  cu2sycl::philox4x32_10_state p;
  // CU2SYCL-W060: Philox4x32-10 from the published algorithm, not verified bit for bit against cuRAND's (normals use cu2sycl's Box-Muller): results that depend on the exact random numbers may differ
  cu2sycl::rand_init(0, 0, 0, &p);
  for (int k = 0; k < 4; ++k) out[k] = cu2sycl::rand(&p);
  cu2sycl::philox4x32_10_state q;
  // CU2SYCL-W060: Philox4x32-10 from the published algorithm, not verified bit for bit against cuRAND's (normals use cu2sycl's Box-Muller): results that depend on the exact random numbers may differ
  cu2sycl::rand_init(~0ull, ~0ull, 0, &q);
  for (int k = 0; k < 4; ++k) cu2sycl::skipahead(0xfffffffffffffffcull, &q);
  cu2sycl::skipahead(12, &q);
  sycl::uint4 all = cu2sycl::rand4(&q);
  out[4] = all.x();
  out[5] = all.y();
  out[6] = all.z();
  out[7] = all.w();
  // skipahead(n) lands where offset n starts; skipahead_sequence(n) where subsequence n starts.
  cu2sycl::xorwow_state a, b;
  // CU2SYCL-W060: cuRAND's XORWOW sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(7, 3, 0, &a);
  cu2sycl::skipahead(1001, &a);
  // CU2SYCL-W060: cuRAND's XORWOW sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(7, 3, 1001, &b);
  out[8] = cu2sycl::rand(&a);
  out[9] = cu2sycl::rand(&b);
  cu2sycl::mrg32k3a_state c, d;
  // CU2SYCL-W060: cuRAND's MRG32k3a sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(7, 0, 0, &c);
  cu2sycl::skipahead_sequence(5, &c);
  // CU2SYCL-W060: cuRAND's MRG32k3a sequence is not reproduced (Philox4x32-10 instead): same distributions, different numbers; results that depend on the exact random numbers will differ
  cu2sycl::rand_init(7, 5, 0, &d);
  out[10] = cu2sycl::rand(&c);
  out[11] = cu2sycl::rand(&d);
}

static int failures = 0;
static void check(bool ok, const char *what, double value) {
  if (!ok) {
    printf("FAIL %s (%g)\n", what, value);
    ++failures;
  }
}

int main() {
  cu2sycl::xorwow_state *states;
  unsigned int *inside, *last, *fresh, *known;
  double *stats, *mrg, *mixed;
  sycl::float4 *uniform4;
  sycl::float2 *normal2;
  states = sycl::malloc_device<cu2sycl::xorwow_state>(N, cu2sycl::default_queue());
  inside = sycl::malloc_device<unsigned int>(N, cu2sycl::default_queue());
  last = sycl::malloc_device<unsigned int>(N, cu2sycl::default_queue());
  fresh = sycl::malloc_device<unsigned int>(N, cu2sycl::default_queue());
  known = sycl::malloc_device<unsigned int>(12, cu2sycl::default_queue());
  stats = sycl::malloc_device<double>(N * STATS, cu2sycl::default_queue());
  mrg = sycl::malloc_device<double>(N, cu2sycl::default_queue());
  mixed = sycl::malloc_device<double>(N, cu2sycl::default_queue());
  uniform4 = sycl::malloc_device<sycl::float4>(N, cu2sycl::default_queue());
  normal2 = sycl::malloc_device<sycl::float2>(N, cu2sycl::default_queue());

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    setup(states, 1234, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    sample(states, DRAWS, inside, stats, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    others(99, uniform4, normal2, mrg, mixed, item);
  });
  std::vector<unsigned int> hInside(N);
  std::vector<double> hStats(N * STATS), hMrg(N), hMixed(N);
  std::vector<sycl::float4> hUniform4(N);
  std::vector<sycl::float2> hNormal2(N);
  cu2sycl::default_queue().memcpy(hInside.data(), inside, N * sizeof(unsigned int)).wait();
  cu2sycl::default_queue().memcpy(hStats.data(), stats, N * STATS * sizeof(double)).wait();
  cu2sycl::default_queue().memcpy(hMrg.data(), mrg, N * sizeof(double)).wait();
  cu2sycl::default_queue().memcpy(hMixed.data(), mixed, N * sizeof(double)).wait();
  cu2sycl::default_queue().memcpy(hUniform4.data(), uniform4, N * sizeof(sycl::float4)).wait();
  cu2sycl::default_queue().memcpy(hNormal2.data(), normal2, N * sizeof(sycl::float2)).wait();

  // Tolerances are about six standard deviations of each estimate.
  double samples = double(N) * DRAWS, hits = 0, sum = 0, squares = 0, sumDouble = 0, squaresDouble = 0, logNormal = 0;
  double lowest = 1, highest = 0, tail = 0;
  for (int i = 0; i < N; ++i) {
    const double *s = &hStats[i * STATS];
    hits += hInside[i];
    sum += s[0];
    squares += s[1];
    sumDouble += s[2];
    squaresDouble += s[3];
    lowest = std::fmin(lowest, s[4]);
    highest = std::fmax(highest, s[5]);
    logNormal += s[6];
    tail += s[7];
  }
  double pi = 4.0 * hits / samples;
  check(std::fabs(pi - 3.14159265) < 0.02, "pi from uniform pairs", pi);
  check(lowest > 0.0 && highest <= 1.0 && highest > 0.99, "uniforms in (0, 1]", lowest);
  check(std::fabs(sum / samples) < 0.012, "normal mean", sum / samples);
  check(std::fabs(squares / samples - 1.0) < 0.017, "normal variance", squares / samples);
  check(std::fabs(sumDouble / samples) < 0.012, "normal_double mean", sumDouble / samples);
  check(std::fabs(squaresDouble / samples - 1.0) < 0.017, "normal_double variance", squaresDouble / samples);
  check(std::fabs(logNormal / samples - std::exp(0.125)) < 0.01, "log-normal mean", logNormal / samples);
  check(std::fabs(tail / N - 0.5) < 0.08, "uniform_double mean", tail / N);

  double u4 = 0, n2 = 0, n2squares = 0, m = 0, mix = 0;
  bool inRange = true;
  for (int i = 0; i < N; ++i) {
    sycl::float4 u = hUniform4[i];
    for (float v : {u.x(), u.y(), u.z(), u.w()}) inRange = inRange && v > 0.0f && v <= 1.0f;
    u4 += u.x() + u.y() + u.z() + u.w();
    n2 += hNormal2[i].x() + hNormal2[i].y();
    n2squares += hNormal2[i].x() * hNormal2[i].x() + hNormal2[i].y() * hNormal2[i].y();
    m += hMrg[i];
    mix += hMixed[i];
    inRange = inRange && hMrg[i] > 0.0 && hMrg[i] <= 1.0;
  }
  check(inRange, "Philox uniform4 and MRG32k3a doubles in (0, 1]", 0);
  check(std::fabs(u4 / (4.0 * N) - 0.5) < 0.04, "Philox uniform4 mean", u4 / (4.0 * N));
  check(std::fabs(n2 / (2.0 * N)) < 0.2, "Philox normal2 mean", n2 / (2.0 * N));
  check(std::fabs(n2squares / (2.0 * N) - 1.0) < 0.3, "Philox normal2 variance", n2squares / (2.0 * N));
  check(std::fabs(m / N - 0.5) < 0.08, "MRG32k3a uniform_double mean", m / N);
  // 0 + 2 exp(1/8) (two log-normals) + 1/2 + 0 + exp(1/8); standard deviation of the mean about 0.08.
  check(std::fabs(mix / N - (3.0 * std::exp(0.125) + 0.5)) < 0.45, "normal4, log-normal2/4 and double pairs mean", mix / N);

  // A state stored back continues its stream: 3 values, then the 4th, equals a fresh state at offset 3.
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    setup(states, 42, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    take(states, 3, last, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    take(states, 1, last, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(BLOCKS * THREADS), sycl::range<1>(THREADS)), [=](sycl::nd_item<1> item) {
    at_offset(42, 3, fresh, item);
  });
  std::vector<unsigned int> hLast(N), hFresh(N);
  cu2sycl::default_queue().memcpy(hLast.data(), last, N * sizeof(unsigned int)).wait();
  cu2sycl::default_queue().memcpy(hFresh.data(), fresh, N * sizeof(unsigned int)).wait();
  int same = 0, neighbours = 0;
  for (int i = 0; i < N; ++i) {
    same += hLast[i] == hFresh[i];
    if (i > 0) neighbours += hFresh[i] == hFresh[i - 1];
  }
  check(same == N, "stored states continue their streams", same);
  check(neighbours == 0, "threads draw from different subsequences", neighbours);

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(1), sycl::range<1>(1)), [=](sycl::nd_item<1> item) {
    positions(known, item);
  });
  unsigned int k[12];
  cu2sycl::default_queue().memcpy(k, known, sizeof(k)).wait();
  const unsigned int zero[4] = {0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u};
  const unsigned int ones[4] = {0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu};
  for (int i = 0; i < 4; ++i) {
    check(k[i] == zero[i], "Philox4x32-10 known answer, zero key and counter", k[i]);
    check(k[4 + i] == ones[i], "Philox4x32-10 known answer, all bits set (skipahead to the last counter)", k[4 + i]);
  }
  check(k[8] == k[9], "skipahead equals the offset", k[8]);
  check(k[10] == k[11], "skipahead_sequence equals the subsequence", k[10]);

  sycl::free(states, cu2sycl::default_queue());
  sycl::free(inside, cu2sycl::default_queue());
  sycl::free(last, cu2sycl::default_queue());
  sycl::free(fresh, cu2sycl::default_queue());
  sycl::free(known, cu2sycl::default_queue());
  sycl::free(stats, cu2sycl::default_queue());
  sycl::free(mrg, cu2sycl::default_queue());
  sycl::free(mixed, cu2sycl::default_queue());
  sycl::free(uniform4, cu2sycl::default_queue());
  sycl::free(normal2, cu2sycl::default_queue());
  if (failures == 0) printf("PASS curand_device: pi %.4f, normal mean %.4f variance %.4f\n", pi, sum / samples, squares / samples);
  return failures == 0 ? 0 : 1;
}
