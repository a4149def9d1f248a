# newsreader: `make run` opens seeds/ in the reader, `make test` runs the whole suite.
SWIFT ?= swift
PREFIX ?= /usr/local
RELEASE_BIN = .build/release/newsreader
MANDIR = $(PREFIX)/share/man
# Generated documentation: newsreader(1) from the command definitions (swift-argument-parser's
# generate-manual plugin), newsreader-config(5) from the settings table, shell completions.
DOC_DIR = .build/doc

FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 30
# The suites that run on several threads: the loader's (concurrentPerform over files) and the run loop's.
TSAN_FILTER ?= NewsCoreTests\.(Loader|LoadOrder|LoadProgress|FileWalker)|ReaderViewTests\.(ReaderApp|LoadingScreen)Tests

.PHONY: setup build release run test lint bench bench-smoke fuzz fuzz-smoke sanitize docs install format clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product newsreader

run: release
	$(RELEASE_BIN) seeds/

# The signal and crash journeys (Tests/EndToEndTests/SignalJourneyTests.swift) run the release binary too,
# the build users get: the optimizer once broke the first Ctrl-C there and nowhere else. They fail, not
# skip, when it is missing. In-process loads that use the standard index place get a cache of the build's
# own (.build/test-cache), never the user's. The release binary is touched once built: a release build with
# nothing to do leaves it older than a debug build that relinked, and the journeys refuse an older one.
test: setup lint
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product newsreader
	touch $(RELEASE_BIN)
	rm -rf .build/test-cache
	XDG_CACHE_HOME="$(CURDIR)/.build/test-cache" $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory bench-smoke
	$(MAKE) --no-print-directory fuzz-smoke

# The full benchmark of issue 5: release build, corpora of 10,000 and 100,000 records generated once
# and cached under .build/bench-corpus/N (NewsBench runs scripts/bench/generate_corpus.py when one is
# missing), then the table. BENCH_ARGS=--json prints the same figures as one JSON object. The release
# newsreader is built too: its start-up is timed on a pseudo-terminal (scripts/bench/first_screen.py).
# The peers sfeed_curses and newsboat are installed when possible (scripts/setup.sh --bench-peers, which
# never fails) and skipped with a note when not; `make test` and the smoke never install them.
bench: setup
	@./scripts/setup.sh --bench-peers
	$(SWIFT) build -c release --product NewsBench
	$(SWIFT) build -c release --product newsreader
	.build/release/NewsBench $(BENCH_ARGS)

# A thousand records, one repetition, so the harness cannot rot. It runs the debug binary that
# `swift build --build-tests` already built: a second (release) build would cost more than the smoke
# itself, and its figures are only checked for sanity (every file parses, counts agree), not speed.
# The debug newsreader is the one whose start-up the smoke times (a no-op build after --build-tests).
bench-smoke:
	$(SWIFT) build --product NewsBench
	$(SWIFT) build --product newsreader
	.build/debug/NewsBench --smoke

# The record loader under libFuzzer and AddressSanitizer (scripts/fuzz.sh; built outside SwiftPM into
# .build-fuzz). Exits non-zero when an input crashed, hung or ran out of memory; each such input is
# kept under Tests/Fixtures/Fuzz/crashes as a record file. FUZZ_SECONDS=600 for a longer run.
fuzz: setup
	./scripts/fuzz.sh $(FUZZ_SECONDS)

# Thirty seconds of the same, from `make test`, so the target cannot rot.
fuzz-smoke: setup
	./scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS)

# The unit tests under AddressSanitizer, then the multi-threaded suites under ThreadSanitizer, each in its
# own scratch path so the normal build is not invalidated. scripts/sanitize/lsan.supp names the two leaks
# that are the toolchain's libraries' own.
sanitize: setup
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/sanitize/lsan.supp \
	  $(SWIFT) test --skip-build --scratch-path .build-asan --sanitize=address
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	$(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread --filter '$(TSAN_FILTER)'

docs: release
	$(SWIFT) package generate-manual --configuration release
	mkdir -p $(DOC_DIR)
	cp .build/plugins/GenerateManual/outputs/newsreader/newsreader.1 $(DOC_DIR)/newsreader.1
	$(RELEASE_BIN) config manual > $(DOC_DIR)/newsreader-config.5
	$(RELEASE_BIN) --generate-completion-script bash > $(DOC_DIR)/newsreader.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(DOC_DIR)/_newsreader
	$(RELEASE_BIN) --generate-completion-script fish > $(DOC_DIR)/newsreader.fish

install: release docs
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/newsreader/themes
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/newsreader
	install -m 644 themes/*.yaml $(DESTDIR)$(PREFIX)/share/newsreader/themes/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(DOC_DIR)/newsreader.1 $(DESTDIR)$(MANDIR)/man1/newsreader.1
	install -m 644 $(DOC_DIR)/newsreader-config.5 $(DESTDIR)$(MANDIR)/man5/newsreader-config.5
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 644 $(DOC_DIR)/newsreader.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsreader
	install -m 644 $(DOC_DIR)/_newsreader $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsreader
	install -m 644 $(DOC_DIR)/newsreader.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsreader.fish

# Strict: a warning fails too, so the tree stays exactly as `make format` leaves it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan
