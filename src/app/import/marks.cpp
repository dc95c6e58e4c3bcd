#include "app/import/marks.h"

#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "app/import/subject_resolver.h"
#include "app/journal/journal_lessons.h"
#include "app/journal/mark_checks.h"
#include "app/journal/pupil_select.h"
#include "store/marks.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { pupil, class_, subject, date, lesson, value, work_type, comment };

// The same pupil, value or work type fills many rows: each text is resolved once per file.
using PupilLookup = std::variant<std::int64_t, RowProblem>;
using ValueLookup = std::variant<domain::Mark, MarkRefusal>;

// (lesson, pupil, work type): the rows of a file that share it are its 1st, 2nd, ... mark.
struct SlotKey {
    std::int64_t lesson_id = 0;
    std::int64_t pupil_id = 0;
    const domain::WorkType* type = nullptr;
    bool operator==(const SlotKey&) const = default;
};
struct SlotHash {
    std::size_t operator()(const SlotKey& k) const {
        std::size_t h = std::hash<std::int64_t>{}(k.lesson_id);
        h ^= std::hash<std::int64_t>{}(k.pupil_id) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h ^= std::hash<const void*>{}(k.type) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        return h;
    }
};

RowProblem problem_of(const MarkRefusal& r) { return RowProblem{r.field, r.reason}; }

nlohmann::json mark_json(const store::MarkRow& m) {
    return {{"lesson_id", m.lesson_id}, {"pupil_id", m.pupil_id}, {"work_type", m.work_type},
            {"slot", m.slot},           {"value", m.value},       {"comment", m.comment}};
}

class MarksImporter final : public RowImporter {
public:
    std::string kind() const override { return "marks"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"pupil", {"Ученик", "Обучающийся", "ФИО", "pupil_id", "student"}, true},
            {"class", {"Класс", "class_name"}, false},
            {"subject", {"Предмет", "Код предмета", "subject_code"}, true},
            {"date", {"Дата", "Дата урока"}, true},
            {"lesson", {"Урок", "№ урока", "Номер урока", "lesson_no"}, false},
            {"value", {"Отметка", "Оценка", "mark", "grade"}, true},
            {"work_type", {"Вид работы", "Тип работы", "Работа", "work type"}, false},
            {"comment", {"Комментарий", "Примечание", "note"}, false},
        };
        return specs;
    }

    std::string toml_table() const override { return "mark"; }
    domain::Permission permission() const override { return domain::Permission::marks_write; }
    // A teacher imports the marks of their own subjects and classes: each row is checked
    // against its lesson.
    bool permission_per_row() const override { return true; }
    bool checks_before_writing() const override { return true; }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!checks_) {
            checks_.emplace(run.session, run.year().id);
            lessons_.emplace(run.db(), run.year().id);
            subjects_.emplace(run);
        }
        auto who = find_pupil(run, row[pupil], row[class_]);
        if (auto* problem = std::get_if<RowProblem>(&who)) {
            return *problem;
        }
        std::int64_t pupil_id = std::get<std::int64_t>(who);
        auto subj = subjects_->resolve(row[subject], "subject");
        if (auto* problem = std::get_if<RowProblem>(&subj)) {
            return *problem;
        }
        std::int64_t subject_id = std::get<std::int64_t>(subj);
        std::string date_text = row[date];
        auto day = domain::parse_date(date_text);
        if (!day) {
            return RowProblem{"date", "\"" + date_text +
                                          "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)"};
        }
        if (auto outside = checks_->outside_year(*day)) {
            return problem_of(*outside);
        }
        std::optional<int> number;
        if (std::string n = row[lesson]; !n.empty()) {
            bool digits = n.size() <= 2 && n.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || std::stoi(n) > 15) {
                return RowProblem{"lesson", "\"" + n + "\" is not a lesson number (0-15)"};
            }
            number = std::stoi(n);
        }
        auto found = lessons_->find(pupil_id, subject_id, *day, number);
        if (auto* miss = std::get_if<LessonMiss>(&found)) {
            return RowProblem{miss->field, miss->reason};
        }
        const JournalLesson& l = std::get<JournalLesson>(found);
        auto type = read_work_type(row[work_type]);
        if (auto* refusal = std::get_if<MarkRefusal>(&type)) {
            return problem_of(*refusal);
        }
        const domain::WorkType* work = std::get<const domain::WorkType*>(type);
        // The ordinal is taken before the checks that may refuse the row, so a row fixed and
        // imported again finds the place it would have had.
        int slot = static_cast<int>(++slots_[SlotKey{l.lesson_id, pupil_id, work}]);

        MarkPlace place{l.lesson_id, l.date,     l.lesson_no, l.subject_id,
                        l.class_id,  l.group_id, pupil_id,    lessons_->class_on(pupil_id, *day)};
        if (auto refusal = checks_->may_write(place)) {
            return problem_of(*refusal);
        }
        const ValueLookup& parsed = read_value(subject_id, row[value]);
        if (auto* refusal = std::get_if<MarkRefusal>(&parsed)) {
            return problem_of(*refusal);
        }
        const domain::Mark& mark = std::get<domain::Mark>(parsed);

        store::MarkRow m;
        m.lesson_id = l.lesson_id;
        m.pupil_id = pupil_id;
        m.work_type = work->code;
        m.slot = slot;
        m.value = mark.text;
        m.points = mark.points;
        m.second_points = mark.second_points;
        m.comment = row[comment];
        m.author_id = run.session.actor().account_id;
        m.source = run.source(row.line());
        m.created_at = m.updated_at = run.now;
        return apply(run, row, m);
    }

