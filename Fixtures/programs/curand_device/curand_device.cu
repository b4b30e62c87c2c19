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
#include <cuda_runtime.h>
#include <curand_kernel.h>

const int THREADS = 128, BLOCKS = 4, N = THREADS * BLOCKS, DRAWS = 512, STATS = 8;

__global__ void setup(curandState *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(seed, id, 0, &states[id]);
}

// Per thread: points inside the quarter circle, sums of normals and their squares, the smallest and
// largest uniform, the sum of log-normals.
__global__ void sample(curandState *states, int draws, unsigned int *inside, double *stats) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState local = states[id];
  unsigned int hits = 0;
  double sum = 0, squares = 0, sumDouble = 0, squaresDouble = 0, lowest = 1, highest = 0, logNormal = 0;
  for (int k = 0; k < draws; ++k) {
    float x = curand_uniform(&local), y = curand_uniform(&local);
    if (x * x + y * y <= 1.0f) ++hits;
    if (x < lowest) lowest = x;
    if (x > highest) highest = x;
    float g = curand_normal(&local);
    sum += g;
    squares += g * g;
    double h = curand_normal_double(&local);
    sumDouble += h;
    squaresDouble += h * h;
    logNormal += curand_log_normal(&local, 0.0f, 0.5f);
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
  s[7] = curand_uniform_double(&local);
}

// Philox four at a time, and MRG32k3a doubles; `mixed` sums one value of each remaining call.
__global__ void others(unsigned long long seed, float4 *uniform4, float2 *normal2, double *mrg, double *mixed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandStatePhilox4_32_10_t p;
  curand_init(seed, id, 0, &p);
  uniform4[id] = curand_uniform4(&p);
  normal2[id] = curand_normal2(&p);
  curandStateMRG32k3a m;
  curand_init(seed, id, 0, &m);
  mrg[id] = curand_uniform_double(&m);
  mixed[id] = curand_normal4(&p).w + curand_log_normal4(&p, 0.0f, 0.5f).x + curand_log_normal2(&p, 0.0f, 0.5f).y +
              curand_uniform2_double(&p).y + curand_normal2_double(&m).x + curand_log_normal2_double(&m, 0.0, 0.5).x;
}

// Draws `count` values from each thread's stored state and keeps the last; the state goes back.
__global__ void take(curandState *states, int count, unsigned int *last) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState local = states[id];
  unsigned int v = 0;
  for (int k = 0; k < count; ++k) v = curand(&local);
  states[id] = local;
  last[id] = v;
}

// The value at `offset` of each thread's stream, from a fresh state.
__global__ void at_offset(unsigned long long seed, unsigned long long offset, unsigned int *value) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState s;
  curand_init(seed, id, offset, &s);
  value[id] = curand(&s);
}

__global__ void positions(unsigned int *out) {
  // Random123's known answers for Philox4x32-10: key 0 and counter 0, and all bits set in both.
  curandStatePhilox4_32_10_t p;
  curand_init(0, 0, 0, &p);
  for (int k = 0; k < 4; ++k) out[k] = curand(&p);
  curandStatePhilox4_32_10_t q;
  curand_init(~0ull, ~0ull, 0, &q);
  for (int k = 0; k < 4; ++k) skipahead(0xfffffffffffffffcull, &q);
  skipahead(12, &q);
  uint4 all = curand4(&q);
  out[4] = all.x;
  out[5] = all.y;
  out[6] = all.z;
  out[7] = all.w;
  // skipahead(n) lands where offset n starts; skipahead_sequence(n) where subsequence n starts.
  curandState a, b;
  curand_init(7, 3, 0, &a);
  skipahead(1001, &a);
  curand_init(7, 3, 1001, &b);
  out[8] = curand(&a);
  out[9] = curand(&b);
  curandStateMRG32k3a c, d;
  curand_init(7, 0, 0, &c);
  skipahead_sequence(5, &c);
  curand_init(7, 5, 0, &d);
  out[10] = curand(&c);
  out[11] = curand(&d);
}

static int failures = 0;
static void check(bool ok, const char *what, double value) {
  if (!ok) {
    printf("FAIL %s (%g)\n", what, value);
    ++failures;
  }
}

