#pragma once
// `schoolctl purge --left-before DATE`: removes the personal data of the pupils and staff who
// left before a date, and of the guardians who go with them (152-ФЗ: data is kept no longer
// than its purpose needs). What past periods' reports count stays under a placeholder name.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

// The name a purged pupil or staff member keeps: «Выбывший № 74».
inline constexpr const char* purged_last_name = "Выбывший";
// Who imports by a deleted account were made by, and the actor of its audit rows.
inline constexpr const char* purged_actor = "(purged)";

struct PurgeRequest {
    domain::Date left_before;
    bool dry_run = false;
};

struct PurgedPerson {
    std::string kind;  // pupil | staff | guardian
    std::string name;
    std::optional<domain::Date> left_on;  // none for a guardian
};

struct PurgeSummary {
    std::vector<PurgedPerson> people;  // pupils, staff, then guardians, each by name
    std::size_t pupils = 0;
    std::size_t staff = 0;
    std::size_t guardians = 0;
    std::size_t accounts = 0;
    std::size_t consents = 0;
    std::size_t remarks = 0;
    std::int64_t guardian_links = 0;
    std::int64_t health_records = 0;
    std::int64_t texts_cleared = 0;
    std::size_t audit_rows_redacted = 0;
    bool dry_run = false;
};

// Permission data.purge. Runs in one transaction: the people's data removed
// (store::purge_people), every audit row that names them redacted, and a data.purge audit row
// listing those rows by id, with counts only. A dry run does all of it and rolls it back. After
// a real run the file is compacted and the WAL emptied, so the removed bytes are gone from both
// (exit 75 if another connection keeps that from happening: the purge itself stands; run it
// again). Exit 65 if the acting account's own person would be purged.
PurgeSummary purge_left_people(Session& session, const PurgeRequest& request);

}  // namespace schoolctl::app
