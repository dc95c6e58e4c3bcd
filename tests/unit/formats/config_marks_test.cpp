// [marks], [[work_types]], [[scales]], [attendance] and periods.min_marks in schoolctl.toml.
#include "domain/grading.h"
#include "formats/config_keys.h"
#include "formats/config_reader.h"
#include "formats/config_validate.h"

#include <catch2/catch.hpp>

using schoolctl::domain::MarkScale;
using schoolctl::domain::Rounding;
using schoolctl::domain::ScaleSymbol;
using schoolctl::domain::Threshold;
using schoolctl::domain::WorkType;
using schoolctl::formats::apply_config_file;
using schoolctl::formats::apply_config_text;
using schoolctl::formats::check_consistency;
using schoolctl::formats::ConfigState;

namespace {

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

// The one problem of `text`, or all of them joined when there are more.
std::string problem_of(const std::string& text) {
    std::string out;
    for (const auto& p : problems_of(text)) {
        out += (out.empty() ? "" : "\n") + p;
    }
    return out;
}

const std::string year = "[academic_year]\n"
                         "start = 2026-09-01\n"
                         "end = 2027-05-26\n";

} // namespace

TEST_CASE("config marks: the defaults", "[config][grading]") {
    const schoolctl::domain::Settings s;
    CHECK(s.grading.rounding == Rounding::half_up);
    CHECK(s.grading.thresholds == std::vector<Threshold>{{"5", 460}, {"4", 360}, {"3", 260}});
    CHECK(s.grading.min_marks == 3);
    CHECK_FALSE(s.grading.no_five_with_two);
    CHECK_FALSE(s.five_point_allows_one);
    CHECK(s.double_mark_subjects.empty());
    CHECK(s.unmarked_grades == std::vector<int>{1});
    CHECK(s.edit_days == 7);
    CHECK(s.default_work_type == "answer");
    CHECK(s.work_types == schoolctl::domain::default_work_types());
    CHECK(s.custom_scales.empty());
    CHECK(s.absence_labels.of(schoolctl::domain::Absence::late) == "ОП");
    // An empty file checks clean: the default work type is among the default work types.
    CHECK(problems_of("").empty());
}

TEST_CASE("config marks: the sample school's policy", "[config][grading]") {
    ConfigState state;
    apply_config_file(SCHOOLCTL_SOURCE_DIR "/samples/schoolctl.toml", state);
    check_consistency(state);
    REQUIRE(state.problems.empty());
    const auto& s = state.settings;
    CHECK(s.grading.rounding == Rounding::thresholds);
    CHECK(s.grading.thresholds == std::vector<Threshold>{{"5", 460}, {"4", 360}, {"3", 260}});
    CHECK(s.grading.min_marks == 3);
    CHECK(s.double_mark_subjects == std::vector<std::string>{"RUS", "LIT"});
    CHECK(s.edit_days == 7);
    REQUIRE(s.work_types.size() == 5);
    CHECK(s.work_types[3] == WorkType{"dictation", "Диктант", 3});
    CHECK(s.absence_labels.excused == "П");
}

