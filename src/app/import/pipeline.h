#pragma once
// The one import contract every import follows (DESIGN.md):
// read -> map columns -> validate every row -> plan -> apply, in one transaction.
//
// Rows stream from the file and are applied as they come, inside one write transaction; a row
// that is rejected is rolled back to its savepoint. At the end one checkpoint decides: too many
// rejects, a dry run, or a sync that would remove more than allowed roll everything back.
// So a dry run does exactly the work of the real import, memory does not grow with the file,
// and the database holds all of a file or none of it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/import/columns.h"
#include "app/import/import_result.h"
#include "app/import/row_source.h"
#include "app/session.h"
#include "store/schools.h"

namespace schoolctl::app {

enum class ImportMode { upsert, sync };

struct ImportRequest {
    SourceOptions source;
    std::optional<std::string> mapping_file;  // --mapping FILE.toml
    bool dry_run = false;
    std::size_t max_rejects = 0;  // apply the good rows when at most this many are rejected
    std::optional<std::string> rejects_file;  // original fields + an error column, for fixing
    ImportMode mode = ImportMode::upsert;
    std::size_t max_delete = 10;  // sync refuses to mark more people as left without `yes`
    bool yes = false;
    std::optional<std::string> left_on;  // sync: the day the absent left (ISO); default today
    // The day the file describes (ISO): the class and group memberships it starts begin then,
    // so a roster loaded in November for the whole year can say 1 September. Default today.
    std::optional<std::string> as_of;
};

enum class RowAction { created, updated, unchanged };

struct RowProblem {
    std::string field;
    std::string reason;
};

using RowResult = std::variant<RowAction, RowProblem>;

// One record's cells by field, white space normalised.
class RowCells {
public:
    RowCells(const std::vector<std::string>& fields, std::size_t line, const ColumnMap& map)
        : fields_(fields), line_(line), map_(map) {}

    std::size_t line() const { return line_; }
    bool has_column(std::size_t field) const { return map_.column(field).has_value(); }
    // "" when the file has no column for the field.
    std::string operator[](std::size_t field) const;

private:
    const std::vector<std::string>& fields_;
    std::size_t line_;
    const ColumnMap& map_;
};

// What an importer sees of the run: the session, the request, the clock and the bookkeeping.
class ImportRun {
public:
    ImportRun(Session& session, const ImportRequest& request, ImportSummary& summary);

    Session& session;
    const ImportRequest& request;
    ImportSummary& summary;
    const std::string now;    // UTC, for created_at/updated_at
    const std::string today;  // ISO, Moscow

    store::Database& db() { return session.db(); }
    // The academic year of today; exit 78 when the school has none.
    const store::YearRow& year();
    // "students.csv:14", for the audit's source.
    std::string source(std::size_t line) const;
    // Marks an object as named by this line; returns the earlier line when another row of the
    // file named it already (the same pupil twice).
    std::optional<std::size_t> claim(std::int64_t id, std::size_t line);
    bool claimed(std::int64_t id) const;
    // The line that claimed the object, if one did.
    std::optional<std::size_t> claimed_by(std::int64_t id) const;
    void warn(std::size_t line, const std::string& text);

private:
    std::optional<store::YearRow> year_;
    std::vector<std::uint32_t> claims_;  // line by object id; 0 = unclaimed
};

class RowImporter {
public:
    virtual ~RowImporter() = default;
    virtual std::string kind() const = 0;  // "students": the subcommand and the history's kind
    virtual const std::vector<FieldSpec>& fields() const = 0;
    // Checks one row and applies it; a row it rejects must be reported, not thrown (the
    // pipeline rolls the row's writes back).
    virtual RowResult import_row(ImportRun& run, const RowCells& row) = 0;
    // True when import_row returns every RowProblem before its first write. The pipeline then
    // opens no savepoint for the row: a savepoint copies every page the row's writes touch,
    // which costs more than the writes themselves. A row rejected after writing anyway stops
    // the import with nothing written.
    virtual bool checks_before_writing() const { return false; }
    // The array of tables a TOML file of these records holds: [[row]], [[lesson]].
    virtual std::string toml_table() const { return "row"; }
    // What the import needs: roster.write, or timetable.write for a timetable.
    virtual domain::Permission permission() const { return domain::Permission::roster_write; }
    // False: permission() on the whole school. True: the importer checks each row against what
    // the row touches (a teacher's marks in their own subjects and classes), and the import
    // starts when the actor holds permission() anywhere in the school.
    virtual bool permission_per_row() const { return false; }
    // After the last row, when none was rejected: problems only the whole file shows (two rows
    // that clash), each with its line. Any of them means nothing is written, whatever
    // --max-rejects says: their rows were applied already.
    virtual std::vector<std::pair<std::size_t, RowProblem>> check_whole(ImportRun&) { return {}; }
    // After the last row, whatever was rejected: writes what the importer held back to write
    // once for many rows (the marks import audits a lesson's new marks in one row).
    virtual void finish(ImportRun&) {}
    // Whether the rows start class or group memberships, which --as-of dates (pupils, groups).
    virtual bool dates_memberships() const { return false; }
    // Whether --mode sync means something for this kind (pupils and staff).
    virtual bool syncs() const { return false; }
    // Sync: mark as left those the file did not name; returns how many.
    virtual std::size_t remove_absent(ImportRun&) { return 0; }
};

// Permission roster.write. Rejects and refusals come back in the summary (written = false);
// problems with the file as a whole (missing, unreadable, no header) are thrown.
ImportSummary run_import(Session& session, const ImportRequest& request, RowImporter& importer);

// The same with rows that do not come from a file of rows (a FET timetable turned into
// timetable rows): the request's source and mapping are not used.
ImportSummary run_import(Session& session, const ImportRequest& request, RowImporter& importer,
                         RowSource& source);

// One table of an import made of several (a OneRoster bundle): its rows and their importer.
struct ImportPart {
    std::unique_ptr<RowSource> source;
    RowImporter* importer = nullptr;
};

struct PartsSummary {
    ImportSummary total;  // the counts summed; the rejects and warnings stay with the parts
    std::vector<ImportSummary> parts;
};

// Imports the parts in order, each with the same contract as a single file, in one transaction:
// all of them or none (too many rejects over all parts, or a dry run). The import history
// records one import of `kind` from `file`. The request's source and mapping are not used, and
// --mode sync is refused.
PartsSummary run_import_parts(Session& session, const ImportRequest& request,
                              std::vector<ImportPart>& parts, const std::string& kind,
                              const std::string& file, const std::string& sha256);

// The summary's file, checksum, mode and counts: what the import's audit row and the JSON
// summary both say.
nlohmann::json summary_counts(const ImportSummary& summary);

// " (did you mean 5А, 5Б?)" after a reference that did not resolve; "" without candidates.
std::string did_you_mean(const std::vector<std::string>& candidates);

}  // namespace schoolctl::app
