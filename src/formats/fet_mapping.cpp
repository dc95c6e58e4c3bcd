#include "formats/fet_mapping.h"

#include "formats/toml_file.h"
#include "util/error.h"

#include <string_view>

namespace schoolctl::formats {
namespace {

constexpr std::string_view tables_text =
    "a FET mapping has the tables [teachers], [subjects], [students], [rooms], [days] and "
    "[hours]";

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& key,
                       const std::string& reason) {
    throw Error(ExitCode::config, Location{file, line, key}, reason);
}

// `teachers."Иванова М.П."`: the key as the user would look for it in the file.
std::string key_text(std::string_view table, std::string_view name) {
    return std::string(table) + ".\"" + std::string(name) + "\"";
}

// What a value of each name table stands for, for the error that shows how to write it.
std::string_view example_of(std::string_view table) {
    if (table == "teachers") {
        return "a staff id or full name, e.g. \"T-0007\"";
    }
    if (table == "subjects") {
        return "a subject code or name, e.g. \"MATH\"";
    }
    if (table == "students") {
        return "a class or group, e.g. \"5А\" or \"5А англ. 1\"";
    }
    return "a room of school.rooms, e.g. \"101\", or \"\" for no room";
}

void read_names(const std::string& file, std::string_view table, const toml::table& items,
                std::map<std::string, FetMapped<std::string>>& out) {
    for (auto&& [key, node] : items) {
        const std::size_t line = key.source().begin.line;
        const std::string name(key.str());
        if (name.empty()) {
            fail(file, line, std::string(table), "an empty FET name (FET names are never empty)");
        }
        const auto* text = node.as_string();
        // Only a room may map to nothing: a lesson can have no room, not no teacher.
        if (text == nullptr || (text->get().empty() && table != "rooms")) {
            fail(file, line, key_text(table, name),
                 "expected what the FET name stands for: " + std::string(example_of(table)));
        }
        out[name] = {text->get(), line};
    }
}

void read_numbers(const std::string& file, std::string_view table, const toml::table& items,
                  int low, int high, std::map<std::string, FetMapped<int>>& out) {
    const std::string what =
        table == "days" ? "a weekday, 1 = Monday … 7 = Sunday" : "a lesson number from 0 to 15";
    for (auto&& [key, node] : items) {
        const std::size_t line = key.source().begin.line;
        const std::string name(key.str());
        if (name.empty()) {
            fail(file, line, std::string(table), "an empty FET name (FET names are never empty)");
        }
        const auto* number = node.as_integer();
        if (number == nullptr || number->get() < low || number->get() > high) {
            fail(file, line, key_text(table, name), "expected " + what + " as a number");
        }
        out[name] = {static_cast<int>(number->get()), line};
    }
}

} // namespace

FetMapping read_fet_mapping(const std::string& path) {
    const toml::table doc = read_toml_file(path, ExitCode::config, "mapping file").doc;
    FetMapping mapping;
    mapping.file = path;
    for (auto&& [key, node] : doc) {
        const std::string name(key.str());
        const auto* table = node.as_table();
        const std::size_t line = key.source().begin.line;
        if (name == "teachers" || name == "subjects" || name == "students" || name == "rooms") {
            if (table == nullptr) {
                fail(path, line, name,
                     "expected a table: [" + name +
                         "] and below it lines \"FET name\" = \"roster name\"");
            }
            auto& into = name == "teachers"   ? mapping.teachers
                         : name == "subjects" ? mapping.subjects
                         : name == "students" ? mapping.students
                                              : mapping.rooms;
            read_names(path, name, *table, into);
        } else if (name == "days" || name == "hours") {
            if (table == nullptr) {
                fail(path, line, name,
                     "expected a table: [" + name + "] and below it lines \"FET name\" = number");
            }
            const bool days = name == "days";
            read_numbers(path, name, *table, days ? 1 : 0, days ? 7 : 15,
                         days ? mapping.days : mapping.hours);
            (days ? mapping.has_days : mapping.has_hours) = true;
        } else {
            fail(path, line, name,
                 "unknown " + std::string(table ? "table" : "key") + "; " +
                     std::string(tables_text));
        }
    }
    return mapping;
}

} // namespace schoolctl::formats
