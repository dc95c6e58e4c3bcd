#include "app/journal/remarks.h"

#include <nlohmann/json.hpp>

#include "app/journal/journal_context.h"
#include "app/journal/pupil_select.h"
#include "domain/person_name.h"
#include "store/access_scope.h"
#include "store/remarks.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {

RemarkResult add_remark(Session& session, const RemarkRequest& r) {
    const std::string text = domain::normalise_spaces(r.text);
    if (text.empty()) {
        throw Error(ExitCode::usage, "--text is empty: what is the remark?");
    }
    if (r.lesson_no && !r.subject) {
        throw Error(ExitCode::usage, "--lesson goes with --subject");
    }
    store::Transaction tx(session.db());
    PupilRef pupil = select_pupil(session, r.pupil);
    JournalContext journal(session, r.date);
    journal.require_in_year(r.date, "--date");
    const domain::Date today = today_moscow();
    if (today < r.date) {
        throw Error(ExitCode::data, "--date " + domain::format_ru(r.date) + " is after today (" +
                                        domain::format_ru(today) + ")");
    }
    store::RemarkRow row;
    row.pupil_id = pupil.person_id;
    row.date = domain::format_iso(r.date);
    row.text = text;
    row.author_id = session.actor().account_id;
    row.created_at = utc_iso_now();
    std::string where = domain::format_ru(r.date);
    if (r.subject) {
        const store::SubjectRow& subject = journal.subject(*r.subject, "--subject");
        auto found = journal.lessons().find(pupil.person_id, subject.id, r.date, r.lesson_no);
        if (auto* miss = std::get_if<LessonMiss>(&found)) {
            throw Error(ExitCode::data, "--" + miss->field + ": " + pupil.short_name + ": " +
                                            miss->reason);
        }
        LessonAt at = journal.describe(std::get<JournalLesson>(found));
        session.require(domain::Permission::marks_write, journal.access(at, pupil.person_id),
                        at.label);
        row.lesson_id = at.id;
        where = at.label;
    } else {
        session.require(domain::Permission::marks_write,
                        store::pupil_target(session.db(), pupil.person_id,
                                            domain::format_iso(today)),
                        "pupil " + pupil.short_name);
    }
    row.id = store::insert_remark(session.db(), row);
    session.audit("lesson.remark", "remark", std::to_string(row.id),
                  {{"pupil_id", row.pupil_id},
                   {"date", row.date},
                   {"lesson", row.lesson_id ? nlohmann::json(where) : nullptr},
                   {"text", row.text}});
    tx.commit();
    return {row.id, pupil.short_name, where};
}

}  // namespace schoolctl::app
