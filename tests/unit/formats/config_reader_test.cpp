#include "domain/date.h"
#include "formats/config_reader.h"
#include "formats/config_validate.h"

#include <algorithm>
#include <catch2/catch.hpp>

using schoolctl::formats::apply_config_file;
using schoolctl::formats::apply_config_text;
using schoolctl::formats::check_consistency;
using schoolctl::formats::ConfigState;

namespace {

// Every problem message of `text` read as "t.toml", after the cross-key rules too.
std::vector<std::string> problems_of(const std::string& text, ConfigState& state) {
    apply_config_text(text, "t.toml", state);
    check_consistency(state);
    std::vector<std::string> out;
    for (const auto& p : state.problems) {
        out.push_back(p.message());
    }
    return out;
}

std::vector<std::string> problems_of(const std::string& text) {
    ConfigState state;
    return problems_of(text, state);
}

schoolctl::domain::Date date(const char* text) {
    return *schoolctl::domain::parse_date(text);
}

const std::string year = "[academic_year]\n"
                         "start = 2026-09-01\n"
                         "end = 2027-05-26\n";

} // namespace

TEST_CASE("config reader: the sample configuration is valid", "[config]") {
    ConfigState state;
    apply_config_file(SCHOOLCTL_SOURCE_DIR "/samples/schoolctl.toml", state);
    check_consistency(state);
    std::vector<std::string> messages;
    for (const auto& p : state.problems) {
        messages.push_back(p.message());
    }
    REQUIRE(messages == std::vector<std::string>{});

    const auto& s = state.settings;
    CHECK(s.school_name == "ГБОУ Школа № 1234");
    REQUIRE(s.year_dates);
    CHECK(s.year_dates->start == date("2026-09-01"));
    CHECK(s.year_dates->end == date("2027-05-26"));
    REQUIRE(s.periods.size() == 4);
    CHECK(s.periods[1].code == "Q2");
    CHECK(s.periods[1].dates.start == date("2026-11-02"));
    REQUIRE(s.holidays.size() == 4);
    CHECK(s.holidays[2].grades == std::vector<int>{1});
    REQUIRE(s.bells.size() == 3);
    CHECK(s.bells[0].lessons.size() == 7);
    CHECK(s.bells[1].lessons[0].end == "09:05");
    CHECK(s.bells[1].to == date("2026-12-31"));
    CHECK(s.bells[2].from == date("2027-01-01"));
    CHECK(s.bells[2].lessons[0].end == "09:10");
    REQUIRE(s.production.size() == 8);
    CHECK(s.production[1].works_as == 5);
    CHECK(s.week_a == date("2026-09-01"));
    CHECK(s.rooms.size() == 15);
}

TEST_CASE("config reader: applies keys and records PATH:LINE", "[config]") {
    ConfigState state;
    auto problems = problems_of("# comment\n"
                                "[school]\n"
                                "name = \"ГБОУ Школа № 1234\"\n"
                                "[database]\n"
                                "busy_timeout_ms = 250\n"
                                "[[periods]]\n"
                                "code = \"H1\"\n"
                                "name = \"1 полугодие\"\n"
                                "start = 2026-09-01\n"
                                "end = 2026-12-26\n"
                                "[[periods]]\n"
                                "code = \"H2\"\n"
                                "name = \"2 полугодие\"\n"
                                "start = 2027-01-11\n"
                                "end = 2027-05-26\n" +
                                    year,
                                state);
    REQUIRE(problems.empty());
    CHECK(state.settings.school_name == "ГБОУ Школа № 1234");
    CHECK(state.settings.busy_timeout_ms == 250);
    CHECK(state.settings.database_path == "school.db"); // untouched default
    CHECK(state.sources.at("school.name").where.str() == "t.toml:3");
    CHECK(state.sources.at("database.busy_timeout_ms").where.str() == "t.toml:5");
    CHECK(state.sources.at("periods").item_lines == std::vector<std::size_t>{6, 11});
    CHECK(state.sources.count("database.path") == 0);
}

