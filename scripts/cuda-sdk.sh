#!/usr/bin/env bash
# scripts/cuda-sdk.sh -- assemble a minimal CUDA 11.8 SDK tree (headers only) from pinned PyPI
# wheels, for cu2sycl's SDK mode (`cu2sycl migrate DIR --cuda-path SDK`) and its tests.
#
#   SDK=$(scripts/cuda-sdk.sh | tail -n 1)
#   cu2sycl migrate Fixtures/programs/saxpy --out /tmp/saxpy --cuda-path "$SDK"
#
# Prints the SDK root as the last line of stdout (everything else goes to stderr). Idempotent:
# when the tree is complete it only prints the path.
#
# What it installs, from PyPI wheels only (no NVIDIA installer, no GPU, no root), all for
# manylinux2014_x86_64 whatever the host (headers are the same on every platform, and one wheel
# per package keeps the hash pins simple):
#   nvidia-cuda-runtime-cu11 11.8.89        include/: cuda.h, cuda_runtime*.h, vector_types.h,
#                                           cooperative_groups, ...
#   nvidia-cuda-nvcc-cu11 11.8.89           include/crt/ (host_defines.h, math_functions.h, ...),
#                                           nvvm/libdevice/libdevice.10.bc
#   nvidia-cuda-cccl-cu11 11.8.89.post1     include/thrust, include/cub, include/cuda/std, nv/
#   nvidia-curand-cu11 10.3.0.86            include/curand*.h (clang's CUDA wrapper force-includes
#                                           curand_mtgp32_kernel.h, so this one is required)
#   nvidia-cuda-profiler-api-cu11 11.8.86   include/cuda_profiler_api.h, cudaProfiler.h
# Only include/ and nvvm/libdevice/ are taken from the wheels (no ptxas, libnvvm, libcudart or
# libcurand). The tree has the layout clang's CUDA detection wants: include/ and bin/ (empty) must
# exist, nvvm/libdevice/libdevice.10.bc is there for invocations without -nocudalib, and clang
# reads the version (11.8) from include/cuda.h. version.json mimics the real SDK's.
#
# Parse with (the flags of CUDAEnvironment.parseArguments in SDK mode):
#   clang-16 -x cuda --cuda-host-only -nocudalib -std=c++17 -Wno-unknown-cuda-version \
#            -D_CG_LIMIT_INCLUDED_DEPENDENCIES --cuda-path="$SDK" -fsyntax-only file.cu
# Known limits of these headers with clang 16 and Debian's libstdc++ 12 (not of this tree):
# crt/host_defines.h defines __noinline__ as a macro, which breaks <memory> (and so thrust) unless
# the macro is #undef'd after clang's CUDA wrapper (clang >= 15 has __noinline__ as a keyword);
# libcu++'s <cuda/std/...> does not parse in host-only mode ("device code does not support
# variadic functions").
#
# Where: ${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}/cuda-sdk-11.8 (about 23 MB; the
# download is about 81 MB, mostly libcurand.so inside the curand wheel, and is deleted afterwards).
# The tree is built in a temporary directory next to it and renamed into place at the end, so an
# interrupted install never leaves a tree that looks complete.
#
# Environment:
#   CU2SYCL_CACHE       cache root (see above)
#   CU2SYCL_WHEELHOUSE  optional directory of already-downloaded wheels (all five, any layout
#                       pip's --find-links accepts): install offline from it
#   PYTHON              python with pip (default python3)
set -euo pipefail

V=11.8
CACHE=${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}
SDK=$CACHE/cuda-sdk-$V
PYTHON=${PYTHON:-python3}

