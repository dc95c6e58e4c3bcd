#include "formats/config_keys.h"

#include "domain/class_name.h"

#include <algorithm>
#include <limits>
#include <type_traits>
#include <utility>

namespace schoolctl::formats {
namespace {

using domain::AbsenceLabels;
using domain::GradingPolicy;
using domain::Settings;

// Ints travel as int64 (their range is checked first).
template <typename T> ConfigValue to_value(const T& member) {
    if constexpr (std::is_same_v<T, int>) {
        return std::int64_t{member};
    } else {
        return member;
    }
}

template <typename T> void assign(T& member, ConfigValue&& v) {
    if constexpr (std::is_same_v<T, int>) {
        member = static_cast<int>(std::get<std::int64_t>(v));
    } else {
        member = std::get<T>(std::move(v));
    }
}

// Reads and writes one Settings member.
template <auto Member> KeyAccess bind() {
    return {[](const Settings& s) { return to_value(s.*Member); },
            [](Settings& s, ConfigValue&& v) { assign(s.*Member, std::move(v)); }};
}

// The same for a member of a Settings member: grading.min_marks, absence_labels.ill.
template <auto Part, auto Member> KeyAccess bind_in() {
    return {[](const Settings& s) { return to_value(s.*Part.*Member); },
            [](Settings& s, ConfigValue&& v) { assign(s.*Part.*Member, std::move(v)); }};
}

// The rounding is an enum in Settings and its name in the file (choices keep it valid).
KeyAccess rounding() {
    return {
        [](const Settings& s) -> ConfigValue { return domain::rounding_name(s.grading.rounding); },
        [](Settings& s, ConfigValue&& v) {
            s.grading.rounding = *domain::parse_rounding(std::get<std::string>(v));
        }};
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

// Codes are typed in options and files: one word, as subject codes are.
std::optional<std::string> word(const std::string& text) {
    if (text.find_first_of(" \t,;") != std::string::npos) {
        return "\"" + text + "\" has a space, comma or semicolon; a code is one word";
    }
    return std::nullopt;
}

std::optional<std::string> one_word(const ConfigValue& v) {
    return word(std::get<std::string>(v));
}

std::optional<std::string> subject_codes(const ConfigValue& v) {
    const auto& codes = std::get<std::vector<std::string>>(v);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (codes[i].empty()) {
            return std::string{"an empty subject code"};
        }
        if (auto why = word(codes[i])) {
            return why;
        }
        if (std::find(codes.begin(), codes.begin() + static_cast<std::ptrdiff_t>(i), codes[i]) !=
            codes.begin() + static_cast<std::ptrdiff_t>(i)) {
            return "\"" + codes[i] + "\" is listed twice";
        }
    }
    return std::nullopt;
}

// A label of spaces would print as an empty cell in the journal.
std::optional<std::string> not_blank(const ConfigValue& v) {
    const auto& text = std::get<std::string>(v);
    if (text.find_first_not_of(" \t") == std::string::npos) {
        return std::string{"must not be empty"};
    }
    return std::nullopt;
}

constexpr std::int64_t int_max = std::numeric_limits<int>::max();

} // namespace

std::string_view ConfigKey::type_name() const {
    switch (type) {
    case KeyType::string:
        return "string";
    case KeyType::integer:
        return "integer";
    case KeyType::boolean:
        return "boolean";
    case KeyType::decimal:
        return "decimal";
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
        {"periods.min_marks",
         K::integer,
         "",
         "Marks a pupil needs in this period for a period mark (1-100), e.g. 5 for a half-year; "
         "omitted = marks.min_marks.",
         {},
         1,
         100},

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

        {"marks.rounding",
         K::string,
         R"("half_up")",
         "How a weighted mean becomes a five-point period mark: half_up (4.50 gives 5) or "
         "thresholds (marks.thresholds).",
         rounding(),
         0,
         0,
         {"half_up", "thresholds"}},
        {"marks.thresholds", K::inline_table_array,
         R"([{ mark = "5", from = 4.60 }, { mark = "4", from = 3.60 }, )"
         R"({ mark = "3", from = 2.60 }])",
         "With rounding = \"thresholds\": the lowest mean for each mark, highest first, each "
         "{ mark = \"5\", from = 4.60 }.",
         bind_in<&Settings::grading, &GradingPolicy::thresholds>()},
        {"marks.thresholds.mark",
         K::string,
         "",
         "A mark of the five-point scale above its lowest: \"5\", \"4\", \"3\" (and \"2\" "
         "when \"1\" is allowed).",
         {},
         1},
        {"marks.thresholds.from", K::decimal, "",
         "The lowest weighted mean that gets the mark, to hundredths: 4.60 or \"4,60\"."},
        {"marks.min_marks", K::integer, "3",
         "Marks a pupil needs in a period for a period mark (1-100); fewer give «н/а».",
         bind_in<&Settings::grading, &GradingPolicy::min_marks>(), 1, 100},
        {"marks.no_five_with_two", K::boolean, "false",
         "No period 5 when the period holds a mark below 3: the 5 becomes a 4.",
         bind_in<&Settings::grading, &GradingPolicy::no_five_with_two>()},
        {"marks.five_point_allows_one", K::boolean, "false",
         "The five-point scale takes «1» as well as 2-5.",
         bind<&Settings::five_point_allows_one>()},
        {"marks.double_mark_subjects",
         K::string_array,
         "[]",
         "Codes of the subjects that take two marks in one cell («4/3»), e.g. [\"RUS\", \"LIT\"].",
         bind<&Settings::double_mark_subjects>(),
         0,
         0,
         {},
         subject_codes},
        {"marks.unmarked_grades",
         K::integer_array,
         "[1]",
         "Grade levels (1-11) taught without marks (безотметочное обучение): no lesson, period "
         "or year marks, and out of the mark indicators; [] when the 1st grade is marked too.",
         bind<&Settings::unmarked_grades>(),
         1,
         11},
        {"marks.edit_days", K::integer, "7",
         "Days after its lesson that a teacher may still change a mark (0-365).",
         bind<&Settings::edit_days>(), 0, 365},
        {"marks.default_work_type",
         K::string,
         R"("answer")",
         "Work type of a mark given without one: a code of work_types.",
         bind<&Settings::default_work_type>(),
         1,
         0,
         {},
         one_word},

        {"work_types", K::table_array,
         R"([{ code = "answer", name = "Ответ на уроке", weight = 1 }, )"
         R"({ code = "homework", name = "Домашняя работа", weight = 1 }, )"
         R"({ code = "independent", name = "Самостоятельная работа", weight = 2 }, )"
         R"({ code = "test", name = "Контрольная работа", weight = 3 }])",
         "Kinds of work a mark is given for, with their weights in the period mark; listing any "
         "replaces the built-in four.",
         bind<&Settings::work_types>()},
        {"work_types.code",
         K::string,
         "",
         "Code typed in --work-type and files, e.g. \"test\"; one word, unique.",
         {},
         1,
         0,
         {},
         one_word},
        {"work_types.name",
         K::string,
         "",
         "Name printed on reports, e.g. \"Контрольная работа\".",
         {},
         1},
        {"work_types.weight", K::integer, "", "Weight in the weighted mean (1-100).", {}, 1, 100},

        {"scales", K::table_array, "[]",
         "The school's own grading scales, beside the built-in five_point, ten_point, "
         "hundred_point, pass_fail and none.",
         bind<&Settings::custom_scales>()},
        {"scales.code",
         K::string,
         "",
         "Code a subject's scale names, e.g. \"letter\"; one word, unique, not a built-in one.",
         {},
         1,
         0,
         {},
         one_word},
        {"scales.name", K::string, "", "Name printed on reports, e.g. \"буквенная\".", {}, 1},
        {"scales.pass",
         K::string,
         "",
         "The lowest passing symbol, one of the scale's symbols.",
         {},
         1},
        {"scales.symbols", K::inline_table_array, "",
         "The symbols, each { symbol = \"A\", value = 4.0 }."},
        {"scales.symbols.symbol",
         K::string,
         "",
         "What is written, e.g. \"A\"; unique in the scale, case aside.",
         {},
         1},
        {"scales.symbols.value", K::decimal, "",
         "What the symbol counts as in a mean, to hundredths: 4.0 or \"3,7\"."},

        {"attendance.unexcused",
         K::string,
         R"("Н")",
         "Label of an absence without a valid reason.",
         bind_in<&Settings::absence_labels, &AbsenceLabels::unexcused>(),
         1,
         0,
         {},
         not_blank},
        {"attendance.excused",
         K::string,
         R"("П")",
         "Label of an absence with a valid reason.",
         bind_in<&Settings::absence_labels, &AbsenceLabels::excused>(),
         1,
         0,
         {},
         not_blank},
        {"attendance.ill",
         K::string,
         R"("Б")",
         "Label of an absence through illness.",
         bind_in<&Settings::absence_labels, &AbsenceLabels::ill>(),
         1,
         0,
         {},
         not_blank},
        {"attendance.late",
         K::string,
         R"("ОП")",
         "Label of a late arrival.",
         bind_in<&Settings::absence_labels, &AbsenceLabels::late>(),
         1,
         0,
         {},
         not_blank},

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
        {"reports.signatures",
         K::string_array,
         "[]",
         "Signature lines under the printed period forms, each a role with an optional name: "
         "[\"Директор: Иванова А. А.\", \"Заместитель директора по УВР\"].",
         bind<&Settings::report_signatures>()},
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
