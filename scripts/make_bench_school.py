#!/usr/bin/python3
"""Writes a big synthetic school for the timetable benchmark (scripts/bench-schedule.sh).

    scripts/make_bench_school.py --out DIR [--pupils 2000] [--seed 1] [--number 1234]

Into DIR: subjects.csv, staff.csv, classes.csv, students.csv, groups.csv, assignments.csv (the
formats of samples/*.csv, so `schoolctl import <kind>` reads them), schoolctl.toml (the sample
school's calendar and bells under another name, external id and room list) and timetable.csv
(the weekly timetable, the format of samples/timetable.csv).

The school: about 25 pupils a class in grades 1-11 (letters А, Б, В, ...; the spare classes go
to the lower grades), the federal curriculum's hours per grade for a 5-day week, English in two
halves in grades 2-11 and informatics in the same halves in 7-11, technology for boys and girls
apart in grades 5-9; in 10-11 the deeper mathematics and physics. Grades 1-4 are taught
by their class teacher except English, music and PE; the other subjects by subject teachers
with at most --max-load lessons a week (default 22), each teacher in a room of their own. A few
rows are not weekly on purpose: in grades 10-11 ОБЗР in week A and the individual project in
week B share a slot, and in every 20th class PE passes from one teacher to another on
11.01.2027 (`По` / `С`).

Placing the lessons: each class gets its days (grade 1 at most 4 lessons, 5 on one day with
PE; grades 2-4 at most 5; 5-6 at most 6; 7-11 at most 7), every day from lesson 1 with no
gaps; the lessons are dealt into those places at random and then swapped within their class
(min-conflicts local search) until no teacher is in two places at once. A subject of up to 5
hours comes at most once a day where that can be had. Before writing, the timetable is checked
again: no class, subgroup, teacher or room twice in one slot, every lesson inside the bells,
the SanPiN daily and weekly limits. Deterministic for a given --seed; standard library only.
"""

import argparse
import datetime
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
import make_samples as names  # noqa: E402  (the name tables and helpers)

LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"
DAYS = 5
VALID_SWITCH = ("10.01.2027", "11.01.2027")  # the PE teacher changes after the winter holidays

SUBJECTS = [
    ("RUS", "Русский язык", "five_point"),
    ("LITR", "Литературное чтение", "five_point"),
    ("LIT", "Литература", "five_point"),
    ("ENG", "Английский язык", "five_point"),
    ("MATH", "Математика", "five_point"),
    ("ALG", "Алгебра", "five_point"),
    ("GEOM", "Геометрия", "five_point"),
    ("PROB", "Вероятность и статистика", "five_point"),
    ("INF", "Информатика", "five_point"),
    ("OKR", "Окружающий мир", "five_point"),
    ("HIST", "История", "five_point"),
    ("SOC", "Обществознание", "five_point"),
    ("GEO", "География", "five_point"),
    ("BIO", "Биология", "five_point"),
    ("PHYS", "Физика", "five_point"),
    ("CHEM", "Химия", "five_point"),
    ("MUS", "Музыка", "five_point"),
    ("ART", "Изобразительное искусство", "five_point"),
    ("TECH", "Труд (технология)", "five_point"),
    ("PE", "Физическая культура", "five_point"),
    ("OBZR", "Основы безопасности и защиты Родины", "five_point"),
    ("ORKSE", "Основы религиозных культур и светской этики", "none"),
    ("ODNKNR", "Основы духовно-нравственной культуры народов России", "none"),
    ("PROJ", "Индивидуальный проект", "five_point"),
]
SUBJECT_NAME = {code: name for code, name, _ in SUBJECTS}

