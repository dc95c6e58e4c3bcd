#!/usr/bin/python3
"""Writes the sample school (samples/*.csv) and the import test files (tests/data/).

Deterministic: the same script writes the same bytes, so the data can be regenerated and
reviewed as a diff. Standard library only; run with /usr/bin/python3 from any directory.
The files are what Excel saves as "CSV UTF-8": a BOM, `;` between fields, CRLF line ends.
"""

import csv
import datetime
import io
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEST_DATA = ROOT / "tests" / "data"

rng = random.Random(20260901)

# Rough frequencies for children born 2014-2016 (the most common names first).
BOYS = {
    "Александр": 10, "Артём": 9, "Михаил": 9, "Максим": 8, "Иван": 7, "Даниил": 6,
    "Дмитрий": 6, "Кирилл": 5, "Егор": 5, "Матвей": 5, "Андрей": 4, "Никита": 4, "Илья": 4,
    "Тимофей": 4, "Марк": 4, "Лев": 4, "Алексей": 3, "Роман": 3, "Ярослав": 3, "Арсений": 3,
    "Сергей": 2, "Владимир": 2, "Фёдор": 2, "Глеб": 2, "Степан": 2, "Георгий": 2, "Мирон": 1,
    "Платон": 1, "Богдан": 1, "Николай": 1, "Савелий": 1,
}
GIRLS = {
    "София": 10, "Мария": 9, "Анна": 8, "Анастасия": 7, "Виктория": 6, "Полина": 6,
    "Елизавета": 5, "Дарья": 5, "Алиса": 5, "Александра": 4, "Варвара": 4, "Ксения": 4,
    "Ева": 4, "Вероника": 3, "Арина": 3, "Екатерина": 3, "Василиса": 3, "Милана": 2,
    "Алёна": 2, "Кира": 2, "Ульяна": 2, "Валерия": 2, "Алина": 2, "Маргарита": 2, "Софья": 2,
    "Таисия": 1, "Есения": 1, "Ярослава": 1,
}
# Parents born around 1980-1990.
FATHERS = {
    "Александр": 8, "Сергей": 8, "Андрей": 7, "Дмитрий": 7, "Алексей": 6, "Евгений": 4,
    "Максим": 4, "Денис": 4, "Владимир": 4, "Михаил": 4, "Игорь": 3, "Павел": 3, "Роман": 3,
    "Олег": 3, "Иван": 3, "Антон": 3, "Николай": 2, "Виталий": 2, "Юрий": 2, "Константин": 2,
    "Илья": 2, "Вадим": 2, "Виктор": 2, "Артём": 2, "Кирилл": 2, "Станислав": 1,
    "Вячеслав": 1, "Пётр": 1, "Фёдор": 1, "Григорий": 1, "Василий": 1, "Егор": 1,
}
MOTHERS = {
    "Елена": 7, "Ольга": 7, "Екатерина": 7, "Наталья": 6, "Анна": 6, "Юлия": 6, "Татьяна": 5,
    "Ирина": 5, "Анастасия": 5, "Светлана": 4, "Мария": 4, "Марина": 4, "Евгения": 3,
    "Ксения": 3, "Виктория": 3, "Дарья": 2, "Надежда": 2, "Алёна": 2, "Оксана": 2,
    "Кристина": 2, "Александра": 2, "Людмила": 1, "Вера": 1, "Яна": 1, "Полина": 1,
}
GRANDFATHERS = [
    "Владимир", "Николай", "Сергей", "Александр", "Виктор", "Юрий", "Анатолий", "Михаил",
    "Василий", "Валерий", "Геннадий", "Игорь", "Евгений", "Пётр", "Иван", "Борис", "Алексей",
    "Андрей", "Леонид", "Виталий", "Олег", "Григорий", "Фёдор", "Константин", "Павел",
]
PATRONYMICS = {  # name: (son's, daughter's)
    "Александр": ("Александрович", "Александровна"), "Алексей": ("Алексеевич", "Алексеевна"),
    "Анатолий": ("Анатольевич", "Анатольевна"), "Андрей": ("Андреевич", "Андреевна"),
    "Антон": ("Антонович", "Антоновна"), "Артём": ("Артёмович", "Артёмовна"),
    "Борис": ("Борисович", "Борисовна"), "Вадим": ("Вадимович", "Вадимовна"),
    "Валерий": ("Валерьевич", "Валерьевна"), "Василий": ("Васильевич", "Васильевна"),
    "Виктор": ("Викторович", "Викторовна"), "Виталий": ("Витальевич", "Витальевна"),
    "Владимир": ("Владимирович", "Владимировна"), "Вячеслав": ("Вячеславович", "Вячеславовна"),
    "Геннадий": ("Геннадьевич", "Геннадьевна"), "Григорий": ("Григорьевич", "Григорьевна"),
    "Денис": ("Денисович", "Денисовна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Евгений": ("Евгеньевич", "Евгеньевна"), "Егор": ("Егорович", "Егоровна"),
    "Иван": ("Иванович", "Ивановна"), "Игорь": ("Игоревич", "Игоревна"),
    "Илья": ("Ильич", "Ильинична"), "Кирилл": ("Кириллович", "Кирилловна"),
    "Константин": ("Константинович", "Константиновна"), "Леонид": ("Леонидович", "Леонидовна"),
    "Максим": ("Максимович", "Максимовна"), "Михаил": ("Михайлович", "Михайловна"),
    "Николай": ("Николаевич", "Николаевна"), "Олег": ("Олегович", "Олеговна"),
    "Павел": ("Павлович", "Павловна"), "Пётр": ("Петрович", "Петровна"),
    "Роман": ("Романович", "Романовна"), "Сергей": ("Сергеевич", "Сергеевна"),
    "Станислав": ("Станиславович", "Станиславовна"), "Фёдор": ("Фёдорович", "Фёдоровна"),
    "Юрий": ("Юрьевич", "Юрьевна"),
}
# Common surnames, most frequent first (male form). The special families below are kept out.
SURNAMES = """Иванов Попов Петров Соколов Михайлов Новиков Морозов Волков Алексеев Лебедев
Егоров Павлов Козлов Степанов Николаев Андреев Макаров Никитин Захаров Зайцев Соловьёв
Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев
Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов
Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров
Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов
Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов
Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин
Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников
Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин
Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков
Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров
Симонов Прокофьев Харитонов Князев Цветков Левин Воронов Аксёнов Мальцев Логинов Горшков
Савин Майоров Демидов Елисеев Рыбаков Сафонов Плотников Дёмин Хохлов Фадеев Молчанов Игнатов
Литвинов Ершов Ушаков Рябов Мухин Калашников Лобанов Корнеев Бородин Платонов Некрасов
Покровский Жданов Блинов Муравьёв Крюков Богомолов Дроздов Лавров Зуев Петухов Ларин Никулин
Серов Зотов Устинов Фокин Самойлов Шишкин Чистяков Носов Карасёв Воронцов Зверев Селезнёв
Нечаев Седов Панин Головин Терехов Шестаков Гордеев Кожевников Пахомов Зимин Костин Широков
Сазонов Суворов Нефёдов Любимов Львов Горбачёв Лукин Токарев Шилов Большаков Родин Бочаров
Никольский Березин Зубков Трифонов Круглов Третьяков Субботин Вишневский Островский""".split()


def female(surname):
    if "-" in surname:
        return "-".join(female(part) for part in surname.split("-"))
    for end, repl in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ый", "ая")):
        if surname.endswith(end):
            return surname[: -len(end)] + repl
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname  # Ким, Шмидт


def pick(weighted):
    names = list(weighted)
    return rng.choices(names, weights=[weighted[n] for n in names])[0]


def pick_surname():
    # Zipf-like: the top of the list is much more common than its tail.
    weights = [1 / (rank + 1) ** 0.6 for rank in range(len(SURNAMES))]
    return rng.choices(SURNAMES, weights=weights)[0]


def birth_date(grade, part=None):
    """For 2026/27: grade 5 was born Sep 2015 - Aug 2016, grade 6 a year earlier.
    part "early"/"late" keeps a brother and sister in adjacent grades a year apart."""
    start = datetime.date(2020 - grade, 9, 1)
    days = {None: range(366), "early": range(0, 180), "late": range(186, 366)}[part]
    return start + datetime.timedelta(days=rng.choice(days))


def ru_date(d):
    return d.strftime("%d.%m.%Y")


class Pupil:
    def __init__(self, last, first, middle, born, cls, boy):
        self.last, self.first, self.middle = last, first, middle
        self.born, self.cls, self.boy = born, cls, boy
        self.id = ""


class Family:
    """Parents as (last, first, middle) or None; the pupils who are their children."""

    def __init__(self, mother=None, father=None, others=()):
        self.guardians = [g for g in (mother, father) if g] + list(others)
        self.children = []


def grade_of(cls):
    return int(cls[:-1])


def parents(surname, father_first, with_father, mother_surname=None, patronymics=True):
    gf1, gf2 = rng.sample(GRANDFATHERS, 2)
    mother = (mother_surname or female(surname), pick(MOTHERS),
              PATRONYMICS[gf1][1] if patronymics else "")
    father = (surname, father_first, PATRONYMICS[gf2][0] if patronymics else "")
    return mother, (father if with_father else None)


def child(family, surname, first, father_first, cls, boy, born=None, middle=None, part=None):
    last = surname if boy else female(surname)
    if middle is None:
        middle = PATRONYMICS[father_first][0 if boy else 1]
    p = Pupil(last, first, middle, born or birth_date(grade_of(cls), part), cls, boy)
    family.children.append(p)
    return p


def special_families():
    fams = []

    def fam(surname, father, with_father, **kw):
        f = Family(*parents(surname, father, with_father, **kw))
        fams.append(f)
        return f

    # Brother and sister: an Ё in the surname and in the names.
    f = fam("Ёлкин", "Сергей", True)
    child(f, "Ёлкин", "Пётр", "Сергей", "5А", True, part="late")
    child(f, "Ёлкин", "Дарья", "Сергей", "6Б", False, part="early")
    # Twins: same birth date, same class.
    f = fam("Гаврилов", "Дмитрий", True)
    born = birth_date(5)
    child(f, "Гаврилов", "Никита", "Дмитрий", "5Б", True, born)
    child(f, "Гаврилов", "Полина", "Дмитрий", "5Б", False, born)
    f = fam("Кузнецов", "Алексей", False)
    child(f, "Кузнецов", "Иван", "Алексей", "5Б", True, part="late")
    child(f, "Кузнецов", "Мария", "Алексей", "6А", False, part="early")
    f = fam("Васильев", "Игорь", True)
    child(f, "Васильев", "Анна", "Игорь", "5А", False, part="late")
    child(f, "Васильев", "Максим", "Игорь", "6А", True, part="early")
    f = fam("Фёдоров", "Роман", False)
    child(f, "Фёдоров", "Артём", "Роман", "6А", True, part="early")
    child(f, "Фёдоров", "Ксения", "Роман", "5Б", False, part="late")
    # Ё in the names of an only child.
    f = fam("Семёнов", "Артём", True)
    child(f, "Семёнов", "Алёна", "Артём", "5Б", False)
    f = fam("Воробьёв", "Фёдор", False)
    child(f, "Воробьёв", "Степан", "Фёдор", "5А", True)
    # Namesakes: the same full name in two unrelated families, different classes and dates.
    f = fam("Смирнов", "Андрей", True)
    child(f, "Смирнов", "Александр", "Андрей", "5А", True)
    f = fam("Смирнов", "Андрей", False)
    child(f, "Смирнов", "Александр", "Андрей", "6Б", True)
    # A double surname.
    f = fam("Краснов", "Павел", False, mother_surname="Лебедева-Краснова")
    child(f, "Лебедев-Краснов", "Варвара", "Павел", "6Б", False)
    # No patronymic (the children of foreign citizens).
    f = Family(("Мамедова", "Севиль", ""), ("Мамедов", "Эльчин", ""))
    fams.append(f)
    child(f, "Мамедов", "Айсель", None, "5Б", False, middle="")
    f = Family(("Алиев", "Руслан", ""))
    fams.append(f)
    child(f, "Алиев", "Тимур", None, "6Б", True, middle="")
    f = Family(("Шмидт", "Ольга", "Викторовна"))
    fams.append(f)
    child(f, "Шмидт", "Эмилия", None, "6А", False, middle="")
    f = Family(("Ким", "Ирина", "Владимировна"), ("Ким", "Денис", "Сергеевич"))
    fams.append(f)
    child(f, "Ким", "Виктория", None, "5А", False, middle="")
    # Brought up by the grandmother, who has another surname.
    f = Family(others=[("Белоусова", "Галина", "Петровна")])
    fams.append(f)
    child(f, "Тарасов", "Глеб", "Олег", "6А", True)
    return fams


def random_families(fams, per_class=25):
    taken = {(p.last, p.first, p.middle) for f in fams for p in f.children}
    special = {p.last for f in fams for p in f.children}
    for cls in ("5А", "5Б", "6А", "6Б"):
        in_class = [p for f in fams for p in f.children if p.cls == cls]
        boys = sum(p.boy for p in in_class)
        while len(in_class) < per_class:
            boy = boys < per_class // 2 + (1 if cls in ("5А", "6Б") else 0)
            surname = pick_surname()
            father = pick(FATHERS)
            first = pick(BOYS if boy else GIRLS)
            last = surname if boy else female(surname)
            middle = PATRONYMICS[father][0 if boy else 1]
            if last in special or female(surname) in special or (last, first, middle) in taken:
                continue
            f = Family(*parents(surname, father, rng.random() < 0.45))
            p = child(f, surname, first, father, cls, boy)
            fams.append(f)
            in_class.append(p)
            taken.add((last, first, middle))
            boys += boy


def sort_key(text):
    # Russian alphabetical order for Cyrillic: ё with е (the code points are otherwise in order).
    return text.lower().replace("ё", "е")


def assign_ids(fams):
    pupils = [p for f in fams for p in f.children]
    pupils.sort(key=lambda p: (p.cls, sort_key(p.last), sort_key(p.first),
                               sort_key(p.middle), p.born))
    for n, p in enumerate(pupils, 1):
        p.id = f"S-{n:04d}"
    return pupils


TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"
                    .split()))


