# A thin wrapper over scripts/ and CMake. `make demo` and `make test` work on a
# fresh Debian 12 machine: both install what they need first (scripts/bootstrap).
JOBS        ?= $(shell nproc)
BUILD       ?= build
ASAN_BUILD  ?= build-asan
FUZZ_BUILD  ?= build-fuzz
SCALAR_BUILD ?= build-scalar
# CI fuzzes each target for 30 s on top of replaying its saved corpus in every
# build (the fuzz targets' replay tests); a local `make test` gives each 60 s.
FUZZ_SECONDS ?= $(if $(filter true 1 yes,$(CI)),30,60)
WERROR      := $(if $(filter true 1 yes,$(CI)),ON,OFF)
CMAKE_FLAGS := -G Ninja -DNEWSD_WERROR=$(WERROR)
PREFIX      ?= /usr/local
DESTDIR     ?=

.PHONY: all bootstrap configure build build-newsd install test test-unit test-asan test-scalar test-fuzz demo bench lint format clean

all: build

bootstrap:
	scripts/bootstrap

$(BUILD)/build.ninja: | bootstrap
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: bootstrap $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The daemon alone: what `make demo` and `make install` need (a fraction of
# `build`, which also compiles every test, fuzz replay and benchmark).
build-newsd: configure
	cmake --build $(BUILD) -j $(JOBS) --target newsd

# cmake/NewsdInstall.cmake lists what goes where; PREFIX and DESTDIR as usual:
#   make install                          # /usr/local
#   make install PREFIX=/usr DESTDIR=/tmp/pkg
install: build-newsd
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

# Everything: unit and integration tests, all of them again under ASan+UBSan
# (the integration tests then spawn the sanitized newsd), the feeds tests again
# with feeds/ built without SSE2 (test-scalar), then each fuzz target for
# FUZZ_SECONDS.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan
	$(MAKE) test-scalar
	$(MAKE) test-fuzz

# Debug (-O0) with line tables only (-g1): sanitizer reports still name file and
# line, and the build skips full debug info, a large share of its compile time.
test-asan: bootstrap
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DNEWSD_SANITIZE=ON -DNEWSD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) -L 'unit|integration'

# The byte loops that non-x86 CPUs run instead of feeds/'s SSE2 paths, on x86-64:
# only the tests under tests/feeds/ (`feeds_tests` builds them all), without the
# suites that run the CLI (named *Cli), so the daemon is not compiled again, and
# the sanitiser and feed fuzz corpora, to keep CI short.
test-scalar: bootstrap
	cmake -S . -B $(SCALAR_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSD_FORCE_SCALAR=ON -DNEWSD_BENCH=OFF
	cmake --build $(SCALAR_BUILD) -j $(JOBS) --target feeds_tests sanitize_fuzz_replay feed_fuzz_replay
	for folder in tests/feeds/*/; do \
	  $(SCALAR_BUILD)/tests/feeds_$$(basename $$folder)_tests --gtest_filter='-*Cli.*' || exit 1; \
	done
	$(SCALAR_BUILD)/tests/sanitize_fuzz_replay tests/fuzz/corpus/sanitize_fuzz
	$(SCALAR_BUILD)/tests/feed_fuzz_replay tests/fuzz/corpus/feed_fuzz

test-fuzz: bootstrap
	scripts/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

demo: build-newsd
	scripts/demo $(BUILD)

bench: build
	bench/run $(BUILD)

lint: configure
	scripts/lint $(BUILD)

format:
	scripts/lint --fix

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(SCALAR_BUILD) $(FUZZ_BUILD)
