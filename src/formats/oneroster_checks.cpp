#include "formats/oneroster_checks.h"

#include <algorithm>
#include <span>

namespace schoolctl::formats::oneroster {
namespace {

using K = ColumnKind;

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view digits) {
    int n = 0;
    for (char c : digits) {
        n = n * 10 + (c - '0');
    }
    return n;
}

// YYYY-MM-DD naming a real day (2027-02-29 is not one).
bool is_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s.substr(0, 4)) ||
        !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) {
        return false;
    }
    const int year = number(s.substr(0, 4));
    const int month = number(s.substr(5, 2));
    const int day = number(s.substr(8, 2));
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_hh_mm(std::string_view s, int max_hours) {
    return s.size() == 5 && s[2] == ':' && all_digits(s.substr(0, 2)) &&
           all_digits(s.substr(3, 2)) && number(s.substr(0, 2)) <= max_hours &&
           number(s.substr(3, 2)) <= 59;
}

// The spec's dateTime: 2026-09-01T08:30:00Z, with optional fractions of a second and a zone
// that is Z or an offset (+03:00).
bool is_date_time(std::string_view s) {
    if (s.size() < 20 || !is_date(s.substr(0, 10)) || s[10] != 'T' ||
        !is_hh_mm(s.substr(11, 5), 23) || s[16] != ':' || !all_digits(s.substr(17, 2)) ||
        number(s.substr(17, 2)) > 59) {
        return false;
    }
    std::string_view rest = s.substr(19);
    if (rest.starts_with('.')) {
        std::size_t n = 1;
        while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') {
            ++n;
        }
        if (n == 1) {
            return false;
        }
        rest.remove_prefix(n);
    }
    if (rest == "Z") {
        return true;
    }
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && is_hh_mm(rest.substr(1), 14);
}

