// FET timetables as timetable rows, and the names a roster does not know: the sample school's
// FET file, and FET's own examples from several countries (Debian package fet-data, read where
// it installs them and skipped with a warning when it is absent; see tests/data/fet/README.md).
#include "app/import/fet_names.h"
#include "app/import/fet_records.h"
#include "formats/csv_reader.h"
#include "formats/fet_reader.h"
#include "support/exit_code.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace schoolctl;
using app::FetRecord;
using app::RosterNames;
using app::UnmatchedName;
using formats::FetMapping;
using formats::FetTimetable;
using Strings = std::vector<std::string>;

namespace {

std::filesystem::path source(const std::string& name) {
    return std::filesystem::path(SCHOOLCTL_SOURCE_DIR) / name;
}

// An example FET ships, or an empty path when the package is not installed.
std::filesystem::path example(const std::string& name) {
    const auto path = std::filesystem::path("/usr/share/doc/fet-data/examples") / name;
    if (!std::filesystem::exists(path)) {
        WARN("skipped: " << path.string() << " is not installed (Debian package fet-data)");
        return {};
    }
    return path;
}

// The rows of one activity, in order.
std::vector<FetRecord> of_activity(const app::FetRecords& r, int id) {
    std::vector<FetRecord> out;
    std::copy_if(r.records.begin(), r.records.end(), std::back_inserter(out),
                 [&](const FetRecord& x) { return x.activity_id == id; });
    return out;
}

// "5А/ENG 1 teacher room weekday.lesson": a row in one line, for readable expectations.
std::string text(const FetRecord& r) {
    return (r.class_name.empty() ? "group " + r.group : "class " + r.class_name) + " | " +
           r.subject + " | " + r.teacher + " | " + r.room + " | " + r.weekday + "." + r.lesson;
}

Strings texts(const std::vector<FetRecord>& rows) {
    Strings out;
    for (const auto& r : rows) {
        out.push_back(text(r));
    }
    return out;
}

Strings notes_at(const app::FetRecords& r, std::size_t line) {
    Strings out;
    for (const auto& n : r.notes) {
        if (n.line == line) {
            out.push_back(n.text);
        }
    }
    return out;
}

Strings lines_of(const std::vector<UnmatchedName>& names) {
    Strings out;
    for (const auto& n : names) {
        out.push_back(n.str());
    }
    return out;
}

const UnmatchedName* find(const std::vector<UnmatchedName>& names, const std::string& kind,
                          const std::string& name) {
    for (const auto& n : names) {
        if (n.kind == kind && n.name == name) {
            return &n;
        }
    }
    return nullptr;
}

std::size_t count_kind(const std::vector<UnmatchedName>& names, const std::string& kind) {
    return static_cast<std::size_t>(std::count_if(
        names.begin(), names.end(), [&](const UnmatchedName& n) { return n.kind == kind; }));
}

// The records of a CSV file of the sample school, by column.
std::vector<Strings> sample_rows(const std::string& name) {
    formats::CsvReader csv(source("samples/" + name).string());
    std::vector<Strings> out;
    formats::CsvRecord r;
    while (csv.next(r)) {
        out.push_back(r.fields);
    }
    return out;
}

// The sample school's roster as the database has it after its CSV files are imported.
RosterNames sample_roster() {
    RosterNames roster;
    for (const auto& r : sample_rows("staff.csv")) {
        domain::PersonName name{r.at(1), r.at(2), r.at(3)};
        roster.staff.push_back({r.at(0), name, domain::match_key(domain::full_name(name))});
    }
    for (const auto& r : sample_rows("subjects.csv")) {
        roster.subjects.push_back({r.at(0), r.at(1)});
    }
    for (const auto& r : sample_rows("classes.csv")) {
        roster.classes.push_back(r.at(0));
    }
    for (const auto& r : sample_rows("groups.csv")) {
        roster.groups.push_back({r.at(0), r.at(1)});
    }
    roster.rooms = {"101", "102", "201",        "202",        "203",     "204",     "205", "301",
                    "302", "303", "304",        "305",        "Кабинет технологии", "Мастерская",
                    "Спортзал"};
    return roster;
}

} // namespace

