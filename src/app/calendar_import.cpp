#include "app/calendar_import.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/import/columns.h"
#include "app/school_calendar.h"
#include "domain/person_name.h"
#include "domain/study_calendar.h"
#include "domain/weekday.h"
#include "formats/config_reader.h"
#include "formats/config_validate.h"
#include "store/calendar.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using domain::ProductionDay;

constexpr std::size_t max_listed = 20;

[[noreturn]] void refuse(const std::vector<std::string>& problems) {
    std::string all;
    for (std::size_t i = 0; i < problems.size() && i < max_listed; ++i) {
        all += (all.empty() ? "" : "\n") + problems[i];
    }
    if (problems.size() > max_listed) {
        all += "\n… and " + std::to_string(problems.size() - max_listed) + " more";
    }
    all += "\nnothing was written";
    throw Error(ExitCode::data, all);
}

// --- the production calendar as a table ---------------------------------------------------

enum Field : std::size_t { date_field, kind_field, name_field, works_as_field };

const std::vector<FieldSpec>& production_fields() {
    static const std::vector<FieldSpec> specs = {
        {"date", {"Дата", "День"}, true},
        {"kind", {"Тип", "Вид", "Вид дня"}, true},
        {"name", {"Название", "Праздник", "Комментарий"}, false},
        {"works_as", {"Как", "Расписание", "Работает как", "Рабочий как"}, false},
    };
    return specs;
}

std::optional<ProductionDay::Kind> kind_of(const std::string& text) {
    std::string key = domain::match_key(text);
    if (key == "holiday" || key == "праздник" || key == "праздничный") {
        return ProductionDay::Kind::holiday;
    }
    if (key == "day_off" || key == "day off" || key == "выходной" || key == "нерабочий") {
        return ProductionDay::Kind::day_off;
    }
    if (key == "working" || key == "рабочий" || key == "рабочий день") {
        return ProductionDay::Kind::working;
    }
    return std::nullopt;
}

struct ReadDays {
    std::vector<ProductionDay> days;
    std::vector<std::size_t> lines;
    std::string sha256;
};

ReadDays read_production(const SourceOptions& source) {
    auto rows = open_row_source(source);
    const std::string& file = rows->file();
    std::vector<std::string> header(rows->header().fields.begin(), rows->header().fields.end());
    ColumnMap map = map_columns(production_fields(), header, file, rows->header().line);
    ReadDays out;
    std::vector<std::string> problems;
    formats::CsvRecord record;
    auto cell = [&](std::size_t f) -> std::string {
        auto c = map.column(f);
        if (!c || *c >= record.fields.size()) {
            return {};
        }
        return domain::normalise_spaces(record.fields[*c]);
    };
    while (rows->next(record)) {
        auto problem = [&](const char* field, const std::string& why) {
            problems.push_back(Location{file, record.line, field}.str() + ": " + why);
        };
        std::string date_text = cell(date_field), kind_text = cell(kind_field),
                    works_text = cell(works_as_field);
        auto date = domain::parse_date(date_text);
        auto kind = kind_of(kind_text);
        std::optional<int> works_as;
        if (!date) {
            problem("date", "\"" + date_text + "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)");
        }
        if (!kind) {
            problem("kind", "\"" + kind_text +
                                "\" is not a kind of day (expected праздник/holiday, "
                                "выходной/day_off or рабочий/working)");
        }
        if (!works_text.empty()) {
            works_as = domain::parse_weekday(works_text);
            if (!works_as) {
                problem("works_as", "\"" + works_text +
                                        "\" is not a weekday (expected 1-7 or a name such as "
                                        "пятница)");
            } else if (kind && *kind != ProductionDay::Kind::working) {
                problem("works_as", "only a working day follows another weekday's timetable");
            }
        }
        if (date && kind && *kind == ProductionDay::Kind::working && works_text.empty() &&
            std::chrono::weekday{std::chrono::sys_days{*date}}.iso_encoding() >= 6) {
            problem("works_as", domain::format_iso(*date) +
                                    " is a Saturday or Sunday: say which weekday's timetable it "
                                    "follows (1-5 or a name)");
        }
        if (date) {
            auto same = std::find_if(out.days.begin(), out.days.end(),
                                     [&](const ProductionDay& d) { return d.date == *date; });
            if (same != out.days.end()) {
                problem("date", domain::format_iso(*date) + " is already listed at line " +
                                    std::to_string(out.lines[static_cast<std::size_t>(same - out.days.begin())]));
            }
        }
        if (date && kind) {
            out.days.push_back({*date, *kind, cell(name_field), works_as});
            out.lines.push_back(record.line);
        }
    }
    out.sha256 = rows->sha256();
    if (!problems.empty()) {
        refuse(problems);
    }
    return out;
}

}  // namespace

