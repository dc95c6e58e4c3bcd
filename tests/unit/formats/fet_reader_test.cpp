#include "formats/fet_reader.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/error.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::FetLesson;
using schoolctl::formats::FetTimetable;
using schoolctl::formats::read_fet;
using schoolctl::test::exit_code_of;
using schoolctl::test::TempDir;
using Strings = std::vector<std::string>;
using StudentsSet = FetTimetable::StudentsSet;

namespace {

std::filesystem::path data(const std::string& name) {
    return std::filesystem::path(SCHOOLCTL_SOURCE_DIR) / "tests/data/fet" / name;
}

// An example FET ships (Debian package fet-data), or an empty path when it is not installed.
std::filesystem::path example(const std::string& name) {
    const auto path = std::filesystem::path("/usr/share/doc/fet-data/examples") / name;
    if (!std::filesystem::exists(path)) {
        WARN("skipped: " << path.string() << " is not installed (Debian package fet-data)");
        return {};
    }
    return path;
}

const FetLesson& lesson(const FetTimetable& t, int activity_id) {
    const auto at = std::find_if(t.lessons.begin(), t.lessons.end(),
                                 [&](const FetLesson& l) { return l.activity_id == activity_id; });
    REQUIRE(at != t.lessons.end());
    return *at;
}

std::vector<int> ids(int from, int to, std::vector<int> except = {}) {
    std::vector<int> out(static_cast<std::size_t>(to - from + 1));
    std::iota(out.begin(), out.end(), from);
    std::erase_if(out, [&](int id) { return std::count(except.begin(), except.end(), id) > 0; });
    return out;
}

// The message of the Error(data) that `f` throws.
std::string data_error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        return e.what();
    }
    FAIL("no error");
    return {};
}

// A small FET file around the given activities and constraints, one a line: with one activity,
// it is on line 17 and the time constraints start on line 20.
std::string fet_file(const std::string& activities, const std::string& times = "",
                     const std::string& rooms = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                  // 1
           "<fet version=\"6.8.5\">\n"                                                     // 2
           "<Days_List>\n"                                                                 // 3
           "<Day><Name>Понедельник</Name></Day>\n"                                         // 4
           "<Day><Name>Вторник</Name></Day>\n"                                             // 5
           "</Days_List>\n"                                                                // 6
           "<Hours_List>\n"                                                                // 7
           "<Hour><Name>08:30</Name></Hour>\n"                                             // 8
           "<Hour><Name>09:25</Name></Hour>\n"                                             // 9
           "</Hours_List>\n"                                                               // 10
           "<Subjects_List><Subject><Name>Математика</Name></Subject></Subjects_List>\n"   // 11
           "<Teachers_List><Teacher><Name>Иванова М.П.</Name></Teacher></Teachers_List>\n" // 12
           "<Students_List><Year><Name>5</Name>\n"                                         // 13
           "<Group><Name>5А</Name></Group></Year></Students_List>\n"                       // 14
           "<Rooms_List><Room><Name>каб. 21</Name></Room></Rooms_List>\n"                  // 15
           "<Activities_List>\n" +                                                         // 16
           activities +
           "</Activities_List>\n<Time_Constraints_List>\n" + times +
           "</Time_Constraints_List>\n<Space_Constraints_List>\n" + rooms +
           "</Space_Constraints_List>\n</fet>\n";
}

// One activity on one line.
std::string activity(int id, const std::string& fields = "<Teacher>Иванова М.П.</Teacher>"
                                                         "<Subject>Математика</Subject>"
                                                         "<Students>5А</Students>"
                                                         "<Duration>1</Duration>") {
    return "<Activity>" + fields + "<Id>" + std::to_string(id) + "</Id></Activity>\n";
}

std::string placed(int id, const std::string& day, const std::string& hour,
                   const std::string& weight = "100") {
    return "<ConstraintActivityPreferredStartingTime><Weight_Percentage>" + weight +
           "</Weight_Percentage><Activity_Id>" + std::to_string(id) +
           "</Activity_Id><Preferred_Day>" + day + "</Preferred_Day><Preferred_Hour>" + hour +
           "</Preferred_Hour><Active>true</Active></ConstraintActivityPreferredStartingTime>\n";
}

