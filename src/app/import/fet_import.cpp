#include "app/import/fet_import.h"

#include <fstream>
#include <map>
#include <sstream>

#include "app/import/fet_names.h"
#include "app/import/fet_records.h"
#include "app/import/timetable.h"
#include "formats/fet_mapping.h"
#include "formats/fet_reader.h"
#include "store/groups.h"
#include "store/pupils.h"
#include "store/roster_export.h"
#include "store/subjects.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// The timetable rows of a FET file, each on the line of its activity.
class FetRowSource final : public RowSource {
public:
    FetRowSource(std::string file, std::vector<FetRecord> records, std::string sha256,
                 std::string description)
        : file_(std::move(file)), records_(std::move(records)), sha256_(std::move(sha256)),
          description_(std::move(description)) {
        header_.line = 1;
        header_.fields = fet_record_header();
    }
    const std::string& file() const override { return file_; }
    const formats::CsvRecord& header() const override { return header_; }
    bool next(formats::CsvRecord& record) override {
        if (next_ == records_.size()) {
            return false;
        }
        record.line = records_[next_].line;
        record.fields = fet_record_fields(records_[next_++]);
        return true;
    }
    std::string sha256() override { return sha256_; }
    std::string description() const override { return description_; }

private:
    std::string file_;
    std::vector<FetRecord> records_;
    formats::CsvRecord header_;
    std::string sha256_;
    std::string description_;
    std::size_t next_ = 0;
};

// The timetable importer under the kind "fet", which also says why a row has no teacher: FET
// allows an activity without one, a timetable rule does not.
class FetImporter final : public RowImporter {
public:
    FetImporter(std::unique_ptr<RowImporter> timetable, std::map<std::size_t, int> activities)
        : inner_(std::move(timetable)), activities_(std::move(activities)) {
        const auto& f = inner_->fields();
        for (std::size_t i = 0; i < f.size(); ++i) {
            if (f[i].name == "teacher") {
                teacher_ = i;
            }
        }
    }
    std::string kind() const override { return "fet"; }
    const std::vector<FieldSpec>& fields() const override { return inner_->fields(); }
    domain::Permission permission() const override { return inner_->permission(); }
    bool checks_before_writing() const override { return inner_->checks_before_writing(); }
    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (row[teacher_].empty()) {
            const auto id = activities_.find(row.line());
            return RowProblem{"teacher", "activity " +
                                             std::to_string(id == activities_.end() ? 0 : id->second) +
                                             " has no teacher in FET; a timetable lesson needs "
                                             "one"};
        }
        return inner_->import_row(run, row);
    }
    std::vector<std::pair<std::size_t, RowProblem>> check_whole(ImportRun& run) override {
        return inner_->check_whole(run);
    }

private:
    std::unique_ptr<RowImporter> inner_;
    std::map<std::size_t, int> activities_;  // line -> activity id
    std::size_t teacher_ = 0;
};

// For the import history. The reader streams the file and keeps no bytes; a FET file is a few
// megabytes at most, so reading it again costs nothing worth keeping them for.
std::string file_sha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ExitCode::no_input, path + ": cannot open the file");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return crypto::sha256_hex(bytes.str());
}

// What the school has, by name: the staff who have not left, the subjects, the classes and
// groups of the current year (exit 78 without one) and school.rooms.
RosterNames roster_names(Session& session, const ImportRequest& request) {
    ImportSummary unused;
    ImportRun run(session, request, unused);
    const std::int64_t year = run.year().id;
    store::Database& db = session.db();
    RosterNames roster;
    for (const auto& s : store::roster_staff(db, session.school_id())) {
        roster.staff.push_back({s.person.external_id.value_or(""),
                                {s.person.last_name, s.person.first_name, s.person.middle_name},
                                s.person.match_key});
    }
    for (const auto& s : store::list_subjects(db, session.school_id())) {
        roster.subjects.push_back({s.code, s.name});
    }
    std::map<std::int64_t, std::string> class_names;
    for (const auto& c : store::list_classes(db, year)) {
        roster.classes.push_back(c.name());
        class_names[c.id] = c.name();
    }
    for (const auto& g : store::list_groups(db, year)) {
        roster.groups.push_back({g.name, g.class_id ? class_names[*g.class_id] : ""});
    }
    roster.rooms = session.settings().rooms;
    return roster;
}

[[noreturn]] void refuse_unmatched(const std::vector<UnmatchedName>& names,
                                   const std::string& file,
                                   const std::optional<std::string>& mapping_file) {
    std::string message =
        file + ": " + std::to_string(names.size()) +
        (names.size() == 1 ? " FET name does" : " FET names do") +
        " not match the roster; map " + (names.size() == 1 ? "it" : "them") + " in " +
        (mapping_file ? *mapping_file : std::string("a --mapping file")) +
        " (see schoolctl-import(1)); nothing was imported:";
    for (const auto& n : names) {
        message += "\n  " + n.str();
    }
    throw Error(ExitCode::data, message);
}

std::string description(const formats::FetTimetable& t, std::size_t rows) {
    std::string out = "FET";
    if (!t.version.empty()) {
        out += " " + t.version;
    }
    if (!t.institution.empty()) {
        out += ", «" + t.institution + "»";
    }
    return out + ", " + std::to_string(t.lessons.size()) + " placed activities as " +
           std::to_string(rows) + " timetable rows";
}

}  // namespace

ImportSummary import_fet(Session& session, const ImportRequest& request,
                         const std::string& fet_file,
                         const std::optional<std::string>& mapping_file) {
    auto importer_of_rows = make_timetable_importer();
    session.require(importer_of_rows->permission());
    formats::FetMapping mapping;
    if (mapping_file) {
        mapping = formats::read_fet_mapping(*mapping_file);
    }
    const formats::FetTimetable timetable = formats::read_fet(fet_file);
    require_official_mode(timetable, fet_file);
    if (timetable.lessons.empty()) {
        throw Error(ExitCode::data,
                    fet_file + ": no activity has a place in the timetable: this is FET's "
                               "input; import the NAME_data_and_timetable.fet FET writes when it "
                               "generates a timetable");
    }
    const auto unmatched = unmatched_names(timetable, mapping, roster_names(session, request));
    if (!unmatched.empty()) {
        refuse_unmatched(unmatched, fet_file, mapping_file);
    }

    FetRecords converted = fet_records(timetable, mapping);
    std::map<std::size_t, int> activities;
    for (const auto& r : converted.records) {
        activities[r.line] = r.activity_id;
    }
    const std::size_t rows = converted.records.size();
    FetRowSource source(fet_file, std::move(converted.records), file_sha256(fet_file),
                        description(timetable, rows));
    FetImporter importer(std::move(importer_of_rows), std::move(activities));
    ImportSummary summary = run_import(session, request, importer, source);

    std::vector<std::string> notes;
    for (const auto& note : converted.notes) {
        notes.push_back(fet_file + (note.line > 0 ? ":" + std::to_string(note.line) : "") +
                        ": " + note.text);
    }
    summary.warnings.insert(summary.warnings.begin(), notes.begin(), notes.end());
    return summary;
}

}  // namespace schoolctl::app
