#include "app/import/attendance.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/import/subject_resolver.h"
#include "app/journal/attendance_entry.h"
#include "app/journal/journal_context.h"
#include "app/journal/pupil_select.h"
#include "domain/class_name.h"
#include "domain/person_name.h"
#include "store/pupil_lookup.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Absence;
using domain::format_ru;

enum Field : std::size_t { pupil, class_, subject, date, lesson, code, minutes, note };

// A pupil cell (with the class cell) resolved once per file: the same pupil fills many rows.
using PupilLookup = std::variant<PupilRef, RowProblem>;

class AttendanceImporter final : public RowImporter {
public:
    std::string kind() const override { return "attendance"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"pupil", {"Ученик", "Обучающийся", "ФИО", "pupil_id", "student"}, true},
            {"class", {"Класс", "class_name"}, false},
            {"subject", {"Предмет", "Код предмета", "subject_code"}, true},
            {"date", {"Дата", "Дата урока"}, true},
            {"lesson", {"Урок", "№ урока", "Номер урока", "lesson_no"}, false},
            {"code", {"Код", "Посещаемость", "Пропуск", "attendance"}, true},
            {"minutes", {"Минуты", "Опоздание, мин", "minutes_late"}, false},
            {"note", {"Примечание", "Комментарий", "comment"}, false},
        };
        return specs;
    }

    domain::Permission permission() const override {
        return domain::Permission::attendance_write;
    }
    bool permission_per_row() const override { return true; }
    bool checks_before_writing() const override { return true; }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!journal_) {
            journal_.emplace(run.session, *domain::parse_date(run.today));
            subjects_.emplace(run);
        }
        auto who = find_pupil(run, row);
        if (auto* problem = std::get_if<RowProblem>(&who)) {
            return *problem;
        }
        const PupilRef& p = std::get<PupilRef>(who);
        auto subj = subjects_->resolve(row[subject], "subject");
        if (auto* problem = std::get_if<RowProblem>(&subj)) {
            return *problem;
        }
        auto day = read_date(run, row[date]);
        if (auto* problem = std::get_if<RowProblem>(&day)) {
            return *problem;
        }
        std::optional<int> number;
        if (const std::string& n = row[lesson]; !n.empty()) {
            bool digits = n.size() <= 2 && n.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || std::stoi(n) > 15) {
                return RowProblem{"lesson", "\"" + n + "\" is not a lesson number (0-15)"};
            }
            number = std::stoi(n);
        }
        AttendanceWrite w;
        if (auto problem = read_code(run, row, w)) {
            return *problem;
        }
        auto found = journal_->lessons().find(p.person_id, std::get<std::int64_t>(subj),
                                              std::get<domain::Date>(day), number);
        if (auto* miss = std::get_if<LessonMiss>(&found)) {
            return RowProblem{miss->field, p.short_name + ": " + miss->reason};
        }
        w.lesson = journal_->describe(std::get<JournalLesson>(found));
        w.pupil_id = p.person_id;
        if (!run.session.allowed(domain::Permission::attendance_write,
                                 journal_->access(w.lesson, p.person_id))) {
            return RowProblem{"subject", "account \"" + run.session.actor().login +
                                             "\" lacks \"attendance.write\" for " +
                                             w.lesson.label};
        }
        auto [earlier, fresh] = lines_.emplace(std::pair{w.lesson.id, w.pupil_id}, row.line());
        if (!fresh) {
            return RowProblem{"pupil", p.short_name + " at " + w.lesson.label +
                                           " is on line " + std::to_string(earlier->second) +
                                           " already"};
        }
        w.source = run.source(row.line());
        switch (write_attendance(run.session, w, run.now).outcome) {
        case AttendanceOutcome::created: return RowAction::created;
        case AttendanceOutcome::updated:
        case AttendanceOutcome::removed: return RowAction::updated;
        case AttendanceOutcome::unchanged: break;
        }
        return RowAction::unchanged;
    }

