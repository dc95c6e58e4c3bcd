#!/usr/bin/python3
"""Writes the sample school's 2026/27 weekly timetable, as a deputy head would load it:

- samples/timetable.csv: schoolctl's timetable CSV ("CSV UTF-8": a BOM, `;`, CRLF);
- samples/fet/school-1234.fet: a FET 6.8.5 input for the same school (the timetable FET made
  from it, school-1234_data_and_timetable.fet, is FET's output: see samples/fet/README.md);
- samples/fet/mapping.toml: FET's names -> the roster (`schoolctl import fet --mapping`).

It reads the other samples (assignments.csv, groups.csv, subjects.csv, staff.csv,
students.csv, classes.csv, schoolctl.toml), places the weekly hours of each class with a small
backtracking search, then checks the written timetable day by day over the whole academic year
and stops with an error when a rule is broken. Deterministic: the same inputs give the same
bytes. Standard library only; run with /usr/bin/python3 from any directory.
"""

import csv
import datetime
import io
import itertools
import pathlib
import random
import sys
import tomllib
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FET_DIR = SAMPLES / "fet"

HEADER = ["Класс", "Группа", "Предмет", "Учитель", "Кабинет", "День", "Урок", "Периодичность",
          "С", "По"]

# Weekly hours by the federal curriculum (ФГОС ООО, 5-day week), grades 5 and 6. A subject is
# scheduled in a class only when assignments.csv gives it a teacher there.
PLAN = {
    5: {"RUS": 5, "LIT": 3, "ENG": 3, "MATH": 5, "HIST": 2, "GEO": 1, "BIO": 1, "MUS": 1,
        "ART": 1, "TECH": 2, "PE": 2, "ODNKNR": 1},
    6: {"RUS": 6, "LIT": 3, "ENG": 3, "MATH": 5, "HIST": 2, "SOC": 1, "GEO": 1, "BIO": 1,
        "MUS": 1, "ART": 1, "TECH": 2, "PE": 2},
}
MAX_WEEKLY = {5: 29, 6: 30}  # СанПиН 1.2.3685-21, 5-day week
MIN_WEEKLY = 26
MAX_DAILY = 6                # lessons a day for grades 5-6
DOUBLE = {"TECH"}            # taught as a double lesson (two lessons in a row)
# Lessons a day (Monday..Friday) per class: 5А and 5Б both have six on Wednesday, the day of
# the chess elective at lesson 7.
DAYS_PATTERN = {"5А": [6, 5, 6, 5, 5], "5Б": [5, 6, 6, 5, 5],
                "6А": [6, 6, 5, 6, 5], "6Б": [6, 5, 6, 6, 5]}
STEPS_PER_ATTEMPT, ATTEMPTS = 400, 200  # the search: steps before a restart, restarts
CORE = {"RUS", "MATH", "ENG"}                   # better in the first four lessons
LIGHT = {"PE", "MUS", "ART", "TECH", "ODNKNR"}  # better not first
# Each teacher teaches in their own room; PE in the gym.
ROOMS = {
    "T-0003": "205", "T-0005": "201", "T-0006": "202", "T-0007": "203", "T-0008": "204",
    "T-0009": "301", "T-0010": "302", "T-0011": "303", "T-0012": "304", "T-0013": "305",
    "T-0014": "101", "T-0015": "102", "T-0016": "Мастерская", "T-0017": "Кабинет технологии",
    "T-0018": "Спортзал", "T-0019": "Спортзал",
}
ROOM_CAPACITY = {"Спортзал": 60, "Мастерская": 15, "Кабинет технологии": 15}  # others: 30

# The rows that are not "every week, all year".
# 5Б: music in A weeks and ОДНКНР in B weeks share one slot; music of B weeks is "every 2 weeks
# from 07.09.2026" (07.09 is in a B week) at the end of Tuesday, so music keeps its 1 h a week
# and ОДНКНР has 0.5 h.
AB_CLASS, AB_SUBJECTS = "5Б", ("MUS", "ODNKNR")           # (week A, week B)
EVERY2 = ("5Б", "MUS", 2, "every 2 weeks from 07.09.2026")  # class, subject, weekday, text
# 6А: Wednesday's last lesson, music, is off on 18.11.2026 (the choir's district contest).
EXCEPT = ("6А", "MUS", 3, "weekly except 18.11.2026")
# 6Б: PE goes from Сорокина (T-0019) to Гусев (T-0018) from the 3rd quarter.
CHANGE = ("6Б", "PE", "T-0018", datetime.date(2027, 1, 11))
# The chess elective: Wednesday, lesson 7.
CHESS = ("Шахматы", 3, 7)

DAY_NAMES = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница"]
FET_SUBJECT_NAMES = {"ODNKNR": "ОДНКНР"}  # as schools shorten it; the others keep their name


# ----------------------------------------------------------------------------- reading

