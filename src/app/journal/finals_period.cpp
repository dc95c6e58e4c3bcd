#include "app/journal/finals_period.h"

#include <algorithm>

#include "domain/grading.h"
#include "domain/person_name.h"
#include "store/access_scope.h"
#include "store/accounts.h"
#include "store/calendar.h"
#include "store/period_locks.h"
#include "store/schools.h"
#include "store/subjects.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::AttestationPeriod;

bool names_grade(const AttestationPeriod& p, int grade) {
    return std::find(p.grades.begin(), p.grades.end(), grade) != p.grades.end();
}

std::string upper_ascii(std::string text) {
    for (auto& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

std::string dates_text(const domain::DateRange& d) {
    return domain::format_ru(d.start) + "–" + domain::format_ru(d.end);
}

}  // namespace

std::string PeriodChoice::label() const {
    if (of_whole_year()) {
        return code + " (" + year_name + ")";
    }
    return code + " (" + name + ", " + dates_text(dates) + ")";
}

PeriodChoice select_period(Session& session, const std::string& text, bool exam_and_final) {
    std::string today = today_iso();
    auto year = store::current_year(session.db(), session.school_id(), today);
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year (set [academic_year] in "
                                      "schoolctl.toml and run schoolctl calendar import)");
    }
    store::YearCalendar calendar = store::read_year_calendar(session.db(), year->id);
    PeriodChoice c;
    c.year_id = year->id;
    c.year_name = calendar.name;
    c.year_dates = calendar.dates;
    c.all_periods = calendar.periods;
    std::string wanted = upper_ascii(domain::normalise_spaces(text));
    const std::pair<std::string_view, const char*> whole_year[] = {
        {year_period, "год"}, {exam_period, "экзамен"}, {final_period, "итоговая"}};
    for (const auto& [code, name] : whole_year) {
        if ((code == year_period || exam_and_final) && wanted == upper_ascii(std::string(code))) {
            c.code = std::string(code);
            c.name = name;
            c.dates = calendar.dates;
            return c;
        }
    }
    std::vector<std::string> codes;
    for (const auto& p : calendar.periods) {
        if (upper_ascii(p.code) == wanted) {
            if (c.definitions.empty()) {
                c.code = p.code;
                c.name = p.name;
                c.dates = p.dates;
            }
            c.dates.start = std::min(c.dates.start, p.dates.start);
            c.dates.end = std::max(c.dates.end, p.dates.end);
            c.definitions.push_back(p);
        }
        if (std::find(codes.begin(), codes.end(), p.code) == codes.end()) {
            codes.push_back(p.code);
        }
    }
    if (c.definitions.empty()) {
        std::string list;
        for (const auto& code : codes) {
            list += code + ", ";
        }
        throw Error(ExitCode::usage, "--period \"" + text + "\" is not a period of " +
                                         calendar.name + " (periods: " + list +
                                         std::string(year_period) +
                                         (exam_and_final ? ", " + std::string(exam_period) +
                                                               ", " + std::string(final_period)
                                                         : std::string()) +
                                         ")");
    }
    return c;
}

const AttestationPeriod* definition_for_grade(const std::vector<AttestationPeriod>& definitions,
                                              int grade) {
    const AttestationPeriod* every_grade = nullptr;
    for (const auto& d : definitions) {
        if (names_grade(d, grade)) {
            return &d;
        }
        if (d.grades.empty() && every_grade == nullptr) {
            every_grade = &d;
        }
    }
    return every_grade;
}

std::vector<const AttestationPeriod*> periods_of_grade(const std::vector<AttestationPeriod>& all,
                                                       int grade) {
    std::vector<const AttestationPeriod*> out;
    std::vector<std::string> seen;
    for (const auto& p : all) {
        if (std::find(seen.begin(), seen.end(), p.code) != seen.end()) {
            continue;
        }
        std::vector<AttestationPeriod> same;
        for (const auto& q : all) {
            if (q.code == p.code) {
                same.push_back(q);
            }
        }
        if (const auto* d = definition_for_grade(same, grade)) {
            seen.push_back(p.code);
            // Point into `all`, not into the copy.
            for (const auto& q : all) {
                if (q.code == d->code && q.grades == d->grades) {
                    out.push_back(&q);
                    break;
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return a->dates.start < b->dates.start;
    });
    return out;
}

SubjectChoice select_subject(Session& session, const std::string& text) {
    auto subjects = store::list_subjects(session.db(), session.school_id());
    std::string key = domain::match_key(text);
    std::string codes;
    for (const auto& s : subjects) {
        if (domain::match_key(s.code) == key || domain::match_key(s.name) == key) {
            return {s.id, s.code, s.name, s.scale};
        }
        codes += (codes.empty() ? "" : ", ") + s.code;
    }
    throw Error(ExitCode::data, "--subject \"" + text + "\" is not a subject code or name of " +
                                    session.school_name() + " (subjects: " + codes + ")");
}

domain::MarkScale scale_for(const domain::Settings& settings, const std::string& subject_code,
                            const std::string& scale_code) {
    if (auto scale = domain::scale_of(settings, scale_code)) {
        return *scale;
    }
    std::string known;
    for (const auto& code : domain::scale_codes(settings)) {
        known += (known.empty() ? "" : ", ") + code;
    }
    throw Error(ExitCode::config, "subject " + subject_code + " has the scale \"" + scale_code +
                                      "\", which the configuration does not define (scales: " +
                                      known + "; a school's own go in [[scales]])");
}

domain::Target pupil_subject_target(Session& session, std::int64_t pupil_id,
                                    std::int64_t subject_id) {
    domain::Target t = store::pupil_target(session.db(), pupil_id,
                                           today_iso());
    t.subject_id = subject_id;
    return t;
}

void refuse_locked(Session& session, const PeriodChoice& period, const std::string& doing) {
    for (const auto& lock : store::period_locks(session.db(), period.year_id)) {
        if (lock.period != period.code) {
            continue;
        }
        std::string who;
        if (lock.account_id) {
            if (auto account = store::find_account(session.db(), *lock.account_id)) {
                who = " by " + account->login;
            }
        }
        throw Error(ExitCode::data, "cannot " + doing + ": period " + period.code + " of " +
                                        period.year_name + " is locked (since " +
                                        lock.locked_at + who +
                                        "); `schoolctl finals unlock --period " + period.code +
                                        "` first");
    }
}

}  // namespace schoolctl::app
