#include "store/people.h"

namespace schoolctl::store {

std::string PersonRoles::role_text() const {
    return pupil ? "a pupil" : staff ? "a staff member" : guardian ? "a guardian" : "a person";
}

std::optional<PersonRoles> find_person_by_external_id(Database& db, std::int64_t school_id,
                                                      const std::string& external_id) {
    auto st = db.cached(
        "SELECT p.id, EXISTS (SELECT 1 FROM pupils WHERE person_id = p.id), "
        "EXISTS (SELECT 1 FROM guardians WHERE person_id = p.id), "
        "EXISTS (SELECT 1 FROM staff WHERE person_id = p.id), "
        "p.last_name || ' ' || p.first_name || "
        "CASE WHEN p.middle_name = '' THEN '' ELSE ' ' || p.middle_name END "
        "FROM people p WHERE p.school_id = ? AND p.external_id = ?");
    st->bind_all(school_id, external_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return PersonRoles{st->get_int(0), st->get_int(1) != 0, st->get_int(2) != 0,
                       st->get_int(3) != 0, st->get_text(4)};
}

std::int64_t insert_person(Database& db, std::int64_t school_id, const PersonFields& p,
                           const std::string& now) {
    auto st = db.cached(
        "INSERT INTO people(school_id, last_name, first_name, middle_name, birth_date, "
        "external_id, match_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(school_id, p.last_name, p.first_name, p.middle_name, p.birth_date,
                 p.external_id, p.match_key, now, now);
    st->run();
    return db.last_insert_id();
}

void update_person(Database& db, std::int64_t person_id, const PersonFields& p,
                   const std::string& now) {
    auto st = db.cached(
        "UPDATE people SET last_name = ?, first_name = ?, middle_name = ?, birth_date = ?, "
        "external_id = ?, match_key = ?, updated_at = ? WHERE id = ?");
    st->bind_all(p.last_name, p.first_name, p.middle_name, p.birth_date, p.external_id,
                 p.match_key, now, person_id);
    st->run();
}

int disable_accounts_of(Database& db, std::int64_t person_id, const std::string& now) {
    // A code on a slip not yet handed out must not work either; sessions and script tokens end.
    auto st = db.cached(
        "UPDATE accounts SET status = 'disabled', activation_hash = NULL, "
        "activation_expires_at = NULL WHERE person_id = ? AND status <> 'disabled'");
    st->bind(1, person_id);
    st->run();
    int disabled = db.changes();
    if (disabled > 0) {
        auto revoke = db.cached(
            "UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND account_id IN "
            "(SELECT id FROM accounts WHERE person_id = ?)");
        revoke->bind_all(now, person_id);
        revoke->run();
    }
    return disabled;
}

}  // namespace schoolctl::store
