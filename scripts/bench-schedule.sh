#!/usr/bin/env bash
# The timetable benchmark: a synthetic school of N pupils (default 2,000: 80 classes, their
# English, informatics and technology subgroups, ~2,500 weekly timetable rows, ~83,000 lessons
# a year) from `schoolctl sample generate`, imported and expanded into the dated lessons of the
# whole academic year by `schoolctl schedule generate`; then a district of S schools (default
# 100) with N pupils each on average (`sample generate --schools S`: schools of varying size).
# Prints wall time, CPU time and peak RSS per phase and compares them with the targets
# (docs/PERFORMANCE.md, "Timetable"); the figures also go to build/bench/schedule.json.
# A benchmark, not a test: it reports MISS but exits 0 when a target is missed.
#
#   scripts/bench-schedule.sh [BUILD_DIR|BINARY] [PUPILS] [SCHOOLS]
#   e.g. scripts/bench-schedule.sh build/release 2000 100
#
# Targets: one school's `schedule generate` <= 1 s; the second run (nothing to do) at least 5x
# faster than the first; a 100-school district <= 60 s for the whole generate.
# The district: a database holds one school (`schoolctl init` creates the database and its
# school and refuses an existing file; no command adds a school to a database), so the
# district is S databases, one per school, generated one after another; the figures are the
# sums over its S schools (the school measured first is not one of them).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:-build/release}
n=${2:-2000}
schools=${3:-100}
case "$arg" in /*) ;; *) arg="$root/$arg" ;; esac
if [ -d "$arg" ]; then bin="$arg/schoolctl"; else bin="$arg"; fi
[ -x "$bin" ] || { echo "$(basename "$0"): no schoolctl at $bin (build it first: make build)" >&2; exit 66; }
work="$root/build/bench"
mkdir -p "$work"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-schedule.XXXXXX")
# BENCH_KEEP=1 keeps the data and the databases for a closer look.
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "-- keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
results="$work/schedule.json"
echo "[" > "$results"
first=1
. "$root/scripts/bench-measure.sh"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

# Creates the database of school $1 (data in $2) and imports its roster; leaves the
# environment pointing at it.
setup_school() {
    local k=$1 data=$2
    export SCHOOLCTL_DB="$tmp/school-$k.db" SCHOOLCTL_CONFIG="$data/schoolctl.toml"
    export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
    unset SCHOOLCTL_TOKEN SCHOOLCTL_SCHOOL
    rm -f "$SCHOOLCTL_DB" "$SCHOOLCTL_DB"-wal "$SCHOOLCTL_DB"-shm
    local otp
    otp=$("$bin" init 2>/dev/null | sed -n 's/^One-time password: *//p')
    printf '%s\n%s\n' "$otp" "bench-password-$$-$k" | "$bin" login admin --password-stdin >/dev/null 2>&1
    for kind in subjects staff classes students groups assignments; do
        "$bin" -q import "$kind" "$data/$kind.csv" >/dev/null
    done
}

