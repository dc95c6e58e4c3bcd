#include "formats/xlsx_writer.h"
#include "formats/zip_archive.h"
#include "report_test_support.h"
#include "util/error.h"

#include <catch2/catch.hpp>

using schoolctl::formats::write_xlsx;
using schoolctl::formats::XlsxOptions;
namespace report = schoolctl::report;
namespace test = schoolctl::test;

namespace {

constexpr std::time_t created = 1795887814; // 2026-11-28T17:43:34Z

// Reads the workbook back with openpyxl (Debian's python3-openpyxl, hence /usr/bin/python3)
// and prints what a user would check: cells with their types and formats, panes, print setup.
constexpr const char* dump_script = R"PY(
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("title:", wb.properties.title)
print("created:", wb.properties.created.isoformat())
print("sheets:", "|".join(wb.sheetnames))
for ws in wb.worksheets:
    ps = ws.page_setup
    fit = ws.sheet_properties.pageSetUpPr
    print(f"[{ws.title}] freeze={ws.freeze_panes} filter={ws.auto_filter.ref}"
          f" repeat={ws.print_title_rows} paper={ps.paperSize} orientation={ps.orientation}"
          f" fit={fit.fitToPage if fit else None}"
          f" wide={1 if ps.fitToWidth is None else ps.fitToWidth} tall={ps.fitToHeight}")
    print("widths:", " ".join(f"{k}={round(d.width, 2):g}"
                              for k, d in sorted(ws.column_dimensions.items()) if d.customWidth))
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            if isinstance(v, datetime.datetime):
                v = v.date().isoformat()
            bold = " bold" if c.font.b else ""
            print(f"{c.coordinate} {c.data_type} {v!r} {c.number_format}{bold}")
)PY";

std::string dump(const test::TempDir& dir, const std::filesystem::path& xlsx) {
    const auto script = dir / "dump.py";
    { std::ofstream(script) << dump_script; }
    const auto result = test::run_command("/usr/bin/python3 " + test::quoted(script) + " " +
                                          test::quoted(xlsx) + " 2>&1");
    INFO(result.output);
    REQUIRE(result.status == 0);
    return result.output;
}

const std::string expected_small = R"(title: Список класса
created: 2026-11-28T17:43:34
sheets: 5А|5Б
[5А] freeze=A8 filter=A7:E9 repeat=$7:$7 paper=9 orientation=portrait fit=True wide=1 tall=0
widths: A=4.71 B=20.71 C=12.71 D=8.71 E=20.71
A1 s 'Список класса' General bold
A2 s 'Школа № 1 & Co' General
A3 s 'Класс 5А' General bold
A4 s 'Учебный год: 2026/27' General
A5 s 'Классный руководитель: Смирнова О. В.' General
A7 s '№' General bold
B7 s 'ФИО' General bold
C7 s 'Дата рождения' General bold
D7 s 'Балл' General bold
E7 s 'Примечание' General bold
A8 n 1 0
B8 s 'Ёлкин Пётр' General
C8 d '2014-03-01' dd.mm.yyyy
D8 n 4.58 0.00
E8 s '=1+2' General
A9 n 2 0
B9 s 'Иванова "Аня"' General
C9 d '2013-12-31' dd.mm.yyyy
D9 n 58.1 0.00
E9 s 'a;b, <c>' General
A11 s 'Сверено.' General
A12 s '* на 28.11.2026' General
A13 s 'Сформировано: 28.11.2026 17:43' General
[5Б] freeze=A7 filter=A6:E7 repeat=$6:$6 paper=9 orientation=portrait fit=True wide=1 tall=0
widths: A=4.71 B=20.71 C=12.71 D=8.71 E=20.71
A1 s 'Список класса' General bold
A2 s 'Школа № 1 & Co' General
A3 s 'Класс 5Б' General bold
A4 s 'Учебный год: 2026/27' General
A6 s '№' General bold
B6 s 'ФИО' General bold
C6 s 'Дата рождения' General bold
D6 s 'Балл' General bold
E6 s 'Примечание' General bold
A7 n 1 0
B7 s 'Юдин Семён' General
D7 n -0.05 0.00
E7 s '-1' General
A9 s '* на 28.11.2026' General
A10 s 'Сформировано: 28.11.2026 17:43' General
)";

} // namespace

