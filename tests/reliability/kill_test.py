#!/usr/bin/python3
"""Crash safety: an import, a schedule generation and a finals computation killed with SIGKILL
at many points leave a sound database holding all of their batch or none of it.

    kill_test.py --bin SCHOOLCTL --source SOURCE_DIR [--points N]

For each operation a database is prepared up to just before it (the sample school, logged in)
and the operation is run once whole, counting its statement steps. Then, N times (default 40),
from a fresh copy of that database, it is killed: two thirds of the time just before its k-th
step (SCHOOLCTL_KILL_AT_STATEMENT, k spread over the whole run, the last steps — COMMIT —
included), otherwise at a random moment of its run time. After each kill, `schoolctl db check`
must pass and the batch's rows must be all there or not there at all. A report run killed
midway must leave no file under its final name. Prints the points tried and the outcomes;
exits 1 at the first violation, naming the operation and the kill point.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from school import FIRST_DAY, School


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--points", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    school = School(args.bin, args.source, "kill")
    work, env, db, samples = school.work, school.env, school.db, school.samples
    run, count = school.setup, school.count

    # The sample school up to each operation.
    school.init_and_login("kill-test-password")
    school.load("subjects", "staff", "classes")
    before_students = os.path.join(work, "before-students.db")
    run("-q", "db", "backup", before_students)
    school.load("students", "groups", "assignments", "timetable")
    before_schedule = os.path.join(work, "before-schedule.db")
    run("-q", "db", "backup", before_schedule)
    run("-q", "schedule", "generate")
    run("-q", "marks", "import", school.data("finals", "marks.csv"))
    before_finals = os.path.join(work, "before-finals.db")
    run("-q", "db", "backup", before_finals)

    operations = [
        ("import students", before_students, ["import", "students",
                                              os.path.join(samples, "students.csv")],
         {"SOURCE_DATE_EPOCH": FIRST_DAY},
         "SELECT count(*) FROM pupils"),
        ("schedule generate", before_schedule, ["schedule", "generate"], {},
         "SELECT count(*) FROM lessons"),
        ("finals compute", before_finals, ["finals", "compute", "--period", "Q1"], {},
         "SELECT count(*) FROM final_marks"),
    ]
    total_points = 0
    for name, base, argv, extra, rows_sql in operations:
        def fresh():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            shutil.copyfile(base, db)
            os.chmod(db, 0o600)
        fresh()
        none = count(rows_sql)
        started = time.monotonic()
        p = run("-q", *argv, extra={**extra, "SCHOOLCTL_KILL_AT_STATEMENT": "0"})
        duration = time.monotonic() - started
        steps = int(p.stderr.strip().splitlines()[-1].split(":")[-1])
        everything = count(rows_sql)
        if everything == none:
            sys.exit(f"{name}: the whole run changed nothing ({rows_sql} = {none})")
        outcomes = {"none": 0, "all": 0}
        # The last steps are the COMMIT and what precedes it; one past the last is no kill at
        # all, the whole batch.
        points = sorted({rng.randint(1, steps) for _ in range(args.points * 2 // 3)} |
                        {steps - 2, steps - 1, steps, steps + 1})
        timed = [rng.uniform(0.05, 0.95) * duration for _ in range(args.points - len(points))]
        for point in [("step", k) for k in points] + [("time", t) for t in timed]:
            fresh()
            e = dict(env)
            e.update(extra)
            if point[0] == "step":
                e["SCHOOLCTL_KILL_AT_STATEMENT"] = str(point[1])
                proc = subprocess.run([school.binary, "-q", *argv], env=e, cwd=work,
                                      capture_output=True, text=True)
                rc = proc.returncode
            else:
                proc = subprocess.Popen([school.binary, "-q", *argv], env=e, cwd=work,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(point[1])
                proc.send_signal(signal.SIGKILL)
                rc = proc.wait()
            where = f"{name}, killed at {point[0]} {point[1]:.3f}" if point[0] == "time" \
                else f"{name}, killed before step {point[1]} of {steps}"
            if point[0] == "step" and point[1] <= steps and rc != -signal.SIGKILL:
                sys.exit(f"{where}: the process was not killed (exit {rc})")
            check = school.run("db", "check")
            if check.returncode != 0:
                sys.exit(f"{where}: db check failed ({check.returncode}):\n"
                         f"{check.stdout}{check.stderr}")
            rows = count(rows_sql)
            if rows == none:
                outcomes["none"] += 1
            elif rows == everything:
                outcomes["all"] += 1
            else:
                sys.exit(f"{where}: {rows} rows ({rows_sql}), neither {none} nor {everything}")
            total_points += 1
        print(f"{name}: {steps} statement steps, {duration:.2f} s; "
              f"{len(points)} step kills and {len(timed)} timed kills: "
              f"{outcomes['none']} left nothing, {outcomes['all']} everything; db check passed")

    # A report run killed midway: nothing under a final name that is not whole.
    fresh_reports = os.path.join(work, "reports")
    for k in range(5):
        shutil.rmtree(fresh_reports, ignore_errors=True)
        e = dict(env)
        proc = subprocess.Popen([school.binary, "-q", "report", "all", "--period", "Q1", "--class", "5А",
                                 "--out", fresh_reports + "/"], env=e, cwd=work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for root, _, files in os.walk(fresh_reports):
            for f in files:
                path = os.path.join(root, f)
                if f.endswith(".pdf"):
                    ok = subprocess.run(["qpdf", "--check", path], capture_output=True).returncode
                    if ok not in (0, 3):
                        sys.exit(f"report all killed: {path} is not a whole PDF")
                elif f.endswith(".xlsx"):
                    if subprocess.run(["unzip", "-tq", path], capture_output=True).returncode:
                        sys.exit(f"report all killed: {path} is not a whole workbook")
                elif not f.startswith("."):
                    sys.exit(f"report all killed: unexpected file {path}")
        total_points += 1
    print(f"report all: 5 timed kills, no partial file under a final name")
    print(f"{total_points} kill points, all sound")
    school.remove()


if __name__ == "__main__":
    main()
