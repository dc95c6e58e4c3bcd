#pragma once
// The name, birth date and id columns that pupils, guardians and staff files share, read and
// checked the same way for all three.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/import/columns.h"
#include "app/import/pipeline.h"
#include "store/people.h"

namespace schoolctl::app {

// Where a file kind keeps the person columns (indices into its FieldSpec list).
struct PersonColumns {
    std::size_t external_id;
    std::size_t last_name;
    std::size_t first_name;
    std::size_t middle_name;
    std::optional<std::size_t> birth_date;
};

// The FieldSpecs of the person columns, in the order PersonColumns{0, 1, 2, 3, 4} expects.
std::vector<FieldSpec> person_field_specs(bool with_birth_date);

// The person, or the first problem of the row (a row is rejected for its first problem so the
// message stays readable). Names may not mix alphabets or hold digits; dates are DD.MM.YYYY or
// ISO. Without an id, a birth date is needed when `needs_birth_date_without_id`.
std::variant<store::PersonFields, RowProblem> read_person(const RowCells& row,
                                                          const PersonColumns& columns,
                                                          bool needs_birth_date_without_id);

// For an update: what the file has no column (or no id) for keeps its stored value, so a file
// with fewer columns never erases a patronymic, a birth date or an id.
void keep_unread_fields(const RowCells& row, const PersonColumns& columns,
                        const store::PersonFields& stored, store::PersonFields& person);

// The person's fields as the audit records them; each kind adds its own.
nlohmann::json person_json(const store::PersonFields& person);

// The fields that differ, as field -> [old, new]: what the audit keeps of an update.
nlohmann::json changed_fields(const nlohmann::json& before, const nlohmann::json& after);

// An audit row's details for an object a row created: {"new": created, "source": source}. The
// object is moved in; an initializer list would copy it, once per row of a file.
nlohmann::json creation_details(nlohmann::json created, std::string source);

// The row's id already belongs to another kind of person (a pupil's id on a staff row).
std::optional<RowProblem> id_of_another_kind(ImportRun& run,
                                             const std::optional<std::string>& external_id);

// "MATH, PHYS" or "S-0001; S-0002": a list inside one field, items trimmed, empties dropped.
std::vector<std::string> split_list(const std::string& text);

// "Иванов Иван Иванович"
std::string display_name(const store::PersonFields& person);

// Which keys (a name's match key, say) a set of people may have: a Bloom filter of fixed size
// that lets a row whose key nobody has skip a lookup that walks B-trees. It errs only towards
// "may", so whatever it lets through is looked up as before, and a key no longer in use only
// costs a lookup. One MiB whatever the number of people; at a million keys about one absent key
// in fifty is let through.
class KeyFilter {
public:
    void add(std::string_view key);
    bool may_contain(std::string_view key) const;

private:
    static constexpr std::size_t bit_count = std::size_t{1} << 23;
    static constexpr int probes = 4;

    template <class Visit>
    static void for_each_bit(std::string_view key, Visit visit);

    std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(bit_count / 64);
};

// A name key with a second value (a birth date), as one KeyFilter key.
std::string joined_key(std::string_view match_key, std::optional<std::string_view> second);

}  // namespace schoolctl::app