TEST_CASE("config marks: every key read", "[config][grading]") {
    ConfigState state;
    auto problems = problems_of(year + "[marks]\n"
                                       "rounding = \"thresholds\"\n"
                                       "thresholds = [\n"
                                       "  { mark = \"5\", from = 4.65 },\n"
                                       "  { mark = \"4\", from = \"3,65\" },\n"
                                       "  { mark = \"3\", from = 2.6 },\n"
                                       "  { mark = \"2\", from = 2 },\n"
                                       "]\n"
                                       "min_marks = 2\n"
                                       "no_five_with_two = true\n"
                                       "five_point_allows_one = true\n"
                                       "double_mark_subjects = [\"RUS\", \"LIT\"]\n"
                                       "edit_days = 0\n"
                                       "default_work_type = \"oral\"\n"
                                       "[[work_types]]\n"
                                       "code = \"oral\"\n"
                                       "name = \"Устный ответ\"\n"
                                       "weight = 1\n"
                                       "[[work_types]]\n"
                                       "code = \"exam\"\n"
                                       "name = \"Экзамен\"\n"
                                       "weight = 5\n"
                                       "[[scales]]\n"
                                       "code = \"letter\"\n"
                                       "name = \"буквенная\"\n"
                                       "pass = \"c\"\n"
                                       "symbols = [\n"
                                       "  { symbol = \"F\", value = 0 },\n"
                                       "  { symbol = \"A\", value = 4.0 },\n"
                                       "  { symbol = \"B+\", value = \"3,3\" },\n"
                                       "  { symbol = \"C\", value = 2.0 },\n"
                                       "]\n"
                                       "[attendance]\n"
                                       "unexcused = \"НБ\"\n"
                                       "excused = \"УП\"\n"
                                       "ill = \"Бол\"\n"
                                       "late = \"Оп\"\n"
                                       "[[periods]]\n"
                                       "code = \"H1\"\n"
                                       "name = \"1 полугодие\"\n"
                                       "start = 2026-09-01\n"
                                       "end = 2026-12-26\n"
                                       "min_marks = 5\n",
                                state);
    REQUIRE(problems == std::vector<std::string>{});
    const auto& s = state.settings;
    CHECK(s.grading.rounding == Rounding::thresholds);
    CHECK(s.grading.thresholds ==
          std::vector<Threshold>{{"5", 465}, {"4", 365}, {"3", 260}, {"2", 200}});
    CHECK(s.grading.min_marks == 2);
    CHECK(s.grading.no_five_with_two);
    CHECK(s.five_point_allows_one);
    CHECK(s.double_mark_subjects == std::vector<std::string>{"RUS", "LIT"});
    CHECK(s.edit_days == 0);
    CHECK(s.default_work_type == "oral");
    CHECK(s.work_types ==
          std::vector<WorkType>{{"oral", "Устный ответ", 1}, {"exam", "Экзамен", 5}});
    REQUIRE(s.custom_scales.size() == 1);
    const MarkScale& letter = s.custom_scales[0];
    CHECK(letter.code == "letter");
    CHECK(letter.symbols ==
          std::vector<ScaleSymbol>{{"A", 400}, {"B+", 330}, {"C", 200}, {"F", 0}});
    CHECK(letter.pass_points == 200);
    CHECK_FALSE(letter.uses_thresholds);
    CHECK(s.absence_labels.ill == "Бол");
    REQUIRE(s.periods.size() == 1);
    CHECK(s.periods[0].min_marks == 5);
    CHECK(state.sources.at("marks.thresholds").item_lines == std::vector<std::size_t>{7, 8, 9, 10});
    // Graded by them: a letter subject's marks.
    CHECK(schoolctl::domain::scale_of(s, "letter")->symbols_text() == "A, B+, C, F");
}

TEST_CASE("config marks: thresholds to the hundredth, exactly", "[config][grading]") {
    auto [written, hundredths] = GENERATE(table<std::string, int>({
        {"4.6", 460},
        {"4.60", 460},
        {"4.65", 465},
        {"4.7", 470},
        {"\"4,60\"", 460},
        {"\"4,6\"", 460},
        {"\"4.65\"", 465},
        {"5", 500},
        {"5.0", 500},
        {"\"5\"", 500},
        {"4.01", 401},
        {"4.99", 499},
    }));
    ConfigState state;
    CAPTURE(written);
    REQUIRE(problems_of("[marks]\nthresholds = [{ mark = \"5\", from = " + written + " }]\n",
                        state) == std::vector<std::string>{});
    CHECK(state.settings.grading.thresholds == std::vector<Threshold>{{"5", hundredths}});
}

