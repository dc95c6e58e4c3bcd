#!/usr/bin/python3
"""Writes a year of marks for the marks benchmark (scripts/bench-marks.sh).

    scripts/make_bench_marks.py --db school.db --out marks.csv [--marks 1000000] [--seed 1]

Reads the lessons that `schoolctl schedule generate` wrote into the database and who was in
which class and group on each lesson's day, and writes about --marks marks, each on a real
lesson of a pupil who was there, in the format of a journal export (the header of
samples/marks.csv: Ученик;Класс;Предмет;Дата;Урок;Отметка;Вид работы;Комментарий; UTF-8 with
BOM, `;`, DD.MM.YYYY). The lesson number is always given, so a subject taught twice a day is
never ambiguous. Every lesson gets marks: the same share of its pupils each time, so the file
has the shape of a real journal (a mark for about half the pupils of each lesson), in date
order. Values are mostly 4 and 5; most marks are answers in class, some homework, independent
work and tests, and now and then a second answer in the same lesson.

Subjects whose scale takes no marks (none) get none. Deterministic for a given --seed;
standard library only.
"""

import argparse
import csv
import collections
import io
import random
import sqlite3
import sys

HEADER = ["Ученик", "Класс", "Предмет", "Дата", "Урок", "Отметка", "Вид работы", "Комментарий"]
WORK = [("Ответ на уроке", 60), ("Домашняя работа", 20), ("Самостоятельная работа", 12),
        ("Контрольная работа", 8)]
VALUES = [("5", 35), ("4", 40), ("3", 20), ("2", 5)]


def weighted(rng, table):
    total = sum(w for _, w in table)
    x = rng.random() * total
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


def memberships(db, sql):
    """target id -> [(from, to or '9999-12-31', pupil id)]"""
    out = collections.defaultdict(list)
    for target, pupil, start, end in db.execute(sql):
        out[target].append((start, end or "9999-12-31", pupil))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--marks", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

    classes = {cid: f"{grade}{letter}" for cid, grade, letter in
               db.execute("SELECT id, grade, letter FROM classes")}
    externals = {pid: ext for pid, ext in
                 db.execute("SELECT u.person_id, p.external_id FROM pupils u "
                            "JOIN people p ON p.id = u.person_id")}
    in_class = memberships(db, "SELECT class_id, pupil_id, from_date, to_date "
                               "FROM class_memberships")
    in_group = memberships(db, "SELECT group_id, pupil_id, from_date, to_date "
                               "FROM group_memberships")
    # Each pupil's classes, for the class column on the lesson's day.
    class_of = collections.defaultdict(list)
    for cid, rows in in_class.items():
        for start, end, pupil in rows:
            class_of[pupil].append((start, end, cid))

    lessons = db.execute(
        "SELECT l.date, l.lesson_no, s.code, r.class_id, r.group_id FROM lessons l "
        "JOIN timetable_rules r ON r.id = l.rule_id JOIN subjects s ON s.id = r.subject_id "
        "WHERE l.status = 'scheduled' AND s.scale <> 'none' ORDER BY l.date, l.lesson_no, l.id"
    ).fetchall()
    seats = []
    for date, number, code, class_id, group_id in lessons:
        members = in_group[group_id] if group_id is not None else in_class[class_id]
        pupils = [p for start, end, p in members if start <= date <= end]
        seats.append(len(pupils))
    share = min(1.0, args.marks / max(1, sum(seats)))

    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    written = 0
    for date, number, code, class_id, group_id in lessons:
        members = in_group[group_id] if group_id is not None else in_class[class_id]
        day = f"{date[8:10]}.{date[5:7]}.{date[0:4]}"
        for start, end, pupil in members:
            if not (start <= date <= end) or rng.random() >= share:
                continue
            klass = next((classes[c] for s, e, c in class_of[pupil] if s <= date <= e), "")
            work = weighted(rng, WORK)
            w.writerow([externals[pupil], klass, code, day, number, weighted(rng, VALUES), work,
                        ""])
            written += 1
            # Now and then a second answer in the same lesson: the 2nd mark of its kind.
            if work == "Ответ на уроке" and rng.random() < 0.03:
                w.writerow([externals[pupil], klass, code, day, number, weighted(rng, VALUES),
                            work, "второй ответ"])
                written += 1
    with open(args.out, "wb") as f:
        f.write(out.getvalue().encode("utf-8-sig"))
    print(f"{args.out}: {written} marks on {len(lessons)} lessons "
          f"({lessons[0][0] if lessons else '-'} to {lessons[-1][0] if lessons else '-'})")


if __name__ == "__main__":
    sys.exit(main())
