#pragma once
// A report the school defines itself, in a TOML file: which columns (from the catalogue of
// schoolctl-report(1)), which rows (conditions on the columns' values), a section per class or
// one table, and the order. Read here with every key's line, so that app/ can name the line of
// a field the catalogue lacks.
//
//   title    = "Пропуски по болезни"
//   columns  = ["class", "pupil", "missed_ill", "missed_percent", "mark:MATH"]
//   where    = ["missed_percent >= 10"]      # every condition must hold
//   group_by = "class"                       # or "none": one table
//   sort     = ["-missed_percent", "pupil"]  # "-" for descending
//   [titles]
//   missed_ill = "По болезни"
#include <cstddef>
#include <string>
#include <vector>

namespace schoolctl::formats {

struct SpecItem {
    std::string text;  // a field name, or a condition, or a sort key
    std::size_t line = 0;
    std::string key;   // where it was: "columns[2]"
};

struct SpecCondition {
    std::string field;
    std::string op;  // = != < <= > >=
    std::string value;
    std::size_t line = 0;
    std::string key;
};

struct CustomReportSpec {
    std::string file;
    std::string title;
    std::vector<SpecItem> columns;
    std::vector<std::pair<std::string, std::string>> titles;  // field → title
    std::vector<SpecCondition> where;
    std::string group_by = "class";  // "class" or "none"
    std::size_t group_by_line = 0;
    std::vector<SpecItem> sort;      // text without the "-"; descending in `descending`
    std::vector<bool> descending;
};

// Exit 66 for a file that cannot be read; 65 naming FILE:LINE: KEY for TOML syntax, an unknown
// key, a value of the wrong type, no columns, a condition that is not «field op value», and a
// group_by other than class or none. Field names are checked by the report that uses them.
CustomReportSpec read_custom_report_spec(const std::string& path);

}  // namespace schoolctl::formats