TEST_CASE("config marks: what is not a threshold", "[config][grading]") {
    auto [entries, problem] = GENERATE(table<std::string, std::string>({
        {R"({ mark = "5", from = 4.605 })",
         "t.toml:2: marks.thresholds.from: 4.605 has more than two decimals"},
        {R"({ mark = "5", from = "4,605" })",
         "t.toml:2: marks.thresholds.from: \"4,605\" is not a number with at most two decimals "
         "(e.g. 4.60 or \"4,60\")"},
        {R"({ mark = "5", from = "4.6.0" })",
         "t.toml:2: marks.thresholds.from: \"4.6.0\" is not a number with at most two decimals "
         "(e.g. 4.60 or \"4,60\")"},
        {R"({ mark = "5", from = -4.6 })",
         "t.toml:2: marks.thresholds.from: -4.6 is out of range (0 to 1000)"},
        {R"({ mark = "5", from = true })",
         "t.toml:2: marks.thresholds.from: expected a number (4.60 or \"4,60\"), got a boolean"},
        {R"({ mark = "5", from = 5.20 })",
         "t.toml:2: marks.thresholds.from: 5.20 for a 5 must be above 4.00 and at most 5.00"},
        {R"({ mark = "4", from = 4.60 })",
         "t.toml:2: marks.thresholds.from: 4.60 for a 4 must be above 3.00 and at most 4.00"},
        {R"({ mark = "6", from = 5.60 })",
         "t.toml:2: marks.thresholds.mark: \"6\" is not a mark of the five-point scale above its "
         "lowest (expected 5, 4, 3 or 2)"},
        {R"({ mark = "1", from = 0.60 })",
         "t.toml:2: marks.thresholds.mark: \"1\" is not a mark of the five-point scale above its "
         "lowest (expected 5, 4, 3 or 2)"},
        {R"({ mark = 5, from = 4.60 })",
         "t.toml:2: marks.thresholds.mark: expected a string, got an integer"},
        {R"({ mark = "5" })", "t.toml:2: marks.thresholds.from: is required but missing"},
        {R"({ mark = "5", form = 4.60 })",
         "t.toml:2: unknown key \"marks.thresholds.form\"; did you mean "
         "\"marks.thresholds.from\"?\n"
         "t.toml:2: marks.thresholds.from: is required but missing"},
        {R"({ mark = "4", from = 3.60 }, { mark = "5", from = 4.60 })",
         "t.toml:2: marks.thresholds.mark: \"5\" after \"4\": list the marks highest first, each "
         "once"},
        {R"({ mark = "4", from = 3.60 }, { mark = "4", from = 3.70 })",
         "t.toml:2: marks.thresholds.mark: \"4\" after \"4\": list the marks highest first, each "
         "once"},
        {R"({ mark = "3", from = 2.60 }, { mark = "2", from = 1.60 })",
         "t.toml:2: marks.thresholds.mark: a threshold for 2 needs marks.five_point_allows_one = "
         "true: without «1», 2 is the lowest mark"},
    }));
    CAPTURE(entries);
    CHECK(problem_of("[marks]\nthresholds = [" + entries + "]\n") == problem);
}

TEST_CASE("config marks: the other [marks] keys", "[config][grading]") {
    auto [text, problem] = GENERATE(table<std::string, std::string>({
        {"rounding = \"up\"",
         "t.toml:2: marks.rounding: must be \"half_up\" or \"thresholds\", got \"up\""},
        {"rounding = \"thresholds\"\nthresholds = []",
         "t.toml:3: marks.thresholds: is empty, but marks.rounding is \"thresholds\""},
        // A wrong entry is the problem, not the emptiness it leaves.
        {"rounding = \"thresholds\"\nthresholds = [{ mark = \"5\", from = 4.605 }]",
         "t.toml:3: marks.thresholds.from: 4.605 has more than two decimals"},
        {"min_marks = 0", "t.toml:2: marks.min_marks: must be from 1 to 100, got 0"},
        {"no_five_with_two = \"yes\"",
         "t.toml:2: marks.no_five_with_two: expected true or false, got a string"},
        {"five_point_allows_one = 1",
         "t.toml:2: marks.five_point_allows_one: expected true or false, got an integer"},
        {"double_mark_subjects = [\"RUS\", \"RUS\"]",
         "t.toml:2: marks.double_mark_subjects: \"RUS\" is listed twice"},
        {"double_mark_subjects = [\"RUS LIT\"]",
         "t.toml:2: marks.double_mark_subjects: \"RUS LIT\" has a space, comma or semicolon; a "
         "code is one word"},
        {"unmarked_grades = [0]",
         "t.toml:2: marks.unmarked_grades: must be from 1 to 11, got 0"},
        {"unmarked_grades = [1, 12]",
         "t.toml:2: marks.unmarked_grades: must be from 1 to 11, got 12"},
        {"unmarked_grades = [1, 1]", "t.toml:2: marks.unmarked_grades: 1 is listed twice"},
        {"unmarked_grades = 1",
         "t.toml:2: marks.unmarked_grades: expected an array of integers, got an integer"},
        {"unmarked_grades = [\"1\"]",
         "t.toml:2: marks.unmarked_grades: expected an array of integers, got a string in it"},
        {"edit_days = 400", "t.toml:2: marks.edit_days: must be from 0 to 365, got 400"},
        {"default_work_type = \"quiz\"",
         "t.toml:2: marks.default_work_type: \"quiz\" is not a work type (answer, homework, "
         "independent, test)"},
        {"default_work_type = \"\"", "t.toml:2: marks.default_work_type: must not be empty"},
        {"mode = 1", "t.toml:2: unknown key \"marks.mode\""},
    }));
    CAPTURE(text);
    CHECK(problem_of("[marks]\n" + text + "\n") == problem);
}

