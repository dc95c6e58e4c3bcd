#include "formats/config_keys.h"

#include "domain/class_name.h"

#include <limits>
#include <type_traits>
#include <utility>

namespace schoolctl::formats {
namespace {

using domain::Settings;

// Reads and writes one Settings member; ints travel as int64 (their range is checked first).
template <auto Member> KeyAccess bind() {
    using T = std::remove_cvref_t<decltype(std::declval<Settings&>().*Member)>;
    KeyAccess a;
    a.get = [](const Settings& s) -> ConfigValue {
        if constexpr (std::is_same_v<T, int>) {
            return std::int64_t{s.*Member};
        } else {
            return s.*Member;
        }
    };
    a.set = [](Settings& s, ConfigValue&& v) {
        if constexpr (std::is_same_v<T, int>) {
            s.*Member = static_cast<int>(std::get<std::int64_t>(v));
        } else {
            s.*Member = std::get<T>(std::move(v));
        }
    };
    return a;
}

// The year is one optional range in Settings but two keys in the file. Setting one end alone
// fills both with that date; the loader then reports the missing other end, so a half-set
// year never leaves load_config().
enum class YearEdge { start, end };

KeyAccess year_edge(YearEdge edge) {
    if (edge == YearEdge::start) {
        return {[](const Settings& s) -> ConfigValue {
                    return s.year_dates ? ConfigValue{s.year_dates->start} : ConfigValue{};
                },
                [](Settings& s, ConfigValue&& v) {
                    auto d = std::get<domain::Date>(v);
                    s.year_dates = domain::DateRange{d, s.year_dates ? s.year_dates->end : d};
                }};
    }
    return {[](const Settings& s) -> ConfigValue {
                return s.year_dates ? ConfigValue{s.year_dates->end} : ConfigValue{};
            },
            [](Settings& s, ConfigValue&& v) {
                auto d = std::get<domain::Date>(v);
                s.year_dates = domain::DateRange{s.year_dates ? s.year_dates->start : d, d};
            }};
}

// A day of week A; unset means the week of academic_year.start.
KeyAccess week_a() {
    return {[](const Settings& s) -> ConfigValue {
                return s.week_a ? ConfigValue{*s.week_a} : ConfigValue{};
            },
            [](Settings& s, ConfigValue&& v) { s.week_a = std::get<domain::Date>(v); }};
}

// Every name a class name («5А», «10 Б»): a bell schedule for a class that cannot exist
// would silently never apply.
std::optional<std::string> class_names(const ConfigValue& v) {
    for (const auto& name : std::get<std::vector<std::string>>(v)) {
        auto parsed = domain::parse_class_name(name);
        if (const auto* why = std::get_if<std::string>(&parsed)) {
            return "\"" + name + "\" is not a class: " + *why;
        }
    }
    return std::nullopt;
}

// Slips carry the address to parents: a bare host or a typo there costs a phone call per family.
std::optional<std::string> web_address(const ConfigValue& v) {
    const auto& url = std::get<std::string>(v);
    if (url.empty() || url.starts_with("https://") || url.starts_with("http://")) {
        return std::nullopt;
    }
    return "\"" + url + "\" is not a web address (expected https://...)";
}

constexpr std::int64_t int_max = std::numeric_limits<int>::max();

} // namespace

std::string_view ConfigKey::type_name() const {
    switch (type) {
    case KeyType::string:
        return "string";
    case KeyType::integer:
        return "integer";
    case KeyType::date:
        return "date";
    case KeyType::time:
        return "string (HH:MM)";
    case KeyType::integer_array:
        return "array of integers";
    case KeyType::string_array:
        return "array of strings";
    case KeyType::table_array:
        return "array of tables";
    case KeyType::inline_table_array:
        return "array of inline tables";
    }
    return "value";
}

const std::vector<ConfigKey>& config_keys() {
    using K = KeyType;
    static const std::vector<ConfigKey> keys = {
        {"school.name", K::string, R"("")",
         "Full official name, printed on reports and credential slips; required by "
         "schoolctl init.",
         bind<&Settings::school_name>()},
        {"school.short_name", K::string, R"("")",
         "Short name for page headers and file names; school.name when empty.",
         bind<&Settings::school_short_name>()},
        {"school.external_id", K::string, R"("")",
         "The school's id in another system (OneRoster org sourcedId, regional registry).",
         bind<&Settings::school_external_id>()},
        {"school.login_url",
         K::string,
         R"("")",
         "Address of the journal's login page, printed on credential slips (http:// or "
         "https://).",
         bind<&Settings::login_url>(),
         0,
         0,
         {},
         web_address},
        {"school.rooms",
         K::string_array,
         "[]",
         "The school's rooms as timetables name them, e.g. [\"201\", \"Спортзал\"]; when "
         "listed, a timetable naming another room is refused.",
         bind<&Settings::rooms>()},

        {"database.path", K::string, R"("school.db")",
         "SQLite database file, relative to the working directory; --db and SCHOOLCTL_DB "
         "override it.",
         bind<&Settings::database_path>(), 1},
        {"database.busy_timeout_ms", K::integer, "5000",
         "How long to wait for another writer, in milliseconds, before giving up (exit 75).",
         bind<&Settings::busy_timeout_ms>(), 0, int_max},

        {"academic_year.name", K::string, R"("")", "Label of the academic year, e.g. \"2026/27\".",
         bind<&Settings::year_name>()},
        {"academic_year.start", K::date, "", "First day of the academic year.",
         year_edge(YearEdge::start)},
        {"academic_year.end", K::date, "", "Last day of the academic year (inclusive).",
         year_edge(YearEdge::end)},
        {"academic_year.days_per_week",
         K::integer,
         "5",
         "Working days in a school week: 5 or 6 (1st grade always studies 5).",
         bind<&Settings::days_per_week>(),
         0,
         0,
         {"5", "6"}},
        {"academic_year.five_day_grades",
         K::integer_array,
         "[]",
         "Grade levels (1-11) with a 5-day week when days_per_week is 6.",
         bind<&Settings::five_day_grades>(),
         1,
         11},
        {"academic_year.six_day_grades",
         K::integer_array,
         "[]",
         "Grade levels (2-11) with a 6-day week when days_per_week is 5.",
         bind<&Settings::six_day_grades>(),
         1,
         11},
        {"academic_year.week_a", K::date, "",
         "A day of the week that counts as week A (нечётная); weeks alternate A, B from it. "
         "Unset: the week of academic_year.start.",
         week_a()},

        {"periods", K::table_array, "[]",
         "Attestation periods (quarters, trimesters, half-years); a grade may have its own set.",
         bind<&Settings::periods>()},
        {"periods.code", K::string, "", "Short code users type in --period, e.g. \"Q1\".", {}, 1},
        {"periods.name", K::string, "", "Name printed on reports, e.g. \"1 четверть\".", {}, 1},
        {"periods.start", K::date, "", "First day of the period, inside the academic year."},
        {"periods.end", K::date, "", "Last day of the period (inclusive)."},
        {"periods.grades",
         K::integer_array,
         "[]",
         "Grade levels (1-11) the period applies to; omitted = every grade.",
         {},
         1,
         11},

        {"holidays", K::table_array, "[]", "School holidays (каникулы), each a date range.",
         bind<&Settings::holidays>()},
        {"holidays.name", K::string, "", "Name, e.g. \"Осенние каникулы\".", {}, 1},
        {"holidays.start", K::date, "", "First day off."},
        {"holidays.end", K::date, "", "Last day off (inclusive)."},
        {"holidays.grades",
         K::integer_array,
         "[]",
         "Grade levels (1-11) that have this holiday; omitted = every grade.",
         {},
         1,
         11},

        {"bells", K::table_array, "[]", "Bell schedules: the start and end of every lesson.",
         bind<&Settings::bells>()},
        {"bells.name", K::string, "", "Name of the schedule, e.g. \"Основное\"; unique.", {}, 1},
        {"bells.grades",
         K::integer_array,
         "[]",
         "Grade levels (1-11) that use the schedule; omitted = every grade.",
         {},
         1,
         11},
        {"bells.classes",
         K::string_array,
         "[]",
         "Classes that use the schedule, e.g. [\"1А\"]; they take it over their grade's.",
         {},
         0,
         0,
         {},
         class_names},
        {"bells.weekdays",
         K::integer_array,
         "[]",
         "Weekdays (1 = Monday ... 7) the schedule is for, e.g. [1] for a Monday with "
         "«Разговоры о важном»; omitted = every day.",
         {},
         1,
         7},
        {"bells.from", K::date, "",
         "First day the schedule is used, e.g. 2027-01-11 for the 1st grade's 40-minute lessons; "
         "omitted = from the start of the year."},
        {"bells.to", K::date, "", "Last day the schedule is used; omitted = to the end of the year."},
        {"bells.lessons", K::inline_table_array, "",
         "The lessons, each { number = N, start = \"HH:MM\", end = \"HH:MM\" }."},
        {"bells.lessons.number",
         K::integer,
         "",
         "Lesson number (0-15; 0 for an early «нулевой» lesson); unique in the schedule.",
         {},
         0,
         15},
        {"bells.lessons.start", K::time, "", "When the lesson starts, \"HH:MM\"."},
        {"bells.lessons.end", K::time, "", "When the lesson ends, \"HH:MM\", after its start."},

        {"production", K::table_array, "[]",
         "The production calendar: public holidays, days off and moved working days that "
         "differ from a Monday-Friday week (schoolctl calendar import reads the same from a "
         "file).",
         bind<&Settings::production>()},
        {"production.date", K::date, "", "The day."},
        {"production.kind",
         K::string,
         "",
         "holiday (a public holiday), day_off (a weekday off) or working (a working day, "
         "usually a Saturday).",
         {},
         1,
         0,
         {"holiday", "day_off", "working"}},
        {"production.name", K::string, R"("")", "Name, e.g. \"День народного единства\"."},
        {"production.works_as",
         K::integer,
         "",
         "working: the weekday (1 = Monday ... 7) whose timetable the day follows; required "
         "for a Saturday or Sunday.",
         {},
         1,
         7},

        {"reports.language",
         K::string,
         R"("ru")",
         "Language of report labels: ru or en.",
         bind<&Settings::report_language>(),
         0,
         0,
         {"ru", "en"}},
        {"reports.font", K::string,
         R"("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")",
         "TrueType font embedded in PDF reports; it must have Cyrillic glyphs including Ё.",
         bind<&Settings::font_regular>(), 1},
        {"reports.font_bold", K::string,
         R"("/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf")",
         "Bold TrueType font for PDF headings, with the same Cyrillic coverage.",
         bind<&Settings::font_bold>(), 1},
        {"reports.csv_dialect",
         K::string,
         R"("excel")",
         "CSV output: excel (';', UTF-8 with BOM) or rfc4180 (',', no BOM).",
         bind<&Settings::csv_dialect>(),
         0,
         0,
         {"excel", "rfc4180"}},

        {"accounts.session_hours", K::integer, "12",
         "How long a session from schoolctl login lasts, in hours (1-720).",
         bind<&Settings::session_hours>(), 1, 720},
        {"accounts.password_min_length", K::integer, "12",
         "Shortest password a user may set (8-128 characters).",
         bind<&Settings::password_min_length>(), 8, 128},
        {"accounts.activation_days", K::integer, "14",
         "How long an activation code from schoolctl accounts issue works, in days (1-90).",
         bind<&Settings::activation_days>(), 1, 90},
        {"accounts.lockout_after", K::integer, "5",
         "Consecutive failed logins or activations that lock an account (3-100).",
         bind<&Settings::lockout_after>(), 3, 100},
    };
    return keys;
}

} // namespace schoolctl::formats
