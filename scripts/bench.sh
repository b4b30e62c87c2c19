#!/usr/bin/env bash
# `make bench`: how fast cu2sycl is against the per-file clang parse floor (issue 6). Docs/Benchmark.md.
#
#   scripts/bench.sh                      # 500 generated files and a 20-file subset, one run each
#   BENCH_FILES=40 scripts/bench.sh       # a smaller corpus while developing
#
# Environment: BENCH_FILES (500), BENCH_SUBSET (20 .cu files; 0 skips the subset), BENCH_SEED (1),
# BENCH_REPEAT (1; 3 takes the median of three), BENCH_JOBS (the N of "N workers"; default: the cores),
# CU2SYCL_BIN (default .build/release/cu2sycl), BENCH_OUT (default .build/bench; the corpus, outputs,
# cache and result.json go there).
# It measures the binary as it is: build it first (`make bench` runs `swift build -c release`).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/bench.py "$@"
