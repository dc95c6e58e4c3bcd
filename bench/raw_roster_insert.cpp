// The floor an import is measured against: the same pupils, classes and class memberships
// inserted with prepared statements in one transaction, with nothing else — no matching, no
// validation, no audit. `schoolctl import students` should stay within a small factor of it.
//
//     bench_raw_roster students.csv bench.db
#include <chrono>
#include <cstdio>
#include <map>
#include <sqlite3.h>
#include <string>

#include "formats/csv_reader.h"
#include "store/connection.h"
#include "util/error.h"

namespace {

void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(sqlite3_errmsg(db));
    }
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), db);
    return st;
}

void text(sqlite3_stmt* st, int i, const std::string& v) {
    sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_raw_roster STUDENTS.csv DATABASE\n");
        return 64;
    }
    try {
        auto database = schoolctl::store::create_database(argv[2], 5000);
        sqlite3* db = database->handle();
        database->exec(
            "INSERT INTO schools(id, name, created_at) VALUES (1, 'bench', '2026-11-28');"
            "INSERT INTO academic_years(id, school_id, name, start_date, end_date) "
            "VALUES (1, 1, '2026/27', '2026-09-01', '2027-08-31');");
        auto start = std::chrono::steady_clock::now();
        database->exec("BEGIN IMMEDIATE");
        sqlite3_stmt* person = prepare(
            db, "INSERT INTO people(school_id, last_name, first_name, middle_name, birth_date, "
                "external_id, match_key, created_at, updated_at) "
                "VALUES (1, ?, ?, ?, ?, ?, ?, '2026-11-28', '2026-11-28')");
        sqlite3_stmt* pupil = prepare(db, "INSERT INTO pupils(person_id) VALUES (?)");
        sqlite3_stmt* klass =
            prepare(db, "INSERT INTO classes(year_id, grade, letter) VALUES (1, ?, ?)");
        sqlite3_stmt* member = prepare(
            db, "INSERT INTO class_memberships(pupil_id, class_id, from_date) "
                "VALUES (?, ?, '2026-11-28')");
        std::map<std::string, sqlite3_int64> classes;
        schoolctl::formats::CsvReader reader(argv[1]);
        schoolctl::formats::CsvRecord r;
        long rows = 0;
        while (reader.next(r)) {
            const auto& f = r.fields;  // id;last;first;middle;DD.MM.YYYY;class
            std::string born = f[4].substr(6, 4) + "-" + f[4].substr(3, 2) + "-" + f[4].substr(0, 2);
            auto it = classes.find(f[5]);
            if (it == classes.end()) {
                std::string grade = f[5].substr(0, f[5].size() - 2);
                sqlite3_bind_int(klass, 1, std::stoi(grade));
                text(klass, 2, f[5].substr(grade.size()));
                check(sqlite3_step(klass), db);
                sqlite3_reset(klass);
                it = classes.emplace(f[5], sqlite3_last_insert_rowid(db)).first;
            }
            text(person, 1, f[1]);
            text(person, 2, f[2]);
            text(person, 3, f[3]);
            text(person, 4, born);
            text(person, 5, f[0]);
            text(person, 6, f[1] + " " + f[2] + " " + f[3]);
            check(sqlite3_step(person), db);
            sqlite3_reset(person);
            sqlite3_int64 id = sqlite3_last_insert_rowid(db);
            sqlite3_bind_int64(pupil, 1, id);
            check(sqlite3_step(pupil), db);
            sqlite3_reset(pupil);
            sqlite3_bind_int64(member, 1, id);
            sqlite3_bind_int64(member, 2, it->second);
            check(sqlite3_step(member), db);
            sqlite3_reset(member);
            ++rows;
        }
        for (auto* st : {person, pupil, klass, member}) {
            sqlite3_finalize(st);
        }
        database->exec("COMMIT");
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%ld rows in %.2f s\n", rows, seconds);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_raw_roster: %s\n", e.what());
        return 1;
    }
    return 0;
}