TEST_CASE("config reader: unknown keys name the line and suggest a fix", "[config]") {
    CHECK(problems_of("[school]\n\nnmae = \"x\"\n") ==
          std::vector<std::string>{
              "t.toml:3: unknown key \"school.nmae\"; did you mean \"school.name\"?"});
    CHECK(problems_of("[scool]\nname = \"x\"\n") ==
          std::vector<std::string>{"t.toml:1: unknown key \"scool\"; did you mean \"school\"?"});
    CHECK(problems_of("[school]\npath = \"x.db\"\n") ==
          std::vector<std::string>{
              "t.toml:2: unknown key \"school.path\"; did you mean \"database.path\"?"});
    CHECK(problems_of("colour = \"red\"\n") ==
          std::vector<std::string>{"t.toml:1: unknown key \"colour\""});
    CHECK(problems_of(year + "[[periods]]\ncode = \"Q1\"\nnmae = \"1\"\nname = \"1\"\n"
                             "start = 2026-09-01\nend = 2026-10-23\n") ==
          std::vector<std::string>{
              "t.toml:6: unknown key \"periods.nmae\"; did you mean \"periods.name\"?"});
}

TEST_CASE("config reader: a wrong type names the key, the line and both types", "[config]") {
    CHECK(problems_of("[database]\npath = \"a.db\"\nbusy_timeout_ms = \"5000\"\n") ==
          std::vector<std::string>{
              "t.toml:3: database.busy_timeout_ms: expected an integer, got a string"});
    CHECK(problems_of("[accounts]\nsession_hours = 1.5\n") ==
          std::vector<std::string>{"t.toml:2: accounts.session_hours: expected an integer, got "
                                   "a float"});
    CHECK(problems_of("school = \"x\"\n") ==
          std::vector<std::string>{"t.toml:1: school: expected a table, got a string"});
    CHECK(problems_of("[periods]\ncode = \"Q1\"\n") ==
          std::vector<std::string>{"t.toml:1: periods: expected an array of tables, got a table"});
}

TEST_CASE("config reader: every problem of a file is reported at once, in line order", "[config]") {
    ConfigState state;
    auto problems = problems_of("[school]\n"
                                "name = \"Школа\"\n"
                                "nmae = \"x\"\n"
                                "[database]\n"
                                "busy_timeout_ms = -1\n"
                                "[academic_year]\n"
                                "days_per_week = 7\n"
                                "[reports]\n"
                                "language = \"de\"\n"
                                "csv_dialect = \"tsv\"\n",
                                state);
    CHECK(problems ==
          std::vector<std::string>{
              "t.toml:3: unknown key \"school.nmae\"; did you mean \"school.name\"?",
              "t.toml:5: database.busy_timeout_ms: must be 0 or more, got -1",
              "t.toml:7: academic_year.days_per_week: must be 5 or 6, got 7",
              "t.toml:9: reports.language: must be \"ru\" or \"en\", got \"de\"",
              "t.toml:10: reports.csv_dialect: must be \"excel\" or \"rfc4180\", got \"tsv\"",
          });
    // The good key still applies; the bad ones keep their defaults.
    CHECK(state.settings.school_name == "Школа");
    CHECK(state.settings.busy_timeout_ms == 5000);
    CHECK(state.settings.report_language == "ru");
    // A problem names its key, so later rules can skip keys already known to be wrong.
    CHECK(state.problems[1].where.field == "database.busy_timeout_ms");
}

TEST_CASE("config reader: a TOML syntax error gives its line", "[config]") {
    auto problems = problems_of("[school]\nname = \"x\"\nshort_name = = \"y\"\n");
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("t.toml:3: TOML syntax error: "));
    CHECK_THAT(problems[0], Catch::Contains("(column "));

    auto duplicate = problems_of("[school]\nname = \"x\"\nname = \"y\"\n");
    REQUIRE(duplicate.size() == 1);
    CHECK_THAT(duplicate[0], Catch::StartsWith("t.toml:3: TOML syntax error: "));
}

TEST_CASE("config reader: dates as TOML dates or strings", "[config]") {
    using Row = std::tuple<std::string, std::string>;
    auto [start, end] = GENERATE(table<std::string, std::string>({
        Row{"2026-09-01", "2027-05-26"},
        Row{"\"2026-09-01\"", "\"2027-05-26\""},
        Row{"\"01.09.2026\"", "\"26.05.2027\""},
        Row{"2026-09-01", "\"26.05.2027\""},
    }));
    ConfigState state;
    auto problems =
        problems_of("[academic_year]\nstart = " + start + "\nend = " + end + "\n", state);
    CAPTURE(start, end);
    REQUIRE(problems.empty());
    REQUIRE(state.settings.year_dates);
    CHECK(state.settings.year_dates->start == date("2026-09-01"));
    CHECK(state.settings.year_dates->end == date("2027-05-26"));
}