TEST_CASE("fet_records: the sample school, without and with its mapping", "[app][fet]") {
    const FetTimetable t = formats::read_fet(source("samples/fet/school-1234_data_and_timetable.fet"));
    REQUIRE(t.lessons.size() == 121);

    const app::FetRecords plain = app::fet_records(t, FetMapping{});
    CHECK(plain.records.size() == 129); // 121 lessons, 8 of them double
    CHECK(plain.notes.empty());
    // FET day i is weekday i+1, hour j lesson j+1: Пятница, 11:25 is Friday, lesson 4.
    CHECK(texts(of_activity(plain, 1)) ==
          Strings{"class 5А | Русский язык | Соловьёва Е.А. | каб. 201 | 5.4"});
    CHECK(of_activity(plain, 1).front().line == 597);
    // A double lesson of a technology group: lessons 2 and 3 of Wednesday.
    CHECK(texts(of_activity(plain, 26)) ==
          Strings{"group 5А-м | Труд (технология) | Киселёв В.И. | Мастерская | 3.2",
                  "group 5А-м | Труд (технология) | Киселёв В.И. | Мастерская | 3.3"});
    CHECK(of_activity(plain, 26).back().line == 872);

    FetMapping m;
    m.file = "mapping.toml";
    m.teachers["Киселёв В.И."] = {"T-0016", 3};
    m.students["5А-м"] = {"5А труд (мальчики)", 5};
    m.rooms["Мастерская"] = {"", 7}; // no room
    CHECK(texts(of_activity(app::fet_records(t, m), 26)) ==
          Strings{"group 5А труд (мальчики) | Труд (технология) | T-0016 |  | 3.2",
                  "group 5А труд (мальчики) | Труд (технология) | T-0016 |  | 3.3"});
    // A name mapped with another case or «е» for «ё» is found all the same.
    FetMapping loose;
    loose.teachers["КИСЕЛЕВ В.И."] = {"T-0016", 1};
    CHECK(of_activity(app::fet_records(t, loose), 26).front().teacher == "T-0016");
    // A FET name mapped to a class is a class.
    FetMapping to_class;
    to_class.students["5А-м"] = {"5 а", 1};
    CHECK(of_activity(app::fet_records(t, to_class), 26).front().class_name == "5 а");
}

TEST_CASE("unmatched_names: the sample school lists every FET name once, with a guess",
          "[app][fet]") {
    const FetTimetable t = formats::read_fet(source("samples/fet/school-1234_data_and_timetable.fet"));
    const RosterNames roster = sample_roster();

    const auto names = app::unmatched_names(t, FetMapping{}, roster);
    // FET's «Фамилия И.О.» teachers, «ОДНКНР», the subgroups «5А-1» … and the rooms «каб. 101» …
    CHECK(count_kind(names, "teacher") == 16);
    CHECK(count_kind(names, "subject") == 1);
    CHECK(count_kind(names, "students set") == 16);
    CHECK(count_kind(names, "room") == 12);
    CHECK(names.size() == 45);
    CHECK(names.front().kind == "teacher"); // teachers first, in FET's order
    CHECK(names.back().kind == "room");
    REQUIRE(find(names, "teacher", "Соловьёва Е.А.") != nullptr);
    CHECK(find(names, "teacher", "Соловьёва Е.А.")->str() ==
          "teacher «Соловьёва Е.А.» (16 lessons): no staff member has this id or full name; did "
          "you mean Соловьёва Елена Александровна (T-0005)?");
    CHECK(find(names, "subject", "ОДНКНР")->str() ==
          "subject «ОДНКНР» (1 lesson): no subject has this code or name; did you mean Основы "
          "духовно-нравственной культуры народов России (ODNKNR)?");
    CHECK(find(names, "students set", "5А-1")->str() ==
          "students set «5А-1» (3 lessons): no class or group of the current year has this name; "
          "did you mean 5А англ. 1?");
    CHECK(find(names, "students set", "5А-м")->str() ==
          "students set «5А-м» (2 lessons): no class or group of the current year has this name; "
          "did you mean 5А труд (мальчики)?");
    CHECK(find(names, "room", "каб. 101")->str() ==
          "room «каб. 101» (3 lessons): not a room of the school (school.rooms); did you mean 101?");
    // Names the roster has are not listed: classes, «Шахматы», «Математика», «Спортзал».
    CHECK(find(names, "students set", "5А") == nullptr);
    CHECK(find(names, "students set", "Шахматы") == nullptr);
    CHECK(find(names, "room", "Спортзал") == nullptr);

    // The sample's own mapping leaves nothing unmatched.
    const FetMapping m = formats::read_fet_mapping(source("samples/fet/mapping.toml").string());
    CHECK(lines_of(app::unmatched_names(t, m, roster)) == Strings{});

    // A school that does not list its rooms takes any room.
    RosterNames any_room = roster;
    any_room.rooms.clear();
    CHECK(count_kind(app::unmatched_names(t, FetMapping{}, any_room), "room") == 0);
}

