#!/usr/bin/env python3
"""Writes a deterministic tree of CUDA files for `make bench` (scripts/bench.sh).

    scripts/bench-corpus.py OUT_DIR [--files N] [--seed S] [--pick K]

Every file is written by this script from templates in it (no public code is copied). The tree mixes,
like a real project: kernels with built-in variables and shared memory/__syncthreads, atomics, warp
shuffles and votes, math functions, templates, device functions called from kernels, host code with
cudaMalloc/cudaMemcpy(Async)/streams/events/error checks, `.cuh` headers included by several `.cu`
files, a few plain C++ files and comments. Names, constants and the choice of sections vary per file
with the seed, so no two files are the same; the same N and seed always give the same bytes.

Layout for N files: common/ (shared .cuh headers), util/ (plain C++), and up to 20 domain
directories with the .cu files (and a local header in some). The .cu files average ~400 lines.
"""

import argparse
import os
import random
import sys

DOMAINS = ["linalg", "stencil", "reduce", "scan", "sort", "image", "nbody", "physics", "particles", "graph",
           "spectral", "stats", "montecarlo", "sparse", "conv", "histo", "molecular", "fluid", "finance", "genomics"]
WORDS = ["alpha", "bravo", "cedar", "delta", "ember", "fjord", "gale", "harbor", "iris", "jade", "kelp", "lumen",
         "mesa", "north", "opal", "pine", "quartz", "ridge", "sierra", "tide", "umber", "vale", "willow", "xenon",
         "yarrow", "zephyr"]
TOPICS = ["the solver's inner loop", "the preprocessing pass", "the validation step", "the main time step",
          "the boundary update", "the post-processing pass", "the calibration stage", "the smoothing filter",
          "the accumulation phase", "the output stage"]


class Unit:
    """One .cu file being written: its random source, a unique tag for names, and the headers it includes."""

    def __init__(self, rng, tag, domain, helpers, local_header):
        self.rng = rng
        self.tag = tag          # e.g. "Cedar17": appended to names so files differ
        self.domain = domain
        self.helpers = helpers  # [(include path, prefix)] of common headers this file includes
        self.local_header = local_header
        self.count = 0
        self.runners = []       # host functions main() calls

    def name(self, base):
        self.count += 1
        return f"{base}{self.tag}{self.count}"

    def const(self, lo, hi):
        return self.rng.randint(lo, hi)

    def flt(self, lo, hi):
        return f"{self.rng.uniform(lo, hi):.4f}f"

    def block(self):
        return self.rng.choice([64, 128, 256, 512])

    def comment(self):
        r = self.rng
        return r.choice([
            f"// Part of {r.choice(TOPICS)}; the launch shape is chosen by the caller.",
            f"// Used by {r.choice(TOPICS)}. Values outside the range are clamped, not rejected.",
            f"// Each thread handles one element; see {r.choice(TOPICS)} for the host side.",
            f"// Tuned for {r.choice([32, 64, 128, 256])}-thread blocks, works with any multiple of 32.",
            f"// Kept simple on purpose: {r.choice(TOPICS)} calls it once per step.",
        ])


# ---------------------------------------------------------------------------------------------------------
# Sections: each returns (device code, host code) as lists of lines and registers a runner for main().

def host_alloc(u, typ, names, n):
    lines = [f"  {typ} " + ", ".join(f"*{x} = nullptr" for x in names) + ";"]
    for x in names:
        lines.append(f"  BENCH_CHECK(cudaMalloc((void **)&{x}, {n} * sizeof({typ})));")
    return lines


def host_free(names):
    return [f"  BENCH_CHECK(cudaFree({x}));" for x in names]


def sec_elementwise(u):
    r = u.rng
    k = u.name("scaleShift")
    c1, c2 = u.flt(0.1, 2.0), u.flt(0.5, 4.0)
    expr = r.choice([f"sqrtf(fabsf(v) + {c1})", f"expf(-v * v * {c1})", f"sinf(v) * cosf(v * {c1})",
                     f"fminf(fmaxf(v, -{c2}), {c2})", f"logf(1.0f + fabsf(v))", f"rsqrtf(v * v + {c1})",
                     f"tanhf(v * {c1})", f"powf(fabsf(v) + 1.0f, {c1})", f"fabsf(v) * {c2} + floorf(v)",
                     f"exp2f(-fabsf(v)) + log2f(1.0f + v * v)"])
    run = f"run_{k}"
    n = u.const(1000, 200000)
    b = u.block()
    dev = [u.comment(),
           f"__global__ void {k}(const float *__restrict__ x, float *__restrict__ y, float a, int n) {{",
           "  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {",
           "    float v = x[i];",
           f"    float t = {expr};",
           "    y[i] = fmaf(a, t, y[i]);",
           "  }",
           "}",
           ""]
    host = [f"// Runs {k} over {n} values and returns the sum of the result.",
            f"static double {run}() {{",
            f"  const int n = {n};",
            "  std::vector<float> hx(n), hy(n);",
            "  for (int i = 0; i < n; ++i) {",
            f"    hx[i] = (float)((i * {u.const(3, 97)}) % {u.const(50, 500)}) * {u.flt(0.001, 0.1)};",
            "    hy[i] = 1.0f;",
            "  }"]
    host += host_alloc(u, "float", ["dx", "dy"], "n")
    host += ["  BENCH_CHECK(cudaMemcpy(dx, hx.data(), n * sizeof(float), cudaMemcpyHostToDevice));",
             "  BENCH_CHECK(cudaMemcpy(dy, hy.data(), n * sizeof(float), cudaMemcpyHostToDevice));",
             f"  const int threads = {b};",
             f"  const int blocks = (n + threads - 1) / threads < {u.const(64, 1024)} ? (n + threads - 1) / threads : {u.const(64, 1024)};",
             f"  {k}<<<blocks, threads>>>(dx, dy, {u.flt(0.5, 3.0)}, n);",
             "  BENCH_CHECK(cudaGetLastError());",
             "  BENCH_CHECK(cudaMemcpy(hy.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost));"]
    host += host_free(["dx", "dy"])
    host += ["  double sum = 0.0;",
             "  for (int i = 0; i < n; ++i) sum += hy[i];",
             "  return sum;",
             "}",
             ""]
    u.runners.append(run)
    return dev, host


