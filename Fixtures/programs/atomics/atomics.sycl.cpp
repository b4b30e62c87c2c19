// atomics: every kind of CUDA atomic (int, unsigned, unsigned long long, float, double; device,
// block and system scope; global and shared memory), the compare-and-swap loop that emulates
// atomicAdd on doubles, atomicInc/atomicDec wrap-around, and the "last block" reduction that relies
// on __threadfence(). Every result is checked against a sequential host computation.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define N 1000
#define BLOCK 128

// The classic atomicAdd for double (before sm_60): a compare-and-swap loop on the bits.
double casAddDouble(double *address, double val) {
  unsigned long long int *bits = (unsigned long long int *)address;
  unsigned long long int old = *bits, assumed;
  do {
    assumed = old;
    old = cu2sycl::atomic_compare_exchange(sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(*bits), assumed, sycl::bit_cast<long long>(val + sycl::bit_cast<double>(static_cast<long long>(assumed))));
  } while (assumed != old);
  return sycl::bit_cast<double>(static_cast<long long>(old));
}

// A float atomicMax through atomicCAS on the int bits (CUDA has no float atomicMax).
float casMaxFloat(float *address, float val) {
  int *bits = (int *)address;
  int old = *bits, assumed;
  do {
    assumed = old;
    if (sycl::bit_cast<float>(assumed) >= val) break;
    old = cu2sycl::atomic_compare_exchange(sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*bits), assumed, sycl::bit_cast<int>(val));
  } while (assumed != old);
  return sycl::bit_cast<float>(old);
}

void atomicsKernel(const int *v, int n, int *ints, unsigned int *uints, unsigned long long int *ulls,
                              float *floats, double *doubles, const sycl::nd_item<1> &item, int &blockSum, unsigned int &blockMax, unsigned int &blockCount, int &blockDown, unsigned int &blockXor, float &blockQuarter) {
  if (item.get_local_id(0) == 0) {
    blockSum = 0;
    blockMax = 0;
    blockCount = 0;
    blockDown = 0;
    blockXor = 0;
    blockQuarter = 0.0f;
  }
  sycl::group_barrier(item.get_group());
  int i = item.get_global_id(0);
  if (i < n) {
    int x = v[i];
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[0]).fetch_add(x);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[1]).fetch_sub(x);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[2]).fetch_min(x);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[3]).fetch_max(x);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[4]).fetch_and(~(1 << (i % 31)));
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[5]).fetch_or(1 << (i % 29));
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[6]).fetch_xor(x);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[7]).exchange(7);
    if (cu2sycl::atomic_compare_exchange(sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[8]), 0, 1) == 0) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[9]).fetch_add(1);  // exactly one thread wins
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::system>(ints[10]).fetch_add(2);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(blockDown).fetch_sub(1);

    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[0]).fetch_add(1u);
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[1]).fetch_min((unsigned int)(x + 1000));
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[2]).fetch_max((unsigned int)(x + 1000));
    cu2sycl::atomic_inc(sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[3]), 9u);  // counts 0..9 and wraps to 0
    cu2sycl::atomic_dec(sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[4]), 9u);  // counts down from 9 and wraps from 0 to 9
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::system>(uints[5]).fetch_or(1u << (i % 32));
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(blockXor).fetch_xor((unsigned int)i);

    sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(ulls[0]).fetch_add((unsigned long long int)(x + 1000) << 20);
    sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(ulls[1]).fetch_max((unsigned long long int)(x + 1000) << 33);
    sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(ulls[2]).fetch_min((unsigned long long int)(x + 1000) << 33);
    sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(ulls[3]).exchange(42ull);
    cu2sycl::atomic_compare_exchange(sycl::atomic_ref<unsigned long long, sycl::memory_order::relaxed, sycl::memory_scope::device>(ulls[4]), 0ull, (unsigned long long int)i + 1);  // some thread wins

    sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(floats[0]).fetch_add(0.5f);
    sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(floats[1]).exchange(2.5f);
    casMaxFloat(&floats[2], x * 0.5f);
    sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(blockQuarter).fetch_add(0.25f);

    sycl::atomic_ref<double, sycl::memory_order::relaxed, sycl::memory_scope::device>(doubles[0]).fetch_add((double)x);
    casAddDouble(&doubles[1], 0.25);
    sycl::atomic_ref<double, sycl::memory_order::relaxed, sycl::memory_scope::system>(doubles[2]).fetch_add(x * 0.125);

    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(blockSum).fetch_add(x);
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(blockMax).fetch_max((unsigned int)(x + 1000));
    cu2sycl::atomic_inc(sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(blockCount), 1000000u);
  }
  sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::work_group);
  sycl::group_barrier(item.get_group());
  if (item.get_local_id(0) == 0) {
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[12]).fetch_add(blockSum);
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[7]).fetch_max(blockMax);
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[8]).fetch_add(blockCount);
    sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(ints[11]).fetch_add(blockDown);
    sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(uints[6]).fetch_xor(blockXor);
    sycl::atomic_ref<float, sycl::memory_order::relaxed, sycl::memory_scope::device>(floats[3]).fetch_add(blockQuarter);
  }
}