// "ext:" and a name: how the spec lets a producer extend a vocabulary.
bool is_extension(std::string_view s) {
    if (!s.starts_with("ext:") || s.size() == 4) {
        return false;
    }
    return std::all_of(s.begin() + 4, s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
}

std::string expected_choices(const OneRosterColumn& column) {
    std::string out;
    for (std::size_t i = 0; i < column.choices.size(); ++i) {
        out += i == 0 ? "" : (i + 1 == column.choices.size() && !column.extensible ? " or " : ", ");
        out += column.choices[i];
    }
    return out + (column.extensible ? " or ext:NAME" : "");
}

bool is_choice(const OneRosterColumn& column, std::string_view value) {
    return std::find(column.choices.begin(), column.choices.end(), value) != column.choices.end() ||
           (column.extensible && is_extension(value));
}

bool same_names(std::span<const OneRosterColumn> columns, const std::vector<std::string>& header) {
    return columns.size() <= header.size() &&
           std::equal(columns.begin(), columns.end(), header.begin(),
                      [](const OneRosterColumn& c, const std::string& h) { return c.name == h; });
}

class FileChecker {
  public:
    FileChecker(DataFile& file, Problems& problems) : file_(file), problems_(problems) {}

    void problem(std::size_t line, std::string_view field, std::string reason) {
        problems_.push_back(
            {std::string(file_.spec->name), line, std::string(field), std::move(reason)});
    }

    // Lines the header up with the spec's columns, so that one missing or misspelled column is
    // one problem rather than one for every column after it. True when they are the same.
    bool header(const OneRosterCsvRow& row, OneRosterVersion version) {
        const std::vector<std::string>& header = row.fields;
        const std::size_t line = row.line; // 1 unless blank lines come first
        const auto columns = file_.spec->columns;
        const OneRosterVersion other =
            version == OneRosterVersion::v1_1 ? OneRosterVersion::v1_2 : OneRosterVersion::v1_1;
        const OneRosterFile* theirs = find_oneroster_file(other, file_.spec->name);
        if (theirs && !theirs->columns.empty() && !same_names(columns, header) &&
            same_names(theirs->columns, header)) {
            problem(line, "",
                    "this is the OneRoster " + std::string(version_text(other)) +
                        " header, but manifest.csv says oneroster.version " +
                        std::string(version_text(version)));
            return false;
        }
        const std::size_t before = problems_.size();
        const auto is_spec_column = [&](std::size_t from, std::string_view name) {
            for (std::size_t k = from; k < columns.size(); ++k) {
                if (columns[k].name == name) {
                    return true;
                }
            }
            return false;
        };
        std::size_t i = 0; // spec column
        std::size_t j = 0; // header column
        while (i < columns.size() && j < header.size()) {
            const std::string_view want = columns[i].name;
            const std::string& got = header[j];
            const std::string at = "column " + std::to_string(j + 1);
            if (got == want) {
                ++i, ++j;
            } else if (equal_ignoring_case(got, want)) {
                problem(line, want,
                        at + " is " + in_quotes(got) + " (expected " + in_quotes(want) +
                            "; column names are case-sensitive)");
                ++i, ++j;
            } else if (is_spec_column(i + 1, got)) {
                problem(line, want,
                        "column " + in_quotes(want) + " is missing (expected it as column " +
                            std::to_string(j + 1) +
                            (i > 0 ? ", after " + in_quotes(columns[i - 1].name) : "") + ")");
                ++i;
            } else if (j + 1 < header.size() && header[j + 1] == want) {
                problem(line, got,
                        at + " " + in_quotes(got) + " is not a column of " +
                            std::string(file_.spec->name) + " here (expected " + in_quotes(want) +
                            ")");
                ++j;
            } else {
                problem(line, want,
                        at + " is " + in_quotes(got) + " (expected " + in_quotes(want) + ")");
                ++i, ++j;
            }
        }
        for (; i < columns.size(); ++i) {
            problem(line, columns[i].name,
                    "column " + in_quotes(columns[i].name) + " is missing (expected it as column " +
                        std::to_string(i + 1) + ")");
        }
        // The spec allows extension columns after its own, named metadata.SOMETHING.
        for (; j < header.size(); ++j) {
            if (!header[j].starts_with("metadata.") || header[j].size() == 9) {
                problem(line, header[j],
                        "column " + std::to_string(j + 1) + " " + in_quotes(header[j]) +
                            " is not a OneRoster column (extension columns are named "
                            "metadata.NAME and come after the spec's)");
            }
        }
        return problems_.size() == before;
    }

    void row(const OneRosterCsvRow& r) {
        const auto columns = file_.spec->columns;
        const bool deleted = file_.delta && r.fields.size() > 1 && r.fields[1] == "tobedeleted";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            value(r.line, columns[c], r.fields[c], deleted);
        }
        const std::string& id = r.fields[0];
        if (!id.empty()) {
            const auto [it, inserted] = file_.ids.emplace(id, r.line);
            if (!inserted) {
                problem(r.line, columns[0].name,
                        in_quotes(id) + " is also the sourcedId on line " +
                            std::to_string(it->second) + " (sourcedIds are unique in a file)");
            }
        }
        dates_in_order(r, "startDate", "endDate");
        dates_in_order(r, "beginDate", "endDate");
    }

  private:
    void value(std::size_t line, const OneRosterColumn& column, const std::string& v,
               bool deleted) {
        const std::string_view name = column.name;
        if (column.kind == K::status || column.kind == K::modified) {
            if (!file_.delta) {
                if (!v.empty()) {
                    problem(line, name,
                            "must be blank in a bulk file, found " + in_quotes(v) +
                                " (manifest.csv: " + std::string(file_.spec->manifest_key) +
                                " is bulk)");
                }
            } else if (v.empty()) {
                problem(line, name, "is required in a delta file");
            } else if (column.kind == K::status && v != "active" && v != "tobedeleted") {
                problem(line, name,
                        in_quotes(v) + " is not a status (expected active or tobedeleted)");
            } else if (column.kind == K::modified && !is_date_time(v)) {
                problem(line, name,
                        in_quotes(v) + " is not a date and time (expected YYYY-MM-DDThh:mm:ssZ)");
            }
            return;
        }
        if (v.empty()) {
            // A delta row that deletes a record need only name it.
            if (column.required && (!deleted || column.kind == K::id)) {
                problem(line, name, "is required");
            }
            return;
        }
        switch (column.kind) {
        case K::date:
            if (!is_date(v)) {
                problem(line, name, in_quotes(v) + " is not a date (expected YYYY-MM-DD)");
            }
            break;
        case K::year:
            if (v.size() != 4 || !all_digits(v)) {
                problem(line, name, in_quotes(v) + " is not a year (expected YYYY)");
            }
            break;
        case K::boolean:
            if (v != "true" && v != "false") {
                problem(line, name, in_quotes(v) + " is not a boolean (expected true or false)");
            }
            break;
        case K::choice:
            if (!is_choice(column, v)) {
                problem(line, name,
                        in_quotes(v) + " is not allowed (expected " + expected_choices(column) +
                            ")");
            }
            break;
        case K::list:
        case K::references: {
            const auto items = split_oneroster_list(v);
            if (std::find(items.begin(), items.end(), std::string()) != items.end()) {
                problem(line, name,
                        in_quotes(v) + " has an empty item (expected a comma-separated list)");
            }
            break;
        }
        case K::id:
        case K::status:
        case K::modified:
        case K::text:
        case K::reference:
            break;
        }
    }

    // ISO dates compare as text; a wrong date was already reported.
    void dates_in_order(const OneRosterCsvRow& r, std::string_view from, std::string_view to) {
        const auto columns = file_.spec->columns;
        const auto at = [&](std::string_view name) -> const std::string* {
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (columns[c].name == name) {
                    return &r.fields[c];
                }
            }
            return nullptr;
        };
        const std::string* begin = at(from);
        const std::string* end = at(to);
        if (begin && end && is_date(*begin) && is_date(*end) && *end < *begin) {
            problem(r.line, to,
                    in_quotes(*end) + " is before " + std::string(from) + " " + in_quotes(*begin));
        }
    }

    DataFile& file_;
    Problems& problems_;
};

} // namespace

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

