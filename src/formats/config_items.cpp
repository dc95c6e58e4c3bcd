// Entries of [[periods]], [[holidays]], [[bells]] (with their lessons) and [[production]], field by
// field against the schema rows under the array's name. A wrong entry is reported and left out;
// the rest apply. The grading arrays are read in config_mark_items.cpp.
#include "domain/date.h"
#include "formats/config_entry.h"
#include "formats/config_validate.h"

#include <algorithm>
#include <chrono>

namespace schoolctl::formats::detail {
namespace {

using domain::Date;

std::optional<domain::DateRange> dates(Entry& e) {
    auto start = e.get<Date>("start", true);
    auto end = e.get<Date>("end", true);
    if (!start || !end) {
        return std::nullopt;
    }
    if (*end < *start) {
        e.add("end",
              domain::format_iso(*end) + " is before start (" + domain::format_iso(*start) + ")");
        return std::nullopt;
    }
    return domain::DateRange{*start, *end};
}

std::optional<domain::AttestationPeriod> period(Entry& e) {
    auto code = e.get<std::string>("code", true);
    auto name = e.get<std::string>("name", true);
    auto range = dates(e);
    auto grades = e.get<std::vector<int>>("grades", false);
    auto min_marks = e.get<std::int64_t>("min_marks", false);
    if (!e.ok()) {
        return std::nullopt;
    }
    std::optional<int> needed;
    if (min_marks) {
        needed = static_cast<int>(*min_marks);
    }
    return domain::AttestationPeriod{*code, *name, *range, grades.value_or(std::vector<int>{}),
                                     needed};
}

std::optional<domain::Holiday> holiday(Entry& e) {
    auto name = e.get<std::string>("name", true);
    auto range = dates(e);
    auto grades = e.get<std::vector<int>>("grades", false);
    if (!e.ok()) {
        return std::nullopt;
    }
    return domain::Holiday{*name, *range, grades.value_or(std::vector<int>{})};
}

std::optional<domain::Bell> lesson(Entry& e) {
    auto number = e.get<std::int64_t>("number", true);
    auto start = e.get<std::string>("start", true);
    auto end = e.get<std::string>("end", true);
    if (start && end && parse_hhmm(*end) <= parse_hhmm(*start)) {
        e.add("end", "lesson ends at " + *end + ", not after it starts (" + *start + ")");
    }
    if (!e.ok()) {
        return std::nullopt;
    }
    return domain::Bell{static_cast<int>(*number), *start, *end};
}

// Numbers unique, and no lesson starting before the one before it has ended.
void check_sequence(std::vector<domain::Bell> bells, const std::vector<std::size_t>& lines,
                    Report& report) {
    std::vector<std::size_t> order(bells.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return bells[a].number < bells[b].number;
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto& prev = bells[order[k - 1]];
        const auto& cur = bells[order[k]];
        std::size_t line = lines[order[k]];
        if (prev.number == cur.number) {
            report.add(line, "bells.lessons.number",
                       "lesson " + std::to_string(cur.number) + " is listed twice");
        } else if (parse_hhmm(cur.start) < parse_hhmm(prev.end)) {
            report.add(line, "bells.lessons.start",
                       "lesson " + std::to_string(cur.number) + " starts at " + cur.start +
                           ", before lesson " + std::to_string(prev.number) + " ends (" + prev.end +
                           ")");
        }
    }
}

std::optional<domain::BellSchedule> bell_schedule(Entry& e) {
    auto name = e.get<std::string>("name", true);
    auto grades = e.get<std::vector<int>>("grades", false);
    auto classes = e.get<std::vector<std::string>>("classes", false);
    auto weekdays = e.get<std::vector<int>>("weekdays", false);
    auto from = e.get<Date>("from", false);
    auto to = e.get<Date>("to", false);
    if (from && to && *to < *from) {
        e.add("to", domain::format_iso(*to) + " is before from (" + domain::format_iso(*from) + ")");
    }
    std::vector<domain::Bell> lessons;
    std::vector<std::size_t> lines;
    const toml::node* node = e.find("lessons");
    const toml::array* array = node != nullptr ? node->as_array() : nullptr;
    if (node == nullptr) {
        e.add("lessons", "is required but missing");
    } else if (array == nullptr) {
        e.add("lessons", "expected an array of tables, got " + a_type(*node));
    } else if (array->empty()) {
        e.add("lessons", "must list at least one lesson");
    } else {
        for (const auto& item : *array) {
            Entry one(item, "bells.lessons", e.report());
            if (auto bell = lesson(one)) {
                lessons.push_back(*bell);
                lines.push_back(one.line());
            }
        }
        check_sequence(lessons, lines, e.report());
    }
    if (!e.ok()) {
        return std::nullopt;
    }
    return domain::BellSchedule{*name, grades.value_or(std::vector<int>{}), std::move(lessons),
                                classes.value_or(std::vector<std::string>{}),
                                weekdays.value_or(std::vector<int>{}), from, to};
}

std::optional<domain::ProductionDay> production_day(Entry& e) {
    using Kind = domain::ProductionDay::Kind;
    auto date = e.get<Date>("date", true);
    auto kind_text = e.get<std::string>("kind", true);
    auto name = e.get<std::string>("name", false);
    auto works_as = e.get<std::int64_t>("works_as", false);
    if (!e.ok()) {
        return std::nullopt;
    }
    Kind kind = *kind_text == "holiday" ? Kind::holiday
                : *kind_text == "day_off" ? Kind::day_off
                                          : Kind::working;
    unsigned weekday = std::chrono::weekday{std::chrono::sys_days{*date}}.iso_encoding();
    if (works_as && kind != Kind::working) {
        e.add("works_as", "only a working day follows another weekday's timetable");
    } else if (kind == Kind::working && !works_as && weekday >= 6) {
        e.add("kind", domain::format_iso(*date) +
                          " is a Saturday or Sunday: say which weekday's timetable it follows "
                          "(works_as = 1 ... 5)");
    }
    if (!e.ok()) {
        return std::nullopt;
    }
    std::optional<int> as;
    if (works_as) {
        as = static_cast<int>(*works_as);
    }
    return domain::ProductionDay{*date, kind, name.value_or(""), as};
}

struct EntryReader {
    std::string_view array;
    ConfigValue (*read)(const ConfigKey&, const toml::array&, Report&, std::vector<std::size_t>&);
};

const EntryReader entry_readers[] = {
    {"periods", read_all<domain::AttestationPeriod, period>},
    {"holidays", read_all<domain::Holiday, holiday>},
    {"bells", read_all<domain::BellSchedule, bell_schedule>},
    {"production", read_all<domain::ProductionDay, production_day>},
    {"marks.thresholds", read_thresholds},
    {"work_types", read_work_types},
    {"scales", read_scales},
};

} // namespace

std::optional<ConfigValue> read_entries(const ConfigKey& key, const toml::array& entries,
                                        Report& report, std::vector<std::size_t>& item_lines) {
    for (const auto& reader : entry_readers) {
        if (reader.array == key.name) {
            return reader.read(key, entries, report, item_lines);
        }
    }
    report.add(line_of(entries), key.name, "has no reader for its entries"); // schema bug
    return std::nullopt;
}

} // namespace schoolctl::formats::detail