TEST_CASE("unmatched_names: a mapped name the roster does not know says where it is mapped",
          "[app][fet]") {
    const FetTimetable t = formats::read_fet(source("samples/fet/school-1234_data_and_timetable.fet"));
    FetMapping m = formats::read_fet_mapping(source("samples/fet/mapping.toml").string());
    m.teachers["Соловьёва Е.А."].to = "T-0099";
    m.students["5А-1"].to = "5А англ. 3";
    m.has_days = true;
    m.days["Понедельник"] = {1, 40};
    RosterNames roster = sample_roster();
    // Two staff members with one name: the id tells them apart.
    roster.staff.push_back(roster.staff.at(6));
    roster.staff.back().id = "T-0021";
    const auto names = app::unmatched_names(t, m, roster);
    CHECK(lines_of(names) ==
          Strings{
              "teacher «Соловьёва Е.А.» (16 lessons): mapped to «T-0099» (" + m.file +
                  ":4), but no staff member has this id or full name; did you mean Соловьёва "
                  "Елена Александровна (T-0005)?",
              "students set «5А-1» (3 lessons): mapped to «5А англ. 3» (" + m.file +
                  ":22), but no class or group of the current year has this name; did you mean "
                  "5А англ. 1?",
              "day «Вторник» (28 lessons): not in [days] of " + m.file +
                  " (with [days] every day the timetable uses needs a line)",
              "day «Среда» (28 lessons): not in [days] of " + m.file +
                  " (with [days] every day the timetable uses needs a line)",
              "day «Четверг» (24 lessons): not in [days] of " + m.file +
                  " (with [days] every day the timetable uses needs a line)",
              "day «Пятница» (24 lessons): not in [days] of " + m.file +
                  " (with [days] every day the timetable uses needs a line)",
          });
    // A FET full name two staff members share.
    FetMapping by_name = formats::read_fet_mapping(source("samples/fet/mapping.toml").string());
    by_name.teachers["Фролов А.В."].to = "Фролов Андрей Викторович";
    CHECK(find(app::unmatched_names(t, by_name, roster), "teacher", "Фролов А.В.")->reason ==
          "mapped to «Фролов Андрей Викторович» (" + by_name.file +
              ":6), but 2 staff members have this full name; map it to the staff id of one; did "
              "you mean Фролов Андрей Викторович (T-0007) or Фролов Андрей Викторович (T-0021)?");
}

