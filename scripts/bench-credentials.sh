#!/usr/bin/env bash
# The credentials benchmark: one school of N pupils (default 2,000) gets its logins and
# activation codes with the slips PDF and the mail-merge CSV, on every core and on one.
# Argon2id (m = 19 MiB, t = 2) is the whole cost, on purpose. Prints wall time, CPU time and
# peak RSS per phase; the figures also go to build/bench/credentials.json.
#
#   scripts/bench-credentials.sh [BUILD_DIR] [PUPILS]     e.g. scripts/bench-credentials.sh build/release 2000
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
n=${2:-2000}
bin="$root/$build/schoolctl"
work="$root/build/bench"
mkdir -p "$work"
results="$work/credentials.json"
echo "[" > "$results"
first=1

printf '%-40s %9s %9s %9s %10s\n' phase "wall s" "user s" "sys s" "peak MiB"
. "$root/scripts/bench-measure.sh"

# The roster of `schoolctl sample generate` (kept between runs: the same seed, the same files).
data="$work/sample-$n"
[ -f "$data/students.csv" ] || "$bin" -q sample generate --pupils "$n" --period none --force --out "$data" >/dev/null
export SCHOOLCTL_DB="$work/credentials-$n.db" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
export SCHOOLCTL_CONFIG="$data/schoolctl.toml"
unset SCHOOLCTL_TOKEN
rm -f "$SCHOOLCTL_DB" "$SCHOOLCTL_DB"-wal "$SCHOOLCTL_DB"-shm
otp=$("$bin" init | sed -n 's/^One-time password: *//p')
printf '%s\n%s\n' "$otp" "bench-password-$$" | "$bin" login admin --password-stdin >/dev/null 2>&1
for k in subjects staff classes students guardians; do "$bin" -q import "$k" "$data/$k.csv" >/dev/null; done
echo "-- $(($(wc -l <"$data/students.csv") - 1)) pupils, $(($(wc -l <"$data/guardians.csv") - 1)) guardians, $(nproc) cores"

out="$work/credentials-out"
rm -rf "$out" && mkdir -p "$out"
measure "$n" "issue students, all cores (slips + CSV)" \
    "$bin" -q accounts issue --role student --all --out "$out/pupils.pdf" --csv "$out/pupils.csv"
read -r issue_wall _ <"$work/time.log"
measure "$n" "issue students --reset, one thread" \
    "$bin" -q accounts issue --role student --all --reset --threads 1 --out "$out/pupils-1.pdf"
measure "$n" "issue guardians --per-family" \
    "$bin" -q accounts issue --role guardian --all --per-family --out "$out/parents.pdf" --csv "$out/parents.csv"
echo "-- slips: $(pdfinfo "$out/pupils.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, $(du -k "$out/pupils.pdf" | cut -f1) KiB for the pupils"
echo "]" >> "$results"
# The target: 2,000 credentials with their slips in <= 60 s, so 30 ms a pupil.
limit=$(awk "BEGIN{printf \"%.0f\", $n * 0.03}")
verdict() { awk "BEGIN{exit !($1)}" && echo PASS || echo MISS; }
echo "$(verdict "$issue_wall <= $limit")  $n credentials with slips and CSV: $issue_wall s wall (target <= $limit s: 60 s for 2,000)"