# Weekly hours per grade (5-day week). "ENG" and "TECH" in SPLIT are taught in two subgroups at
# once; PAIR is one slot with one subject in week A and another in week B.
PRIMARY = {"RUS": 5, "LITR": 4, "MATH": 4, "OKR": 2, "MUS": 1, "ART": 1, "TECH": 1, "PE": 2}
PLAN = {
    1: {**PRIMARY, "PE": 3},                                                    # 21 (≤ 21)
    2: {**PRIMARY, "ENG": 2, "PE": 3},                                          # 23 (≤ 23)
    3: {**PRIMARY, "ENG": 2, "PE": 3},                                          # 23
    4: {**PRIMARY, "ENG": 2, "ORKSE": 1},                                       # 23 (≤ 23)
    5: {"RUS": 5, "LIT": 3, "ENG": 3, "MATH": 5, "HIST": 2, "GEO": 1, "BIO": 1, "MUS": 1,
        "ART": 1, "TECH": 2, "PE": 2, "ODNKNR": 1},                             # 27 (≤ 29)
    6: {"RUS": 6, "LIT": 3, "ENG": 3, "MATH": 5, "HIST": 2, "SOC": 1, "GEO": 1, "BIO": 1,
        "MUS": 1, "ART": 1, "TECH": 2, "PE": 2, "ODNKNR": 1},                   # 29 (≤ 30)
    7: {"RUS": 4, "LIT": 2, "ENG": 3, "ALG": 3, "GEOM": 2, "PROB": 1, "INF": 1, "HIST": 2,
        "SOC": 1, "GEO": 2, "BIO": 1, "PHYS": 2, "MUS": 1, "ART": 1, "TECH": 2, "PE": 2},  # 30
    8: {"RUS": 3, "LIT": 2, "ENG": 3, "ALG": 3, "GEOM": 2, "PROB": 1, "INF": 1, "HIST": 2,
        "SOC": 1, "GEO": 2, "BIO": 2, "PHYS": 2, "CHEM": 2, "MUS": 1, "TECH": 1, "OBZR": 1,
        "PE": 2},                                                               # 31 (≤ 33)
    9: {"RUS": 3, "LIT": 3, "ENG": 3, "ALG": 3, "GEOM": 2, "PROB": 1, "INF": 1, "HIST": 2,
        "SOC": 1, "GEO": 2, "BIO": 2, "PHYS": 3, "CHEM": 2, "TECH": 1, "OBZR": 1, "PE": 2},  # 32
    # 10-11: a universal profile with the deeper mathematics, physics and informatics.
    10: {"RUS": 2, "LIT": 3, "ENG": 3, "ALG": 4, "GEOM": 3, "PROB": 1, "INF": 2, "HIST": 2,
         "SOC": 2, "GEO": 1, "BIO": 2, "PHYS": 3, "CHEM": 2, "PE": 2},          # 32 + pair
    11: {"RUS": 2, "LIT": 3, "ENG": 3, "ALG": 4, "GEOM": 3, "PROB": 1, "INF": 2, "HIST": 2,
         "SOC": 2, "GEO": 1, "BIO": 2, "PHYS": 3, "CHEM": 2, "PE": 2},          # 32 + pair
}
PAIR = {10: ("OBZR", "PROJ"), 11: ("OBZR", "PROJ")}
CLASS_TEACHER_SUBJECTS = {"RUS", "LITR", "MATH", "OKR", "ART", "TECH", "ORKSE"}  # grades 1-4


def split_subject(grade, subject):
    return (subject == "ENG" and grade >= 2) or (subject == "TECH" and 5 <= grade <= 9) or \
        (subject == "INF" and grade >= 7)


def daily_limit(grade):  # SanPiN, without the PE allowance
    return 4 if grade == 1 else 5 if grade <= 4 else 6 if grade <= 6 else 7


