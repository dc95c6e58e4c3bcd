#include "app/journal/attendance_entry.h"

#include <map>
#include <nlohmann/json.hpp>

#include "app/journal/journal_page.h"
#include "app/journal/pupil_select.h"
#include "domain/person_name.h"
#include "store/attendance.h"
#include "store/pupil_lookup.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Absence;
using domain::format_ru;

nlohmann::json state_json(const std::optional<store::AttendanceRow>& row) {
    if (!row) {
        return nullptr;  // present
    }
    return {{"code", row->code},
            {"minutes_late", row->minutes_late ? nlohmann::json(*row->minutes_late) : nullptr},
            {"note", row->note}};
}

std::string audit_id(const AttendanceWrite& w) {
    return std::to_string(w.lesson.id) + "/" + std::to_string(w.pupil_id);
}

// A pupil and the lesson they are marked at.
struct Marking {
    std::int64_t pupil_id = 0;
    std::string pupil;  // «Абрамова Д. Е.»
    LessonAt lesson;
};

JournalLesson journal_lesson(const store::LessonView& l) {
    return {l.id, l.date, l.lesson_no, l.subject_id, l.class_id, l.group_id, l.teaching_id()};
}

Marking one_pupil(JournalContext& journal, const MarkRequest& r) {
    PupilRef p = select_pupil(journal.session(), *r.pupil);
    const store::SubjectRow& subject = journal.subject(r.subject, "--subject");
    journal.require_in_year(r.date, "--date");
    auto found = journal.lessons().find(p.person_id, subject.id, r.date, r.lesson_no);
    if (auto* miss = std::get_if<LessonMiss>(&found)) {
        throw Error(ExitCode::data, "--" + miss->field + ": " + p.short_name + ": " +
                                        miss->reason);
    }
    return {p.person_id, p.short_name, journal.describe(std::get<JournalLesson>(found))};
}

// The pupils of the lessons a class or group has: each with the lessons they are in, and their
// names for finding them by a surname.
struct LessonPupils {
    std::vector<LessonAt> lessons;
    std::map<std::int64_t, std::vector<std::size_t>> lessons_of;  // pupil -> indexes
    std::vector<store::PupilMatch> people;
};

LessonPupils lesson_pupils(JournalContext& journal, const MarkRequest& r) {
    LessonPupils out;
    PageQuery query{r.class_name, r.group, r.subject, r.date, r.lesson_no};
    for (const auto& l : page_lessons(journal, query)) {
        out.lessons.push_back(journal.describe(l));
        for (std::int64_t p : journal.lessons().members_on(journal_lesson(l))) {
            out.lessons_of[p].push_back(out.lessons.size() - 1);
        }
    }
    Session& session = journal.session();
    for (const auto& [p, lessons] : out.lessons_of) {
        if (auto match = store::find_pupil_match(session.db(), session.school_id(), p)) {
            out.people.push_back(std::move(*match));
        }
    }
    return out;
}

std::string lesson_list(const LessonPupils& in) {
    std::string out;
    for (const auto& l : in.lessons) {
        out += (out.empty() ? "" : "; ") + l.label;
    }
    return out;
}

// A name as the teacher typed it, among the pupils of the lessons: the id, the full name, the
// surname and first name, or the surname alone when no one else in the lessons has it; then
// anything select_pupil() takes (a login).
std::int64_t find_in_lessons(JournalContext& journal, const LessonPupils& in,
                             const std::string& text) {
    const std::string key = domain::match_key(text);
    std::vector<const store::PupilMatch*> found;
    for (const auto& p : in.people) {
        const auto& n = p.name;
        if (domain::match_key(p.external_id) == key ||
            domain::match_key(domain::full_name(n)) == key ||
            domain::match_key(n.last + " " + n.first) == key || domain::match_key(n.last) == key) {
            found.push_back(&p);
        }
    }
    if (found.size() > 1) {
        std::string who;
        for (const auto* p : found) {
            who += (who.empty() ? "" : ", ") + domain::full_name(p->name) +
                   (p->external_id.empty() ? "" : " (" + p->external_id + ")");
        }
        throw Error(ExitCode::data, "--pupils: \"" + text + "\" names " +
                                        std::to_string(found.size()) + " pupils of " +
                                        lesson_list(in) + ": " + who +
                                        "; give the full name or the id");
    }
    if (found.size() == 1) {
        return found.front()->person_id;
    }
    PupilRef p = select_pupil(journal.session(), text);
    if (!in.lessons_of.contains(p.person_id)) {
        throw Error(ExitCode::data,
                    "--pupils: " + p.name + (p.class_name.empty() ? "" : " (" + p.class_name + ")") +
                        " is not in " + lesson_list(in));
    }
    return p.person_id;
}

