#!/usr/bin/env bash
# The marks benchmark: the synthetic school of `schoolctl sample generate --period year`
# (default 2,000 pupils, ~83,000 lessons a year), its timetable expanded by `schedule generate`,
# and the year's ~890,000 marks it wrote on those lessons, loaded by `marks import`: a dry run,
# the import, and the same file again (every row unchanged).
# Prints wall time, CPU time and peak RSS per phase and compares the import with the target
# (docs/PERFORMANCE.md, "Marks"); the figures also go to build/bench/marks.json.
# A benchmark, not a test: it reports MISS but exits 0 when a target is missed.
#
#   scripts/bench-marks.sh [BUILD_DIR|BINARY] [PUPILS]
#   e.g. scripts/bench-marks.sh build/release 2000
#
# Target: 1,000,000 marks imported in <= 10 s (Release build), so the file's rows in
# rows / 100,000 s.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:-build/release}
n=${2:-2000}
case "$arg" in /*) ;; *) arg="$root/$arg" ;; esac
if [ -d "$arg" ]; then bin="$arg/schoolctl"; else bin="$arg"; fi
[ -x "$bin" ] || { echo "$(basename "$0"): no schoolctl at $bin (build it first: make build)" >&2; exit 66; }
work="$root/build/bench"
mkdir -p "$work"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-marks.XXXXXX")
# BENCH_KEEP=1 keeps the data and the database for a closer look.
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "-- keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
results="$work/marks.json"
echo "[" > "$results"
first=1
. "$root/scripts/bench-measure.sh"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

# The roster is loaded on the first day of the year (a class membership starts the day it is
# imported), the marks at its end: every lesson has taken place, and the administrator holds
# marks.write on the whole school, so no edit window applies.
first_day=1788242400  # 2026-09-01 09:00 Moscow
export SOURCE_DATE_EPOCH=1811754000  # 2027-05-31
data="$tmp/data"
export SCHOOLCTL_DB="$tmp/school.db" SCHOOLCTL_CONFIG="$data/schoolctl.toml"
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
unset SCHOOLCTL_TOKEN SCHOOLCTL_SCHOOL

echo "-- $(uname -m), $(nproc) cores, $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -1)"
echo "-- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" -q sample generate --pupils "$n" --seed 1 --period year --out "$data" | sed 's/^/-- /'
otp=$(SOURCE_DATE_EPOCH=$first_day "$bin" init 2>/dev/null | sed -n 's/^One-time password: *//p')
printf '%s\n%s\n' "$otp" "bench-password-$$" | "$bin" login admin --password-stdin >/dev/null 2>&1
for kind in subjects staff classes students groups assignments timetable; do
    SOURCE_DATE_EPOCH=$first_day "$bin" -q import "$kind" "$data/$kind.csv" >/dev/null
done
"$bin" -q schedule generate >/dev/null
cp "$data/marks.csv" "$tmp/marks.csv"
rows=$(($(wc -l <"$tmp/marks.csv") - 1))
echo "-- $(du -m "$tmp/marks.csv" | cut -f1) MiB of CSV"

printf '%-40s %9s %9s %9s %10s\n' phase "wall s" "user s" "sys s" "peak MiB"
measure "$n" "marks import --dry-run ($rows rows)" "$bin" -q marks import "$tmp/marks.csv" --dry-run --format json
measure "$n" "marks import ($rows rows)" "$bin" -q marks import "$tmp/marks.csv" --format json
cp "$work/out.log" "$tmp/import-1.json"
read -r wall1 _ <"$work/time.log"
measure "$n" "marks import again (all unchanged)" "$bin" -q marks import "$tmp/marks.csv" --format json
cp "$work/out.log" "$tmp/import-2.json"
created=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["created"])' "$tmp/import-1.json")
unchanged=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["unchanged"])' "$tmp/import-2.json")
echo "-- $created marks created; the second import: $unchanged unchanged; database $(du -m "$SCHOOLCTL_DB" | cut -f1) MiB"
measure "$n" "marks list --class (a year, one class)" "$bin" -q marks list --class 5А --format csv
target=$(awk "BEGIN{printf \"%.1f\", $rows / 100000}")
if [ "$(awk "BEGIN{print ($wall1 <= $target)}")" = 1 ]; then verdict=PASS; else verdict=MISS; fi
echo "$verdict  $rows marks: marks import ${wall1} s wall (target <= $target s: 10 s a million)"
echo "]" >> "$results"
echo "figures: $results"
