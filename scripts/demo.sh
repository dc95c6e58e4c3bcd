#!/usr/bin/env bash
# The sample school end to end: a fresh database, the sample roster, the timetable expanded
# into the year's lessons, class lists and timetables in every format, and credential slips for
# staff, one class and its parents.
set -euo pipefail
bin=$(realpath "${1:-build/release/schoolctl}")
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/demo"
out="$root/out"
rm -rf "$work" "$out"
mkdir -p "$work" "$out"
cd "$work"

# Keep the demo's database, session and config apart from the user's own.
export SCHOOLCTL_DB="$work/school.db"
export XDG_STATE_HOME="$work/state"
export XDG_CONFIG_HOME="$work/config"
unset SCHOOLCTL_TOKEN SCHOOLCTL_CONFIG

echo "== schoolctl init --config samples/schoolctl.toml"
init_output=$("$bin" init --config "$root/samples/schoolctl.toml")
echo "$init_output"
otp=$(sed -n 's/^One-time password: *//p' <<<"$init_output")

echo "== schoolctl login admin (replacing the one-time password)"
new_password="demo-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
printf '%s\n%s\n' "$otp" "$new_password" |
    "$bin" --config "$root/samples/schoolctl.toml" login admin --password-stdin

cfg=(--config "$root/samples/schoolctl.toml")
# The roster as it stood on the year's first day, so September's marks find every pupil.
for kind in subjects staff classes students guardians groups assignments; do
    as_of=()
    [[ $kind == students || $kind == groups ]] && as_of=(--as-of 01.09.2026)
    echo "== schoolctl import $kind samples/$kind.csv ${as_of[*]}"
    "$bin" "${cfg[@]}" import "$kind" "${as_of[@]}" "$root/samples/$kind.csv"
done

echo "== schoolctl calendar show --month 2026-12 (a working Saturday, the winter holidays)"
"$bin" "${cfg[@]}" calendar show --month 2026-12 | sed -n '5,9p;30,40p'

echo "== schoolctl import timetable samples/timetable.csv; schedule generate (twice); check"
"$bin" "${cfg[@]}" import timetable "$root/samples/timetable.csv"
"$bin" "${cfg[@]}" schedule generate
"$bin" "${cfg[@]}" schedule generate
"$bin" "${cfg[@]}" schedule check

echo "== a substitution, and the week of 5А"
"$bin" "${cfg[@]}" schedule substitute --date 18.01.2027 --lesson 1 --class 5А \
    --teacher T-0002 --reason "болезнь"
"$bin" "${cfg[@]}" schedule show --class 5А --week 18.01.2027
"$bin" "${cfg[@]}" -q report timetable --week 18.01.2027 --format pdf --out "$out/" >/dev/null
"$bin" "${cfg[@]}" -q report timetable --by teacher --week 18.01.2027 --format xlsx \
    --out "$out/timetable-teachers.xlsx" >/dev/null
"$bin" "${cfg[@]}" -q report substitutions --month 2027-01 --format xlsx --out "$out/" >/dev/null
"$bin" "${cfg[@]}" -q export ics --class 5А --out "$out/5A.ics" >/dev/null

echo "== the journal: a term of marks and absences, then the 1st quarter's marks"
"$bin" "${cfg[@]}" marks import "$root/samples/marks.csv"
"$bin" "${cfg[@]}" attendance import "$root/samples/attendance.csv"
"$bin" "${cfg[@]}" finals compute --period Q1
"$bin" "${cfg[@]}" finals explain --pupil S-0001 --subject MATH --period Q1
"$bin" "${cfg[@]}" -q finals list --class 5А --period Q1 --format csv >"$out/5A-Q1-marks.csv"
"$bin" "${cfg[@]}" attendance list --class 5А --period Q1 | tail -4
"$bin" "${cfg[@]}" -q diary --pupil S-0001 --week 16.11.2026 --format pdf --out "$out/diary-S-0001.pdf"
"$bin" "${cfg[@]}" report unseen --class 5А | sed -n 1,6p

echo "== the 1st quarter's forms: сводная ведомость, attendance, the class teacher's report"
"$bin" "${cfg[@]}" report class-summary --class 5А --period Q1 | sed -n 9,30p
"$bin" "${cfg[@]}" -q report performance --period Q1 --format xlsx --out "$out/" >/dev/null
"$bin" "${cfg[@]}" -q report performance --period year --format pdf --out "$out/" >/dev/null
"$bin" "${cfg[@]}" -q report attendance --period Q1 --format xlsx --out "$out/" >/dev/null
"$bin" "${cfg[@]}" -q report class-summary --period Q1 --format pdf --out "$out/" >/dev/null
"$bin" "${cfg[@]}" -q report class-summary --period Q1 --format html --out "$out/" >/dev/null

echo "== schoolctl report class-list --class 5А"
"$bin" "${cfg[@]}" report class-list --class 5А

for format in xlsx pdf html csv; do
    "$bin" "${cfg[@]}" -q report class-list --format "$format" --out "$out/" >/dev/null
done
echo "== schoolctl export roster --format xlsx"
"$bin" "${cfg[@]}" export roster --format xlsx --out "$out/roster.xlsx"

echo "== schoolctl accounts issue: staff, the pupils of 5А, their parents per family"
"$bin" "${cfg[@]}" accounts issue --role staff --all --csv "$out/staff-credentials.csv"
"$bin" "${cfg[@]}" accounts issue --role student --class 5А --out "$out/5A-slips.pdf"
"$bin" "${cfg[@]}" accounts issue --role guardian --class 5А --per-family \
    --out "$out/5A-parents-slips.pdf" --csv "$out/5A-parents.csv"
echo "== schoolctl accounts list --class 5А --role guardian"
"$bin" "${cfg[@]}" accounts list --class 5А --role guardian | head -8
"$bin" "${cfg[@]}" db check

echo
echo "Reports written to $out:"
ls -1 "$out" | sed "s|^|  $out/|"
