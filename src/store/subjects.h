#pragma once
// Subjects of a school: a short code the files use (MATH), the name the forms print, the scale.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct SubjectRow {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string scale;
};

std::vector<SubjectRow> list_subjects(Database& db, std::int64_t school_id);
std::int64_t insert_subject(Database& db, std::int64_t school_id, const SubjectRow& subject);
void update_subject(Database& db, const SubjectRow& subject);

}  // namespace schoolctl::store
