#!/usr/bin/env bash
# Migrates each fixture program (Fixtures/programs/*/ and Fixtures/demo) with the cu2sycl CLI into
# .build/fixtures-out/<name>/ and proves the result with scripts/verify-sycl.sh: it type-checks against
# the real SYCL 2020 headers, builds with the DPC++ device compiler, runs on the CPU and passes its
# own check. Prints "N passed, M failed" at the end.
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
  rm -rf "$input"
  for f in "$OUT/$name"/*.sycl.cpp; do
    grep -q 'int main' "$f" && programs+=("$f")
  done
done
"$ROOT/scripts/verify-sycl.sh" "${programs[@]}" || status=1
exit $status
