#include "formats/csv_reader.h"
#include "formats/xlsx_reader.h"
#include "formats/xlsx_sheet.h"
#include "formats/xlsx_text.h"
#include "formats/xlsx_workbook.h"
#include "formats/zip_test_support.h"
#include "support/temp_dir.h"
#include "util/crypto.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::CsvRecord;
using schoolctl::formats::xlsx_sheet_names;
using schoolctl::formats::XlsxReader;
using schoolctl::formats::XlsxReadOptions;
using schoolctl::test::TempDir;
using schoolctl::test::ZipPart;
using Fields = std::vector<std::string>;
namespace xlsx = schoolctl::formats::xlsx;

namespace {

std::string fixture(const std::string& name) {
    return std::string(SCHOOLCTL_SOURCE_DIR) + "/tests/data/xlsx/" + name;
}

const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook written part by part, so that each test states exactly the XML it is about.
struct Sheet {
    std::string name;
    std::string rows;   // what goes inside <sheetData>
    std::string target; // the relationship's target; "worksheets/sheetN.xml" when empty
};

struct Book {
    std::vector<Sheet> sheets{{"Лист1", {}, {}}};
    std::string shared_strings; // <si> items; no sharedStrings part when empty
    std::string styles;         // inside <styleSheet>; no styles part when empty
    std::string workbook_pr;    // e.g. <workbookPr date1904="1"/>
    std::vector<ZipPart> extra;
    bool package_rels = true;
};

std::string xml(const std::string& body) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           "\n" +
           body;
}

std::string sheet_xml(const std::string& rows) {
    return xml("<worksheet xmlns=\"" + main_ns + "\"><sheetData>" + rows +
               "</sheetData></worksheet>");
}

std::vector<ZipPart> parts_of(const Book& b) {
    std::vector<ZipPart> parts;
    if (b.package_rels) {
        parts.push_back(
            {"_rels/.rels", xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                                "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" +
                                rel_ns +
                                "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                                "</Relationships>")});
    }
    std::string sheets, rels;
    for (std::size_t i = 0; i < b.sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        const std::string target =
            b.sheets[i].target.empty() ? "worksheets/sheet" + n + ".xml" : b.sheets[i].target;
        sheets += "<sheet name=\"" + b.sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n +
                  "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"" +
                target + "\"/>";
        parts.push_back({"xl/worksheets/sheet" + n + ".xml", sheet_xml(b.sheets[i].rows)});
    }
    if (!b.shared_strings.empty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + rel_ns +
                "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts.push_back({"xl/sharedStrings.xml",
                         xml("<sst xmlns=\"" + main_ns + "\">" + b.shared_strings + "</sst>")});
    }
    if (!b.styles.empty()) {
        rels += "<Relationship Id=\"rIdT\" Type=\"" + rel_ns + "/styles\" Target=\"styles.xml\"/>";
        parts.push_back({"xl/styles.xml", xml("<styleSheet xmlns=\"" + main_ns + "\">" + b.styles +
                                              "</styleSheet>")});
    }
    parts.push_back(
        {"xl/workbook.xml", xml("<workbook xmlns=\"" + main_ns + "\" xmlns:r=\"" + rel_ns + "\">" +
                                b.workbook_pr + "<sheets>" + sheets + "</sheets></workbook>")});
    parts.push_back({"xl/_rels/workbook.xml.rels",
                     xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                         "relationships\">" +
                         rels + "</Relationships>")});
    parts.insert(parts.end(), b.extra.begin(), b.extra.end());
    return parts;
}

std::string write_book(const TempDir& dir, const Book& b, const std::string& name = "book.xlsx") {
    const std::string path = dir / name;
    schoolctl::test::write_zip(path, parts_of(b));
    return path;
}

// A one-sheet book with these rows.
Book rows_book(const std::string& rows) {
    Book b;
    b.sheets[0].rows = rows;
    return b;
}

struct Table {
    CsvRecord header;
    std::vector<CsvRecord> rows;
};

Table read_all(const std::string& path, const XlsxReadOptions& options = {}) {
    XlsxReader reader(path, options);
    Table t{reader.header(), {}};
    CsvRecord r;
    while (reader.next(r)) {
        t.rows.push_back(r);
    }
    return t;
}

// The header and the rows, all as field lists.
std::vector<Fields> all_fields(const std::string& path, const XlsxReadOptions& options = {}) {
    const Table t = read_all(path, options);
    std::vector<Fields> out{t.header.fields};
    for (const CsvRecord& r : t.rows) {
        out.push_back(r.fields);
    }
    return out;
}

Error error_for(const std::string& path, const XlsxReadOptions& options = {}) {
    try {
        read_all(path, options);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for " << path);
    return Error(ExitCode::ok, "");
}

std::string inline_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

std::string number_cell(const std::string& ref, const std::string& v, int style = 0) {
    return "<c r=\"" + ref + "\"" + (style ? " s=\"" + std::to_string(style) + "\"" : "") + "><v>" +
           v + "</v></c>";
}

// A cell styled with numFmtId `id` (style 1; style 0 is General).
std::string styles_with(const std::string& num_fmts, int id) {
    return num_fmts + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"" + std::to_string(id) +
           "\"/></cellXfs>";
}

std::string iso(const std::string& ddmmyyyy) { // "06.10.2015" -> "2015-10-06"
    return ddmmyyyy.substr(6, 4) + "-" + ddmmyyyy.substr(3, 2) + "-" + ddmmyyyy.substr(0, 2);
}

} // namespace