def sec_reduce_shared(u):
    k = u.name("blockSum")
    b = u.block()
    macro = f"SUM_BLOCK_{u.tag.upper()}{u.count}"
    run = f"run_{k}"
    n = u.const(5000, 500000)
    dev = [f"#define {macro} {b}",
           "",
           "// Tree reduction in shared memory; every block adds its partial sum to *out.",
           f"__global__ void {k}(const float *in, float *out, int n) {{",
           f"  __shared__ float partial[{macro}];",
           "  int tid = threadIdx.x;",
           f"  int i = blockIdx.x * ({macro} * 2) + threadIdx.x;",
           "  float s = 0.0f;",
           "  if (i < n) s += in[i];",
           f"  if (i + {macro} < n) s += in[i + {macro}];",
           "  partial[tid] = s;",
           "  __syncthreads();",
           f"  for (int stride = {macro} / 2; stride > 0; stride >>= 1) {{",
           "    if (tid < stride) partial[tid] += partial[tid + stride];",
           "    __syncthreads();",
           "  }",
           "  if (tid == 0) atomicAdd(out, partial[0]);",
           "}",
           ""]
    host = [f"static double {run}() {{",
            f"  const int n = {n};",
            f"  std::vector<float> h(n, {u.flt(0.1, 1.0)});"]
    host += host_alloc(u, "float", ["d_in", "d_sum"], "n")
    host += ["  BENCH_CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));",
             "  BENCH_CHECK(cudaMemset(d_sum, 0, sizeof(float)));",
             f"  const int blocks = (n + {macro} * 2 - 1) / ({macro} * 2);",
             f"  {k}<<<blocks, {macro}>>>(d_in, d_sum, n);",
             "  BENCH_CHECK(cudaGetLastError());",
             "  float result = 0.0f;",
             "  BENCH_CHECK(cudaMemcpy(&result, d_sum, sizeof(float), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_sum"])
    host += ["  return result;", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_warp(u):
    f = u.name("warpSum")
    k = u.name("countPositive")
    run = f"run_{k}"
    n = u.const(4096, 100000)
    dev = ["// Sum over the 32 lanes of a warp; lane 0 ends with the total.",
           f"__device__ int {f}(int v) {{",
           "  for (int offset = warpSize / 2; offset > 0; offset /= 2) {",
           "    v += __shfl_down_sync(0xffffffffu, v, offset);",
           "  }",
           "  return v;",
           "}",
           "",
           "// Counts the positive values and sums them, one atomic per warp.",
           f"__global__ void {k}(const int *in, int *count, int *sum, int n) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  int lane = threadIdx.x % warpSize;",
           "  int v = i < n ? in[i] : 0;",
           "  unsigned positive = __ballot_sync(0xffffffffu, v > 0);",
           f"  int total = {f}(v > 0 ? v : 0);",
           "  if (lane == 0) {",
           "    atomicAdd(count, __popc(positive));",
           "    atomicAdd(sum, total);",
           "  }",
           "  if (__all_sync(0xffffffffu, v == 0) && lane == 0) atomicAdd(count, 0);",
           "}",
           ""]
    host = [f"static int {run}() {{",
            f"  const int n = {n};",
            "  std::vector<int> h(n);",
            f"  for (int i = 0; i < n; ++i) h[i] = (i * {u.const(7, 61)}) % {u.const(100, 400)} - {u.const(20, 90)};"]
    host += host_alloc(u, "int", ["d_in", "d_count", "d_sum"], "n")
    host += ["  BENCH_CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));",
             "  BENCH_CHECK(cudaMemset(d_count, 0, sizeof(int)));",
             "  BENCH_CHECK(cudaMemset(d_sum, 0, sizeof(int)));",
             f"  const int threads = {u.rng.choice([128, 256])};",
             f"  {k}<<<(n + threads - 1) / threads, threads>>>(d_in, d_count, d_sum, n);",
             "  BENCH_CHECK(cudaDeviceSynchronize());",
             "  int count = 0, sum = 0;",
             "  BENCH_CHECK(cudaMemcpy(&count, d_count, sizeof(int), cudaMemcpyDeviceToHost));",
             "  BENCH_CHECK(cudaMemcpy(&sum, d_sum, sizeof(int), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_count", "d_sum"])
    host += ["  return count + sum;", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_histogram(u):
    k = u.name("histogram")
    bins = u.rng.choice([32, 64, 128, 256])
    macro = f"BINS_{u.tag.upper()}{u.count}"
    run = f"run_{k}"
    n = u.const(10000, 300000)
    dev = [f"#define {macro} {bins}",
           "",
           "// Per-block histogram in shared memory, merged into the global one at the end.",
           f"__global__ void {k}(const unsigned char *data, unsigned int *hist, int n) {{",
           f"  __shared__ unsigned int local[{macro}];",
           f"  for (int b = threadIdx.x; b < {macro}; b += blockDim.x) local[b] = 0;",
           "  __syncthreads();",
           "  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {",
           f"    atomicAdd(&local[data[i] % {macro}], 1u);",
           "  }",
           "  __syncthreads();",
           f"  for (int b = threadIdx.x; b < {macro}; b += blockDim.x) {{",
           "    if (local[b] != 0) atomicAdd(&hist[b], local[b]);",
           "  }",
           "}",
           ""]
    host = [f"static unsigned {run}() {{",
            f"  const int n = {n};",
            "  std::vector<unsigned char> h(n);",
            f"  for (int i = 0; i < n; ++i) h[i] = (unsigned char)((i * {u.const(13, 211)}) & 0xff);",
            "  unsigned char *d_data = nullptr;",
            "  unsigned int *d_hist = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&d_data, n));",
            f"  BENCH_CHECK(cudaMalloc((void **)&d_hist, {macro} * sizeof(unsigned int)));",
            "  BENCH_CHECK(cudaMemcpy(d_data, h.data(), n, cudaMemcpyHostToDevice));",
            f"  BENCH_CHECK(cudaMemset(d_hist, 0, {macro} * sizeof(unsigned int)));",
            f"  {k}<<<{u.const(16, 120)}, {u.block()}>>>(d_data, d_hist, n);",
            "  BENCH_CHECK(cudaGetLastError());",
            f"  std::vector<unsigned int> hist({macro});",
            f"  BENCH_CHECK(cudaMemcpy(hist.data(), d_hist, {macro} * sizeof(unsigned int), cudaMemcpyDeviceToHost));",
            "  BENCH_CHECK(cudaFree(d_data));",
            "  BENCH_CHECK(cudaFree(d_hist));",
            "  unsigned most = 0;",
            f"  for (int b = 0; b < {macro}; ++b) most = hist[b] > most ? hist[b] : most;",
            "  return most;",
            "}",
            ""]
    u.runners.append(run)
    return dev, host


def sec_stencil(u):
    k = u.name("stencil5")
    tx, ty = u.rng.choice([(16, 16), (32, 8), (32, 4), (16, 8)])
    run = f"run_{k}"
    w, h = u.const(128, 2048), u.const(64, 1024)
    c = [u.flt(0.05, 0.3) for _ in range(3)]
    dev = [f"// Five-point stencil on a {tx}x{ty} tile with a one-cell halo in shared memory.",
           f"__global__ void {k}(const float *in, float *out, int width, int height) {{",
           f"  __shared__ float tile[{ty} + 2][{tx} + 2];",
           "  int x = blockIdx.x * blockDim.x + threadIdx.x;",
           "  int y = blockIdx.y * blockDim.y + threadIdx.y;",
           "  int lx = threadIdx.x + 1, ly = threadIdx.y + 1;",
           "  int cx = min(x, width - 1), cy = min(y, height - 1);",
           "  tile[ly][lx] = in[cy * width + cx];",
           "  if (threadIdx.x == 0) tile[ly][0] = in[cy * width + max(cx - 1, 0)];",
           f"  if (threadIdx.x == {tx} - 1) tile[ly][lx + 1] = in[cy * width + min(cx + 1, width - 1)];",
           "  if (threadIdx.y == 0) tile[0][lx] = in[max(cy - 1, 0) * width + cx];",
           f"  if (threadIdx.y == {ty} - 1) tile[ly + 1][lx] = in[min(cy + 1, height - 1) * width + cx];",
           "  __syncthreads();",
           "  if (x < width && y < height) {",
           f"    float v = {c[0]} * tile[ly][lx] + {c[1]} * (tile[ly][lx - 1] + tile[ly][lx + 1])",
           f"            + {c[2]} * (tile[ly - 1][lx] + tile[ly + 1][lx]);",
           "    out[y * width + x] = v;",
           "  }",
           "}",
           ""]
    host = [f"static float {run}(int steps) {{",
            f"  const int width = {w}, height = {h};",
            "  const size_t cells = (size_t)width * height;",
            "  std::vector<float> grid(cells);",
            f"  for (size_t i = 0; i < cells; ++i) grid[i] = (float)(i % {u.const(7, 31)});",
            "  float *a = nullptr, *b = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&a, cells * sizeof(float)));",
            "  BENCH_CHECK(cudaMalloc((void **)&b, cells * sizeof(float)));",
            "  BENCH_CHECK(cudaMemcpy(a, grid.data(), cells * sizeof(float), cudaMemcpyHostToDevice));",
            f"  dim3 block({tx}, {ty});",
            "  dim3 grid2((width + block.x - 1) / block.x, (height + block.y - 1) / block.y);",
            "  for (int s = 0; s < steps; ++s) {",
            f"    {k}<<<grid2, block>>>(a, b, width, height);",
            "    BENCH_CHECK(cudaGetLastError());",
            "    std::swap(a, b);",
            "  }",
            "  BENCH_CHECK(cudaMemcpy(grid.data(), a, cells * sizeof(float), cudaMemcpyDeviceToHost));",
            "  BENCH_CHECK(cudaFree(a));",
            "  BENCH_CHECK(cudaFree(b));",
            "  return grid[cells / 2];",
            "}",
            ""]
    u.runners.append(f"{run}({u.const(2, 20)})")
    return dev, host


def sec_transpose(u):
    k = u.name("transpose")
    tile = u.rng.choice([16, 32])
    rows = 8 if tile == 32 else u.rng.choice([4, 8, 16])
    macro = f"TILE_{u.tag.upper()}{u.count}"
    run = f"run_{k}"
    n = u.rng.choice([256, 512, 1024, 768])
    dev = [f"#define {macro} {tile}",
           "",
           "// Transposes through a shared tile padded by one column to avoid bank conflicts.",
           f"__global__ void {k}(float *out, const float *in, int width, int height) {{",
           f"  __shared__ float tile[{macro}][{macro} + 1];",
           f"  int x = blockIdx.x * {macro} + threadIdx.x;",
           f"  int y = blockIdx.y * {macro} + threadIdx.y;",
           f"  for (int j = 0; j < {macro}; j += blockDim.y) {{",
           "    if (x < width && y + j < height) tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * width + x];",
           "  }",
           "  __syncthreads();",
           f"  x = blockIdx.y * {macro} + threadIdx.x;",
           f"  y = blockIdx.x * {macro} + threadIdx.y;",
           f"  for (int j = 0; j < {macro}; j += blockDim.y) {{",
           "    if (x < height && y + j < width) out[(y + j) * height + x] = tile[threadIdx.x][threadIdx.y + j];",
           "  }",
           "}",
           ""]
    host = [f"static float {run}() {{",
            f"  const int width = {n}, height = {n // 2};",
            "  std::vector<float> h((size_t)width * height);",
            "  for (size_t i = 0; i < h.size(); ++i) h[i] = (float)i;"]
    host += host_alloc(u, "float", ["d_in", "d_out"], "h.size()")
    host += ["  BENCH_CHECK(cudaMemcpy(d_in, h.data(), h.size() * sizeof(float), cudaMemcpyHostToDevice));",
             f"  dim3 threads({macro}, {rows});",
             f"  dim3 blocks((width + {macro} - 1) / {macro}, (height + {macro} - 1) / {macro});",
             f"  {k}<<<blocks, threads>>>(d_out, d_in, width, height);",
             "  BENCH_CHECK(cudaDeviceSynchronize());",
             "  BENCH_CHECK(cudaMemcpy(h.data(), d_out, h.size() * sizeof(float), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_out"])
    host += ["  return h[1];", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_template(u):
    k = u.name("axpby")
    run = f"run_{k}"
    n = u.const(1000, 100000)
    dev = ["// z = a * x + b * y for any arithmetic type.",
           "template <typename T>",
           f"__global__ void {k}(const T *x, const T *y, T *z, T a, T b, int n) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i < n) z[i] = a * x[i] + b * y[i];",
           "}",
           "",
           "template <typename T>",
           f"static T {run}Typed(int n, T a, T b) {{",
           "  std::vector<T> hx(n), hy(n), hz(n);",
           "  for (int i = 0; i < n; ++i) {",
           f"    hx[i] = (T)(i % {u.const(5, 40)});",
           f"    hy[i] = (T)((i * {u.const(3, 17)}) % {u.const(7, 50)});",
           "  }",
           "  T *dx = nullptr, *dy = nullptr, *dz = nullptr;",
           "  BENCH_CHECK(cudaMalloc((void **)&dx, n * sizeof(T)));",
           "  BENCH_CHECK(cudaMalloc((void **)&dy, n * sizeof(T)));",
           "  BENCH_CHECK(cudaMalloc((void **)&dz, n * sizeof(T)));",
           "  BENCH_CHECK(cudaMemcpy(dx, hx.data(), n * sizeof(T), cudaMemcpyHostToDevice));",
           "  BENCH_CHECK(cudaMemcpy(dy, hy.data(), n * sizeof(T), cudaMemcpyHostToDevice));",
           f"  const int threads = {u.block()};",
           f"  {k}<T><<<(n + threads - 1) / threads, threads>>>(dx, dy, dz, a, b, n);",
           "  BENCH_CHECK(cudaGetLastError());",
           "  BENCH_CHECK(cudaMemcpy(hz.data(), dz, n * sizeof(T), cudaMemcpyDeviceToHost));",
           "  BENCH_CHECK(cudaFree(dx));",
           "  BENCH_CHECK(cudaFree(dy));",
           "  BENCH_CHECK(cudaFree(dz));",
           "  return hz[n / 2];",
           "}",
           ""]
    host = [f"static double {run}() {{",
            f"  double f = {run}Typed<float>({n}, {u.flt(0.5, 2.0)}, {u.flt(0.5, 2.0)});",
            f"  double d = {run}Typed<double>({n}, {u.rng.uniform(0.5, 2.0):.3f}, {u.rng.uniform(0.5, 2.0):.3f});",
            f"  int i = {run}Typed<int>({n}, {u.const(1, 5)}, {u.const(1, 5)});",
            "  return f + d + i;",
            "}",
            ""]
    u.runners.append(run)
    return dev, host


def sec_device_chain(u):
    f1 = u.name("smoothStep")
    f2 = u.name("blend")
    k = u.name("shade")
    run = f"run_{k}"
    helper = u.rng.choice(u.helpers)[1] if u.helpers else None
    clampCall = f"{helper}_clamp(t, 0.0f, 1.0f)" if helper else "fminf(fmaxf(t, 0.0f), 1.0f)"
    n = u.const(2000, 80000)
    dev = [f"__device__ __forceinline__ float {f1}(float e0, float e1, float x) {{",
           "  float t = (x - e0) / (e1 - e0);",
           f"  t = {clampCall};",
           "  return t * t * (3.0f - 2.0f * t);",
           "}",
           "",
           f"__device__ float {f2}(float a, float b, float x) {{",
           f"  float s = {f1}({u.flt(-1.0, 0.0)}, {u.flt(0.5, 2.0)}, x);",
           "  return a + (b - a) * s;",
           "}",
           "",
           u.comment(),
           f"__global__ void {k}(const float *x, float *out, int n, float lo, float hi) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i >= n) return;",
           f"  out[i] = {f2}(lo, hi, x[i]) + {f1}(0.0f, 1.0f, x[i] * {u.flt(0.1, 0.9)});",
           "}",
           ""]
    host = [f"static float {run}() {{",
            f"  const int n = {n};",
            "  std::vector<float> h(n);",
            "  for (int i = 0; i < n; ++i) h[i] = (float)i / n;"]
    host += host_alloc(u, "float", ["d_x", "d_out"], "n")
    host += ["  BENCH_CHECK(cudaMemcpy(d_x, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));",
             f"  {k}<<<(n + 127) / 128, 128>>>(d_x, d_out, n, {u.flt(-1.0, 0.0)}, {u.flt(1.0, 3.0)});",
             "  BENCH_CHECK(cudaGetLastError());",
             "  BENCH_CHECK(cudaMemcpy(h.data(), d_out, n * sizeof(float), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_x", "d_out"])
    host += ["  return h[n - 1];", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_atomics(u):
    k = u.name("extremes")
    k2 = u.name("claimSlots")
    run = f"run_{k}"
    n = u.const(1000, 60000)
    dev = ["// Minimum, maximum and a running total of the input, with integer atomics.",
           f"__global__ void {k}(const int *in, int *minOut, int *maxOut, unsigned int *total, int n) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i < n) {",
           "    atomicMin(minOut, in[i]);",
           "    atomicMax(maxOut, in[i]);",
           "    atomicAdd(total, (unsigned int)(in[i] & 0xff));",
           "  }",
           "}",
           "",
           "// Each thread claims the first free slot with compare-and-swap; the last owner is exchanged out.",
           f"__global__ void {k2}(int *slots, int *lastOwner, int slotCount) {{",
           "  int id = blockIdx.x * blockDim.x + threadIdx.x + 1;",
           "  for (int s = 0; s < slotCount; ++s) {",
           "    if (atomicCAS(&slots[s], 0, id) == 0) {",
           "      atomicExch(lastOwner, id);",
           "      break;",
           "    }",
           "  }",
           "  atomicSub(&slots[slotCount], 1);",
           "}",
           ""]
    host = [f"static int {run}() {{",
            f"  const int n = {n};",
            f"  const int slotCount = {u.const(16, 256)};",
            "  std::vector<int> h(n);",
            f"  for (int i = 0; i < n; ++i) h[i] = (i * {u.const(31, 997)}) % {u.const(1000, 9000)} - {u.const(100, 900)};",
            "  int *d_in = nullptr, *d_min = nullptr, *d_max = nullptr, *d_slots = nullptr, *d_owner = nullptr;",
            "  unsigned int *d_total = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&d_in, n * sizeof(int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_min, sizeof(int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_max, sizeof(int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_total, sizeof(unsigned int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_slots, (slotCount + 1) * sizeof(int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_owner, sizeof(int)));",
            "  const int big = 1 << 30, small = -(1 << 30);",
            "  BENCH_CHECK(cudaMemcpy(d_min, &big, sizeof(int), cudaMemcpyHostToDevice));",
            "  BENCH_CHECK(cudaMemcpy(d_max, &small, sizeof(int), cudaMemcpyHostToDevice));",
            "  BENCH_CHECK(cudaMemset(d_total, 0, sizeof(unsigned int)));",
            "  BENCH_CHECK(cudaMemset(d_slots, 0, (slotCount + 1) * sizeof(int)));",
            "  BENCH_CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));",
            f"  {k}<<<(n + 255) / 256, 256>>>(d_in, d_min, d_max, d_total, n);",
            f"  {k2}<<<{u.const(1, 8)}, {u.rng.choice([32, 64])}>>>(d_slots, d_owner, slotCount);",
            "  BENCH_CHECK(cudaDeviceSynchronize());",
            "  int lo = 0, hi = 0, owner = 0;",
            "  BENCH_CHECK(cudaMemcpy(&lo, d_min, sizeof(int), cudaMemcpyDeviceToHost));",
            "  BENCH_CHECK(cudaMemcpy(&hi, d_max, sizeof(int), cudaMemcpyDeviceToHost));",
            "  BENCH_CHECK(cudaMemcpy(&owner, d_owner, sizeof(int), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_min", "d_max", "d_total", "d_slots", "d_owner"])
    host += ["  return hi - lo + owner;", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_matmul(u):
    k = u.name("matmulTiled")
    t = u.rng.choice([8, 16, 32])
    macro = f"MM_TILE_{u.tag.upper()}{u.count}"
    run = f"run_{k}"
    m, nn, kk = (u.rng.choice([64, 128, 192, 256]) for _ in range(3))
    dev = [f"#define {macro} {t}",
           "",
           "// C = A * B with square tiles of A and B staged through shared memory.",
           f"__global__ void {k}(const float *A, const float *B, float *C, int M, int N, int K) {{",
           f"  __shared__ float As[{macro}][{macro}];",
           f"  __shared__ float Bs[{macro}][{macro}];",
           f"  int row = blockIdx.y * {macro} + threadIdx.y;",
           f"  int col = blockIdx.x * {macro} + threadIdx.x;",
           "  float acc = 0.0f;",
           f"  for (int t = 0; t < (K + {macro} - 1) / {macro}; ++t) {{",
           f"    int ka = t * {macro} + threadIdx.x, kb = t * {macro} + threadIdx.y;",
           "    As[threadIdx.y][threadIdx.x] = (row < M && ka < K) ? A[row * K + ka] : 0.0f;",
           "    Bs[threadIdx.y][threadIdx.x] = (kb < K && col < N) ? B[kb * N + col] : 0.0f;",
           "    __syncthreads();",
           "#pragma unroll",
           f"    for (int k = 0; k < {macro}; ++k) acc += As[threadIdx.y][k] * Bs[k][threadIdx.x];",
           "    __syncthreads();",
           "  }",
           "  if (row < M && col < N) C[row * N + col] = acc;",
           "}",
           ""]
    host = [f"static float {run}() {{",
            f"  const int M = {m}, N = {nn}, K = {kk};",
            "  std::vector<float> a((size_t)M * K), b((size_t)K * N), c((size_t)M * N);",
            f"  for (size_t i = 0; i < a.size(); ++i) a[i] = (float)(i % {u.const(3, 11)}) * 0.5f;",
            f"  for (size_t i = 0; i < b.size(); ++i) b[i] = (float)(i % {u.const(3, 11)}) * 0.25f;",
            "  float *dA = nullptr, *dB = nullptr, *dC = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&dA, a.size() * sizeof(float)));",
            "  BENCH_CHECK(cudaMalloc((void **)&dB, b.size() * sizeof(float)));",
            "  BENCH_CHECK(cudaMalloc((void **)&dC, c.size() * sizeof(float)));",
            "  BENCH_CHECK(cudaMemcpy(dA, a.data(), a.size() * sizeof(float), cudaMemcpyHostToDevice));",
            "  BENCH_CHECK(cudaMemcpy(dB, b.data(), b.size() * sizeof(float), cudaMemcpyHostToDevice));",
            f"  dim3 threads({macro}, {macro});",
            f"  dim3 grid((N + {macro} - 1) / {macro}, (M + {macro} - 1) / {macro});",
            f"  {k}<<<grid, threads>>>(dA, dB, dC, M, N, K);",
            "  BENCH_CHECK(cudaGetLastError());",
            "  BENCH_CHECK(cudaMemcpy(c.data(), dC, c.size() * sizeof(float), cudaMemcpyDeviceToHost));"]
    host += host_free(["dA", "dB", "dC"])
    host += ["  return c[c.size() / 3];", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_scan(u):
    k = u.name("blockScan")
    b = u.rng.choice([128, 256, 512])
    macro = f"SCAN_BLOCK_{u.tag.upper()}{u.count}"
    run = f"run_{k}"
    dev = [f"#define {macro} {b}",
           "",
           "// Inclusive scan of each block (Hillis-Steele, double-buffered in shared memory).",
           f"__global__ void {k}(const int *in, int *out, int *blockTotals, int n) {{",
           f"  __shared__ int buf[2][{macro}];",
           "  int tid = threadIdx.x;",
           "  int i = blockIdx.x * blockDim.x + tid;",
           "  int src = 0;",
           "  buf[src][tid] = i < n ? in[i] : 0;",
           "  __syncthreads();",
           f"  for (int offset = 1; offset < {macro}; offset <<= 1) {{",
           "    int dst = 1 - src;",
           "    buf[dst][tid] = buf[src][tid] + (tid >= offset ? buf[src][tid - offset] : 0);",
           "    __syncthreads();",
           "    src = dst;",
           "  }",
           "  if (i < n) out[i] = buf[src][tid];",
           f"  if (tid == {macro} - 1) blockTotals[blockIdx.x] = buf[src][tid];",
           "}",
           ""]
    host = [f"static int {run}() {{",
            f"  const int n = {u.const(2000, 200000)};",
            f"  const int blocks = (n + {macro} - 1) / {macro};",
            "  std::vector<int> h(n), totals(blocks);",
            f"  for (int i = 0; i < n; ++i) h[i] = i % {u.const(3, 9)};",
            "  int *d_in = nullptr, *d_out = nullptr, *d_totals = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&d_in, n * sizeof(int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_out, n * sizeof(int)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_totals, blocks * sizeof(int)));",
            "  BENCH_CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));",
            f"  {k}<<<blocks, {macro}>>>(d_in, d_out, d_totals, n);",
            "  BENCH_CHECK(cudaGetLastError());",
            "  BENCH_CHECK(cudaMemcpy(totals.data(), d_totals, blocks * sizeof(int), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_out", "d_totals"])
    host += ["  int sum = 0;",
             "  for (int b = 0; b < blocks; ++b) sum += totals[b];",
             "  return sum;",
             "}",
             ""]
    u.runners.append(run)
    return dev, host


def sec_constant(u):
    taps = u.rng.choice([5, 7, 9, 11, 13])
    sym = f"c_taps{u.tag}{u.count + 1}"
    k = u.name("convolve")
    run = f"run_{k}"
    dev = [f"// Filter taps in constant memory: every thread of a warp reads the same tap at once.",
           f"__constant__ float {sym}[{taps}];",
           "",
           f"__global__ void {k}(const float *in, float *out, int n) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i >= n) return;",
           "  float acc = 0.0f;",
           f"  for (int t = 0; t < {taps}; ++t) {{",
           f"    int j = i + t - {taps // 2};",
           "    j = j < 0 ? 0 : (j >= n ? n - 1 : j);",
           f"    acc += {sym}[t] * in[j];",
           "  }",
           "  out[i] = acc;",
           "}",
           ""]
    weights = ", ".join(f"{u.rng.uniform(0.0, 1.0):.3f}f" for _ in range(taps))
    host = [f"static float {run}() {{",
            f"  const float taps[{taps}] = {{{weights}}};",
            f"  BENCH_CHECK(cudaMemcpyToSymbol({sym}, taps, sizeof(taps)));",
            f"  const int n = {u.const(1000, 100000)};",
            "  std::vector<float> h(n);",
            f"  for (int i = 0; i < n; ++i) h[i] = sinf(i * {u.flt(0.001, 0.1)});"]
    host += host_alloc(u, "float", ["d_in", "d_out"], "n")
    host += ["  BENCH_CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));",
             f"  {k}<<<(n + 255) / 256, 256>>>(d_in, d_out, n);",
             "  BENCH_CHECK(cudaGetLastError());",
             "  BENCH_CHECK(cudaMemcpy(h.data(), d_out, n * sizeof(float), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_out"])
    host += ["  return h[n / 2];", "}", ""]
    u.runners.append(run)
    return dev, host


