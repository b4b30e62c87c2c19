#!/usr/bin/env python3
"""The benchmark behind `make bench` (run it through scripts/bench.sh; Docs/Benchmark.md explains it).

Generates the corpus (scripts/bench-corpus.py), then times whole commands by the wall clock, each under
/usr/bin/time -v for its peak memory: clang++-16 -fsyntax-only once per unit, sequentially (the per-file
parse floor of every clang-based tool), and cu2sycl examine/migrate with an empty cache (cold) with 1 and N
workers, and migrate again with the cache kept (warm). Prints a table and writes .build/bench/result.json.
"""

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = os.environ


def env_int(name, default):
    try:
        return int(ENV.get(name, default))
    except ValueError:
        sys.exit(f"bench: {name} must be a whole number, not '{ENV[name]}'")


FILES = env_int("BENCH_FILES", 500)
SUBSET = env_int("BENCH_SUBSET", 20)
SEED = env_int("BENCH_SEED", 1)
REPEAT = max(1, env_int("BENCH_REPEAT", 1))
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)  # what nproc says
JOBS = env_int("BENCH_JOBS", CORES)
OUT = os.path.abspath(ENV.get("BENCH_OUT", os.path.join(REPO, ".build", "bench")))
BIN = os.path.abspath(ENV.get("CU2SYCL_BIN", os.path.join(REPO, ".build", "release", "cu2sycl")))
CLANG = ENV.get("BENCH_CLANG", "clang++-16")
TIME = "/usr/bin/time"


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def capture(args):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.returncode, r.stdout


# ---------------------------------------------------------------------------------------------------------
# What the binary offers (the speed work lands in steps; what is missing is reported "not available").

def features():
    _, help_text = capture([BIN, "migrate", "--help"])
    rc, args = capture([BIN, "parse-arguments"])
    return {
        "jobs": "--jobs" in help_text,
        "no_cache": "--no-cache" in help_text,
        "quiet": "--quiet" in help_text,
        "verbose": "--verbose" in help_text,
        "parse_arguments": rc == 0 and args.strip() != "",
    }


FLAG_NAMES = {"jobs": "--jobs", "no_cache": "--no-cache (the persistent cache)", "quiet": "--quiet",
              "verbose": "--verbose", "parse_arguments": "parse-arguments"}


def clang_arguments(feat):
    """The compiler arguments cu2sycl's front end uses for a unit, before the unit's own -I dir."""
    if feat["parse_arguments"]:
        _, out = capture([BIN, "parse-arguments"])
        return [line for line in out.splitlines() if line], "cu2sycl parse-arguments"
    # Until `parse-arguments` exists: Sources/CU2SYCL/Frontend/CUDAEnvironment.swift, parseArguments.
    base = ["-x", "cuda", "--cuda-host-only", "-nocudalib", "-std=c++17", "-Wno-unknown-cuda-version",
            "-Wno-unused-command-line-argument"]
    bundled = os.path.join(os.path.dirname(BIN), "cu2sycl_CU2SYCL.resources", "cuda")
    for sdk in [ENV.get("CUDA_PATH"), ENV.get("CUDA_HOME"), "/usr/local/cuda"]:
        if sdk and os.path.exists(os.path.join(sdk, "include", "cuda_runtime.h")):
            root = os.path.realpath(sdk)
            return base + [f"--cuda-path={root}", "-D_CG_LIMIT_INCLUDED_DEPENDENCIES", "-include",
                           os.path.join(bundled, "cu2sycl_sdk_fixups.h")], "CUDAEnvironment.swift (SDK)"
    return base + ["-nocudainc", "-I", bundled, "-include", os.path.join(bundled, "cu2sycl_cuda.h")], \
        "CUDAEnvironment.swift (bundled)"


# ---------------------------------------------------------------------------------------------------------
# Running and timing.

def timed(args, env=None, stdout_path=os.devnull):
    """Runs one whole command; returns (wall seconds, max RSS in MB, exit status, stdout text)."""
    rusage = os.path.join(OUT, "time.txt")
    with open(stdout_path, "w") as out:
        start = time.monotonic()
        r = subprocess.run([TIME, "-v", "-o", rusage] + args, env=env, stdout=out, stderr=subprocess.PIPE, text=True)
        seconds = time.monotonic() - start
    rss = None
    with open(rusage) as f:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
        if m:
            rss = int(m.group(1)) / 1024.0
    text = open(stdout_path).read() if stdout_path != os.devnull else ""
    return seconds, rss, r.returncode, text, r.stderr


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def shell_quote(args):
    return " ".join(a if re.fullmatch(r"[A-Za-z0-9_./=:+,@%-]+", a) else "'" + a.replace("'", "'\\''") + "'" for a in args)


