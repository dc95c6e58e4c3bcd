"""Writes tests/data/xlsx/types-openpyxl.xlsx (see README.md there).

openpyxl is the third writer the reader is checked against; with iso_dates it writes date cells
as ISO 8601 text (t="d") instead of serial numbers. Run with Debian's interpreter:
    /usr/bin/python3 tests/data/xlsx/make_openpyxl_fixture.py tests/data/xlsx
"""
import datetime
import sys

from openpyxl import Workbook

out_dir = sys.argv[1] if len(sys.argv) > 1 else "."
wb = Workbook(iso_dates=True)
wb.properties.created = datetime.datetime(2025, 9, 1)
wb.properties.modified = datetime.datetime(2025, 9, 1)
ws = wb.active
ws.title = "Ученики"
ws.append(["id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс", "Урок"])
ws.append([1, "Ёлкин", "Пётр", "Сергеевич", datetime.date(2016, 8, 25), "5А",
           datetime.datetime(2025, 9, 1, 8, 30)])
ws.append([2, "Семёнова", "Алёна", None, datetime.date(2015, 12, 31), "5Б"])
wb.create_sheet("Учителя").append(["Фамилия"])
wb.save(f"{out_dir}/types-openpyxl.xlsx")