// ---- files written by real programs ------------------------------------------------------

TEST_CASE("xlsx: a roster saved by LibreOffice reads like the sample CSV", "[xlsx]") {
    const std::string path = fixture("students-libreoffice.xlsx");
    CHECK(xlsx_sheet_names(path) == Fields{"Ученики", "Учителя"});
    XlsxReader reader(path);
    CHECK(reader.sheet() == "Ученики");
    CHECK(reader.file() == path + "[Ученики]");
    CHECK(reader.header().line == 1);
    CHECK(reader.header().fields ==
          Fields{"id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"});

    const auto csv =
        schoolctl::formats::read_csv(std::string(SCHOOLCTL_SOURCE_DIR) + "/samples/students.csv");
    CsvRecord r;
    std::size_t n = 0;
    while (reader.next(r)) {
        REQUIRE(n < csv.records.size());
        Fields expected = csv.records[n].fields;
        expected[4] = iso(expected[4]); // a real date cell, shown as DD.MM.YYYY in Calc
        CHECK(r.fields == expected);
        CHECK(r.line == n + 2);
        ++n;
    }
    CHECK(n == 6);
    CHECK(reader.sha256() == schoolctl::crypto::sha256_hex(schoolctl::test::file_bytes(path)));
}

TEST_CASE("xlsx: the second sheet by name or by number", "[xlsx]") {
    const std::string path = fixture("students-libreoffice.xlsx");
    auto wanted = GENERATE(as<std::string>{}, "Учителя", "2");
    XlsxReadOptions options;
    options.sheet = wanted;
    const Table t = read_all(path, options);
    CHECK(t.header.fields == Fields{"id", "Фамилия", "Имя", "Отчество", "Должность"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].fields ==
          Fields{"T-0002", "Белова", "Татьяна", "Николаевна", "Учитель математики"});
    CHECK(XlsxReader(path, options).file() == path + "[Учителя]");
}

TEST_CASE("xlsx: cell types as LibreOffice writes them", "[xlsx]") {
    const std::string path = fixture("types-libreoffice.xlsx");
    CHECK(xlsx_sheet_names(path) == Fields{"Оценки 5А", "Пустой", "Sheet 3"});
    const Table t = read_all(path);
    CHECK(t.header.fields ==
          Fields{"Ученик", "Дата", "Балл", "Вес", "Формула", "Зачёт", "Заметка"});
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[0].fields == Fields{"Ёлкин Пётр", "2025-09-01", "5", "4.5", "10", "TRUE",
                                     "Важно: пересдача"}); // rich text runs joined
    CHECK(t.rows[1].line == 4);                            // row 3 is empty in the sheet
    CHECK(t.rows[1].fields ==
          Fields{"Семёнова Алёна", "", "4", "0.1", "#DIV/0!", "FALSE", "две\nстроки"});
    CHECK(t.rows[2].fields == Fields{"Ковалёв Фёдор", "2025-09-02 10:30:00", "1000000", "-3", "aб",
                                     "08:30:00", "0.25"});
    CHECK(t.rows[3].line == 10);
    CHECK(t.rows[3].fields == Fields{"Итого", "", "1000009"});
}

TEST_CASE("xlsx: an empty sheet is a data error; another sheet by its number", "[xlsx]") {
    const std::string path = fixture("types-libreoffice.xlsx");
    XlsxReadOptions options;
    options.sheet = "Пустой";
    const Error e = error_for(path, options);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + "[Пустой]: the sheet is empty (expected a header row)");
    options.sheet = "3";
    CHECK(read_all(path, options).header.fields == Fields{"only"});
}

TEST_CASE("xlsx: libxlsxwriter's shared and inline strings read the same", "[xlsx]") {
    auto name =
        GENERATE(as<std::string>{}, "types-xlsxwriter.xlsx", "types-xlsxwriter-inline.xlsx");
    CAPTURE(name);
    const std::vector<Fields> rows = all_fields(fixture(name));
    const std::vector<Fields> expected{
        {"id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс", "Балл", "Примечание"},
        {"1", "Ёлкин", "Пётр", "Сергеевич", "2016-08-25", "5А", "4.5", "Важно: пересдача"},
        {"2", "Семёнова", "Алёна", "", "2015-12-31", "5Б", "0.3",
         "табуляция\tи\x01управляющий"}, // _x0001_ decoded
        {"1000000", "", "", "", "", "", "TRUE"},
    };
    CHECK(rows == expected);
}

