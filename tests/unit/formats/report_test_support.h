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