WEEKLY_LIMIT = {1: 21, 2: 23, 3: 23, 4: 23, 5: 29, 6: 30, 7: 32, 8: 33, 9: 33, 10: 34, 11: 34}
POSITION = {
    "RUS": "русского языка и литературы", "LIT": "русского языка и литературы",
    "ENG": "английского языка", "MATH": "математики", "ALG": "математики", "GEOM": "математики",
    "PROB": "математики", "INF": "информатики", "HIST": "истории и обществознания",
    "SOC": "истории и обществознания", "GEO": "географии", "BIO": "биологии", "PHYS": "физики",
    "CHEM": "химии", "MUS": "музыки", "ART": "изобразительного искусства",
    "TECH": "труда (технологии)", "PE": "физической культуры", "OBZR": "ОБЗР",
    "ORKSE": "ОРКСЭ", "ODNKNR": "ОДНКНР", "PROJ": "обществознания",
}
# Subjects one teacher takes together (they share a pool of teachers).
POOL = {"LIT": "RUS", "ALG": "MATH", "GEOM": "MATH", "PROB": "MATH", "SOC": "HIST",
        "PROJ": "HIST", "ODNKNR": "HIST", "ORKSE": "HIST"}


def write(path, header, rows):
    names.write(path, header, rows)  # "CSV UTF-8" as Excel saves it: BOM, ';', CRLF


class Teacher:
    def __init__(self, tid, pool, male=None):
        self.id, self.pool, self.male = tid, pool, male
        self.load = 0
        self.subjects = set()
        self.room = ""


class Unit:
    """One lesson a week of a class: parts = [(group or None, subject, teacher, periodicity,
    from, to)], all given at the same time (subgroups, A/B weeks, a teacher change)."""

    def __init__(self, klass, parts):
        self.klass, self.parts = klass, parts
        self.teachers = sorted({p[2] for p in parts}, key=lambda t: t.id)
        self.subjects = sorted({p[1] for p in parts})