def sec_particles(u):
    s = f"Body{u.tag}{u.count + 1}"
    k = u.name("integrate")
    run = f"run_{k}"
    n = u.const(256, 20000)
    dev = [f"struct {s} {{",
           "  float3 pos;",
           "  float3 vel;",
           "  float mass;",
           "};",
           "",
           "// Explicit Euler step under a constant field, bouncing off the floor at z = 0.",
           f"__global__ void {k}({s} *bodies, int n, float dt, float3 field) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i >= n) return;",
           f"  {s} b = bodies[i];",
           "  float inv = 1.0f / b.mass;",
           "  b.vel.x += field.x * inv * dt;",
           "  b.vel.y += field.y * inv * dt;",
           "  b.vel.z += field.z * inv * dt;",
           "  b.pos = make_float3(b.pos.x + b.vel.x * dt, b.pos.y + b.vel.y * dt, b.pos.z + b.vel.z * dt);",
           "  if (b.pos.z < 0.0f) {",
           "    b.pos.z = -b.pos.z;",
           f"    b.vel.z = -b.vel.z * {u.flt(0.5, 0.95)};",
           "  }",
           "  bodies[i] = b;",
           "}",
           ""]
    host = [f"static float {run}(int steps) {{",
            f"  const int n = {n};",
            f"  std::vector<{s}> h(n);",
            "  for (int i = 0; i < n; ++i) {",
            f"    h[i].pos = make_float3((float)(i % {u.const(5, 50)}), (float)(i % {u.const(5, 50)}), {u.flt(1.0, 10.0)});",
            "    h[i].vel = make_float3(0.0f, 0.0f, 0.0f);",
            f"    h[i].mass = 1.0f + (i % {u.const(2, 9)});",
            "  }",
            f"  {s} *d = nullptr;",
            f"  BENCH_CHECK(cudaMalloc((void **)&d, n * sizeof({s})));",
            f"  BENCH_CHECK(cudaMemcpy(d, h.data(), n * sizeof({s}), cudaMemcpyHostToDevice));",
            f"  const float3 g = make_float3(0.0f, {u.flt(-1.0, 1.0)}, -9.81f);",
            "  for (int s = 0; s < steps; ++s) {",
            f"    {k}<<<(n + 127) / 128, 128>>>(d, n, {u.flt(0.001, 0.02)}, g);",
            "  }",
            "  BENCH_CHECK(cudaGetLastError());",
            f"  BENCH_CHECK(cudaMemcpy(h.data(), d, n * sizeof({s}), cudaMemcpyDeviceToHost));",
            "  BENCH_CHECK(cudaFree(d));",
            "  return h[0].pos.z;",
            "}",
            ""]
    u.runners.append(f"{run}({u.const(5, 50)})")
    return dev, host