log() { echo "cuda-sdk: $*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$CACHE"
# Serialize concurrent callers (parallel test runs) on the install.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.cuda-sdk.lock"
  flock 9
fi

# The pinned wheels, as pip requirement lines with their PyPI sha256 (manylinux2014_x86_64).
REQS="nvidia-cuda-runtime-cu11==11.8.89 --hash=sha256:92d04069a987e1fbc9213f8376d265df0f7bb42617d44f5eda1f496acea7f2d1
nvidia-cuda-nvcc-cu11==11.8.89 --hash=sha256:f8e1e995166c884f2f5bf94975d7abb89175363b8712f7f81cd38d0df1b2cd85
nvidia-cuda-cccl-cu11==11.8.89.post1 --hash=sha256:646c7843c50b0267043f2c071183c7fe57269ac871c970c6de63b19fe1c6229e
nvidia-curand-cu11==10.3.0.86 --hash=sha256:cd4cffbf78bb06580206b4814d5dc696d1161c902aae37b2bba00056832379e6
nvidia-cuda-profiler-api-cu11==11.8.86 --hash=sha256:db82fc48aef5f88df82cae279bcf2db9fe599faea1d7647777a72eee139c8133"

# Extract from wheel $1 into directory $2 the files under nvidia/<component>/include/ (into
# include/) and nvidia/<component>/nvvm/libdevice/ (into nvvm/libdevice/), leaving out the
# packages' __init__.py files. A path that an earlier wheel already wrote must have the same
# content (the wheels share no headers today; this keeps it that way).
extract_wheel() {
  "$PYTHON" - "$@" <<'PY'
import os, sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
n = 0
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        parts = info.filename.split("/")
        if info.filename.endswith("/") or len(parts) < 4 or parts[0] != "nvidia":
            continue
        if parts[2] == "include":
            rel = parts[2:]
        elif parts[2:4] == ["nvvm", "libdevice"]:
            rel = parts[2:]
        else:
            continue
        if parts[-1] == "__init__.py" or ".." in rel or "" in rel:
            continue
        target = os.path.join(dest, *rel)
        data = z.read(info)
        if os.path.exists(target):
            with open(target, "rb") as f:
                if f.read() != data:
                    sys.exit(f"{wheel}: {'/'.join(rel)} differs from the copy of an earlier wheel")
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(data)
        os.chmod(target, 0o644)
        n += 1
print(f"cuda-sdk: {os.path.basename(wheel)}: {n} files", file=sys.stderr)
PY
}

install_sdk() {
  "$PYTHON" -m pip --version >/dev/null 2>&1 || die "$PYTHON -m pip is not available"
  local tmp wheels
  # Leftovers of interrupted installs (we hold the lock, so nobody is using them).
  rm -rf "$CACHE"/.cuda-sdk-*.partial.*
  tmp=$(mktemp -d "$CACHE/.cuda-sdk-$V.partial.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  trap 'exit 130' INT TERM HUP
  # Downloads are kept until the install succeeds, so a retry after an interruption is quick.
  wheels=$CACHE/wheels-cuda-$V
  mkdir -p "$wheels"
  printf '%s\n' "$REQS" > "$tmp/reqs.txt"
  local pip_src=()
  [ -n "${CU2SYCL_WHEELHOUSE:-}" ] && pip_src=(--no-index --find-links "$CU2SYCL_WHEELHOUSE")
  log "downloading the CUDA $V header wheels (about 81 MB) into $wheels"
  "$PYTHON" -m pip download -q --no-deps --no-cache-dir --require-hashes \
    --only-binary=:all: --platform manylinux2014_x86_64 ${pip_src[@]+"${pip_src[@]}"} \
    -d "$wheels" -r "$tmp/reqs.txt" >&2
  log "unpacking into $SDK"
  local stage=$tmp/sdk w
  mkdir -p "$stage"
  # Only the pinned files: a wheelhouse or an older download may hold other versions.
  for w in nvidia_cuda_runtime_cu11-11.8.89 nvidia_cuda_nvcc_cu11-11.8.89 \
           nvidia_cuda_cccl_cu11-11.8.89.post1 nvidia_curand_cu11-10.3.0.86 \
           nvidia_cuda_profiler_api_cu11-11.8.86; do
    w=$wheels/$w-py3-none-manylinux2014_x86_64.whl
    [ -f "$w" ] || die "missing $w after the download"
    extract_wheel "$w" "$stage"
  done
  local f
  for f in cuda.h cuda_runtime.h cuda_runtime_api.h crt/host_defines.h crt/host_runtime.h \
           curand_mtgp32_kernel.h cuda_profiler_api.h thrust/version.h cub/cub.cuh; do
    [ -f "$stage/include/$f" ] || die "the unpacked wheels lack include/$f"
  done
  [ -f "$stage/nvvm/libdevice/libdevice.10.bc" ] || die "the unpacked wheels lack libdevice.10.bc"
  grep -q '^#define CUDA_VERSION 11080$' "$stage/include/cuda.h" || die "include/cuda.h is not CUDA 11.8"
  # clang's CUDA detection requires DIR/bin to exist; nothing in it is used for host-only parsing.
  mkdir -p "$stage/bin"
  cat > "$stage/version.json" <<'JSON'
{
   "cuda" : {
      "name" : "CUDA SDK (headers from PyPI wheels, assembled by cu2sycl scripts/cuda-sdk.sh)",
      "version" : "11.8.0"
   }
}
JSON
  printf '%s\n' "$REQS" > "$stage/.complete"
  rm -rf "$SDK"   # an incomplete leftover, or a tree made from other pins
  mv "$stage" "$SDK"
  rm -rf "$tmp" "$wheels"
  trap - EXIT INT TERM HUP
  log "installed $SDK"
}

# A tree made from other pins (an older version of this script) is rebuilt.
if ! { [ -f "$SDK/.complete" ] && [ "$(cat "$SDK/.complete")" = "$REQS" ]; }; then
  install_sdk
fi
echo "$SDK"
