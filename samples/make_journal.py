#!/usr/bin/python3
"""Writes a term of the sample school's journal, as a school would import it:

- samples/marks.csv: every mark of the 1st quarter and of the 2nd quarter up to 27.11.2026;
- samples/attendance.csv: every absence and lateness of the same weeks.

The lessons are the ones schoolctl itself expands from the sample timetable, so every row names a
real lesson: the script builds a scratch database with the given schoolctl binary (init, the
roster, the timetable, schedule generate) and reads the lessons from it.

What the term looks like:
- each pupil has a level (a few excellent pupils, many good ones, the rest mostly 3s) and each
  subject moves it a little; most marks are 4 and 5, some 3, few 2;
- answers in class and homework are marked now and then, every subject has an independent work
  every few weeks and a test before the quarter ends; Russian has dictations, marked «4/3»
  (spelling / the task) as paper journals do;
- absences are rare but clustered: a flu week in mid-November takes a sixth of the pupils out for
  several days (Б), one pupil is ill for three weeks in the autumn (so some of their subjects have
  too few marks: «н/а»), a few days are missed without a reason (Н) or with a note (П), and some
  pupils are late to the first lesson (ОП);
- a pupil who is absent gets no mark that day.

Deterministic: the same samples and seed give the same bytes. Standard library only:
    /usr/bin/python3 samples/make_journal.py --schoolctl build/dev/schoolctl
"""

import argparse
import csv
import datetime
import io
import os
import pathlib
import random
import sqlite3
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

TERM_END = datetime.date(2026, 11, 27)  # the last school day of the sample's journal
Q1_END = datetime.date(2026, 10, 23)
FLU = (datetime.date(2026, 11, 16), datetime.date(2026, 11, 20))
LONG_ILLNESS = ("S-0007", datetime.date(2026, 9, 28), datetime.date(2026, 10, 16))

WORK = {  # code -> the name a journal export writes
    "answer": "Ответ на уроке",
    "homework": "Домашняя работа",
    "independent": "Самостоятельная работа",
    "dictation": "Диктант",
    "test": "Контрольная работа",
}
MARKS_HEADER = ["Ученик", "Класс", "Предмет", "Дата", "Урок", "Отметка", "Вид работы",
                "Комментарий"]
ATTENDANCE_HEADER = ["Ученик", "Класс", "Предмет", "Дата", "Урок", "Код", "Минуты", "Примечание"]


def ru(d):
    return d.strftime("%d.%m.%Y")


