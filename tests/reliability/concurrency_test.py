#!/usr/bin/python3
"""Concurrent jobs on one database: a cron report, an import, marks entry and a finals
computation, each a separate schoolctl process run again and again at the same time.

    concurrency_test.py --bin SCHOOLCTL --source SOURCE_DIR [--iterations N]

Every run of every job must succeed: no "database is locked" (exit 75) reaches the user, since
every write transaction is BEGIN IMMEDIATE and waits up to the busy timeout. Nothing is lost:
each marks run adds one mark and the marks are all there at the end; the imports alternate
between two versions of one pupil's middle name and the name is the last import's. The WAL is
sampled all along and must stay bounded (checkpointed, not growing with the runs). Prints the
iterations, the time, and the largest WAL seen.
"""
import argparse
import csv
import os
import sqlite3
import sys
import threading
import time

from school import School

WAL_LIMIT = 64 * 1024 * 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--iterations", type=int, default=1000)
    args = ap.parse_args()
    school = School(args.bin, args.source, "concurrency")
    work, db, samples, run = school.work, school.db, school.samples, school.run
    school.init_and_login("concurrency-password")
    school.load("subjects", "staff", "classes", "students", "guardians", "groups",
                "assignments", "timetable")
    school.setup("-q", "schedule", "generate")
    school.setup("-q", "marks", "import", school.data("finals", "marks.csv"))

    # The marks job's slots: 5А's pupils × the dates of its mathematics lessons so far, each
    # (pupil, date) given one mark of the «homework» work type, never given before.
    with sqlite3.connect(db) as c:
        pupils = [r[0] for r in c.execute(
            "SELECT p.external_id FROM pupils u JOIN people p ON p.id = u.person_id "
            "JOIN class_memberships m ON m.pupil_id = u.person_id "
            "JOIN classes k ON k.id = m.class_id WHERE k.grade = 5 AND k.letter = 'А' "
            "ORDER BY p.external_id")]
        dates = [r[0] for r in c.execute(
            "SELECT DISTINCT l.date FROM lessons l JOIN timetable_rules r ON r.id = l.rule_id "
            "JOIN subjects s ON s.id = r.subject_id JOIN classes k ON k.id = r.class_id "
            "WHERE s.code = 'MATH' AND k.grade = 5 AND k.letter = 'А' "
            "AND l.date < '2026-11-16' ORDER BY l.date")]
        marks_before = c.execute("SELECT count(*) FROM marks").fetchone()[0]
    slots = [(p, d) for d in dates for p in pupils][:args.iterations]
    if len(slots) < args.iterations:
        sys.exit(f"only {len(slots)} free mark slots for {args.iterations} iterations")

    # Two versions of the roster, differing in the first pupil's middle name.
    with open(os.path.join(samples, "students.csv"), encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    middle = rows[0].index("Отчество")
    versions, middles = [], []
    for n in (1, 2):
        changed = [list(r) for r in rows]
        changed[1][middle] = rows[1][middle] + ("" if n == 1 else "а")
        middles.append(changed[1][middle])
        path = os.path.join(work, f"students-{n}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(changed)
        versions.append(path)
    first_pupil = rows[1][0]

    failures = []
    counts = {}
    lock = threading.Lock()

    def job(name, argv_for):
        for i in range(args.iterations):
            p = run(*argv_for(i))
            if p.returncode != 0:
                with lock:
                    failures.append(f"{name} run {i + 1}: exit {p.returncode}: {p.stderr.strip()}")
                return
        with lock:
            counts[name] = args.iterations

    jobs = {
        "report": lambda i: ["-q", "report", "performance", "--class", "5А", "--period", "Q1",
                             "--format", "json", "--out", "-"],
        "import": lambda i: ["-q", "import", "students", versions[i % 2]],
        "marks": lambda i: ["-q", "marks", "add", "--pupil", slots[i][0], "--subject", "MATH",
                            "--date", slots[i][1], "--value", str(2 + i % 4),
                            "--work-type", "homework"],
        "finals": lambda i: ["-q", "finals", "compute", "--period", "Q1", "--class", "5А"],
    }
    wal_max = 0
    stop = threading.Event()

    def sample_wal():
        nonlocal wal_max
        while not stop.is_set():
            try:
                wal_max = max(wal_max, os.path.getsize(db + "-wal"))
            except OSError:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample_wal)
    sampler.start()
    started = time.monotonic()
    threads = [threading.Thread(target=job, args=(n, f)) for n, f in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    stop.set()
    sampler.join()

    if failures:
        sys.exit("\n".join(failures))
    with sqlite3.connect(db) as c:
        marks_after = c.execute("SELECT count(*) FROM marks").fetchone()[0]
    if marks_after != marks_before + args.iterations:
        sys.exit(f"lost update: {marks_after - marks_before} marks added by "
                 f"{args.iterations} runs")
    with sqlite3.connect(db) as c:
        last = middles[(args.iterations - 1) % 2]
        found = c.execute("SELECT middle_name FROM people WHERE external_id = ?",
                          (first_pupil,)).fetchone()[0]
    if found != last:
        sys.exit(f"lost update: {first_pupil}'s middle name is {found!r}, the last import's "
                 f"is {last!r}")
    if wal_max > WAL_LIMIT:
        sys.exit(f"the WAL grew to {wal_max} bytes (limit {WAL_LIMIT})")
    check = run("db", "check")
    if check.returncode != 0:
        sys.exit(f"db check failed after the runs:\n{check.stdout}{check.stderr}")
    print(f"4 jobs x {args.iterations} runs in {elapsed:.1f} s: every run succeeded, "
          f"{args.iterations} marks added and kept, the last import's record kept, "
          f"largest WAL {wal_max / 1048576:.1f} MiB; db check passed")
    school.remove()


if __name__ == "__main__":
    main()
