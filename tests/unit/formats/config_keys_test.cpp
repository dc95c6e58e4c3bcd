#include "formats/config_keys.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

using schoolctl::formats::config_keys;
using schoolctl::formats::suggest_config_name;

namespace {

std::string man_page() {
    std::ifstream in(SCHOOLCTL_SOURCE_DIR "/man/schoolctl.toml.5");
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("config keys: names are unique and every key is described", "[config]") {
    std::set<std::string_view> names;
    for (const auto& key : config_keys()) {
        CAPTURE(key.name);
        CHECK(names.insert(key.name).second);
        CHECK(!key.doc.empty());
        CHECK(!key.type_name().empty());
    }
    CHECK(names.size() > 20);
}

TEST_CASE("config keys: the documented default is the built-in one", "[config]") {
    const schoolctl::domain::Settings defaults;
    for (const auto& key : config_keys()) {
        if (key.is_item_field()) {
            continue;
        }
        CAPTURE(key.name);
        CHECK(schoolctl::formats::to_toml(key.access.get(defaults)) == key.default_text);
    }
}

TEST_CASE("config keys: schoolctl.toml(5) documents every key", "[config][docs]") {
    const std::string page = man_page();
    for (const auto& key : config_keys()) {
        CAPTURE(key.name);
        // Each key has its own tagged paragraph: ".TP" then the name in bold.
        CHECK(page.find("\\fB" + std::string{key.name} + "\\fR") != std::string::npos);
    }
}

TEST_CASE("config keys: suggestions for misspelt names", "[config]") {
    using Row = std::tuple<std::string, std::string>;
    auto [typo, meant] = GENERATE(table<std::string, std::string>({
        Row{"school.nmae", "school.name"},
        Row{"scool", "school"},
        Row{"database.busy_timeout", "database.busy_timeout_ms"},
        Row{"reports.fnot", "reports.font"},
        Row{"school.path", "database.path"},
        Row{"periods.cod", "periods.code"},
        Row{"bells.lessons.numbr", "bells.lessons.number"},
        Row{"academic_year.days", ""},
        Row{"colour", ""},
    }));
    CAPTURE(typo);
    CHECK(suggest_config_name(typo).value_or("") == meant);
}

TEST_CASE("config keys: values as TOML text", "[config]") {
    using schoolctl::formats::to_toml;
    CHECK(to_toml(std::string{"Школа \"№ 1\"\\"}) == R"("Школа \"№ 1\"\\")");
    CHECK(to_toml(std::int64_t{5000}) == "5000");
    schoolctl::domain::BellSchedule bells{"Основное", {1}, {{1, "08:30", "09:05"}}, {}, {}, {}, {}};
    CHECK(to_toml(std::vector{bells}) ==
          R"([{ name = "Основное", grades = [1], lessons = [{ number = 1, start = "08:30", )"
          R"(end = "09:05" }] }])");
}
