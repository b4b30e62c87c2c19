#!/bin/bash
# Runs a CUDA fixture on the CPU through the emulator (no GPU, no CUDA toolkit needed).
# usage: Tests/CUDAEmulator/run.sh path/to/file.cu [plain|tsan|asan]
#   tsan: ThreadSanitizer flags missing __syncthreads (data races on shared memory);
#   asan: AddressSanitizer + UBSan flag out-of-bounds accesses (the dynamic shared buffer is
#         allocated at exactly the launch's third argument).
set -u
here=$(cd "$(dirname "$0")" && pwd)
f=$1; mode=${2:-plain}
b=$(basename "$f" .cu); d=$(cd "$(dirname "$f")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$here/pp.py" "$f" > "$work/$b.cpp" || exit 2
flags="-O1 -g"
[ "$mode" = tsan ] && flags="$flags -fsanitize=thread"
[ "$mode" = asan ] && flags="$flags -fsanitize=address,undefined -fno-sanitize-recover=undefined"
g++ -std=c++20 -w $flags -I "$here/inc" -I "$d" "$work/$b.cpp" -o "$work/$b" -lpthread || exit 2
timeout 120 "$work/$b"