// The "last block" reduction: every block publishes a partial sum, makes it visible with
// __threadfence() and takes a ticket with atomicInc; the block that draws the last ticket adds the
// partial sums (and the ticket counter wraps back to 0 for the next launch).
void lastBlockSum(const int *v, int n, int *partial, unsigned int *ticket, int *total, const sycl::nd_item<1> &item, int &sum, bool &isLast) {
  if (item.get_local_id(0) == 0) sum = 0;
  sycl::group_barrier(item.get_group());
  int i = item.get_global_id(0);
  if (i < n) sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::work_group, sycl::access::address_space::local_space>(sum).fetch_add(v[i]);
  sycl::group_barrier(item.get_group());
  if (item.get_local_id(0) == 0) {
    partial[item.get_group(0)] = sum;
    sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::device);
    unsigned int value = cu2sycl::atomic_inc(sycl::atomic_ref<unsigned int, sycl::memory_order::relaxed, sycl::memory_scope::device>(*ticket), item.get_group_range(0) - 1);
    isLast = (value == item.get_group_range(0) - 1);
  }
  sycl::group_barrier(item.get_group());
  if (isLast && item.get_local_id(0) == 0) {
    sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::device);
    int s = 0;
    for (int b = 0; b < (int)item.get_group_range(0); ++b) s += sycl::atomic_ref<int, sycl::memory_order::relaxed, sycl::memory_scope::device>(partial[b]).fetch_add(0);
    *total = s;
    sycl::atomic_fence(sycl::memory_order::seq_cst, sycl::memory_scope::system);
  }
}

static int failures = 0;
static void expectInt(const char *what, long long got, long long want) {
  if (got != want) {
    printf("FAIL atomics: %s = %lld, expected %lld\n", what, got, want);
    ++failures;
  }
}
static void expectReal(const char *what, double got, double want) {
  if (got != want) {
    printf("FAIL atomics: %s = %.17g, expected %.17g\n", what, got, want);
    ++failures;
  }
}