SUMMARY = re.compile(r"(\d+) files migrated, (\d+) copied, (\d+) with errors; (\d+) of (\d+) CUDA constructs converted \(([\d.]+)%\)")


def run_clang(corpus, units, args):
    """clang++ -fsyntax-only once per unit, one after the other, like a per-file tool."""
    times, failed = [], 0
    for _ in range(REPEAT):
        failed = 0
        start = time.monotonic()
        for unit in units:
            path = os.path.join(corpus, unit)
            r = subprocess.run([CLANG, "-fsyntax-only"] + args + ["-I", os.path.dirname(path), path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if r.returncode != 0:
                failed += 1
                if failed == 1:
                    log(f"clang failed on {unit}:\n{r.stderr[:2000]}")
        times.append(time.monotonic() - start)
    example = shell_quote([CLANG, "-fsyntax-only"] + args + ["-I", "DIR", "DIR/FILE.cu"])
    return {"name": "clang++-16 -fsyntax-only, per unit", "seconds": median(times), "max_rss_mb": None,
            "exit": 1 if failed else 0, "failed_units": failed,
            "command": f"for each .cu file: {example}"}


def run_cu2sycl(label, command, corpus, jobs, out_dir, feat, warm=False):
    """One cu2sycl run (median of BENCH_REPEAT). Cold runs get an empty cache directory (CU2SYCL_CACHE) and
    output directory every time; a warm run reuses both as the run before it left them."""
    cache = os.path.join(OUT, "cache")
    args = [command, corpus] + (["--out", out_dir, "--force"] if command == "migrate" else [])
    args += ["--jobs", str(jobs)] if jobs is not None else []
    # --verbose only adds one line to stderr, where the time went; --quiet is not used: it drops the summary.
    args += ["--verbose"] if feat["verbose"] else []
    times, rsss, result = [], [], {}
    for _ in range(REPEAT):
        if not warm:
            shutil.rmtree(cache, ignore_errors=True)
            os.makedirs(cache)
            shutil.rmtree(out_dir, ignore_errors=True)
        seconds, rss, rc, text, err = timed([BIN] + args, env=dict(ENV, CU2SYCL_CACHE=cache),
                                            stdout_path=os.path.join(OUT, "last-stdout.txt"))
        if rc not in (0, 3):
            log(f"{label}: exit {rc}\n{err[-2000:]}")
        times.append(seconds)
        rsss.append(rss)
        m = SUMMARY.search(text)
        verbose = [l[len("cu2sycl: "):] for l in err.splitlines() if l.startswith("cu2sycl: ") and "parsed" in l]
        result = {"exit": rc, "files_with_errors": int(m.group(3)) if m else None,
                  "converted_percent": float(m.group(6)) if m else None, "verbose": verbose[-1] if verbose else None}
    shown = [{corpus: "CORPUS", out_dir: "OUT"}.get(a, a) for a in args]
    result.update({"name": label, "seconds": median(times), "max_rss_mb": median(rsss),
                   "command": f"CU2SYCL_CACHE=CACHE{' (kept)' if warm else ' (empty)'} "
                              + shell_quote([os.path.relpath(BIN, REPO)] + shown)})
    return result


def bench_corpus(title, corpus, feat, clang_args):
    files = [os.path.relpath(os.path.join(d, f), corpus) for d, _, fs in os.walk(corpus) for f in fs]
    units = sorted(f for f in files if f.endswith(".cu"))
    lines = 0
    for f in files:
        with open(os.path.join(corpus, f), "rb") as fh:
            lines += fh.read().count(b"\n")
    log(f"{title}: {len(files)} files ({len(units)} .cu units), {lines} lines")
    runs = []
    log(f"{title}: clang++ -fsyntax-only per unit")
    runs.append(run_clang(corpus, units, clang_args))
    out_dir = os.path.join(OUT, "out")
    jobs1 = 1 if feat["jobs"] else None
    plan = [("examine, cold, 1 worker", "examine", jobs1), ("migrate, cold, 1 worker", "migrate", jobs1)]
    if feat["jobs"]:
        if JOBS != 1:
            plan.insert(1, (f"examine, cold, {JOBS} workers", "examine", JOBS))
        if JOBS != 2:
            plan.append(("migrate, cold, 2 workers", "migrate", 2))
        if JOBS != 1:
            plan.append((f"migrate, cold, {JOBS} workers", "migrate", JOBS))
    for label, command, jobs in plan:
        log(f"{title}: cu2sycl {label}")
        runs.append(run_cu2sycl(label, command, corpus, jobs, out_dir, feat))
    # Warm: the same command as the last cold migrate, with its cache and output kept and no file changed.
    if feat["no_cache"]:
        cold = runs[-1]
        label = cold["name"].replace("cold", "warm")
        log(f"{title}: cu2sycl {label}")
        r = run_cu2sycl(label, "migrate", corpus, plan[-1][2], out_dir, feat, warm=True)
        r["percent_of_cold"] = 100.0 * r["seconds"] / cold["seconds"] if cold["seconds"] else None
        runs.append(r)
    clang_s = runs[0]["seconds"]
    for r in runs:
        r["lines_per_s"] = lines / r["seconds"] if r["seconds"] else None
        r["ratio_to_clang"] = clang_s / r["seconds"] if r["seconds"] and not r["name"].startswith("clang") else None
    # The speedup of N workers over 1 (seconds of 1 worker over seconds of N), examine and migrate.
    speedup = {}
    for command in ("examine", "migrate"):
        one, many = find_run(runs, f"{command}, cold, 1 worker"), find_run(runs, f"{command}, cold, {JOBS} workers")
        if feat["jobs"] and one and many and many["seconds"]:
            speedup[command] = one["seconds"] / many["seconds"]
    return {"title": title, "files": len(files), "units": len(units), "lines": lines, "runs": runs,
            "speedup_of_n_workers": speedup}


# ---------------------------------------------------------------------------------------------------------
# Targets (issue 6) and output.

def find_run(runs, prefix):
    return next((r for r in runs if r["name"].startswith(prefix)), None)


def find(corpus, prefix):
    return find_run(corpus["runs"], prefix)


def targets(main, feat):
    out = []
    one = find(main, "migrate, cold, 1 worker")
    ratio = one and one["ratio_to_clang"]
    out.append({"target": "single worker cold >= 3x faster than per-file clang", "value": f"{ratio:.2f}x" if ratio else None,
                "met": ratio >= 3.0 if ratio else None})
    if feat["jobs"]:
        two = find(main, "migrate, cold, 2 workers") or (find(main, f"migrate, cold, {JOBS} workers") if JOBS == 2 else None)
        speedup = one["seconds"] / two["seconds"] if two and one and two["seconds"] else None
        out.append({"target": "2 workers >= 1.7x single-worker throughput",
                    "value": f"{speedup:.2f}x" if speedup else None, "met": speedup >= 1.7 if speedup else None})
    else:
        out.append({"target": "2 workers >= 1.7x single-worker throughput", "value": "not available (no --jobs)", "met": None})
    warm = find(main, "migrate, warm")
    if warm:
        p = warm["percent_of_cold"]
        out.append({"target": "warm run, no change < 5% of cold", "value": f"{p:.1f}%", "met": p < 5.0})
    else:
        out.append({"target": "warm run, no change < 5% of cold", "value": "not available (no cache: --no-cache missing)", "met": None})
    peak = max((r["max_rss_mb"] for r in main["runs"] if r["max_rss_mb"] is not None and not r["name"].startswith("clang")), default=None)
    if main["units"] and main["files"] >= 500:
        out.append({"target": "peak memory < 300 MB for 500 files", "value": f"{peak:.0f} MB", "met": peak < 300})
    else:
        out.append({"target": "peak memory < 300 MB for 500 files",
                    "value": f"{peak:.0f} MB on {main['files']} files" if peak else None, "met": None,
                    "note": "needs BENCH_FILES >= 500"})
    return out


def fmt(v, spec, none="-"):
    return format(v, spec) if v is not None else none


def table(corpus):
    rows = [f"{corpus['title']}: {corpus['files']} files, {corpus['units']} of them .cu units, {corpus['lines']} lines",
            f"  {'run':<36} {'seconds':>8} {'lines/s':>9} {'vs clang':>9} {'peak MB':>8} {'% of cold':>9} {'conv %':>7} {'errors':>6}"]
    for r in corpus["runs"]:
        errors = r.get("files_with_errors")
        if r["name"].startswith("clang"):
            errors = r["failed_units"]
        rows.append(f"  {r['name']:<36} {fmt(r['seconds'], '8.2f'):>8} {fmt(r['lines_per_s'], '9.0f'):>9} "
                    f"{fmt(r['ratio_to_clang'], '8.2f') + ('x' if r['ratio_to_clang'] else ''):>9} "
                    f"{fmt(r['max_rss_mb'], '8.0f'):>8} {fmt(r.get('percent_of_cold'), '8.1f'):>9} "
                    f"{fmt(r.get('converted_percent'), '7.1f'):>7} {fmt(errors, 'd'):>6}")
    if corpus["speedup_of_n_workers"]:
        rows.append(f"  speedup of {JOBS} workers over 1: " + ", ".join(
            f"{command} {value:.2f}x" for command, value in corpus["speedup_of_n_workers"].items()))
    return "\n".join(rows)


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit(f"bench: no cu2sycl binary at {BIN}: run `make bench` (or `swift build -c release`), or set CU2SYCL_BIN")
    if not os.access(TIME, os.X_OK):
        sys.exit(f"bench: {TIME} is missing: run `make setup` (Debian package `time`)")
    if shutil.which(CLANG) is None:
        sys.exit(f"bench: {CLANG} is missing: run `make setup`")
    os.makedirs(OUT, exist_ok=True)
    feat = features()
    clang_args, clang_source = clang_arguments(feat)
    missing = [FLAG_NAMES[k] for k, v in feat.items() if not v]
    if missing:
        log(f"this cu2sycl has no {', '.join(missing)}: those measurements are reported as not available")
    corpora = []
    gen = os.path.join(REPO, "scripts", "bench-corpus.py")
    main_dir = os.path.join(OUT, f"corpus-{FILES}-seed{SEED}")
    sub_dir = os.path.join(OUT, f"corpus-{FILES}-seed{SEED}-pick{SUBSET}")
    for d, extra in [(main_dir, []), (sub_dir, ["--pick", str(SUBSET)])][:2 if SUBSET > 0 else 1]:
        shutil.rmtree(d, ignore_errors=True)
        subprocess.run([sys.executable, gen, d, "--files", str(FILES), "--seed", str(SEED)] + extra, check=True,
                       stdout=subprocess.DEVNULL)
    corpora.append(bench_corpus(f"corpus (bench-corpus.py --files {FILES} --seed {SEED})", main_dir, feat, clang_args))
    if SUBSET > 0:
        corpora.append(bench_corpus(f"subset: {SUBSET} .cu files of that corpus with the headers they include", sub_dir, feat, clang_args))
    main_corpus = corpora[0]
    goals = targets(main_corpus, feat)
    _, version = capture([BIN, "--version"])
    cpu = ""
    try:
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
    except OSError:
        pass
    default_bin = BIN == os.path.join(REPO, ".build", "release", "cu2sycl")
    reproduce = f"BENCH_FILES={FILES} BENCH_SUBSET={SUBSET} BENCH_SEED={SEED} BENCH_REPEAT={REPEAT} BENCH_JOBS={JOBS} " + (
        "make bench" if default_bin else f"CU2SYCL_BIN={shell_quote([os.path.relpath(BIN, REPO)])} scripts/bench.sh")
    result = {
        "cu2sycl": {"binary": os.path.relpath(BIN, REPO), "version": version.strip(), "features": feat},
        "clang": {"compiler": CLANG, "arguments": clang_args, "arguments_from": clang_source},
        "machine": {"cores": CORES, "cpu": cpu, "system": platform.platform()},
        "settings": {"files": FILES, "subset": SUBSET, "seed": SEED, "repeat": REPEAT, "jobs": JOBS},
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "corpora": corpora,
        "targets": goals,
        "reproduce": reproduce,
    }
    with open(os.path.join(OUT, "result.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"cu2sycl benchmark ({result['cu2sycl']['version']}, {CORES} cores, {cpu or 'unknown CPU'}; "
          f"{'median of ' + str(REPEAT) if REPEAT > 1 else 'one run'} each; wall-clock seconds of whole commands)")
    for c in corpora:
        print()
        print(table(c))
    print()
    if missing:
        print("not available in this cu2sycl: " + ", ".join(missing) + " (the rows and targets that need them are left out)")
    print(f"clang arguments from {clang_source}: {shell_quote(clang_args)}")
    print()
    print(f"targets (issue 6), on the {main_corpus['files']}-file corpus:")
    for t in goals:
        mark = "met" if t["met"] else ("NOT met" if t["met"] is False else "n/a")
        print(f"  {mark:<8} {t['target']:<52} {t['value'] or '-'}{'  (' + t['note'] + ')' if t.get('note') else ''}")
    print()
    print("commands (CORPUS, OUT and CACHE are under " + os.path.relpath(OUT, REPO) + "/):")
    for r in main_corpus["runs"]:
        print(f"  {r['name']}: {r['command']}")
    if feat["verbose"]:
        print()
        print("where the time went (cu2sycl --verbose):")
        for r in main_corpus["runs"]:
            if r.get("verbose"):
                print(f"  {r['name']}: {r['verbose']}")
    print()
    print(f"reproduce: {reproduce}")
    print(f"result: {os.path.relpath(os.path.join(OUT, 'result.json'), REPO)}")


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    main()