TEST_CASE("XLSX has real cells, frozen header, filter and A4 print setup", "[formats][xlsx]") {
    test::TempDir dir;
    const auto path = dir / "report.xlsx";
    write_xlsx(test::small_document(), path, XlsxOptions{created});
    CHECK(dump(dir, path) == expected_small);
}

TEST_CASE("XLSX in constant_memory mode holds the same cells", "[formats][xlsx]") {
    test::TempDir dir;
    const auto path = dir / "report.xlsx";
    write_xlsx(test::small_document(), path, XlsxOptions{created, 0});
    CHECK(dump(dir, path) == expected_small);
}

TEST_CASE("XLSX landscape and unusual keys", "[formats][xlsx]") {
    test::TempDir dir;
    auto doc = test::small_document();
    doc.orientation = report::Orientation::landscape;
    doc.sections[0].key = "5/А: итоги первого полугодия 2026 года";
    doc.sections[1].key = "";
    doc.sections[1].table.rows[0][4] = std::string(40000, 'x'); // longer than a cell may hold
    const auto path = dir / "report.xlsx";
    write_xlsx(doc, path, XlsxOptions{created});
    const std::string out = dump(dir, path);
    CHECK(out.find("sheets: 5_А_ итоги первого полугодия 20|Лист 2\n") != std::string::npos);
    CHECK(out.find("orientation=landscape") != std::string::npos);
    CHECK(out.find("orientation=portrait") == std::string::npos);
    // Cut to Excel's 32,767 characters rather than failing the whole report.
    CHECK(out.find("E7 s '" + std::string(32767, 'x') + "' General\n") != std::string::npos);
}

TEST_CASE("XLSX of a document without sections still opens", "[formats][xlsx]") {
    test::TempDir dir;
    report::Document doc;
    doc.title = "Пусто";
    const auto path = dir / "empty.xlsx";
    write_xlsx(doc, path, XlsxOptions{created});
    const std::string out = dump(dir, path);
    CHECK(out.find("sheets: Лист 1\n") != std::string::npos);
    CHECK(out.find("A1 s 'Пусто' General bold\n") != std::string::npos);
}

TEST_CASE("XLSX into a missing directory is cant_create", "[formats][xlsx]") {
    test::TempDir dir;
    const auto path = dir / "missing" / "report.xlsx";
    try {
        write_xlsx(test::small_document(), path, XlsxOptions{created});
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::cant_create);
        CHECK(std::string(e.what()) ==
              "cannot create " + path.string() + ": No such file or directory");
    }
    CHECK(!std::filesystem::exists(path));
}

