#include "formats/fet_mapping.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::FetMapping;
using schoolctl::formats::read_fet_mapping;
using schoolctl::test::exit_code_of;
using schoolctl::test::TempDir;

namespace {

std::string write(const TempDir& dir, const std::string& text) {
    const auto path = (dir / "map.toml").string();
    std::ofstream(path) << text;
    return path;
}

// The message of the Error(config) that reading `text` as a mapping throws.
std::string config_error_of(const std::string& text) {
    TempDir dir;
    const std::string path = write(dir, text);
    try {
        read_fet_mapping(path);
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::config);
        const std::string message = e.what();
        REQUIRE(message.starts_with(path));
        return "map.toml" + message.substr(path.size());
    }
    FAIL("no error for:\n" << text);
    return {};
}

} // namespace

TEST_CASE("read_fet_mapping: every table", "[formats][fet]") {
    TempDir dir;
    const std::string path = write(dir, R"(# FET names -> the roster
[teachers]
"Иванова М.П." = "T-0007"
"Петрова А.С." = "Петрова Анна Сергеевна"
[subjects]
"ОДНКНР" = "ODNKNR"
[students]
"5А-1" = "5А англ. 1"
[rooms]
"каб. 101" = "101"
"Актовый зал" = ""      # no room
[days]
"Пн" = 1
"Вс" = 7
[hours]
"0 урок" = 0
"08:30" = 1
)");
    const FetMapping m = read_fet_mapping(path);
    CHECK(m.file == path);
    REQUIRE(m.teachers.size() == 2);
    CHECK(m.teachers.at("Иванова М.П.").to == "T-0007");
    CHECK(m.teachers.at("Иванова М.П.").line == 3);
    CHECK(m.teachers.at("Петрова А.С.").to == "Петрова Анна Сергеевна");
    CHECK(m.subjects.at("ОДНКНР").to == "ODNKNR");
    CHECK(m.students.at("5А-1").to == "5А англ. 1");
    CHECK(m.students.at("5А-1").line == 8);
    CHECK(m.rooms.at("каб. 101").to == "101");
    CHECK(m.rooms.at("Актовый зал").to.empty());
    CHECK(m.has_days);
    CHECK(m.days.at("Пн").to == 1);
    CHECK(m.days.at("Вс").to == 7);
    CHECK(m.days.at("Вс").line == 14);
    CHECK(m.has_hours);
    CHECK(m.hours.at("0 урок").to == 0);
    CHECK(m.hours.at("08:30").to == 1);
}

TEST_CASE("read_fet_mapping: every table is optional", "[formats][fet]") {
    TempDir dir;
    const FetMapping empty = read_fet_mapping(write(dir, "# nothing to map\n"));
    CHECK(empty.teachers.empty());
    CHECK_FALSE(empty.has_days);
    CHECK_FALSE(empty.has_hours);
    // An empty [days] table is there: then every day needs a line.
    CHECK(read_fet_mapping(write(dir, "[days]\n")).has_days);
}

TEST_CASE("read_fet_mapping: each mistake exits 78 with the file, line and key", "[formats][fet]") {
    CHECK(config_error_of("[teachers]\n\"Иванова М.П.\" = \"T-0007\n") ==
          "map.toml:2: Error while parsing string: unescaped control characters other than TAB "
          "(U+0009) are explicitly prohibited");
    CHECK(config_error_of("[teachers]\n\"A\" = \"T-1\"\n[teacher]\n\"B\" = \"T-2\"\n") ==
          "map.toml:3: teacher: unknown table; a FET mapping has the tables [teachers], "
          "[subjects], [students], [rooms], [days] and [hours]");
    CHECK(config_error_of("version = 2\n") ==
          "map.toml:1: version: unknown key; a FET mapping has the tables [teachers], "
          "[subjects], [students], [rooms], [days] and [hours]");
    CHECK(config_error_of("teachers = \"T-0007\"\n") ==
          "map.toml:1: teachers: expected a table: [teachers] and below it lines \"FET name\" = "
          "\"roster name\"");
    CHECK(config_error_of("[teachers]\n\n\"Иванова М.П.\" = 7\n") ==
          "map.toml:3: teachers.\"Иванова М.П.\": expected what the FET name stands for: a "
          "staff id or full name, e.g. \"T-0007\"");
    CHECK(config_error_of("[subjects]\n\"ОДНКНР\" = \"\"\n") ==
          "map.toml:2: subjects.\"ОДНКНР\": expected what the FET name stands for: a subject "
          "code or name, e.g. \"MATH\"");
    CHECK(config_error_of("[students]\n\"5А-1\" = [\"5А англ. 1\"]\n") ==
          "map.toml:2: students.\"5А-1\": expected what the FET name stands for: a class or "
          "group, e.g. \"5А\" or \"5А англ. 1\"");
    CHECK(config_error_of("[rooms]\n\"каб. 101\" = 101\n") ==
          "map.toml:2: rooms.\"каб. 101\": expected what the FET name stands for: a room of "
          "school.rooms, e.g. \"101\", or \"\" for no room");
    CHECK(config_error_of("[teachers]\n\"\" = \"T-0007\"\n") ==
          "map.toml:2: teachers: an empty FET name (FET names are never empty)");
    CHECK(config_error_of("[teachers.\"Иванова М.П.\"]\nid = \"T-0007\"\n") ==
          "map.toml:1: teachers.\"Иванова М.П.\": expected what the FET name stands for: a "
          "staff id or full name, e.g. \"T-0007\"");
    CHECK(config_error_of("[days]\n\"Пн\" = 1\n\"Сб\" = 8\n") ==
          "map.toml:3: days.\"Сб\": expected a weekday, 1 = Monday … 7 = Sunday as a number");
    CHECK(config_error_of("[days]\n\"Пн\" = \"понедельник\"\n") ==
          "map.toml:2: days.\"Пн\": expected a weekday, 1 = Monday … 7 = Sunday as a number");
    CHECK(config_error_of("[hours]\n\"08:30\" = -1\n") ==
          "map.toml:2: hours.\"08:30\": expected a lesson number from 0 to 15 as a number");
    CHECK(config_error_of("[hours]\n\"08:30\" = 16\n") ==
          "map.toml:2: hours.\"08:30\": expected a lesson number from 0 to 15 as a number");
    CHECK(config_error_of("days = [1, 2]\n") ==
          "map.toml:1: days: expected a table: [days] and below it lines \"FET name\" = number");
    // TOML itself refuses a name mapped twice.
    CHECK(config_error_of("[teachers]\n\"A\" = \"T-1\"\n\"A\" = \"T-2\"\n")
              .starts_with("map.toml:3: "));
}

TEST_CASE("read_fet_mapping: a missing file exits 66", "[formats][fet]") {
    TempDir dir;
    CHECK(exit_code_of([&] { read_fet_mapping((dir / "missing.toml").string()); }) ==
          ExitCode::no_input);
}
