#include "app/sample/curriculum.h"
#include "sample_school.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <tuple>

using namespace schoolctl::app::sample;
using schoolctl::test::SampleSchool;

TEST_CASE("generated timetables keep every rule", "[sample][timetable]") {
    const auto [pupils, seed] = GENERATE(table<int, std::uint64_t>(
        {{1, 1}, {30, 1}, {120, 1}, {120, 2}, {700, 3}, {2000, 1}, {2000, 4}}));
    CAPTURE(pupils, seed);
    SampleSchool s(pupils, seed);
    // The checker: nobody twice at once in any week, class and subgroup apart, inside the
    // bells, no gaps, SanPiN's daily and weekly limits.
    const auto problems = timetable_problems(s.roster, s.load, s.timetable, s.settings);
    CHECK(problems.empty());
    if (!problems.empty()) {
        FAIL(problems.front());
    }

    // Every class has exactly its plan's hours a week (the A/B pair is one slot).
    std::map<int, std::set<std::pair<int, int>>> slots;
    std::map<std::pair<int, int>, int> hours; // (class, subject) → weekly rows of the whole class
                                              // or the first lane
    for (const auto& r : s.timetable.rows) {
        slots[r.klass].insert({r.day, r.lesson});
        const bool first_lane =
            r.group < 0 || s.roster.groups[static_cast<std::size_t>(r.group)].name.back() == '1' ||
            s.roster.groups[static_cast<std::size_t>(r.group)].name.find("мальчики") !=
                std::string::npos;
        if (first_lane && r.to.empty() && r.periodicity.empty()) {
            ++hours[{r.klass, r.subject}];
        }
    }
    for (std::size_t c = 0; c < s.roster.classes.size(); ++c) {
        const int grade = s.roster.classes[c].grade;
        CHECK(static_cast<int>(slots[static_cast<int>(c)].size()) == weekly_slots(grade));
        for (const auto& h : weekly_plan(grade)) {
            CHECK(hours[{static_cast<int>(c), h.subject}] == h.hours);
        }
    }
}

TEST_CASE("a class's two subgroups have their lessons at the same time", "[sample][timetable]") {
    SampleSchool s(700, 6);
    std::map<std::tuple<int, int, int>, std::set<int>> groups_at; // (class, day, lesson)
    for (const auto& r : s.timetable.rows) {
        if (r.group >= 0) {
            groups_at[{r.klass, r.day, r.lesson}].insert(r.group);
        }
    }
    CHECK(!groups_at.empty());
    for (const auto& [slot, groups] : groups_at) {
        CHECK(groups.size() == 2);
    }
}

TEST_CASE("the same seed places the same timetable", "[sample][timetable]") {
    SampleSchool a(400, 9), b(400, 9), c(400, 10);
    auto text = [](const Timetable& t) {
        std::string out;
        for (const auto& r : t.rows) {
            out += std::to_string(r.klass) + "," + std::to_string(r.group) + "," +
                   std::to_string(r.subject) + "," + std::to_string(r.teacher) + "," +
                   std::to_string(r.day) + "," + std::to_string(r.lesson) + ";";
        }
        return out;
    };
    CHECK(text(a.timetable) == text(b.timetable));
    CHECK(text(a.timetable) != text(c.timetable));
}

TEST_CASE("the checker finds a teacher twice at once, a gap and a day too long",
          "[sample][timetable]") {
    SampleSchool s(300, 7);
    REQUIRE(timetable_problems(s.roster, s.load, s.timetable, s.settings).empty());
    auto contains = [](const std::vector<std::string>& problems, const std::string& text) {
        for (const auto& p : problems) {
            if (p.find(text) != std::string::npos) {
                return true;
            }
        }
        return false;
    };
    {
        Timetable t = s.timetable;
        const auto& first = t.rows.front();
        for (auto& r : t.rows) {
            if (r.klass != first.klass && r.day == first.day && r.lesson == first.lesson) {
                r.teacher = first.teacher;
                break;
            }
        }
        CHECK(
            contains(timetable_problems(s.roster, s.load, t, s.settings), "teacher twice at once"));
    }
    {
        Timetable t = s.timetable;
        // The class's Monday without its first lesson: a gap.
        const int klass = t.rows.front().klass;
        std::erase_if(t.rows, [&](const TimetableRow& r) {
            return r.klass == klass && r.day == 1 && r.lesson == 1;
        });
        CHECK(contains(timetable_problems(s.roster, s.load, t, s.settings), "a gap"));
    }
    {
        Timetable t = s.timetable;
        TimetableRow extra = t.rows.front(); // a 1st-grade class
        extra.lesson = 5;
        extra.day = 1;
        extra.subject = 0;
        for (int l = 5; l <= 7; ++l) {
            extra.lesson = l;
            t.rows.push_back(extra);
        }
        CHECK(contains(timetable_problems(s.roster, s.load, t, s.settings), "more than SanPiN"));
    }
}
