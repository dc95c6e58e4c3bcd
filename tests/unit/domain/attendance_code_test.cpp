#include "domain/attendance_code.h"

#include <catch2/catch.hpp>
#include <string>

using schoolctl::domain::Absence;
using schoolctl::domain::absence_codes_text;
using schoolctl::domain::absence_from_name;
using schoolctl::domain::absence_name;
using schoolctl::domain::AbsenceLabels;
using schoolctl::domain::is_missed;
using schoolctl::domain::parse_absence;

TEST_CASE("attendance code: what teachers and files write", "[attendance]") {
    auto [written, absence] = GENERATE(table<std::string, Absence>({
        {"Н", Absence::unexcused},
        {"н", Absence::unexcused},
        {" Н ", Absence::unexcused},
        {"П", Absence::excused},
        {"п", Absence::excused},
        {"У", Absence::excused},
        {"у", Absence::excused},
        {"Б", Absence::ill},
        {"б", Absence::ill},
        {"ОП", Absence::late},
        {"оп", Absence::late},
        {"Оп", Absence::late},
        {"О", Absence::late},
        {"о", Absence::late},
        // Latin letters typed for Cyrillic ones, by shape or by sound.
        {"N", Absence::unexcused},
        {"H", Absence::unexcused},
        {"n", Absence::unexcused},
        {"P", Absence::excused},
        {"Y", Absence::excused},
        {"B", Absence::ill},
        {"OP", Absence::late},
        {"op", Absence::late},
        {"O", Absence::late},
        {"Оp", Absence::late}, // Cyrillic О, Latin p
        // The stored names.
        {"unexcused", Absence::unexcused},
        {"excused", Absence::excused},
        {"ill", Absence::ill},
        {"LATE", Absence::late},
    }));
    CAPTURE(written);
    CHECK(parse_absence(written, AbsenceLabels{}) == absence);
}

TEST_CASE("attendance code: anything else is nothing", "[attendance]") {
    for (const std::string written : {"", " ", "Х", "НН", "X", "present", "5", "ОПП", "нб"}) {
        CAPTURE(written);
        CHECK_FALSE(parse_absence(written, AbsenceLabels{}));
    }
}

TEST_CASE("attendance code: the school's own labels come first", "[attendance]") {
    AbsenceLabels labels{"НБ", "УП", "Бол", "Оп"};
    CHECK(parse_absence("нб", labels) == Absence::unexcused);
    CHECK(parse_absence("УП", labels) == Absence::excused);
    CHECK(parse_absence("бол", labels) == Absence::ill);
    // The usual letters still work beside them.
    CHECK(parse_absence("Н", labels) == Absence::unexcused);
    CHECK(parse_absence("Б", labels) == Absence::ill);
    // A label that is another code's usual letter means what the school says.
    AbsenceLabels odd{"Н", "О", "Б", "ОП"};
    CHECK(parse_absence("О", odd) == Absence::excused);
    CHECK(absence_codes_text(labels) == "НБ, УП, Бол, Оп");
    CHECK(absence_codes_text(AbsenceLabels{}) == "Н, П, Б, ОП");
}

TEST_CASE("attendance code: stored names and what counts as missed", "[attendance]") {
    for (Absence a : {Absence::unexcused, Absence::excused, Absence::ill, Absence::late}) {
        CHECK(absence_from_name(absence_name(a)) == a);
        CHECK(is_missed(a) == (a != Absence::late));
    }
    CHECK(absence_name(Absence::ill) == "ill");
    CHECK_FALSE(absence_from_name("Н"));
    CHECK(AbsenceLabels{}.of(Absence::late) == "ОП");
}
