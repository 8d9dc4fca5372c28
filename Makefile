# newswire: the commands a developer or operator runs. `make test` is the README's test command.
PYTHON ?= python
NORNE ?= ../shared/data/norne
# apt-get needs root: sudo when make does not run as root
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install lint test demo model model-status pretrain bench compose-check

# The tests cover the lexicon builder too, so they install the [train] extra's small packages.
install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[dev,train]'

# ruff and mypy with the configs in pyproject.toml
lint: install
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy

# docker-compose (Debian's 1.29) validates docker-compose.yml in the tests.
test: install lint
	@command -v docker-compose >/dev/null 2>&1 || { \
	  echo "installing docker-compose (Debian) for the compose validation tests"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
	$(PYTHON) -m pytest

demo:
	$(PYTHON) -m pip install --quiet -e . && newswire demo

# Convert NorNE, build the lexicon table (the [train] extra), train with
# training/newswire_nb.cfg in the background, then install model-best into
# service/models/nb_newswire. Follow with `make model-status`.
model:
	mkdir -p runs
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[train]'
	NEWSWIRE_NORNE=$(NORNE) nohup newswire model train --lexicon --out runs/model > runs/model.log 2>&1 &
	@echo "training in the background; log: runs/model.log"

model-status:
	@tail -n 5 runs/model.log

# Pretrain the tok2vec on NoReC + NorNE train text (training/pretrain.py), at low priority with
# one BLAS thread, in the background; a stopped run resumes from its last finished shard.
pretrain:
	mkdir -p runs
	OPENBLAS_NUM_THREADS=1 nohup nice -n 19 $(PYTHON) training/pretrain.py >> runs/pretrain.log 2>&1 &
	@echo "pretraining in the background; log: runs/pretrain.log, weights: runs/pretrain/weights/"

bench:
	$(PYTHON) bench/throughput.py

compose-check:
	docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml is valid"
