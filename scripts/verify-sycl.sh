#!/usr/bin/env bash
# scripts/verify-sycl.sh [--typecheck-only] FILE.cpp...
#
# Proves that migrated SYCL 2020 programs are correct on a CPU-only machine, with the pinned
# runtime from scripts/sycl-runtime.sh (PyPI wheels) and clang++-16. For each FILE (one
# translation unit; it may include headers from its own directory with relative quotes):
#   1. type-check against the real SYCL headers:
#        clang++-16 -std=c++17 -fsyntax-only -isystem PREFIX/include ...   (must have no errors)
#   2. unless --typecheck-only:
#      a. device compile: PREFIX/bin/cu2sycl-devc (DPC++ front end inside libsycl-jit.so) gives the
#         SPIR-V images and the integration header;
#      b. host compile: clang++-16 -fsycl-is-host with the integration header and
#         Tests/SYCLHarness/register_images.hpp force-included, linked with libsycl (and with the
#         libraries the file names in a comment `// cu2sycl-fixture: link -lEGL -lGL`);
#      c. run on Intel's OpenCL CPU device. It passes when it exits 0, prints a line starting with
#         "PASS" and prints no line starting with "FAIL".
#
# Prints "ok   FILE (typecheck, run: PASS)" or "FAIL FILE: reason" (output indented below) per
# file, in argument order, then "N passed, M failed". Exits 0 only if every file passed
# (1 if some failed, 2 on bad usage).
#
# Cache: $CACHE/verify/<key>/ holds the type-check result and the built executable and images,
# where CACHE is ${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl} and key is the sha256 of
# the file, of every *.h/*.hpp/*.hh/*.cuh/*.inc file under the file's directory (recursively), of
# the harness sources, this script and the compiler's version. A rerun with unchanged inputs skips
# both compiles but always runs the program again. Entries unused for 30 days are removed.
#
# Environment: CU2SYCL_CACHE, CU2SYCL_CXX (default clang++-16), CU2SYCL_JOBS (parallel files,
# default 2), CU2SYCL_RUN_TIMEOUT (seconds per run, default 120), CU2SYCL_LOG_LINES (lines of
# output shown per failure, default 80).
set -euo pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
HERE=$(dirname "$SELF")
ROOT=$(dirname "$HERE")
HARNESS=$ROOT/Tests/SYCLHarness

