#!/usr/bin/env bash
# Measures cu2sycl's coverage on a corpus of CUDA code (a checkout of cuda-samples, Rodinia, ...; never
# committed here): migrates each given directory on its own and sums the JSON reports.
#   scripts/corpus-coverage.sh [--extra-arg=-I...] DIR...
# Prints found/converted/review/manual/unsupported per occurrence kind, for host and device code, the
# top unsupported names, and files with parse errors.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${CU2SYCL_BIN:-$ROOT/.build/debug/cu2sycl}
extra=()
dirs=()
for a in "$@"; do case $a in --extra-arg=*) extra+=("$a");; *) dirs+=("$a");; esac; done
# CORPUS_KEEP=DIR keeps the migrated trees and JSON reports there for a closer look.
if [ -n "${CORPUS_KEEP:-}" ]; then work=$CORPUS_KEEP; rm -rf "$work"; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
i=0
for d in "${dirs[@]}"; do
  i=$((i + 1))
  "$BIN" migrate "$d" --out "$work/out$i" --report-json "$work/r$i.json" "${extra[@]}" >/dev/null 2>&1 || true
done
python3 - "$work" <<'PY'
import collections, glob, json, sys
work = sys.argv[1]
tot = collections.Counter(); by_side = collections.defaultdict(collections.Counter); by_kind = collections.defaultdict(collections.Counter)
names = collections.defaultdict(collections.Counter); errors = 0; files = 0
for f in glob.glob(work + "/r*.json"):
    r = json.load(open(f))
    for fr in r["files"]:
        files += fr["status"] == "migrated"; errors += fr["hasErrors"]
    for o in r["occurrences"]:
        side = "device" if o["context"] in ("device", "kernel", "host-device") else "host"
        for c in (tot, by_side[side], by_kind[o["kind"]]): c[o["outcome"]] += 1; c["found"] += 1
        if o["outcome"] in ("unsupported", "manual"): names[side][o["name"]] += 1
def row(label, c):
    f = c["found"]; print(f"{label:22} {f:7} {c['converted']:7} {c['review']:7} {c['manual']:7} {c['unsupported']:7} {100*c['converted']/max(f,1):7.1f}%")
print(f"{'':22} {'found':>7} {'conv':>7} {'review':>7} {'manual':>7} {'unsupp':>7} {'percent':>8}")
row("total", tot)
for s in ("device", "host"): row(s, by_side[s])
for k in sorted(by_kind): row("  " + k, by_kind[k])
print(f"{files} files migrated, {errors} with parse errors")
for s in ("device", "host"):
    print(f"top {s} unsupported/manual:", ", ".join(f"{n} ({c})" for n, c in names[s].most_common(30)))
PY
