# Two commands for a counsellor or a developer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: run test check lint format bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Passerelle demande Python 3.11 ou plus récent.")'
	$(PYTHON) -m venv $(VENV)

# Stamps so that a second `make run` starts at once instead of reinstalling.
$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

# llama-cpp-python (tests only) compiles llama.cpp: the library alone, without its tools.
LLAMA_CMAKE_ARGS := -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install -e '.[dev]'
	@touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/passerelle

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff format --check assistant tests bench
	$(BIN)/ruff check assistant tests bench
	$(BIN)/mypy assistant bench

format: $(VENV)/.installed-dev
	$(BIN)/ruff format assistant tests bench
	$(BIN)/ruff check --fix assistant tests bench

check: lint test

bench: $(VENV)/.installed-app
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/vault.py
	$(BIN)/python bench/retrieval.py
	$(BIN)/python bench/workspace.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