TEST_CASE("xlsx: openpyxl's ISO dates and character references", "[xlsx]") {
    const std::vector<Fields> rows = all_fields(fixture("types-openpyxl.xlsx"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == Fields{"id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс", "Урок"});
    CHECK(rows[1] ==
          Fields{"1", "Ёлкин", "Пётр", "Сергеевич", "2016-08-25", "5А", "2025-09-01 08:30:00"});
    CHECK(rows[2] == Fields{"2", "Семёнова", "Алёна", "", "2015-12-31", "5Б"});
}

// ---- finding the sheet ----------------------------------------------------------------------

TEST_CASE("xlsx: sheets are chosen by name, then by number; the default is the first", "[xlsx]") {
    TempDir dir;
    Book b;
    b.sheets = {{"Лист1", "<row>" + inline_cell("A1", "first") + "</row>", {}},
                {"2", "<row>" + inline_cell("A1", "named two") + "</row>", {}},
                {"Учителя", "<row>" + inline_cell("A1", "third") + "</row>", {}}};
    const std::string path = write_book(dir, b);
    auto [wanted, header] = GENERATE(table<std::string, std::string>({
        {"", "first"},
        {"Лист1", "first"},
        {"1", "first"},
        {"2", "named two"}, // the name wins over the position
        {"3", "third"},
        {"Учителя", "third"},
    }));
    CAPTURE(wanted);
    XlsxReadOptions options;
    if (!wanted.empty()) {
        options.sheet = wanted;
    }
    CHECK(read_all(path, options).header.fields == Fields{header});
}

TEST_CASE("xlsx: a sheet that does not exist is an error listing those that do", "[xlsx]") {
    TempDir dir;
    Book b;
    b.sheets = {{"Лист1", inline_cell("A1", "x"), {}}, {"Учителя", inline_cell("A1", "y"), {}}};
    const std::string path = write_book(dir, b);
    auto [wanted, message] = GENERATE(table<std::string, std::string>({
        {"Ученики", "no sheet \"Ученики\"; the workbook has 2 sheets: \"Лист1\", \"Учителя\""},
        {"учителя", "no sheet \"учителя\"; the workbook has 2 sheets: \"Лист1\", \"Учителя\""},
        {"3", "no sheet number 3; the workbook has 2 sheets: \"Лист1\", \"Учителя\""},
        {"0", "no sheet number 0; the workbook has 2 sheets: \"Лист1\", \"Учителя\""},
        {"99999999999999999999", "no sheet number 99999999999999999999; the workbook has 2 "
                                 "sheets: \"Лист1\", \"Учителя\""},
    }));
    XlsxReadOptions options;
    options.sheet = wanted;
    const Error e = error_for(path, options);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + ": " + message);
}

TEST_CASE("xlsx: relationship targets may be absolute or relative, with any prefix", "[xlsx]") {
    TempDir dir;
    Book b;
    b.sheets = {
        {"abs", "<row>" + inline_cell("A1", "absolute") + "</row>", "/xl/worksheets/sheet1.xml"},
        {"rel", "<row>" + inline_cell("A1", "relative") + "</row>",
         "./worksheets/../worksheets/sheet2.xml"},
        {"esc", "<row>" + inline_cell("A1", "escaped") + "</row>", "worksheets/sheet%33.xml"}};
    const std::string path = write_book(dir, b);
    for (const auto& [sheet, text] : std::vector<std::pair<std::string, std::string>>{
             {"abs", "absolute"}, {"rel", "relative"}, {"esc", "escaped"}}) {
        XlsxReadOptions options;
        options.sheet = sheet;
        CHECK(read_all(path, options).header.fields == Fields{text});
    }
    CHECK(xlsx::resolve_target("xl/", "../evil.xml") == "evil.xml");
    CHECK(xlsx::resolve_target("xl/", "../../evil.xml").empty());
}

TEST_CASE("xlsx: namespace prefixes and a workbook without package relationships", "[xlsx]") {
    TempDir dir;
    Book b;
    b.package_rels = false; // then xl/workbook.xml is where Excel puts it
    b.extra.push_back({"xl/worksheets/sheet9.xml",
                       xml("<x:worksheet xmlns:x=\"" + main_ns +
                           "\"><x:sheetData><x:row r=\"2\">"
                           "<x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>prefixed</x:t></x:is></x:c>"
                           "</x:row></x:sheetData></x:worksheet>")});
    b.sheets[0].target = "worksheets/sheet9.xml";
    const Table t = read_all(write_book(dir, b));
    CHECK(t.header.line == 2);
    CHECK(t.header.fields == Fields{"", "prefixed"});
}

TEST_CASE("xlsx: chart sheets are not worksheets", "[xlsx]") {
    TempDir dir;
    Book b;
    b.sheets = {{"Данные", "<row>" + inline_cell("A1", "data") + "</row>", {}}};
    std::vector<ZipPart> parts = parts_of(b);
    for (ZipPart& p : parts) {
        if (p.name == "xl/workbook.xml") {
            const std::string chart = "<sheet name=\"Диаграмма\" sheetId=\"9\" r:id=\"rIdC\"/>";
            p.data.insert(p.data.find("<sheet "), chart);
        } else if (p.name == "xl/_rels/workbook.xml.rels") {
            p.data.insert(p.data.find("<Relationship "),
                          "<Relationship Id=\"rIdC\" Type=\"" + rel_ns +
                              "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>");
        }
    }
    const std::string path = dir / "chart.xlsx";
    schoolctl::test::write_zip(path, parts);
    CHECK(xlsx_sheet_names(path) == Fields{"Данные"});
    CHECK(XlsxReader(path).sheet() == "Данные");
}

// ---- cells and rows -----------------------------------------------------------------------

TEST_CASE("xlsx: cells are placed by their reference; gaps are empty fields", "[xlsx]") {
    TempDir dir;
    const std::string path = write_book(
        dir, rows_book("<row r=\"3\">" + inline_cell("C3", "c") + inline_cell("E3", "e") +
                       "</row><row r=\"7\">" + inline_cell("B7", "b") + "</row>"));
    const Table t = read_all(path);
    CHECK(t.header.line == 3);
    CHECK(t.header.fields == Fields{"", "", "c", "", "e"});
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].line == 7); // rows 4-6 are not in the XML: skipped, not blank records
    CHECK(t.rows[0].fields == Fields{"", "b"});
}

