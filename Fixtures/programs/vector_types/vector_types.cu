// vector_types: CUDA's built-in vector types in kernels and on the host.
// Particles (a struct of float3/float4) move one step, colors are packed from float4 to uchar4,
// integer pairs (int2 -> uint2) are combined, and each block sums its colors in shared float4s.
// All values are small integers or halves, so device and host results are exact.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define N 256
#define BLOCK 64

struct Particle {
  float3 pos;
  float3 vel;
  float4 color;
};

__device__ float3 advance(float3 p, const float3 &v, float dt) {
  return make_float3(p.x + v.x * dt, p.y + v.y * dt, p.z + v.z * dt);
}

__global__ void step(Particle *ps, int n, float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  Particle p = ps[i];
  p.pos = advance(p.pos, p.vel, dt);
  p.vel.y -= 1.0f;           // gravity
  if (p.pos.y < 0) {
    p.pos.y = 0;
    p.vel.y = -p.vel.y;
  }
  p.color.w = 1.0f;
  ps[i] = p;
}

__global__ void pack(const Particle *ps, uchar4 *rgba, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float4 c = ps[i].color;
    rgba[i] = make_uchar4(c.x * 255, c.y * 255, c.z * 255, c.w * 255);
  }
}

__global__ void combine(const int2 *in, uint2 *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    int2 v = in[i];
    out[i] = make_uint2(v.x + v.y, v.x * v.y);
    unsigned int *y = &out[i].y;
    *y += 1;
    out[i].x <<= 1;
  }
}

__global__ void blockColorSum(const Particle *ps, float4 *sums) {
  __shared__ float4 partial[BLOCK];
  int t = threadIdx.x;
  partial[t] = ps[blockIdx.x * BLOCK + t].color;
  __syncthreads();
  for (int s = BLOCK / 2; s > 0; s /= 2) {
    if (t < s) {
      partial[t].x += partial[t + s].x;
      partial[t].y += partial[t + s].y;
      partial[t].z += partial[t + s].z;
      partial[t].w += partial[t + s].w;
    }
    __syncthreads();
  }
  if (t == 0) sums[blockIdx.x] = partial[0];
}

static float3 hostAdvance(float3 p, float3 v, float dt) {
  float3 r = {p.x + v.x * dt, p.y + v.y * dt, p.z + v.z * dt};
  return r;
}

int main() {
  Particle *h = (Particle *)malloc(N * sizeof(Particle));
  int2 *hp = (int2 *)malloc(N * sizeof(int2));
  for (int i = 0; i < N; ++i) {
    h[i].pos = make_float3(i % 7, i % 5, i % 3);
    h[i].vel.x = 1.0f;
    h[i].vel.y = -(float)(i % 11);
    h[i].vel.z = 0.5f;
    float4 c = {(i % 4) / 4.0f, (i % 2) / 2.0f};  // z and w are zero
    c.z = 0.25f;
    h[i].color = c;
    hp[i] = make_int2(i - 100, i % 9);
  }

  Particle *d;
  uchar4 *d_rgba;
  int2 *d_pairs;
  uint2 *d_out;
  float4 *d_sums;
  cudaMalloc(&d, N * sizeof(Particle));
  cudaMalloc(&d_rgba, N * sizeof(uchar4));
  cudaMalloc(&d_pairs, N * sizeof(int2));
  cudaMalloc(&d_out, N * sizeof(uint2));
  cudaMalloc(&d_sums, (N / BLOCK) * sizeof(float4));
  cudaMemcpy(d, h, N * sizeof(Particle), cudaMemcpyHostToDevice);
  cudaMemcpy(d_pairs, hp, N * sizeof(int2), cudaMemcpyHostToDevice);

  step<<<N / BLOCK, BLOCK>>>(d, N, 0.5f);
  pack<<<N / BLOCK, BLOCK>>>(d, d_rgba, N);
  combine<<<N / BLOCK, BLOCK>>>(d_pairs, d_out, N);
  blockColorSum<<<N / BLOCK, BLOCK>>>(d, d_sums);

  Particle *r = (Particle *)malloc(N * sizeof(Particle));
  uchar4 rgba[N];
  uint2 out[N];
  float4 sums[N / BLOCK];
  cudaMemcpy(r, d, N * sizeof(Particle), cudaMemcpyDeviceToHost);
  cudaMemcpy(rgba, d_rgba, N * sizeof(uchar4), cudaMemcpyDeviceToHost);
  cudaMemcpy(out, d_out, N * sizeof(uint2), cudaMemcpyDeviceToHost);
  cudaMemcpy(sums, d_sums, sizeof(sums), cudaMemcpyDeviceToHost);

  int errors = 0;
  float4 expectSum[N / BLOCK] = {};
  for (int i = 0; i < N; ++i) {
    float3 p = hostAdvance(h[i].pos, h[i].vel, 0.5f);
    float vy = h[i].vel.y - 1.0f;
    if (p.y < 0) { p.y = 0; vy = -vy; }
    if (r[i].pos.x != p.x || r[i].pos.y != p.y || r[i].pos.z != p.z || r[i].vel.y != vy || r[i].color.w != 1.0f) {
      if (errors++ < 5) printf("particle %d: (%g, %g, %g) expected (%g, %g, %g)\n", i, r[i].pos.x, r[i].pos.y, r[i].pos.z, p.x, p.y, p.z);
    }
    uchar4 e = make_uchar4(h[i].color.x * 255, h[i].color.y * 255, h[i].color.z * 255, 255);
    if (rgba[i].x != e.x || rgba[i].y != e.y || rgba[i].z != e.z || rgba[i].w != e.w) {
      if (errors++ < 5) printf("rgba %d: %d %d %d %d\n", i, rgba[i].x, rgba[i].y, rgba[i].z, rgba[i].w);
    }
    unsigned int ex = (unsigned int)(hp[i].x + hp[i].y) << 1, ey = (unsigned int)(hp[i].x * hp[i].y) + 1;
    if (out[i].x != ex || out[i].y != ey) {
      if (errors++ < 5) printf("pair %d: %u %u expected %u %u\n", i, out[i].x, out[i].y, ex, ey);
    }
    float4 &s = expectSum[i / BLOCK];
    s.x += h[i].color.x;
    s.y += h[i].color.y;
    s.z += h[i].color.z;
    s.w += 1.0f;
  }
  for (int b = 0; b < N / BLOCK; ++b) {
    if (sums[b].x != expectSum[b].x || sums[b].y != expectSum[b].y || sums[b].z != expectSum[b].z || sums[b].w != expectSum[b].w) {
      if (errors++ < 5) printf("block %d: %g %g %g %g\n", b, sums[b].x, sums[b].y, sums[b].z, sums[b].w);
    }
  }

  cudaFree(d);
  cudaFree(d_rgba);
  cudaFree(d_pairs);
  cudaFree(d_out);
  cudaFree(d_sums);
  free(h);
  free(hp);
  free(r);
  if (errors) {
    printf("FAIL: %d mismatches\n", errors);
    return 1;
  }
  printf("PASS\n");
  return 0;
}