TEST_CASE("config reader: what is not a date", "[config]") {
    CHECK(problems_of("[academic_year]\nstart = \"31.02.2027\"\nend = 2027-05-26\n") ==
          std::vector<std::string>{"t.toml:2: academic_year.start: \"31.02.2027\" is not a date "
                                   "(expected YYYY-MM-DD or DD.MM.YYYY)"});
    CHECK(problems_of("[academic_year]\nstart = 2026-09-01T08:00:00\nend = 2027-05-26\n") ==
          std::vector<std::string>{
              "t.toml:2: academic_year.start: expected a date (YYYY-MM-DD), got a date-time"});
}

TEST_CASE("config reader: string rules", "[config]") {
    CHECK(problems_of("[database]\npath = \"\"\n") ==
          std::vector<std::string>{"t.toml:2: database.path: must not be empty"});
    CHECK(problems_of("[school]\nlogin_url = \"school.example.org\"\n") ==
          std::vector<std::string>{"t.toml:2: school.login_url: \"school.example.org\" is not "
                                   "a web address (expected https://...)"});
    CHECK(problems_of("[accounts]\npassword_min_length = 6\n") ==
          std::vector<std::string>{
              "t.toml:2: accounts.password_min_length: must be from 8 to 128, got 6"});
}

TEST_CASE("config reader: periods and holidays entries", "[config]") {
    ConfigState state;
    auto problems = problems_of(year + "[[periods]]\n"           // 4
                                       "code = \"Q1\"\n"         // 5
                                       "start = 2026-10-23\n"    // 6
                                       "end = 2026-09-01\n"      // 7
                                       "[[periods]]\n"           // 8
                                       "code = \"Q2\"\n"         // 9
                                       "name = \"2 четверть\"\n" // 10
                                       "start = 2026-11-02\n"    // 11
                                       "end = 2026-12-26\n"      // 12
                                       "grades = [5, 12, 5]\n"   // 13
                                       "[[holidays]]\n"          // 14
                                       "name = \"Осенние\"\n"    // 15
                                       "start = 2026-10-24\n"    // 16
                                       "end = 2026-11-01\n",     // 17
                                state);
    CHECK(problems == std::vector<std::string>{
                          "t.toml:4: periods.name: is required but missing",
                          "t.toml:7: periods.end: 2026-09-01 is before start (2026-10-23)",
                          "t.toml:13: periods.grades: must be from 1 to 11, got 12",
                      });
    // Wrong entries are left out; the right ones apply.
    CHECK(state.settings.periods.empty());
    REQUIRE(state.settings.holidays.size() == 1);
    CHECK(state.settings.holidays[0].dates.end == date("2026-11-01"));
    CHECK(problems_of("[[holidays]]\nname = \"x\"\nstart = 2026-10-24\nend = 2026-11-01\n"
                      "grades = [1, 1]\n") ==
          std::vector<std::string>{"t.toml:5: holidays.grades: 1 is listed twice"});
}

TEST_CASE("config reader: bell schedules", "[config]") {
    ConfigState state;
    auto problems = problems_of("[[bells]]\n"
                                "name = \"Основное\"\n"
                                "lessons = [\n"
                                "  { number = 1, start = \"08:30\", end = \"09:15\" },\n" // 4
                                "  { number = 2, start = \"9:25\", end = \"10:10\" },\n"  // 5
                                "]\n"
                                "[[bells]]\n" // 7
                                "name = \"Сокращённое\"\n"
                                "lessons = [\n"
                                "  { number = 1, start = \"08:30\", end = \"08:30\" },\n" // 10
                                "  { number = 2, start = \"8.30\", end = \"09:00\" },\n"  // 11
                                "  { number = 3, start = \"09:10\", end = \"09:40\" },\n" // 12
                                "  { number = 3, start = \"09:50\", end = \"10:20\" },\n" // 13
                                "  { number = 4, start = \"10:00\", end = \"10:30\" },\n" // 14
                                "  { numbr = 5, start = \"10:40\", end = \"11:10\" },\n"  // 15
                                "]\n"
                                "[[bells]]\n" // 17
                                "name = \"Пустое\"\n"
                                "lessons = []\n",
                                state);
    CHECK(problems ==
          std::vector<std::string>{
              "t.toml:10: bells.lessons.end: lesson ends at 08:30, not after it starts (08:30)",
              "t.toml:11: bells.lessons.start: \"8.30\" is not a time (expected HH:MM)",
              "t.toml:13: bells.lessons.number: lesson 3 is listed twice",
              "t.toml:14: bells.lessons.start: lesson 4 starts at 10:00, before lesson 3 ends "
              "(10:20)",
              "t.toml:15: unknown key \"bells.lessons.numbr\"; did you mean "
              "\"bells.lessons.number\"?",
              "t.toml:15: bells.lessons.number: is required but missing",
              "t.toml:19: bells.lessons: must list at least one lesson",
          });
    REQUIRE(state.settings.bells.size() == 1);
    CHECK(state.settings.bells[0].lessons[1].start == "09:25"); // normalised
}