class School:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        names.rng.seed(args.seed)
        self.args = args
        n_classes = max(1, round(args.pupils / 25))
        if n_classes > 11 * len(LETTERS):
            sys.exit(f"make_bench_school: one school has at most {11 * len(LETTERS)} classes "
                     f"(11 grades × {len(LETTERS)} letters): at most "
                     f"{11 * len(LETTERS) * 25} pupils")
        base, extra = divmod(n_classes, 11)
        self.classes = []  # (name, grade)
        for grade in range(1, 12):
            for k in range(base + (1 if grade <= extra else 0)):
                self.classes.append((f"{grade}{LETTERS[k]}", grade))
        self.grade = dict(self.classes)
        self.staff = []  # rows of staff.csv
        self.teachers = []
        self.next_staff = 1

    # --- people ---------------------------------------------------------------------------
    def person(self, male):
        surname = names.pick_surname()
        first = names.pick(names.FATHERS if male else names.MOTHERS)
        father = self.rng.choice(names.GRANDFATHERS)
        middle = names.PATRONYMICS.get(father, ("Иванович", "Ивановна"))[0 if male else 1]
        return (surname if male else names.female(surname)), first, middle

    def add_staff(self, position, subjects="", male=None):
        if male is None:
            male = self.rng.random() < 0.2
        sid = f"T-{self.next_staff:04d}"
        self.next_staff += 1
        self.staff.append([sid, *self.person(male), position, subjects])
        return sid

    def pupils(self):
        n, k = self.args.pupils, len(self.classes)
        width = max(4, len(str(n)))
        rows, self.members = [], {}
        pid = 0
        for i, (cls, grade) in enumerate(self.classes):
            count = n // k + (1 if i < n % k else 0)
            members = []
            for _ in range(count):
                pid += 1
                boy = self.rng.random() < 0.5
                surname = names.pick_surname()
                first = names.pick(names.BOYS if boy else names.GIRLS)
                father = names.pick(names.FATHERS)
                middle = names.PATRONYMICS.get(father, ("Иванович", "Ивановна"))[0 if boy else 1]
                born = datetime.date(2020 - grade, 9, 1) + \
                    datetime.timedelta(days=self.rng.randrange(366))
                sid = f"S-{pid:0{width}d}"
                rows.append([sid, surname if boy else names.female(surname), first, middle,
                             names.ru_date(born), cls])
                members.append((rows[-1][1], rows[-1][2], sid, boy))
            members.sort(key=lambda m: (names.sort_key(m[0]), names.sort_key(m[1])))
            self.members[cls] = members
        return rows

    def groups(self):
        rows = []
        self.group_names = {}
        for cls, grade in self.classes:
            m = self.members[cls]
            if grade >= 2:
                half = (len(m) + 1) // 2
                for n, part in ((1, m[:half]), (2, m[half:])):
                    for subject, word in (("ENG", "англ."), ("INF", "инф.")):
                        if split_subject(grade, subject):
                            name = f"{cls} {word} {n}"
                            self.group_names[(cls, f"{subject}{n}")] = name
                            rows.append([name, cls, "подгруппа",
                                         ", ".join(p[2] for p in part)])
            if 5 <= grade <= 9:
                for boys, key, word in ((True, "boys", "мальчики"), (False, "girls", "девочки")):
                    name = f"{cls} труд ({word})"
                    self.group_names[(cls, key)] = name
                    rows.append([name, cls, "подгруппа",
                                 ", ".join(p[2] for p in m if p[3] == boys)])
        return rows

    # --- teachers and the teaching load --------------------------------------------------
    def teaching_load(self):
        """Units per class, teachers with their loads, assignments rows."""
        max_load = self.args.max_load
        for pos in ("Директор", "Заместитель директора по учебной работе",
                    "Заместитель директора по воспитательной работе", "Секретарь",
                    "Педагог-психолог", "Социальный педагог"):
            self.add_staff(pos)
        self.class_teacher = {}
        primary = {}
        for cls, grade in self.classes:
            if grade <= 4:
                t = Teacher(self.add_staff("Учитель начальных классов",
                                           "RUS,LITR,MATH,OKR,ART,TECH" + (",ORKSE" if grade == 4
                                                                           else ""),
                                           male=self.rng.random() < 0.05), "primary")
                primary[cls] = t
                self.teachers.append(t)
                self.class_teacher[cls] = t.id
        # Demand per pool: (class, lane, subject, hours); lane 1/2 for the two subgroups.
        demand = {}
        for cls, grade in self.classes:
            plan = dict(PLAN[grade])
            for subject, hours in plan.items():
                if grade <= 4 and subject in CLASS_TEACHER_SUBJECTS:
                    continue
                pool = POOL.get(subject, subject)
                lanes = (1, 2) if split_subject(grade, subject) else (0,)
                for lane in lanes:
                    demand.setdefault((pool, lane), []).append((cls, subject, hours))
            for subject in PAIR.get(grade, ()):
                demand.setdefault((POOL.get(subject, subject), 0), []).append((cls, subject, 1))
        # Teachers of a pool take classes in order until full: a teacher keeps a parallel.
        self.who = {}  # (class, subject, lane) -> Teacher
        for (pool, lane), items in sorted(demand.items()):
            total = sum(h for _, _, h in items)
            count = max(1, -(-total // max_load))
            target = -(-total // count)
            male = None
            if pool == "TECH":
                male = lane != 2  # boys' technology: a man in the workshop
            staff = []
            for cls, subject, hours in items:
                if not staff or staff[-1].load >= target or \
                        staff[-1].load + hours > max_load:
                    t = Teacher(None, pool, male)
                    staff.append(t)
                    self.teachers.append(t)
                t = staff[-1]
                t.load += hours
                t.subjects.add(subject)
                self.who[(cls, subject, lane)] = t
            for t in staff:
                codes = ",".join(sorted(t.subjects))
                t.id = self.add_staff("Учитель " + POSITION[pool], codes, male=t.male)
        for cls, t in primary.items():
            for subject in PLAN[self.grade[cls]]:
                if subject in CLASS_TEACHER_SUBJECTS:
                    self.who[(cls, subject, 0)] = t
                    t.subjects.add(subject)
                    t.load += PLAN[self.grade[cls]][subject]
        # A second PE teacher for the classes whose PE changes hands in January.
        self.pe_after = {}
        for i, (cls, grade) in enumerate(self.classes):
            if i % 20 == 7:
                t = Teacher(self.add_staff("Учитель физической культуры", "PE"), "PE after")
                t.load = PLAN[grade]["PE"]
                self.teachers.append(t)
                self.pe_after[cls] = t
        # Class teachers of grades 5-11: subject teachers, one class each.
        busy = set(self.class_teacher.values())
        candidates = [t for t in self.teachers if t.pool not in ("primary", "PE after")]
        for cls, grade in self.classes:
            if cls in self.class_teacher:
                continue
            teaching = [self.who[k] for k in self.who if k[0] == cls]
            pick = next((t for t in teaching if t.id not in busy), None) or \
                next(t for t in candidates if t.id not in busy)
            self.class_teacher[cls] = pick.id
            busy.add(pick.id)
        self.rooms()
        for cls, t in self.pe_after.items():  # the same gym as the teacher before
            t.room = self.who[(cls, "PE", 0)].room

    def rooms(self):
        gyms = workshops = techs = 0
        number = 0
        for t in self.teachers:
            if t.pool == "PE":
                gyms += 1
                t.room = f"Спортзал {gyms}"
            elif t.pool == "TECH" and t.male:
                workshops += 1
                t.room = f"Мастерская {workshops}"
            elif t.pool == "TECH":
                techs += 1
                t.room = f"Кабинет технологии {techs}"
            else:
                floor, n = divmod(number, 24)
                t.room = f"{floor + 1}{n + 1:02d}"
                number += 1

    def units(self):
        out = {cls: [] for cls, _ in self.classes}
        for cls, grade in self.classes:
            for subject, hours in PLAN[grade].items():
                split = split_subject(grade, subject)
                for _ in range(hours):
                    if split:
                        keys = ("boys", "girls") if subject == "TECH" else \
                            (f"{subject}1", f"{subject}2")
                        parts = [(self.group_names[(cls, keys[lane - 1])], subject,
                                  self.who[(cls, subject, lane)], "", "", "") for lane in (1, 2)]
                    elif subject == "PE" and cls in self.pe_after:
                        parts = [(None, subject, self.who[(cls, subject, 0)], "", "",
                                  VALID_SWITCH[0]),
                                 (None, subject, self.pe_after[cls], "", VALID_SWITCH[1], "")]
                    else:
                        parts = [(None, subject, self.who[(cls, subject, 0)], "", "", "")]
                    out[cls].append(Unit(cls, parts))
            if grade in PAIR:
                a, b = PAIR[grade]
                out[cls].append(Unit(cls, [(None, a, self.who[(cls, a, 0)], "A", "", ""),
                                           (None, b, self.who[(cls, b, 0)], "B", "", "")]))
        return out

    # --- placing the lessons --------------------------------------------------------------
    def day_lengths(self, grade, hours):
        base, extra = divmod(hours, DAYS)
        days = [base + 1] * extra + [base] * (DAYS - extra)
        self.rng.shuffle(days)
        limit = daily_limit(grade)
        assert max(days) <= limit + (1 if grade == 1 else 0), (grade, days)
        return days

    def place(self, units):
        rng = self.rng
        self.slots = {}   # class -> list of (day, lesson)
        self.at = {}      # class -> list of unit index per position
        self.long_day = {}
        tcount = {}       # (teacher id, day, lesson) -> count
        scount = {}       # (class, day, subject) -> count
        hours = {}
        for cls, grade in self.classes:
            us = units[cls]
            days = self.day_lengths(grade, len(us))
            if grade == 1:
                self.long_day[cls] = days.index(max(days)) + 1
            self.slots[cls] = [(d + 1, n + 1) for d in range(DAYS) for n in range(days[d])]
            order = list(range(len(us)))
            rng.shuffle(order)
            self.at[cls] = order
            h = {}
            for u in us:
                for s in u.subjects:
                    h[s] = h.get(s, 0) + 1
            hours[cls] = h

        def most(cls, subject):
            return 1 if hours[cls][subject] <= DAYS else 2

        def s_pen(cls, day, subject, n):
            p = max(0, n - most(cls, subject))
            if subject == "PE" and self.long_day.get(cls) == day and n == 0:
                p += HARD  # grade 1: the 5-lesson day has PE (SanPiN)
            return p

        HARD = 20
        for cls, _ in self.classes:
            for pos, ui in enumerate(self.at[cls]):
                d, n = self.slots[cls][pos]
                u = units[cls][ui]
                for t in u.teachers:
                    tcount[(t.id, d, n)] = tcount.get((t.id, d, n), 0) + 1
                for s in u.subjects:
                    scount[(cls, d, s)] = scount.get((cls, d, s), 0) + 1

        def delta(cls, p, q):
            """Cost change of swapping positions p and q of a class."""
            up, uq = units[cls][self.at[cls][p]], units[cls][self.at[cls][q]]
            (dp, np_), (dq, nq) = self.slots[cls][p], self.slots[cls][q]
            tch, sch = {}, {}
            for u, src, dst in ((up, (dp, np_), (dq, nq)), (uq, (dq, nq), (dp, np_))):
                for t in u.teachers:
                    tch[(t.id, *src)] = tch.get((t.id, *src), 0) - 1
                    tch[(t.id, *dst)] = tch.get((t.id, *dst), 0) + 1
                if src[0] != dst[0]:
                    for s in u.subjects:
                        sch[(cls, src[0], s)] = sch.get((cls, src[0], s), 0) - 1
                        sch[(cls, dst[0], s)] = sch.get((cls, dst[0], s), 0) + 1
            cost = 0
            for k, c in tch.items():
                if c:
                    n0 = tcount.get(k, 0)
                    cost += HARD * (max(0, n0 + c - 1) - max(0, n0 - 1))
            for k, c in sch.items():
                if c:
                    n0 = scount.get(k, 0)
                    cost += s_pen(cls, k[1], k[2], n0 + c) - s_pen(cls, k[1], k[2], n0)
            return cost, tch, sch

        def apply(cls, p, q, tch, sch):
            a = self.at[cls]
            a[p], a[q] = a[q], a[p]
            for k, c in tch.items():
                tcount[k] = tcount.get(k, 0) + c
            for k, c in sch.items():
                scount[k] = scount.get(k, 0) + c

        def where_teacher(tid, d, n):
            return [(cls, pos) for cls in by_teacher[tid]
                    for pos, slot in enumerate(self.slots[cls]) if slot == (d, n) and
                    any(t.id == tid for t in units[cls][self.at[cls][pos]].teachers)]

        by_teacher = {}
        for cls, _ in self.classes:
            for u in units[cls]:
                for t in u.teachers:
                    by_teacher.setdefault(t.id, set()).add(cls)
        for k in by_teacher:
            by_teacher[k] = sorted(by_teacher[k])

        def hard_problems():
            clashes = [k for k, c in tcount.items() if c > 1]
            pe = [(cls, self.long_day[cls]) for cls in self.long_day
                  if scount.get((cls, self.long_day[cls], "PE"), 0) == 0]
            return clashes, pe

        class_list = [cls for cls, _ in self.classes]
        steps = 0
        limit = self.args.max_steps
        while steps < limit:
            clashes, pe = hard_problems()
            if not clashes and not pe:
                break
            for _ in range(2000):
                steps += 1
                if clashes and (not pe or rng.random() < 0.9):
                    tid, d, n = rng.choice(clashes)
                    here = where_teacher(tid, d, n)
                    if not here:
                        break
                    cls, p = rng.choice(here)
                elif pe:
                    cls, day = rng.choice(pe)
                    p = rng.choice([i for i, s in enumerate(self.slots[cls]) if s[0] == day])
                else:
                    break
                best, moves = None, []
                for q in range(len(self.slots[cls])):
                    if q == p:
                        continue
                    c, tch, sch = delta(cls, p, q)
                    if best is None or c < best:
                        best, moves = c, [(q, tch, sch)]
                    elif c == best:
                        moves.append((q, tch, sch))
                if best <= 0 or rng.random() < 0.1:
                    q, tch, sch = rng.choice(moves)
                    apply(cls, p, q, tch, sch)
                elif rng.random() < 0.3:  # a random swap to leave a local minimum
                    q = rng.randrange(len(self.slots[cls]))
                    if q != p:
                        c, tch, sch = delta(cls, p, q)
                        apply(cls, p, q, tch, sch)
                clashes, pe = hard_problems() if steps % 50 == 0 else (clashes, pe)
                if steps % 50 == 0 and not clashes and not pe:
                    break
        clashes, pe = hard_problems()
        if clashes or pe:
            sys.exit(f"make_bench_school: no timetable without clashes after {steps} swaps "
                     f"({len(clashes)} teacher clashes left); try another --seed or a lower "
                     f"--max-load")
        # Spread the subjects over the week: improve the soft cost with plain swaps.
        for _ in range(self.args.polish):
            cls = rng.choice(class_list)
            p, q = rng.sample(range(len(self.slots[cls])), 2)
            c, tch, sch = delta(cls, p, q)
            if c < 0:
                apply(cls, p, q, tch, sch)
        self.soft = sum(s_pen(c, d, s, n) for (c, d, s), n in scount.items())
        self.steps = steps

    # --- output ---------------------------------------------------------------------------
    def timetable(self, units):
        out, rows = [], []
        for cls, grade in self.classes:
            for pos, ui in enumerate(self.at[cls]):
                d, n = self.slots[cls][pos]
                for group, subject, t, periodicity, start, end in units[cls][ui].parts:
                    rows.append(((d, n, group or ""),
                                 [cls, group or "", subject, t.id, t.room, str(d), str(n),
                                  periodicity, start, end]))
            rows_of_class = sorted(rows, key=lambda kr: kr[0])
            out += [r for _, r in rows_of_class]
            rows = []
        return out


def verify(school, rows):
    """The same rules as `schoolctl schedule check` for a weekly timetable: nobody twice at
    once, inside the bells, SanPiN's daily and weekly limits."""
    seen = {}
    per_day = {}
    per_week = {}
    pe_days = set()
    for cls, group, subject, tid, room, d, n, periodicity, start, end in rows:
        grade = school.grade[cls]
        d, n = int(d), int(n)
        assert 1 <= d <= DAYS and 1 <= n <= (5 if grade == 1 else 7), (cls, d, n)
        weeks = periodicity or "AB"
        half = "1" if start else "0" if end else "*"  # before / after the PE change
        for w in weeks:
            for h in ("0", "1") if half == "*" else half:
                for key in (("teacher", tid), ("room", room),
                            ("target", cls, group) if group else ("class", cls)):
                    k = (*key, d, n, w, h)
                    assert k not in seen, f"clash: {k}"
                    seen[k] = True
        per_day.setdefault((cls, d), set()).add(n)
        per_week.setdefault(cls, set()).add((d, n))
        if subject == "PE":
            pe_days.add((cls, d))
    for (cls, d), lessons in per_day.items():
        grade = school.grade[cls]
        limit = daily_limit(grade) + (1 if grade <= 4 and (cls, d) in pe_days else 0)
        assert len(lessons) <= limit, (cls, d, len(lessons), limit)
        assert lessons == set(range(1, len(lessons) + 1)), (cls, d, "gap")
    for cls, taken in per_week.items():
        assert len(taken) <= WEEKLY_LIMIT[school.grade[cls]], (cls, len(taken))
    # A class lesson and a lesson of one of its subgroups never share a slot.
    whole = {(r[0], r[5], r[6]) for r in rows if not r[1]}
    for r in rows:
        assert not r[1] or (r[0], r[5], r[6]) not in whole, ("class and subgroup", r)


def config(school, number):
    text = (ROOT / "samples" / "schoolctl.toml").read_text(encoding="utf-8")
    rooms = sorted({t.room for t in school.teachers if t.room},
                   key=lambda r: (not r[0].isdigit(), r))
    lines, line = [], "rooms = ["
    for r in rooms:
        item = f'"{r}", '
        if len(line) + len(item) > 96:
            lines.append(line.rstrip())
            line = "         "
        line += item
    lines.append(line.rstrip().rstrip(",") + "]")
    replacements = [
        (r'^name = "ГБОУ Школа № 1234"', f'name = "ГБОУ Школа № {number}"'),
        (r'^short_name = "Школа № 1234"', f'short_name = "Школа № {number}"'),
        (r'^external_id = "msk-1234"', f'external_id = "msk-{number}"'),
        (r'^rooms = \[[^\]]*\]', "\n".join(lines)),
        (r'^# schoolctl\.toml — configuration of a sample Moscow school',
         "# schoolctl.toml — a synthetic school for the timetable benchmark "
         "(scripts/make_bench_school.py);\n# the calendar and bells are samples/schoolctl.toml's"),
    ]
    for pattern, repl in replacements:
        text, n = re.subn(pattern, lambda _m: repl, text, count=1, flags=re.M)
        if n != 1:
            sys.exit(f"make_bench_school: samples/schoolctl.toml has no line matching {pattern}")
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pupils", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--number", type=int, default=1234,
                    help="the school's number: name «ГБОУ Школа № N», external id msk-N")
    ap.add_argument("--max-load", type=int, default=22, help="lessons a week per teacher")
    ap.add_argument("--max-steps", type=int, default=400_000)
    ap.add_argument("--polish", type=int, default=30_000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.pupils < 1:
        sys.exit("make_bench_school: --pupils must be positive")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    school = School(args)
    students = school.pupils()
    groups = school.groups()
    school.teaching_load()
    units = school.units()
    school.place(units)
    rows = school.timetable(units)
    verify(school, rows)

    write(out / "subjects.csv", ["Код", "Название", "Шкала"], [list(s) for s in SUBJECTS])
    write(out / "staff.csv", ["Идентификатор", "Фамилия", "Имя", "Отчество", "Должность",
                              "Предметы"], school.staff)
    write(out / "classes.csv", ["Класс", "Классный руководитель"],
          [[cls, school.class_teacher[cls]] for cls, _ in school.classes])
    write(out / "students.csv", names.STUDENT_HEADER, students)
    write(out / "groups.csv", names.GROUP_HEADER, groups)
    assignments = [[school.class_teacher[cls], "", cls, "", "Классный руководитель"]
                   for cls, _ in school.classes]
    seen = set()
    for cls, group, subject, tid, *_ in rows:
        key = (tid, subject, cls, group)
        if key not in seen:
            seen.add(key)
            assignments.append([tid, subject, cls, group, ""])
    write(out / "assignments.csv", names.ASSIGNMENT_HEADER, assignments)
    write(out / "timetable.csv", ["Класс", "Группа", "Предмет", "Учитель", "Кабинет", "День",
                                  "Урок", "Периодичность", "С", "По"], rows)
    (out / "schoolctl.toml").write_text(config(school, args.number), encoding="utf-8")
    slots = sum(len(s) for s in school.slots.values())
    print(f"{len(students)} pupils, {len(school.classes)} classes, {len(groups)} groups, "
          f"{len(school.staff)} staff ({len(school.teachers)} teachers), {len(rows)} timetable "
          f"rows ({slots} class-lessons a week), {school.steps} swaps, spread penalty "
          f"{school.soft} -> {out}")


if __name__ == "__main__":
    main()