const std::string& DataFile::get(const OneRosterCsvRow& row, std::string_view column) const {
    for (std::size_t c = 0; c < spec->columns.size(); ++c) {
        if (spec->columns[c].name == column) {
            return row.fields[c];
        }
    }
    static const std::string none;
    return none;
}

void check_file(DataFile& file, OneRosterCsvText text, OneRosterVersion version,
                Problems& problems) {
    FileChecker check(file, problems);
    if (text.error_line) {
        check.problem(*text.error_line, "", text.error);
        return;
    }
    if (text.rows.empty()) {
        check.problem(0, "", "the file is empty (expected the header line)");
        return;
    }
    const OneRosterCsvRow& header = text.rows.front();
    if (!header.malformed.empty()) {
        check.problem(header.line, "", header.malformed);
        return;
    }
    if (!check.header(header, version)) {
        return;
    }
    file.usable = true;
    const std::size_t width = file.spec->columns.size();
    for (std::size_t k = 1; k < text.rows.size(); ++k) {
        const OneRosterCsvRow& r = text.rows[k];
        if (!r.malformed.empty() || r.fields.size() != header.fields.size()) {
            check.problem(r.line, "",
                          !r.malformed.empty()
                              ? r.malformed
                              : "has " + std::to_string(r.fields.size()) + " fields, expected " +
                                    std::to_string(header.fields.size()));
            // The row is left out, but its sourcedId most likely names it: records that refer
            // to it are not blamed for this row's mistake.
            if (!r.fields.front().empty()) {
                file.ids.emplace(r.fields.front(), r.line);
            }
            continue;
        }
        OneRosterCsvRow& kept = file.rows.emplace_back(std::move(text.rows[k]));
        kept.fields.resize(width); // extension columns go no further
        check.row(kept);
    }
}

} // namespace schoolctl::formats::oneroster
