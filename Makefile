# Streaming triage pipeline. `make help` lists the targets.
# Everything installs itself: a fresh clone needs only Python 3.11, Java 17+ and Maven
# (setup installs the last two with apt-get when run as root and they are missing).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
KAFKA := ops/kafka/kafka.sh
PYTEST_ARGS ?=
DEMO_SECONDS ?= 60
# SECURE=1: the secure broker profile for kafka-up and demo (ops/kafka/secure/README.md; the pipeline side: ops/security.md).
SECURE ?=
secure_env = $(if $(filter 1 true yes on,$(SECURE)),KAFKA_SECURE=1 )

.DEFAULT_GOAL := help
.PHONY: help setup system-deps kafka-fetch kafka-up kafka-down kafka-logs kafka-status kafka-clean \
        topics worker demo test test-unit test-functional test-integration test-slow test-gpu test-ops test-future ops-tools chaos soak \
        lint format typecheck check \
        models bench bench-smoke bench-gpu evaluate clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

system-deps: ## install Java 17 and Maven with apt-get if they are missing (root only)
	@bash ops/system-deps.sh

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] in ((3, 11), (3, 12)) else "Python 3.11 or 3.12 is required (set PYTHON=...)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,build]'
	touch $(STAMP)

setup: $(STAMP) kafka-fetch ops-tools ## create .venv, install the project with its extras, resolve the broker, the ops tools (the tests need them; demo, worker and topics do not)

ops-tools: ## install the ops test tools into .tools/ (Prometheus, promtool, helm, kubeconform, Kubernetes schemas)
	@bash ops/tools/install.sh .tools

kafka-fetch: ## resolve the Kafka broker jars from Maven Central (once)
	@$(KAFKA) fetch

kafka-up: kafka-fetch ## start the development broker (KRaft, single node) in the background; harmless if running (SECURE=1: secure profile)
	@$(secure_env)$(KAFKA) up

kafka-down: ## stop the development broker started by kafka-up
	@$(KAFKA) down

kafka-status: ## is the development broker running?
	@$(KAFKA) status

kafka-logs: ## show the broker's log (FOLLOW=1 to follow)
	@$(KAFKA) logs

kafka-clean: ## stop the broker and delete its data
	@$(KAFKA) clean

topics: $(STAMP) kafka-up ## create and describe the pipeline's topics
	$(VENV)/bin/triage topics

worker: $(STAMP) kafka-up ## run a triage worker in the foreground
	$(VENV)/bin/triage worker

demo: $(STAMP) kafka-fetch ## the main job: broker, worker, sample reports streamed, live alerts (DEMO_SECONDS=60; SECURE=1: sealed, per role)
	$(secure_env)DEMO_SECONDS=$(DEMO_SECONDS) $(PY) -m demo

test: setup ## the whole test suite (unit, functional, integration, ops, short chaos); starts and stops its own broker
	$(PY) -m pytest -m "not slow and not gpu" $(PYTEST_ARGS)

test-ops: setup ## ops checks only: alert rules, dashboard, Helm chart, runbook, Containerfile, JMX exporter
	$(PY) -m pytest tests/ops $(PYTEST_ARGS)

# The clock of the tests and the workers moved ahead with libfaketime (monotonic clocks with it: with
# DONT_FAKE_MONOTONIC, Python 3.11's time.sleep fails with EINVAL under libfaketime). The broker keeps the real clock (ops/kafka/kafka.sh drops the preload: the JVM
# stalls under it) and accepts the clients' later timestamps. FUTURE=+30d by default.
FUTURE ?= +30d
test-future: setup ## the streaming and intel tests with the clock moved ahead (FUTURE=+30d): no test depends on today's date
	LD_PRELOAD=$(CURDIR)/.tools/lib/libfaketime.so.1 FAKETIME="$(FUTURE)" \
	  $(PY) -m pytest -m "not slow and not gpu" tests/integration/test_streaming.py tests/integration/test_intel.py \
	  tests/unit/pipeline/test_clock_moved.py $(PYTEST_ARGS)

chaos: setup ## fault injection on the real broker: 20,000 reports, worker and broker kills, one core busy (about 12 min)
	$(PY) -m bench.chaos $(CHAOS_ARGS)

soak: setup ## one worker for 30 minutes under steady load, briefings every 10 s, short event retention (not in CI)
	$(PY) -m bench.soak $(SOAK_ARGS)

lint: setup ## ruff: lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup ## ruff: fix what can be fixed and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: setup ## mypy: strict on operators/ and schemas/, checked on pipeline/
	$(VENV)/bin/mypy

check: lint typecheck ## the gates CI runs before the tests

test-unit: setup ## unit tests only (no broker, no torch)
	$(PY) -m pytest tests/unit -m "not slow and not gpu and not kafka and not build" $(PYTEST_ARGS)

test-functional: setup ## the intel agents in memory with Faust's test_context() (no broker)
	$(PY) -m pytest tests/functional $(PYTEST_ARGS)

test-integration: setup ## the real broker (started and stopped by the session)
	$(PY) -m pytest tests/integration -m "not slow and not gpu" $(PYTEST_ARGS)

test-slow: setup ## the slow tests (large model export)
	$(PY) -m pytest -m slow $(PYTEST_ARGS)

test-gpu: setup ## GPU-only tests, on a machine with a CUDA GPU
	$(PY) -m pytest -m gpu $(PYTEST_ARGS)

models: $(STAMP) ## rebuild models/default from scratch (needs the build extra; about 20 minutes on 2 cores)
	$(PY) -m models.recipe.build --out models/default

bench: setup ## the benchmarks (under 10 minutes on 2 cores): bench/results/<date>-<device>.json and plots
	$(PY) -m bench.run

bench-smoke: setup ## every benchmark stage on a tiny input, in seconds (CI runs this through pytest)
	$(PY) -m bench.run --smoke

bench-gpu: setup ## the GPU benchmark, on an H100/H200 machine (see bench/README.md)
	$(PY) -m bench.gpu

evaluate: $(STAMP) ## score the chain on the independent hand-written evaluation set
	$(VENV)/bin/triage evaluate tests/eval/independent_reports.jsonl

clean: ## remove build outputs and local state (not the broker's data: see kafka-clean)
	rm -rf .pytest_cache .hypothesis .triage test-artifacts build *.egg-info .mypy_cache .ruff_cache
