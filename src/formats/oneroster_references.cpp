// The reader's check of the references between a bundle's files.
#include "formats/oneroster_checks.h"

namespace schoolctl::formats::oneroster {
namespace {

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

} // namespace

void check_references(const DataFiles& files, OneRosterVersion version, Problems& problems) {
    for (const auto& [name, file] : files) {
        if (!file.usable || file.delta) {
            continue;
        }
        const auto columns = file.spec->columns;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const OneRosterColumn& column = columns[c];
            if (column.refers_to.empty()) {
                continue;
            }
            const auto target = files.find(column.refers_to);
            if (target != files.end() && (!target->second.usable || target->second.delta)) {
                continue; // its own problems are reported; guessing past them helps nobody
            }
            const OneRosterFile* target_spec = find_oneroster_file(version, column.refers_to);
            const std::string noun(target_spec ? target_spec->record_noun : "a record");
            for (const OneRosterCsvRow& r : file.rows) {
                const std::string& v = r.fields[c];
                std::vector<std::string> ids;
                if (column.kind == ColumnKind::references) {
                    ids = split_oneroster_list(v);
                } else if (!v.empty()) {
                    ids.push_back(v);
                }
                for (const std::string& id : ids) {
                    if (id.empty() || (target != files.end() && target->second.ids.contains(id))) {
                        continue;
                    }
                    std::string reason =
                        in_quotes(id) + " is not " + noun + " in " + std::string(column.refers_to);
                    if (target == files.end()) {
                        reason += " (the bundle has no " + std::string(column.refers_to) + ")";
                    }
                    problems.push_back({name, r.line, std::string(column.name), reason});
                }
            }
        }
    }
}

} // namespace schoolctl::formats::oneroster