def read_csv(name):
    text = (SAMPLES / name).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    return rows[0], rows[1:]


def ru_date(d):
    return d.strftime("%d.%m.%Y")


def parse_ru_date(text):
    return datetime.datetime.strptime(text, "%d.%m.%Y").date()


def toml_date(value):
    return value if isinstance(value, datetime.date) else parse_ru_date(value)


class School:
    def __init__(self):
        _, subjects = read_csv("subjects.csv")
        self.subject_codes = [r[0] for r in subjects]
        self.subject_names = {r[0]: r[1] for r in subjects}
        _, staff = read_csv("staff.csv")
        self.staff = {r[0]: (r[1], r[2], r[3]) for r in staff}
        self.staff_order = [r[0] for r in staff]
        _, classes = read_csv("classes.csv")
        self.classes = [r[0] for r in classes]
        _, students = read_csv("students.csv")
        self.pupils = {c: [r[0] for r in students if r[5] == c] for c in self.classes}
        self.pupil_class = {r[0]: r[5] for r in students}
        _, groups = read_csv("groups.csv")
        self.groups = {r[0]: (r[1], r[2], [m.strip() for m in r[3].split(",") if m.strip()])
                       for r in groups}
        self.group_order = [r[0] for r in groups]
        _, assignments = read_csv("assignments.csv")
        self.assignments = {(r[0], r[1], r[2], r[3]) for r in assignments if r[1]}
        config = tomllib.loads((SAMPLES / "schoolctl.toml").read_text(encoding="utf-8"))
        year = config["academic_year"]
        self.year_start = toml_date(year["start"])
        self.year_end = toml_date(year["end"])
        if year.get("days_per_week", 5) != 5:
            sys.exit("make_timetable.py: the sample timetable is for a 5-day week")
        anchor = toml_date(year.get("week_a", year["start"]))
        self.week_a_monday = anchor - datetime.timedelta(days=anchor.weekday())
        self.bells = None
        for bells in config["bells"]:
            if 5 in bells["grades"] and 6 in bells["grades"]:
                self.bells = [b["start"] for b in sorted(bells["lessons"],
                                                         key=lambda b: b["number"])]
        if not self.bells or len(self.bells) < 7:
            sys.exit("make_timetable.py: schoolctl.toml has no 7-lesson bells for grades 5-6")

    def teachers_of(self, subject, cls, group=""):
        return sorted(t for t, s, c, g in self.assignments if (s, c, g) == (subject, cls, group))

    def split_groups(self, subject, cls):
        """The subgroups a subject is taught in, in groups.csv order, with their teachers."""
        found = {g: t for t, s, c, g in self.assignments if s == subject and c == cls and g}
        return [(g, found[g]) for g in self.group_order if g in found]


def grade(cls):
    return int(cls[:-1])


# ----------------------------------------------------------------------------- placing

class Item:
    """Lessons that sit in one slot of a class: `length` lessons in a row, one row template
    (subject, group, teacher, room, periodicity, from, to) per lesson given there."""

    def __init__(self, cls, rows, length=1, day=None, last=False):
        self.cls, self.rows, self.length = cls, rows, length
        self.day, self.last = day, last  # a fixed weekday; must end the day
        self.teachers = frozenset(r[2] for r in rows)
        self.rooms = frozenset(r[3] for r in rows)
        self.subjects = frozenset(r[0] for r in rows)


