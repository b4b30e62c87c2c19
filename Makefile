# cu2sycl: `make demo` and `make test` work on a fresh machine (they install what is missing first).
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/cu2sycl
DEMO_OUT := .build/demo-out

.PHONY: setup build build-release bench demo test unit-test verify-fixtures goldens docs clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

build-release: setup
	$(SWIFT) build -c release

# Speed against the per-file clang parse floor, cold and warm, 1 and N workers, peak memory (issue 6;
# Docs/Benchmark.md). About 6 minutes on 2 cores; BENCH_FILES=40 for a quick look. Not part of `make test`.
bench: build-release
	@bash scripts/bench.sh

# The demo migrates the CUDA files of Fixtures/demo (their expected SYCL sits next to them).
demo: build
	@rm -rf $(DEMO_OUT) .build/demo-in && mkdir -p .build/demo-in && cp Fixtures/demo/*.cu .build/demo-in/
	$(BIN) migrate .build/demo-in --out $(DEMO_OUT) --report json=.build/demo-report.json --report html=.build/demo-report
	@echo "migrated SYCL is in $(DEMO_OUT); HTML report: .build/demo-report/index.html"

unit-test: build
	$(SWIFT) test

# Migrates every fixture program and proves the SYCL type-checks, builds and passes its own check on the CPU.
verify-fixtures: build
	@bash scripts/verify-fixtures.sh

test: unit-test verify-fixtures

clean:
	rm -rf .build

# Rewrites the expected SYCL next to every fixture after a deliberate change; review the diff.
goldens: build
	CU2SYCL_UPDATE_GOLDENS=1 $(SWIFT) test --filter GoldenTests

# Regenerates Docs/Rules.md from the rules' descriptions and examples.
docs: build
	CU2SYCL_UPDATE_GOLDENS=1 $(SWIFT) test --filter DocumentationTests/testRuleDocumentationIsCurrent
