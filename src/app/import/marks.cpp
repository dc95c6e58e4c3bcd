#include "app/import/marks.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "app/import/subject_resolver.h"
#include "app/journal/journal_lessons.h"
#include "app/journal/mark_checks.h"
#include "app/journal/pupil_select.h"
#include "store/marks.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { pupil, class_, subject, date, lesson, value, work_type, comment };

// The same pupil, subject, value or work type fills many rows: each text is resolved once per
// file.
using PupilLookup = std::variant<std::int64_t, RowProblem>;
using ValueLookup = std::variant<domain::Mark, MarkRefusal>;

// (lesson, pupil, work type): the rows of a file that share it are its 1st, 2nd, ... mark.
// Counted in an open-addressing table of 8-byte slots, the key packed in the low 58 bits
// (lesson 28, pupil 24, work type 6) and the count in the top 6: one allocation of 16 MiB for
// a file of a million rows, where a node per key would be a million allocations and frees.
// Ids too large to pack (never in one school's year) and counts past 62 go to a map.
class Ordinals {
public:
    std::uint32_t next(std::int64_t lesson_id, std::int64_t pupil_id, std::size_t type) {
        if (lesson_id < 0 || lesson_id >= (std::int64_t{1} << 28) || pupil_id < 0 ||
            pupil_id >= (std::int64_t{1} << 24) || type >= 64) {
            return ++rare_[{lesson_id, pupil_id, type}];
        }
        std::uint64_t key = static_cast<std::uint64_t>(lesson_id) << 30 |
                            static_cast<std::uint64_t>(pupil_id) << 6 | type;
        if ((used_ + 1) * 4 > slots_.size() * 3) {
            grow();
        }
        std::uint64_t& slot = find(slots_, key);
        std::uint64_t count = slot >> count_shift;
        if (count == 0) {
            ++used_;
        } else if (count == max_count) {
            auto& more = rare_[{lesson_id, pupil_id, type}];
            more = std::max<std::uint32_t>(more, max_count);
            return ++more;
        }
        slot = key | (count + 1) << count_shift;
        return static_cast<std::uint32_t>(count + 1);
    }

private:
    static constexpr int count_shift = 58;
    static constexpr std::uint64_t key_mask = (std::uint64_t{1} << count_shift) - 1;
    static constexpr std::uint32_t max_count = 62;

    static std::uint64_t& find(std::vector<std::uint64_t>& slots, std::uint64_t key) {
        std::uint64_t h = key ^ (key >> 31);
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        std::size_t mask = slots.size() - 1;
        std::size_t i = static_cast<std::size_t>(h) & mask;
        while (slots[i] != 0 && (slots[i] & key_mask) != key) {
            i = (i + 1) & mask;
        }
        return slots[i];
    }
    void grow() {
        std::vector<std::uint64_t> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
        for (std::uint64_t s : old) {
            if (s != 0) {
                find(slots_, s & key_mask) = s;
            }
        }
    }
    std::vector<std::uint64_t> slots_;  // 0: empty (a used slot counts at least 1)
    std::size_t used_ = 0;
    std::map<std::tuple<std::int64_t, std::int64_t, std::size_t>, std::uint32_t> rare_;
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
            marked_lessons_ = store::lessons_with_marks(run.db());
        }
        auto who = find_pupil(run, row[pupil], row[class_]);
        if (auto* problem = std::get_if<RowProblem>(&who)) {
            return *problem;
        }
        std::int64_t pupil_id = std::get<std::int64_t>(who);
        const auto& subj = find_subject(row[subject]);
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
        auto type_index = static_cast<std::size_t>(work - run.session.settings().work_types.data());
        int slot = static_cast<int>(ordinals_.next(l.lesson_id, pupil_id, type_index));

        MarkPlace place{l.lesson_id, l.date,     l.lesson_no, l.subject_id,
                        l.class_id,  l.group_id, pupil_id,    lessons_->class_on(pupil_id, *day)};
        if (auto refusal = checks_->may_write(place)) {
            return problem_of(*refusal);
        }
        if (auto refusal = checks_->unmarked(place)) {
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

    void finish(ImportRun& run) override { audit_created(run); }

private:
    RowResult apply(ImportRun& run, const RowCells& row, store::MarkRow& m) {
        // Only a lesson that had marks before this file can hold one at the row's place: the
        // file's own rows never share a place (each is the next ordinal of its key).
        std::optional<store::MarkValue> existing;
        if (std::binary_search(marked_lessons_.begin(), marked_lessons_.end(), m.lesson_id)) {
            existing = store::mark_value_at(run.db(), m.lesson_id, m.pupil_id, m.work_type,
                                            m.slot);
        }
        if (!existing) {
            m.id = store::insert_mark(run.db(), m);
            if (created_lesson_ != m.lesson_id) {
                audit_created(run);
                created_lesson_ = m.lesson_id;
            }
            created_.push_back(nlohmann::json::array(
                {m.id, m.pupil_id, m.work_type, m.slot, m.value, m.comment, row.line()}));
            return RowAction::created;
        }
        if (!row.has_column(comment)) {
            m.comment = existing->comment;  // a file without comments erases none
        }
        if (existing->value == m.value && existing->comment == m.comment) {
            return RowAction::unchanged;
        }
        store::MarkRow before = store::find_mark(run.db(), existing->id).value();
        m.id = before.id;
        m.created_at = before.created_at;
        store::update_mark(run.db(), m);
        if (before.value != m.value) {
            store::insert_mark_change(run.db(), {m.id, m.lesson_id, m.pupil_id, "correct",
                                                 before.value, m.value, "import " + m.source,
                                                 run.now, run.session.actor().account_id});
        }
        run.session.audit("marks.correct", "mark", std::to_string(m.id),
                          {{"old", mark_json(before)}, {"new", mark_json(m)},
                           {"source", m.source}});
        return RowAction::updated;
    }

    // The marks this file created in one lesson, in one audit row: a file of a million marks
    // writes one row per lesson (about 25 marks each) rather than per mark. Each mark is there
    // with its id, pupil, work type, place, value, comment and line.
    void audit_created(ImportRun& run) {
        if (created_.empty()) {
            return;
        }
        run.session.audit("marks.add", "lesson", std::to_string(created_lesson_),
                          {{"source", run.summary.file},
                           {"fields", {"id", "pupil_id", "work_type", "slot", "value", "comment",
                                       "line"}},
                           {"marks", std::move(created_)}});
        created_ = nlohmann::json::array();
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

    const std::variant<std::int64_t, RowProblem>& find_subject(const std::string& text) {
        if (auto it = subject_ids_.find(text); it != subject_ids_.end()) {
            return it->second;
        }
        return subject_ids_.emplace(text, subjects_->resolve(text, "subject")).first->second;
    }

    const ValueLookup& read_value(std::int64_t subject_id, const std::string& text) {
        std::string key = std::to_string(subject_id) + '\x1f' + text;
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
    std::unordered_map<std::string, PupilLookup> pupils_;
    std::unordered_map<std::string, std::variant<std::int64_t, RowProblem>> subject_ids_;
    std::unordered_map<std::string, ValueLookup> values_;  // by subject id and text
    std::unordered_map<std::string, std::variant<const domain::WorkType*, MarkRefusal>>
        work_types_;
    Ordinals ordinals_;
    std::vector<std::int64_t> marked_lessons_;  // sorted
    std::int64_t created_lesson_ = 0;
    nlohmann::json created_ = nlohmann::json::array();
};

}  // namespace

std::unique_ptr<RowImporter> make_marks_importer() { return std::make_unique<MarksImporter>(); }

}  // namespace schoolctl::app