TEST_CASE("config reader: rules between keys", "[config]") {
    auto period = [](const char* code, const char* start, const char* end, const char* grades) {
        return std::string{"[[periods]]\ncode = \""} + code + "\"\nname = \"" + code +
               "\"\nstart = " + start + "\nend = " + end + "\n" + grades;
    };
    SECTION("periods inside the year, not overlapping for a common grade") {
        CHECK(problems_of(year + period("Q1", "2026-08-25", "2026-10-23", "") + // 4
                          period("Q2", "2026-10-20", "2026-12-26", "") +        // 9
                          period("H1", "2026-09-01", "2026-12-26", "grades = [10, 11]\n") +
                          period("Q2", "2027-01-11", "2027-03-19", "")) == // 20
              std::vector<std::string>{
                  "t.toml:4: periods: \"Q1\" (2026-08-25..2026-10-23) is not inside the "
                  "academic year (2026-09-01..2027-05-26)",
                  "t.toml:9: periods: \"Q2\" (2026-10-20..2026-12-26) overlaps \"Q1\" "
                  "(2026-08-25..2026-10-23)",
                  "t.toml:14: periods: \"H1\" (2026-09-01..2026-12-26) overlaps \"Q1\" "
                  "(2026-08-25..2026-10-23)",
                  "t.toml:20: periods.code: \"Q2\" is already the code of the period at line 9 "
                  "for the same grades",
              });
        // Separate grade sets may share dates.
        CHECK(problems_of(year + period("Q1", "2026-09-01", "2026-10-23", "grades = [5]\n") +
                          period("H1", "2026-09-01", "2026-12-26", "grades = [10, 11]\n"))
                  .empty());
    }
    SECTION("the academic year") {
        CHECK(problems_of("[academic_year]\nstart = 2027-05-26\nend = 2026-09-01\n") ==
              std::vector<std::string>{"t.toml:3: academic_year.end: 2026-09-01 is before "
                                       "academic_year.start (2027-05-26)"});
        CHECK(problems_of("[academic_year]\nstart = 2026-09-01\nend = 2028-05-26\n") ==
              std::vector<std::string>{"t.toml:3: academic_year.end: the academic year "
                                       "2026-09-01..2028-05-26 is longer than a year"});
        CHECK(problems_of("[academic_year]\nstart = 2026-09-01\n") ==
              std::vector<std::string>{"t.toml:2: academic_year.end: is required when "
                                       "academic_year.start is set"});
        CHECK(problems_of(period("Q1", "2026-09-01", "2026-10-23", "")) ==
              std::vector<std::string>{
                  "t.toml:1: periods: needs academic_year.start and academic_year.end"});
        // A wrong start is reported once, not again as "end without start".
        CHECK(problems_of("[academic_year]\nstart = \"1.9.2026\"\nend = 2027-05-26\n").size() == 1);
    }
    SECTION("holidays inside the year, bell schedule names unique") {
        CHECK(problems_of(year + "[[holidays]]\nname = \"Летние\"\nstart = 2027-06-01\n"
                                 "end = 2027-08-31\n"
                                 "[[bells]]\nname = \"A\"\nlessons = [{number = 1, start = "
                                 "\"08:30\", end = \"09:15\"}]\n"
                                 "[[bells]]\nname = \"A\"\nlessons = [{number = 1, start = "
                                 "\"08:30\", end = \"09:15\"}]\n") ==
              std::vector<std::string>{
                  "t.toml:4: holidays: \"Летние\" (2027-06-01..2027-08-31) is not inside the "
                  "academic year (2026-09-01..2027-05-26)",
                  "t.toml:11: bells.name: \"A\" is already the name of the schedule at line 8",
              });
    }
}

TEST_CASE("config reader: a file that cannot be read is an input error", "[config]") {
    ConfigState state;
    try {
        apply_config_file("/nonexistent/schoolctl.toml", state);
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::no_input);
        CHECK_THAT(e.what(), Catch::StartsWith("/nonexistent/schoolctl.toml: cannot read"));
    }
    try {
        apply_config_file(SCHOOLCTL_SOURCE_DIR "/samples", state);
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::no_input);
        CHECK_THAT(e.what(), Catch::EndsWith("samples: is a directory, not a config file"));
    }
}
