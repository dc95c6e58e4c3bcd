#include "app/reports/period_marks_grid.h"

#include <algorithm>
#include <set>

#include "domain/grading.h"
#include "store/report_data.h"
#include "util/clock.h"

namespace schoolctl::app {
namespace {

// The dates the document's heading gives: the one class's, or the widest.
std::string document_dates(const ReportScope& scope) {
    return scope.dates_label(scope.classes.size() == 1 ? scope.classes.front().grade : 0);
}

}  // namespace

PeriodMarksGrid::PeriodMarksGrid(Session& session, const ReportScope& scope,
                                 const std::vector<std::string>& periods)
    : settings_(session.settings()), periods_(periods) {
    store::Database& db = session.db();
    for (const store::FinalValueRow& f : scope.final_values(db)) {
        const auto p = std::find(periods_.begin(), periods_.end(), f.period);
        if (p != periods_.end()) {
            marks_[f.pupil_id].push_back(
                {f.subject_id, static_cast<std::size_t>(p - periods_.begin()), f.value});
        }
    }
    subjects_ = store::list_subjects(db, session.school_id());
    std::sort(subjects_.begin(), subjects_.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
}

const std::string& PeriodMarksGrid::mark(std::int64_t pupil_id, std::int64_t subject_id,
                                         const std::string& period) const {
    static const std::string none;
    auto p = std::find(periods_.begin(), periods_.end(), period);
    auto it = marks_.find(pupil_id);
    if (p == periods_.end() || it == marks_.end()) {
        return none;
    }
    auto index = static_cast<std::size_t>(p - periods_.begin());
    for (const auto& e : it->second) {
        if (e.subject_id == subject_id && e.period == index) {
            return e.value;
        }
    }
    return none;
}

std::vector<store::SubjectRow> PeriodMarksGrid::subjects_of(
    const std::vector<std::int64_t>& pupils) const {
    std::set<std::int64_t> with_marks;
    for (std::int64_t pupil : pupils) {
        if (auto it = marks_.find(pupil); it != marks_.end()) {
            for (const auto& e : it->second) {
                with_marks.insert(e.subject_id);
            }
        }
    }
    std::vector<store::SubjectRow> out;
    for (const auto& s : subjects_) {
        if (with_marks.count(s.id) != 0) {
            out.push_back(s);
        }
    }
    return out;
}

std::vector<store::SubjectRow> PeriodMarksGrid::subjects_of(
    const std::vector<std::int64_t>& pupils, int grade) const {
    if (domain::taught_without_marks(settings_, grade)) {
        return {};
    }
    return subjects_of(pupils);
}

std::string unmarked_note(const Words& w, int grade) {
    return w("", "Grade ") + std::to_string(grade) +
           w(" класс обучается без отметок (безотметочное обучение): отметок и показателей "
             "успеваемости нет.",
             " is taught without marks: there are no marks and no mark indicators.");
}

report::Highlight failing_marks() {
    report::Highlight h;
    h.texts = {"2", "1", "н/а", "незач"};
    return h;
}

report::Document period_document(const Session& session, const ReportScope& scope,
                                 std::string kind, std::string title) {
    const Words& w = scope.words;
    report::Document doc;
    doc.kind = std::move(kind);
    doc.title = std::move(title);
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.meta.push_back({w("Учебный год", "Academic year"), scope.year_name});
    doc.meta.push_back({scope.period ? w("Период", "Period") : w("Даты", "Dates"),
                        document_dates(scope)});
    doc.section_key_title = w("Класс", "Class");
    if (scope.classes.size() == 1 && !scope.class_teachers.front().empty()) {
        doc.signatures.push_back(
            {w("Классный руководитель", "Class teacher"), scope.class_teachers.front()});
    } else {
        doc.signatures.push_back({w("Классный руководитель", "Class teacher"), ""});
    }
    for (const auto& line : session.settings().report_signatures) {
        auto colon = line.find(':');
        std::string role = line.substr(0, colon);
        std::string name = colon == std::string::npos ? "" : line.substr(colon + 1);
        auto trim = [](std::string& t) {
            t.erase(0, t.find_first_not_of(' '));
            t.erase(t.find_last_not_of(' ') + 1);
        };
        trim(role);
        trim(name);
        doc.signatures.push_back({role, name});
    }
    return doc;
}

report::Section& class_section(report::Document& doc, const ReportScope& scope, std::size_t k) {
    const Words& w = scope.words;
    const auto& klass = scope.classes[k];
    report::Section& section = doc.sections.emplace_back();
    section.key = klass.name();
    section.heading = w("Класс ", "Class ") + klass.name();
    if (scope.dates_label(klass.grade) != document_dates(scope)) {
        section.meta.push_back({scope.period ? w("Период", "Period") : w("Даты", "Dates"),
                                scope.dates_label(klass.grade)});
    }
    if (!scope.class_teachers[k].empty()) {
        section.meta.push_back(
            {w("Классный руководитель", "Class teacher"), scope.class_teachers[k]});
    }
    return section;
}

std::string roman(std::size_t n) {
    static const char* numerals[] = {"I", "II", "III", "IV", "V", "VI"};
    return n >= 1 && n <= 6 ? numerals[n - 1] : std::to_string(n);
}

report::Cell hundredths_cell(const std::optional<std::int64_t>& value) {
    if (!value) {
        return {};
    }
    return report::Decimal{*value, 2};
}

}  // namespace schoolctl::app