def sec_streams(u):
    k = u.name("square")
    run = f"run_{k}"
    chunks = u.rng.choice([2, 3, 4])
    dev = ["// Squares a chunk in place; the host overlaps copies of one chunk with work on another.",
           f"__global__ void {k}(float *data, int n) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i < n) data[i] = data[i] * data[i];",
           "}",
           ""]
    host = [f"// Splits the work over {chunks} streams with pinned host memory and asynchronous copies.",
            f"static float {run}() {{",
            f"  const int chunk = {u.const(1000, 50000)};",
            f"  const int streams = {chunks};",
            "  const int n = chunk * streams;",
            "  float *h = nullptr, *d = nullptr;",
            "  BENCH_CHECK(cudaMallocHost((void **)&h, n * sizeof(float)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d, n * sizeof(float)));",
            f"  for (int i = 0; i < n; ++i) h[i] = (float)(i % {u.const(10, 99)});",
            f"  cudaStream_t stream[{chunks}];",
            "  for (int s = 0; s < streams; ++s) BENCH_CHECK(cudaStreamCreate(&stream[s]));",
            "  for (int s = 0; s < streams; ++s) {",
            "    float *part = d + s * chunk;",
            "    BENCH_CHECK(cudaMemcpyAsync(part, h + s * chunk, chunk * sizeof(float), cudaMemcpyHostToDevice, stream[s]));",
            f"    {k}<<<(chunk + 255) / 256, 256, 0, stream[s]>>>(part, chunk);",
            "    BENCH_CHECK(cudaMemcpyAsync(h + s * chunk, part, chunk * sizeof(float), cudaMemcpyDeviceToHost, stream[s]));",
            "  }",
            "  for (int s = 0; s < streams; ++s) {",
            "    BENCH_CHECK(cudaStreamSynchronize(stream[s]));",
            "    BENCH_CHECK(cudaStreamDestroy(stream[s]));",
            "  }",
            "  float last = h[n - 1];",
            "  BENCH_CHECK(cudaFree(d));",
            "  BENCH_CHECK(cudaFreeHost(h));",
            "  return last;",
            "}",
            ""]
    u.runners.append(run)
    return dev, host


