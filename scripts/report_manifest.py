#!/usr/bin/python3
"""Describes what a `schoolctl report all` run wrote, for bench/raw_report_writers.cpp to write
as much again with the raw libraries.

    report_manifest.py DIR > MANIFEST

One line per file: `xlsx NAME ROWSxCOLS ...` with a sheet's rows (its <row> elements) and its
cells spread over them, or `pdf NAME PAGES LINES CELLS CHARS FONTS` with the page count
(pdfinfo), the lines of text a page holds on average, the cells of a line (pieces of text apart
by two or more spaces in pdftotext -layout), the characters of a cell, and the kind of fonts
the file embeds: `unicode` (Type0 CID fonts) or `cp1251` (single-byte TrueType fonts). NAME is the path under DIR with '/'
turned into '_', so the raw files land side by side.
"""
import pathlib
import re
import subprocess
import sys
import zipfile

root = pathlib.Path(sys.argv[1])
for path in sorted(root.rglob("*")):
    name = str(path.relative_to(root)).replace("/", "_")
    if path.suffix == ".xlsx":
        sheets = []
        with zipfile.ZipFile(path) as z:
            for member in sorted(z.namelist()):
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", member):
                    xml = z.read(member).decode("utf-8")
                    rows = max(1, xml.count("<row "))
                    cells = xml.count("<c ")
                    sheets.append(f"{rows}x{max(1, round(cells / rows))}")
        print("xlsx", name, *sheets)
    elif path.suffix == ".pdf":
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s*(\d+)", info, re.M).group(1))
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True).stdout
        lines = [line for line in text.splitlines() if line.strip()]
        pieces = [p for line in lines for p in re.split(r"\s{2,}", line.strip())]
        chars = sum(len(p) for p in pieces)
        fonts = "unicode" if b"/Type0" in path.read_bytes() else "cp1251"
        print("pdf", name, pages, max(1, round(len(lines) / pages)),
              max(1, round(len(pieces) / max(1, len(lines)))),
              max(1, round(chars / max(1, len(pieces)))), fonts)
