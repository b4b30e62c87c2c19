#!/usr/bin/env bash
# Opens an HTML coverage report in headless Chromium: index.html, warnings.html and every file page.
# Fails (exit 1, listing them) on any console error, uncaught JavaScript exception, resource that does
# not load or Content-Security-Policy violation, and when the summary tables do not sort.
#   scripts/check-html-report.sh SITE_DIR [SCREENSHOT_DIR]   # + screenshots of the index and one file page
#                                                            #   (1400x1000, whole page, and 800 px wide)
#   scripts/check-html-report.sh --self-test                 # proves a planted error is caught
# Needs Debian's chromium (scripts/setup.sh installs it: `make setup`) and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

chromium=""
for c in ${CHROMIUM:-} chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then chromium="$(command -v "$c")"; break; fi
done
if [ -z "$chromium" ]; then
  echo "check-html-report: chromium is not installed: run \`make setup\` (scripts/setup.sh installs it)" >&2
  exit 2
fi

if [ "${1:-}" = "--self-test" ]; then
  # A site with a planted exception, console error and missing stylesheet must fail, naming each.
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  mkdir -p "$dir/files"
  printf '%s\n' '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>planted</title></head>' \
    '<body><p>planted errors</p><script>console.error("planted console error"); plantedUndefinedFunction();</script></body></html>' > "$dir/index.html"
  printf '%s\n' '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>f</title>' \
    '<link rel="stylesheet" href="../planted-missing.css"></head><body><p>f</p></body></html>' > "$dir/files/f.html"
  set +e
  out="$(python3 "$here/check-html-report.py" "$chromium" "$dir")"
  rc=$?
  set -e
  echo "$out"
  for want in "uncaught exception: ReferenceError: plantedUndefinedFunction" "console.error: planted console error" "planted-missing.css"; do
    if ! grep -qF "$want" <<<"$out"; then echo "check-html-report self-test: FAILED: '$want' not reported" >&2; exit 1; fi
  done
  [ "$rc" -eq 1 ] || { echo "check-html-report self-test: FAILED: exit status $rc, expected 1" >&2; exit 1; }
  echo "check-html-report self-test: ok (planted errors were caught)"
  exit 0
fi

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SITE_DIR [SCREENSHOT_DIR] | --self-test" >&2
  exit 2
fi
exec python3 "$here/check-html-report.py" "$chromium" "$@"
