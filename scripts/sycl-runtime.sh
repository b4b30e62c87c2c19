#!/usr/bin/env bash
# scripts/sycl-runtime.sh -- install the pinned SYCL 2020 CPU runtime that scripts/verify-sycl.sh
# uses to type-check, compile and run migrated programs, and build the harness's device compiler.
#
#   PREFIX=$(scripts/sycl-runtime.sh | tail -n 1)
#
# Prints the prefix as the last line of stdout (everything else goes to stderr). Idempotent: when
# the prefix is complete and cu2sycl-devc is up to date it only prints the path.
#
# What it installs, from PyPI wheels only (no Intel compiler, no GPU, no root):
#   intel-sycl-rt, intel-cmplr-lib-rt, intel-cmplr-lib-ur, intel-opencl-rt (2026.2.0), umf 1.2.0,
#   tcmlib 1.6.0, tbb 2023.2.0, plus libur_adapter_opencl.so from intel-cmplr-lib-ur 2026.1.2
#   (the 2026.2.0 wheel ships no OpenCL adapter; 2026.1.2's has the same UR ABI).
# Versions and wheel hashes are pinned: Tests/SYCLHarness/register_images.hpp depends on libsycl's
# internal descriptor layout of exactly this version.
#
# Where: ${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}/sycl-rt-2026.2.0 (about 1.5 GB;
# the download is about 510 MB). The install is built in a temporary directory next to it and
# renamed into place at the end, so an interrupted install never leaves a prefix that looks
# complete. Then PREFIX/bin/cu2sycl-devc is (re)built from Tests/SYCLHarness/devc.cpp whenever it
# is missing or that source (or the compiler command) changed.
#
# Environment:
#   CU2SYCL_CACHE       cache root (see above)
#   CU2SYCL_CXX         host C++ compiler (default clang++-16)
#   CU2SYCL_WHEELHOUSE  optional directory of already-downloaded wheels (all eight, any layout
#                       pip's --find-links accepts): install offline from it
#   PYTHON              python with pip (default python3)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
V=2026.2.0
CACHE=${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}
PREFIX=$CACHE/sycl-rt-$V
CXX=${CU2SYCL_CXX:-clang++-16}
PYTHON=${PYTHON:-python3}
DEVC_SRC=$ROOT/Tests/SYCLHarness/devc.cpp