def class_items(school, cls):
    items = []
    change_cls, change_subject, change_teacher, change_from = CHANGE
    for subject in school.subject_codes:
        hours = PLAN[grade(cls)].get(subject, 0)
        if not hours:
            continue
        whole = school.teachers_of(subject, cls)
        split = school.split_groups(subject, cls)
        if (whole and split) or len(whole) > 1 or (split and len(split) != 2):
            sys.exit(f"make_timetable.py: unexpected assignments for {subject} in {cls}")
        if not whole and not split:
            continue  # nobody teaches it there: not scheduled
        if split:
            rows = [(subject, g, t, ROOMS[t], "", "", "") for g, t in split]
        else:
            t = whole[0]
            rows = [(subject, "", t, ROOMS[t], "", "", "")]
        if (cls, subject) == (change_cls, change_subject):
            to = ru_date(change_from - datetime.timedelta(days=1))
            rows = [(subject, "", t, ROOMS[t], "", "", to),
                    (subject, "", change_teacher, ROOMS[change_teacher], "",
                     ru_date(change_from), "")]
        if cls == AB_CLASS and subject in AB_SUBJECTS:
            continue  # below
        if subject in DOUBLE:
            items += [Item(cls, rows, 2) for _ in range(hours // 2)]
            hours %= 2
        if hours and (cls, subject) == EXCEPT[:2]:
            items.append(Item(cls, [r[:4] + (EXCEPT[3],) + r[5:] for r in rows],
                              day=EXCEPT[2], last=True))
            hours -= 1
        items += [Item(cls, rows) for _ in range(hours)]
    if cls == AB_CLASS:
        ab = []
        for subject, week in zip(AB_SUBJECTS, "AB"):
            (t,) = school.teachers_of(subject, cls)
            ab.append((subject, "", t, ROOMS[t], week, "", ""))
        items.append(Item(cls, ab))
    if cls == EVERY2[0]:
        (t,) = school.teachers_of(EVERY2[1], cls)
        items.append(Item(cls, [(EVERY2[1], "", t, ROOMS[t], EVERY2[3], "", "")],
                          day=EVERY2[2], last=True))
    return items


def solve(school):
    items = [it for cls in school.classes for it in class_items(school, cls)]
    for cls in school.classes:
        total = sum(it.length for it in items if it.cls == cls)
        if total != sum(DAYS_PATTERN[cls]):
            sys.exit(f"make_timetable.py: {cls} has {total} lessons to place, "
                     f"but its days hold {sum(DAYS_PATTERN[cls])}")
    busy = {}          # (day, lesson) -> set of class names, teachers, rooms
    per_day = {}       # (class, day, subject) -> lessons
    placed = [None] * len(items)
    tiebreak = []

    def day_limit(cls, subject):
        return 2 if subject == "RUS" and PLAN[grade(cls)]["RUS"] > 5 else 1

    def options(i):
        it = items[i]
        out = []
        need = {it.cls} | it.teachers | it.rooms
        for day in range(1, 6):
            if it.day and day != it.day:
                continue
            n = DAYS_PATTERN[it.cls][day - 1]
            if any(per_day.get((it.cls, day, s), 0) + it.length > day_limit(it.cls, s)
                   for s in it.subjects if s not in DOUBLE):
                continue
            if any(per_day.get((it.cls, day, s), 0) for s in it.subjects if s in DOUBLE):
                continue
            # Two lessons of a subject on one day at most once a week.
            if any(per_day.get((it.cls, day, s), 0) == 1 and
                   any(per_day.get((it.cls, d, s), 0) > 1 for d in range(1, 6))
                   for s in it.subjects if s not in DOUBLE):
                continue
            starts = [n - it.length + 1] if it.last else range(1, n - it.length + 2)
            for start in starts:
                if any(busy.get((day, l), set()) & need
                       for l in range(start, start + it.length)):
                    continue
                score = 0.0
                for l in range(start, start + it.length):
                    for s in it.subjects:
                        score += 2 * max(0, l - 4) if s in CORE else 0
                        score += 1 if s in LIGHT and l == 1 else 0
                out.append((score + tiebreak[i][day - 1][start - 1], day, start))
        return sorted(out)

    def place(i, day, start, on):
        it = items[i]
        for l in range(start, start + it.length):
            slot = busy.setdefault((day, l), set())
            for r in {it.cls} | it.teachers | it.rooms:
                (slot.add if on else slot.remove)(r)
        for s in it.subjects:
            key = (it.cls, day, s)
            per_day[key] = per_day.get(key, 0) + (it.length if on else -it.length)
        placed[i] = (day, start) if on else None

    class GiveUp(Exception):
        pass

    steps = [0, 0]  # in this attempt, in the attempts before

    def search():
        free = [i for i in range(len(items)) if placed[i] is None]
        if not free:
            return True
        steps[0] += 1
        if steps[0] > STEPS_PER_ATTEMPT:
            raise GiveUp
        best = None
        for i in free:
            opts = options(i)
            if best is None or len(opts) < len(best[1]):
                best = (i, opts)
                if not opts:
                    return False
        i, opts = best
        for _, day, start in opts:
            place(i, day, start, True)
            if search():
                return True
            place(i, day, start, False)
        return False

    # Restarts: a search that takes too long starts again with other tie-breaks.
    for attempt in range(ATTEMPTS):
        rng = random.Random(20260901 + attempt)
        tiebreak[:] = [[[rng.random() for _ in range(7)] for _ in range(5)] for _ in items]
        busy.clear()
        per_day.clear()
        placed[:] = [None] * len(items)
        steps[0] = 0
        try:
            if search():
                break
        except GiveUp:
            pass
        steps[1] += steps[0]
    else:
        sys.exit(f"make_timetable.py: no timetable found in {ATTEMPTS} attempts")
    rows = []
    for it, (day, start) in zip(items, placed):
        for l in range(start, start + it.length):
            for subject, group, teacher, room, period, frm, to in it.rows:
                rows.append([it.cls, group, subject, teacher, room, str(day), str(l), period,
                             frm, to])
    chess_group, chess_day, chess_lesson = CHESS
    (t,) = school.teachers_of("INF", "", chess_group)
    rows.append(["", chess_group, "INF", t, ROOMS[t], str(chess_day), str(chess_lesson), "",
                 "", ""])
    class_order = {c: n for n, c in enumerate(school.classes + [""])}
    group_order = {g: n for n, g in enumerate([""] + school.group_order)}

    def key(r):
        frm = parse_ru_date(r[8]) if r[8] else datetime.date.min
        return (class_order[r[0]], int(r[5]), int(r[6]), group_order[r[1]], frm)

    return sorted(rows, key=key), (attempt + 1, steps[1] + steps[0])


# ----------------------------------------------------------------------------- checking

class Rule:
    """A parsed timetable row (the forms this sample uses of schoolctl's periodicity rules)."""

    def __init__(self, school, row, line):
        self.line = line
        self.cls, self.group, self.subject, self.teacher, self.room = row[:5]
        self.day, self.lesson = int(row[5]), int(row[6])
        text = row[7].strip()
        self.text = text
        kind, _, excepts = text.partition(" except ")
        self.excepts = {parse_ru_date(d.strip()) for d in excepts.split(",")} if excepts else set()
        words = kind.split()
        self.every, self.residue, self.origin = 1, 0, school.week_a_monday
        self.start = None
        if kind in ("", "weekly"):
            pass
        elif kind in ("A", "B"):
            self.every, self.residue = 2, "AB".index(kind)
        elif len(words) == 5 and words[0] == "every" and words[2] == "weeks" and \
                words[3] == "from":
            self.every = int(words[1])
            self.start = parse_ru_date(words[4])
            self.origin = self.start - datetime.timedelta(days=self.start.weekday())
        else:
            raise ValueError(f"line {line}: periodicity {text!r} is not one this check knows")
        self.valid_from = parse_ru_date(row[8]) if row[8] else school.year_start
        self.valid_to = parse_ru_date(row[9]) if row[9] else school.year_end
        if self.valid_from > self.valid_to:
            raise ValueError(f"line {line}: С is after По")
        for d in self.excepts:
            if d.isoweekday() != self.day:
                raise ValueError(f"line {line}: except {ru_date(d)} is not on weekday {self.day}")

    def occurs(self, date):
        if date.isoweekday() != self.day or not self.valid_from <= date <= self.valid_to:
            return False
        if date in self.excepts or (self.start and date < self.start):
            return False
        week = (date - datetime.timedelta(days=date.weekday()) - self.origin).days // 7
        return (week - self.residue) % self.every == 0


def check(school, data):
    """Checks the bytes of timetable.csv; returns the summary lines or exits with the problems."""
    problems = []
    if not data.startswith(b"\xef\xbb\xbf") or b"\r\n" not in data or \
            data.replace(b"\r\n", b"").count(b"\n"):
        problems.append("not CSV UTF-8 with a BOM and CRLF line ends")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    if table[0] != HEADER:
        problems.append(f"header {table[0]}")
    rules = []
    teaches = {(t, s) for t, s, c, g in school.assignments}
    for line, row in enumerate(table[1:], 2):
        if len(row) != len(HEADER):
            problems.append(f"line {line}: {len(row)} fields")
            continue
        cls, group, subject, teacher, room, day, lesson = row[:7]
        if group:
            if group not in school.groups:
                problems.append(f"line {line}: unknown group {group}")
            elif school.groups[group][0] != cls:
                problems.append(f"line {line}: group {group} is not in class {cls!r}")
        elif cls not in school.classes:
            problems.append(f"line {line}: unknown class {cls!r}")
        if subject not in school.subject_names or teacher not in school.staff:
            problems.append(f"line {line}: unknown subject or teacher")
        if (teacher, subject, cls, group) not in school.assignments:
            replacement = (cls, subject, teacher, row[8]) == \
                (CHANGE[0], CHANGE[1], CHANGE[2], ru_date(CHANGE[3]))
            if not (replacement and (teacher, subject) in teaches):
                problems.append(f"line {line}: {teacher} does not teach {subject} to "
                                f"{group or cls} in assignments.csv")
        if room not in ROOMS.values():
            problems.append(f"line {line}: unknown room {room}")
        if not (day.isdigit() and 1 <= int(day) <= 5 and lesson.isdigit()
                and 1 <= int(lesson) <= 7):
            problems.append(f"line {line}: day {day!r} or lesson {lesson!r} out of range")
            continue
        try:
            rules.append(Rule(school, row, line))
        except ValueError as e:
            problems.append(str(e))
    if problems:
        sys.exit("make_timetable.py: timetable.csv is wrong:\n  " + "\n  ".join(problems))

    def members(rule):
        return set(school.groups[rule.group][2]) if rule.group else set(school.pupils[rule.cls])

    dates = [school.year_start + datetime.timedelta(days=n)
             for n in range((school.year_end - school.year_start).days + 1)]
    dates = [d for d in dates if d.isoweekday() <= 5]
    for date in dates:
        slots = {}
        for r in rules:
            if r.occurs(date):
                slots.setdefault(r.lesson, []).append(r)
        for lesson, here in sorted(slots.items()):
            where = f"{ru_date(date)} lesson {lesson}"
            for what, key in (("teacher", lambda r: r.teacher), ("room", lambda r: r.room)):
                seen = {}
                for r in here:
                    if key(r) in seen:
                        problems.append(f"{where}: {what} {key(r)} on lines "
                                        f"{seen[key(r)]} and {r.line}")
                    seen[key(r)] = r.line
            pupils = {}
            for r in here:
                for p in members(r):
                    if p in pupils:
                        problems.append(f"{where}: pupil {p} on lines {pupils[p]} and {r.line}")
                    pupils[p] = r.line
            for cls in school.classes:
                mine = [r for r in here if r.cls == cls]
                covered = set().union(*(members(r) for r in mine)) if mine else set()
                if mine and covered != set(school.pupils[cls]):
                    problems.append(f"{where}: only part of {cls} has a lesson (lines "
                                    f"{[r.line for r in mine]})")
                if len({r.subject for r in mine}) > 1:
                    problems.append(f"{where}: {cls}'s halves study different subjects")
        for cls in school.classes:
            lessons = sorted(l for l, here in slots.items() if any(r.cls == cls for r in here))
            if lessons != list(range(1, len(lessons) + 1)):
                problems.append(f"{ru_date(date)}: {cls} has lessons {lessons} (a gap or a "
                                f"late start)")
            if len(lessons) > MAX_DAILY:
                problems.append(f"{ru_date(date)}: {cls} has {len(lessons)} lessons")
    # The chess elective: once a week at lesson 7, on a day its members' classes have at most
    # MAX_DAILY lessons (the pupil check above keeps them out of a class lesson 7).
    chess = [r for r in rules if r.group == CHESS[0]]
    chess_classes = sorted({school.pupil_class[p] for p in school.groups[CHESS[0]][2]})
    chess_days = {}
    if len(chess) != 1 or chess[0].lesson != 7 or chess[0].every != 1 or chess[0].excepts:
        problems.append("the chess elective is not once a week at lesson 7")
    for date in (d for d in dates if chess and chess[0].occurs(d)):
        for cls in chess_classes:
            n = sum(1 for l in range(1, 8)
                    if any(r.cls == cls and r.lesson == l and r.occurs(date) for r in rules))
            chess_days.setdefault(cls, set()).add(n)
            if n > MAX_DAILY:
                problems.append(f"{ru_date(date)}: chess, but {cls} has {n} lessons")
    # Weekly load: the average of an A and a B week, in autumn and after the teacher change.
    summary = []
    for cls in school.classes:
        loads, hours = [], {}
        for monday in (datetime.date(2026, 9, 7), CHANGE[3]):
            count = 0
            for d in (monday + datetime.timedelta(days=n) for n in range(12) if n % 7 < 5):
                for lesson in range(1, 8):
                    here = [r for r in rules if r.cls == cls and r.lesson == lesson
                            and r.occurs(d)]
                    if here:
                        count += 1
                        s = here[0].subject
                        hours[s] = hours.get(s, 0) + 1
            loads.append(count / 2)
        g = grade(cls)
        if loads[0] != loads[1] or not MIN_WEEKLY <= loads[0] <= MAX_WEEKLY[g]:
            problems.append(f"{cls}: weekly load {loads} outside {MIN_WEEKLY}..{MAX_WEEKLY[g]}")
        per_subject = ", ".join(f"{s} {hours[s] / 4:g}" for s in school.subject_codes
                                if s in hours)
        days = []
        for wd in range(1, 6):
            d = datetime.date(2026, 9, 6 + wd)
            days.append(sum(1 for l in range(1, 8)
                            if any(r.cls == cls and r.lesson == l and r.occurs(d)
                                   for r in rules)))
        summary.append(f"{cls}: {loads[0]:g} h/week (max {MAX_WEEKLY[g]}); lessons Mon-Fri "
                       f"in week 07.09: {days}; {per_subject}")
        for s, h in PLAN[g].items():
            if hours.get(s, 0) / 4 != h and school.teachers_of(s, cls) + \
                    school.split_groups(s, cls):
                summary.append(f"  {cls} {s}: {hours.get(s, 0) / 4:g} h instead of {h} "
                               "(by design)")
    if problems:
        sys.exit("make_timetable.py: timetable.csv breaks the rules:\n  " +
                 "\n  ".join(problems[:40]) + (f"\n  ... {len(problems) - 40} more"
                                               if len(problems) > 40 else ""))
    special = [f"line {r.line}: {r.cls} {r.group or ''} {r.subject} {r.teacher} day {r.day} "
               f"lesson {r.lesson} {r.text or ''} {ru_date(r.valid_from)}-{ru_date(r.valid_to)}"
               for r in rules if r.text or r.valid_from != school.year_start
               or r.valid_to != school.year_end]
    summary.append(f"checked {len(rules)} rules on {len(dates)} weekdays "
                   f"{ru_date(school.year_start)}-{ru_date(school.year_end)}: no class, pupil, "
                   "teacher or room in two places; split halves together; no gaps; "
                   f"at most {MAX_DAILY} lessons a day")
    summary.append(f"chess elective ({CHESS[0]}, pupils of {', '.join(chess_classes)}): "
                   f"weekday {chess[0].day}, lesson {chess[0].lesson}; lessons of its classes "
                   "that day: " + ", ".join(f"{c} {sorted(n)}" for c, n in chess_days.items()))
    return summary + ["special rows:"] + ["  " + s for s in special]


# ----------------------------------------------------------------------------- FET

def fet_teacher(school, tid):
    last, first, middle = school.staff[tid]
    return f"{last} {first[0]}.{middle[0]}." if middle else f"{last} {first[0]}."


def fet_students(school, cls, group):
    if not group:
        return cls
    g_cls = school.groups[group][0]
    if not g_cls:
        return group  # the elective keeps its name
    suffix = group[len(g_cls):].strip()
    names = {"англ. 1": "1", "англ. 2": "2", "труд (мальчики)": "м", "труд (девочки)": "д"}
    if suffix not in names:
        sys.exit(f"make_timetable.py: no FET name for the group {group}")
    return f"{g_cls}-{names[suffix]}"


def fet_splits(school, cls):
    """The ways a class is split, as lists of group names: [[англ. 1, англ. 2], [труд ...]]."""
    splits = {}
    for t, subject, c, g in sorted(school.assignments):
        if c == cls and g:
            splits.setdefault(subject, set()).add(g)
    return [sorted(gs, key=school.group_order.index) for _, gs in sorted(splits.items())]


def fet_room(room):
    return f"каб. {room}" if room.isdigit() else room


def fet_subject(school, code):
    return FET_SUBJECT_NAMES.get(code, school.subject_names[code])


def constraint(name, *fields):
    body = "".join(f"\t<{k}>{escape(str(v))}</{k}>\n" for k, v in fields)
    return f"<{name}>\n{body}\t<Active>true</Active>\n\t<Comments></Comments>\n</{name}>\n"


def not_available(students, times):
    body = "".join(f"\t<Not_Available_Time>\n\t\t<Day>{d}</Day>\n\t\t<Hour>{h}</Hour>\n"
                   "\t</Not_Available_Time>\n" for d, h in times)
    return (f"<ConstraintStudentsSetNotAvailableTimes>\n"
            f"\t<Weight_Percentage>100</Weight_Percentage>\n\t<Students>{escape(students)}"
            f"</Students>\n\t<Number_of_Not_Available_Times>{len(times)}"
            f"</Number_of_Not_Available_Times>\n{body}\t<Active>true</Active>\n"
            "\t<Comments></Comments>\n</ConstraintStudentsSetNotAvailableTimes>\n")


def fet_activities(school, rows):
    """The weekly lessons valid from 1 September (FET has no A/B weeks and no dates), as
    (students, subject, teacher, room) -> [durations]; a double lesson is one activity."""
    weekly = [r for r in rows if (r[7] == "" or r[7].split(" except ")[0] == "weekly")
              and not r[8]]
    lessons = {}
    for r in weekly:
        key = (r[0], r[1], r[2], r[3], r[4])
        lessons.setdefault(key, {}).setdefault(int(r[5]), []).append(int(r[6]))
    class_order = {c: n for n, c in enumerate(school.classes + [""])}
    subject_order = {s: n for n, s in enumerate(school.subject_codes)}
    group_order = {g: n for n, g in enumerate([""] + school.group_order)}
    out = []
    for key in sorted(lessons, key=lambda k: (class_order[k[0]], subject_order[k[2]],
                                              group_order[k[1]])):
        durations = []
        for day, ls in sorted(lessons[key].items()):
            ls = sorted(ls)
            run = 1
            for a, b in zip(ls, ls[1:] + [None]):
                if b == a + 1 and key[2] in DOUBLE:
                    run += 1
                else:
                    durations.append(run)
                    run = 1
        cls, group, subject, teacher, room = key
        out.append((cls, group, subject, teacher, room, durations))
    return out


def write_fet(school, rows):
    activities = fet_activities(school, rows)
    teachers = [t for t in school.staff_order if any(a[3] == t for a in activities)]
    subjects = [s for s in school.subject_codes if any(a[2] == s for a in activities)]
    rooms = sorted({a[4] for a in activities}, key=lambda r: (not r.isdigit(), r))
    hours = school.bells[:7]
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n\n<fet version="6.8.5">\n\n'
           "<Mode>Official</Mode>\n\n<Institution_Name>ГБОУ Школа № 1234</Institution_Name>\n\n"
           "<Comments>Расписание 5-6 классов, 2026/27 учебный год</Comments>\n\n"]
    out.append(f"<Days_List>\n<Number_of_Days>{len(DAY_NAMES)}</Number_of_Days>\n")
    out += [f"<Day>\n\t<Name>{d}</Name>\n</Day>\n" for d in DAY_NAMES]
    out.append(f"</Days_List>\n\n<Hours_List>\n<Number_of_Hours>{len(hours)}</Number_of_Hours>\n")
    out += [f"<Hour>\n\t<Name>{h}</Name>\n</Hour>\n" for h in hours]
    out.append("</Hours_List>\n\n<Subjects_List>\n")
    out += [f"<Subject>\n\t<Name>{escape(fet_subject(school, s))}</Name>\n"
            "\t<Comments></Comments>\n</Subject>\n" for s in subjects]
    out.append("</Subjects_List>\n\n<Activity_Tags_List>\n</Activity_Tags_List>\n\n"
               "<Teachers_List>\n")
    out += [f"<Teacher>\n\t<Name>{escape(fet_teacher(school, t))}</Name>\n"
            "\t<Target_Number_of_Hours>0</Target_Number_of_Hours>\n"
            "\t<Qualified_Subjects>\n\t</Qualified_Subjects>\n\t<Comments></Comments>\n"
            "</Teacher>\n" for t in teachers]
    out.append("</Teachers_List>\n\n<Students_List>\n")

    def students_xml(tag, name, count, indent, body=""):
        t = "\t" * indent
        return (f"{t}<{tag}>\n{t}\t<Name>{escape(name)}</Name>\n"
                f"{t}\t<Number_of_Students>{count}</Number_of_Students>\n"
                f"{t}\t<Comments></Comments>\n{body}{t}</{tag}>\n")

    for g in sorted({grade(c) for c in school.classes}):
        classes = [c for c in school.classes if grade(c) == g]
        body = ""
        for c in classes:
            # A class split two ways (English, technology): FET's subgroups are the pupils
            # in one half of each split («5А-1м»: English group 1, boys), each in the class's
            # group and in the group of each of its halves («5А-1», «5А-м»).
            splits = fet_splits(school, c)
            cells = []
            for combo in itertools.product(*splits):
                pupils = set(school.pupils[c]).intersection(
                    *(school.groups[n][2] for n in combo))
                name = c + "-" + "".join(fet_students(school, c, n)[len(c) + 1:]
                                         for n in combo)
                if pupils:
                    cells.append((name, combo, len(pupils)))
            body += students_xml("Group", c, len(school.pupils[c]), 1, "".join(
                students_xml("Subgroup", name, n, 2) for name, _, n in cells))
            for split in splits:
                for n in split:
                    body += students_xml("Group", fet_students(school, c, n),
                                         len(school.groups[n][2]), 1, "".join(
                                             students_xml("Subgroup", name, k, 2)
                                             for name, combo, k in cells if n in combo))
        for n in school.group_order:  # an elective of this grade
            if not school.groups[n][0] and \
                    {grade(school.pupil_class[p]) for p in school.groups[n][2]} == {g}:
                body += students_xml("Group", n, len(school.groups[n][2]), 1)
        out.append(students_xml("Year", str(g), sum(len(school.pupils[c]) for c in classes),
                                0, body))
    out.append("</Students_List>\n\n<Activities_List>\n")
    next_id = 1
    ids = {}  # (class, group, subject) -> activity ids
    for cls, group, subject, teacher, room, durations in activities:
        first = next_id
        for duration in durations:
            out.append(f"<Activity>\n\t<Teacher>{escape(fet_teacher(school, teacher))}</Teacher>\n"
                       f"\t<Subject>{escape(fet_subject(school, subject))}</Subject>\n"
                       f"\t<Students>{escape(fet_students(school, cls, group))}</Students>\n"
                       f"\t<Duration>{duration}</Duration>\n"
                       f"\t<Total_Duration>{sum(durations)}</Total_Duration>\n"
                       f"\t<Id>{next_id}</Id>\n"
                       f"\t<Activity_Group_Id>{first if len(durations) > 1 else 0}"
                       "</Activity_Group_Id>\n\t<Active>true</Active>\n"
                       "\t<Comments></Comments>\n</Activity>\n")
            ids.setdefault((cls, group, subject), []).append(next_id)
            next_id += 1
    out.append("</Activities_List>\n\n<Buildings_List>\n</Buildings_List>\n\n<Rooms_List>\n")
    for r in rooms:
        capacity = ROOM_CAPACITY.get(r, 30)
        biggest = max((len(school.groups[a[1]][2]) if a[1] else len(school.pupils[a[0]]))
                      for a in activities if a[4] == r)
        if biggest > capacity:
            sys.exit(f"make_timetable.py: room {r} holds {capacity}, not {biggest}")
        out.append(f"<Room>\n\t<Name>{escape(fet_room(r))}</Name>\n\t<Building></Building>\n"
                   f"\t<Capacity>{capacity}</Capacity>\n\t<Virtual>false</Virtual>\n"
                   "\t<Comments></Comments>\n</Room>\n")
    out.append("</Rooms_List>\n\n<Time_Constraints_List>\n")
    out.append(constraint("ConstraintBasicCompulsoryTime", ("Weight_Percentage", 100)))
    out.append(constraint("ConstraintStudentsMaxGapsPerWeek", ("Weight_Percentage", 100),
                          ("Max_Gaps", 0)))
    out.append(constraint("ConstraintStudentsMaxHoursDaily", ("Weight_Percentage", 100),
                          ("Maximum_Hours_Daily", MAX_DAILY)))
    # Lesson 7 is the electives' hour: no class lessons then, and chess only then.
    for c in school.classes:
        out.append(not_available(c, [(d, hours[6]) for d in DAY_NAMES]))
    chess_times = [(d, h) for d in DAY_NAMES for h in hours[:6]]
    out.append(not_available(CHESS[0], chess_times))
    for c in school.classes:
        # Every day of a class starts with lesson 1 (not set for all students: the chess
        # group's only lesson is the 7th).
        out.append(constraint("ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour",
                              ("Weight_Percentage", 100),
                              ("Max_Beginnings_At_Second_Hour", 0), ("Students", c)))
        # The two halves of a split subject study at the same time.
        halves = {}
        for (cls, group, subject), act in ids.items():
            if cls == c and group:
                halves.setdefault(subject, []).append(act)
        for subject, (one, two) in halves.items():
            for a, b in zip(one, two):
                out.append(constraint("ConstraintActivitiesSameStartingTime",
                                      ("Weight_Percentage", 100), ("Number_of_Activities", 2),
                                      ("Activity_Id", a), ("Activity_Id", b)))
    for (cls, group, subject), act in ids.items():
        if 1 < len(act) <= len(DAY_NAMES):
            out.append(constraint("ConstraintMinDaysBetweenActivities", ("Weight_Percentage", 95),
                                  ("Consecutive_If_Same_Day", "true"),
                                  ("Number_of_Activities", len(act)),
                                  *[("Activity_Id", a) for a in act], ("MinDays", 1)))
    out.append("</Time_Constraints_List>\n\n<Space_Constraints_List>\n")
    out.append(constraint("ConstraintBasicCompulsorySpace", ("Weight_Percentage", 100)))
    out += [constraint("ConstraintTeacherHomeRoom", ("Weight_Percentage", 100),
                       ("Teacher", fet_teacher(school, t)), ("Room", fet_room(ROOMS[t])))
            for t in teachers]
    out.append("</Space_Constraints_List>\n\n</fet>\n")
    FET_DIR.mkdir(exist_ok=True)
    (FET_DIR / "school-1234.fet").write_bytes("".join(out).encode("utf-8"))

    names = [fet_teacher(school, t) for t in teachers]
    if len(set(names)) != len(names):
        sys.exit("make_timetable.py: two teachers share a FET name")
    lines = ["# FET names -> schoolctl roster (schoolctl import fet --mapping)",
             "[teachers]            # FET teacher name -> staff id or full name"]
    lines += [f'"{fet_teacher(school, t)}" = "{t}"' for t in teachers]
    lines.append("[subjects]            # FET subject name -> subject code or name")
    lines += [f'"{fet_subject(school, s)}" = "{s}"' for s in subjects
              if fet_subject(school, s) != school.subject_names[s]]
    lines.append("[students]            # FET students set -> class (\"5А\") or group name")
    lines += [f'"{fet_students(school, school.groups[n][0], n)}" = "{n}"'
              for n in school.group_order if school.groups[n][0]]
    lines.append("[rooms]               # FET room -> room as schoolctl shows it (optional)")
    lines += [f'"{fet_room(r)}" = "{r}"' for r in rooms if fet_room(r) != r]
    (FET_DIR / "mapping.toml").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return len(activities), next_id - 1


# ----------------------------------------------------------------------------- main

def main():
    school = School()
    rows, steps = solve(school)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    data = out.getvalue().encode("utf-8-sig")
    summary = check(school, data)
    (SAMPLES / "timetable.csv").write_bytes(data)
    kinds, n_activities = write_fet(school, rows)
    print(f"samples/timetable.csv: {len(rows)} rows (placed in attempt {steps[0]}, "
          f"{steps[1]} search steps)")
    for line in summary:
        print(line)
    print(f"samples/fet/school-1234.fet: {n_activities} activities; samples/fet/mapping.toml")


if __name__ == "__main__":
    main()