usage() {
  echo "usage: $(basename "$0") [--typecheck-only] FILE.cpp..." >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------
# One file, run by xargs in a child process ("--one INDEX FILE"). Configuration comes from the
# V_* variables exported by the parent. Writes $V_RES/INDEX.out (the report), then
# $V_RES/INDEX.done containing "ok" or "fail".

indent() { # indent FILE...: the files' content, indented, capped at V_LOG_LINES lines
  local total
  total=$(cat "$@" 2>/dev/null | wc -l)
  cat "$@" 2>/dev/null | head -n "$V_LOG_LINES" | sed 's/^/    /'
  if [ "$total" -gt "$V_LOG_LINES" ]; then
    echo "    ... ($((total - V_LOG_LINES)) more lines)"
  fi
}

# finish ok|fail: publish this file's result (the report was written first; rename is atomic).
finish() {
  echo "$1" > "$V_RES/$V_IDX.done.tmp"
  mv "$V_RES/$V_IDX.done.tmp" "$V_RES/$V_IDX.done"
  exit 0
}

# fail REASON [FILES whose output to show]
fail() {
  local reason=$1; shift
  { echo "FAIL $V_FILE: $reason"; [ $# -eq 0 ] || indent "$@"; } > "$V_RES/$V_IDX.out"
  finish fail
}

# If anything dies unexpectedly, still report the file (as a harness failure).
on_exit() {
  rm -rf "$work"
  if [ ! -f "$V_RES/$V_IDX.done" ]; then
    echo "FAIL $V_FILE: internal error in verify-sycl.sh" > "$V_RES/$V_IDX.out"
    echo fail > "$V_RES/$V_IDX.done"
  fi
}

has_images() { ls "$1"/sycl_*.spv > /dev/null 2>&1; }

verify_one() {
  V_IDX=$1 V_FILE=$2
  local file=$2
  work=$(mktemp -d "${TMPDIR:-/tmp}/cu2sycl-verify.XXXXXX")
  trap on_exit EXIT

  [ -f "$file" ] || fail "no such file"
  local src dir
  src=$(readlink -f "$file")
  dir=$(dirname "$src")

  # Cache key: the harness fingerprint, the file, and the headers next to it (by relative path).
  local key
  key=$(
    cd "$dir"
    {
      echo "$V_FINGERPRINT"
      echo "$(basename "$src")"; sha256sum < "$src"
      find . \( -name '.*' -a ! -name . -prune \) -o -type f \
        \( -name '*.h' -o -name '*.hpp' -o -name '*.hh' -o -name '*.cuh' -o -name '*.inc' \) -print0 |
        LC_ALL=C sort -z | xargs -0 -r sha256sum --
    } | sha256sum | cut -d' ' -f1
  )
  local entry=$V_CACHE/$key
  mkdir -p "$entry"
  touch "$entry"  # marks it as used, for the 30-day clean-up

  # The runtime environment for both the device compiler and the program. LD_LIBRARY_PATH is
  # needed even with the rpath (else the OpenCL adapter fails with UR_RESULT_ERROR_UNINITIALIZED).
  local rt_env=(LD_LIBRARY_PATH="$V_PREFIX/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
                OCL_ICD_VENDORS="$V_PREFIX/icd" ONEAPI_DEVICE_SELECTOR=opencl:cpu)
  local common=(-std=c++17 -DSYCL_DISABLE_FSYCL_SYCLHPP_WARNING -D__SYCL_DISABLE_DEPRECATION_WARNINGS
                -Wno-unknown-attributes -isystem "$V_PREFIX/include" -I "$dir")

  # 1. Type-check.
  if [ ! -f "$entry/typecheck.ok" ]; then
    if ! "$V_CXX" -fsyntax-only "${common[@]}" "$src" > "$work/typecheck.log" 2>&1; then
      fail "type-check failed" "$work/typecheck.log"
    fi
    : > "$entry/typecheck.ok"
  fi
  if [ "$V_TYPECHECK_ONLY" = 1 ]; then
    echo "ok   $file (typecheck)" > "$V_RES/$V_IDX.out"
    finish ok
  fi

  # 2a/2b. Device and host compile into a fresh directory, renamed into the cache when complete.
  if [ ! -x "$entry/build/a.out" ]; then
    local build
    build=$(mktemp -d "$entry/.build.XXXXXX")
    local rc=0
    # SYCL_DUMP_IMAGES=1 makes libsycl write the SPIR-V into the current directory.
    # -fsycl-device-code-split=off: one image for the whole file (splitting can lose images when
    #   the compiler crashes late); -fno-sycl-dead-args-optimization: the host side has no way to
    #   learn which kernel arguments were dropped (launches fail with INVALID_KERNEL_ARGUMENT_INDEX).
    # (The outer 2>/dev/null only hides bash's own "Segmentation fault" notice.)
    { env -C "$build" "${rt_env[@]}" SYCL_DUMP_IMAGES=1 timeout 600 "$V_PREFIX/bin/cu2sycl-devc" "$src" \
        -fsycl-device-code-split=off -fno-sycl-dead-args-optimization -I "$dir" \
        -Xclang -fsycl-int-header="$build/int_header.h" > "$work/device.log" 2>&1; } 2> /dev/null || rc=$?
    if [ "$rc" -ne 0 ]; then
      # A known libsycl bug (e.g. with group_local_memory) crashes the device step after it wrote
      # the image and the header; only that case is accepted.
      if ! { [ "$rc" -ge 128 ] && [ "$rc" -ne 124 ] && [ -s "$build/int_header.h" ] &&
             has_images "$build"; }; then
        rm -rf "$build"
        fail "device compile failed (exit $rc)" "$work/device.log"
      fi
    fi
    # No image is fine for a program without kernels: then the integration header names none.
    if ! has_images "$build" && grep -qs '"_Z' "$build/int_header.h"; then
      rm -rf "$build"
      fail "device compile produced no SPIR-V image" "$work/device.log"
    fi
    [ -f "$build/int_header.h" ] || : > "$build/int_header.h"
    # A program that needs system libraries names them in a comment (kept by the migration):
    #   // cu2sycl-fixture: link -lEGL -lGL
    local links=()
    read -r -a links <<< "$(grep -o 'cu2sycl-fixture: link .*' "$src" | head -n 1 | sed 's/^cu2sycl-fixture: link //')" || true
    if ! "$V_CXX" -O1 "${common[@]}" -Xclang -fsycl-is-host -D__SYCL_UNNAMED_LAMBDA__ \
        -include "$build/int_header.h" -include "$HARNESS/register_images.hpp" "$src" \
        -L"$V_PREFIX/lib" -lsycl -Wl,-rpath,"$V_PREFIX/lib" "${links[@]}" -o "$build/a.out" > "$work/host.log" 2>&1; then
      rm -rf "$build"
      fail "host compile failed" "$work/host.log"
    fi
    # Atomic publish; if a concurrent run got there first, keep theirs.
    chmod 755 "$build"
    mv -T "$build" "$entry/build" 2>/dev/null || rm -rf "$build"
  fi

  # 2c. Run (always, even when cached), in a scratch directory.
  local images="" image
  for image in "$entry"/build/sycl_*.spv; do [ ! -f "$image" ] || images+="$image:"; done
  mkdir -p "$work/run"
  local rc=0
  { env -C "$work/run" "${rt_env[@]}" CU2SYCL_SPV_IMAGES="$images" timeout "$V_RUN_TIMEOUT" \
      "$entry/build/a.out" < /dev/null > "$work/stdout" 2> "$work/stderr"; } 2> /dev/null || rc=$?
  { cat "$work/stdout"; [ ! -s "$work/stderr" ] || { echo "--- stderr:"; cat "$work/stderr"; }; } > "$work/run.log"
  if [ "$rc" -eq 124 ]; then
    fail "run timed out after ${V_RUN_TIMEOUT}s" "$work/run.log"
  elif [ "$rc" -gt 128 ]; then
    fail "run killed by signal $((rc - 128))" "$work/run.log"
  elif [ "$rc" -ne 0 ]; then
    fail "run exited with status $rc" "$work/run.log"
  elif grep -q '^FAIL' "$work/stdout"; then
    fail "the program printed a FAIL line" "$work/run.log"
  elif ! grep -q '^PASS' "$work/stdout"; then
    fail "the program printed no PASS line" "$work/run.log"
  fi
  echo "ok   $file (typecheck, run: PASS)" > "$V_RES/$V_IDX.out"
  finish ok
}

if [ "${1:-}" = "--one" ]; then
  shift
  verify_one "$@"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Main: set up, verify the files in parallel, report in argument order.

typecheck_only=0
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --typecheck-only) typecheck_only=1 ;;
    -h|--help) usage ;;
    --) shift; files+=("$@"); break ;;
    -*) echo "verify-sycl: unknown option $1" >&2; usage ;;
    *) files+=("$1") ;;
  esac
  shift