std::vector<Marking> named_pupils(JournalContext& journal, const MarkRequest& r) {
    LessonPupils in = lesson_pupils(journal, r);
    std::vector<Marking> out;
    std::map<std::int64_t, std::string> named;  // pupil -> how they were named first
    for (const auto& text : r.pupils) {
        std::int64_t id = find_in_lessons(journal, in, text);
        if (auto [it, fresh] = named.emplace(id, text); !fresh) {
            throw Error(ExitCode::data, "--pupils names the same pupil twice: \"" + it->second +
                                            "\" and \"" + text + "\"");
        }
        const auto& lessons = in.lessons_of.at(id);
        if (lessons.size() > 1) {
            throw Error(ExitCode::data, "--pupils: \"" + text + "\" has " +
                                            std::to_string(lessons.size()) + " of " +
                                            lesson_list(in) + "; say which with --lesson");
        }
        std::string name = text;
        for (const auto& p : in.people) {
            if (p.person_id == id) {
                name = domain::short_name(p.name);
            }
        }
        out.push_back({id, name, in.lessons[lessons.front()]});
    }
    return out;
}

std::vector<std::string> split_list(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        std::size_t start = 0;
        while (start <= item.size()) {
            std::size_t comma = item.find(',', start);
            std::string part = domain::normalise_spaces(
                item.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (!part.empty()) {
                out.push_back(part);
            }
            if (comma == std::string::npos) {
                break;
            }
            start = comma + 1;
        }
    }
    return out;
}

void check_request(const MarkRequest& r, const std::optional<std::optional<Absence>>& code,
                   const domain::AbsenceLabels& labels) {
    if (!code) {
        throw Error(ExitCode::usage, "--code \"" + r.code + "\" is not an attendance code (" +
                                         attendance_codes_hint(labels) + ")");
    }
    if (r.minutes && *code != Absence::late) {
        throw Error(ExitCode::usage,
                    "--minutes is for lateness (" + labels.of(Absence::late) + ") only");
    }
    if (r.minutes && (*r.minutes < 1 || *r.minutes > max_minutes_late)) {
        throw Error(ExitCode::usage, "--minutes " + std::to_string(*r.minutes) +
                                         ": lateness is 1 to " +
                                         std::to_string(max_minutes_late) +
                                         " minutes; a longer one is an absence");
    }
    const bool many = r.class_name || r.group;
    if (r.pupil.has_value() == many) {
        throw Error(ExitCode::usage,
                    "give --pupil for one pupil, or --class or --group with --pupils for several");
    }
    if (many && r.pupils.empty()) {
        throw Error(ExitCode::usage, std::string(r.class_name ? "--class" : "--group") +
                                         " needs --pupils: whom to mark");
    }
    if (!many && !r.pupils.empty()) {
        throw Error(ExitCode::usage, "--pupils goes with --class or --group; for one pupil "
                                     "give only --pupil");
    }
}

}  // namespace

std::optional<std::optional<Absence>> parse_attendance_code(std::string_view text,
                                                            const domain::AbsenceLabels& labels) {
    using Parsed = std::optional<std::optional<Absence>>;
    if (domain::match_key(text) == "present") {
        return Parsed(std::in_place);  // a code, and no absence
    }
    if (auto absence = domain::parse_absence(text, labels)) {
        return Parsed(std::in_place, *absence);
    }
    return std::nullopt;
}

std::string attendance_codes_hint(const domain::AbsenceLabels& labels) {
    return domain::absence_codes_text(labels) + " or present";
}

std::string attendance_label(const std::optional<Absence>& absence,
                             const domain::AbsenceLabels& labels) {
    return absence ? labels.of(*absence) : "present";
}