def latin(text):
    out = "".join(TRANSLIT.get(c, c) for c in text.lower())
    return out.replace("-", "")


def contacts(name, used_phones, used_emails):
    while True:
        phone = "+7 9{:02d} {:03d}-{:02d}-{:02d}".format(
            rng.randrange(100), rng.randrange(1000), rng.randrange(100), rng.randrange(100))
        if phone not in used_phones:
            used_phones.add(phone)
            break
    if rng.random() < 0.15:
        return phone, ""  # not every parent gives an e-mail address
    base = f"{latin(name[1])}.{latin(name[0])}"
    email, n = f"{base}@example.org", 1
    while email in used_emails:
        n += 1
        email = f"{base}{n}@example.org"
    used_emails.add(email)
    return phone, email


def guardians(fams):
    rows, used_phones, used_emails = [], set(), set()
    fams = sorted(fams, key=lambda f: min(p.id for p in f.children))
    for f in fams:
        kids = ",".join(sorted(p.id for p in f.children))
        for g in f.guardians:
            phone, email = contacts(g, used_phones, used_emails)
            rows.append([*g, phone, email, kids])
    return [[f"G-{n:04d}", *row] for n, row in enumerate(rows, 1)]


STAFF = [
    ("Захарова", "Ирина", "Викторовна", "Директор", ""),
    ("Белова", "Татьяна", "Николаевна", "Заместитель директора по учебной работе", "MATH"),
    ("Орлов", "Дмитрий", "Сергеевич", "Заместитель директора по воспитательной работе", "ODNKNR"),
    ("Кузьмина", "Ольга", "Петровна", "Секретарь", ""),
    ("Соловьёва", "Елена", "Александровна", "Учитель русского языка и литературы", "RUS,LIT"),
    ("Никитина", "Марина", "Юрьевна", "Учитель русского языка и литературы", "RUS,LIT"),
    ("Фролов", "Андрей", "Викторович", "Учитель математики", "MATH"),
    ("Григорьева", "Наталья", "Игоревна", "Учитель математики и информатики", "MATH,INF"),
    ("Ковалёва", "Анна", "Сергеевна", "Учитель английского языка", "ENG"),
    ("Морозова", "Юлия", "Олеговна", "Учитель английского языка", "ENG"),
    ("Тарасов", "Павел", "Андреевич", "Учитель истории и обществознания", "HIST,SOC"),
    ("Лебедева", "Светлана", "Владимировна", "Учитель географии", "GEO"),
    ("Макарова", "Оксана", "Геннадьевна", "Учитель биологии", "BIO"),
    ("Волкова", "Людмила", "Михайловна", "Учитель музыки", "MUS"),
    ("Жукова", "Вера", "Анатольевна", "Учитель изобразительного искусства", "ART"),
    ("Киселёв", "Виктор", "Иванович", "Учитель труда (технологии)", "TECH"),
    ("Пономарёва", "Галина", "Васильевна", "Учитель труда (технологии)", "TECH"),
    ("Гусев", "Алексей", "Николаевич", "Учитель физической культуры", "PE"),
    ("Сорокина", "Ирина", "Дмитриевна", "Учитель физической культуры", "PE"),
    ("Осипова", "Дарья", "Евгеньевна", "Педагог-психолог", ""),
]

