#include "app/import/pipeline.h"

#include <algorithm>

#include "app/import/history.h"
#include "domain/person_name.h"
#include "formats/mapping_reader.h"
#include "store/connection.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {

std::string RowCells::operator[](std::size_t field) const {
    auto col = map_.column(field);
    if (!col || *col >= fields_.size()) {
        return std::string();
    }
    std::string value = domain::normalise_spaces(fields_[*col]);
    // A rejects file (and any CSV schoolctl writes) guards text that starts like a formula
    // with an apostrophe; read back, the apostrophe is not part of the value.
    if (value.size() > 1 && value[0] == '\'' &&
        std::string_view("=+-@").find(value[1]) != std::string_view::npos) {
        value.erase(0, 1);
    }
    return value;
}

ImportRun::ImportRun(Session& s, const ImportRequest& r, ImportSummary& sum)
    : session(s), request(r), summary(sum), now(utc_iso_now()),
      today(today_iso()) {}

const store::YearRow& ImportRun::year() {
    if (!year_) {
        year_ = store::current_year(db(), session.school_id(), today);
        if (!year_) {
            throw Error(ExitCode::config, "the school has no academic year for " + today +
                                              "; set [academic_year] in schoolctl.toml and run "
                                              "`schoolctl init`");
        }
    }
    return *year_;
}

std::string ImportRun::source(std::size_t line) const {
    return summary.file + ":" + std::to_string(line);
}

std::optional<std::size_t> ImportRun::claim(std::int64_t id, std::size_t line) {
    auto index = static_cast<std::size_t>(id);
    if (index >= claims_.size()) {
        claims_.resize(std::max(index + 1, claims_.size() * 2), 0);
    }
    if (claims_[index] != 0) {
        return claims_[index];
    }
    claims_[index] = static_cast<std::uint32_t>(line);
    return std::nullopt;
}

bool ImportRun::claimed(std::int64_t id) const {
    return claimed_by(id).has_value();
}

std::optional<std::size_t> ImportRun::claimed_by(std::int64_t id) const {
    auto index = static_cast<std::size_t>(id);
    if (index < claims_.size() && claims_[index] != 0) {
        return claims_[index];
    }
    return std::nullopt;
}

void ImportRun::warn(std::size_t line, const std::string& text) {
    summary.warnings.push_back(source(line) + ": " + text);
}

namespace {

void count(ImportSummary& summary, RowAction action) {
    switch (action) {
    case RowAction::created: ++summary.created; break;
    case RowAction::updated: ++summary.updated; break;
    case RowAction::unchanged: ++summary.unchanged; break;
    }
}

// A row of an importer that checks before it writes: a rejected row wrote nothing, so there is
// nothing to roll back. Should one write and then reject all the same, its writes could not be
// undone alone: the import stops and the transaction takes everything back.
RowResult import_checked_first(ImportRun& run, RowImporter& importer, const RowCells& row) {
    const std::int64_t before = run.db().total_changes();
    RowResult result = importer.import_row(run, row);
    if (std::holds_alternative<RowProblem>(result) && run.db().total_changes() != before) {
        throw Error(ExitCode::failure, "internal error: " + run.source(row.line()) +
                                           " was rejected after it was written; nothing was "
                                           "imported");
    }
    return result;
}

RowResult import_one(ImportRun& run, RowImporter& importer, const formats::CsvRecord& record,
                     const ColumnMap& columns) {
    // A short row has lost a delimiter and its fields have moved; a long one is a problem only
    // when the extra fields hold something (Excel pads rows with ';').
    std::size_t expected = run.summary.header.size();
    bool bad_length = record.fields.size() < expected;
    for (std::size_t i = expected; i < record.fields.size() && !bad_length; ++i) {
        bad_length = !domain::normalise_spaces(record.fields[i]).empty();
    }
    if (bad_length) {
        return RowProblem{"row", "has " + std::to_string(record.fields.size()) +
                                     " fields, the header has " + std::to_string(expected)};
    }
    RowCells cells(record.fields, record.line, columns);
    if (importer.checks_before_writing()) {
        return import_checked_first(run, importer, cells);
    }
    store::Savepoint row(run.db(), "import_row");
    RowResult result = importer.import_row(run, cells);
    if (std::holds_alternative<RowAction>(result)) {
        row.release();
    }
    return result;  // a rejected row's writes roll back with the savepoint
}

void record_in_history(ImportRun& run, const std::string& kind) {
    ImportSummary& s = run.summary;
    std::int64_t import_id = record_import(run.session, kind, s.sha256, s);
    run.session.audit("import." + kind, "import", std::to_string(import_id), summary_counts(s));
}

}  // namespace

