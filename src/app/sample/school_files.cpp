#include "app/sample/school_files.h"

#include "app/sample/config_text.h"
#include "app/sample/roster_text.h"
#include "app/sample/teaching_load.h"
#include "app/sample/timetable.h"
#include "formats/xlsx_writer.h"
#include "util/atomic_file.h"
#include "util/error.h"

#include <memory>

namespace schoolctl::app::sample {
namespace {

// 01.09.2026 00:00 UTC: the workbook's creation time, so the same seed gives the same bytes.
constexpr std::time_t workbook_created = 1788220800;

} // namespace

const std::vector<std::string>& school_file_names() {
    static const std::vector<std::string> names = {
        "subjects.csv",  "staff.csv",      "classes.csv", "students.csv",
        "students.xlsx", "guardians.csv",  "groups.csv",  "assignments.csv",
        "timetable.csv", "schoolctl.toml", "marks.csv",   "attendance.csv"};
    return names;
}

SchoolSummary write_school(const SchoolSpec& spec) {
    Random rng = Random::stream(spec.seed, spec.stream);
    domain::Settings settings = school_settings(spec.identity);
    const Roster roster = make_roster(rng, spec.pupils, spec.identity.id_prefix);
    const TeachingLoad load = make_teaching_load(rng, roster, spec.identity.id_prefix);
    const Timetable timetable = make_timetable(rng, roster, load);
    if (auto problems = timetable_problems(roster, load, timetable, settings); !problems.empty()) {
        throw Error(ExitCode::failure,
                    "the generated timetable breaks a rule: " + problems.front());
    }
    settings.rooms = rooms(load);

    std::vector<std::unique_ptr<AtomicFile>> files;
    auto file = [&](const std::string& name) -> AtomicFile& {
        files.push_back(std::make_unique<AtomicFile>(spec.folder / name));
        return *files.back();
    };
    file("subjects.csv").write(subjects_csv());
    file("staff.csv").write(staff_csv(load));
    file("classes.csv").write(classes_csv(roster, load));
    file("students.csv").write(students_csv(roster));
    {
        AtomicFile& xlsx = file("students.xlsx");
        formats::XlsxOptions options;
        options.created = workbook_created;
        formats::write_xlsx(students_document(roster), xlsx.temp_path(), options);
    }
    file("guardians.csv").write(guardians_csv(roster));
    file("groups.csv").write(groups_csv(roster));
    file("assignments.csv").write(assignments_csv(roster, load, timetable));
    file("timetable.csv").write(timetable_csv(roster, load, timetable));
    file("schoolctl.toml").write(config_text(settings));
    JournalStats journal;
    if (spec.journal) {
        AtomicFile& marks = file("marks.csv");
        AtomicFile& attendance = file("attendance.csv");
        journal = write_journal(
            rng, roster, timetable, settings, *spec.journal,
            [&](std::string_view text) { marks.write(text); },
            [&](std::string_view text) { attendance.write(text); });
    }
    for (auto& f : files) {
        f->commit();
    }

    SchoolSummary s;
    s.folder = spec.folder;
    s.name = settings.school_name;
    s.external_id = settings.school_external_id;
    s.pupils = static_cast<int>(roster.pupils.size());
    s.classes = static_cast<int>(roster.classes.size());
    s.groups = static_cast<int>(roster.groups.size());
    s.guardians = static_cast<int>(roster.guardians.size());
    s.staff = static_cast<int>(load.staff.size());
    s.timetable_rows = static_cast<int>(timetable.rows.size());
    s.journal = journal;
    return s;
}

} // namespace schoolctl::app::sample
