#!/usr/bin/env python3
"""Writes school-5.fet, the FET input of a small Russian school (see README.md).

With --impossible it writes to stdout the same school with two more constraints that no
timetable can meet, for the partial timetable in school-5-highest/.
"""
import sys

DAYS = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница"]
HOURS = ["08:30", "09:25", "10:30", "11:25", "12:20", "13:15"]
SUBJECTS = ["Математика", "Русский язык", "Литература", "Английский язык", "Технология",
            "Физическая культура", "История"]
TEACHERS = ["Иванова М.П.", "Петрова А.С.", "Смирнова Е.В.", "Кузнецов А.Н.", "Соколов И.И.",
            "Волкова Н.Н.", "Морозов Д.А."]
ROOMS = [("каб. 21", 30), ("каб. 14", 30), ("каб. 8", 30), ("Мастерская", 30), ("Спортзал", 60)]
# teachers, subject, students sets, duration, lessons a week, active; ids are given in order
PLAN = [
    (["Иванова М.П."], "Математика", ["5А"], 1, 4, True),          # 1-4
    (["Иванова М.П."], "Математика", ["5Б"], 1, 4, True),          # 5-8
    (["Петрова А.С."], "Русский язык", ["5А"], 1, 3, True),        # 9-11
    (["Петрова А.С."], "Русский язык", ["5Б"], 1, 3, True),        # 12-14
    (["Петрова А.С."], "Литература", ["5А"], 1, 1, True),          # 15
    (["Петрова А.С."], "Литература", ["5Б"], 1, 1, True),          # 16
    (["Смирнова Е.В."], "Английский язык", ["5А-1"], 1, 2, True),  # 17-18
    (["Кузнецов А.Н."], "Английский язык", ["5А-2"], 1, 2, True),  # 19-20
    (["Смирнова Е.В."], "Английский язык", ["5Б"], 1, 2, True),    # 21-22
    (["Соколов И.И."], "Технология", ["5Б"], 2, 1, True),          # 23, a double lesson
    (["Соколов И.И."], "Технология", ["5А"], 2, 1, True),          # 24
    (["Волкова Н.Н.", "Кузнецов А.Н."], "Физическая культура", ["5А", "5Б"], 1, 1, True),  # 25
    (["Морозов Д.А."], "История", ["5А"], 1, 1, True),             # 26
    (["Морозов Д.А."], "История", ["5Б"], 1, 1, True),             # 27
    (["Морозов Д.А."], "История", ["5А"], 1, 1, False),            # 28, inactive
]
# English has no room: those lessons get none.
SUBJECT_ROOMS = [("Математика", "каб. 21"), ("Русский язык", "каб. 14"),
                 ("Литература", "каб. 14"), ("Технология", "Мастерская"),
                 ("Физическая культура", "Спортзал"), ("История", "каб. 8")]


def constraint(name, *fields):
    body = "".join(f"\t<{k}>{v}</{k}>\n" for k, v in fields)
    return f"<{name}>\n{body}\t<Active>true</Active>\n\t<Comments></Comments>\n</{name}>\n"


def impossible():
    """Соколов works only the first two hours of Monday and Tuesday, and both his double
    lessons must fall on one day: FET's checks pass, generation cannot finish."""
    free = {(d, h) for d in DAYS[:2] for h in HOURS[:2]}
    busy = [(d, h) for d in DAYS for h in HOURS if (d, h) not in free]
    times = "".join(f"\t<Not_Available_Time>\n\t\t<Day>{d}</Day>\n\t\t<Hour>{h}</Hour>\n"
                    "\t</Not_Available_Time>\n" for d, h in busy)
    return (f"<ConstraintTeacherNotAvailableTimes>\n\t<Weight_Percentage>100</Weight_Percentage>\n"
            f"\t<Teacher>Соколов И.И.</Teacher>\n"
            f"\t<Number_of_Not_Available_Times>{len(busy)}</Number_of_Not_Available_Times>\n"
            f"{times}\t<Active>true</Active>\n\t<Comments></Comments>\n"
            "</ConstraintTeacherNotAvailableTimes>\n" +
            constraint("ConstraintActivitiesSameStartingDay", ("Weight_Percentage", 100),
                       ("Number_of_Activities", 2), ("Activity_Id", 23), ("Activity_Id", 24)))