TEST_CASE("config marks: the grades taught without marks", "[config][grading]") {
    auto [text, grades] = GENERATE(table<std::string, std::vector<int>>({
        {"", {1}},
        {"[marks]\nunmarked_grades = []", {}},
        {"[marks]\nunmarked_grades = [1, 2]", {1, 2}},
        {"[marks]\nunmarked_grades = [2]", {2}},
    }));
    CAPTURE(text);
    ConfigState state;
    CHECK(problems_of(text, state).empty());
    CHECK(state.settings.unmarked_grades == grades);
}

TEST_CASE("config marks: work types", "[config][grading]") {
    auto [text, problem] = GENERATE(table<std::string, std::string>({
        {"[[work_types]]\ncode = \"answer\"\nname = \"Ответ\"\nweight = 0",
         "t.toml:4: work_types.weight: must be from 1 to 100, got 0"},
        {"[[work_types]]\ncode = \"answer\"\nname = \"Ответ\"\nweight = 1.5",
         "t.toml:4: work_types.weight: expected an integer, got a float"},
        {"[[work_types]]\ncode = \"answer\"\nname = \"Ответ\"",
         "t.toml:1: work_types.weight: is required but missing"},
        {"[[work_types]]\ncode = \"in class\"\nname = \"Ответ\"\nweight = 1",
         "t.toml:2: work_types.code: \"in class\" has a space, comma or semicolon; a code is one "
         "word"},
        {"[[work_types]]\ncode = \"answer\"\nname = \"Ответ\"\nweight = 1\n"
         "[[work_types]]\ncode = \"Answer\"\nname = \"Устный ответ\"\nweight = 1",
         "t.toml:5: work_types.code: \"Answer\" is already the code of the work type at line 1"},
        {"[[work_types]]\ncode = \"answer\"\nname = \"Ответ\"\nweight = 1\n"
         "[[work_types]]\ncode = \"oral\"\nname = \"ответ\"\nweight = 1",
         "t.toml:5: work_types.name: \"ответ\" is already the name of the work type at line 1"},
        {"[[work_types]]\ncode = \"test\"\nname = \"Контрольная\"\nweight = 3",
         "t.toml:1: work_types: has no \"answer\", the default work type; list it or set "
         "marks.default_work_type"},
        {"work_types = []",
         "t.toml:1: work_types: has no \"answer\", the default work type; list it or set "
         "marks.default_work_type"},
        {"[marks]\ndefault_work_type = \"test\"\n"
         "[[work_types]]\ncode = \"test\"\nname = \"Контрольная\"\nweight = 3",
         ""},
    }));
    CAPTURE(text);
    CHECK(problem_of(text + "\n") == problem);
}