TEST_CASE("xlsx: rows and cells without references follow the one before", "[xlsx]") {
    TempDir dir;
    const std::string path = write_book(
        dir, rows_book("<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>1</v></c></row>"
                       "<row r=\"5\"><c r=\"B5\"><v>2</v></c><c><v>3</v></c></row>"
                       "<row><c><v>4</v></c></row>"));
    const Table t = read_all(path);
    CHECK(t.header.line == 1);
    CHECK(t.header.fields == Fields{"a", "1"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].line == 5);
    CHECK(t.rows[0].fields == Fields{"", "2", "3"});
    CHECK(t.rows[1].line == 6);
    CHECK(t.rows[1].fields == Fields{"4"});
}

TEST_CASE("xlsx: trailing empty cells are dropped; blank rows are skipped", "[xlsx]") {
    TempDir dir;
    const std::string path = write_book(
        dir,
        rows_book(
            // Styled empty cells, an empty inline string and an empty value in every row.
            "<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\" s=\"1\"/></row>"
            "<row r=\"2\">" +
            inline_cell("A2", " \t ") + "</row>" + // spaces only: blank
            "<row r=\"3\">" + inline_cell("A3", " Фамилия ") + inline_cell("B3", "Имя\xC2\xA0") +
            "<c r=\"C3\" s=\"1\"/>" + inline_cell("D3", "") +
            "</row>"
            "<row r=\"4\">" +
            inline_cell("A4", " Ёлкин ") + "<c r=\"B4\"><v></v></c>" +
            "<c r=\"C4\" t=\"s\"/><c r=\"D4\" s=\"1\"/></row>"
            "<row r=\"5\">" +
            inline_cell("B5", "Пётр") + "<c r=\"E5\"/></row>"));
    const Table t = read_all(path);
    CHECK(t.header.line == 3);
    CHECK(t.header.fields == Fields{"Фамилия", "Имя"}); // header trimmed, like CSV headers
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields == Fields{" Ёлкин "}); // data is not trimmed
    CHECK(t.rows[1].fields == Fields{"", "Пётр"});
}

TEST_CASE("xlsx: the reader reuses the record it is given", "[xlsx]") {
    TempDir dir;
    const std::string path = write_book(
        dir, rows_book("<row r=\"1\">" + inline_cell("A1", "h") + "</row><row r=\"2\">" +
                       inline_cell("A2", "1") + inline_cell("B2", "2") + inline_cell("C2", "3") +
                       "</row><row r=\"3\">" + inline_cell("A3", "4") + "</row>"));
    XlsxReader reader(path);
    CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.fields == Fields{"1", "2", "3"});
    REQUIRE(reader.next(r));
    CHECK(r.fields == Fields{"4"});
    CHECK(r.line == 3);
    CHECK_FALSE(reader.next(r));
    CHECK_FALSE(reader.next(r));
}

TEST_CASE("xlsx: shared strings with rich text runs; phonetic runs are not text", "[xlsx]") {
    TempDir dir;
    Book b =
        rows_book("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
                  "</c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>");
    b.shared_strings =
        "<si><t>Ёлкин</t></si>"
        "<si><r><rPr><b/></rPr><t>Пётр</t></r><r><t xml:space=\"preserve\"> Сергеевич</t></r></si>"
        "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr "
        "fontId=\"1\"/></si>"
        "<si><t>line_x000D_\nbreak _x005F_x0041_ &amp; &lt;tag&gt; &#1025;</t></si>";
    const Table t = read_all(write_book(dir, b));
    CHECK(t.header.fields ==
          Fields{"Ёлкин", "Пётр Сергеевич", "東京", "line\r\nbreak _x0041_ & <tag> Ё"});
}

TEST_CASE("xlsx: inline strings, formula strings, booleans and errors", "[xlsx]") {
    TempDir dir;
    const std::string path = write_book(
        dir, rows_book("<row r=\"1\">"
                       "<c r=\"A1\" t=\"inlineStr\"><is><r><t>rich</t></r><r><t>er</t></r>"
                       "<rPh><t>x</t></rPh></is></c>"
                       "<c r=\"B1\" t=\"str\"><f>A1&amp;\"!\"</f><v>richer!</v></c>"
                       "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"b\"><v>0</v></c>"
                       "<c r=\"E1\" t=\"e\"><f>NA()</f><v>#N/A</v></c>"
                       "<c r=\"F1\" t=\"e\"><v>#DIV/0!</v></c>"
                       "<c r=\"G1\"><f>1+1</f><v>2</v></c>"
                       "<c r=\"H1\" t=\"d\"><v>2012-03-15T00:00:00Z</v></c>"
                       "<c r=\"I1\" t=\"inlineStr\"><is><t>tab_x0009_here</t></is></c>"
                       "</row>"));
    CHECK(read_all(path).header.fields == Fields{"richer", "richer!", "TRUE", "FALSE", "#N/A",
                                                 "#DIV/0!", "2", "2012-03-15", "tab\there"});
}

TEST_CASE("xlsx: numbers are the shortest text Excel would show", "[xlsx]") {
    auto [v, text] = GENERATE(table<std::string, std::string>({
        {"12", "12"},
        {"12.000000", "12"},
        {"4.5", "4.5"},
        {"-3", "-3"},
        {"0", "0"},
        {"-0", "0"},
        {"0.1", "0.1"},
        {"0.30000000000000004", "0.3"}, // 0.1 + 0.2, 17 digits as Excel saves it
        {"12.299999999999999", "12.3"},
        {"4.333333333333333", "4.33333333333333"},
        {"1000000", "1000000"},
        {"123456789012345", "123456789012345"},
        {"1E-3", "0.001"},
        {"1.5E+2", "150"},
        {"+7", "7"},
        {"1E+20", "1e+20"},
        {"1.23E-7", "1.23e-07"},
        {" 42 ", "42"},
        {"abc", "abc"}, // not a number: kept as written
    }));
    CAPTURE(v);
    CHECK(xlsx::number_text(std::string_view(v)) == text);
    TempDir dir;
    const std::string path = write_book(dir, rows_book("<row>" + number_cell("A1", v) + "</row>"));
    CHECK(read_all(path).header.fields == Fields{text});
}