def school(extra_time_constraints=""):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n\n<fet version="6.8.5">\n\n'
           "<Mode>Official</Mode>\n\n<Institution_Name>ГБОУ Школа № 1234</Institution_Name>\n\n"
           "<Comments>Расписание 5-х классов</Comments>\n\n"]
    out.append(f"<Days_List>\n<Number_of_Days>{len(DAYS)}</Number_of_Days>\n")
    out += [f"<Day>\n\t<Name>{d}</Name>\n</Day>\n" for d in DAYS]
    out.append(f"</Days_List>\n\n<Hours_List>\n<Number_of_Hours>{len(HOURS)}</Number_of_Hours>\n")
    out += [f"<Hour>\n\t<Name>{h}</Name>\n</Hour>\n" for h in HOURS]
    out.append("</Hours_List>\n\n<Subjects_List>\n")
    out += [f"<Subject>\n\t<Name>{s}</Name>\n\t<Comments></Comments>\n</Subject>\n"
            for s in SUBJECTS]
    out.append("</Subjects_List>\n\n<Activity_Tags_List>\n</Activity_Tags_List>\n\n"
               "<Teachers_List>\n")
    out += [f"<Teacher>\n\t<Name>{t}</Name>\n\t<Target_Number_of_Hours>0</Target_Number_of_Hours>\n"
            "\t<Qualified_Subjects>\n\t</Qualified_Subjects>\n\t<Comments></Comments>\n</Teacher>\n"
            for t in TEACHERS]
    out.append("</Teachers_List>\n\n<Students_List>\n<Year>\n\t<Name>5</Name>\n"
               "\t<Number_of_Students>52</Number_of_Students>\n\t<Comments></Comments>\n"
               "\t<Group>\n\t\t<Name>5А</Name>\n\t\t<Number_of_Students>26</Number_of_Students>\n"
               "\t\t<Comments></Comments>\n")
    out += [f"\t\t<Subgroup>\n\t\t\t<Name>{s}</Name>\n"
            "\t\t\t<Number_of_Students>13</Number_of_Students>\n"
            "\t\t\t<Comments></Comments>\n\t\t</Subgroup>\n" for s in ["5А-1", "5А-2"]]
    out.append("\t</Group>\n\t<Group>\n\t\t<Name>5Б</Name>\n"
               "\t\t<Number_of_Students>26</Number_of_Students>\n\t\t<Comments></Comments>\n"
               "\t</Group>\n</Year>\n</Students_List>\n\n<Activities_List>\n")
    next_id = 1
    maths_5a = []
    for teachers, subject, students, duration, count, active in PLAN:
        group_id = next_id if count > 1 else 0
        for _ in range(count):
            out.append("<Activity>\n")
            out += [f"\t<Teacher>{t}</Teacher>\n" for t in teachers]
            out.append(f"\t<Subject>{subject}</Subject>\n")
            out += [f"\t<Students>{s}</Students>\n" for s in students]
            out.append(f"\t<Duration>{duration}</Duration>\n"
                       f"\t<Total_Duration>{duration * count}</Total_Duration>\n"
                       f"\t<Id>{next_id}</Id>\n\t<Activity_Group_Id>{group_id}</Activity_Group_Id>\n"
                       f"\t<Active>{'true' if active else 'false'}</Active>\n"
                       "\t<Comments></Comments>\n</Activity>\n")
            if subject == "Математика" and students == ["5А"]:
                maths_5a.append(next_id)
            next_id += 1
    out.append("</Activities_List>\n\n<Buildings_List>\n</Buildings_List>\n\n<Rooms_List>\n")
    out += [f"<Room>\n\t<Name>{r}</Name>\n\t<Building></Building>\n\t<Capacity>{c}</Capacity>\n"
            "\t<Virtual>false</Virtual>\n\t<Comments></Comments>\n</Room>\n" for r, c in ROOMS]
    out.append("</Rooms_List>\n\n<Time_Constraints_List>\n")
    out.append(constraint("ConstraintBasicCompulsoryTime", ("Weight_Percentage", 100)))
    out.append(constraint("ConstraintMinDaysBetweenActivities", ("Weight_Percentage", 95),
                          ("Consecutive_If_Same_Day", "true"),
                          ("Number_of_Activities", len(maths_5a)),
                          *[("Activity_Id", a) for a in maths_5a], ("MinDays", 1)))
    # A wish, not a placement: weight 95.
    out.append(constraint("ConstraintActivityPreferredStartingTime", ("Weight_Percentage", 95),
                          ("Activity_Id", 26), ("Preferred_Day", "Понедельник"),
                          ("Preferred_Hour", "08:30"), ("Permanently_Locked", "false")))
    out.append(extra_time_constraints)
    out.append("</Time_Constraints_List>\n\n<Space_Constraints_List>\n")
    out.append(constraint("ConstraintBasicCompulsorySpace", ("Weight_Percentage", 100)))
    out += [constraint("ConstraintSubjectPreferredRoom", ("Weight_Percentage", 100),
                       ("Subject", s), ("Room", r)) for s, r in SUBJECT_ROOMS]
    out.append("</Space_Constraints_List>\n\n</fet>\n")
    return "".join(out)


if __name__ == "__main__":
    if sys.argv[1:] == ["--impossible"]:
        sys.stdout.write(school(impossible()))
    else:
        with open("school-5.fet", "w", encoding="utf-8") as f:
            f.write(school())
