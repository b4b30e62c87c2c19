// atomics: every kind of CUDA atomic (int, unsigned, unsigned long long, float, double; device,
// block and system scope; global and shared memory), the compare-and-swap loop that emulates
// atomicAdd on doubles, atomicInc/atomicDec wrap-around, and the "last block" reduction that relies
// on __threadfence(). Every result is checked against a sequential host computation.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define N 1000
#define BLOCK 128

// The classic atomicAdd for double (before sm_60): a compare-and-swap loop on the bits.
__device__ double casAddDouble(double *address, double val) {
  unsigned long long int *bits = (unsigned long long int *)address;
  unsigned long long int old = *bits, assumed;
  do {
    assumed = old;
    old = atomicCAS(bits, assumed, __double_as_longlong(val + __longlong_as_double(assumed)));
  } while (assumed != old);
  return __longlong_as_double(old);
}

// A float atomicMax through atomicCAS on the int bits (CUDA has no float atomicMax).
__device__ float casMaxFloat(float *address, float val) {
  int *bits = (int *)address;
  int old = *bits, assumed;
  do {
    assumed = old;
    if (__int_as_float(assumed) >= val) break;
    old = atomicCAS(bits, assumed, __float_as_int(val));
  } while (assumed != old);
  return __int_as_float(old);
}

__global__ void atomicsKernel(const int *v, int n, int *ints, unsigned int *uints, unsigned long long int *ulls,
                              float *floats, double *doubles) {
  __shared__ int blockSum;
  __shared__ unsigned int blockMax;
  __shared__ unsigned int blockCount;
  __shared__ int blockDown;
  __shared__ unsigned int blockXor;
  __shared__ float blockQuarter;
  if (threadIdx.x == 0) {
    blockSum = 0;
    blockMax = 0;
    blockCount = 0;
    blockDown = 0;
    blockXor = 0;
    blockQuarter = 0.0f;
  }
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    int x = v[i];
    atomicAdd(&ints[0], x);
    atomicSub(&ints[1], x);
    atomicMin(&ints[2], x);
    atomicMax(&ints[3], x);
    atomicAnd(&ints[4], ~(1 << (i % 31)));
    atomicOr(&ints[5], 1 << (i % 29));
    atomicXor(&ints[6], x);
    atomicExch(&ints[7], 7);
    if (atomicCAS(&ints[8], 0, 1) == 0) atomicAdd(&ints[9], 1);  // exactly one thread wins
    atomicAdd_system(&ints[10], 2);
    atomicSub_block(&blockDown, 1);

    atomicAdd(&uints[0], 1u);
    atomicMin(&uints[1], (unsigned int)(x + 1000));
    atomicMax(&uints[2], (unsigned int)(x + 1000));
    atomicInc(&uints[3], 9u);  // counts 0..9 and wraps to 0
    atomicDec(&uints[4], 9u);  // counts down from 9 and wraps from 0 to 9
    atomicOr_system(&uints[5], 1u << (i % 32));
    atomicXor_block(&blockXor, (unsigned int)i);

    atomicAdd(&ulls[0], (unsigned long long int)(x + 1000) << 20);
    atomicMax(&ulls[1], (unsigned long long int)(x + 1000) << 33);
    atomicMin(&ulls[2], (unsigned long long int)(x + 1000) << 33);
    atomicExch(&ulls[3], 42ull);
    atomicCAS(&ulls[4], 0ull, (unsigned long long int)i + 1);  // some thread wins

    atomicAdd(&floats[0], 0.5f);
    atomicExch(&floats[1], 2.5f);
    casMaxFloat(&floats[2], x * 0.5f);
    atomicAdd_block(&blockQuarter, 0.25f);

    atomicAdd(&doubles[0], (double)x);
    casAddDouble(&doubles[1], 0.25);
    atomicAdd_system(&doubles[2], x * 0.125);

    atomicAdd_block(&blockSum, x);
    atomicMax_block(&blockMax, (unsigned int)(x + 1000));
    atomicInc_block(&blockCount, 1000000u);
  }
  __threadfence_block();
  __syncthreads();
  if (threadIdx.x == 0) {
    atomicAdd(&ints[12], blockSum);
    atomicMax(&uints[7], blockMax);
    atomicAdd(&uints[8], blockCount);
    atomicAdd(&ints[11], blockDown);
    atomicXor(&uints[6], blockXor);
    atomicAdd(&floats[3], blockQuarter);
  }
}