int main() {
  curandState *states;
  unsigned int *inside, *last, *fresh, *known;
  double *stats, *mrg, *mixed;
  float4 *uniform4;
  float2 *normal2;
  cudaMalloc(&states, N * sizeof(curandState));
  cudaMalloc(&inside, N * sizeof(unsigned int));
  cudaMalloc(&last, N * sizeof(unsigned int));
  cudaMalloc(&fresh, N * sizeof(unsigned int));
  cudaMalloc(&known, 12 * sizeof(unsigned int));
  cudaMalloc(&stats, N * STATS * sizeof(double));
  cudaMalloc(&mrg, N * sizeof(double));
  cudaMalloc(&mixed, N * sizeof(double));
  cudaMalloc(&uniform4, N * sizeof(float4));
  cudaMalloc(&normal2, N * sizeof(float2));

  setup<<<BLOCKS, THREADS>>>(states, 1234);
  sample<<<BLOCKS, THREADS>>>(states, DRAWS, inside, stats);
  others<<<BLOCKS, THREADS>>>(99, uniform4, normal2, mrg, mixed);
  std::vector<unsigned int> hInside(N);
  std::vector<double> hStats(N * STATS), hMrg(N), hMixed(N);
  std::vector<float4> hUniform4(N);
  std::vector<float2> hNormal2(N);
  cudaMemcpy(hInside.data(), inside, N * sizeof(unsigned int), cudaMemcpyDeviceToHost);
  cudaMemcpy(hStats.data(), stats, N * STATS * sizeof(double), cudaMemcpyDeviceToHost);
  cudaMemcpy(hMrg.data(), mrg, N * sizeof(double), cudaMemcpyDeviceToHost);
  cudaMemcpy(hMixed.data(), mixed, N * sizeof(double), cudaMemcpyDeviceToHost);
  cudaMemcpy(hUniform4.data(), uniform4, N * sizeof(float4), cudaMemcpyDeviceToHost);
  cudaMemcpy(hNormal2.data(), normal2, N * sizeof(float2), cudaMemcpyDeviceToHost);

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
    float4 u = hUniform4[i];
    for (float v : {u.x, u.y, u.z, u.w}) inRange = inRange && v > 0.0f && v <= 1.0f;
    u4 += u.x + u.y + u.z + u.w;
    n2 += hNormal2[i].x + hNormal2[i].y;
    n2squares += hNormal2[i].x * hNormal2[i].x + hNormal2[i].y * hNormal2[i].y;
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
  setup<<<BLOCKS, THREADS>>>(states, 42);
  take<<<BLOCKS, THREADS>>>(states, 3, last);
  take<<<BLOCKS, THREADS>>>(states, 1, last);
  at_offset<<<BLOCKS, THREADS>>>(42, 3, fresh);
  std::vector<unsigned int> hLast(N), hFresh(N);
  cudaMemcpy(hLast.data(), last, N * sizeof(unsigned int), cudaMemcpyDeviceToHost);
  cudaMemcpy(hFresh.data(), fresh, N * sizeof(unsigned int), cudaMemcpyDeviceToHost);
  int same = 0, neighbours = 0;
  for (int i = 0; i < N; ++i) {
    same += hLast[i] == hFresh[i];
    if (i > 0) neighbours += hFresh[i] == hFresh[i - 1];
  }
  check(same == N, "stored states continue their streams", same);
  check(neighbours == 0, "threads draw from different subsequences", neighbours);

  positions<<<1, 1>>>(known);
  unsigned int k[12];
  cudaMemcpy(k, known, sizeof(k), cudaMemcpyDeviceToHost);
  const unsigned int zero[4] = {0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u};
  const unsigned int ones[4] = {0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu};
  for (int i = 0; i < 4; ++i) {
    check(k[i] == zero[i], "Philox4x32-10 known answer, zero key and counter", k[i]);
    check(k[4 + i] == ones[i], "Philox4x32-10 known answer, all bits set (skipahead to the last counter)", k[4 + i]);
  }
  check(k[8] == k[9], "skipahead equals the offset", k[8]);
  check(k[10] == k[11], "skipahead_sequence equals the subsequence", k[10]);

  cudaFree(states);
  cudaFree(inside);
  cudaFree(last);
  cudaFree(fresh);
  cudaFree(known);
  cudaFree(stats);
  cudaFree(mrg);
  cudaFree(mixed);
  cudaFree(uniform4);
  cudaFree(normal2);
  if (failures == 0) printf("PASS curand_device: pi %.4f, normal mean %.4f variance %.4f\n", pi, sum / samples, squares / samples);
  return failures == 0 ? 0 : 1;
}
