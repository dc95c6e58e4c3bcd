#include "formats/custom_report_spec.h"

#include "formats/toml_file.h"
#include "util/error.h"

namespace schoolctl::formats {
namespace {

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& key,
                       const std::string& reason) {
    throw Error(ExitCode::data, Location{file, line, key}, reason);
}

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

std::vector<SpecItem> strings(const std::string& file, const std::string& key,
                              const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr) {
        fail(file, line_of(node), key, "expected a list of strings: [\"…\", \"…\"]");
    }
    std::vector<SpecItem> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        std::string at = key + "[" + std::to_string(i + 1) + "]";
        const auto* s = item.as_string();
        if (s == nullptr || trim(s->get()).empty()) {
            fail(file, line_of(item), at, "expected a non-empty string");
        }
        out.push_back({trim(s->get()), line_of(item), at});
    }
    return out;
}

SpecCondition condition(const std::string& file, const SpecItem& item) {
    static const char* const ops[] = {"<=", ">=", "!=", "=", "<", ">"};
    for (const char* op : ops) {
        auto at = item.text.find(op);
        if (at != std::string::npos && at > 0) {
            std::string field = trim(item.text.substr(0, at));
            std::string value = trim(item.text.substr(at + std::string(op).size()));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            if (!field.empty() && !value.empty() && field.find(' ') == std::string::npos) {
                return {field, op, value, item.line, item.key};
            }
        }
    }
    fail(file, item.line, item.key,
         "\"" + item.text + "\" is not a condition: write «field op value» with op one of "
         "=, !=, <, <=, >, >= (e.g. \"missed_percent >= 10\")");
}

}  // namespace

CustomReportSpec read_custom_report_spec(const std::string& path) {
    const toml::table doc = read_toml_file(path, ExitCode::data).doc;
    CustomReportSpec spec;
    spec.file = path;
    bool any_columns = false;
    for (auto&& [k, node] : doc) {
        std::string key(k.str());
        std::size_t line = k.source().begin.line;
        if (key == "title") {
            const auto* s = node.as_string();
            if (s == nullptr) {
                fail(path, line, key, "expected a string");
            }
            spec.title = trim(s->get());
        } else if (key == "columns") {
            spec.columns = strings(path, key, node);
            any_columns = true;
        } else if (key == "where") {
            for (const auto& item : strings(path, key, node)) {
                spec.where.push_back(condition(path, item));
            }
        } else if (key == "sort") {
            for (auto item : strings(path, key, node)) {
                bool down = item.text.front() == '-';
                if (down) {
                    item.text = trim(item.text.substr(1));
                }
                spec.sort.push_back(item);
                spec.descending.push_back(down);
            }
        } else if (key == "group_by") {
            const auto* s = node.as_string();
            if (s == nullptr || (s->get() != "class" && s->get() != "none")) {
                fail(path, line, key, "expected \"class\" (a section per class) or \"none\"");
            }
            spec.group_by = s->get();
            spec.group_by_line = line;
        } else if (key == "titles") {
            const auto* t = node.as_table();
            if (t == nullptr) {
                fail(path, line, key, "expected a table: [titles] field = \"Title\"");
            }
            for (auto&& [field, title] : *t) {
                const auto* s = title.as_string();
                if (s == nullptr) {
                    fail(path, line_of(title), "titles." + std::string(field.str()),
                         "expected a string");
                }
                spec.titles.emplace_back(std::string(field.str()), s->get());
            }
        } else {
            fail(path, line, key,
                 "unknown key (the keys are title, columns, where, group_by, sort, [titles])");
        }
    }
    if (!any_columns || spec.columns.empty()) {
        fail(path, 0, "columns", "no columns: columns = [\"class\", \"pupil\", …]");
    }
    return spec;
}

}  // namespace schoolctl::formats
