#!/usr/bin/env bash
# For each fixture program (Fixtures/programs/*/ and Fixtures/demo):
#  1. the original CUDA runs on the CPU through Tests/CUDAEmulator and prints PASS (so the program's
#     own check is right before migration; no GPU needed);
#  2. the cu2sycl CLI migrates it into .build/fixtures-out/<name>/;
#  3. scripts/verify-sycl.sh proves the SYCL type-checks against the real SYCL 2020 headers, builds
#     with the DPC++ device compiler, runs on the CPU and passes the same check.
# Prints "N passed, M failed" at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${CU2SYCL_BIN:-$ROOT/.build/debug/cu2sycl}
OUT=$ROOT/.build/fixtures-out
rm -rf "$OUT"
mkdir -p "$OUT"
status=0
programs=()
for dir in "$ROOT"/Fixtures/programs/*/ "$ROOT"/Fixtures/demo/; do
  name=$(basename "$dir")
  # Inputs only: the golden outputs that sit next to the CUDA files are not part of the program.
  input=$(mktemp -d)
  find "$dir" -maxdepth 1 -type f \( -name '*.cu' -o -name '*.cuh' -o -name '*.h' \) -exec cp {} "$input"/ \;
  if ! "$BIN" migrate "$input" --out "$OUT/$name" > "$OUT/$name.summary" 2>&1; then
    echo "FAIL $name: cu2sycl migrate failed"; sed 's/^/    /' "$OUT/$name.summary"; status=1
  fi
  for cu in "$input"/*.cu; do
    if ! grep -q 'int main' "$cu"; then continue; fi
    # A fixture whose CUDA the emulator cannot run (warp shuffles, say) says so, with the reason:
    #   // cu2sycl-fixture: no-emulator (reason)
    if grep -q 'cu2sycl-fixture: no-emulator' "$cu"; then
      echo "ok   $name/$(basename "$cu") (original CUDA not emulated: $(grep -o 'no-emulator.*' "$cu" | head -1))"; continue
    fi
    if ! "$ROOT/Tests/CUDAEmulator/run.sh" "$cu" plain > "$OUT/$name.emulated" 2>&1 || ! grep -q '^PASS' "$OUT/$name.emulated"; then
      echo "FAIL $name: the original CUDA program does not pass on the CPU emulator"; sed 's/^/    /' "$OUT/$name.emulated"; status=1
    else
      echo "ok   $name/$(basename "$cu") (original CUDA on the CPU emulator: PASS)"
    fi
  done
  rm -rf "$input"
  for f in "$OUT/$name"/*.sycl.cpp; do
    grep -q 'int main' "$f" && programs+=("$f")
  done
done
"$ROOT/scripts/verify-sycl.sh" "${programs[@]}" || status=1
exit $status