TEST_CASE("xlsx: serial days become dates, with Excel's 1900 leap-year bug", "[xlsx]") {
    using xlsx::NumberKind;
    auto [serial, date1904, kind, text] = GENERATE(table<double, bool, NumberKind, std::string>({
        {1, false, NumberKind::date, "1900-01-01"},
        {59, false, NumberKind::date, "1900-02-28"},
        {60, false, NumberKind::date, "1900-02-29"}, // does not exist; Excel shows it
        {61, false, NumberKind::date, "1900-03-01"},
        {40983, false, NumberKind::date, "2012-03-15"},
        {45901, false, NumberKind::date, "2025-09-01"},
        {2958465, false, NumberKind::date, "9999-12-31"},
        {0, true, NumberKind::date, "1904-01-01"},
        {39521, true, NumberKind::date, "2012-03-15"},
        {40983.5, false, NumberKind::date, "2012-03-15 12:00:00"},
        {40983.99999999, false, NumberKind::date, "2012-03-16"}, // rounds to the second
        {0.354166666666667, false, NumberKind::time, "08:30:00"},
        {40983.25, false, NumberKind::time, "2012-03-15 06:00:00"},
    }));
    CAPTURE(serial, date1904);
    CHECK(xlsx::serial_date_text(serial, date1904, kind) == text);
}

TEST_CASE("xlsx: serial days outside the calendar stay numbers", "[xlsx]") {
    using xlsx::NumberKind;
    CHECK_FALSE(xlsx::serial_date_text(-1, false, NumberKind::date));
    CHECK_FALSE(xlsx::serial_date_text(0, false, NumberKind::date));
    CHECK_FALSE(xlsx::serial_date_text(2958466, false, NumberKind::date));
    CHECK_FALSE(xlsx::serial_date_text(std::nan(""), false, NumberKind::date));
    TempDir dir;
    Book b =
        rows_book("<row>" + number_cell("A1", "-5", 1) + number_cell("B1", "1E+300", 1) + "</row>");
    b.styles = styles_with("", 14);
    CHECK(read_all(write_book(dir, b)).header.fields == Fields{"-5", "1e+300"});
}

TEST_CASE("xlsx: which number formats are dates", "[xlsx]") {
    using xlsx::NumberKind;
    for (std::uint32_t id : {14u, 15u, 16u, 17u, 22u}) {
        CHECK(xlsx::builtin_format_kind(id) == NumberKind::date);
    }
    for (std::uint32_t id : {18u, 19u, 20u, 21u, 45u, 46u, 47u}) {
        CHECK(xlsx::builtin_format_kind(id) == NumberKind::time);
    }
    for (std::uint32_t id : {0u, 1u, 2u, 10u, 13u, 23u, 44u, 48u, 49u}) {
        CHECK(xlsx::builtin_format_kind(id) == NumberKind::number);
    }
    auto [code, kind] = GENERATE(table<std::string, NumberKind>({
        {"DD.MM.YYYY", NumberKind::date},
        {"dd\\.mm\\.yyyy", NumberKind::date},
        {"[$-419]D MMMM YYYY;@", NumberKind::date},
        {"yyyy-mm-dd h:mm:ss", NumberKind::date},
        {"mmm", NumberKind::date},
        {"hh:mm", NumberKind::time},
        {"[h]:mm", NumberKind::time},
        {"mm:ss.0", NumberKind::time},
        {"General", NumberKind::number},
        {"0.00", NumberKind::number},
        {"#,##0.00\\ \"₽\"", NumberKind::number},
        {"0\" дней\"", NumberKind::number},          // d and y inside quotes
        {"[Red]0.0;[Blue]-0.0", NumberKind::number}, // d inside brackets
        {"0\\d", NumberKind::number},                // an escaped d
        {"0_d*d", NumberKind::number},               // a space as wide as d, d as fill
        {"0.00E+00", NumberKind::number},
        {"@", NumberKind::number},
        {"\"TRUE\";\"TRUE\";\"FALSE\"", NumberKind::number},
    }));
    CAPTURE(code);
    CHECK(xlsx::format_code_kind(code) == kind);
}

TEST_CASE("xlsx: a number cell is a date when its style's format is", "[xlsx]") {
    TempDir dir;
    auto [num_fmts, id, text] = GENERATE(table<std::string, int, std::string>({
        {"", 14, "2012-03-15"},
        {"", 22, "2012-03-15"},
        {"", 2, "40983"},
        {"<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"DD.MM.YYYY\"/></numFmts>", 164,
         "2012-03-15"},
        {"<numFmts count=\"1\"><numFmt numFmtId=\"165\" formatCode=\"0.00&quot;д&quot;\"/>"
         "</numFmts>",
         165, "40983"},
        // A custom definition of a built-in id wins over the built-in meaning.
        {"<numFmts count=\"1\"><numFmt numFmtId=\"14\" formatCode=\"0.00\"/></numFmts>", 14,
         "40983"},
    }));
    CAPTURE(num_fmts, id);
    Book b = rows_book("<row>" + number_cell("A1", "40983", 1) + number_cell("B1", "40983") +
                       "<c r=\"C1\" s=\"1\" t=\"s\"><v>0</v></c></row>");
    b.shared_strings = "<si><t>40983</t></si>"; // text in a date style stays text
    b.styles = styles_with(num_fmts, id);
    CHECK(read_all(write_book(dir, b)).header.fields == Fields{text, "40983", "40983"});
}