private:
    RowResult apply(ImportRun& run, const RowCells& row, store::MarkRow& m) {
        auto existing = store::find_mark_at(run.db(), m.lesson_id, m.pupil_id, m.work_type, m.slot);
        if (!existing) {
            m.id = store::insert_mark(run.db(), m);
            run.session.audit("marks.add", "mark", std::to_string(m.id),
                              {{"new", mark_json(m)}, {"source", m.source}});
            return RowAction::created;
        }
        if (!row.has_column(comment)) {
            m.comment = existing->comment;  // a file without comments erases none
        }
        if (existing->value == m.value && existing->comment == m.comment) {
            return RowAction::unchanged;
        }
        m.id = existing->id;
        m.created_at = existing->created_at;
        store::update_mark(run.db(), m);
        if (existing->value != m.value) {
            store::insert_mark_change(run.db(), {m.id, m.lesson_id, m.pupil_id, "correct",
                                                 existing->value, m.value, "import " + m.source,
                                                 run.now, run.session.actor().account_id});
        }
        run.session.audit("marks.correct", "mark", std::to_string(m.id),
                          {{"old", mark_json(*existing)}, {"new", mark_json(m)},
                           {"source", m.source}});
        return RowAction::updated;
    }

    PupilLookup find_pupil(ImportRun& run, const std::string& text, const std::string& klass) {
        std::string key = text + '\x1f' + klass;
        if (auto it = pupils_.find(key); it != pupils_.end()) {
            return it->second;
        }
        PupilLookup result = RowProblem{"pupil", "is empty"};
        if (!text.empty()) {
            try {
                result = select_pupil(run.session, text).person_id;
            } catch (const Error& e) {
                result = RowProblem{"pupil", e.what()};
                // A namesake is told apart by the class column; when that does not find the
                // pupil either, the first reason stands.
                if (!klass.empty()) {
                    try {
                        result = select_pupil(run.session, text + " " + klass).person_id;
                    } catch (const Error&) {
                    }
                }
            }
        }
        return pupils_.emplace(std::move(key), std::move(result)).first->second;
    }

    const ValueLookup& read_value(std::int64_t subject_id, const std::string& text) {
        auto key = std::make_pair(subject_id, text);
        if (auto it = values_.find(key); it != values_.end()) {
            return it->second;
        }
        ValueLookup parsed = text.empty() ? ValueLookup(MarkRefusal{"value", "is empty"})
                                          : checks_->read_value(subject_id, text);
        return values_.emplace(std::move(key), std::move(parsed)).first->second;
    }

    std::variant<const domain::WorkType*, MarkRefusal> read_work_type(const std::string& text) {
        if (auto it = work_types_.find(text); it != work_types_.end()) {
            return it->second;
        }
        auto found = checks_->read_work_type(text);
        work_types_.emplace(text, found);
        return found;
    }

    std::optional<MarkChecks> checks_;
    std::optional<JournalLessons> lessons_;
    std::optional<SubjectResolver> subjects_;
    std::map<std::string, PupilLookup> pupils_;
    std::map<std::pair<std::int64_t, std::string>, ValueLookup> values_;
    std::map<std::string, std::variant<const domain::WorkType*, MarkRefusal>> work_types_;
    std::unordered_map<SlotKey, std::uint32_t, SlotHash> slots_;
};

}  // namespace

std::unique_ptr<RowImporter> make_marks_importer() { return std::make_unique<MarksImporter>(); }

}  // namespace schoolctl::app
