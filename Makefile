# The two commands the README promises:
#   make demo   - the main job on the embedded AWS (no AWS account, no internet)
#   make test   - the whole test suite (static checks, unit, integration, e2e)
# Everything else is a building block of those two.

SHELL      := /bin/bash
PYTHON     ?= python3
VENV       := .venv
PY         := $(VENV)/bin/python
STAMP      := $(VENV)/.installed
ARGS       ?=
PYTEST_ARGS ?=

.PHONY: setup demo test check unit integration e2e emulator docs fmt lint lock clean

$(STAMP): pyproject.toml apps/batch/pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python >= 3.11 is required (found " + sys.version.split()[0] + ")")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "==> installing Python packages into $(VENV) (pinned in pyproject.toml)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e . -e apps/batch
	@touch $(STAMP)

setup: $(STAMP)
	@$(PY) -m harness setup

demo: setup
	@$(PY) -m harness demo $(ARGS)

emulator: setup
	@$(PY) -m harness emulator $(ARGS)

check: setup
	@$(PY) -m harness check

lint: setup
	@$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

unit: setup
	@$(VENV)/bin/pytest -m unit $(PYTEST_ARGS)

integration: setup
	@$(VENV)/bin/pytest -m "integration or e2e" $(PYTEST_ARGS)

e2e: setup
	@$(VENV)/bin/pytest -m e2e $(PYTEST_ARGS)

# Static gate first (fmt, validate, README tables, checkov), then one pytest run over every tier so the
# last line printed is pytest's summary.
test: setup
	@$(PY) -m harness check
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/pytest -m "unit or integration or e2e" $(PYTEST_ARGS)

docs: setup
	@$(PY) -m harness.tfdocs modules/*/
	@$(PY) -m plancheck.matrix

fmt: setup
	@for d in modules envs tests/unit/roots tests/integration/roots; do test -d $$d && terraform fmt -recursive $$d; done; true
	@$(VENV)/bin/ruff format .

# Re-pin the transitive set after a change to pyproject.toml.
lock: setup
	@{ echo "# Transitive pins of the project venv (pip freeze); make installs with -c constraints.txt so every"; \
	   echo "# machine runs the exact set CI ran. Regenerate after changing pyproject.toml: make lock"; \
	   $(PY) -m pip freeze --exclude-editable | grep -v -e '^-e' -e '^batch-worker' -e '^aws-platform'; } > constraints.txt

clean:
	rm -rf .run reports .pytest_cache
	find . -name .terraform -type d -prune -exec rm -rf {} +
