// `--pupil` and a journal file's pupil cell: by id, login or name (ё and е alike, the
// patronymic optional), a class telling namesakes apart.
#include <catch2/catch.hpp>

#include "app/journal/pupil_select.h"
#include "journal_school.h"
#include "store/accounts.h"
#include "support/exit_code.h"

using namespace schoolctl;

namespace {

struct Namesakes : test::JournalSchool {
    std::int64_t ivanov_a = 0, ivanov_b = 0;
    Namesakes() {
        store::Transaction tx(db());
        ivanov_a = store::insert_pupil(db(), 1, pupil("Иванов", "Иван", "Иванович", "S-10"), "t");
        ivanov_b = store::insert_pupil(db(), 1, pupil("Иванов", "Иван", "Петрович", "S-11"), "t");
        store::start_in_class(db(), ivanov_a, c5a, "2026-09-01");
        store::start_in_class(db(), ivanov_b, c5b, "2026-09-01");
        store::NewAccount account;
        account.login = "vetrov.oleg";
        account.person_id = vetrov;
        store::insert_account(db(), account, "t");
        tx.commit();
    }
    std::int64_t select(const std::string& text) {
        return app::select_pupil(*session, text).person_id;
    }
};

}  // namespace

TEST_CASE("a pupil is named by id, login or name", "[app][journal]") {
    Namesakes s;
    CHECK(s.select("S-2") == s.borisov);
    CHECK(s.select("vetrov.oleg") == s.vetrov);
    CHECK(s.select("Абрамова Дарья Евгеньевна") == s.abramova);
    CHECK(s.select("  абрамова   ДАРЬЯ ") == s.abramova);
    CHECK(s.select("Борисов Петр") == s.borisov);  // ё and е alike
    auto ref = app::select_pupil(*s.session, "S-1");
    CHECK(ref.name == "Абрамова Дарья Евгеньевна");
    CHECK(ref.short_name == "Абрамова Д. Е.");
    CHECK(ref.class_name == "5Б");
}

TEST_CASE("namesakes are told apart by the class", "[app][journal]") {
    Namesakes s;
    CHECK(test::exit_code_of([&] { s.select("Иванов Иван"); }) == ExitCode::data);
    try {
        s.select("Иванов Иван");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("2 pupils") && Catch::Contains("5А, S-10") &&
                                 Catch::Contains("5Б, S-11"));
    }
    CHECK(s.select("Иванов Иван 5Б") == s.ivanov_b);
    CHECK(s.select("Иванов Иван 5 а") == s.ivanov_a);
    CHECK(s.select("Иванов Иван Петрович") == s.ivanov_b);
    // Abramova was in 5А before she moved: the old class still names her.
    CHECK(s.select("Абрамова Дарья 5А") == s.abramova);
    CHECK(test::exit_code_of([&] { s.select("Иванов Иван 5В"); }) == ExitCode::data);
    CHECK(test::exit_code_of([&] { s.select("Иванов Иван 5A"); }) == ExitCode::data);  // Latin A
}

TEST_CASE("an unknown pupil or a bare surname is refused", "[app][journal]") {
    Namesakes s;
    CHECK(test::exit_code_of([&] { s.select("Сидоров Сидор"); }) == ExitCode::data);
    CHECK(test::exit_code_of([&] { s.select("Борисов"); }) == ExitCode::data);
    CHECK(test::exit_code_of([&] { s.select(""); }) == ExitCode::data);
    CHECK(test::exit_code_of([&] { s.select("S-99"); }) == ExitCode::data);
}
