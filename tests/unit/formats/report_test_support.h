#pragma once
// Shared by the renderer tests: a small document with the awkward cases in it (Cyrillic with Ё,
// quotes, a delimiter, formula-like text, negative decimals, an empty cell), a private
// temporary directory, and running the external tools that read our files back.
#include "report/document.h"
#include "support/temp_dir.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace schoolctl::test {

inline domain::Date ymd(int y, unsigned m, unsigned d) {
    return domain::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline report::Document small_document() {
    using report::Align;
    using report::Decimal;
    report::Document doc;
    doc.kind = "class-list";
    doc.title = "Список класса";
    doc.school = "Школа № 1 & Co";
    doc.generated = "28.11.2026 17:43";
    doc.meta = {{"Учебный год", "2026/27"}};
    doc.section_key_title = "Класс";
    const std::vector<report::Column> columns = {{"№", 4, Align::right},
                                                 {"ФИО", 20, Align::left},
                                                 {"Дата рождения", 12, Align::center},
                                                 {"Балл", 8, Align::right},
                                                 {"Примечание", 20, Align::left}};
    report::Section a;
    a.key = "5А";
    a.heading = "Класс 5А";
    a.meta = {{"Классный руководитель", "Смирнова О. В."}};
    a.table.columns = columns;
    a.table.rows = {
        {std::int64_t{1}, std::string("Ёлкин Пётр"), ymd(2014, 3, 1), Decimal{458, 2},
         std::string("=1+2")},
        {std::int64_t{2}, std::string("Иванова \"Аня\""), ymd(2013, 12, 31), Decimal{5810, 2},
         std::string("a;b, <c>")},
    };
    a.notes = {"Сверено."};
    report::Section b;
    b.key = "5Б";
    b.heading = "Класс 5Б";
    b.table.columns = columns;
    b.table.rows = {
        {std::int64_t{1}, std::string("Юдин Семён"), std::monostate{}, Decimal{-5, 2},
         std::string("-1")},
    };
    doc.sections = {a, b};
    doc.footnotes = {"* на 28.11.2026"};
    return doc;
}

// A document with everything the writers add beyond cells: a column group, highlight rules
// (texts, below, at least), a bar and a line chart, and signature lines.
inline report::Document featured_document() {
    using report::Align;
    using report::Decimal;
    report::Document doc;
    doc.kind = "performance";
    doc.title = "Успеваемость по классам";
    doc.school = "Школа № 1";
    doc.generated = "28.11.2026 17:43";
    doc.section_key_title = "Параллель";
    report::Section s;
    s.key = "5";
    s.heading = "Параллель 5";
    report::Highlight failing;
    failing.texts = {"2", "н/а"};
    failing.below = Decimal{300, 2};
    report::Highlight low_quality;
    low_quality.below = Decimal{50, 0};
    report::Highlight absent;
    absent.at_least = Decimal{3000, 2};
    std::vector<report::Column> columns = {{"Класс", 8},
                                           {"I", 6, Align::right},
                                           {"II", 6, Align::right},
                                           {"год", 6, Align::right},
                                           {"Качество, %", 10, Align::right},
                                           {"Пропуски, %", 10, Align::right}};
    columns[1].highlight = failing;
    columns[2].highlight = failing;
    columns[3].highlight = failing;
    columns[4].highlight = low_quality;
    columns[5].highlight = absent;
    s.table.columns = columns;
    s.table.groups = {{"Математика", 1, 3}};
    s.table.rows = {
        {std::string("5А"), Decimal{420, 2}, Decimal{380, 2}, std::int64_t{4}, Decimal{6250, 2},
         Decimal{1210, 2}},
        {std::string("5Б"), Decimal{290, 2}, std::string("н/а"), std::int64_t{2},
         Decimal{4100, 2}, Decimal{3000, 2}},
        {std::string("5В"), Decimal{350, 2}, Decimal{410, 2}, std::int64_t{3}, Decimal{5500, 2},
         Decimal{2999, 2}},
        {std::string("5Ё"), Decimal{460, 2}, std::monostate{}, std::int64_t{5}, Decimal{8000, 2},
         Decimal{500, 2}},
    };
    s.notes = {"Качество — доля «4» и «5»."};
    report::Chart bar;
    bar.kind = report::Chart::Kind::bar;
    bar.title = "Качество знаний по классам, %";
    bar.category_column = 0;
    bar.value_columns = {4, 5};
    bar.value_axis = "%";
    report::Chart line;
    line.kind = report::Chart::Kind::line;
    line.title = "Средний балл по четвертям";
    line.category_column = 0;
    line.value_columns = {1, 2};
    line.value_axis = "балл";
    s.charts = {bar, line};
    doc.sections = {s};
    doc.signatures = {{"Директор", "Ёлкина А. П."}, {"Заместитель директора по УВР", ""}};
    return doc;
}

struct CommandResult {
    int status = -1;
    std::string output; // stdout only
};

// Runs a shell command (arguments must already be quoted) and collects its stdout.
inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) {
        result.output.append(buf, n);
    }
    const int rc = ::pclose(pipe);
    result.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return result;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'"; // our temp paths contain no quote
}

// Dark pixels of the first page rendered in grey at 150 dpi (PGM from pdftoppm): how a test
// tells a drawn glyph from a missing one (Ё against Е).
inline std::size_t dark_pixels(const std::filesystem::path& pdf) {
    const auto result = run_command("pdftoppm -gray -r 150 -f 1 -l 1 " + quoted(pdf) + " 2>/dev/null");
    REQUIRE(result.status == 0);
    std::istringstream in(result.output);
    std::string magic;
    int width = 0, height = 0, maxval = 0;
    in >> magic >> width >> height >> maxval;
    REQUIRE(magic == "P5");
    in.get();
    std::size_t dark = 0;
    for (int i = 0; i < width * height; ++i) {
        if (in.get() < 128) {
            ++dark;
        }
    }
    return dark;
}

} // namespace schoolctl::test
