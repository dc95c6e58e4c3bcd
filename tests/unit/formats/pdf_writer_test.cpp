#include "formats/pdf_writer.h"
#include "report_test_support.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <fstream>

using schoolctl::formats::PdfOptions;
using schoolctl::formats::write_pdf;
namespace report = schoolctl::report;
namespace test = schoolctl::test;

namespace {

constexpr std::time_t created = 1795887814; // 2026-11-28T17:43:34Z
const std::string font_dir = "/usr/share/fonts/truetype/liberation2/";

PdfOptions liberation() {
    return {font_dir + "LiberationSans-Regular.ttf", font_dir + "LiberationSans-Bold.ttf", created};
}

std::filesystem::path render(const test::TempDir& dir, const report::Document& doc,
                             const PdfOptions& options = liberation(),
                             const std::string& name = "report.pdf") {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::binary);
    write_pdf(doc, out, options);
    out.close();
    REQUIRE(out);
    return path;
}

std::string pdftotext(const std::filesystem::path& pdf, int first = 0, int last = 0) {
    std::string range;
    if (first > 0) {
        range = " -f " + std::to_string(first) + " -l " + std::to_string(last);
    }
    const auto result =
        test::run_command("pdftotext -layout" + range + " " + test::quoted(pdf) + " - 2>/dev/null");
    REQUIRE(result.status == 0);
    return result.output;
}

std::string pdfinfo(const std::filesystem::path& pdf) {
    const auto result =
        test::run_command("pdfinfo -isodates " + test::quoted(pdf) + " 2>/dev/null");
    REQUIRE(result.status == 0);
    return result.output;
}


report::Document long_document(std::size_t rows) {
    report::Document doc = test::small_document();
    doc.sections.resize(1);
    auto& table = doc.sections[0].table;
    const auto first = table.rows[0];
    table.rows.clear();
    for (std::size_t i = 0; i < rows; ++i) {
        auto row = first;
        row[0] = static_cast<std::int64_t>(i + 1);
        table.rows.push_back(row);
    }
    return doc;
}

} // namespace