TEST_CASE("xlsx: only cellXfs are cell styles; dxfs formats do not count", "[xlsx]") {
    TempDir dir;
    Book b = rows_book("<row>" + number_cell("A1", "40983", 0) + number_cell("B1", "40983", 1) +
                       "</row>");
    b.styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/></numFmts>"
               "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
               "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>"
               "<dxfs><dxf><numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy\"/></dxf></dxfs>";
    CHECK(read_all(write_book(dir, b)).header.fields == Fields{"40983", "40983"});
}

TEST_CASE("xlsx: the 1904 date system is read from the workbook", "[xlsx]") {
    TempDir dir;
    auto [pr, text] = GENERATE(table<std::string, std::string>({
        {"<workbookPr date1904=\"1\"/>", "2016-03-16"},
        {"<workbookPr date1904=\"true\"/>", "2016-03-16"},
        {"<workbookPr date1904=\"false\"/>", "2012-03-15"},
        {"", "2012-03-15"},
    }));
    Book b = rows_book("<row>" + number_cell("A1", "40983", 1) + "</row>");
    b.styles = styles_with("", 14);
    b.workbook_pr = pr;
    CHECK(read_all(write_book(dir, b)).header.fields == Fields{text});
}

TEST_CASE("xlsx: rows stream: those before a fault come out before it is reached", "[xlsx]") {
    TempDir dir;
    std::string rows;
    for (int i = 1; i <= 5000; ++i) {
        rows += "<row r=\"" + std::to_string(i) + "\">" +
                inline_cell("A" + std::to_string(i), "Ученик " + std::to_string(i)) + "</row>";
    }
    Book b = rows_book(rows + "<row r=\"5001\"><c r=\"A5001\"><v>1</v></broken>");
    const std::string path = write_book(dir, b);
    XlsxReader reader(path);
    CsvRecord r;
    int n = 1;
    try {
        while (reader.next(r)) {
            ++n;
            REQUIRE(r.fields == Fields{"Ученик " + std::to_string(n)});
        }
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/worksheets/sheet1.xml: malformed XML "
                                                      "at line 2, column "));
        CHECK_THAT(e.what(), Catch::EndsWith(": mismatched tag"));
    }
    CHECK(n == 5000);
}

TEST_CASE("xlsx: a sheet of 100,000 rows", "[xlsx]") {
    TempDir dir;
    std::string rows;
    rows.reserve(std::size_t{12} << 20);
    for (int i = 1; i <= 100000; ++i) {
        const std::string n = std::to_string(i);
        rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>" + std::to_string(i % 3) +
                "</v></c><c r=\"B" + n + "\"><v>" + n + "</v></c><c r=\"C" + n + "\" s=\"1\"><v>" +
                std::to_string(40000 + i % 3000) + "</v></c></row>";
    }
    Book b = rows_book(rows);
    b.shared_strings = "<si><t>Ёлкин</t></si><si><t>Пётр</t></si><si><t>Семёнова</t></si>";
    b.styles = styles_with("", 14);
    XlsxReader reader(write_book(dir, b));
    CsvRecord r;
    std::size_t n = 1;
    while (reader.next(r)) {
        ++n;
        REQUIRE(r.line == n);
        REQUIRE(r.fields.size() == 3);
        REQUIRE(r.fields[1] == std::to_string(n));
    }
    CHECK(n == 100000);
    CHECK(r.fields == Fields{"Пётр", "100000", "2012-04-01"});
}

// ---- files that are not workbooks ---------------------------------------------------------

TEST_CASE("xlsx: a missing file is 'no input', standard input a usage error", "[xlsx]") {
    TempDir dir;
    const std::string missing = dir / "missing.xlsx";
    try {
        XlsxReader reader(missing);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::no_input);
        CHECK_THAT(e.what(), Catch::StartsWith("cannot open " + missing + ": "));
    }
    try {
        XlsxReader reader("-");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::usage);
    }
}

TEST_CASE("xlsx: files that are not workbooks say what they are", "[xlsx]") {
    TempDir dir;
    auto [name, parts, message] = GENERATE(table<std::string, std::vector<ZipPart>, std::string>({
        {"word.docx",
         {{"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                          "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                          "schemas.openxmlformats.org/officeDocument/2006/relationships/"
                          "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
          {"word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"}},
         "the file is not an Excel workbook but a Word document"},
        {"oneroster.zip",
         {{"manifest.csv", "propertyName,value\n"}, {"orgs.csv", "sourcedId\n"}},
         "the file is a zip archive, but not an Excel workbook (it has no xl/workbook.xml)"},
        {"calc.ods",
         {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
          {"content.xml", "<office:document-content/>"}},
         "the file is not an Excel workbook but an OpenDocument file (.ods?); save it as .xlsx"},
        {"binary.xlsb",
         {{"_rels/.rels", "<Relationships><Relationship Id=\"r\" Type=\"http://schemas."
                          "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                          "Target=\"xl/workbook.bin\"/></Relationships>"},
          {"xl/workbook.bin", "\x83\x01\x00"}},
         "the file is an Excel binary workbook (.xlsb); save it as .xlsx"},
        {"other.xml.zip",
         {{"xl/workbook.xml", "<notaworkbook/>"}},
         "the file is not an Excel workbook (.xlsx)"},
    }));
    CAPTURE(name);
    const std::string path = dir / name;
    schoolctl::test::write_zip(path, parts);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + ": " + message);
}