namespace {

// The featured document on a sheet named like a real class, so libxlsxwriter quotes it itself.
report::Document featured(const std::string& key = "5А") {
    auto doc = test::featured_document();
    doc.sections[0].key = key;
    return doc;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("XLSX groups: merged heading row, both header rows frozen and repeated",
          "[formats][xlsx]") {
    for (std::size_t constant_memory : {std::size_t{200'000}, std::size_t{0}}) {
        CAPTURE(constant_memory);
        test::TempDir dir;
        const auto path = dir / "report.xlsx";
        write_xlsx(featured(), path, XlsxOptions{created, constant_memory});
        const schoolctl::formats::ZipArchive zip(path.string());
        const std::string sheet = zip.read("xl/worksheets/sheet1.xml");
        CHECK(sheet.find("<mergeCell ref=\"B5:D5\"/>") != std::string::npos);
        const std::string out = dump(dir, path);
        CHECK(out.find("freeze=A7 filter=A6:F10 repeat=$5:$6") != std::string::npos);
        CHECK(out.find("B5 s 'Математика' General bold\n") != std::string::npos);
        CHECK(out.find("C6 s 'II' General bold\n") != std::string::npos);
        CHECK(out.find("B7 n 4.2 0.00\n") != std::string::npos);
    }
}

TEST_CASE("XLSX highlights are conditional formats on the data rows", "[formats][xlsx]") {
    test::TempDir dir;
    const auto path = dir / "report.xlsx";
    write_xlsx(featured(), path, XlsxOptions{created});
    const schoolctl::formats::ZipArchive zip(path.string());
    const std::string sheet = zip.read("xl/worksheets/sheet1.xml");
    CHECK(count(sheet, "<conditionalFormatting ") == 5);
    CHECK(sheet.find("<conditionalFormatting sqref=\"C7:C10\">") != std::string::npos);
    CHECK(sheet.find("<formula>\"н/а\"</formula>") != std::string::npos);
    // Numbers by formula, so empty cells (0 to Excel) and text are never caught.
    CHECK(sheet.find("<formula>AND(ISNUMBER(B7),B7&lt;3.00)</formula>") != std::string::npos);
    CHECK(sheet.find("<formula>AND(ISNUMBER(D7),D7=2)</formula>") != std::string::npos);
    CHECK(sheet.find("<formula>AND(ISNUMBER(F7),F7&gt;=30.00)</formula>") != std::string::npos);
    CHECK(sheet.find("<conditionalFormatting sqref=\"A7:A10\">") == std::string::npos);
    const std::string styles = zip.read("xl/styles.xml");
    CHECK(styles.find("<dxf>") != std::string::npos);
    CHECK(styles.find("FFFFC7CE") != std::string::npos);
}

TEST_CASE("XLSX charts refer to the section sheet's cells", "[formats][xlsx]") {
    for (const std::string key : {"5А", "5"}) {
        CAPTURE(key);
        test::TempDir dir;
        const auto path = dir / "report.xlsx";
        write_xlsx(featured(key), path, XlsxOptions{created});
        const schoolctl::formats::ZipArchive zip(path.string());
        REQUIRE(zip.contains("xl/charts/chart1.xml"));
        REQUIRE(zip.contains("xl/charts/chart2.xml"));
        CHECK(!zip.contains("xl/charts/chart3.xml"));
        const std::string bar = zip.read("xl/charts/chart1.xml");
        const std::string line = zip.read("xl/charts/chart2.xml");
        const std::string sheet = "'" + key + "'!";
        CHECK(bar.find("<c:barChart>") != std::string::npos);
        CHECK(bar.find("<c:barDir val=\"col\"/>") != std::string::npos);
        CHECK(bar.find("<c:f>" + sheet + "$A$7:$A$10</c:f>") != std::string::npos);
        CHECK(bar.find("<c:f>" + sheet + "$E$7:$E$10</c:f>") != std::string::npos);
        CHECK(bar.find("<c:f>" + sheet + "$F$7:$F$10</c:f>") != std::string::npos);
        CHECK(bar.find("<c:f>" + sheet + "$E$6</c:f>") != std::string::npos); // series name
        CHECK(bar.find("Качество знаний по классам, %") != std::string::npos);
        CHECK(line.find("<c:lineChart>") != std::string::npos);
        CHECK(line.find("<c:f>" + sheet + "$B$7:$B$10</c:f>") != std::string::npos);
        CHECK(line.find("<c:f>" + sheet + "$C$7:$C$10</c:f>") != std::string::npos);
        CHECK(line.find("балл") != std::string::npos);
        const std::string out = dump(dir, path);
        CHECK(out.find("A12 s 'Качество — доля «4» и «5».' General\n") != std::string::npos);
    }
}

TEST_CASE("XLSX without the additions has no merged cells, rules or charts", "[formats][xlsx]") {
    test::TempDir dir;
    const auto path = dir / "report.xlsx";
    write_xlsx(test::small_document(), path, XlsxOptions{created});
    const schoolctl::formats::ZipArchive zip(path.string());
    const std::string sheet = zip.read("xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<mergeCell") == std::string::npos);
    CHECK(sheet.find("<conditionalFormatting") == std::string::npos);
    CHECK(!zip.contains("xl/charts/chart1.xml"));
}
