# The two entry points: `make demo` and `make test`. Both install missing Debian packages first.
JOBS ?= $(shell nproc)
RELEASE_DIR := build/release
TEST_DIR := build/asan

.PHONY: all deps build demo test bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DSCHOOLCTL_TESTS=OFF
	cmake --build $(RELEASE_DIR) -j $(JOBS)

demo: build
	scripts/demo.sh $(RELEASE_DIR)/schoolctl

# Unit and CLI golden tests under AddressSanitizer and UBSan, with assertions on. -Og -g1
# compiles in a third of the time of -O2 -g under the sanitizers and still gives file:line in
# every report; the tests run about as fast.
test: deps
	cmake -S . -B $(TEST_DIR) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-Og -g1" \
	      -DCMAKE_C_FLAGS_DEBUG="-Og -g1" -DSCHOOLCTL_SANITIZE=ON -DSCHOOLCTL_WERROR=ON
	cmake --build $(TEST_DIR) -j $(JOBS)
	cd $(TEST_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --output-on-failure -j $(JOBS)

# Speed and memory figures (a benchmark, never a pass/fail test): docs/PERFORMANCE.md. The whole
# pipeline for a school and a 100-school district, then each topic's own benchmark; the table
# goes to stdout and the figures to bench/results.json.
bench: build
	cmake --build $(RELEASE_DIR) -j $(JOBS) --target bench_raw_roster bench_raw_reports
	/usr/bin/python3 scripts/bench_pipeline.py --build $(RELEASE_DIR) --with-targets

# The long fuzz campaign (FUZZ_SECONDS per target, default 600); `make test` replays its corpus.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf build out demo
