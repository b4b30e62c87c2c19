// vector_types: CUDA's built-in vector types in kernels and on the host.
// Particles (a struct of float3/float4) move one step, colors are packed from float4 to uchar4,
// integer pairs (int2 -> uint2) are combined, and each block sums its colors in shared float4s.
// All values are small integers or halves, so device and host results are exact.
#include <cstdio>
#include <cstdlib>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define N 256
#define BLOCK 64

struct Particle {
  sycl::float3 pos;
  sycl::float3 vel;
  sycl::float4 color;
};

sycl::float3 advance(sycl::float3 p, const sycl::float3 &v, float dt) {
  return sycl::float3(p.x() + v.x() * dt, p.y() + v.y() * dt, p.z() + v.z() * dt);
}

void step(Particle *ps, int n, float dt, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i >= n) return;
  Particle p = ps[i];
  p.pos = advance(p.pos, p.vel, dt);
  p.vel.y() -= 1.0f;           // gravity
  if (p.pos.y() < 0) {
    p.pos.y() = 0;
    p.vel.y() = -p.vel.y();
  }
  p.color.w() = 1.0f;
  ps[i] = p;
}

void pack(const Particle *ps, sycl::uchar4 *rgba, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    sycl::float4 c = ps[i].color;
    rgba[i] = sycl::uchar4(c.x() * 255, c.y() * 255, c.z() * 255, c.w() * 255);
  }
}

void combine(const sycl::int2 *in, sycl::uint2 *out, int n, const sycl::nd_item<1> &item) {
  int i = item.get_global_id(0);
  if (i < n) {
    sycl::int2 v = in[i];
    out[i] = sycl::uint2(v.x() + v.y(), v.x() * v.y());
    unsigned int *y = &out[i].y();
    *y += 1;
    out[i].x() <<= 1;
  }
}

void blockColorSum(const Particle *ps, sycl::float4 *sums, const sycl::nd_item<1> &item, sycl::float4 (&partial)[BLOCK]) {
  int t = item.get_local_id(0);
  partial[t] = ps[item.get_group(0) * BLOCK + t].color;
  sycl::group_barrier(item.get_group());
  for (int s = BLOCK / 2; s > 0; s /= 2) {
    if (t < s) {
      partial[t].x() += partial[t + s].x();
      partial[t].y() += partial[t + s].y();
      partial[t].z() += partial[t + s].z();
      partial[t].w() += partial[t + s].w();
    }
    sycl::group_barrier(item.get_group());
  }
  if (t == 0) sums[item.get_group(0)] = partial[0];
}

static sycl::float3 hostAdvance(sycl::float3 p, sycl::float3 v, float dt) {
  sycl::float3 r = {p.x() + v.x() * dt, p.y() + v.y() * dt, p.z() + v.z() * dt};
  return r;
}