namespace {

// The summary's header and the file's columns mapped to the importer's fields; headers that are
// no field are warned about.
ColumnMap prepare(ImportSummary& summary, RowSource& source, RowImporter& importer,
                  const ImportRequest& request,
                  const std::optional<formats::ColumnMapping>& mapping) {
    summary.kind = importer.kind();
    summary.dry_run = request.dry_run;
    summary.sync = request.mode == ImportMode::sync;
    summary.max_rejects = request.max_rejects;
    summary.max_delete = request.max_delete;
    summary.file = source.file();
    summary.description = source.description();
    summary.header = source.header().fields;
    for (auto& h : summary.header) {
        h = domain::normalise_spaces(h);
    }
    ColumnMap columns = map_columns(importer.fields(), summary.header, summary.file,
                                    source.header().line, mapping ? &*mapping : nullptr);
    for (const auto& h : columns.unknown_headers) {
        if (h == rejects_error_column) {
            continue;  // a fixed rejects file imported again
        }
        summary.warnings.push_back(summary.file + ":" + std::to_string(source.header().line) +
                                   ": column «" + h + "» is not a field of " + importer.kind() +
                                   " and was not imported");
    }
    return columns;
}

void apply_rows(ImportRun& run, RowImporter& importer, RowSource& source,
                const ColumnMap& columns) {
    ImportSummary& summary = run.summary;
    formats::CsvRecord record;
    while (source.next(record)) {
        ++summary.rows;
        RowResult result = import_one(run, importer, record, columns);
        if (auto* problem = std::get_if<RowProblem>(&result)) {
            summary.rejects.push_back({record.line, problem->field, problem->reason,
                                       record.fields});
        } else {
            count(summary, std::get<RowAction>(result));
        }
    }
    importer.finish(run);
    summary.sha256 = source.sha256();
}

// Whether a grant of the actor carries the permission somewhere in the session's school.
bool holds_somewhere(const Session& s, domain::Permission permission) {
    const auto& grants = s.actor().grants;
    return std::any_of(grants.begin(), grants.end(), [&](const domain::Grant& g) {
        return domain::role_has(g.role, permission) &&
               (g.scope == domain::Scope::all || g.school_id == s.school_id());
    });
}

void check_permission_and_mode(Session& s, const ImportRequest& request,
                               const RowImporter& importer) {
    if (!importer.permission_per_row() || !holds_somewhere(s, importer.permission())) {
        s.require(importer.permission());
    }
    if (request.mode == ImportMode::sync && !importer.syncs()) {
        throw Error(ExitCode::usage, "--mode sync applies to pupils and staff, not to " +
                                         importer.kind());
    }
}

ImportSummary import_rows(Session& s, const ImportRequest& request, RowImporter& importer,
                          RowSource& source,
                          const std::optional<formats::ColumnMapping>& mapping) {
    ImportSummary summary;
    ColumnMap columns = prepare(summary, source, importer, request, mapping);

    ImportRun run(s, request, summary);
    store::enlarge_cache_for_bulk_load(s.db());
    // One write transaction from the first lookup to the commit: no other writer can change
    // what the plan was computed from.
    store::Transaction tx(s.db());
    apply_rows(run, importer, source, columns);
    if (summary.rejects.empty()) {
        for (auto& [line, problem] : importer.check_whole(run)) {
            summary.rejects.push_back({line, problem.field, problem.reason, {}});
            summary.whole_file_rejected = true;
        }
        std::stable_sort(summary.rejects.begin(), summary.rejects.end(),
                         [](const RowReject& a, const RowReject& b) { return a.line < b.line; });
    }

    if (summary.sync) {
        if (summary.rejects.empty()) {
            summary.left = importer.remove_absent(run);
            summary.needs_confirmation = summary.left > request.max_delete && !request.yes;
        } else {
            summary.warnings.push_back(
                summary.file + ": " + std::to_string(summary.rejects.size()) +
                (summary.rejects.size() == 1 ? " row was" : " rows were") +
                " rejected, so nobody was marked as left: a sync needs the whole file");
        }
    }
    if (request.rejects_file) {
        write_rejects_file(*request.rejects_file, summary.header, summary.rejects);
    }
    if (summary.rejects.size() > request.max_rejects || request.dry_run ||
        summary.needs_confirmation || summary.whole_file_rejected) {
        return summary;  // the transaction rolls back: nothing written
    }
    record_in_history(run, importer.kind());
    tx.commit();
    summary.written = true;
    return summary;
}

}  // namespace