// The "last block" reduction: every block publishes a partial sum, makes it visible with
// __threadfence() and takes a ticket with atomicInc; the block that draws the last ticket adds the
// partial sums (and the ticket counter wraps back to 0 for the next launch).
__global__ void lastBlockSum(const int *v, int n, int *partial, unsigned int *ticket, int *total) {
  __shared__ int sum;
  __shared__ bool isLast;
  if (threadIdx.x == 0) sum = 0;
  __syncthreads();
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) atomicAdd(&sum, v[i]);
  __syncthreads();
  if (threadIdx.x == 0) {
    partial[blockIdx.x] = sum;
    __threadfence();
    unsigned int value = atomicInc(ticket, gridDim.x - 1);
    isLast = (value == gridDim.x - 1);
  }
  __syncthreads();
  if (isLast && threadIdx.x == 0) {
    __threadfence();
    int s = 0;
    for (int b = 0; b < (int)gridDim.x; ++b) s += atomicAdd(&partial[b], 0);
    *total = s;
    __threadfence_system();
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
  cudaMalloc((void **)&d_v, N * sizeof(int));
  cudaMalloc((void **)&d_ints, 13 * sizeof(int));
  cudaMalloc((void **)&d_uints, 9 * sizeof(unsigned int));
  cudaMalloc((void **)&d_ulls, 5 * sizeof(unsigned long long int));
  cudaMalloc((void **)&d_floats, 4 * sizeof(float));
  cudaMalloc((void **)&d_doubles, 3 * sizeof(double));
  cudaMemcpy(d_v, h.data(), N * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemcpy(d_ints, hostInts, sizeof(hostInts), cudaMemcpyHostToDevice);
  cudaMemcpy(d_uints, hostUints, sizeof(hostUints), cudaMemcpyHostToDevice);
  cudaMemcpy(d_ulls, hostUlls, sizeof(hostUlls), cudaMemcpyHostToDevice);
  cudaMemcpy(d_floats, hostFloats, sizeof(hostFloats), cudaMemcpyHostToDevice);
  cudaMemcpy(d_doubles, hostDoubles, sizeof(hostDoubles), cudaMemcpyHostToDevice);

  int blocks = (N + BLOCK - 1) / BLOCK;
  atomicsKernel<<<blocks, BLOCK>>>(d_v, N, d_ints, d_uints, d_ulls, d_floats, d_doubles);
  cudaDeviceSynchronize();

  cudaMemcpy(hostInts, d_ints, sizeof(hostInts), cudaMemcpyDeviceToHost);
  cudaMemcpy(hostUints, d_uints, sizeof(hostUints), cudaMemcpyDeviceToHost);
  cudaMemcpy(hostUlls, d_ulls, sizeof(hostUlls), cudaMemcpyDeviceToHost);
  cudaMemcpy(hostFloats, d_floats, sizeof(hostFloats), cudaMemcpyDeviceToHost);
  cudaMemcpy(hostDoubles, d_doubles, sizeof(hostDoubles), cudaMemcpyDeviceToHost);

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
  cudaMalloc((void **)&d_partial, blocks * sizeof(int));
  cudaMalloc((void **)&d_total, sizeof(int));
  cudaMalloc((void **)&d_ticket, sizeof(unsigned int));
  cudaMemset(d_ticket, 0, sizeof(unsigned int));
  for (int launch = 0; launch < 2; ++launch) {
    cudaMemset(d_total, 0, sizeof(int));
    lastBlockSum<<<blocks, BLOCK>>>(d_v, N, d_partial, d_ticket, d_total);
    cudaDeviceSynchronize();
    int total = 0;
    unsigned int ticket = 1;
    cudaMemcpy(&total, d_total, sizeof(int), cudaMemcpyDeviceToHost);
    cudaMemcpy(&ticket, d_ticket, sizeof(unsigned int), cudaMemcpyDeviceToHost);
    expectInt("last-block sum", total, sum);
    expectInt("ticket after the launch", ticket, 0);
  }

  cudaFree(d_v);
  cudaFree(d_ints);
  cudaFree(d_uints);
  cudaFree(d_ulls);
  cudaFree(d_floats);
  cudaFree(d_doubles);
  cudaFree(d_partial);
  cudaFree(d_total);
  cudaFree(d_ticket);
  if (failures) return 1;
  printf("PASS\n");
  return 0;
}
