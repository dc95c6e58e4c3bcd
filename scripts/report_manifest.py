#!/usr/bin/python3
"""Describes what a `schoolctl report all` run wrote, for bench/raw_report_writers.cpp to write
the same again with the raw libraries: the same cells with the same values, the same pages with
the same text.

    report_manifest.py DIR > MANIFEST

A file is a header line and the lines of its content, tab-separated, in text escaped with \\t,
\\n and \\\\:

    xlsx NAME                  a workbook, then for each sheet
    sheet TITLE                and each of its rows that has cells
    row N CELL CELL ...        N from 0; a CELL is COL,nNUMBER, COL,sTEXT or COL,b (a blank
                               cell with a format: a ruled or shaded box), COL from 0
    pdf NAME FONTS             a PDF whose fonts are `unicode` (Type0 CID fonts) or `cp1251`
                               (single-byte TrueType fonts), then for each page
    page                       and each line of text on it (pdftotext -layout)
    line PIECE PIECE ...       the pieces of the line: text apart by two or more spaces

NAME is the path under DIR with '/' turned into '_', so the raw files land side by side.
"""
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def column(ref):
    """A1 -> 0, AB7 -> 27."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def strings_of(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(MAIN + "t")) for si in root.iter(MAIN + "si")]


def workbook(path, name, out):
    out.append(f"xlsx {name}")
    with zipfile.ZipFile(path) as z:
        strings = strings_of(z)
        titles = [s.get("name") for s in
                  ET.fromstring(z.read("xl/workbook.xml")).iter(MAIN + "sheet")]
        members = sorted((m for m in z.namelist()
                          if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", m)),
                         key=lambda m: int(re.search(r"(\d+)\.xml$", m).group(1)))
        for i, member in enumerate(members):
            out.append("sheet\t" + escape(titles[i] if i < len(titles) else f"Sheet{i + 1}"))
            for row in ET.fromstring(z.read(member)).iter(MAIN + "row"):
                cells = []
                for c in row.iter(MAIN + "c"):
                    col = column(c.get("r"))
                    v = c.find(MAIN + "v")
                    kind = c.get("t")
                    if kind == "s" and v is not None:
                        cells.append(f"{col},s" + escape(strings[int(v.text)]))
                    elif kind == "inlineStr":
                        text = "".join(t.text or "" for t in c.iter(MAIN + "t"))
                        cells.append(f"{col},s" + escape(text))
                    elif kind in ("str", "b", "e") and v is not None:
                        cells.append(f"{col},s" + escape(v.text or ""))
                    elif v is not None:
                        cells.append(f"{col},n{v.text}")
                    else:
                        cells.append(f"{col},b")
                if cells:
                    out.append(f"row\t{int(row.get('r')) - 1}\t" + "\t".join(cells))


def pdf(path, name, out):
    fonts = "unicode" if b"/Type0" in path.read_bytes() else "cp1251"
    out.append(f"pdf {name} {fonts}")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    for page in pages:
        out.append("page")
        for line in page.splitlines():
            pieces = [p for p in re.split(r"\s{2,}", line.strip()) if p]
            if pieces:
                out.append("line\t" + "\t".join(escape(p) for p in pieces))


def main():
    root = pathlib.Path(sys.argv[1])
    out = []
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root)).replace("/", "_")
        if path.suffix == ".xlsx":
            workbook(path, name, out)
        elif path.suffix == ".pdf":
            pdf(path, name, out)
    sys.stdout.write("\n".join(out) + "\n")


main()