def build_database(schoolctl, work):
    env = dict(os.environ, SCHOOLCTL_DB=str(work / "school.db"), XDG_STATE_HOME=str(work / "state"),
               XDG_CONFIG_HOME=str(work / "config"), SOURCE_DATE_EPOCH="1790000000")
    env.pop("SCHOOLCTL_TOKEN", None)
    config = ["--config", str(SAMPLES / "schoolctl.toml")]

    def run(*args, stdin=None):
        result = subprocess.run([schoolctl, *config, *args], env=env, input=stdin,
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"make_journal.py: schoolctl {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    output = run("init")
    otp = next(line.split(":", 1)[1].strip() for line in output.splitlines()
               if line.startswith("One-time password:"))
    run("login", "admin", "--password-stdin", stdin=f"{otp}\nsample-journal-password\n")
    for kind in ("subjects", "staff", "classes", "students", "guardians", "groups",
                 "assignments"):
        run("-q", "import", kind, str(SAMPLES / f"{kind}.csv"))
    run("-q", "import", "timetable", str(SAMPLES / "timetable.csv"))
    run("-q", "schedule", "generate")
    return work / "school.db"


def read_school(path):
    db = sqlite3.connect(path)
    subjects = {sid: (code, scale) for sid, code, scale in
                db.execute("SELECT id, code, scale FROM subjects")}
    classes = {cid: f"{grade}{letter}" for cid, grade, letter in
               db.execute("SELECT id, grade, letter FROM classes")}
    pupils = {pid: ext for pid, ext in
              db.execute("SELECT p.id, p.external_id FROM people p JOIN pupils ON person_id = p.id")}
    class_of = {}
    class_members, group_members = {}, {}
    for pid, cid in db.execute("SELECT pupil_id, class_id FROM class_memberships "
                               "ORDER BY pupil_id, from_date"):
        class_of[pid] = classes[cid]
        class_members.setdefault(cid, []).append(pid)
    for pid, gid in db.execute("SELECT pupil_id, group_id FROM group_memberships"):
        group_members.setdefault(gid, []).append(pid)
    lessons = db.execute(
        "SELECT l.date, l.lesson_no, r.class_id, r.group_id, r.subject_id FROM lessons l "
        "JOIN timetable_rules r ON r.id = l.rule_id WHERE l.status = 'scheduled' "
        "AND l.date <= ? ORDER BY l.date, l.lesson_no, r.subject_id, r.class_id, r.group_id",
        (TERM_END.isoformat(),)).fetchall()
    db.close()
    result = []
    for date, number, cid, gid, sid in lessons:
        members = class_members.get(cid, []) if cid else group_members.get(gid, [])
        result.append((datetime.date.fromisoformat(date), number, subjects[sid],
                       sorted(members, key=lambda p: pupils[p])))
    return result, pupils, class_of


def absences(rng, lessons, pupils):
    """(pupil, date) -> code for whole days missed, and (pupil, date) -> minutes late."""
    days = sorted({d for d, *_ in lessons})
    ids = sorted(pupils, key=lambda p: pupils[p])
    missed, late = {}, {}
    for p in ids:
        if pupils[p] == LONG_ILLNESS[0]:
            for d in days:
                if LONG_ILLNESS[1] <= d <= LONG_ILLNESS[2]:
                    missed[(p, d)] = "Б"
    flu = rng.sample(ids, len(ids) // 6)
    for p in flu:
        start = FLU[0] + datetime.timedelta(days=rng.randrange(0, 3))
        end = start + datetime.timedelta(days=rng.randrange(3, 8))  # calendar days, weekend too
        for d in days:
            if start <= d < end:
                missed[(p, d)] = "Б"
    for p in ids:
        for d in days:
            if (p, d) in missed:
                continue
            roll = rng.random()
            if roll < 0.006:
                missed[(p, d)] = "Н"
            elif roll < 0.014:
                missed[(p, d)] = "П"
            elif roll < 0.024:
                late[(p, d)] = rng.choice([5, 10, 15])
    return missed, late


def mark_value(rng, level):
    value = round(rng.gauss(level, 0.75))
    return str(min(5, max(2, value)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schoolctl", required=True, help="the schoolctl binary to build with")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(str(pathlib.Path(args.schoolctl).resolve()), pathlib.Path(tmp))
        lessons, pupils, class_of = read_school(db)

    missed, late = absences(rng, lessons, pupils)
    ids = sorted(pupils, key=lambda p: pupils[p])
    level = {p: rng.choices([4.7, 4.2, 3.7, 3.1], weights=[15, 48, 30, 7])[0] for p in ids}
    bias = {}

    marks = io.StringIO()
    mw = csv.writer(marks, delimiter=";", lineterminator="\r\n")
    mw.writerow(MARKS_HEADER)
    att = io.StringIO()
    aw = csv.writer(att, delimiter=";", lineterminator="\r\n")
    aw.writerow(ATTENDANCE_HEADER)

    # The lessons of each (subject, target) in order, to place works at a steady rhythm and the
    # quarter's test on the last lesson before the quarter ends.
    counter, last_in_q1, in_q1 = {}, {}, {}
    for date, number, (code, scale), members in lessons:
        key = (code, tuple(members))
        if date <= Q1_END:
            last_in_q1[key] = (date, number)
            in_q1[key] = in_q1.get(key, 0) + 1
    # A teacher with one lesson a week asks each pupil more often than one with five, so that
    # every pupil has the three marks a quarter needs: «н/а» stays the exception it is.
    answer_rate = {key: 0.16 + max(0, 24 - n) / 24 * 0.3 for key, n in in_q1.items()}
    n_marks = n_absences = 0
    for date, number, (code, scale), members in lessons:
        key = (code, tuple(members))
        counter[key] = counter.get(key, 0) + 1
        k = counter[key]
        if last_in_q1.get(key) == (date, number) or (k % 9 == 0 and date > Q1_END):
            work = "test"
        elif code == "RUS" and k % 6 == 3:
            work = "dictation"
        elif k % 7 == 4:
            work = "independent"
        else:
            work = None
        for p in members:
            ext, cls = pupils[p], class_of[p]
            absent = missed.get((p, date))
            if absent:
                aw.writerow([ext, cls, code, ru(date), number, absent, "",
                             "справка" if absent == "Б" else ""])
                n_absences += 1
                continue
            if number == 1 and (p, date) in late:
                aw.writerow([ext, cls, code, ru(date), number, "ОП", late[(p, date)], ""])
                n_absences += 1
            if scale != "five_point":
                continue
            mean = level[p] + bias.setdefault((p, code), rng.uniform(-0.4, 0.3))
            given = []
            if work in ("test", "independent"):
                given.append((work, mark_value(rng, mean)))
            elif work == "dictation":
                spelling, task = mark_value(rng, mean - 0.3), mark_value(rng, mean)
                given.append((work, f"{spelling}/{task}"))
            if rng.random() < answer_rate.get(key, 0.16):
                given.append(("answer", mark_value(rng, mean + 0.2)))
            if rng.random() < 0.07:
                given.append(("homework", mark_value(rng, mean + 0.3)))
            for w, value in given:
                comment = "не сдана тетрадь" if value == "2" and w == "homework" else ""
                mw.writerow([ext, cls, code, ru(date), number, value, WORK[w], comment])
                n_marks += 1

    (SAMPLES / "marks.csv").write_bytes(marks.getvalue().encode("utf-8-sig"))
    (SAMPLES / "attendance.csv").write_bytes(att.getvalue().encode("utf-8-sig"))
    print(f"samples/marks.csv: {n_marks} marks; samples/attendance.csv: {n_absences} rows "
          f"({len(lessons)} lessons up to {ru(TERM_END)})")


if __name__ == "__main__":
    main()