json_field() {  # json_field FILE EXPRESSION: prints the value of a Python expression on `j`
    "$py" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# Findings of `schedule check --format json` by kind (teacher, room, class, pupil, bells,
# calendar, daily_load, weekly_load), with the number of dates they occur on.
check_summary() {
    "$py" - "$1" <<'EOF'
import collections, json, sys
doc = json.load(open(sys.argv[1]))
rows = [r for s in doc.get("sections", []) for r in s.get("rows", [])]
kinds, dates = collections.Counter(), collections.Counter()
for r in rows:
    kinds[r[0]] += 1
    dates[r[0]] += r[4] if isinstance(r[4], int) else 0
print(", ".join(f"{k} {kinds[k]} ({dates[k]} dates)" for k in sorted(kinds)) or "no findings")
for r in rows[:5]:
    print(f"     e.g. {r[0]}: {r[1]} (first {r[3]})")
EOF
}

verdict() {  # verdict OK TEXT
    if [ "$1" = 1 ]; then echo "PASS  $2"; else echo "MISS  $2"; fi
}

cores=$(nproc)
echo "-- $(uname -m), $cores cores, $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -1)"
echo "-- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
data="$tmp/data-1"
"$bin" -q sample generate --pupils "$n" --seed 1 --period none --out "$data" | sed 's/^/-- /'
rules=$(($(wc -l <"$data/timetable.csv") - 1))
setup_school 1 "$data"

printf '%-40s %9s %9s %9s %10s\n' phase "wall s" "user s" "sys s" "peak MiB"
measure "$n" "import timetable ($rules rows)" "$bin" -q import timetable "$data/timetable.csv"
measure "$n" "schedule generate (first run)" "$bin" -q schedule generate --format json
cp "$work/out.log" "$tmp/generate-1.json"
read -r wall1 user1 sys1 _ <"$work/time.log"
measure "$n" "schedule generate (second run)" "$bin" -q schedule generate --format json
cp "$work/out.log" "$tmp/generate-2.json"
read -r wall2 user2 sys2 _ <"$work/time.log"
# `schedule check` exits 1 when it has findings: that is a result here, not a failure.
measure "$n" "schedule check" bash -c '"$@"; test $? -le 1' check "$bin" -q schedule check --format json
cp "$work/out.log" "$tmp/check.json"

lessons=$(json_field "$tmp/generate-1.json" 'j["created"]')
again=$(json_field "$tmp/generate-2.json" 'j["created"] + j["updated"] + j["deleted"]')
db_mib=$(du -m "$SCHOOLCTL_DB" | cut -f1)
echo "-- $lessons lessons created from $(json_field "$tmp/generate-1.json" 'j["rules"]') rules" \
     "($(json_field "$tmp/generate-1.json" 'j["from"]') to $(json_field "$tmp/generate-1.json" 'j["to"]'));" \
     "second run changed $again; database $db_mib MiB"
echo "-- schedule check: $(check_summary "$tmp/check.json")"
ratio=$(awk "BEGIN{printf \"%.1f\", $wall1 / ($wall2 > 0 ? $wall2 : 0.001)}")
cpu_ratio=$(awk "BEGIN{printf \"%.1f\", ($user1 + $sys1) / (($user2 + $sys2) > 0 ? $user2 + $sys2 : 0.001)}")
echo "-- first / second run: $ratio x wall, $cpu_ratio x CPU"
verdict "$(awk "BEGIN{print ($wall1 <= 1.0)}")" \
    "one school ($n pupils, $lessons lessons): schedule generate ${wall1} s wall (target <= 1 s)"
verdict "$(awk "BEGIN{print ($ratio >= 5)}")" \
    "second run (nothing to do) ${wall2} s: ${ratio}x faster than the first (target >= 5x)"

# The district: every school a database of its own (see the head of this file).
if probe=$("$bin" --db "$SCHOOLCTL_DB" init 2>&1 >/dev/null); then
    echo "NOTE: \`init\` accepted an existing database; this script still measures one database per school" >&2
fi
echo "-- district: $schools schools, $((n * schools)) pupils, one database each (a second school in one database: \`init\` says \"${probe#schoolctl: }\")"
t0=$(date +%s.%N)
"$bin" -q sample generate --pupils $((n * schools)) --schools "$schools" --seed 2 --period none \
    --out "$tmp/district" >/dev/null
t1=$(date +%s.%N)
echo "-- district data written by sample generate in $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s"
district_data() {  # district_data K: the folder of the district's school K (1-based)
    printf '%s/district/school-%03d' "$tmp" "$1"
}
for k in $(seq 1 "$schools"); do
    setup_school "d$k" "$(district_data "$k")"
    "$bin" -q import timetable "$(district_data "$k")/timetable.csv" >/dev/null
done
t2=$(date +%s.%N)
echo "-- district setup (init, import roster and timetable of $schools schools): $(awk "BEGIN{printf \"%.0f\", $t2 - $t1}") s"

# Runs `schedule generate` for every school of the district, summing /usr/bin/time's figures.
district_pass() {
    local label=$1 wall=0 user=0 sys=0 created=0 peak=0
    local start end
    start=$(date +%s.%N)
    for k in $(seq 1 "$schools"); do
        SCHOOLCTL_DB="$tmp/school-d$k.db" SCHOOLCTL_CONFIG="$(district_data "$k")/schoolctl.toml" \
            /usr/bin/time -f '%e %U %S %M' -o "$work/time.log" \
            "$bin" -q schedule generate --format json >"$work/out.log" 2>"$work/err.log" || {
            echo "$(basename "$0"): district: schedule generate of school $k failed:" >&2
            cat "$work/err.log" >&2
            exit 1
        }
        read -r w u s m <"$work/time.log"
        wall=$(awk "BEGIN{print $wall + $w}"); user=$(awk "BEGIN{print $user + $u}")
        sys=$(awk "BEGIN{print $sys + $s}"); [ "$m" -gt "$peak" ] && peak=$m
        created=$((created + $(json_field "$work/out.log" 'j["created"]')))
    done
    end=$(date +%s.%N)
    printf '%-40s %9.2f %9.2f %9.2f %10.1f\n' "$label" "$wall" "$user" "$sys" "$(awk "BEGIN{print $peak/1024}")"
    echo "," >> "$results"
    printf '  {"pupils": %d, "schools": %d, "phase": "%s", "wall_s": %s, "user_s": %s, "sys_s": %s, "peak_rss_kib": %s, "loop_wall_s": %s}' \
        "$n" "$schools" "$label" "$wall" "$user" "$sys" "$peak" "$(awk "BEGIN{print $end - $start}")" >> "$results"
    district_wall=$wall district_created=$created
}
printf '%-40s %9s %9s %9s %10s\n' phase "wall s" "user s" "sys s" "peak MiB"
district_pass "district generate, $schools schools"
first_total=$district_wall
first_created=$district_created
district_pass "district generate again, $schools schools"
echo "-- district: $first_created lessons created in $schools databases ($(du -cm "$tmp"/school-d*.db | tail -1 | cut -f1) MiB)"
verdict "$(awk "BEGIN{print ($first_total <= 60)}")" \
    "district of $schools schools: schedule generate ${first_total} s in all (target <= 60 s; separate databases, run one after another)"
echo "]" >> "$results"
echo "figures: $results"