std::string in_room(int id, const std::string& room) {
    return "<ConstraintActivityPreferredRoom><Weight_Percentage>100</Weight_Percentage>"
           "<Activity_Id>" +
           std::to_string(id) + "</Activity_Id><Room>" + room +
           "</Room></ConstraintActivityPreferredRoom>\n";
}

std::filesystem::path write(const TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

TEST_CASE("read_fet: the timetable FET generated for a Russian school", "[formats][fet]") {
    const auto file = data("school-5_data_and_timetable.fet");
    const FetTimetable t = read_fet(file);

    CHECK(t.version == "6.8.5");
    CHECK(t.mode == "Official");
    CHECK(t.institution == "ГБОУ Школа № 1234");
    CHECK(t.days == Strings{"Понедельник", "Вторник", "Среда", "Четверг", "Пятница"});
    CHECK(t.hours == Strings{"08:30", "09:25", "10:30", "11:25", "12:20", "13:15"});
    CHECK(t.teachers.size() == 7);
    CHECK(t.subjects.size() == 7);
    CHECK(t.rooms == Strings{"каб. 21", "каб. 14", "каб. 8", "Мастерская", "Спортзал"});
    CHECK(t.students_sets == std::vector<StudentsSet>{{"5", "year", {}, 52},
                                                      {"5А", "group", {"5"}, 26},
                                                      {"5А-1", "subgroup", {"5А"}, 13},
                                                      {"5А-2", "subgroup", {"5А"}, 13},
                                                      {"5Б", "group", {"5"}, 26}});

    // 27 placed; 28 is inactive and left out; 29 was added after generation.
    REQUIRE(t.lessons.size() == 27);
    CHECK(t.unplaced_activities == std::vector<int>{29});
    CHECK(std::none_of(t.lessons.begin(), t.lessons.end(),
                       [](const FetLesson& l) { return l.activity_id == 28; }));
    CHECK(t.lessons.front().activity_id == 1);
    CHECK(t.lessons.back().activity_id == 27);

    // Two teachers, two classes.
    CHECK(lesson(t, 25) == FetLesson{25,
                                     {"Волкова Н.Н.", "Кузнецов А.Н."},
                                     "Физическая культура",
                                     {"5А", "5Б"},
                                     "Понедельник",
                                     "11:25",
                                     0,
                                     3,
                                     1,
                                     "Спортзал",
                                     {},
                                     434});
    // A double lesson in the last two hours of the day.
    CHECK(lesson(t, 23) == FetLesson{23,
                                     {"Соколов И.И."},
                                     "Технология",
                                     {"5Б"},
                                     "Понедельник",
                                     "12:20",
                                     0,
                                     4,
                                     2,
                                     "Мастерская",
                                     {},
                                     412});
    // A subgroup, and no room.
    CHECK(lesson(t, 17) == FetLesson{17,
                                     {"Смирнова Е.В."},
                                     "Английский язык",
                                     {"5А-1"},
                                     "Вторник",
                                     "09:25",
                                     1,
                                     1,
                                     1,
                                     "",
                                     {},
                                     346});
    // Its 95% wish and FET's 100% placement agree.
    CHECK(lesson(t, 26).day == "Понедельник");
    CHECK(lesson(t, 26).hour == "08:30");
    CHECK(lesson(t, 8).day_index == 4);
    CHECK(lesson(t, 8).room == "каб. 21");
}

TEST_CASE("read_fet: the same timetable from FET's activities.xml", "[formats][fet]") {
    const auto file = data("school-5_data_and_timetable.fet");
    const FetTimetable from_constraints = read_fet(file);
    const FetTimetable from_xml = read_fet(file, data("school-5_activities.xml"));

    CHECK(from_xml.lessons == from_constraints.lessons);
    CHECK(from_xml.unplaced_activities == std::vector<int>{29});
    CHECK(from_xml.students_sets == from_constraints.students_sets);
}

TEST_CASE("read_fet: an input without a timetable has every active activity unplaced",
          "[formats][fet]") {
    const FetTimetable t = read_fet(data("school-5.fet"));

    // Activity 26's preferred starting time has weight 95: a wish, not a placement.
    CHECK(t.lessons.empty());
    CHECK(t.unplaced_activities == ids(1, 27));
    CHECK(t.days.size() == 5);
    CHECK(t.students_sets.size() == 5);
}

TEST_CASE("read_fet: a partial timetable from a stopped generation", "[formats][fet]") {
    const FetTimetable t =
        read_fet(data("school-5.fet"), data("school-5-highest/school-5_activities.xml"));

    REQUIRE(t.lessons.size() == 1);
    CHECK(t.lessons[0] == FetLesson{24,
                                    {"Соколов И.И."},
                                    "Технология",
                                    {"5А"},
                                    "Понедельник",
                                    "08:30",
                                    0,
                                    0,
                                    2,
                                    "Мастерская",
                                    {},
                                    420});
    CHECK(t.unplaced_activities == ids(1, 27, {24}));
}

TEST_CASE("read_fet: malformed XML is reported at expat's line", "[formats][fet]") {
    const auto file = data("malformed.fet");
    CHECK(data_error_of([&] { read_fet(file); }) ==
          file.string() + ":63: malformed XML: mismatched tag (column 23)");
}

TEST_CASE("read_fet: an activity's unknown teacher is reported at its line", "[formats][fet]") {
    const auto file = data("unknown-teacher.fet");
    CHECK(data_error_of([&] { read_fet(file); }) ==
          file.string() + ":62: activity 2: teacher \"Сидоров П.П.\" is not in <Teachers_List>");
}

TEST_CASE("read_fet: placements on a day that does not exist and past the end of the day",
          "[formats][fet]") {
    const auto file = data("day-out-of-range.fet");
    // Both problems, one a line.
    CHECK(data_error_of([&] { read_fet(file); }) ==
          file.string() +
              ":82: activity 1 is placed on day \"Суббота\", which is not in <Days_List>\n" +
              file.string() +
              ":91: activity 2 lasts 2 hours from hour \"09:25\" (number 2 of 2): past the end "
              "of the day");
}

TEST_CASE("read_fet: what a placement may be", "[formats][fet]") {
    TempDir dir;
    SECTION("a binding constraint places, a wish or an inactive one does not") {
        const std::string inactive = "<ConstraintActivityPreferredStartingTime>"
                                     "<Weight_Percentage>100</Weight_Percentage>"
                                     "<Activity_Id>3</Activity_Id>"
                                     "<Preferred_Day>Вторник</Preferred_Day>"
                                     "<Preferred_Hour>08:30</Preferred_Hour>"
                                     "<Active>false</Active>"
                                     "</ConstraintActivityPreferredStartingTime>\n";
        const auto file = write(dir, "t.fet",
                                fet_file(activity(1) + activity(2) + activity(3),
                                         placed(1, "Вторник", "09:25") +
                                             placed(2, "Понедельник", "08:30", "99.5") + inactive,
                                         in_room(1, "каб. 21")));
        const FetTimetable t = read_fet(file);
        REQUIRE(t.lessons.size() == 1);
        CHECK(t.lessons[0] == FetLesson{1,
                                        {"Иванова М.П."},
                                        "Математика",
                                        {"5А"},
                                        "Вторник",
                                        "09:25",
                                        1,
                                        1,
                                        1,
                                        "каб. 21",
                                        {},
                                        17});
        CHECK(t.unplaced_activities == std::vector<int>{2, 3});
        CHECK(t.version == "6.8.5");
        CHECK(t.mode.empty());
    }
    SECTION("an inactive activity is left out, whatever it names") {
        const auto file = write(
            dir, "t.fet",
            fet_file(activity(1) + activity(2, "<Teacher>Сидоров П.П.</Teacher><Subject>Физика"
                                               "</Subject><Duration>1</Duration><Active>false"
                                               "</Active>"),
                     placed(2, "Суббота", "08:30")));
        const FetTimetable t = read_fet(file);
        CHECK(t.lessons.empty());
        CHECK(t.unplaced_activities == std::vector<int>{1});
    }
    SECTION("a subgroup of two groups is one set with both parents") {
        std::string text = fet_file(activity(1));
        const std::string groups = "<Group><Name>5А</Name></Group></Year></Students_List>";
        text.replace(text.find(groups), groups.size(),
                     "<Group><Name>5А-англ</Name><Number_of_Students>13</Number_of_Students>"
                     "<Subgroup><Name>5А-англ-м</Name><Number_of_Students>7"
                     "</Number_of_Students></Subgroup></Group>"
                     "<Group><Name>5А-м</Name>"
                     "<Subgroup><Name>5А-англ-м</Name><Number_of_Students>7"
                     "</Number_of_Students></Subgroup></Group>"
                     "<Group><Name>5А</Name></Group></Year></Students_List>");
        const FetTimetable t = read_fet(write(dir, "t.fet", text));
        CHECK(t.students_sets ==
              std::vector<StudentsSet>{{"5", "year", {}, 0},
                                       {"5А-англ", "group", {"5"}, 13},
                                       {"5А-англ-м", "subgroup", {"5А-англ", "5А-м"}, 7},
                                       {"5А-м", "group", {"5"}, 0},
                                       {"5А", "group", {"5"}, 0}});
    }
}

TEST_CASE("read_fet: each kind of mistake, with its line", "[formats][fet]") {
    const std::string ok = activity(1);
    const std::string fields = "<Teacher>Иванова М.П.</Teacher><Subject>Математика</Subject>"
                               "<Students>5А</Students>";
    // clang-format off
    const auto [text, expected] = GENERATE_REF(table<std::string, std::string>({
        {fet_file(activity(1, "<Subject>Физика</Subject><Duration>1</Duration>")),
         ":17: activity 1: subject \"Физика\" is not in <Subjects_List>"},
        {fet_file(activity(1, "<Subject>Математика</Subject><Students>5В</Students>"
                              "<Duration>1</Duration>")),
         ":17: activity 1: students set \"5В\" is not in <Students_List>"},
        {fet_file(activity(1, fields)), ":17: <Activity> has no <Duration>"},
        {fet_file(activity(1, fields + "<Duration>два</Duration>"), placed(1, "Вторник", "08:30")),
         ":17: <Duration> \"два\" is not a whole number from 0 up"},
        {fet_file(activity(1, fields + "<Duration>0</Duration>")),
         ":17: activity 1: <Duration> is 0; an activity lasts at least 1 hour"},
        {fet_file("<Activity><Subject>Математика</Subject><Duration>1</Duration></Activity>\n"),
         ":17: <Activity> has no <Id>"},
        {fet_file(ok + activity(1)), ":18: activity 1: the id is used twice (first at line 17)"},
        {fet_file(ok, placed(1, "Понедельник", "10:30")),
         ":20: activity 1 is placed at hour \"10:30\", which is not in <Hours_List>"},
        {fet_file(ok, placed(7, "Понедельник", "08:30")),
         ":20: activity 7 is placed here but is not in <Activities_List>"},
        {fet_file(ok, placed(1, "Понедельник", "08:30") + placed(1, "Вторник", "08:30")),
         ":21: activity 1 is placed twice: on \"Вторник\" at \"08:30\" here, on "
         "\"Понедельник\" at \"08:30\" at line 20"},
        {fet_file(ok, placed(1, "Понедельник", "08:30"), in_room(1, "Спортзал")),
         ":23: activity 1 is placed in room \"Спортзал\", which is not in <Rooms_List>"},
        {fet_file(ok, "<ConstraintActivityPreferredStartingTime><Activity_Id>x</Activity_Id>"
                      "</ConstraintActivityPreferredStartingTime>\n"),
         ":20: <Activity_Id> \"x\" is not a whole number from 0 up"},
        {"<?xml version=\"1.0\"?>\n<timetable/>\n",
         ":2: not a FET file: the root element is <timetable>, not <fet>"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE fet [<!ENTITY a \"a\">]>\n<fet/>\n",
         ":2: the XML has a DOCTYPE declaration, which is refused (FET never writes one; it can "
         "declare entities that expand without bound)"},
        {"<fet>\n<Hours_List><Hour><Name>1</Name></Hour></Hours_List>\n"
         "<Activities_List/></fet>\n",
         ":1: <fet> has no days (<Days_List> is missing or empty)"},
        {"<fet>\n<Days_List><Day><Name>Пн</Name></Day></Days_List>\n<Hours_List><Hour/>"
         "</Hours_List>\n<Activities_List/></fet>\n",
         ":1: <fet> has no hours (<Hours_List> is missing or empty)\n{}:3: <Hour> has no <Name>"},
        {"<fet>\n<Days_List><Day><Name>Пн</Name></Day></Days_List>\n<Hours_List><Hour><Name>1"
         "</Name></Hour></Hours_List>\n</fet>\n",
         ":1: <fet> has no <Activities_List>"},
        {"<fet>\n<Days_List><Day><Name>Пн</Name></Day>\n<Day><Name>Пн</Name></Day></Days_List>"
         "<Hours_List><Hour><Name>1</Name></Hour></Hours_List><Activities_List/></fet>\n",
         ":3: Day \"Пн\" is listed twice (first at line 2)"},
        {"<fet>\n<Days_List><Day><Name>Пн</Name></Day></Days_List><Hours_List><Hour><Name>1"
         "</Name></Hour></Hours_List>\n<Students_List><Year><Name>5</Name><Group><Name>5А"
         "</Name></Group></Year>\n<Year><Name>5А</Name></Year></Students_List>"
         "<Activities_List/></fet>\n",
         ":4: students set \"5А\" is a year here and a group before"},
        {"", ":1: malformed XML: no element found (column 1)"},
    }));
    // clang-format on
    TempDir dir;
    const auto file = write(dir, "t.fet", text);
    std::string want = file.string() + expected;
    if (const auto at = want.find("{}"); at != std::string::npos) {
        want.replace(at, 2, file.string());
    }
    CHECK(data_error_of([&] { read_fet(file); }) == want);
}

TEST_CASE("read_fet: problems come in line order, the first 20 of them", "[formats][fet]") {
    const std::string unknown = "<Teacher>Сидоров П.П.</Teacher><Subject>Математика</Subject>"
                                "<Duration>1</Duration>";
    TempDir dir;
    SECTION("in line order") {
        // The weight (line 20) is found while reading, before the activities are checked.
        const auto file =
            write(dir, "t.fet",
                  fet_file(activity(1, unknown), "<ConstraintActivityPreferredStartingTime>"
                                                 "<Weight_Percentage>много</Weight_Percentage>"
                                                 "</ConstraintActivityPreferredStartingTime>\n"));
        CHECK(data_error_of([&] { read_fet(file); }) ==
              file.string() +
                  ":17: activity 1: teacher \"Сидоров П.П.\" is not in <Teachers_List>\n" +
                  file.string() + ":20: <Weight_Percentage> \"много\" is not a number");
    }
    SECTION("the first 20") {
        std::string activities;
        for (int id = 1; id <= 25; ++id) {
            activities += activity(id, unknown);
        }
        const auto file = write(dir, "t.fet", fet_file(activities));
        const std::string message = data_error_of([&] { read_fet(file); });
        CHECK(std::count(message.begin(), message.end(), '\n') == 20);
        CHECK(message.ends_with(":36: activity 20: teacher \"Сидоров П.П.\" is not in "
                                "<Teachers_List>\n(and 5 more problems)"));
    }
}

TEST_CASE("read_fet: an activities.xml that does not belong to the .fet file", "[formats][fet]") {
    TempDir dir;
    const auto fet = write(dir, "t.fet",
                           fet_file(activity(1) + activity(2, "<Subject>Математика</Subject>"
                                                              "<Duration>1</Duration>"
                                                              "<Active>false</Active>")));
    const auto slot = [](int id, const std::string& day) {
        return "<Activity><Id>" + std::to_string(id) + "</Id><Day>" + day +
               "</Day><Hour>08:30</Hour><Room></Room></Activity>\n";
    };
    const auto xml = [&](const std::string& slots) {
        return write(dir, "t_activities.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Activities_Timetable>\n" +
                         slots + "</Activities_Timetable>\n");
    };

    const auto placed_ok = read_fet(fet, xml(slot(1, "Вторник")));
    CHECK(placed_ok.lessons.at(0).day == "Вторник");
    CHECK(placed_ok.unplaced_activities.empty());
    CHECK(read_fet(fet, xml(slot(1, ""))).unplaced_activities == std::vector<int>{1});

    const auto path = (dir / "t_activities.xml").string();
    CHECK(data_error_of([&] { read_fet(fet, xml(slot(1, "Вторник") + slot(9, "Вторник"))); }) ==
          path + ":4: activity 9 is placed here but is not in <Activities_List> of " +
              fet.string());
    CHECK(data_error_of([&] { read_fet(fet, xml(slot(2, "Вторник"))); }) ==
          path + ":3: activity 2 is placed here but is inactive in " + fet.string());
    CHECK(data_error_of([&] { read_fet(fet, write(dir, "t_activities.xml", "<fet/>")); }) ==
          path + ":1: not a FET activities file: the root element is <fet>, not "
                 "<Activities_Timetable>");
}

TEST_CASE("read_fet: a file that cannot be read", "[formats][fet]") {
    TempDir dir;
    CHECK(exit_code_of([&] { read_fet(dir / "missing.fet"); }) == ExitCode::no_input);
    CHECK(exit_code_of([&] { read_fet(dir.path()); }) == ExitCode::no_input);
    CHECK(exit_code_of([&] { read_fet(data("school-5.fet"), dir / "missing.xml"); }) ==
          ExitCode::no_input);
}

TEST_CASE("read_fet: FET's own examples, data only (Denmark, Argentina, Russia)",
          "[formats][fet]") {
    if (const auto file = example("FET-5-official/Denmark/small-school.fet"); !file.empty()) {
        const FetTimetable t = read_fet(file);
        CHECK(t.version == "5.41.0");
        CHECK(t.mode.empty());
        CHECK(t.days == Strings{"Daily"});
        CHECK(t.hours ==
              Strings{"13.30 - 14.30", "14.40 - 15.40", "15.50 - 16.50", "17.00 - 18.00"});
        CHECK(t.teachers.size() == 9);
        CHECK(t.subjects.size() == 17);
        CHECK(t.students_sets.size() == 74); // one year per pupil
        // Its preferred starting times have weight 0.
        CHECK(t.lessons.empty());
        CHECK(t.unplaced_activities == ids(1, 25));
    }
    if (const auto file = example("FET-5-official/Argentina/Horario_ISJ.fet"); !file.empty()) {
        const FetTimetable t = read_fet(file);
        CHECK(t.institution == "Instituto San José Ñ12");
        CHECK(t.days == Strings{"Lunes", "Martes", "Miércoles", "Jueves", "Viernes"});
        CHECK(t.hours.size() == 7);
        CHECK(t.hours.front() == "1º 07:30-08:10");
        CHECK(t.rooms.size() == 6);
        CHECK(t.lessons.empty());
        CHECK(t.unplaced_activities.size() == 116);
    }
    if (const auto file = example("FET-5-official/Russia/Russian-Medical-College/timetable-ru.fet");
        !file.empty()) {
        const FetTimetable t = read_fet(file);
        CHECK(t.institution == "Медицинский коллеж");
        CHECK(t.days.size() == 12); // two alternating weeks
        CHECK(t.days.front() == "А-Понедельник");
        CHECK(t.hours.front() == "08:30");
        CHECK(t.teachers.size() == 47);
        CHECK(t.subjects.size() == 123);
        CHECK(t.rooms.size() == 25);
        // A year divided two ways: its subgroups belong to two groups each.
        CHECK(t.students_sets.at(2) ==
              StudentsSet{"ЛД101-П1-Б1", "subgroup", {"ЛД101-П1", "ЛД101-Б1"}, 10});
        // One activity is locked in the input.
        REQUIRE(t.lessons.size() == 1);
        CHECK(t.lessons[0] == FetLesson{33,
                                        {"Нестерова"},
                                        "Фармакология",
                                        {"ЛД101"},
                                        "А-Вторник",
                                        "12:20",
                                        1,
                                        2,
                                        2,
                                        "",
                                        {},
                                        1844});
        CHECK(t.unplaced_activities.size() == 561);
    }
}

TEST_CASE("read_fet: FET's own examples, locked timetables (United Kingdom, Spain, Algeria)",
          "[formats][fet]") {
    if (const auto file = example("FET-5-official/United-Kingdom/Hopwood/Hopwood.fet");
        !file.empty()) {
        const FetTimetable t = read_fet(file);
        CHECK(t.institution == "Hopwood ESOL");
        CHECK(t.days.size() == 6);
        CHECK(t.hours.size() == 5);
        CHECK(t.lessons.size() == 162);
        CHECK(t.unplaced_activities == std::vector<int>{52});
        CHECK(lesson(t, 3) == FetLesson{3,
                                        {"David"},
                                        "CALL",
                                        {"Begin F/T"},
                                        "Monday",
                                        "9.30 - 11.00",
                                        0,
                                        0,
                                        1,
                                        "B305",
                                        {},
                                        649});
        CHECK(lesson(t, 8).students == Strings{"Basic E1-  E3"}); // spaces kept
    }
    if (const auto file = example(
            "FET-5-official/Spain/4-secondary-and-vocational-school/SPAIN_20-21-locked.fet");
        !file.empty()) {
        const FetTimetable t = read_fet(file);
        CHECK(t.version == "5.47.0");
        CHECK(t.days.front() == "Lunes");
        CHECK(t.hours.front() == "1ª 08:15 - FP08:15");
        CHECK(t.teachers.size() == 89);
        CHECK(t.rooms.size() == 77);
        // 1,228 activities, 23 of them inactive.
        CHECK(t.lessons.size() == 1205);
        CHECK(t.unplaced_activities.empty());
        // A virtual room and the real rooms it got.
        CHECK(lesson(t, 349) == FetLesson{349,
                                          {"RE1", "EC1"},
                                          "Religión / VE",
                                          {"1BAC-B"},
                                          "Viernes",
                                          "5ª 12:45 - FP12:45",
                                          4,
                                          4,
                                          1,
                                          "AV 1BAC VE",
                                          {"Biblioteca", "A41"},
                                          6709});
        CHECK(lesson(t, 351).teachers == Strings{"EF1", "EF2", "EF3"});
        CHECK(lesson(t, 351).students == Strings{"1BAC-A", "1BAC-B", "1BAC-C"});
    }
    if (const auto file = example("FET-6-mornings-afternoons/Algeria/3/"
                                  "Test-Max_3consecutive days_data_and_timetable.fet");
        !file.empty()) {
        const FetTimetable t = read_fet(file);
        CHECK(t.version == "6.1.7");
        CHECK(t.mode == "Mornings_Afternoons");
        CHECK(t.days.size() == 10); // a morning and an afternoon per day
        CHECK(t.lessons.size() == 573);
        CHECK(t.unplaced_activities.empty());
        CHECK(lesson(t, 63).duration == 2);
        CHECK(lesson(t, 63).day_index == 7);
    }
}