CLASS_TEACHERS = {"5А": "T-0005", "5Б": "T-0008", "6А": "T-0010", "6Б": "T-0006"}

SUBJECTS = [
    ("RUS", "Русский язык", "five_point"),
    ("LIT", "Литература", "five_point"),
    ("ENG", "Английский язык", "five_point"),
    ("MATH", "Математика", "five_point"),
    ("INF", "Информатика", "five_point"),
    ("HIST", "История", "five_point"),
    ("SOC", "Обществознание", "five_point"),
    ("GEO", "География", "five_point"),
    ("BIO", "Биология", "five_point"),
    ("MUS", "Музыка", "five_point"),
    ("ART", "Изобразительное искусство", "five_point"),
    ("TECH", "Труд (технология)", "five_point"),
    ("PE", "Физическая культура", "five_point"),
    ("ODNKNR", "Основы духовно-нравственной культуры народов России", "none"),
]

STUDENT_HEADER = ["Идентификатор", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"]

BAD_STUDENTS = [  # one problem per row; the comment is the line number in the file
    ["S-9001", "Зайцев", "Егор", "Павлович", "14.05.2015", "5А"],       # 2: fine
    ["S-9002", "Комарова", "Вера", "Игоревна", "31.02.2015", "5Б"],     # 3: no such date
    ["S-9003", "Белов", "Марк", "Олегович", "03.11.2015", "5A"],        # 4: Latin A
    ["S-9004", "", "Ульяна", "Романовна", "22.07.2016", "5А"],          # 5: no surname
    ["S-9005", "Петр0в", "Лев", "Денисович", "09.01.2015", "6Б"],       # 6: a zero for о
    ["S-9006", "Тихонова", "Алиса", "Сергеевна", "17.03.2015"],         # 7: five fields
    ["S-9007", "Гришин", "Матвей", "Ильич", "05.10.2014", "6А"],        # 8: fine
]


# Who teaches what: subject -> teacher per class (or per subgroup, below).
TEACHING = {
    "RUS": {"5А": "T-0005", "5Б": "T-0005", "6А": "T-0006", "6Б": "T-0006"},
    "LIT": {"5А": "T-0005", "5Б": "T-0005", "6А": "T-0006", "6Б": "T-0006"},
    "MATH": {"5А": "T-0007", "5Б": "T-0008", "6А": "T-0007", "6Б": "T-0008"},
    "HIST": {"5А": "T-0011", "5Б": "T-0011", "6А": "T-0011", "6Б": "T-0011"},
    "SOC": {"6А": "T-0011", "6Б": "T-0011"},
    "GEO": {"5А": "T-0012", "5Б": "T-0012", "6А": "T-0012", "6Б": "T-0012"},
    "BIO": {"5А": "T-0013", "5Б": "T-0013", "6А": "T-0013", "6Б": "T-0013"},
    "MUS": {"5А": "T-0014", "5Б": "T-0014", "6А": "T-0014", "6Б": "T-0014"},
    "ART": {"5А": "T-0015", "5Б": "T-0015", "6А": "T-0015", "6Б": "T-0015"},
    "PE": {"5А": "T-0018", "5Б": "T-0018", "6А": "T-0019", "6Б": "T-0019"},
    "ODNKNR": {"5А": "T-0003", "5Б": "T-0003"},
}
GROUP_HEADER = ["Группа", "Класс", "Тип", "Ученики"]
ASSIGNMENT_HEADER = ["Учитель", "Предмет", "Класс", "Группа", "Роль"]


def groups(pupils):
    """English in two halves of the class list, technology split boys/girls, a chess elective."""
    rows, load = [], []
    for cls in sorted(CLASS_TEACHERS):
        members = [p for p in pupils if p.cls == cls]
        half = (len(members) + 1) // 2
        for n, part in ((1, members[:half]), (2, members[half:])):
            name = f"{cls} англ. {n}"
            rows.append([name, cls, "подгруппа", ", ".join(p.id for p in part)])
            load.append(["T-0009" if n == 1 else "T-0010", "ENG", cls, name, ""])
        for boys, teacher in ((True, "T-0016"), (False, "T-0017")):
            name = f"{cls} труд ({'мальчики' if boys else 'девочки'})"
            part = [p for p in members if p.boy == boys]
            rows.append([name, cls, "подгруппа", ", ".join(p.id for p in part)])
            load.append([teacher, "TECH", cls, name, ""])
    chess = [p for p in pupils if p.cls.startswith("5")][::7]
    rows.append(["Шахматы", "", "электив", ", ".join(p.id for p in chess)])
    load.append(["T-0008", "INF", "", "Шахматы", ""])
    return rows, load


def assignments(group_load):
    rows = [[teacher, "", cls, "", "Классный руководитель"]
            for cls, teacher in sorted(CLASS_TEACHERS.items())]
    for subject, per_class in TEACHING.items():
        rows += [[teacher, subject, cls, "", ""] for cls, teacher in sorted(per_class.items())]
    return rows + group_load


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write(path, header, rows, encoding="utf-8-sig"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_text(header, rows).encode(encoding))


def main():
    fams = special_families()
    random_families(fams)
    pupils = assign_ids(fams)
    students = [[p.id, p.last, p.first, p.middle, ru_date(p.born), p.cls] for p in pupils]
    write(SAMPLES / "students.csv", STUDENT_HEADER, students)
    write(SAMPLES / "guardians.csv",
          ["Идентификатор", "Фамилия", "Имя", "Отчество", "Телефон", "Эл. почта", "Дети"],
          guardians(fams))
    write(SAMPLES / "staff.csv",
          ["Идентификатор", "Фамилия", "Имя", "Отчество", "Должность", "Предметы"],
          [[f"T-{n:04d}", *s] for n, s in enumerate(STAFF, 1)])
    write(SAMPLES / "subjects.csv", ["Код", "Название", "Шкала"], SUBJECTS)
    write(SAMPLES / "classes.csv", ["Класс", "Классный руководитель"],
          sorted(CLASS_TEACHERS.items()))
    group_rows, group_load = groups(pupils)
    write(SAMPLES / "groups.csv", GROUP_HEADER, group_rows)
    write(SAMPLES / "assignments.csv", ASSIGNMENT_HEADER, assignments(group_load))
    # Russian Excel's plain "CSV": Windows-1251, no BOM.
    write(TEST_DATA / "students-cp1251.csv", STUDENT_HEADER, students[:10], "cp1251")
    write(TEST_DATA / "students-bad.csv", STUDENT_HEADER, BAD_STUDENTS)
    # The whole school as Russian Excel's plain "CSV", and files broken on purpose.
    write(SAMPLES / "students-cp1251.csv", STUDENT_HEADER, students, "cp1251")
    (SAMPLES / "broken").mkdir(exist_ok=True)
    write(SAMPLES / "broken" / "students-bad.csv", STUDENT_HEADER, BAD_STUDENTS)
    write(SAMPLES / "broken" / "guardians-bad.csv",
          ["Идентификатор", "Фамилия", "Имя", "Отчество", "Телефон", "Эл. почта", "Дети"],
          [["G-0901", "Орлова", "Мария", "Ивановна", "+7 916 12", "", "S-0001"],  # short phone
           ["G-0902", "Орлова", "Мария", "Ивановна", "+7 916 123-45-67", "orlova@", "S-0001"],
           ["G-0903", "Кузнецова", "Анна", "", "", "", "S-9999"],  # no such pupil
           ["G-0904", "Кузнецова", "Анна", "", "", "", ""]])  # names no child


if __name__ == "__main__":
    main()
