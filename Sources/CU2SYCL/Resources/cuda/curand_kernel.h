/*
 * curand_kernel.h - cuRAND device API (generator states and sampling).
 *
 * Part of cu2sycl's own CUDA declarations (see README.md): the common state
 * types and device functions, declared so that kernels using them parse.
 */
#ifndef CURAND_KERNEL_H_
#define CURAND_KERNEL_H_

#include "cu2sycl_cuda.h"

/* ---- Generator states -------------------------------------------------------- */
struct curandStateXORWOW {
  unsigned int d, v[5];
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStateXORWOW curandStateXORWOW_t;
/* The default generator. */
typedef struct curandStateXORWOW curandState_t;
typedef struct curandStateXORWOW curandState;

struct curandStatePhilox4_32_10 {
  uint4 ctr;
  uint4 output;
  uint2 key;
  unsigned int STATE;
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;

struct curandStateMRG32k3a {
  unsigned int s1[3];
  unsigned int s2[3];
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
};
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;

/* ---- Initialization and sampling, for each generator --------------------------- */
__device__ void curand_init(unsigned long long seed, unsigned long long subsequence, unsigned long long offset,
                            curandStateXORWOW_t *state);
__device__ void curand_init(unsigned long long seed, unsigned long long subsequence, unsigned long long offset,
                            curandStatePhilox4_32_10_t *state);
__device__ void curand_init(unsigned long long seed, unsigned long long subsequence, unsigned long long offset,
                            curandStateMRG32k3a_t *state);

__device__ unsigned int curand(curandStateXORWOW_t *state);
__device__ unsigned int curand(curandStatePhilox4_32_10_t *state);
__device__ unsigned int curand(curandStateMRG32k3a_t *state);

__device__ float curand_uniform(curandStateXORWOW_t *state);
__device__ float curand_uniform(curandStatePhilox4_32_10_t *state);
__device__ float curand_uniform(curandStateMRG32k3a_t *state);
__device__ double curand_uniform_double(curandStateXORWOW_t *state);
__device__ double curand_uniform_double(curandStatePhilox4_32_10_t *state);
__device__ double curand_uniform_double(curandStateMRG32k3a_t *state);

__device__ float curand_normal(curandStateXORWOW_t *state);
__device__ float curand_normal(curandStatePhilox4_32_10_t *state);
__device__ float curand_normal(curandStateMRG32k3a_t *state);
__device__ double curand_normal_double(curandStateXORWOW_t *state);
__device__ double curand_normal_double(curandStatePhilox4_32_10_t *state);
__device__ double curand_normal_double(curandStateMRG32k3a_t *state);
__device__ float2 curand_normal2(curandStateXORWOW_t *state);
__device__ float2 curand_normal2(curandStatePhilox4_32_10_t *state);
__device__ float2 curand_normal2(curandStateMRG32k3a_t *state);
__device__ double2 curand_normal2_double(curandStateXORWOW_t *state);
__device__ double2 curand_normal2_double(curandStatePhilox4_32_10_t *state);
__device__ double2 curand_normal2_double(curandStateMRG32k3a_t *state);

__device__ float curand_log_normal(curandStateXORWOW_t *state, float mean, float stddev);
__device__ float curand_log_normal(curandStatePhilox4_32_10_t *state, float mean, float stddev);
__device__ float curand_log_normal(curandStateMRG32k3a_t *state, float mean, float stddev);
__device__ double curand_log_normal_double(curandStateXORWOW_t *state, double mean, double stddev);
__device__ double curand_log_normal_double(curandStatePhilox4_32_10_t *state, double mean, double stddev);
__device__ double curand_log_normal_double(curandStateMRG32k3a_t *state, double mean, double stddev);

__device__ float2 curand_log_normal2(curandStateXORWOW_t *state, float mean, float stddev);
__device__ float2 curand_log_normal2(curandStatePhilox4_32_10_t *state, float mean, float stddev);
__device__ float2 curand_log_normal2(curandStateMRG32k3a_t *state, float mean, float stddev);
__device__ double2 curand_log_normal2_double(curandStateXORWOW_t *state, double mean, double stddev);
__device__ double2 curand_log_normal2_double(curandStatePhilox4_32_10_t *state, double mean, double stddev);
__device__ double2 curand_log_normal2_double(curandStateMRG32k3a_t *state, double mean, double stddev);

__device__ unsigned int curand_poisson(curandStateXORWOW_t *state, double lambda);
__device__ unsigned int curand_poisson(curandStatePhilox4_32_10_t *state, double lambda);
__device__ unsigned int curand_poisson(curandStateMRG32k3a_t *state, double lambda);

__device__ void skipahead(unsigned long long n, curandStateXORWOW_t *state);
__device__ void skipahead(unsigned long long n, curandStatePhilox4_32_10_t *state);
__device__ void skipahead(unsigned long long n, curandStateMRG32k3a_t *state);
__device__ void skipahead_sequence(unsigned long long n, curandStateXORWOW_t *state);
__device__ void skipahead_sequence(unsigned long long n, curandStatePhilox4_32_10_t *state);
__device__ void skipahead_sequence(unsigned long long n, curandStateMRG32k3a_t *state);

/* Four values at a time (Philox). */
__device__ uint4 curand4(curandStatePhilox4_32_10_t *state);
__device__ float4 curand_uniform4(curandStatePhilox4_32_10_t *state);
__device__ double2 curand_uniform2_double(curandStatePhilox4_32_10_t *state);
__device__ float4 curand_normal4(curandStatePhilox4_32_10_t *state);
__device__ float4 curand_log_normal4(curandStatePhilox4_32_10_t *state, float mean, float stddev);
__device__ uint4 curand_poisson4(curandStatePhilox4_32_10_t *state, double lambda);

/* ---- Quasi-random (Sobol) generators ------------------------------------------- */
typedef unsigned int curandDirectionVectors32_t[32];
typedef unsigned long long curandDirectionVectors64_t[64];
struct curandStateSobol32 { unsigned int i, x, c; unsigned int direction_vectors[32]; };
struct curandStateScrambledSobol32 { unsigned int i, x, c; unsigned int direction_vectors[32]; };
struct curandStateSobol64 { unsigned long long i, x, c; unsigned long long direction_vectors[64]; };
struct curandStateScrambledSobol64 { unsigned long long i, x, c; unsigned long long direction_vectors[64]; };
typedef struct curandStateSobol32 curandStateSobol32_t;
typedef struct curandStateScrambledSobol32 curandStateScrambledSobol32_t;
typedef struct curandStateSobol64 curandStateSobol64_t;
typedef struct curandStateScrambledSobol64 curandStateScrambledSobol64_t;

__device__ void curand_init(curandDirectionVectors32_t direction_vectors, unsigned int offset, curandStateSobol32_t *state);
__device__ void curand_init(curandDirectionVectors32_t direction_vectors, unsigned int scramble_c, unsigned int offset,
                            curandStateScrambledSobol32_t *state);
__device__ void curand_init(curandDirectionVectors64_t direction_vectors, unsigned long long offset, curandStateSobol64_t *state);
__device__ void curand_init(curandDirectionVectors64_t direction_vectors, unsigned long long scramble_c,
                            unsigned long long offset, curandStateScrambledSobol64_t *state);
__device__ unsigned int curand(curandStateSobol32_t *state);
__device__ unsigned int curand(curandStateScrambledSobol32_t *state);
__device__ unsigned long long curand(curandStateSobol64_t *state);
__device__ unsigned long long curand(curandStateScrambledSobol64_t *state);
__device__ float curand_uniform(curandStateSobol32_t *state);
__device__ float curand_uniform(curandStateScrambledSobol32_t *state);
__device__ float curand_uniform(curandStateSobol64_t *state);
__device__ float curand_uniform(curandStateScrambledSobol64_t *state);
__device__ double curand_uniform_double(curandStateSobol32_t *state);
__device__ double curand_uniform_double(curandStateScrambledSobol32_t *state);
__device__ double curand_uniform_double(curandStateSobol64_t *state);
__device__ double curand_uniform_double(curandStateScrambledSobol64_t *state);
__device__ float curand_normal(curandStateSobol32_t *state);
__device__ float curand_normal(curandStateSobol64_t *state);
__device__ double curand_normal_double(curandStateSobol32_t *state);
__device__ double curand_normal_double(curandStateSobol64_t *state);
__device__ void skipahead(unsigned int n, curandStateSobol32_t *state);
__device__ void skipahead(unsigned long long n, curandStateSobol64_t *state);

#endif /* CURAND_KERNEL_H_ */