TEST_CASE("xlsx: a CSV, an old .xls or an encrypted workbook is not a zip", "[xlsx]") {
    TempDir dir;
    const std::string csv = dir / "roster.xlsx";
    schoolctl::test::set_file_bytes(csv, "Фамилия;Имя\nЁлкин;Пётр\n");
    Error e = error_for(csv);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == csv + ": not a zip archive");

    const std::string ole = dir / "secret.xlsx";
    schoolctl::test::set_file_bytes(ole, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                                             std::string(504, '\0'));
    e = error_for(ole);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) ==
          ole + ": the file is an Excel 97-2003 workbook (.xls) or a password-protected one; "
                "save it as .xlsx without a password");
}

TEST_CASE("xlsx: a sheet whose part is missing", "[xlsx]") {
    TempDir dir;
    Book b;
    b.sheets[0].target = "worksheets/nowhere.xml";
    const std::string path = write_book(dir, b);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) ==
          path + ": sheet \"Лист1\" is missing from the workbook (no xl/worksheets/nowhere.xml)");
}

// ---- hostile files ------------------------------------------------------------------------

TEST_CASE("xlsx: a zip bomb in a sheet is refused", "[xlsx]") {
    TempDir dir;
    // 8 MiB of one repeated row: the file is tiny, the ratio far past 200:1.
    std::string rows;
    const std::string row = "<row><c t=\"inlineStr\"><is><t>bomb</t></is></c></row>";
    while (rows.size() < (std::size_t{8} << 20)) {
        rows += row;
    }
    Book b = rows_book(rows);
    const std::string path = write_book(dir, b);
    CHECK(schoolctl::test::file_bytes(path).size() < std::size_t{40} << 10);
    Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/worksheets/sheet1.xml: compressed more "
                                                  "than 200:1"));

    // The same with its size forged small: caught while inflating.
    schoolctl::test::forge_declared_size(path, "xl/worksheets/sheet1.xml", 1 << 20);
    e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/worksheets/sheet1.xml: "));
}

TEST_CASE("xlsx: a zip bomb in the shared strings is refused", "[xlsx]") {
    TempDir dir;
    Book b = rows_book("<row><c t=\"s\"><v>0</v></c></row>");
    std::string strings;
    while (strings.size() < (std::size_t{8} << 20)) {
        strings += "<si><t>aaaaaaaaaaaaaaaaaaaaaaaa</t></si>";
    }
    b.shared_strings = strings;
    const std::string path = write_book(dir, b);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/sharedStrings.xml: compressed more than "
                                                  "200:1"));
}

TEST_CASE("xlsx: shared strings past the limit are refused", "[xlsx]") {
    TempDir dir;
    Book b = rows_book("<row><c t=\"s\"><v>0</v></c></row>");
    for (int i = 0; i < 200; ++i) {
        b.shared_strings += "<si><t>Ученик " + std::to_string(i) + "</t></si>";
    }
    const std::string path = write_book(dir, b);
    XlsxReadOptions options;
    CHECK(read_all(path, options).header.fields == Fields{"Ученик 0"});
    options.max_shared_strings_bytes = 4096;
    const Error e = error_for(path, options);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/sharedStrings.xml: inflates to "));
    CHECK_THAT(e.what(), Catch::EndsWith("more than the limit of 4 KiB"));
}

TEST_CASE("xlsx: more than 10,000 entries are refused", "[xlsx]") {
    TempDir dir;
    Book b = rows_book(inline_cell("A1", "x"));
    for (int i = 0; i < 10000; ++i) {
        b.extra.push_back({"xl/media/image" + std::to_string(i) + ".png", {}, true});
    }
    const std::string path = write_book(dir, b);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": 1000"));
    CHECK_THAT(e.what(), Catch::EndsWith("entries in the zip archive, more than 10000"));
}

TEST_CASE("xlsx: entry names outside the package are refused", "[xlsx]") {
    auto name =
        GENERATE(as<std::string>{}, "../../etc/cron.d/evil", "/tmp/evil.xml", "xl/../../evil.xml");
    TempDir dir;
    Book b = rows_book(inline_cell("A1", "x"));
    b.extra.push_back({name, "x"});
    const std::string path = write_book(dir, b);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) ==
          path + ": " + name + ": unsafe entry name (absolute, or with \"..\")");
}

TEST_CASE("xlsx: a DOCTYPE in any part is refused (no entity expansion)", "[xlsx]") {
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                               "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                               "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
    auto part = GENERATE(as<std::string>{}, "xl/worksheets/sheet1.xml", "xl/workbook.xml",
                         "xl/sharedStrings.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels",
                         "_rels/.rels");
    CAPTURE(part);
    TempDir dir;
    Book b = rows_book("<row><c t=\"s\"><v>0</v></c></row>");
    b.shared_strings = "<si><t>&lol3;</t></si>";
    b.styles = styles_with("", 14);
    std::vector<ZipPart> parts = parts_of(b);
    for (ZipPart& p : parts) {
        if (p.name == part) {
            p.data = laughs + p.data.substr(p.data.find("?>") + 2);
        } else if (p.name == "xl/sharedStrings.xml") {
            p.data = "<sst xmlns=\"" + main_ns + "\"><si><t>lol</t></si></sst>";
        }
    }
    const std::string path = dir / "laughs.xlsx";
    schoolctl::test::write_zip(path, parts);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) ==
          path + ": " + part +
              ": the XML has a DOCTYPE declaration, which is refused (a "
              "workbook never has one; it can declare entities that expand "
              "without bound)");
}

