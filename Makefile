# newsreader: `make run` opens seeds/ in the reader, `make test` runs the whole suite.
SWIFT ?= swift
PREFIX ?= /usr/local
RELEASE_BIN = .build/release/newsreader

.PHONY: setup build release run test bench bench-smoke install format clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product newsreader

run: release
	$(RELEASE_BIN) seeds/

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/newsreader/themes
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/newsreader
	install -m 644 themes/*.yaml $(DESTDIR)$(PREFIX)/share/newsreader/themes/

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