def sec_events(u):
    k = u.name("busyWork")
    run = f"run_{k}"
    iters = u.const(8, 64)
    dev = ["// A compute-bound loop used to time the device with events.",
           f"__global__ void {k}(float *out, int n, int iterations) {{",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           "  if (i >= n) return;",
           "  float v = (float)i;",
           "  for (int it = 0; it < iterations; ++it) {",
           f"    v = __sinf(v) * {u.flt(0.5, 1.5)} + __cosf(v * {u.flt(0.1, 0.9)});",
           "  }",
           "  out[i] = v;",
           "}",
           ""]
    host = ["// Times the kernel with a pair of events and returns the milliseconds.",
            f"static float {run}() {{",
            f"  const int n = {u.const(10000, 1000000)};",
            "  float *d = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&d, n * sizeof(float)));",
            "  cudaEvent_t start, stop;",
            "  BENCH_CHECK(cudaEventCreate(&start));",
            "  BENCH_CHECK(cudaEventCreate(&stop));",
            "  BENCH_CHECK(cudaEventRecord(start));",
            f"  {k}<<<(n + 255) / 256, 256>>>(d, n, {iters});",
            "  BENCH_CHECK(cudaEventRecord(stop));",
            "  BENCH_CHECK(cudaEventSynchronize(stop));",
            "  float ms = 0.0f;",
            "  BENCH_CHECK(cudaEventElapsedTime(&ms, start, stop));",
            "  BENCH_CHECK(cudaEventDestroy(start));",
            "  BENCH_CHECK(cudaEventDestroy(stop));",
            "  BENCH_CHECK(cudaFree(d));",
            "  return ms;",
            "}",
            ""]
    u.runners.append(run)
    return dev, host


def sec_device_query(u):
    run = f"report{u.tag}{u.count + 1}"
    u.count += 1
    host = ["// Prints the devices and picks the one with the most multiprocessors.",
            f"static int {run}() {{",
            "  int count = 0;",
            "  BENCH_CHECK(cudaGetDeviceCount(&count));",
            "  int best = 0, bestSMs = -1;",
            "  for (int d = 0; d < count; ++d) {",
            "    cudaDeviceProp prop;",
            "    BENCH_CHECK(cudaGetDeviceProperties(&prop, d));",
            "    printf(\"device %d: %s, %d multiprocessors, %zu MB\\n\", d, prop.name, prop.multiProcessorCount,",
            "           prop.totalGlobalMem >> 20);",
            "    if (prop.multiProcessorCount > bestSMs) {",
            "      bestSMs = prop.multiProcessorCount;",
            "      best = d;",
            "    }",
            "  }",
            "  BENCH_CHECK(cudaSetDevice(best));",
            "  return best;",
            "}",
            ""]
    u.runners.append(run)
    return [], host


def sec_debug(u):
    """What real code has now and then and SYCL lacks or changes: device clocks, device printf, free memory."""
    k = u.name("probe")
    run = f"run_{k}"
    dev = ["// Debug helper: reports slow blocks; compiled into release builds as well.",
           f"__global__ void {k}(const float *in, float *out, long long *cycles, int n, int verbose) {{",
           "  long long start = clock64();",
           "  int i = blockIdx.x * blockDim.x + threadIdx.x;",
           f"  if (i < n) out[i] = in[i] * {u.flt(0.5, 2.0)} + 1.0f;",
           "  long long spent = clock64() - start;",
           "  if (threadIdx.x == 0) {",
           "    cycles[blockIdx.x] = spent;",
           f"    if (verbose && spent > {u.const(1000, 100000)}) printf(\"block %d took %lld cycles\\n\", blockIdx.x, spent);",
           "  }",
           "}",
           ""]
    host = [f"static long long {run}(int verbose) {{",
            "  size_t freeBytes = 0, totalBytes = 0;",
            "  BENCH_CHECK(cudaMemGetInfo(&freeBytes, &totalBytes));",
            f"  const int n = {u.const(1000, 50000)};",
            "  if ((size_t)n * 3 * sizeof(float) > freeBytes) return -1;",
            "  const int blocks = (n + 255) / 256;",
            "  float *d_in = nullptr, *d_out = nullptr;",
            "  long long *d_cycles = nullptr;",
            "  BENCH_CHECK(cudaMalloc((void **)&d_in, n * sizeof(float)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_out, n * sizeof(float)));",
            "  BENCH_CHECK(cudaMalloc((void **)&d_cycles, blocks * sizeof(long long)));",
            "  BENCH_CHECK(cudaMemset(d_in, 0, n * sizeof(float)));",
            f"  {k}<<<blocks, 256>>>(d_in, d_out, d_cycles, n, verbose);",
            "  BENCH_CHECK(cudaGetLastError());",
            "  std::vector<long long> cycles(blocks);",
            "  BENCH_CHECK(cudaMemcpy(cycles.data(), d_cycles, blocks * sizeof(long long), cudaMemcpyDeviceToHost));"]
    host += host_free(["d_in", "d_out", "d_cycles"])
    host += ["  long long most = 0;",
             "  for (long long c : cycles) most = c > most ? c : most;",
             "  return most;",
             "}",
             ""]
    u.runners.append(f"{run}(0)")
    return dev, host