TEST_CASE("PDF text can be extracted, Cyrillic and Ё included", "[formats][pdf]") {
    test::TempDir dir;
    const auto pdf = render(dir, test::small_document());
    const std::string text = pdftotext(pdf);
    for (const char* expected :
         {"Школа № 1 & Co", "Список класса", "Класс 5А", "Класс 5Б", "Ёлкин Пётр",
          "Иванова \"Аня\"", "58,10", "-0,05", "01.03.2014",
          "Классный руководитель: Смирнова О. В.", "Сверено.", "* на 28.11.2026",
          "Сформировано: 28.11.2026 17:43", "стр. 1 из 2", "стр. 2 из 2"}) {
        CAPTURE(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
}

TEST_CASE("PDF: A4, a page per section, creation date from the options", "[formats][pdf]") {
    test::TempDir dir;
    auto doc = test::small_document();
    std::string info = pdfinfo(render(dir, doc));
    CHECK(info.find("Pages:           2\n") != std::string::npos);
    CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.find("CreationDate:    2026-11-28T17:43:34Z") != std::string::npos);
    CHECK(info.find("Title:           Список класса") != std::string::npos);

    doc.orientation = report::Orientation::landscape;
    info = pdfinfo(render(dir, doc));
    CHECK(info.find("Page size:       841.89 x 595.276 pts (A4)") != std::string::npos);
}

TEST_CASE("PDF repeats the table header after a page break", "[formats][pdf]") {
    test::TempDir dir;
    const auto pdf = render(dir, long_document(150));
    const std::string info = pdfinfo(pdf);
    const auto at = info.find("Pages:");
    REQUIRE(at != std::string::npos);
    const int pages = std::stoi(info.substr(at + 6));
    REQUIRE(pages >= 3);
    for (int page = 1; page <= pages; ++page) {
        CAPTURE(page);
        const std::string text = pdftotext(pdf, page, page);
        CHECK(text.find("Дата рождения") != std::string::npos);
        CHECK((text.find("Список класса — Класс 5А (продолжение)") != std::string::npos) ==
              (page > 1));
        CHECK(text.find("стр. " + std::to_string(page) + " из " + std::to_string(pages)) !=
              std::string::npos);
    }
    CHECK(pdftotext(pdf, pages, pages).find(" 150 ") != std::string::npos);
}

TEST_CASE("PDF wraps long cell text instead of running over", "[formats][pdf]") {
    test::TempDir dir;
    auto doc = test::small_document();
    doc.sections[0].table.rows[0][4] = std::string(
        "очень длинное примечание, которое не помещается в ширину столбца и переносится");
    const std::string text = pdftotext(render(dir, doc), 1, 1);
    CHECK(text.find("очень длинное примечание, которое не помещается в ширину столбца и "
                    "переносится") == std::string::npos);
    CHECK(text.find("переносится") != std::string::npos);
}

// pdftotext reads the ToUnicode map, not the glyphs: a font that drops Ё still "passes" it. The
// picture does not lie: Ё is Е plus two dots, so it must leave more ink than Е.
TEST_CASE("PDF draws Ё as a glyph, not as a bare diaeresis", "[formats][pdf]") {
    test::TempDir dir;
    report::Document yo, ye;
    yo.title = "ЁЁЁЁЁЁЁЁЁЁ ёёёёёёёёёё";
    ye.title = "ЕЕЕЕЕЕЕЕЕЕ ееееееееее";
    const auto ink_yo = test::dark_pixels(render(dir, yo, liberation(), "yo.pdf"));
    const auto ink_ye = test::dark_pixels(render(dir, ye, liberation(), "ye.pdf"));
    CAPTURE(ink_yo, ink_ye);
    CHECK(ink_yo > ink_ye);
}

TEST_CASE("PDF output is reproducible with a fixed creation time", "[formats][pdf]") {
    test::TempDir dir;
    const auto a = test::read_file(render(dir, test::small_document(), liberation(), "a.pdf"));
    const auto b = test::read_file(render(dir, test::small_document(), liberation(), "b.pdf"));
    CHECK(a.size() > 1000);
    CHECK(a == b);
}

TEST_CASE("PDF survives text libharu cannot encode", "[formats][pdf]") {
    test::TempDir dir;
    auto doc = test::small_document();
    doc.sections[0].table.rows[0][1] = std::string("emoji \xF0\x9F\x98\x80 bad \xFF tab\tend");
    const std::string text = pdftotext(render(dir, doc), 1, 1);
    CHECK(text.find("emoji ? bad ? tab end") != std::string::npos);
}

// Russian text goes through single-byte Windows-1251 fonts; anything outside that code page
// (ü, Greek, ≤) makes the whole document use Unicode (Type0) fonts, and still reads the same.
TEST_CASE("PDF uses Unicode fonts only for text outside Windows-1251", "[formats][pdf]") {
    test::TempDir dir;
    auto doc = test::small_document();
    const auto russian = render(dir, doc, liberation(), "russian.pdf");
    CHECK(test::read_file(russian).find("/Type0") == std::string::npos);
    const std::string text = pdftotext(russian, 1, 1);
    CHECK(text.find("Ёлкин Пётр") != std::string::npos);

    doc.sections[0].notes.push_back("Müller, α ≤ β — «№ 5»");
    const auto other = render(dir, doc, liberation(), "other.pdf");
    CHECK(test::read_file(other).find("/Type0") != std::string::npos);
    const std::string mixed = pdftotext(other, 1, 1);
    CHECK(mixed.find("Ёлкин Пётр") != std::string::npos);
    CHECK(mixed.find("Müller, α ≤ β — «№ 5»") != std::string::npos);
    CHECK(pdfinfo(other).find("Title:           Список класса") != std::string::npos);
}

TEST_CASE("PDF with a missing font names the file and the config key", "[formats][pdf]") {
    test::TempDir dir;
    auto options = liberation();
    options.font_bold = (dir / "no-such-font.ttf").string();
    std::ostringstream out;
    try {
        write_pdf(test::small_document(), out, options);
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::no_input);
        const std::string message = e.what();
        CHECK(message.find(options.font_bold) != std::string::npos);
        CHECK(message.find("reports.font") != std::string::npos);
    }
}

TEST_CASE("PDF with a file that is not a font", "[formats][pdf]") {
    test::TempDir dir;
    auto options = liberation();
    options.font_regular = (dir / "fake.ttf").string();
    std::ofstream(options.font_regular) << "not a font at all";
    std::ostringstream out;
    try {
        write_pdf(test::small_document(), out, options);
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::no_input);
        CHECK(std::string(e.what()).find(options.font_regular) != std::string::npos);
    }
}

namespace {

// Pixels of page `page` (150 dpi) close to the highlight's light red, #FFC7CE.
std::size_t light_red_pixels(const std::filesystem::path& pdf, int page) {
    const auto result = test::run_command("pdftoppm -r 150 -f " + std::to_string(page) + " -l " +
                                          std::to_string(page) + " " + test::quoted(pdf) +
                                          " 2>/dev/null");
    REQUIRE(result.status == 0);
    std::istringstream in(result.output);
    std::string magic;
    int width = 0, height = 0, maxval = 0;
    in >> magic >> width >> height >> maxval;
    REQUIRE(magic == "P6");
    in.get();
    std::size_t n = 0;
    for (int i = 0; i < width * height; ++i) {
        const int r = in.get(), g = in.get(), b = in.get();
        if (r > 245 && g > 188 && g < 212 && b > 195 && b < 220) {
            ++n;
        }
    }
    return n;
}

} // namespace