TEST_CASE("config marks: custom scales", "[config][grading]") {
    auto scale = [](const std::string& code, const std::string& pass, const std::string& symbols) {
        return "[[scales]]\ncode = \"" + code + "\"\nname = \"буквенная\"\npass = \"" + pass +
               "\"\nsymbols = [" + symbols + "]\n";
    };
    const std::string ab = R"({ symbol = "A", value = 4 }, { symbol = "B", value = 3 })";
    auto [text, problem] = GENERATE_COPY(table<std::string, std::string>({
        {scale("letter", "B", ab), ""},
        {scale("five_point", "B", ab),
         "t.toml:2: scales.code: \"five_point\" is a built-in scale (five_point, ten_point, "
         "hundred_point, pass_fail, none)"},
        {scale("letter", "C", ab),
         "t.toml:4: scales.pass: \"C\" is not one of the scale's symbols (A, B)"},
        {scale("letter", "A", ""),
         "t.toml:5: scales.symbols: must list at least one symbol (a subject without marks has "
         "scale none)"},
        {scale("letter", "A", R"({ symbol = "A", value = 4 }, { symbol = "a", value = 3 })"),
         "t.toml:5: scales.symbols.symbol: \"a\" is already a symbol at line 5"},
        {scale("letter", "A", R"({ symbol = "A", value = 4 }, { symbol = "н/а", value = 0 })"),
         "t.toml:5: scales.symbols.symbol: \"н/а\" is reserved (н/а and осв are marks of every "
         "scale; a slash writes two marks in one cell)"},
        {scale("letter", "A", R"({ symbol = "A", value = 4 }, { symbol = "ОСВ", value = 0 })"),
         "t.toml:5: scales.symbols.symbol: \"ОСВ\" is reserved (н/а and осв are marks of every "
         "scale; a slash writes two marks in one cell)"},
        {scale("letter", "A", R"({ symbol = "A/B", value = 4 })"),
         "t.toml:5: scales.symbols.symbol: \"A/B\" is reserved (н/а and осв are marks of every "
         "scale; a slash writes two marks in one cell)"},
        {scale("letter", "A", R"({ symbol = "A", value = 4.001 })"),
         "t.toml:5: scales.symbols.value: 4.001 has more than two decimals"},
        {scale("letter", "A", R"({ symbol = "A" })"),
         "t.toml:5: scales.symbols.value: is required but missing"},
        {scale("letter", "B", ab) + scale("letter", "B", ab),
         "t.toml:6: scales.code: \"letter\" is already the code of the scale at line 1"},
        {scale("in letters", "B", ab),
         "t.toml:2: scales.code: \"in letters\" has a space, comma or semicolon; a code is one "
         "word"},
    }));
    CAPTURE(text);
    CHECK(problem_of(text) == problem);
}

TEST_CASE("config marks: attendance labels", "[config][attendance]") {
    auto [text, problem] = GENERATE(table<std::string, std::string>({
        {"excused = \"У\"", ""},
        {"excused = \"\"", "t.toml:2: attendance.excused: must not be empty"},
        {"ill = \"  \"", "t.toml:2: attendance.ill: must not be empty"},
        {"ill = \"н\"",
         "t.toml:2: attendance.ill: \"н\" is also the label of attendance.unexcused"},
        {"unexcused = \"Б\"",
         "t.toml:2: attendance.unexcused: \"Б\" is also the label of attendance.ill"},
        {"present = \"\"", "t.toml:2: unknown key \"attendance.present\""},
    }));
    CAPTURE(text);
    CHECK(problem_of("[attendance]\n" + text + "\n") == problem);
}

TEST_CASE("config marks: a period's own minimum", "[config][grading]") {
    CHECK(problem_of(year + "[[periods]]\ncode = \"H1\"\nname = \"1 полугодие\"\n"
                            "start = 2026-09-01\nend = 2026-12-26\nmin_marks = 0\n") ==
          "t.toml:9: periods.min_marks: must be from 1 to 100, got 0");
}

TEST_CASE("config marks: values written back as TOML", "[config][grading]") {
    using schoolctl::formats::to_toml;
    CHECK(to_toml(true) == "true");
    CHECK(to_toml(std::vector<Threshold>{{"5", 465}, {"4", 360}}) ==
          R"([{ mark = "5", from = 4.65 }, { mark = "4", from = 3.60 }])");
    CHECK(to_toml(std::vector<WorkType>{{"test", "Контрольная работа", 3}}) ==
          R"([{ code = "test", name = "Контрольная работа", weight = 3 }])");
    CHECK(to_toml(std::vector<MarkScale>{
              MarkScale{"letter", "буквенная", {{"A", 400}, {"C", 200}, {"F", 0}}, 200, false}}) ==
          R"([{ code = "letter", name = "буквенная", pass = "C", symbols = [{ symbol = "A", )"
          R"(value = 4.00 }, { symbol = "C", value = 2.00 }, { symbol = "F", value = 0.00 }] }])");
    // What config show prints reads back as the same settings.
    ConfigState state;
    REQUIRE(problems_of("[marks]\nthresholds = " +
                            to_toml(std::vector<Threshold>{{"5", 470}, {"4", 370}}) + "\n",
                        state)
                .empty());
    CHECK(state.settings.grading.thresholds == std::vector<Threshold>{{"5", 470}, {"4", 370}});
}