done
[ ${#files[@]} -gt 0 ] || usage

CACHE=${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}
CXX=${CU2SYCL_CXX:-clang++-16}
command -v "$CXX" > /dev/null 2>&1 || { echo "verify-sycl: $CXX not found (run scripts/setup.sh)" >&2; exit 1; }
PREFIX=$("$HERE/sycl-runtime.sh" | tail -n 1)
[ -f "$PREFIX/.complete" ] || { echo "verify-sycl: no SYCL runtime at '$PREFIX'" >&2; exit 1; }

RES=$(mktemp -d "${TMPDIR:-/tmp}/cu2sycl-verify-results.XXXXXX")
trap 'rm -rf "$RES"' EXIT

export V_PREFIX=$PREFIX V_CXX=$CXX V_CACHE=$CACHE/verify V_RES=$RES V_TYPECHECK_ONLY=$typecheck_only
export V_RUN_TIMEOUT=${CU2SYCL_RUN_TIMEOUT:-120} V_LOG_LINES=${CU2SYCL_LOG_LINES:-80}
V_FINGERPRINT=$(
  {
    echo "$PREFIX"; "$CXX" --version
    sha256sum "$SELF" "$HARNESS/devc.cpp" "$HARNESS/register_images.hpp" "$PREFIX/bin/cu2sycl-devc.sha256" |
      cut -d' ' -f1
  } | sha256sum | cut -d' ' -f1
)
export V_FINGERPRINT
mkdir -p "$V_CACHE"
find "$V_CACHE" -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} + 2> /dev/null || true

jobs=${CU2SYCL_JOBS:-2}
for i in "${!files[@]}"; do printf '%s\0%s\0' "$i" "${files[$i]}"; done |
  xargs -0 -n 2 -P "$jobs" bash "$SELF" --one &
runner=$!

passed=0 failed=0
for i in "${!files[@]}"; do
  # Print each result as soon as it and all earlier ones are done (deterministic order).
  while [ ! -f "$RES/$i.done" ] && kill -0 "$runner" 2> /dev/null; do sleep 0.1; done
  if [ -f "$RES/$i.done" ] && [ "$(cat "$RES/$i.done")" = ok ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  if [ -f "$RES/$i.out" ]; then cat "$RES/$i.out"; else echo "FAIL ${files[$i]}: not verified (runner stopped)"; fi
done
wait "$runner" || true
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
