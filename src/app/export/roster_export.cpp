#include "app/export/roster_export.h"

#include "app/export/oneroster_mapping.h"
#include "app/export/roster_files.h"
#include "app/export/roster_snapshot.h"
#include "app/export/roster_tables.h"
#include "formats/oneroster_writer.h"
#include "store/database.h"
#include "util/clock.h"
#include "util/error.h"

#include <filesystem>

namespace schoolctl::app {
namespace {

const char* format_name(RosterFormat format) {
    switch (format) {
    case RosterFormat::csv:
        return "csv";
    case RosterFormat::xlsx:
        return "xlsx";
    case RosterFormat::oneroster:
        return "oneroster";
    }
    return "";
}

store::SchoolRow school_of(Session& session) {
    for (auto& school : store::list_schools(session.db())) {
        if (school.id == session.school_id()) {
            return school;
        }
    }
    throw Error(ExitCode::failure, "the session's school is not in the database");
}

// What OneRoster carries of each kind, counted the way the CSV files count rows.
std::vector<std::pair<std::string, std::size_t>> snapshot_counts(const RosterSnapshot& r) {
    std::size_t assignments = r.assignments.size();
    for (const auto& c : r.classes) {
        assignments += c.class_teacher_id ? 1U : 0U;
    }
    return {{"subjects", r.subjects.size()},   {"staff", r.staff.size()},
            {"classes", r.classes.size()},     {"students", r.pupils.size()},
            {"guardians", r.guardians.size()}, {"groups", r.groups.size()},
            {"assignments", assignments}};
}

} // namespace

RosterExportSummary export_roster(Session& session, const RosterExportRequest& request) {
    // Reading the roster is not enough: a bulk export takes the whole school's personal data out.
    session.require(domain::Permission::data_export);
    if (request.format == RosterFormat::oneroster && request.out.ends_with(".zip")) {
        throw Error(ExitCode::usage, "a OneRoster bundle is written as a folder, not a zip; "
                                     "give a folder for --out and zip it afterwards");
    }
    RosterExportSummary summary;
    // One transaction: every file is read from the same state of the database, and the audit
    // row is written only with the files.
    store::Transaction tx(session.db());
    LoadedRoster loaded =
        load_roster(session.db(), school_of(session), today_iso());
    summary.warnings = loaded.warnings;
    std::filesystem::path written = request.out;
    if (request.format == RosterFormat::oneroster) {
        formats::write_oneroster_folder(oneroster_bundle(loaded.roster, request.oneroster_version),
                                        request.oneroster_version, request.out);
        summary.counts = snapshot_counts(loaded.roster);
    } else {
        RosterTables tables = roster_tables(loaded.roster);
        summary.warnings.insert(summary.warnings.end(), tables.warnings.begin(),
                                tables.warnings.end());
        if (request.format == RosterFormat::csv) {
            write_roster_csv(tables.tables, request.out);
        } else {
            written = write_roster_xlsx(tables.tables, request.out, now_seconds());
        }
        for (const auto& t : tables.tables) {
            summary.counts.emplace_back(t.kind, t.rows.size());
        }
    }
    summary.written = written.string();

    nlohmann::json counts = nlohmann::json::object();
    std::size_t rows = 0;
    for (const auto& [kind, n] : summary.counts) {
        counts[kind] = n;
        rows += n;
    }
    nlohmann::json details = {{"format", format_name(request.format)},
                              {"to", std::filesystem::absolute(written).string()},
                              {"rows", rows},
                              {"counts", counts}};
    if (request.format == RosterFormat::oneroster) {
        details["oneroster_version"] =
            std::string(formats::version_text(request.oneroster_version));
    }
    session.audit("roster.export", "school", std::to_string(session.school_id()), details);
    tx.commit();
    return summary;
}

} // namespace schoolctl::app