TEST_CASE("fet_records: FET's examples of three countries", "[app][fet]") {
    // United Kingdom: an adult college; a lesson with two teachers, one of five hours.
    if (const auto file = example("FET-5-official/United-Kingdom/Hopwood/Hopwood.fet");
        !file.empty()) {
        const FetTimetable t = formats::read_fet(file);
        const auto r = app::fet_records(t, FetMapping{});
        CHECK(r.records.size() == 168);
        CHECK(texts(of_activity(r, 3)) == Strings{"group Begin F/T | CALL | David | B305 | 1.1"});
        CHECK(texts(of_activity(r, 158)) ==
              Strings{"group Staff | PGCE | Kausar | Bolton | 3.1", "group Staff | PGCE | Kausar | Bolton | 3.2",
                      "group Staff | PGCE | Kausar | Bolton | 3.3", "group Staff | PGCE | Kausar | Bolton | 3.4",
                      "group Staff | PGCE | Kausar | Bolton | 3.5"});
        CHECK(of_activity(r, 10).front().teacher == "Nargis");
        CHECK(notes_at(r, 726) ==
              Strings{"activity 10 has 2 teachers (Nargis, Wilf); a timetable lesson has one: "
                      "Nargis teaches it, Wilf is left out"});
        CHECK(notes_at(r, 0) ==
              Strings{"1 activity has no place in the timetable (a partial timetable, or added "
                      "after it was made) and is not imported: activity 52"});
        // Every name is the school's own: a school with none of them is told about each.
        const auto names = app::unmatched_names(t, FetMapping{}, RosterNames{});
        CHECK(count_kind(names, "teacher") == 25); // first teachers only: Wilf is not needed
        CHECK(find(names, "teacher", "Wilf") == nullptr);
        CHECK(count_kind(names, "subject") == 24);
        CHECK(count_kind(names, "students set") == 52);
        CHECK(count_kind(names, "room") == 0); // no school.rooms: any room
        // Lessons are hours: Kausar's five-hour lesson counts five.
        CHECK(find(names, "teacher", "Kausar")->lessons == 12);
        CHECK(find(names, "teacher", "Adrian")->str() ==
              "teacher «Adrian» (4 lessons): no staff member has this id or full name");
    }
    // Spain: secondary and vocational school; joint lessons of three groups with three
    // teachers, lessons of three hours, virtual rooms, teachers' duties without students.
    if (const auto file = example(
            "FET-5-official/Spain/4-secondary-and-vocational-school/SPAIN_20-21-locked.fet");
        !file.empty()) {
        const FetTimetable t = formats::read_fet(file);
        FetMapping m;
        m.students["1BAC-A"] = {"10А", 1};
        m.students["1BAC-B"] = {"10Б", 2};
        m.rooms["AV 1BAC VE"] = {"", 3};
        const auto r = app::fet_records(t, m);
        CHECK(r.records.size() == 1387);
        CHECK(texts(of_activity(r, 351)) ==
              Strings{"class 10А | Educación Física | EF1 |  | 5.1",
                      "class 10Б | Educación Física | EF1 |  | 5.1",
                      "group 1BAC-C | Educación Física | EF1 |  | 5.1"});
        CHECK(notes_at(r, 6734) ==
              Strings{"activity 351 has 3 teachers (EF1, EF2, EF3); a timetable lesson has one: "
                      "EF1 teaches it, EF2, EF3 are left out"});
        CHECK(texts(of_activity(r, 349)) ==
              Strings{"class 10Б | Religión / VE | RE1 |  | 5.5"});
        const auto triple = of_activity(r, 2016); // Thursday, lessons 1-3
        REQUIRE(triple.size() == 3);
        CHECK(triple[0].weekday == "4");
        CHECK((Strings{triple[0].lesson, triple[1].lesson, triple[2].lesson} ==
               Strings{"1", "2", "3"}));
        CHECK(triple[2].line == 15736);
        const Strings whole_file = notes_at(r, 0);
        REQUIRE(whole_file.size() == 1);
        CHECK(whole_file[0].starts_with("229 activities have no students (a duty or a meeting?) "
                                        "and are not imported: activities 2217, 2218, 2219"));
        CHECK(r.notes.size() == 81 + 1); // one per lesson with several teachers
    }
    // Greece: a primary school, names in Greek capitals, double lessons, 13 unplaced.
    if (const auto file = example("FET-5-official/Greece/Didymoteicho/6th-Primary-School.fet");
        !file.empty()) {
        const FetTimetable t = formats::read_fet(file);
        const auto r = app::fet_records(t, FetMapping{});
        CHECK(r.records.size() == 412);
        CHECK(texts(of_activity(r, 1)) ==
              Strings{"group Α1 | ΓΛΩΣΣΑ | ΧΡΙΣΤΟΥΔΗ |  | 5.1",
                      "group Α1 | ΓΛΩΣΣΑ | ΧΡΙΣΤΟΥΔΗ |  | 5.2"});
        CHECK(of_activity(r, 1).front().line == 393);
        REQUIRE(notes_at(r, 0).size() == 1);
        CHECK(notes_at(r, 0).front().starts_with("13 activities have no place in the timetable"));

        // A roster that has the classes as groups, all subjects but one under a longer name, and
        // teachers by full name.
        RosterNames roster;
        for (const auto& set : t.students_sets) {
            roster.groups.push_back({set.name, ""});
        }
        for (const auto& s : t.subjects) {
            if (s != "ΘΕΑΤΡ.ΑΓΩΓΗ") {
                roster.subjects.push_back({s, s});
            }
        }
        roster.subjects.push_back({"DRAMA", "ΘΕΑΤΡΙΚΗ ΑΓΩΓΗ"});
        for (const auto& teacher : t.teachers) {
            domain::PersonName name{teacher, "ΜΑΡΙΑ", ""};
            roster.staff.push_back({"GR-" + teacher, name, domain::match_key(teacher + " ΜΑΡΙΑ")});
        }
        const auto names = app::unmatched_names(t, FetMapping{}, roster);
        CHECK(count_kind(names, "teacher") == 19);
        CHECK(find(names, "teacher", "ΧΡΙΣΤΟΥΔΗ")->str() ==
              "teacher «ΧΡΙΣΤΟΥΔΗ» (24 lessons): no staff member has this id or full name; did "
              "you mean ΧΡΙΣΤΟΥΔΗ ΜΑΡΙΑ (GR-ΧΡΙΣΤΟΥΔΗ)?");
        CHECK(find(names, "subject", "ΘΕΑΤΡ.ΑΓΩΓΗ")->str() ==
              "subject «ΘΕΑΤΡ.ΑΓΩΓΗ» (12 lessons): no subject has this code or name; did you "
              "mean ΘΕΑΤΡΙΚΗ ΑΓΩΓΗ (DRAMA)?");
        CHECK(count_kind(names, "students set") == 0);
    }
}

