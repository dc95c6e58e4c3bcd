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
verdict() { awk "BEGIN{exit !($1)}" && echo PASS || echo MISS; }
verdicts=()
rss_of=()

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
    read -r dry_wall _ <"$work/time.log"
    measure "$n" "import students" "$bin" -q import students "$data/students.csv"
    read -r import_wall import_user import_sys import_rss <"$work/time.log"
    measure "$n" "import students (again)" "$bin" -q import students "$data/students.csv"
    measure "$n" "import guardians" "$bin" -q import guardians "$data/guardians.csv"
    measure "$n" "raw insert loop (students)" "$raw" "$data/students.csv" "$work/raw-$n.db"
    read -r raw_wall raw_user raw_sys _ <"$work/time.log"
    # The targets: 100,000 pupils in <= 3 s (so 30 µs a pupil), within 3x of the raw loop, a dry
    # run no dearer than the import.
    limit=$(awk "BEGIN{printf \"%.1f\", $n * 0.00003}")
    verdicts+=("$(verdict "$import_wall <= $limit")  import students, $n pupils: $import_wall s wall (target <= $limit s: 3 s for 100,000)")
    ratio=$(awk "BEGIN{printf \"%.2f\", $import_wall / $raw_wall}")
    cpu_ratio=$(awk "BEGIN{printf \"%.2f\", ($import_user + $import_sys) / ($raw_user + $raw_sys)}")
    verdicts+=("$(verdict "$ratio <= 3")  import students, $n pupils: $ratio x the raw insert loop, wall ($cpu_ratio x in CPU time; target <= 3x)")
    verdicts+=("$(verdict "$dry_wall <= $import_wall")  import students --dry-run, $n pupils: $dry_wall s, the import $import_wall s (target: no dearer)")
    rss_of+=("$n $import_rss")
done
echo "]" >> "$results"
# Memory flat in the number of rows: ten times the pupils must not take ten times the memory
# (the smallest and the largest size run are compared).
if [ ${#rss_of[@]} -ge 2 ]; then
    read -r n0 rss0 <<<"${rss_of[0]}"
    read -r n1 rss1 <<<"${rss_of[${#rss_of[@]}-1]}"
    grow=$(awk "BEGIN{printf \"%.2f\", $rss1 / $rss0}")
    rows=$(awk "BEGIN{printf \"%.0f\", $n1 / $n0}")
    verdicts+=("$(verdict "$rss1 / $rss0 < $n1 / $n0")  peak RSS of import students: $n1 pupils take $grow x the memory of $n0 (target: less than the ${rows}x rows)")
fi
printf '%s\n' "${verdicts[@]}"
echo "figures: $results"
