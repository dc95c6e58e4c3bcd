#!/usr/bin/env bash
# The period-marks benchmark: the synthetic school of `schoolctl sample generate --period year`
# (default 2,000 pupils in 80 classes, ~15 subjects each), its timetable expanded by `schedule
# generate`, the year's ~890,000 marks it wrote on those lessons (loaded by `marks import`),
# then `finals compute` of the first quarter (~200,000 marks): a dry run, the
# first run, the second run (every mark unchanged), the other quarters and the year; and
# `finals explain` / `finals list` of one pupil and one class.
# Prints wall time, CPU time and peak RSS per phase and compares the first run with the target
# (docs/PERFORMANCE.md, "Period marks"); the figures also go to build/bench/finals.json.
# A benchmark, not a test: it reports MISS but exits 0 when a target is missed.
#
#   scripts/bench-finals.sh [BUILD_DIR|BINARY] [PUPILS]
#   e.g. scripts/bench-finals.sh build/release 2000
#
# Target: `finals compute --period Q1` for 2,000 pupils × ~15 subjects with ~250,000 marks in
# the quarter in <= 1 s (Release build).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:-build/release}
n=${2:-2000}
case "$arg" in /*) ;; *) arg="$root/$arg" ;; esac
if [ -d "$arg" ]; then bin="$arg/schoolctl"; else bin="$arg"; fi
[ -x "$bin" ] || { echo "$(basename "$0"): no schoolctl at $bin (build it first: make build)" >&2; exit 66; }
work="$root/build/bench"
mkdir -p "$work"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-finals.XXXXXX")
# BENCH_KEEP=1 keeps the data and the database for a closer look.
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "-- keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
results="$work/finals.json"
echo "[" > "$results"
first=1
. "$root/scripts/bench-measure.sh"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

# The end of the academic year: every period is over and every lesson has its marks.
export SOURCE_DATE_EPOCH=1811754000  # 2027-05-31
data="$tmp/data"
export SCHOOLCTL_DB="$tmp/school.db" SCHOOLCTL_CONFIG="$data/schoolctl.toml"
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
unset SCHOOLCTL_TOKEN SCHOOLCTL_SCHOOL

json_field() {  # json_field FILE EXPRESSION: prints the value of a Python expression on `j`
    "$py" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

echo "-- $(uname -m), $(nproc) cores, $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -1)"
echo "-- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" -q sample generate --pupils "$n" --seed 1 --period year --out "$data" | sed 's/^/-- /'
otp=$("$bin" init 2>/dev/null | sed -n 's/^One-time password: *//p')
printf '%s\n%s\n' "$otp" "bench-password-$$" | "$bin" login admin --password-stdin >/dev/null 2>&1
# The roster as it was on the first day of the year (01.09.2026), so every pupil is in a class
# for the whole year.
for kind in subjects staff classes students groups assignments timetable; do
    SOURCE_DATE_EPOCH=1788242400 "$bin" -q import "$kind" "$data/$kind.csv" >/dev/null
done
"$bin" -q schedule generate >/dev/null
"$bin" -q marks import "$data/marks.csv" >/dev/null
q1=$(sqlite3 "$SCHOOLCTL_DB" "SELECT count(*) FROM marks m JOIN lessons l ON l.id = m.lesson_id
     WHERE l.date BETWEEN (SELECT start_date FROM attestation_periods WHERE code = 'Q1')
                      AND (SELECT end_date FROM attestation_periods WHERE code = 'Q1')")
echo "-- $(sqlite3 "$SCHOOLCTL_DB" 'SELECT count(*) FROM marks') marks in the year, $q1 in Q1;" \
     "database $(du -m "$SCHOOLCTL_DB" | cut -f1) MiB"

printf '%-40s %9s %9s %9s %10s\n' phase "wall s" "user s" "sys s" "peak MiB"
measure "$n" "finals compute Q1 --dry-run" "$bin" -q finals compute --period Q1 --dry-run --format json
measure "$n" "finals compute Q1 (first run)" "$bin" -q finals compute --period Q1 --format json
cp "$work/out.log" "$tmp/q1-1.json"
read -r wall1 _ <"$work/time.log"
measure "$n" "finals compute Q1 (second run)" "$bin" -q finals compute --period Q1 --format json
cp "$work/out.log" "$tmp/q1-2.json"
read -r wall2 _ <"$work/time.log"
measure "$n" "finals compute Q1 --class 5А" "$bin" -q finals compute --period Q1 --class 5А --format json
for q in Q2 Q3 Q4; do
    measure "$n" "finals compute $q" "$bin" -q finals compute --period "$q" --format json
done
measure "$n" "finals compute year" "$bin" -q finals compute --period year --format json
cp "$work/out.log" "$tmp/year.json"
pupil=$(sqlite3 "$SCHOOLCTL_DB" "SELECT p.external_id FROM people p JOIN class_memberships m ON m.pupil_id = p.id
    JOIN classes c ON c.id = m.class_id WHERE c.grade = 5 AND c.letter = 'А' ORDER BY p.id LIMIT 1")
measure "$n" "finals explain (one pupil, Q1)" "$bin" -q finals explain --pupil "$pupil" --subject MATH --period Q1 --format json
measure "$n" "finals list --class 5А Q1" "$bin" -q finals list --class 5А --period Q1 --format csv

rows=$(json_field "$tmp/q1-1.json" 'j["created"] + j["updated"] + j["unchanged"]')
na=$(json_field "$tmp/q1-1.json" 'j["not_attested"]')
again=$(json_field "$tmp/q1-2.json" 'j["created"] + j["updated"] + j["removed"]')
echo "-- Q1: $rows period marks ($na «н/а») from $q1 marks; the second run changed $again;" \
     "year: $(json_field "$tmp/year.json" 'j["created"]') year marks"
if [ "$(awk "BEGIN{print ($wall1 <= 1.0)}")" = 1 ]; then verdict=PASS; else verdict=MISS; fi
echo "$verdict  $n pupils, $q1 marks in Q1: finals compute ${wall1} s wall (target <= 1 s); second run ${wall2} s"
echo "]" >> "$results"
echo "figures: $results"