ImportSummary run_import(Session& s, const ImportRequest& request, RowImporter& importer) {
    check_permission_and_mode(s, request, importer);
    std::optional<formats::ColumnMapping> mapping;
    if (request.mapping_file) {
        mapping = formats::read_mapping(*request.mapping_file);
    }
    SourceOptions options = request.source;
    options.toml_array = importer.toml_table();
    auto source = open_row_source(options);
    return import_rows(s, request, importer, *source, mapping);
}

ImportSummary run_import(Session& s, const ImportRequest& request, RowImporter& importer,
                         RowSource& source) {
    check_permission_and_mode(s, request, importer);
    return import_rows(s, request, importer, source, std::nullopt);
}

PartsSummary run_import_parts(Session& s, const ImportRequest& request,
                              std::vector<ImportPart>& parts, const std::string& kind,
                              const std::string& file, const std::string& sha256) {
    PartsSummary result;
    result.total.kind = kind;
    result.total.file = file;
    result.total.sha256 = sha256;
    result.total.dry_run = request.dry_run;
    result.total.max_rejects = request.max_rejects;
    for (auto& part : parts) {
        check_permission_and_mode(s, request, *part.importer);
    }
    std::vector<ColumnMap> columns;
    result.parts.resize(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        columns.push_back(prepare(result.parts[i], *parts[i].source, *parts[i].importer, request,
                                  std::nullopt));
    }
    store::enlarge_cache_for_bulk_load(s.db());
    store::Transaction tx(s.db());  // all the parts or none of them
    std::size_t rejects = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        ImportRun run(s, request, result.parts[i]);
        apply_rows(run, *parts[i].importer, *parts[i].source, columns[i]);
        const ImportSummary& p = result.parts[i];
        result.total.rows += p.rows;
        result.total.created += p.created;
        result.total.updated += p.updated;
        result.total.unchanged += p.unchanged;
        rejects += p.rejects.size();
    }
    if (rejects > request.max_rejects || request.dry_run) {
        return result;
    }
    ImportRun run(s, request, result.total);
    record_in_history(run, kind);
    tx.commit();
    result.total.written = true;
    for (auto& p : result.parts) {
        p.written = true;
    }
    return result;
}

nlohmann::json summary_counts(const ImportSummary& s) {
    return {{"file", s.file},           {"sha256", s.sha256},
            {"mode", s.sync ? "sync" : "upsert"},
            {"rows", s.rows},           {"created", s.created},
            {"updated", s.updated},     {"unchanged", s.unchanged},
            {"left", s.left},           {"rejected", s.rejects.size()}};
}

std::string did_you_mean(const std::vector<std::string>& candidates) {
    if (candidates.empty()) {
        return std::string();
    }
    std::string out;
    std::size_t shown = 0;
    for (const auto& c : candidates) {
        if (shown++ == 8) {
            out += ", ...";
            break;
        }
        out += (out.empty() ? "" : ", ") + c;
    }
    return " (did you mean " + out + "?)";
}

}  // namespace schoolctl::app
