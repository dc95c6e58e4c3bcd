#!/usr/bin/python3
"""The whole pipeline at school and district scale: what `make bench` runs.

    scripts/bench_pipeline.py [--build build/release] [--pupils 2000]
                              [--district-pupils 200000] [--schools 100] [--jobs 2]
                              [--skip-district] [--out bench/results.json]

A school: `schoolctl sample generate` writes a synthetic school of --pupils (with a first
quarter of marks and absences); then, on an empty database, each phase a school goes through,
timed as the processes it runs: init, the roster import (subjects, staff, classes, students,
guardians, groups, assignments), the timetable import, schedule generate and its idle re-run,
marks import, attendance import, finals compute, report all (XLSX and PDF) and db backup.
Beside them the raw-library baselines: the same pupils inserted by a bare SQLite loop
(bench_raw_roster) and the same report files written by libxlsxwriter and libharu alone
(bench_raw_reports).

A district: --schools schools of --district-pupils in all, each in a database of its own
(docs/ARCHITECTURE.md, "A district"), --jobs schools at a time; the same phases summed over the
schools, with the peak RSS of the largest process.

For each phase: wall and CPU seconds and peak RSS (from wait4 of every process it ran), and the
ratio to its raw baseline where there is one. The table goes to stdout, the figures to --out as
JSON. A benchmark, not a test: a missed target prints MISS and the script still exits 0; a
command that fails stops it with exit 1.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import platform
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The roster is loaded on the first day of the year (memberships start the day they are
# imported); everything after at the end of the year, when every lesson of the term has taken
# place and the administrator's session is current.
FIRST_DAY = "1788242400"  # 2026-09-01 09:00 Moscow
YEAR_END = "1811754000"  # 2027-05-31 09:00 Moscow
ROSTER_KINDS = ["subjects", "staff", "classes", "students", "guardians", "groups", "assignments"]
PHASES = [
    "init",
    "roster import",
    "timetable import",
    "schedule generate",
    "schedule generate (idle re-run)",
    "marks import",
    "attendance import",
    "finals compute",
    "report all",
    "db backup",
]


class Failed(Exception):
    pass


class Tally:
    """One phase: the processes it ran, summed; the largest resident set among them."""

    def __init__(self):
        self.wall = 0.0
        self.user = 0.0
        self.sys = 0.0
        self.rss_kib = 0
        self.runs = 0

    def add(self, other):
        self.wall += other.wall
        self.user += other.user
        self.sys += other.sys
        self.rss_kib = max(self.rss_kib, other.rss_kib)
        self.runs += other.runs

    def as_json(self):
        return {"wall_s": round(self.wall, 3), "user_s": round(self.user, 3),
                "sys_s": round(self.sys, 3), "cpu_s": round(self.user + self.sys, 3),
                "peak_rss_mib": round(self.rss_kib / 1024, 1), "processes": self.runs}


def run(cmd, env, log_dir, stdin=None):
    """Runs one process to its end; its wall time and the kernel's account of its CPU and
    memory (wait4), or Failed with its standard error."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path = log_dir / "out.log"
    err_path = log_dir / "err.log"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen([str(c) for c in cmd], env=env, stdout=out, stderr=err,
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
        if stdin is not None:
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise Failed(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                     + err_path.read_text(errors="replace")[-2000:])
    t = Tally()
    t.wall, t.user, t.sys, t.rss_kib, t.runs = wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, 1
    return t, out_path.read_text(errors="replace")


def school_env(work, data):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SCHOOLCTL_") and k != "SOURCE_DATE_EPOCH"}
    env.update({"SCHOOLCTL_DB": str(work / "school.db"),
                "SCHOOLCTL_CONFIG": str(data / "schoolctl.toml"),
                "XDG_STATE_HOME": str(work / "state"), "XDG_CONFIG_HOME": str(work / "config"),
                "SOURCE_DATE_EPOCH": YEAR_END})
    return env


def school_pipeline(bin_path, data, work):
    """Every phase of one school, from an empty database to the term's reports and a backup.
    Returns {phase: Tally} and a few counts."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    logs = work / "logs"
    logs.mkdir()
    env = school_env(work, data)
    first_day = dict(env, SOURCE_DATE_EPOCH=FIRST_DAY)
    phases = {name: Tally() for name in PHASES}
    sub = {}

    t, out = run([bin_path, "init"], first_day, logs)
    phases["init"].add(t)
    otp = next(line.split(":", 1)[1].strip() for line in out.splitlines()
               if line.startswith("One-time password:"))
    run([bin_path, "login", "admin", "--password-stdin"], env, logs,
        stdin=f"{otp}\nbench-pipeline-password-{os.getpid()}\n")

    for kind in ROSTER_KINDS:
        t, _ = run([bin_path, "-q", "import", kind, data / f"{kind}.csv"], first_day, logs)
        phases["roster import"].add(t)
        sub[f"import {kind}"] = t
    t, _ = run([bin_path, "-q", "import", "timetable", data / "timetable.csv"], first_day, logs)
    phases["timetable import"].add(t)
    t, _ = run([bin_path, "-q", "schedule", "generate"], env, logs)
    phases["schedule generate"].add(t)
    t, _ = run([bin_path, "-q", "schedule", "generate"], env, logs)
    phases["schedule generate (idle re-run)"].add(t)
    t, _ = run([bin_path, "-q", "marks", "import", data / "marks.csv"], env, logs)
    phases["marks import"].add(t)
    t, _ = run([bin_path, "-q", "attendance", "import", data / "attendance.csv"], env, logs)
    phases["attendance import"].add(t)
    t, _ = run([bin_path, "-q", "finals", "compute", "--period", "Q1"], env, logs)
    phases["finals compute"].add(t)
    reports = work / "reports"
    t, _ = run([bin_path, "-q", "report", "all", "--period", "Q1", "--out", f"{reports}/"],
               env, logs)
    phases["report all"].add(t)
    t, _ = run([bin_path, "-q", "db", "backup", work / "backup.db"], env, logs)
    phases["db backup"].add(t)
    return phases, sub, reports


def report_all_best(bin_path, data, work, first):
    """The best of three runs of report all: the pipeline's and two more into scratch folders,
    measured as the raw writers are (best of three), so noise counts on neither side."""
    env = school_env(work, data)
    best = first
    for n in (2, 3):
        t, _ = run([bin_path, "-q", "report", "all", "--period", "Q1", "--out",
                    f"{work}/reports-{n}/"], env, work / "logs")
        if t.wall < best.wall:
            best = t
    return best


def count_rows(path):
    with open(path, "rb") as f:
        return max(sum(1 for _ in f) - 1, 0)


def raw_roster(build, data, work):
    raw = build / "bench_raw_roster"
    db = work / "raw-roster.db"
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(f"{db}{suffix}").unlink(missing_ok=True)
    t, _ = run([raw, data / "students.csv", db], dict(os.environ), work / "logs")
    return t


def raw_reports(build, reports, work):
    """The best of three runs of the raw writers on the manifest of what report all wrote."""
    manifest = work / "manifest.txt"
    with open(manifest, "w") as f:
        subprocess.run([sys.executable, ROOT / "scripts" / "report_manifest.py", reports],
                       stdout=f, check=True)
    best = None
    out_dir = work / "raw-reports"
    for _ in range(3):
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir()
        t, _ = run([build / "bench_raw_reports", "--threads", "2", manifest, out_dir],
                   dict(os.environ), work / "logs")
        if best is None or t.wall < best.wall:
            best = t
    return best


def generate(bin_path, pupils, schools, out, seed=1):
    args = [bin_path, "-q", "sample", "generate", "--pupils", pupils, "--seed", seed,
            "--out", out]
    if schools > 1:
        args += ["--schools", schools]
    # A fresh folder: schools left by an earlier, larger run would be counted as this one's.
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    t, _ = run(args, dict(os.environ), out.parent)
    return t


def cpu(t):
    return max(t.user + t.sys, 1e-3)


def verdict(ok):
    return "PASS" if ok else "MISS"


def print_row(label, t, ratio=None):
    print(f"  {label:<34} {t.wall:8.2f} {t.user + t.sys:8.2f} {t.rss_kib / 1024:9.1f} "
          f"{'' if ratio is None else f'{ratio:.2f}':>7}")


def print_table(title, phases, ratios):
    print(f"\n{title}")
    print(f"  {'phase':<34} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'x raw':>7}")
    for name, t in phases.items():
        print_row(name, t, ratios.get(name))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build/release")
    parser.add_argument("--pupils", type=int, default=2000)
    parser.add_argument("--district-pupils", type=int, default=200000)
    parser.add_argument("--schools", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--skip-district", action="store_true")
    parser.add_argument("--with-targets", action="store_true",
                        help="also run the per-topic benchmarks (scripts/bench-*.sh) and "
                             "collect their PASS/MISS lines")
    parser.add_argument("--work", default="build/bench/pipeline")
    parser.add_argument("--out", default="bench/results.json")
    args = parser.parse_args()

    build = (ROOT / args.build).resolve()
    bin_path = build / "schoolctl"
    if not bin_path.exists():
        sys.exit(f"bench_pipeline: no {bin_path} (make build)")
    work = (ROOT / args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    results = {"machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                           "load_before": os.getloadavg()[0], "kernel": platform.release()},
               "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    print(f"-- {results['machine']['cpu']}, {os.cpu_count()} cores, "
          f"load {results['machine']['load_before']:.2f}")

    try:
        # The school.
        data = work / "school-data"
        gen = generate(bin_path, args.pupils, 1, data)
        print(f"-- sample generate --pupils {args.pupils}: {gen.wall:.2f} s; "
              f"{count_rows(data / 'students.csv')} pupils, {count_rows(data / 'marks.csv')} marks, "
              f"{count_rows(data / 'attendance.csv')} absences")
        phases, sub, reports = school_pipeline(bin_path, data, work / "school")
        raw_students = raw_roster(build, data, work)
        raw_writers = raw_reports(build, reports, work)
        best_reports = report_all_best(bin_path, data, work / "school", phases["report all"])
        ratios = {"report all": best_reports.wall / raw_writers.wall}
        # On CPU time: a few hundredths of a second of wall time are mostly the disk's fsync
        # and the other jobs on the machine.
        students_ratio = cpu(sub["import students"]) / cpu(raw_students)
        total = Tally()
        for t in phases.values():
            total.add(t)
        print_table(f"School: {args.pupils} pupils", phases, {})
        print_row("whole pipeline", total)
        print_row("  of it: import students", sub["import students"], students_ratio)
        print_row("raw: bench_raw_roster (students)", raw_students)
        print_row("report all (best of 3)", best_reports, ratios["report all"])
        print_row("raw: bench_raw_reports (best of 3)", raw_writers)
        marks = count_rows(data / "marks.csv")
        rate = marks / phases["marks import"].wall
        checks = [
            (total.wall <= 30, f"whole school pipeline {total.wall:.1f} s (target <= 30 s)"),
            (phases["report all"].wall <= 10,
             f"report all {phases['report all'].wall:.2f} s (target <= 10 s)"),
            (ratios["report all"] <= 2,
             f"report all {ratios['report all']:.2f} x the raw writers, best of 3 each "
             f"(reports: <= 2x)"),
            (students_ratio <= 3,
             f"import students {students_ratio:.2f} x the raw insert loop, CPU time (<= 3x)"),
        ]
        for ok, text in checks:
            print(f"{verdict(ok)}  {text}")
        # A term's file is too small to show the import's rate (start-up and the checks of the
        # school come first); scripts/bench-marks.sh times a year of 1,000,000 marks.
        print(f"-- marks import: {marks} marks in {phases['marks import'].wall:.2f} s "
              f"({rate:,.0f} a second)")
        results["school"] = {
            "pupils": args.pupils, "marks": marks, "generate_wall_s": round(gen.wall, 3),
            "phases": {k: v.as_json() for k, v in phases.items()},
            "roster_imports": {k: v.as_json() for k, v in sub.items()},
            "total": total.as_json(),
            "report_all_best_of_3": best_reports.as_json(),
            "raw": {"bench_raw_roster": raw_students.as_json(),
                    "bench_raw_reports": raw_writers.as_json()},
            "ratios": {"report all": round(ratios["report all"], 2),
                       "import students": round(students_ratio, 2)},
            "checks": [{"pass": ok, "what": text} for ok, text in checks]}

        if not args.skip_district:
            results["district"] = district(args, build, bin_path, work)
        if args.with_targets:
            results["targets"] = topic_targets(args.build)
        print_summary(results)
    except Failed as e:
        print(f"bench_pipeline: {e}", file=sys.stderr)
        return 1
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"figures: {out}")
    return 0


def district(args, build, bin_path, work):
    data = work / "district-data"
    gen = generate(bin_path, args.district_pupils, args.schools, data)
    schools = sorted(p for p in data.iterdir() if p.is_dir())
    print(f"\n-- sample generate --pupils {args.district_pupils} --schools {args.schools}: "
          f"{gen.wall:.1f} s; {len(schools)} schools")
    phases = {name: Tally() for name in PHASES}
    start = time.monotonic()
    done = 0

    students = Tally()
    raw_students = Tally()

    def one(school):
        school_work = work / "district" / school.name
        result, sub, _ = school_pipeline(bin_path, school, school_work)
        raw = raw_roster(build, school, school_work)
        # Each school's database and reports take room; the figures are all that is kept.
        shutil.rmtree(school_work, ignore_errors=True)
        return result, sub["import students"], raw

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for result, imported, raw in pool.map(one, schools):
            for name, t in result.items():
                phases[name].add(t)
            students.add(imported)
            raw_students.add(raw)
            done += 1
            if sys.stdout.isatty():
                print(f"\r  {done}/{len(schools)} schools", end="", flush=True)
    wall = time.monotonic() - start
    if sys.stdout.isatty():
        print()
    print_table(f"District: {args.district_pupils} pupils in {len(schools)} schools, "
                f"{args.jobs} at a time (wall and CPU summed over the schools)", phases, {})
    whole = Tally()
    for t in phases.values():
        whole.add(t)
    whole.wall = wall  # elapsed, where the phases' sum counts the two schools at once twice
    peak = whole.rss_kib
    cpu_total = cpu(whole)
    print_row("whole district (elapsed)", whole)
    students_ratio = cpu(students) / cpu(raw_students)
    print_row("  of it: import students", students, students_ratio)
    print_row("raw: bench_raw_roster (students)", raw_students)
    checks = [(wall <= 600, f"district {wall / 60:.1f} min (target <= 10 min)"),
              (students_ratio <= 3, f"import students {students_ratio:.2f} x the raw insert "
                                    f"loop over the district's schools, CPU time (<= 3x)"),
              (peak <= 1024 * 1024, f"district peak RSS {peak / 1024:.0f} MiB a process "
                                    f"(target <= 1 GiB)")]
    for ok, text in checks:
        print(f"{verdict(ok)}  {text}")
    return {"pupils": args.district_pupils, "schools": len(schools), "jobs": args.jobs,
            "generate_wall_s": round(gen.wall, 3), "elapsed_s": round(wall, 3),
            "cpu_s": round(cpu_total, 3), "peak_rss_mib": round(peak / 1024, 1),
            "phases": {k: v.as_json() for k, v in phases.items()},
            "import_students": students.as_json(), "raw_students": raw_students.as_json(),
            "ratios": {"import students": round(students_ratio, 2)},
            "checks": [{"pass": ok, "what": text} for ok, text in checks]}


# The per-topic benchmarks, each with its own targets (docs/PERFORMANCE.md).
TOPIC_SCRIPTS = ["bench-roster.sh", "bench-credentials.sh", "bench-schedule.sh",
                 "bench-marks.sh", "bench-finals.sh", "bench-reports.sh"]


def topic_targets(build):
    """Runs each topic's script as it is, echoing its output; returns its PASS/MISS lines."""
    verdicts = []
    for script in TOPIC_SCRIPTS:
        print(f"\n== scripts/{script}", flush=True)
        proc = subprocess.run([ROOT / "scripts" / script, build], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        print(proc.stdout, end="", flush=True)
        if proc.returncode != 0:
            raise Failed(f"scripts/{script} exited {proc.returncode}")
        for line in proc.stdout.splitlines():
            if line.startswith(("PASS ", "MISS ")):
                verdicts.append({"script": script, "pass": line.startswith("PASS"),
                                 "what": line[4:].strip()})
    return verdicts


def print_summary(results):
    """Every target of the run in one list: the pipeline's, then each topic's."""
    lines = [(c["pass"], "pipeline", c["what"]) for c in results["school"]["checks"]]
    lines += [(c["pass"], "pipeline", c["what"]) for c in results.get("district", {}).get("checks", [])]
    lines += [(t["pass"], t["script"], t["what"]) for t in results.get("targets", [])]
    print(f"\n== Targets: {sum(ok for ok, _, _ in lines)} of {len(lines)} met")
    for ok, where, what in lines:
        print(f"{verdict(ok)}  [{where}] {what}")


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
