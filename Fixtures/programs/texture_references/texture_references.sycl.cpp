// texture_references: legacy texture references (texture<T, dim, mode>, removed in CUDA 12, still in
// Rodinia, Parboil and SHOC): a 1-D reference bound to linear memory read with tex1Dfetch from a
// device function, and a 2-D reference bound to an array, read with linear filtering and
// unnormalized coordinates. Checked against the filtering formula on the host.
// cu2sycl-fixture: no-emulator (the CPU emulator has no texture units)
#include <cmath>
#include <cstdio>
#include <sycl/sycl.hpp>
#include "cu2sycl/runtime.hpp"

#define N 64
#define W 8
#define H 4

cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> weights;
cu2sycl::texture_reference<float, 2, cu2sycl::read_mode::element_type> field;

float weight(int i, const sycl::nd_item<1> &item, const cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> &weights) { return cu2sycl::tex1Dfetch(weights, i); }

void apply(float *out, int n, const sycl::nd_item<1> &item, const cu2sycl::texture_reference<float, 1, cu2sycl::read_mode::element_type> &weights, const cu2sycl::texture_reference<float, 2, cu2sycl::read_mode::element_type> &field) {
  int i = item.get_global_id(0);
  if (i < n) out[i] = weight(i, item, weights) * cu2sycl::tex2D(field, (i % 16) * 0.5f, (i / 16) * 1.25f);
}

static float at(const float *f, int x, int y) {
  x = x < 0 ? 0 : (x >= W ? W - 1 : x);
  y = y < 0 ? 0 : (y >= H ? H - 1 : y);
  return f[y * W + x];
}

int main() {
  float w[N], f[W * H];
  for (int i = 0; i < N; ++i) w[i] = 1.0f + (i % 5);
  for (int i = 0; i < W * H; ++i) f[i] = (float)(i * 3 % 17);
  float *d_w, *d_out;
  d_w = static_cast<float *>(sycl::malloc_device(sizeof(w), cu2sycl::default_queue()));
  d_out = sycl::malloc_device<float>(N, cu2sycl::default_queue());
  cu2sycl::default_queue().memcpy(d_w, w, sizeof(w)).wait();
  cu2sycl::bind_texture(0, weights, d_w, sizeof(w));

  cu2sycl::channel_desc format = cu2sycl::create_channel_desc<float>();
  cu2sycl::texture_array *array;
  cu2sycl::malloc_array(&array, &format, W, H);
  cu2sycl::memcpy_2d_to_array(array, 0, 0, f, W * sizeof(float), W * sizeof(float), H);
  field.addressMode[0] = cu2sycl::address_mode::clamp;
  field.addressMode[1] = cu2sycl::address_mode::clamp;
  field.filterMode = cu2sycl::filter_mode::linear;
  field.normalized = false;
  cu2sycl::bind_texture_to_array(field, array);

  cu2sycl::default_queue().submit([&](sycl::handler &cgh) {
    auto weights_symbol = weights;
    auto field_symbol = field;
    cgh.parallel_for(sycl::nd_range<1>(sycl::range<1>(N / 32 * 32), sycl::range<1>(32)), [=](sycl::nd_item<1> item) {
      apply(d_out, N, item, weights_symbol, field_symbol);
    });
  });
  float out[N];
  cu2sycl::default_queue().memcpy(out, d_out, sizeof(out)).wait();
  int failures = 0;
  for (int i = 0; i < N; ++i) {
    float x = (i % 16) * 0.5f - 0.5f, y = (i / 16) * 1.25f - 0.5f;
    float x0 = floorf(x), y0 = floorf(y), a = x - x0, b = y - y0;
    int ix = (int)x0, iy = (int)y0;
    float filtered = (1 - a) * (1 - b) * at(f, ix, iy) + a * (1 - b) * at(f, ix + 1, iy) + (1 - a) * b * at(f, ix, iy + 1) +
                     a * b * at(f, ix + 1, iy + 1);
    float expected = w[i] * filtered;
    if (fabsf(out[i] - expected) > 1e-3f) {
      if (failures++ < 5) printf("%d: %g, expected %g\n", i, out[i], expected);
    }
  }
  cu2sycl::unbind_texture(weights);
  cu2sycl::unbind_texture(field);
  cu2sycl::free_array(array);
  sycl::free(d_w, cu2sycl::default_queue());
  sycl::free(d_out, cu2sycl::default_queue());
  printf(failures == 0 ? "PASS\n" : "FAIL\n");
  return failures == 0 ? 0 : 1;
}
