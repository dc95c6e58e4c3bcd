#pragma once
// The OneRoster CSV binding as data: the files a bundle may hold and their columns in the order
// the spec fixes, for versions 1.1 and 1.2. The reader checks headers and values against these
// tables and the writer writes its headers from them, so the two cannot drift apart.
#include <optional>
#include <span>
#include <string_view>

namespace schoolctl::formats {

enum class OneRosterVersion { v1_1, v1_2 };

// "1.1" or "1.2", as manifest.csv's oneroster.version spells it.
std::string_view version_text(OneRosterVersion version);
std::optional<OneRosterVersion> parse_oneroster_version(std::string_view text);

// What a column holds, which decides how its values are checked.
enum class ColumnKind {
    id,       // sourcedId: required, unique within the file
    status,   // blank in bulk files; active | tobedeleted in delta files
    modified, // dateLastModified: blank in bulk files; an ISO 8601 date and time in delta files
    text,
    date,       // YYYY-MM-DD
    year,       // YYYY
    boolean,    // true | false
    choice,     // one of `choices`, or an "ext:..." extension where `extensible`
    reference,  // the sourcedId of a record in `refers_to`
    references, // a comma-separated list of those
    list,       // a comma-separated list of values (grades, subjects, periods)
};

struct OneRosterColumn {
    std::string_view name;
    ColumnKind kind = ColumnKind::text;
    bool required = false;
    std::span<const std::string_view> choices{};
    bool extensible = false;      // choice: the spec lets a producer add "ext:NAME" values
    std::string_view refers_to{}; // reference(s), and an id that must name a record elsewhere
};

struct OneRosterFile {
    std::string_view name;                    // "users.csv"
    std::string_view manifest_key;            // "file.users"
    std::string_view record_noun;             // "a user", for "u-9 is not a user in users.csv"
    std::span<const OneRosterColumn> columns; // empty for files schoolctl reads past
};

// Every file the version's manifest lists, in the spec's order. Files with no columns here
// (gradebook, resources, user profiles) are known, so their manifest entries are checked, but
// their content is not read.
std::span<const OneRosterFile> oneroster_files(OneRosterVersion version);

// The file called `name` ("users.csv") in that version, or nullptr.
const OneRosterFile* find_oneroster_file(OneRosterVersion version, std::string_view name);

// The vocabularies that the reader and the writer both need by name.
std::span<const std::string_view> oneroster_user_roles(OneRosterVersion version);

} // namespace schoolctl::formats
