#include "app/journal/diary.h"

#include <map>

#include "app/journal/pupil_select.h"
#include "domain/attendance_code.h"
#include "domain/weekday.h"
#include "store/access_scope.h"
#include "store/diary.h"
#include "store/guardians.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using std::chrono::days;
using std::chrono::sys_days;

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : "; ") + p;
    }
    return out;
}

std::string work_type_name(const domain::Settings& settings, const std::string& code) {
    for (const auto& type : settings.work_types) {
        if (type.code == code) {
            return type.name;
        }
    }
    return code;
}

std::string mark_text(const domain::Settings& settings, const store::DiaryMark& m) {
    return m.value + " (" + work_type_name(settings, m.work_type) + ")" +
           (m.comment.empty() ? "" : " — " + m.comment);
}

std::string absence_text(const domain::Settings& settings, const store::DiaryAbsence& a) {
    auto code = domain::absence_from_name(a.code);
    std::string out = code ? settings.absence_labels.of(*code) : a.code;
    if (a.minutes_late) {
        out += " " + std::to_string(*a.minutes_late) + " мин";
    }
    return out + (a.note.empty() ? "" : " — " + a.note);
}

std::string weekday_of(const Date& d) {
    return domain::weekday_short(
        static_cast<int>(std::chrono::weekday{sys_days{d}}.iso_encoding()));
}

}  // namespace

DiaryPage build_diary(Session& session, const DiaryRequest& request) {
    PupilRef pupil = select_pupil(session, request.pupil);
    session.require(domain::Permission::marks_read,
                    store::pupil_target(session.db(), pupil.person_id,
                                        today_iso()),
                    "pupil " + pupil.short_name);
    store::Database& db = session.db();
    sys_days day{request.week};
    Date monday{day - days{std::chrono::weekday{day}.iso_encoding() - 1}};
    Date sunday{sys_days{monday} + days{6}};
    auto year = store::current_year(db, session.school_id(), domain::format_iso(request.week));
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year");
    }
    store::DiaryDays days_of = store::read_diary_days(
        db, year->id, pupil.person_id, domain::format_iso(monday), domain::format_iso(sunday));
    const domain::Settings& settings = session.settings();

    DiaryPage page;
    page.pupil_id = pupil.person_id;
    report::Document& doc = page.doc;
    doc.kind = "diary";
    doc.title = "Дневник";
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.orientation = report::Orientation::landscape;
    std::string week = domain::format_ru(monday) + "–" + domain::format_ru(sunday);
    doc.meta.push_back({"Ученик", pupil.name});
    doc.meta.push_back({"Класс", pupil.class_name.empty() ? "—" : pupil.class_name});
    doc.section_key_title = "Неделя";
    report::Section& section = doc.sections.emplace_back();
    section.key = domain::format_iso(monday);
    section.heading = "Неделя " + week;
    section.table.columns = {{"Дата", 11},    {"День", 6},
                             {"Урок", 6, report::Align::right},
                             {"Предмет", 24}, {"Тема", 28},
                             {"Домашнее задание", 30},
                             {"Отметки", 22}, {"Посещаемость", 15},
                             {"Замечания", 24}};

    std::map<std::int64_t, std::vector<std::string>> marks_of, absences_of, remarks_of;
    for (const auto& m : days_of.marks) {
        marks_of[m.lesson_id].push_back(mark_text(settings, m));
        page.shown.push_back({"mark", m.id});
    }
    for (const auto& a : days_of.absences) {
        absences_of[a.lesson_id].push_back(absence_text(settings, a));
    }
    std::map<std::string, std::vector<const store::DiaryRemark*>> day_remarks;  // by date
    for (const auto& r : days_of.remarks) {
        if (r.lesson_id) {
            remarks_of[*r.lesson_id].push_back(r.text);
        } else {
            day_remarks[r.date].push_back(&r);
        }
        page.shown.push_back({"remark", r.id});
    }
    // A day's own remarks follow its lessons; a day with only remarks still gets its rows.
    auto flush_day_remarks = [&](const std::string& upto, bool inclusive) {
        while (!day_remarks.empty() &&
               (day_remarks.begin()->first < upto ||
                (inclusive && day_remarks.begin()->first == upto))) {
            Date d = *domain::parse_date(day_remarks.begin()->first);
            for (const auto* r : day_remarks.begin()->second) {
                section.table.rows.push_back({d, weekday_of(d), std::monostate{}, "", "", "", "",
                                              "", r->text});
            }
            day_remarks.erase(day_remarks.begin());
        }
    };
    for (std::size_t i = 0; i < days_of.lessons.size(); ++i) {
        const auto& l = days_of.lessons[i];
        flush_day_remarks(l.date, false);
        Date d = *domain::parse_date(l.date);
        if (!l.homework.empty()) {
            page.shown.push_back({"homework", l.id});
        }
        section.table.rows.push_back({d, weekday_of(d), std::int64_t{l.lesson_no}, l.subject_name,
                                      l.cancelled ? "урок отменён" : l.topic, l.homework,
                                      joined(marks_of[l.id]), joined(absences_of[l.id]),
                                      joined(remarks_of[l.id])});
        bool last_of_day = i + 1 == days_of.lessons.size() || days_of.lessons[i + 1].date != l.date;
        if (last_of_day) {
            flush_day_remarks(l.date, true);
        }
    }
    flush_day_remarks("9999-12-31", true);
    if (section.table.rows.empty()) {
        section.notes.push_back("Уроков на этой неделе нет.");
    }
    return page;
}

std::size_t record_diary_seen(Session& session, const DiaryPage& page) {
    const auto& person = session.actor().person_id;
    if (!person || page.shown.empty() ||
        !store::link_relation(session.db(), *person, page.pupil_id)) {
        return 0;
    }
    store::Transaction tx(session.db());
    int added = store::record_seen(session.db(), page.pupil_id, *person, page.shown,
                                   utc_iso_now());
    if (added == 0) {
        return 0;  // nothing new: the transaction rolls back, having written nothing
    }
    std::size_t marks = 0, remarks = 0, homework = 0;
    for (const auto& item : page.shown) {
        (item.kind == "mark" ? marks : item.kind == "remark" ? remarks : homework)++;
    }
    session.audit("diary.seen", "pupil", std::to_string(page.pupil_id),
                  {{"guardian_id", *person},
                   {"week", page.doc.sections.front().key},
                   {"shown", {{"marks", marks}, {"remarks", remarks}, {"homework", homework}}},
                   {"new_receipts", added}});
    tx.commit();
    return static_cast<std::size_t>(added);
}

}  // namespace schoolctl::app