int main() {
  std::vector<int> h(N);
  unsigned int state = 2024u;
  for (int i = 0; i < N; ++i) {
    state = state * 1664525u + 1013904223u;
    h[i] = (int)(state >> 22) - 512;  // -512..511
  }

  // Host reference, sequentially.
  long long sum = 0;
  int mn = 1 << 30, mx = -(1 << 30), andBits = -1, orBits = 0, xorBits = 0;
  unsigned int inc = 0, dec = 0, orU = 0, xorU = 0;
  unsigned long long ullSum = 0, ullMax = 0, ullMin = ~0ull;
  float fmax = -1e30f;
  for (int i = 0; i < N; ++i) {
    int x = h[i];
    sum += x;
    mn = x < mn ? x : mn;
    mx = x > mx ? x : mx;
    andBits &= ~(1 << (i % 31));
    orBits |= 1 << (i % 29);
    xorBits ^= x;
    inc = inc >= 9u ? 0 : inc + 1;
    dec = (dec == 0 || dec > 9u) ? 9u : dec - 1;
    orU |= 1u << (i % 32);
    xorU ^= (unsigned int)i;
    ullSum += (unsigned long long)(x + 1000) << 20;
    unsigned long long shifted = (unsigned long long)(x + 1000) << 33;
    ullMax = shifted > ullMax ? shifted : ullMax;
    ullMin = shifted < ullMin ? shifted : ullMin;
    fmax = x * 0.5f > fmax ? x * 0.5f : fmax;
  }

  int hostInts[13] = {0, 0, 1 << 30, -(1 << 30), -1, 0, 0, 0, 0, 0, 0, 0, 0};
  unsigned int hostUints[9] = {0, ~0u, 0, 0, 0, 0, 0, 0, 0};
  unsigned long long hostUlls[5] = {0, 0, ~0ull, 0, 0};
  float hostFloats[4] = {0.0f, 0.0f, -1e30f, 0.0f};
  double hostDoubles[3] = {0.0, 0.0, 0.0};

  int *d_v, *d_ints;
  unsigned int *d_uints;
  unsigned long long int *d_ulls;
  float *d_floats;
  double *d_doubles;
  d_v = sycl::malloc_device<int>(N, cu2sycl::default_queue());
  d_ints = sycl::malloc_device<int>(13, cu2sycl::default_queue());
  d_uints = sycl::malloc_device<unsigned int>(9, cu2sycl::default_queue());
  d_ulls = static_cast<unsigned long long *>(sycl::malloc_device(5 * sizeof(unsigned long long int), cu2sycl::default_queue()));
  d_floats = sycl::malloc_device<float>(4, cu2sycl::default_queue());
  d_doubles = sycl::malloc_device<double>(3, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_v, h.data(), N * sizeof(int)).wait();
  cu2sycl::default_queue().memcpy(d_ints, hostInts, sizeof(hostInts)).wait();
  cu2sycl::default_queue().memcpy(d_uints, hostUints, sizeof(hostUints)).wait();
  cu2sycl::default_queue().memcpy(d_ulls, hostUlls, sizeof(hostUlls)).wait();
  cu2sycl::default_queue().memcpy(d_floats, hostFloats, sizeof(hostFloats)).wait();
  cu2sycl::default_queue().memcpy(d_doubles, hostDoubles, sizeof(hostDoubles)).wait();

  int blocks = (N + BLOCK - 1) / BLOCK;
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<int, 0> blockSum(cgh);
    sycl::local_accessor<unsigned int, 0> blockMax(cgh);
    sycl::local_accessor<unsigned int, 0> blockCount(cgh);
    sycl::local_accessor<int, 0> blockDown(cgh);
    sycl::local_accessor<unsigned int, 0> blockXor(cgh);
    sycl::local_accessor<float, 0> blockQuarter(cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
      atomicsKernel(d_v, N, d_ints, d_uints, d_ulls, d_floats, d_doubles, item, blockSum, blockMax, blockCount, blockDown, blockXor, blockQuarter);
    });
  });
  cu2sycl::default_queue().wait_and_throw();

  cu2sycl::default_queue().memcpy(hostInts, d_ints, sizeof(hostInts)).wait();
  cu2sycl::default_queue().memcpy(hostUints, d_uints, sizeof(hostUints)).wait();
  cu2sycl::default_queue().memcpy(hostUlls, d_ulls, sizeof(hostUlls)).wait();
  cu2sycl::default_queue().memcpy(hostFloats, d_floats, sizeof(hostFloats)).wait();
  cu2sycl::default_queue().memcpy(hostDoubles, d_doubles, sizeof(hostDoubles)).wait();

  expectInt("atomicAdd int", hostInts[0], sum);
  expectInt("atomicSub int", hostInts[1], -sum);
  expectInt("atomicMin int", hostInts[2], mn);
  expectInt("atomicMax int", hostInts[3], mx);
  expectInt("atomicAnd int", hostInts[4], andBits);
  expectInt("atomicOr int", hostInts[5], orBits);
  expectInt("atomicXor int", hostInts[6], xorBits);
  expectInt("atomicExch int", hostInts[7], 7);
  expectInt("atomicCAS flag", hostInts[8], 1);
  expectInt("atomicCAS winners", hostInts[9], 1);
  expectInt("atomicAdd_system int", hostInts[10], 2 * N);
  expectInt("atomicSub_block int", hostInts[11], -N);
  expectInt("shared atomicAdd_block", hostInts[12], sum);
  expectInt("atomicAdd unsigned", hostUints[0], N);
  expectInt("atomicMin unsigned", hostUints[1], (unsigned int)(mn + 1000));
  expectInt("atomicMax unsigned", hostUints[2], (unsigned int)(mx + 1000));
  expectInt("atomicInc wrap", hostUints[3], inc);
  expectInt("atomicDec wrap", hostUints[4], dec);
  expectInt("atomicOr_system unsigned", hostUints[5], orU);
  expectInt("atomicXor_block unsigned", hostUints[6], xorU);
  expectInt("shared atomicMax_block", hostUints[7], (unsigned int)(mx + 1000));
  expectInt("shared atomicInc_block", hostUints[8], N);
  expectInt("atomicAdd unsigned long long", (long long)(hostUlls[0] >> 20), (long long)(ullSum >> 20));
  expectInt("atomicMax unsigned long long", (long long)(hostUlls[1] >> 33), (long long)(ullMax >> 33));
  expectInt("atomicMin unsigned long long", (long long)(hostUlls[2] >> 33), (long long)(ullMin >> 33));
  expectInt("atomicExch unsigned long long", (long long)hostUlls[3], 42);
  if (hostUlls[4] < 1 || hostUlls[4] > N) {
    printf("FAIL atomics: atomicCAS unsigned long long = %llu\n", hostUlls[4]);
    ++failures;
  }
  expectReal("atomicAdd float", hostFloats[0], N * 0.5);
  expectReal("atomicExch float", hostFloats[1], 2.5);
  expectReal("CAS max float", hostFloats[2], fmax);
  expectReal("atomicAdd_block float", hostFloats[3], N * 0.25);
  expectReal("atomicAdd double", hostDoubles[0], (double)sum);
  expectReal("CAS add double", hostDoubles[1], N * 0.25);
  expectReal("atomicAdd_system double", hostDoubles[2], sum * 0.125);

  // The last-block reduction, launched twice: the ticket wraps back to 0 after each launch.
  int *d_partial, *d_total;
  unsigned int *d_ticket;
  d_partial = sycl::malloc_device<int>(blocks, cu2sycl::default_queue());
  d_total = static_cast<int *>(sycl::malloc_device(sizeof(int), cu2sycl::default_queue()));
  d_ticket = static_cast<unsigned int *>(sycl::malloc_device(sizeof(unsigned int), cu2sycl::default_queue()));
  cu2sycl::default_queue().memset(d_ticket, 0, sizeof(unsigned int)).wait();
  for (int launch = 0; launch < 2; ++launch) {
    cu2sycl::default_queue().memset(d_total, 0, sizeof(int)).wait();
    cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
      sycl::local_accessor<int, 0> sum(cgh);
      sycl::local_accessor<bool, 0> isLast(cgh);
      cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(blocks * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
        lastBlockSum(d_v, N, d_partial, d_ticket, d_total, item, sum, isLast);
      });
    });
    cu2sycl::default_queue().wait_and_throw();
    int total = 0;
    unsigned int ticket = 1;
    cu2sycl::default_queue().memcpy(&total, d_total, sizeof(int)).wait();
    cu2sycl::default_queue().memcpy(&ticket, d_ticket, sizeof(unsigned int)).wait();
    expectInt("last-block sum", total, sum);
    expectInt("ticket after the launch", ticket, 0);
  }

  sycl::free(d_v, cu2sycl::default_queue());
  sycl::free(d_ints, cu2sycl::default_queue());
  sycl::free(d_uints, cu2sycl::default_queue());
  sycl::free(d_ulls, cu2sycl::default_queue());
  sycl::free(d_floats, cu2sycl::default_queue());
  sycl::free(d_doubles, cu2sycl::default_queue());
  sycl::free(d_partial, cu2sycl::default_queue());
  sycl::free(d_total, cu2sycl::default_queue());
  sycl::free(d_ticket, cu2sycl::default_queue());
  if (failures) return 1;
  printf("PASS\n");
  return 0;
}
