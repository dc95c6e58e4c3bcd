# Sourced by the bench-*.sh scripts: `measure PUPILS PHASE COMMAND...` runs COMMAND under
# /usr/bin/time, prints wall, user and sys seconds and peak RSS, and appends the figures as a
# JSON object to "$results" (the caller opens the array and sets work, results and first=1).
measure() {
    local n=$1 phase=$2
    shift 2
    local log="$work/time.log"
    /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" >"$work/out.log" 2>"$work/err.log" || {
        echo "$(basename "$0"): $phase failed:" >&2
        cat "$work/err.log" >&2
        exit 1
    }
    read -r wall user sys rss <"$log"
    printf '%-40s %9.2f %9.2f %9.2f %10.1f\n' "$phase" "$wall" "$user" "$sys" "$(awk "BEGIN{print $rss/1024}")"
    [ "$first" -eq 1 ] || echo "," >> "$results"
    first=0
    printf '  {"pupils": %d, "phase": "%s", "wall_s": %s, "user_s": %s, "sys_s": %s, "peak_rss_kib": %s}' \
        "$n" "$phase" "$wall" "$user" "$sys" "$rss" >> "$results"
}
