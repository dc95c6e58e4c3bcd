#pragma once
// Pupils as people name them on the command line and in journal files: by a name that may lack
// the patronymic, with every class they have been in, to tell namesakes apart.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

struct PupilMatch {
    std::int64_t person_id = 0;
    domain::PersonName name;
    std::string external_id;            // "" when none
    std::string class_name;             // the open class membership, «5А»; "" when none
    std::optional<std::string> left_on;
};

// The pupil of the school with this person id.
std::optional<PupilMatch> find_pupil_match(Database& db, std::int64_t school_id,
                                           std::int64_t person_id);

// Pupils of the school whose name key is `match_key`, or starts with it and a space (the
// surname and first name without the patronymic), in id order.
std::vector<PupilMatch> find_pupils_by_name_start(Database& db, std::int64_t school_id,
                                                  const std::string& match_key);

// Every class the pupil has been a member of, in any year, by name («5А»).
std::vector<std::string> pupil_class_names(Database& db, std::int64_t pupil_id);

}  // namespace schoolctl::store