int main() {
  Particle *h = (Particle *)malloc(N * sizeof(Particle));
  sycl::int2 *hp = (sycl::int2 *)malloc(N * sizeof(sycl::int2));
  for (int i = 0; i < N; ++i) {
    h[i].pos = sycl::float3(i % 7, i % 5, i % 3);
    h[i].vel.x() = 1.0f;
    h[i].vel.y() = -(float)(i % 11);
    h[i].vel.z() = 0.5f;
    sycl::float4 c = {(i % 4) / 4.0f, (i % 2) / 2.0f, 0, 0};  // z and w are zero
    c.z() = 0.25f;
    h[i].color = c;
    hp[i] = sycl::int2(i - 100, i % 9);
  }

  Particle *d;
  sycl::uchar4 *d_rgba;
  sycl::int2 *d_pairs;
  sycl::uint2 *d_out;
  sycl::float4 *d_sums;
  d = sycl::malloc_device<Particle>(N, cu2sycl::default_queue());
  d_rgba = sycl::malloc_device<sycl::uchar4>(N, cu2sycl::default_queue());
  d_pairs = sycl::malloc_device<sycl::int2>(N, cu2sycl::default_queue());
  d_out = sycl::malloc_device<sycl::uint2>(N, cu2sycl::default_queue());
  d_sums = sycl::malloc_device<sycl::float4>((N / BLOCK), cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d, h, N * sizeof(Particle)).wait();
  cu2sycl::default_queue().memcpy(d_pairs, hp, N * sizeof(sycl::int2)).wait();

  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / BLOCK * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
    step(d, N, 0.5f, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / BLOCK * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
    pack(d, d_rgba, N, item);
  });
  cu2sycl::default_queue().parallel_for(sycl::nd_range<1>(sycl::range<1>(N / BLOCK * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
    combine(d_pairs, d_out, N, item);
  });
  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    sycl::local_accessor<sycl::float4[BLOCK], 0> partial(cgh);
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(N / BLOCK * BLOCK), sycl::range<1>(BLOCK)), [=](sycl::nd_item<1> item) {
      blockColorSum(d, d_sums, item, partial);
    });
  });

  Particle *r = (Particle *)malloc(N * sizeof(Particle));
  sycl::uchar4 rgba[N];
  sycl::uint2 out[N];
  sycl::float4 sums[N / BLOCK];
  cu2sycl::default_queue().memcpy(r, d, N * sizeof(Particle)).wait();
  cu2sycl::default_queue().memcpy(rgba, d_rgba, N * sizeof(sycl::uchar4)).wait();
  cu2sycl::default_queue().memcpy(out, d_out, N * sizeof(sycl::uint2)).wait();
  cu2sycl::default_queue().memcpy(sums, d_sums, sizeof(sums)).wait();

  int errors = 0;
  sycl::float4 expectSum[N / BLOCK] = {};
  for (int i = 0; i < N; ++i) {
    sycl::float3 p = hostAdvance(h[i].pos, h[i].vel, 0.5f);
    float vy = h[i].vel.y() - 1.0f;
    if (p.y() < 0) { p.y() = 0; vy = -vy; }
    if (r[i].pos.x() != p.x() || r[i].pos.y() != p.y() || r[i].pos.z() != p.z() || r[i].vel.y() != vy || r[i].color.w() != 1.0f) {
      if (errors++ < 5) printf("particle %d: (%g, %g, %g) expected (%g, %g, %g)\n", i, r[i].pos.x(), r[i].pos.y(), r[i].pos.z(), p.x(), p.y(), p.z());
    }
    sycl::uchar4 e = sycl::uchar4(h[i].color.x() * 255, h[i].color.y() * 255, h[i].color.z() * 255, 255);
    if (rgba[i].x() != e.x() || rgba[i].y() != e.y() || rgba[i].z() != e.z() || rgba[i].w() != e.w()) {
      if (errors++ < 5) printf("rgba %d: %d %d %d %d\n", i, rgba[i].x(), rgba[i].y(), rgba[i].z(), rgba[i].w());
    }
    unsigned int ex = (unsigned int)(hp[i].x() + hp[i].y()) << 1, ey = (unsigned int)(hp[i].x() * hp[i].y()) + 1;
    if (out[i].x() != ex || out[i].y() != ey) {
      if (errors++ < 5) printf("pair %d: %u %u expected %u %u\n", i, out[i].x(), out[i].y(), ex, ey);
    }
    sycl::float4 &s = expectSum[i / BLOCK];
    s.x() += h[i].color.x();
    s.y() += h[i].color.y();
    s.z() += h[i].color.z();
    s.w() += 1.0f;
  }
  for (int b = 0; b < N / BLOCK; ++b) {
    if (sums[b].x() != expectSum[b].x() || sums[b].y() != expectSum[b].y() || sums[b].z() != expectSum[b].z() || sums[b].w() != expectSum[b].w()) {
      if (errors++ < 5) printf("block %d: %g %g %g %g\n", b, sums[b].x(), sums[b].y(), sums[b].z(), sums[b].w());
    }
  }

  sycl::free(d, cu2sycl::default_queue());
  sycl::free(d_rgba, cu2sycl::default_queue());
  sycl::free(d_pairs, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  sycl::free(d_sums, cu2sycl::default_queue());
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
