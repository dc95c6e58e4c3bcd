#include "app/sample/curriculum.h"
#include "sample_school.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <set>

using namespace schoolctl::app::sample;
using schoolctl::test::SampleSchool;

TEST_CASE("classes: about 25 a class, every grade in a small school", "[sample][roster]") {
    CHECK(class_layout(2000).size() == 80);
    CHECK(class_layout(2000).front().name == "1А");
    CHECK(class_layout(120).size() == 10); // a village school: grades 1-10, a dozen each
    CHECK(class_layout(1).size() == 1);
    const auto big = class_layout(max_school_pupils());
    CHECK(big.size() == 297);
    CHECK(big.back().name == "11Я");
}

TEST_CASE("a roster: every pupil in a class, ids in order, groups inside their class",
          "[sample][roster]") {
    SampleSchool s(600, 5);
    const auto& r = s.roster;
    REQUIRE(r.pupils.size() == 600);
    std::set<std::string> ids;
    int in_classes = 0;
    for (const auto& c : r.classes) {
        CHECK(!c.pupils.empty());
        CHECK(c.pupils.size() <= 26);
        in_classes += static_cast<int>(c.pupils.size());
    }
    CHECK(in_classes == 600);
    for (std::size_t i = 0; i < r.pupils.size(); ++i) {
        CHECK(r.pupils[i].id == person_id('S', "", static_cast<int>(i) + 1, 4));
        ids.insert(r.pupils[i].id);
    }
    CHECK(ids.size() == 600);
    for (const auto& g : r.groups) {
        CHECK(!g.pupils.empty());
        for (int p : g.pupils) {
            CHECK(r.pupils[static_cast<std::size_t>(p)].klass == g.klass);
        }
    }
    // The two halves of a class are the whole class, without overlap.
    for (const auto& c : r.classes) {
        if (c.english[0] >= 0) {
            const auto& a = r.groups[static_cast<std::size_t>(c.english[0])].pupils;
            const auto& b = r.groups[static_cast<std::size_t>(c.english[1])].pupils;
            CHECK(a.size() + b.size() == c.pupils.size());
            std::set<int> both(a.begin(), a.end());
            both.insert(b.begin(), b.end());
            CHECK(both.size() == c.pupils.size());
        }
    }
}

TEST_CASE("families: siblings share their guardians; names as Russians have them",
          "[sample][roster]") {
    SampleSchool s(2000, 1);
    const auto& r = s.roster;
    int families_of_two = 0, twins = 0, with_yo = 0, female_forms = 0, girls = 0;
    for (const auto& g : r.guardians) {
        REQUIRE(!g.children.empty());
        if (g.children.size() >= 2) {
            ++families_of_two;
            const auto& a = r.pupils[static_cast<std::size_t>(g.children[0])];
            const auto& b = r.pupils[static_cast<std::size_t>(g.children[1])];
            CHECK(a.family == b.family);
            const int ga = r.classes[static_cast<std::size_t>(a.klass)].grade;
            const int gb = r.classes[static_cast<std::size_t>(b.klass)].grade;
            // Twins share a class and a birthday; other siblings are two grades apart or more.
            if (a.klass == b.klass) {
                CHECK(a.born == b.born);
                // or the import would take them for one child entered twice
                CHECK(a.name.first != b.name.first);
                ++twins;
            } else {
                CHECK(std::abs(ga - gb) >= 2);
            }
        }
    }
    CHECK(families_of_two > 100);
    CHECK(twins > 0);
    // Every child of a family is named by the same guardians.
    std::map<int, std::set<std::string>> guardians_of;
    for (const auto& g : r.guardians) {
        for (int c : g.children) {
            guardians_of[c].insert(g.id);
        }
    }
    for (const auto& g : r.guardians) {
        for (int c : g.children) {
            CHECK(guardians_of[c] == guardians_of[g.children[0]]);
        }
    }
    CHECK(guardians_of.size() == r.pupils.size());
    for (const auto& p : r.pupils) {
        const std::string full = p.name.last + p.name.first + p.name.middle;
        with_yo += full.find("ё") != std::string::npos || full.find("Ё") != std::string::npos;
        if (p.sex == Sex::female) {
            ++girls;
            const auto& last = p.name.last;
            female_forms += last.size() >= 2 && (last.substr(last.size() - 2) == "а" ||
                                                 last.substr(last.size() - 2) == "я");
        }
    }
    CHECK(with_yo > 50);
    CHECK(female_forms > girls * 9 / 10);
    // Pupils are born in the years their grade says.
    for (const auto& p : r.pupils) {
        const int grade = r.classes[static_cast<std::size_t>(p.klass)].grade;
        CHECK(static_cast<int>(p.born.year()) >= 2019 - grade);
        CHECK(static_cast<int>(p.born.year()) <= 2020 - grade + 1);
    }
}

TEST_CASE("the teaching load: one class teacher a class, full loads at most", "[sample][roster]") {
    SampleSchool s(2000, 2);
    std::set<int> class_teachers(s.load.class_teacher.begin(), s.load.class_teacher.end());
    CHECK(class_teachers.size() == s.roster.classes.size());
    for (const auto& t : s.load.teachers) {
        CHECK(t.load <= 22 + 5); // a primary teacher has their class's hours
        CHECK(!t.room.empty());
    }
    // Every hour of every class's plan has a teacher.
    for (std::size_t c = 0; c < s.roster.classes.size(); ++c) {
        for (const auto& h : weekly_plan(s.roster.classes[c].grade)) {
            for (int lane : lanes(s.roster, static_cast<int>(c), h.subject)) {
                CHECK(s.load.who.count({static_cast<int>(c), h.subject, lane}) == 1);
            }
        }
    }
}

TEST_CASE("a district's ids carry the school's number", "[sample][roster]") {
    SampleSchool s(50, 3, "1517-");
    CHECK(s.roster.pupils.front().id == "S-1517-0001");
    CHECK(s.roster.guardians.front().id == "G-1517-0001");
    CHECK(s.load.staff.front().id == "T-1517-0001");
}