private:
    PupilLookup find_pupil(ImportRun& run, const RowCells& row) {
        const std::string text = row[pupil];
        const std::string klass = row[class_];
        if (text.empty()) {
            return RowProblem{"pupil", "is empty: give the pupil's id or full name"};
        }
        auto key = std::pair{text, klass};
        if (auto it = pupils_.find(key); it != pupils_.end()) {
            return it->second;
        }
        return pupils_.emplace(key, lookup(run, text, klass)).first->second;
    }

    // The class cell tells namesakes apart, and a pupil named by id must have been in it.
    PupilLookup lookup(ImportRun& run, const std::string& text, const std::string& klass) {
        std::optional<std::string> class_name;
        if (!klass.empty()) {
            auto parsed = domain::parse_class_name(klass);
            if (auto* reason = std::get_if<std::string>(&parsed)) {
                return RowProblem{"class", "\"" + klass + "\": " + *reason};
            }
            class_name = std::get<domain::ClassName>(parsed).str();
        }
        std::optional<PupilRef> found;
        std::string why;
        // Why the name alone failed is what the row is told: the class only breaks a tie.
        auto attempt = [&](const std::string& name) {
            try {
                found = select_pupil(run.session, name);
            } catch (const Error& e) {
                if (e.code() != ExitCode::data) {
                    throw;
                }
                if (why.empty()) {
                    why = e.what();
                }
            }
        };
        attempt(text);
        if (!found && class_name) {
            attempt(text + " " + *class_name);
        }
        if (!found) {
            return RowProblem{"pupil", why};
        }
        if (class_name) {
            auto classes = store::pupil_class_names(run.db(), found->person_id);
            if (std::find(classes.begin(), classes.end(), *class_name) == classes.end()) {
                std::string list;
                for (const auto& c : classes) {
                    list += (list.empty() ? "" : ", ") + c;
                }
                return RowProblem{"class", found->name + " has never been in " + *class_name +
                                               (list.empty() ? "" : " (" + list + ")")};
            }
        }
        return *found;
    }

    std::variant<domain::Date, RowProblem> read_date(ImportRun& run, const std::string& text) {
        auto d = domain::parse_date(text);
        if (!d) {
            return RowProblem{"date", "\"" + text +
                                          "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)"};
        }
        const auto& year = journal_->calendar().year;
        if (*d < year.dates.start || year.dates.end < *d) {
            return RowProblem{"date", format_ru(*d) + " is outside the academic year " +
                                          year.name + " (" + date_range_text(year.dates) + ")"};
        }
        if (domain::format_iso(*d) > run.today) {
            return RowProblem{"date", format_ru(*d) + " is after today (" +
                                          format_ru(*domain::parse_date(run.today)) +
                                          "): attendance is kept for lessons that took place"};
        }
        return *d;
    }

    std::optional<RowProblem> read_code(ImportRun& run, const RowCells& row, AttendanceWrite& w) {
        const auto& labels = run.session.settings().absence_labels;
        const std::string& text = row[code];
        auto parsed = parse_attendance_code(text, labels);
        if (!parsed) {
            return RowProblem{"code", (text.empty() ? "is empty" : "\"" + text + "\"") +
                                          std::string(" is not an attendance code (") +
                                          attendance_codes_hint(labels) + ")"};
        }
        w.absence = *parsed;
        if (const std::string& m = row[minutes]; !m.empty()) {
            bool digits = m.size() <= 3 && m.find_first_not_of("0123456789") == std::string::npos;
            int value = digits ? std::stoi(m) : 0;
            if (value < 1 || value > max_minutes_late) {
                return RowProblem{"minutes", "\"" + m + "\" is not a number of minutes (1-" +
                                                 std::to_string(max_minutes_late) + ")"};
            }
            if (w.absence != Absence::late) {
                return RowProblem{"minutes", "minutes are for lateness (" +
                                                 labels.of(Absence::late) + ") only, not for " +
                                                 attendance_label(w.absence, labels)};
            }
            w.minutes = value;
        }
        w.keep_minutes = !row.has_column(minutes);
        if (row.has_column(note)) {
            w.note = row[note];
            w.reason = row[note];
        }
        return std::nullopt;
    }

    std::optional<JournalContext> journal_;
    std::optional<SubjectResolver> subjects_;
    std::map<std::pair<std::string, std::string>, PupilLookup> pupils_;
    std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> lines_;  // (lesson, pupil)
};

}  // namespace

std::unique_ptr<RowImporter> make_attendance_importer() {
    return std::make_unique<AttendanceImporter>();
}

}  // namespace schoolctl::app
