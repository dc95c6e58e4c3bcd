#!/usr/bin/python3
"""Opens the period reports the way their readers do and checks what a reader relies on.

    check_period_reports.py DIR

DIR holds what tests/cli/report_period.test wrote: performance.xlsx and .pdf (--period year, every
class), attendance.xlsx and school-summary.xlsx (Q1), class-summary.pdf and class-summary.html (Q1), with
reports.signatures naming the director. XLSX is read with openpyxl
(sheets, typed cells, frozen header and pupil columns, merged group heading, conditional formats) and converted by
LibreOffice when it is installed; the PDF is checked by qpdf and its text by pdftotext (Cyrillic,
Ё included); the HTML is printed to PDF by headless Chromium when it is installed. Exits 1 with
every failed check listed.
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def performance(path):
    book = openpyxl.load_workbook(path)
    check(book.sheetnames == ["5А", "5Б", "6А", "6Б"], f"performance sheets: {book.sheetnames}")
    ws = book["5А"]
    merged = [str(r) for r in ws.merged_cells.ranges]
    header_row = None
    for row in ws.iter_rows(min_row=1, max_row=15):
        if row[0].value == "№":
            header_row = row[0].row
    check(header_row is not None, "performance: no column-title row starting with №")
    if header_row is None:
        return
    group_row = header_row - 1
    groups = {ws.cell(group_row, c).value for c in range(1, ws.max_column + 1)} - {None}
    check({"Русский язык", "Математика", "Пропущено"} <= groups,
          f"performance: group heading row lacks subjects: {sorted(groups)}")
    check(f"C{group_row}:G{group_row}" in merged,
          f"performance: the first subject's heading is not merged: {merged[:5]}")
    titles = [ws.cell(header_row, c).value for c in range(1, 9)]
    check(titles[:8] == ["№", "Ученик", "I", "II", "III", "IV", "год", "I"],
          f"performance: column titles {titles}")
    # Frozen under the header and right of № and the pupil, who stay beside every mark.
    check(ws.freeze_panes == f"C{header_row + 1}",
          f"performance: frozen at {ws.freeze_panes}, not under the header beside the pupil")
    first = header_row + 1
    check(ws.cell(first, 1).value == 1 and isinstance(ws.cell(first, 1).value, int),
          "performance: № is not a number")
    check(ws.cell(first, 2).value == "Абрамова Д. Е.",
          f"performance: first pupil {ws.cell(first, 2).value!r}")
    check(isinstance(ws.cell(first, 3).value, str), "performance: a mark is not text")
    days_col = ws.max_column - 2
    check(isinstance(ws.cell(first, days_col).value, int),
          f"performance: days missed is {type(ws.cell(first, days_col).value)}")
    rules = [str(rule.formula) for cf in ws.conditional_formatting for rule in cf.rules]
    check(any("н/а" in r for r in rules), f"performance: no rule for «н/а»: {rules[:3]}")
    check(ws.page_setup.orientation == "landscape", "performance: not landscape")
    check(ws.print_title_rows is not None, "performance: header rows not repeated on print")


def attendance(path):
    book = openpyxl.load_workbook(path)
    ws = book["5А"]
    rows = list(ws.iter_rows(values_only=True))
    zubkov = next((r for r in rows if r[1] == "Зубков Максим Васильевич"), None)
    check(zubkov is not None, "attendance: Зубков missing")
    if zubkov:
        check(zubkov[2] == 210 and zubkov[3] == 81, f"attendance: Зубков {zubkov[:4]}")
        check(isinstance(zubkov[-1], float) and abs(zubkov[-1] - 38.57) < 1e-9,
              f"attendance: Зубков's share {zubkov[-1]!r}")
    total = rows[-1] if rows else ()
    check(any(r[1] == "Итого" for r in rows), "attendance: no total row")
    rules = [str(rule.formula) for cf in ws.conditional_formatting for rule in cf.rules]
    check(any("30" in r for r in rules), f"attendance: no 30 % rule: {rules}")
    del total
    # Wrapped text gets the row height it needs («Уроков по расписанию» in a column nine
    # digits wide takes three lines); a row of short text keeps the default height.
    titles = next((i for i, r in enumerate(rows, 1) if r[0] == "№"), None)
    check(titles is not None, "attendance: no row of column titles")
    if titles:
        height = ws.row_dimensions[titles].height
        check(height is not None and height >= 45, f"attendance: titles' row height {height}")
        check(ws.row_dimensions[titles + 1].height is None,
              f"attendance: first pupil's row height {ws.row_dimensions[titles + 1].height}")
    # A name as long as its column is wide takes two lines.
    kozlova = next((i for i, r in enumerate(rows, 1) if r[1] == "Козлова Анастасия Владимировна"),
                   None)
    check(kozlova is not None, "attendance: Козлова missing")
    if kozlova:
        height = ws.row_dimensions[kozlova].height
        check(height is not None and height >= 30, f"attendance: Козлова's row height {height}")


def school_summary(path):
    book = openpyxl.load_workbook(path)
    check(book.sheetnames == ["Классы", "Параллели", "Предметы", "Учителя", "Динамика"],
          f"school-summary sheets: {book.sheetnames}")
    charts = {name: len(book[name]._charts) for name in book.sheetnames}
    check(charts["Классы"] == 1 and charts["Динамика"] == 1,
          f"school-summary: charts per sheet {charts}")
    rows = list(book["Классы"].iter_rows(values_only=True))
    school = next((r for r in rows if r[0] == "Школа"), None)
    check(school is not None and school[1] == 100 and school[8] == 37 and school[9] == 3.37,
          f"school-summary: the school's row {school}")


def class_summary_pdf(path):
    check(subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0,
          "class-summary.pdf: qpdf --check fails")
    text = pdf_text(path)
    for needle in ["Отчёт классного руководителя за период", "Класс 5А", "Класс 6Б",
                   "Соловьёва Е. А.", "Качество знаний, %", "Фёдорова К. Р.", "стр. 1 из 4",
                   "Директор", "Иванова А. А."]:
        check(needle in text, f"class-summary.pdf: no «{needle}»")
    check(pdf_pages(path) == 4, "class-summary.pdf: not a page per class")


def performance_pdf(path):
    text = pdf_text(path)
    for needle in ["Сводная ведомость успеваемости", "Ёлкин П.", "Пропущено"]:
        check(needle in text, f"performance.pdf: no «{needle}»")


def with_libreoffice(xlsx):
    soffice = shutil.which("soffice")
    if soffice is None:
        print("note: LibreOffice is not installed; XLSX not converted", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out}/profile",
                        "--convert-to", "pdf", "--outdir", out, str(xlsx)],
                       check=True, capture_output=True, timeout=180)
        pdf = pathlib.Path(out) / (xlsx.stem + ".pdf")
        check(pdf.exists(), "LibreOffice did not convert performance.xlsx")
        if pdf.exists():
            text = pdf_text(pdf)
            check("Сводная ведомость успеваемости" in text and "Ёлкин" in text,
                  "performance.xlsx printed by LibreOffice lacks its title or Ёлкин")


def with_chromium(html):
    chromium = shutil.which("chromium")
    if chromium is None:
        print("note: Chromium is not installed; HTML not printed", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as out:
        pdf = pathlib.Path(out) / "printed.pdf"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        f"--user-data-dir={out}/profile", f"--print-to-pdf={pdf}",
                        "--no-pdf-header-footer", html.resolve().as_uri()],
                       check=True, capture_output=True, timeout=180)
        text = pdf_text(pdf)
        check("Отчёт классного руководителя за период" in text and "Соловьёва" in text,
              "class-summary.html printed by Chromium lacks its title or Соловьёва")


def main():
    d = pathlib.Path(sys.argv[1])
    performance(d / "performance.xlsx")
    attendance(d / "attendance.xlsx")
    school_summary(d / "school-summary.xlsx")
    class_summary_pdf(d / "class-summary.pdf")
    performance_pdf(d / "performance.pdf")
    with_libreoffice(d / "performance.xlsx")
    with_chromium(d / "class-summary.html")
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
