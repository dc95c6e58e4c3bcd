#!/usr/bin/env bash
# The roster import benchmark: a synthetic school of N pupils (default 100,000, with ≈1.5 N
# guardians, 0.08 N staff and the classes they fill) imported through `schoolctl import`, beside
# a raw loop that inserts the same pupils with prepared statements in one transaction.
# Prints wall time, CPU time and peak RSS per phase; the figures also go to build/bench/roster.json.
#
#   scripts/bench-roster.sh [BUILD_DIR] [PUPILS...]     e.g. scripts/bench-roster.sh build/release 100000 1000000
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)
bin="$root/$build/schoolctl"
raw="$root/$build/bench_raw_roster"
work="$root/build/bench"
mkdir -p "$work"
results="$work/roster.json"
echo "[" > "$results"
first=1

printf '%-40s %9s %9s %9s %10s\n' phase "wall s" "user s" "sys s" "peak MiB"
. "$root/scripts/bench-measure.sh"

for n in "${sizes[@]}"; do
    data="$work/roster-$n"
    [ -f "$data/students.csv" ] || /usr/bin/python3 "$root/bench/make_roster.py" --pupils "$n" --out "$data" >/dev/null
    echo "-- $(wc -l <"$data/students.csv") pupil rows, $(wc -l <"$data/guardians.csv") guardian rows, $(wc -l <"$data/staff.csv") staff rows, $(wc -l <"$data/classes.csv") classes (with headers)"
    export SCHOOLCTL_DB="$work/school-$n.db" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
    export SCHOOLCTL_CONFIG="$root/samples/schoolctl.toml"
    unset SCHOOLCTL_TOKEN
    rm -f "$SCHOOLCTL_DB" "$SCHOOLCTL_DB"-wal "$SCHOOLCTL_DB"-shm "$work/raw-$n.db"*
    otp=$("$bin" init | sed -n 's/^One-time password: *//p')
    printf '%s\n%s\n' "$otp" "bench-password-$$" | "$bin" login admin --password-stdin >/dev/null 2>&1
    measure "$n" "import subjects" "$bin" -q import subjects "$data/subjects.csv"
    measure "$n" "import staff" "$bin" -q import staff "$data/staff.csv"
    measure "$n" "import classes" "$bin" -q import classes "$data/classes.csv"
    measure "$n" "import students --dry-run" "$bin" -q import students "$data/students.csv" --dry-run
    measure "$n" "import students" "$bin" -q import students "$data/students.csv"
    measure "$n" "import students (again)" "$bin" -q import students "$data/students.csv"
    measure "$n" "import guardians" "$bin" -q import guardians "$data/guardians.csv"
    measure "$n" "raw insert loop (students)" "$raw" "$data/students.csv" "$work/raw-$n.db"
done
echo "]" >> "$results"
echo "figures: $results"