TEST_CASE("PDF: group heading, charts and signatures on one page", "[formats][pdf]") {
    test::TempDir dir;
    const auto pdf = render(dir, test::featured_document());
    CHECK(pdfinfo(pdf).find("Pages:           1\n") != std::string::npos);
    const std::string text = pdftotext(pdf);
    for (const char* expected :
         {"Математика", "Качество знаний по классам, %", "Средний балл по четвертям", "5Ё",
          "Директор", "Ёлкина А. П.", "Заместитель директора по УВР", "Пропуски, %"}) {
        CAPTURE(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    // The group title stands above the column titles, the signatures after the charts.
    CHECK(text.find("Математика") < text.find("Класс"));
    CHECK(text.find("Средний балл по четвертям") < text.find("Директор"));
}

TEST_CASE("PDF fills highlighted cells light red, and only when a rule catches one",
          "[formats][pdf]") {
    test::TempDir dir;
    auto doc = test::featured_document();
    doc.sections[0].charts.clear(); // bars are coloured too
    const std::size_t caught = light_red_pixels(render(dir, doc, liberation(), "hl.pdf"), 1);
    for (auto& column : doc.sections[0].table.columns) {
        column.highlight.reset();
    }
    const std::size_t plain = light_red_pixels(render(dir, doc, liberation(), "plain.pdf"), 1);
    CHECK(plain == 0);
    CHECK(caught > 5 * 1000); // five cells, each well over 1,000 pixels at 150 dpi
}

TEST_CASE("PDF repeats the group heading and keeps signatures and charts whole",
          "[formats][pdf]") {
    test::TempDir dir;
    auto doc = test::featured_document();
    auto& rows = doc.sections[0].table.rows;
    const auto first = rows;
    for (int i = 0; i < 15; ++i) {
        rows.insert(rows.end(), first.begin(), first.end());
    }
    const auto pdf = render(dir, doc);
    const std::string info = pdfinfo(pdf);
    const auto at = info.find("Pages:");
    REQUIRE(at != std::string::npos);
    const int pages = std::stoi(info.substr(at + 6));
    CHECK(pages >= 2);
    CHECK(pages <= 4);
    for (int page = 1; page <= pages; ++page) {
        CAPTURE(page);
        const std::string text = pdftotext(pdf, page, page);
        if (text.find("62,50") != std::string::npos) { // a page with table rows has the heading
            CHECK(text.find("Математика") != std::string::npos);
        }
    }
    const std::string last = pdftotext(pdf, pages, pages);
    CHECK(last.find("Директор") != std::string::npos);
    CHECK(last.find("Заместитель директора по УВР") != std::string::npos);
}

TEST_CASE("PDF prints a table too wide for the page in slices, the pupil beside every mark",
          "[formats][pdf]") {
    test::TempDir dir;
    report::Document doc = test::small_document();
    doc.sections.resize(1);
    doc.orientation = report::Orientation::landscape;
    report::Table& table = doc.sections[0].table;
    table = {};
    table.columns = {{"№", 3}, {"Ученик", 15}};
    table.key_columns = 2;
    for (int s = 1; s <= 16; ++s) {
        const std::size_t first = table.columns.size();
        for (const char* p : {"I", "II", "III", "IV", "год"}) {
            table.columns.push_back({p, 3, report::Align::center});
        }
        table.groups.push_back({"Предмет" + std::to_string(s), first, 5});
    }
    for (std::int64_t r = 1; r <= 3; ++r) {
        std::vector<report::Cell> row{r, "Ёлкин Пётр " + std::to_string(r)};
        row.resize(table.columns.size(), report::Cell{std::string("н/а")});
        table.rows.push_back(row);
    }
    const std::string text = pdftotext(render(dir, doc));
    // 16 subjects × 15 units do not fit 770 pt at 6.5 pt a unit: every slice names the pupils.
    std::size_t names = 0;
    for (auto at = text.find("Ёлкин Пётр 1"); at != std::string::npos;
         at = text.find("Ёлкин Пётр 1", at + 1)) {
        ++names;
    }
    CHECK(names >= 3);
    CHECK(text.find("Предмет1") != std::string::npos);
    CHECK(text.find("Предмет16") != std::string::npos);
    CHECK(text.find("н/а") != std::string::npos);
}