SECTIONS = [sec_elementwise, sec_reduce_shared, sec_warp, sec_histogram, sec_stencil, sec_transpose, sec_template,
            sec_device_chain, sec_atomics, sec_matmul, sec_scan, sec_constant, sec_particles, sec_streams,
            sec_events, sec_device_query]


def write_unit(u, target_lines):
    r = u.rng
    head = [f"// {u.domain}/{u.tag.lower()}: kernels and host drivers for {r.choice(TOPICS)}.",
            "//",
            f"// Written for the cu2sycl benchmark corpus (scripts/bench-corpus.py); the numbers are made up,",
            "// the structure is what GPU code usually looks like.",
            "#include <cstdio>",
            "#include <cstdlib>",
            "#include <cmath>",
            "#include <vector>",
            "#include <algorithm>",
            "#include <cuda_runtime.h>",
            "",
            '#include "../common/check.cuh"']
    for path, _ in u.helpers:
        head.append(f'#include "{path}"')
    if u.local_header:
        head.append(f'#include "{u.local_header}"')
    if r.random() < 0.3:
        head.append('#include "../util/host_timer.h"')
    head.append("")
    devs, hosts = [], []
    used = 0
    kinds = SECTIONS[:]
    r.shuffle(kinds)
    i = 0
    # Sections until the file is long enough; the last third of the kinds repeat when it is not.
    if r.random() < 0.25:
        d, h = sec_debug(u)
        devs += d
        hosts += h
        used += len(d) + len(h)
    while used < target_lines - 40:
        sec = kinds[i % len(kinds)]
        i += 1
        if sec is sec_device_query and i > len(kinds):
            continue
        d, h = sec(u)
        devs += d
        hosts += h
        used += len(d) + len(h)
    body = head + devs + hosts
    body.append("int main(int argc, char **argv) {")
    body.append(f"  const int repeat = argc > 1 ? atoi(argv[1]) : {r.randint(1, 5)};")
    body.append("  double checksum = 0.0;")
    body.append("  for (int rep = 0; rep < repeat; ++rep) {")
    for call in u.runners:
        call = call if call.endswith(")") else call + "()"
        body.append(f"    checksum += (double){call};")
    body.append("  }")
    body.append("  BENCH_CHECK(cudaDeviceSynchronize());")
    body.append(f'  printf("{u.tag}: checksum %f\\n", checksum);')
    body.append("  return 0;")
    body.append("}")
    return "\n".join(body) + "\n"


# ---------------------------------------------------------------------------------------------------------
# Headers and plain C++ files.

CHECK_HEADER = """// Error checking shared by every file of the benchmark corpus.
#ifndef BENCH_CHECK_CUH
#define BENCH_CHECK_CUH

#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

// Aborts with the file, line and CUDA's message when a runtime call fails.
#define BENCH_CHECK(call)                                                                     \\
  do {                                                                                        \\
    cudaError_t status_ = (call);                                                             \\
    if (status_ != cudaSuccess) {                                                             \\
      fprintf(stderr, "%s:%d: %s failed: %s\\n", __FILE__, __LINE__, #call,                     \\
              cudaGetErrorString(status_));                                                   \\
      exit(EXIT_FAILURE);                                                                     \\
    }                                                                                         \\
  } while (0)

// Rounds n up to a whole number of blocks.
inline int benchBlocks(int n, int threads) { return (n + threads - 1) / threads; }

#endif
"""


def helper_header(rng, prefix):
    guard = prefix.upper() + "_CUH"
    c = rng.uniform(0.1, 0.9)
    lines = [f"// Device helpers ({prefix}) shared by several files.",
             f"#ifndef {guard}",
             f"#define {guard}",
             "",
             "#include <cuda_runtime.h>",
             "",
             "// Clamps x into [lo, hi].",
             f"__device__ __forceinline__ float {prefix}_clamp(float x, float lo, float hi) {{",
             "  return fminf(fmaxf(x, lo), hi);",
             "}",
             "",
             "// Linear interpolation between a and b.",
             f"__host__ __device__ inline float {prefix}_lerp(float a, float b, float t) {{ return a + (b - a) * t; }}",
             "",
             "// Squared distance of two points.",
             f"__host__ __device__ inline float {prefix}_dist2(float3 a, float3 b) {{",
             "  float dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;",
             "  return dx * dx + dy * dy + dz * dz;",
             "}",
             "",
             "// A soft threshold used by the filters.",
             f"__device__ inline float {prefix}_soft(float x) {{",
             f"  return x / (1.0f + fabsf(x)) * {c:.3f}f + expf(-x * x);",
             "}",
             "",
             "// Maximum over any type that has operator<.",
             "template <typename T>",
             f"__device__ T {prefix}_max3(T a, T b, T c) {{",
             "  T m = a < b ? b : a;",
             "  return m < c ? c : m;",
             "}",
             "",
             f"// A 2-D index with row-major helpers.",
             f"struct {prefix.capitalize()}Index {{",
             "  int width, height;",
             f"  __host__ __device__ int at(int x, int y) const {{ return y * width + x; }}",
             f"  __host__ __device__ bool inside(int x, int y) const {{ return x >= 0 && y >= 0 && x < width && y < height; }}",
             "};",
             "",
             f"#define {prefix.upper()}_SCALE {rng.randint(2, 64)}",
             "",
             "#endif",
             ""]
    return "\n".join(lines)