log() { echo "sycl-runtime: $*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$CACHE"
# Serialize concurrent callers (parallel test runs) on the install and the devc build.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.sycl-runtime.lock"
  flock 9
fi

# The pinned wheels, as pip requirement lines with their PyPI sha256.
MAIN_REQS="intel-sycl-rt==$V --hash=sha256:ad920da1ffcb43edbc03422a7c85094997e6d578f9ab534743442af70bcbfaa1
intel-cmplr-lib-rt==$V --hash=sha256:9f713083073a820d2496a6da8e8d4f3482aba6640f74521d25ea48dcebe72748
intel-cmplr-lib-ur==$V --hash=sha256:0d0a5099aa2e1e38375b509c2a8182e719ed74aa656b2a800ddf6cfbd3384b80
intel-opencl-rt==$V --hash=sha256:6b6215a420598b4999ee01caca6d5cbe106aa4155c46c52377619c5aafce9f67
umf==1.2.0 --hash=sha256:238d186fdd9e9c0fe1489da95b19b0b79045fe26c4aa98bd0a022a2a3603c195
tcmlib==1.6.0 --hash=sha256:46c2491988bfd18c4733eeb08aca6a386706a497b92cc51d155f37ddea003c14
tbb==2023.2.0 --hash=sha256:7d80615b6e970f11671fa05b6eaa9483ac864fbfe525ac280271a78b37870b7c"
ADAPTER_REQS="intel-cmplr-lib-ur==2026.1.2 --hash=sha256:b27207f3b42d12ce88cd53ca8b3b7a7e79755aa07a84eccf1c209fcbefe468bf"

# Extract the files under *.data/data/ of wheel $1 into directory $2, keeping permission bits
# (only members whose path inside data/ matches the optional glob $3).
extract_wheel_data() {
  "$PYTHON" - "$@" <<'PY'
import fnmatch, os, sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
pattern = sys.argv[3] if len(sys.argv) > 3 else "*"
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        name = info.filename
        if ".data/data/" not in name or name.endswith("/"):
            continue
        rel = name.split(".data/data/", 1)[1]
        if ".." in rel.split("/") or rel.startswith("/") or not fnmatch.fnmatch(rel, pattern):
            continue
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(info) as src, open(target, "wb") as out:
            while True:
                chunk = src.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
        mode = (info.external_attr >> 16) & 0o777
        os.chmod(target, mode | 0o644 if mode else 0o644)
PY
}

install_runtime() {
  "$PYTHON" -m pip --version >/dev/null 2>&1 || die "$PYTHON -m pip is not available"
  local tmp wheels
  # Leftovers of interrupted installs (we hold the lock, so nobody is using them).
  rm -rf "$CACHE"/.sycl-rt-*.partial.*
  tmp=$(mktemp -d "$CACHE/.sycl-rt-$V.partial.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  trap 'exit 130' INT TERM HUP
  # Downloads are kept until the install succeeds, so a retry after an interruption is quick.
  wheels=$CACHE/wheels-$V
  mkdir -p "$wheels/main" "$wheels/adapter"
  printf '%s\n' "$MAIN_REQS" > "$tmp/main.txt"
  printf '%s\n' "$ADAPTER_REQS" > "$tmp/adapter.txt"
  local pip_src=()
  [ -n "${CU2SYCL_WHEELHOUSE:-}" ] && pip_src=(--no-index --find-links "$CU2SYCL_WHEELHOUSE")
  log "downloading the SYCL $V runtime wheels (about 510 MB) into $wheels"
  "$PYTHON" -m pip download -q --no-deps --no-cache-dir --require-hashes ${pip_src[@]+"${pip_src[@]}"} \
    -d "$wheels/main" -r "$tmp/main.txt" >&2
  "$PYTHON" -m pip download -q --no-deps --no-cache-dir --require-hashes ${pip_src[@]+"${pip_src[@]}"} \
    -d "$wheels/adapter" -r "$tmp/adapter.txt" >&2
  log "unpacking into $PREFIX"
  local stage=$tmp/prefix w
  mkdir -p "$stage"
  for w in "$wheels"/main/*.whl; do extract_wheel_data "$w" "$stage"; done
  for w in "$wheels"/adapter/*.whl; do extract_wheel_data "$w" "$stage" 'lib/libur_adapter_opencl.so*'; done
  [ -f "$stage/lib/libsycl.so" ] && [ -f "$stage/lib/libintelocl.so" ] && [ -f "$stage/lib/libsycl-jit.so" ] &&
    [ -f "$stage/lib/libur_adapter_opencl.so" ] && [ -f "$stage/include/sycl/sycl.hpp" ] ||
    die "the unpacked wheels lack expected files (libsycl, libintelocl, libsycl-jit, OpenCL adapter, headers)"
  # The OpenCL ICD loader finds Intel's CPU runtime through this vendor file (OCL_ICD_VENDORS).
  mkdir -p "$stage/icd" "$stage/bin"
  echo "$PREFIX/lib/libintelocl.so" > "$stage/icd/intel-cpu.icd"
  # LD_LIBRARY_PATH is required, not just the executables' rpath: without it the OpenCL adapter
  # fails with UR_RESULT_ERROR_UNINITIALIZED. Debian's pocl (no USM support) must not be picked.
  cat > "$stage/env.sh" <<ENV
# source this to run programs built against the cu2sycl SYCL CPU runtime
export SYCLRT=$PREFIX
export LD_LIBRARY_PATH=$PREFIX/lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}
export OCL_ICD_VENDORS=$PREFIX/icd
export ONEAPI_DEVICE_SELECTOR=opencl:cpu
ENV
  printf '%s\n' "$MAIN_REQS" "$ADAPTER_REQS" > "$stage/.complete"
  rm -rf "$PREFIX"   # only ever an incomplete leftover here (a complete one has .complete)
  mv "$stage" "$PREFIX"
  rm -rf "$tmp" "$wheels"
  trap - EXIT INT TERM HUP
  log "installed $PREFIX"
}

build_devc() {
  command -v "$CXX" >/dev/null 2>&1 || die "$CXX not found (scripts/setup.sh installs clang-16)"
  [ -f "$DEVC_SRC" ] || die "missing $DEVC_SRC"
  local cmd=("$CXX" -std=c++17 -O1 -DSYCL_DISABLE_FSYCL_SYCLHPP_WARNING -D__SYCL_DISABLE_DEPRECATION_WARNINGS
             -isystem "$PREFIX/include" -L"$PREFIX/lib" -lsycl -Wl,-rpath,"$PREFIX/lib")
  local want have=""
  # Keyed on the source's content (not its path, so checkouts elsewhere share it) and the command.
  want=$({ cat "$DEVC_SRC"; printf '%s\n' "${cmd[*]}"; } | sha256sum | cut -d' ' -f1)
  [ -f "$PREFIX/bin/cu2sycl-devc.sha256" ] && have=$(cat "$PREFIX/bin/cu2sycl-devc.sha256")
  [ -x "$PREFIX/bin/cu2sycl-devc" ] && [ "$want" = "$have" ] && return 0
  log "building $PREFIX/bin/cu2sycl-devc"
  mkdir -p "$PREFIX/bin"
  local out=$PREFIX/bin/.cu2sycl-devc.tmp.$$
  "${cmd[@]}" "$DEVC_SRC" -o "$out" >&2 || { rm -f "$out"; die "building cu2sycl-devc failed"; }
  mv -f "$out" "$PREFIX/bin/cu2sycl-devc"
  # The hash is written last: an interruption before this point means a rebuild next time.
  echo "$want" > "$PREFIX/bin/.cu2sycl-devc.sha256.tmp.$$"
  mv -f "$PREFIX/bin/.cu2sycl-devc.sha256.tmp.$$" "$PREFIX/bin/cu2sycl-devc.sha256"
}

[ -f "$PREFIX/.complete" ] || install_runtime
build_devc
echo "$PREFIX"