TEST_CASE("xlsx: a cell over 32,767 characters is refused at its cell", "[xlsx]") {
    TempDir dir;
    const std::string ok(32767, 'a');
    const std::string cyrillic_ok = [] {
        std::string s;
        for (int i = 0; i < 32767; ++i) {
            s += "ё";
        }
        return s;
    }();
    const std::string path_ok = write_book(
        dir, rows_book("<row>" + inline_cell("A1", ok) + inline_cell("B1", cyrillic_ok) + "</row>"),
        "ok.xlsx");
    CHECK(read_all(path_ok).header.fields == Fields{ok, cyrillic_ok});

    auto [cell, what] = GENERATE(table<std::string, std::string>({
        {inline_cell("C4", std::string(32768, 'a')), "32,768 letters"},
        {inline_cell("C4",
                     [] {
                         std::string s;
                         for (int i = 0; i < 16384; ++i) {
                             s += "\xF0\x9F\x98\x80"; // outside the BMP: two UTF-16 units each
                         }
                         return s;
                     }()),
         "16,384 emoji"},
        {"<c r=\"C4\" t=\"str\"><v>" + std::string(40000, 'b') + "</v></c>", "a formula result"},
        {"<c r=\"C4\"><v>" + std::string(1 << 20, '7') + "</v></c>", "a megabyte of digits"},
    }));
    CAPTURE(what);
    const std::string path = write_book(dir, rows_book("<row r=\"1\">" + inline_cell("A1", "h") +
                                                       "</row><row r=\"4\">" + cell + "</row>"));
    XlsxReadOptions options;
    options.zip.max_ratio = 1'000'000; // a repeated letter deflates past any sane ratio
    const Error e = error_for(path, options);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + "[Лист1]:4: C4: the text is longer than 32767 "
                                          "characters (Excel's limit for a cell)");
}

TEST_CASE("xlsx: a shared string over 32,767 characters is refused", "[xlsx]") {
    TempDir dir;
    Book b = rows_book("<row><c t=\"s\"><v>0</v></c></row>");
    b.shared_strings = "<si><t>ok</t></si><si><r><t>" + std::string(20000, 'a') + "</t></r><r><t>" +
                       std::string(20000, 'a') + "</t></r></si>";
    const std::string path = write_book(dir, b);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) ==
          path + ": xl/sharedStrings.xml: shared string 1 is longer than 32767 characters "
                 "(Excel's limit for a cell)");
}

TEST_CASE("xlsx: an XML tag of megabytes is refused", "[xlsx]") {
    TempDir dir;
    const std::string path =
        write_book(dir, rows_book("<row><c r=\"A1\" x=\"" + std::string(std::size_t{6} << 20, 'x') +
                                  "\"><v>1</v></c></row>"));
    XlsxReadOptions options;
    options.zip.max_ratio = 1'000'000; // so that the tag, not the ratio, is what is refused
    const Error e = error_for(path, options);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + ": xl/worksheets/sheet1.xml: an XML tag longer than 4 "
                                          "MiB (a damaged or hostile file)");
}

TEST_CASE("xlsx: malformed cells are data errors at their place", "[xlsx]") {
    TempDir dir;
    auto [rows, message] = GENERATE(table<std::string, std::string>({
        {"<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row>",
         "[Лист1]:2: A2: shared string \"5\" is not in the table (it has 1)"},
        {"<row r=\"2\"><c r=\"B2\" t=\"s\"><v>x</v></c></row>",
         "[Лист1]:2: B2: shared string \"x\" is not in the table (it has 1)"},
        {"<row r=\"0\"/>", "[Лист1]: row number \"0\" is not a row of a sheet (1 to 1048576)"},
        {"<row r=\"1048577\"/>",
         "[Лист1]: row number \"1048577\" is not a row of a sheet (1 to 1048576)"},
        {"<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>",
         "[Лист1]:3: cell reference \"XFE3\" is not a cell of a sheet (A1 to XFD1048576)"},
        {"<row r=\"3\"><c r=\"3A\"><v>1</v></c></row>",
         "[Лист1]:3: cell reference \"3A\" is not a cell of a sheet (A1 to XFD1048576)"},
    }));
    CAPTURE(rows);
    Book b = rows_book(rows);
    b.shared_strings = "<si><t>only</t></si>";
    const std::string path = write_book(dir, b);
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + message);
}

TEST_CASE("xlsx: the last column XFD is a column; past it is refused", "[xlsx]") {
    TempDir dir;
    const Table t =
        read_all(write_book(dir, rows_book("<row>" + number_cell("XFD1", "1") + "</row>")));
    REQUIRE(t.header.fields.size() == 16384);
    CHECK(t.header.fields.back() == "1");
    CHECK(xlsx::column_name(0) == "A");
    CHECK(xlsx::column_name(25) == "Z");
    CHECK(xlsx::column_name(26) == "AA");
    CHECK(xlsx::column_name(16383) == "XFD");
}