def local_header(rng, domain, tag):
    guard = f"{domain.upper()}_{tag.upper()}_LOCAL_CUH"
    return "\n".join([
        f"// Parameters shared by the {domain} files.",
        "#pragma once",
        "",
        f"#define {domain.upper()}_STEPS {rng.randint(2, 50)}",
        f"#define {domain.upper()}_EPS {rng.uniform(1e-6, 1e-3):.6f}f",
        "",
        f"// Relative difference used by the {domain} checks.",
        f"__host__ __device__ inline float {domain}RelDiff(float a, float b) {{",
        "  float d = a - b;",
        "  float m = fabsf(a) > fabsf(b) ? fabsf(a) : fabsf(b);",
        f"  return m > {domain.upper()}_EPS ? fabsf(d) / m : fabsf(d);",
        "}",
        "",
        f"struct {domain.capitalize()}Params {{",
        "  int n;",
        "  float scale;",
        "  float offset;",
        "};",
        "",
    ])


TIMER_H = """// A wall-clock timer for the host drivers (plain C++).
#pragma once
#include <chrono>

class HostTimer {
 public:
  HostTimer() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  void reset() { start_ = std::chrono::steady_clock::now(); }

 private:
  std::chrono::steady_clock::time_point start_;
};
"""


def plain_cpp(rng, index):
    name = f"table{index}"
    cols = rng.randint(3, 8)
    lines = [f"// {name}: reads and writes small CSV tables for the drivers (plain C++, no GPU code).",
             "#include <fstream>",
             "#include <sstream>",
             "#include <string>",
             "#include <vector>",
             "",
             f"namespace {name} {{",
             "",
             "struct Row {",
             f"  double values[{cols}];",
             "};",
             "",
             "// Splits a line at commas; empty fields read as 0.",
             "static std::vector<double> split(const std::string &line) {",
             "  std::vector<double> out;",
             "  std::stringstream ss(line);",
             "  std::string field;",
             "  while (std::getline(ss, field, ',')) out.push_back(field.empty() ? 0.0 : std::stod(field));",
             "  return out;",
             "}",
             "",
             "std::vector<Row> read(const std::string &path) {",
             "  std::vector<Row> rows;",
             "  std::ifstream in(path);",
             "  std::string line;",
             "  while (std::getline(in, line)) {",
             "    std::vector<double> v = split(line);",
             "    Row r{};",
             f"    for (size_t i = 0; i < v.size() && i < {cols}; ++i) r.values[i] = v[i];",
             "    rows.push_back(r);",
             "  }",
             "  return rows;",
             "}",
             "",
             "bool write(const std::string &path, const std::vector<Row> &rows) {",
             "  std::ofstream out(path);",
             "  if (!out) return false;",
             "  for (const Row &r : rows) {",
             f"    for (int i = 0; i < {cols}; ++i) out << (i ? \",\" : \"\") << r.values[i];",
             "    out << '\\n';",
             "  }",
             "  return true;",
             "}",
             ""]
    for j in range(rng.randint(3, 8)):
        c = rng.randint(0, cols - 1)
        lines += [f"// Mean of column {c} (variant {j}).",
                  f"double mean{j}(const std::vector<Row> &rows) {{",
                  "  if (rows.empty()) return 0.0;",
                  "  double s = 0.0;",
                  f"  for (const Row &r : rows) s += r.values[{c}] * {rng.uniform(0.5, 2.0):.3f};",
                  "  return s / rows.size();",
                  "}",
                  ""]
    lines += [f"}}  // namespace {name}", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------

def picked(written, count):
    """`count` .cu files spread evenly over the tree, with the headers they include (one level: the headers
    include only CUDA's and the standard library's)."""
    units = sorted(p for p in written if p.endswith(".cu"))
    step = max(1, len(units) // count)
    chosen = units[::step][:count]
    keep = {}
    for u in chosen:
        keep[u] = written[u]
        for line in written[u].splitlines():
            if line.startswith('#include "'):
                inc = os.path.normpath(os.path.join(os.path.dirname(u), line.split('"')[1]))
                keep[inc] = written[inc]
    return keep


def generate(out, files, seed, pick=None):
    rng = random.Random(seed)
    n_helpers = max(1, files // 40)
    n_plain = max(1, files // 50)
    n_dirs = max(1, min(len(DOMAINS), round(files / 25)))
    n_local = max(0, min(n_dirs, files // 40))
    n_cu = files - 1 - n_helpers - n_plain - n_local  # 1: common/check.cuh
    if n_cu < 1:
        sys.exit(f"bench-corpus: --files must be at least {files - n_cu + 1}")
    written = {}
    written["common/check.cuh"] = CHECK_HEADER
    prefixes = [f"hx{rng.choice(WORDS)}{i}" for i in range(n_helpers)]
    for p in prefixes:
        written[f"common/{p}.cuh"] = helper_header(rng, p)
    written["util/host_timer.h"] = TIMER_H
    for i in range(n_plain - 1):
        written[f"util/table{i}.cpp"] = plain_cpp(rng, i)
    domains = DOMAINS[:n_dirs]
    locals_ = {}
    for d in domains[:n_local]:
        locals_[d] = f"{d}_params.cuh"
        written[f"{d}/{d}_params.cuh"] = local_header(rng, d, d)
    for i in range(n_cu):
        d = domains[i % n_dirs]
        tag = f"{rng.choice(WORDS).capitalize()}{i}"
        helpers = [(f"../common/{p}.cuh", p) for p in rng.sample(prefixes, k=min(len(prefixes), rng.randint(1, 2)))]
        u = Unit(random.Random(rng.random()), tag, d, helpers, locals_.get(d))
        written[f"{d}/{d}_{i:03d}.cu"] = write_unit(u, rng.randint(320, 480))
    assert len(written) == files, (len(written), files)
    if pick:
        written = picked(written, pick)
    for rel, text in sorted(written.items()):
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pick", type=int, metavar="K",
                    help="write only K .cu files of the N-file tree (spread over it) and the headers they include")
    a = ap.parse_args()
    if os.path.exists(a.out) and os.listdir(a.out):
        sys.exit(f"bench-corpus: {a.out} is not empty")
    written = generate(a.out, a.files, a.seed, a.pick)
    lines = sum(t.count("\n") for t in written.values())
    print(f"bench-corpus: wrote {len(written)} files, {lines} lines to {a.out}")


if __name__ == "__main__":
    main()
