#include "app/journal/journal_context.h"

#include <algorithm>
#include <vector>

#include "app/import/pipeline.h"
#include "domain/person_name.h"
#include "store/access_scope.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {

using domain::format_ru;

std::string date_range_text(const domain::DateRange& range) {
    return format_ru(range.start) + "–" + format_ru(range.end);
}

JournalContext::JournalContext(Session& session, const domain::Date& day)
    : session_(session), calendar_(load_school_calendar(session, day)),
      targets_(session.db(), calendar_.year.year_id) {
    for (auto& s : store::list_subjects(session.db(), session.school_id())) {
        subjects_.emplace(s.id, std::move(s));
    }
}

const JournalLessons& JournalContext::lessons() {
    if (!lessons_) {
        lessons_.emplace(session_.db(), year_id());
    }
    return *lessons_;
}

void JournalContext::require_in_year(const domain::Date& date, const std::string& option) const {
    const auto& year = calendar_.year;
    if (date < year.dates.start || year.dates.end < date) {
        throw Error(ExitCode::data, option + " " + format_ru(date) +
                                        " is outside the academic year " + year.name + " (" +
                                        date_range_text(year.dates) + ")");
    }
}

const store::SubjectRow& JournalContext::subject(const std::string& text,
                                                 const std::string& option) const {
    const std::string key = domain::match_key(text);
    std::vector<std::string> codes;
    for (const auto& [id, s] : subjects_) {
        if (!key.empty() &&
            (domain::match_key(s.code) == key || domain::match_key(s.name) == key)) {
            return s;
        }
        codes.push_back(s.code);
    }
    std::sort(codes.begin(), codes.end());
    throw Error(ExitCode::data, option + " \"" + text + "\" is not a subject code or name" +
                                    did_you_mean(codes));
}

const store::SubjectRow* JournalContext::subject_by_id(std::int64_t id) const {
    auto it = subjects_.find(id);
    return it == subjects_.end() ? nullptr : &it->second;
}

LessonAt JournalContext::describe(std::int64_t id, const std::string& date, int lesson_no,
                                  std::int64_t subject_id, std::optional<std::int64_t> class_id,
                                  std::optional<std::int64_t> group_id) const {
    LessonAt at;
    at.id = id;
    at.date = *domain::parse_date(date);
    at.lesson_no = lesson_no;
    at.subject_id = subject_id;
    at.group_id = group_id;
    const TargetInfo* info = class_id   ? targets_.of_class(*class_id)
                             : group_id ? targets_.of_group(*group_id)
                                        : nullptr;
    at.class_id = class_id ? class_id : info != nullptr ? info->class_id : std::nullopt;
    at.target = info != nullptr ? info->name : "?";
    const store::SubjectRow* subject = subject_by_id(subject_id);
    at.label = at.target + ", " + (subject != nullptr ? subject->code : "?") + ", урок " +
               std::to_string(lesson_no) + ", " + format_ru(at.date);
    return at;
}

LessonAt JournalContext::describe(const JournalLesson& l) const {
    return describe(l.lesson_id, l.date, l.lesson_no, l.subject_id, l.class_id, l.group_id);
}

LessonAt JournalContext::describe(const store::LessonView& l) const {
    return describe(l.id, l.date, l.lesson_no, l.subject_id, l.class_id, l.group_id);
}

domain::Target JournalContext::access(const LessonAt& lesson,
                                      std::optional<std::int64_t> pupil) const {
    domain::Target t = session_.school_target();
    t.class_id = lesson.class_id;
    if (lesson.group_id) {
        t.group_ids.push_back(*lesson.group_id);
    }
    t.subject_id = lesson.subject_id;
    if (pupil) {
        t.pupil_id = pupil;
        if (!t.class_id) {
            // A stream mixes classes: the pupil's class teacher keeps the pupil's attendance.
            t.class_id = store::pupil_target(session_.db(), *pupil,
                                             today_iso())
                             .class_id;
        }
    }
    return t;
}

}  // namespace schoolctl::app