TEST_CASE("fet_records: days and hours mapped, a week that starts on Sunday", "[app][fet]") {
    // United Arab Emirates: the week is Sunday to Thursday; lessons without a teacher.
    const auto file = example("FET-5-official/United-Arab-Emirates/IBDP-School-2016.fet");
    if (file.empty()) {
        return;
    }
    const FetTimetable t = formats::read_fet(file);
    // Without [days], FET's first day is Monday.
    CHECK(of_activity(app::fet_records(t, FetMapping{}), 1).front().weekday == "1");

    FetMapping m;
    m.file = "uae.toml";
    m.has_days = true;
    m.days = {{"Sunday", {7, 2}}, {"Monday", {1, 3}}, {"Tuesday", {2, 4}},
              {"Wednesday", {3, 5}}};
    m.has_hours = true;
    const Strings periods = {"Period 1", "Period 2", "Period 3/Break", "Period 4",
                             "Period 5/Break", "Period 6", "Period 7"};
    for (int i = 0; i < 7; ++i) {
        m.hours[periods[static_cast<std::size_t>(i)]] = {i, static_cast<std::size_t>(10 + i)};
    }
    const auto r = app::fet_records(t, m);
    const auto first = of_activity(r, 1);
    REQUIRE(first.size() == 6); // six pupils' sets of one lesson
    CHECK(first.front().weekday == "7");
    CHECK(first.front().lesson == "0");
    CHECK(first.front().group == "Student 13IB02");
    CHECK(first.front().line == 5138);
    // Thursday is not in [days]: its lessons are listed as one name.
    const auto names = app::unmatched_names(t, m, RosterNames{});
    const auto* thursday = find(names, "day", "Thursday");
    REQUIRE(thursday != nullptr);
    CHECK(thursday->lessons == 349);
    CHECK(count_kind(names, "day") == 1);
    CHECK(count_kind(names, "hour") == 0);
    // A lesson without a teacher keeps its place with an empty teacher: the import rejects it.
    const auto no_teacher = of_activity(r, 961);
    REQUIRE(no_teacher.size() == 2);
    CHECK(no_teacher.front().teacher.empty());
    CHECK(no_teacher.front().line == 19229);
}

TEST_CASE("fet_records: a 12-day cycle in Russian, and FET's other modes refused", "[app][fet]") {
    // Russia: a medical college with alternating weeks А and В; one double lesson is locked.
    if (const auto file = example("FET-5-official/Russia/Russian-Medical-College/timetable-ru.fet");
        !file.empty()) {
        const FetTimetable t = formats::read_fet(file);
        const auto r = app::fet_records(t, FetMapping{});
        CHECK(texts(r.records) == Strings{"group ЛД101 | Фармакология | Нестерова |  | 2.3",
                                          "group ЛД101 | Фармакология | Нестерова |  | 2.4"});
        // «ЛД101» reads as no class; a school maps it.
        RosterNames roster;
        roster.classes = {"1А"};
        roster.staff.push_back({"T-1",
                                {"Нестерова", "Ольга", "Ивановна"},
                                domain::match_key("Нестерова Ольга Ивановна")});
        roster.subjects.push_back({"PHARM", "Фармакология"});
        CHECK(lines_of(app::unmatched_names(t, FetMapping{}, roster)) ==
              Strings{"teacher «Нестерова» (2 lessons): no staff member has this id or full "
                      "name; did you mean Нестерова Ольга Ивановна (T-1)?",
                      "students set «ЛД101» (2 lessons): no class or group of the current year "
                      "has this name"});
        CHECK_NOTHROW(app::require_official_mode(t, file.string()));
    }
    // Algeria: mornings and afternoons are days of their own.
    if (const auto file = example("FET-6-mornings-afternoons/Algeria/3/"
                                  "Test-Max_3consecutive days_data_and_timetable.fet");
        !file.empty()) {
        const FetTimetable t = formats::read_fet(file);
        CHECK(test::exit_code_of([&] { app::require_official_mode(t, "a.fet"); }) ==
              ExitCode::data);
        try {
            app::require_official_mode(t, "a.fet");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) ==
                  "a.fet: a timetable of FET's mode Mornings_Afternoons; schoolctl imports "
                  "timetables of FET's official mode, whose days are the days of the week");
        }
    }
}
