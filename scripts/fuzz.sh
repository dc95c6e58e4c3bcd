#!/usr/bin/env bash
# The fuzz campaign (`make fuzz`): every target in fuzz/ run by libFuzzer under ASan and UBSan,
# built with Debian's clang, two targets at a time (one per core). A target starts from its seeds
# (fuzz/corpus/TARGET/ and the files fuzz/corpus/TARGET.seeds names; never written to) and what
# earlier campaigns found (build/fuzz/corpus/TARGET). An input that crashes, leaks, hangs (10 s)
# or takes over 2 GiB is written to fuzz/regressions/TARGET/, which `make test` replays: commit
# it with the fix.
# Prints each target's executions, new coverage and outcome; the figures also go to
# build/fuzz/results.txt (docs/RELIABILITY.md records them).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default 600 s, every target)
#   FUZZ_SECONDS=60 make fuzz
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-${FUZZ_SECONDS:-600}}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(csv xlsx_zip xlsx_sheet fet oneroster config mapping periodicity)
fi
jobs=${FUZZ_JOBS:-$(nproc)}
build="$root/build/fuzz"

need=()
for p in clang-14 libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "fuzz: installing ${need[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
      -DSCHOOLCTL_FUZZ=ON -DSCHOOLCTL_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

run_one() {  # run_one TARGET SECONDS: one campaign, its summary line on stdout
    local t=$1 secs=$2 work="$build/corpus/$1" log="$build/logs/$1.log"
    mkdir -p "$work" "$build/logs" "$root/fuzz/regressions/$t"
    # The seeds that live elsewhere in the repository join the working corpus.
    if [ -f "$root/fuzz/corpus/$t.seeds" ]; then
        grep -v '^#' "$root/fuzz/corpus/$t.seeds" | while IFS= read -r seed; do
            if [ -n "$seed" ]; then
                cp "$root/$seed" "$work/seed-$(echo "$seed" | tr '/' '_')"
            fi
        done
    fi
    local seeds=()
    [ -d "$root/fuzz/corpus/$t" ] && seeds=("$root/fuzz/corpus/$t")
    local rc=0
    "$build/fuzz/fuzz_$t" "$work" "${seeds[@]}" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$root/fuzz/regressions/$t/" >"$log" 2>&1 || rc=$?
    local execs cov
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    local outcome="ok"
    [ "$rc" -eq 0 ] || outcome="FOUND a crash (exit $rc): see $log and fuzz/regressions/$t/"
    printf '%-12s %8s s %12s execs %8s edges  %s\n' "$t" "$secs" "${execs:-?}" "${cov:-?}" "$outcome"
}
export -f run_one
export build root

echo "fuzzing ${#targets[@]} targets for $seconds s each, $jobs at a time ($(date -u +%FT%TZ))"
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$1" "$2"' _ {} "$seconds" \
    | tee "$build/results.txt"
! grep -q FOUND "$build/results.txt"