CalendarImportSummary import_calendar_toml(Session& session, const std::string& file,
                                           bool dry_run) {
    session.require(domain::Permission::timetable_write);
    formats::ConfigState state;
    formats::apply_config_file(file, state);
    formats::check_consistency(state);
    std::vector<std::string> problems;
    for (const auto& p : state.problems) {
        problems.push_back(p.message());
    }
    const domain::Settings& s = state.settings;
    if (problems.empty() && (s.year_name.empty() || !s.year_dates)) {
        problems.push_back(file + ": academic_year: name, start and end are required to know "
                                  "which year the calendar is for");
    }
    if (!problems.empty()) {
        refuse(problems);
    }
    store::YearCalendar calendar = store::calendar_of(s);
    for (const auto& p : domain::calendar_problems(school_calendar(calendar).study)) {
        problems.push_back(file + ": " + p);
    }
    if (!problems.empty()) {
        refuse(problems);
    }
    auto set = [&](const char* key) { return state.sources.contains(key); };
    store::CalendarParts parts{set("periods"), set("holidays"), set("bells"), set("production")};

    CalendarImportSummary summary;
    summary.file = file;
    summary.year = calendar.name;
    summary.dry_run = dry_run;
    summary.periods = calendar.periods.size();
    summary.holidays = calendar.holidays.size();
    summary.bell_schedules = calendar.bells.size();
    summary.production_days = calendar.production.size();
    for (auto [on, name] : {std::pair{parts.periods, "periods"}, {parts.holidays, "holidays"},
                            {parts.bells, "bells"}, {parts.production, "production"}}) {
        if (on) {
            summary.replaced.push_back(name);
        }
    }
    store::Database& db = session.db();
    store::Transaction tx(db);
    auto existing = store::find_year(db, session.school_id(), calendar.name);
    summary.created_year = !existing;
    std::int64_t year_id =
        store::write_year_calendar(db, session.school_id(), existing, calendar, parts);
    session.audit("calendar.import", "academic_year", std::to_string(year_id),
                  {{"file", std::filesystem::absolute(file).string()},
                   {"year", calendar.name},
                   {"created", summary.created_year},
                   {"replaced", summary.replaced},
                   {"periods", summary.periods},
                   {"holidays", summary.holidays},
                   {"bell_schedules", summary.bell_schedules},
                   {"production_days", summary.production_days}});
    if (!dry_run) {
        tx.commit();
    }
    return summary;
}

CalendarImportSummary import_production_calendar(Session& session, const SourceOptions& source,
                                                 bool dry_run) {
    session.require(domain::Permission::timetable_write);
    ReadDays read = read_production(source);
    CalendarImportSummary summary;
    summary.file = source.file;
    summary.dry_run = dry_run;
    summary.replaced.push_back("production");
    if (read.days.empty()) {
        throw Error(ExitCode::data, source.file + ": no days listed; nothing was written");
    }
    auto [lo, hi] = std::minmax_element(
        read.days.begin(), read.days.end(),
        [](const ProductionDay& a, const ProductionDay& b) { return a.date < b.date; });
    Date from = lo->date, to = hi->date;

    store::Database& db = session.db();
    store::Transaction tx(db);
    auto years = store::list_years(db, session.school_id());
    std::vector<bool> placed(read.days.size(), false);
    for (const auto& year : years) {
        if (to < year.dates.start || year.dates.end < from) {
            continue;
        }
        std::vector<ProductionDay> inside;
        for (std::size_t i = 0; i < read.days.size(); ++i) {
            const Date& d = read.days[i].date;
            if (year.dates.start <= d && d <= year.dates.end) {
                inside.push_back(read.days[i]);
                placed[i] = true;
            }
        }
        store::replace_production_days(db, year.id, std::max(from, year.dates.start),
                                       std::min(to, year.dates.end), inside);
        summary.year += (summary.year.empty() ? "" : ", ") + year.name;
        summary.production_days += inside.size();
    }
    std::size_t outside = static_cast<std::size_t>(std::count(placed.begin(), placed.end(), false));
    if (outside > 0) {
        summary.warnings.push_back(std::to_string(outside) + " of " +
                                   std::to_string(read.days.size()) +
                                   " days fall outside every academic year of the school and "
                                   "were not loaded (they matter to no lesson)");
    }
    session.audit("calendar.import", "production_calendar", summary.year,
                  {{"file", source.file == "-" ? source.file
                                               : std::filesystem::absolute(source.file).string()},
                   {"sha256", read.sha256},
                   {"from", domain::format_iso(from)},
                   {"to", domain::format_iso(to)},
                   {"days", summary.production_days},
                   {"outside_years", outside}});
    if (!dry_run) {
        tx.commit();
    }
    return summary;
}

}  // namespace schoolctl::app
