#!/usr/bin/python3
"""Writes a synthetic roster for the import benchmark: subjects, staff, classes, students and
guardians as a school's Excel would save them (UTF-8 with BOM, ';', DD.MM.YYYY).

    bench/make_roster.py --pupils 100000 --out build/bench/roster

Deterministic for a given --seed. The names come from the sample school's tables, so they have
the same realistic frequencies (Ё included). Families: about one in six pupils has a brother or
sister in the school; most pupils have two guardians, some one, so guardians ≈ 1.5 × pupils.
Standard library only; run with /usr/bin/python3.
"""

import argparse
import datetime
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "samples"))
import make_samples as names  # noqa: E402  (the name tables and helpers)

LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"


def write(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(";".join(header) + "\r\n")
        for row in rows:
            f.write(";".join(row) + "\r\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pupils", type=int, default=100_000)
    ap.add_argument("--staff", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names.rng.seed(args.seed)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    # One school: at most 11 grades x the letters a class may have.
    per_class = 25
    classes = [f"{g}{l}" for l in LETTERS for g in range(1, 12)]
    classes = classes[: max(1, min(len(classes), args.pupils // per_class))]
    classes.sort(key=lambda c: (int(c[:-1]), c[-1]))

    staff_count = args.staff or max(20, args.pupils * 8 // 100)
    subject_codes = [s[0] for s in names.SUBJECTS]
    write(out / "subjects.csv", ["Код", "Название", "Шкала"], [list(s) for s in names.SUBJECTS])

    staff_rows = []
    for i in range(staff_count):
        boy = rng.random() < 0.25
        surname = names.pick_surname()
        first = names.pick(names.FATHERS if boy else names.MOTHERS)
        father = names.pick(names.FATHERS)
        middle = names.PATRONYMICS.get(father, ("Иванович", "Ивановна"))[0 if boy else 1]
        subjects = ",".join(sorted(rng.sample(subject_codes, rng.choice([1, 1, 2]))))
        staff_rows.append([f"T-{i + 1:06d}", surname if boy else names.female(surname), first,
                           middle, "Учитель", subjects])
    write(out / "staff.csv",
          ["Идентификатор", "Фамилия", "Имя", "Отчество", "Должность", "Предметы"], staff_rows)
    write(out / "classes.csv", ["Класс", "Классный руководитель"],
          [[c, staff_rows[i % staff_count][0]] for i, c in enumerate(classes)])

    pupils, guardians = [], []
    pid = gid = 0
    while pid < args.pupils:
        surname = names.pick_surname()
        father = names.pick(names.FATHERS)
        kids = 2 if rng.random() < 0.09 else 1
        family = []
        for _ in range(min(kids, args.pupils - pid)):
            pid += 1
            boy = rng.random() < 0.5
            first = names.pick(names.BOYS if boy else names.GIRLS)
            middle = names.PATRONYMICS.get(father, ("Иванович", "Ивановна"))[0 if boy else 1]
            cls = classes[rng.randrange(len(classes))]
            # Grade g in 2026/27 was born between September of 2019 - g and August a year on.
            born = datetime.date(2019 - int(cls[:-1]), 9, 1) + \
                datetime.timedelta(rng.randrange(366))
            sid = f"S-{pid:07d}"
            family.append(sid)
            pupils.append([sid, surname if boy else names.female(surname), first, middle,
                           born.strftime("%d.%m.%Y"), cls])
        parents = [("f", father), ("m", names.pick(names.MOTHERS))]
        if rng.random() < 0.35:  # one guardian: mostly the mother
            parents = parents[1:] if rng.random() < 0.8 else parents[:1]
        for kind, first in parents:
            gid += 1
            grandfather = rng.choice(names.GRANDFATHERS)
            middle = names.PATRONYMICS.get(grandfather, ("Иванович", "Ивановна"))[
                0 if kind == "f" else 1]
            phone = f"+7 9{rng.randrange(10, 100)} {rng.randrange(100, 1000)}-" \
                    f"{rng.randrange(10, 100)}-{rng.randrange(10, 100)}"
            guardians.append([f"G-{gid:07d}", surname if kind == "f" else names.female(surname),
                              first, middle, phone, f"g{gid}@example.org", ",".join(family)])
    write(out / "students.csv",
          ["Идентификатор", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"], pupils)
    write(out / "guardians.csv",
          ["Идентификатор", "Фамилия", "Имя", "Отчество", "Телефон", "Эл. почта", "Дети"],
          guardians)
    print(f"{len(pupils)} pupils, {len(guardians)} guardians, {staff_count} staff, "
          f"{len(classes)} classes -> {out}")


if __name__ == "__main__":
    main()