AttendanceWritten write_attendance(Session& session, const AttendanceWrite& w,
                                   const std::string& now) {
    store::Database& db = session.db();
    const std::optional<store::AttendanceRow> before =
        store::find_attendance(db, w.lesson.id, w.pupil_id);
    AttendanceWritten result;
    if (before) {
        result.before = domain::absence_from_name(before->code);
    }
    const std::optional<std::int64_t> account = session.actor().account_id;
    std::optional<store::AttendanceRow> after;
    if (w.absence) {
        store::AttendanceRow row;
        row.lesson_id = w.lesson.id;
        row.pupil_id = w.pupil_id;
        row.code = std::string(domain::absence_name(*w.absence));
        const bool was_late = before && before->code == row.code;
        if (*w.absence == Absence::late) {
            row.minutes_late = w.minutes ? w.minutes
                               : w.keep_minutes && was_late ? before->minutes_late
                                                            : std::nullopt;
        }
        row.note = w.note ? *w.note : before ? before->note : std::string();
        row.author_id = account;
        row.source = w.source;
        row.updated_at = now;
        if (before && before->code == row.code && before->minutes_late == row.minutes_late &&
            before->note == row.note) {
            return result;  // unchanged
        }
        store::save_attendance(db, row);
        after = row;
        result.outcome = before ? AttendanceOutcome::updated : AttendanceOutcome::created;
    } else {
        if (!before) {
            return result;  // present already
        }
        store::delete_attendance(db, w.lesson.id, w.pupil_id);
        result.outcome = AttendanceOutcome::removed;
    }
    const std::string old_code = before ? before->code : "";
    const std::string new_code = after ? after->code : "";
    if (before && old_code != new_code) {
        store::insert_attendance_change(
            db, {w.lesson.id, w.pupil_id, old_code, new_code, w.reason, now, account});
    }
    const char* action = result.outcome == AttendanceOutcome::created   ? "attendance.create"
                         : result.outcome == AttendanceOutcome::removed ? "attendance.remove"
                                                                        : "attendance.update";
    nlohmann::json details = {{"lesson", w.lesson.label},
                              {"lesson_id", w.lesson.id},
                              {"pupil_id", w.pupil_id},
                              {"old", state_json(before)},
                              {"new", state_json(after)}};
    if (!w.source.empty()) {
        details["source"] = w.source;
    }
    if (!w.reason.empty()) {
        details["reason"] = w.reason;
    }
    session.audit(action, "attendance", audit_id(w), details);
    return result;
}

std::vector<MarkedPupil> mark_attendance(Session& session, const MarkRequest& r) {
    const domain::AbsenceLabels& labels = session.settings().absence_labels;
    auto code = parse_attendance_code(r.code, labels);
    MarkRequest request = r;
    request.pupils = split_list(r.pupils);
    check_request(request, code, labels);

    store::Transaction tx(session.db());
    JournalContext journal(session, r.date);
    std::vector<Marking> marks =
        request.pupil ? std::vector<Marking>{one_pupil(journal, request)}
                      : named_pupils(journal, request);
    const domain::Date today = today_moscow();
    for (const auto& m : marks) {
        if (today < m.lesson.date) {
            throw Error(ExitCode::data, m.lesson.label + " is after today (" + format_ru(today) +
                                            "): attendance is kept for lessons that took place");
        }
        session.require(domain::Permission::attendance_write,
                        journal.access(m.lesson, m.pupil_id), m.lesson.label);
    }
    const std::string now = utc_iso_now();
    std::vector<MarkedPupil> out;
    for (const auto& m : marks) {
        AttendanceWrite w;
        w.lesson = m.lesson;
        w.pupil_id = m.pupil_id;
        w.absence = *code;
        w.minutes = r.minutes;
        w.keep_minutes = !r.minutes;
        w.note = r.note;
        AttendanceWritten done = write_attendance(session, w, now);
        out.push_back({m.pupil, m.lesson.label, attendance_label(done.before, labels),
                       attendance_label(*code, labels), done.outcome});
    }
    tx.commit();
    return out;
}

}  // namespace schoolctl::app
