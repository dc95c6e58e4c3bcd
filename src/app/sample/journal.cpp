#include "app/sample/journal.h"

#include "app/sample/curriculum.h"
#include "app/sample/school_year.h"
#include "domain/grading.h"
#include "domain/study_calendar.h"
#include "formats/excel_csv.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

namespace schoolctl::app::sample {
namespace {

using namespace std::chrono;

enum Absence : std::uint8_t { present = 0, ill, unexcused, excused };

constexpr std::size_t flush_at = 1 << 20;

// Text written in pieces of about a megabyte.
class Buffered {
  public:
    explicit Buffered(const TextSink& sink) : sink_(sink) { text_.reserve(flush_at + 4096); }
    std::string& text() { return text_; }
    void maybe_flush() {
        if (text_.size() >= flush_at) {
            flush();
        }
    }
    void flush() {
        if (!text_.empty()) {
            sink_(text_);
            text_.clear();
        }
    }

  private:
    const TextSink& sink_;
    std::string text_;
};

struct Days {
    sys_days first;
    int count = 0;
    std::vector<std::string> text; // DD.MM.YYYY
    std::vector<int> period;       // the attestation period of each day, or -1
    std::vector<bool> flu;
};

Days days_of(const domain::Settings& s, const domain::DateRange& range) {
    Days d;
    d.first = sys_days{range.start};
    d.count = static_cast<int>((sys_days{range.end} - d.first).count()) + 1;
    for (int i = 0; i < d.count; ++i) {
        const domain::Date date{d.first + days{i}};
        d.text.push_back(domain::format_ru(date));
        int period = -1;
        for (std::size_t p = 0; p < s.periods.size(); ++p) {
            if (s.periods[p].dates.start <= date && date <= s.periods[p].dates.end) {
                period = static_cast<int>(p);
            }
        }
        d.period.push_back(period);
    }
    d.flu.assign(static_cast<std::size_t>(d.count), false);
    return d;
}

// Two weeks of each period in the range, never its first, that have lessons.
std::vector<domain::Date> pick_flu_weeks(Random& rng, const domain::Settings& s, Days& d,
                                         const std::vector<DatedLesson>& lessons) {
    std::vector<bool> has_lesson(static_cast<std::size_t>(d.count), false);
    for (const auto& l : lessons) {
        has_lesson[static_cast<std::size_t>(l.day)] = true;
    }
    std::vector<domain::Date> mondays;
    for (std::size_t p = 0; p < s.periods.size(); ++p) {
        std::vector<int> weeks; // offsets of Mondays
        for (int i = 0; i < d.count; ++i) {
            const weekday wd{d.first + days{i}};
            if (d.period[static_cast<std::size_t>(i)] != static_cast<int>(p) || wd != Monday) {
                continue;
            }
            bool study = false;
            for (int k = i; k < std::min(d.count, i + 5); ++k) {
                study = study || has_lesson[static_cast<std::size_t>(k)];
            }
            if (study) {
                weeks.push_back(i);
            }
        }
        if (weeks.size() > 1) {
            weeks.erase(weeks.begin());
        }
        rng.shuffle(weeks);
        weeks.resize(std::min<std::size_t>(weeks.size(), 2));
        std::sort(weeks.begin(), weeks.end());
        for (int w : weeks) {
            for (int k = w; k < std::min(d.count, w + 7); ++k) {
                d.flu[static_cast<std::size_t>(k)] = true;
            }
            mondays.emplace_back(d.first + days{w});
        }
    }
    return mondays;
}

struct Attendance {
    std::vector<std::uint8_t> code; // (pupil, day) → Absence
    std::vector<std::uint8_t> late; // (pupil, day) → minutes late, 0 for none
};

Attendance absences(Random& rng, std::size_t pupils, const Days& d) {
    const auto n = static_cast<std::size_t>(d.count);
    Attendance a;
    a.code.assign(pupils * n, present);
    a.late.assign(pupils * n, 0);
    auto ill_for = [&](std::size_t p, int from, int length) {
        for (int k = from; k < std::min(d.count, from + length); ++k) {
            a.code[p * n + static_cast<std::size_t>(k)] = ill;
        }
    };
    for (std::size_t p = 0; p < pupils; ++p) {
        if (rng.chance(1, 50)) { // a long illness
            ill_for(p, static_cast<int>(rng.below(n)), rng.between(14, 21));
        }
        for (std::size_t k = 0; k < n; ++k) {
            std::uint8_t& code = a.code[p * n + k];
            if (code != present) {
                continue;
            }
            if (rng.chance(d.flu[k] ? 40 : 3, 1000)) {
                ill_for(p, static_cast<int>(k), rng.between(3, 6));
            } else if (rng.chance(5, 1000)) {
                code = unexcused;
            } else if (rng.chance(8, 1000)) {
                code = excused;
            } else if (rng.chance(12, 1000)) {
                static const std::uint8_t minutes[] = {5, 10, 15, 20};
                a.late[p * n + k] = minutes[rng.below(4)];
            }
        }
    }
    return a;
}

// A mark on the five-point scale around `mean` (hundredths), spread about 0.85: the sum of
// three uniform integers, so that no floating point decides a byte of the output.
int mark_value(Random& rng, int mean) {
    const int v = mean + rng.between(-85, 85) + rng.between(-85, 85) + rng.between(-85, 85);
    return std::clamp((v + 50) / 100, 2, 5);
}

enum class Work { none, answer, homework, independent, dictation, test };

const char* work_name(Work w) {
    switch (w) {
    case Work::answer:
        return "Ответ на уроке";
    case Work::homework:
        return "Домашняя работа";
    case Work::independent:
        return "Самостоятельная работа";
    case Work::dictation:
        return "Диктант";
    case Work::test:
        return "Контрольная работа";
    case Work::none:
        break;
    }
    return "";
}

} // namespace

JournalStats write_journal(Random& rng, const Roster& roster, const Timetable& timetable,
                           const domain::Settings& settings, const domain::DateRange& range,
                           const TextSink& marks_sink, const TextSink& attendance_sink) {
    JournalStats stats;
    const auto lessons = dated_lessons(roster, timetable, settings, range);
    stats.lessons = static_cast<long>(lessons.size());
    Days d = days_of(settings, range);
    stats.flu_weeks = pick_flu_weeks(rng, settings, d, lessons);
    const std::size_t pupils = roster.pupils.size();
    const Attendance att = absences(rng, pupils, d);
    const auto n_days = static_cast<std::size_t>(d.count);

    // Each pupil's level and each subject's nudge to it; a few (pupil, subject) pairs where
    // the pupil is seldom asked.
    const std::size_t n_subjects = subjects().size();
    std::vector<int> level(pupils);
    std::vector<std::int8_t> nudge(pupils * n_subjects);
    std::vector<bool> quiet(pupils * n_subjects);
    static const int levels[] = {490, 450, 410, 350};
    for (std::size_t p = 0; p < pupils; ++p) {
        level[p] = levels[rng.pick_weighted({12, 38, 38, 12})];
        for (std::size_t s = 0; s < n_subjects; ++s) {
            nudge[p * n_subjects + s] = static_cast<std::int8_t>(rng.between(-30, 20));
            quiet[p * n_subjects + s] = rng.chance(1, 150);
        }
    }
    // Marks each pupil has in each subject in the current period: a teacher who sees the end
    // of the quarter coming asks those who still have fewer than three.
    std::vector<int> have(pupils * n_subjects * (settings.periods.size() + 1), 0);

    // Lessons of each (class or group, subject) per period, and the last of each: the test.
    const std::size_t targets = roster.classes.size() + roster.groups.size();
    const std::size_t periods = settings.periods.size() + 1; // the last: outside any period
    auto key_of = [&](const DatedLesson& l) {
        const std::size_t target = l.group >= 0
                                       ? roster.classes.size() + static_cast<std::size_t>(l.group)
                                       : static_cast<std::size_t>(l.klass);
        return target * n_subjects + static_cast<std::size_t>(l.subject);
    };
    auto period_of = [&](const DatedLesson& l) {
        const int p = d.period[static_cast<std::size_t>(l.day)];
        return p < 0 ? periods - 1 : static_cast<std::size_t>(p);
    };
    std::vector<int> in_period(targets * n_subjects * periods, 0);
    std::vector<long> last(targets * n_subjects * periods, -1);
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const std::size_t k = key_of(lessons[i]) * periods + period_of(lessons[i]);
        ++in_period[k];
        last[k] = static_cast<long>(i);
    }
    std::vector<int> counter(targets * n_subjects, 0);
    std::vector<int> seen(targets * n_subjects * periods, 0);

    Buffered marks(marks_sink), attendance(attendance_sink);
    marks.text() += formats::utf8_bom;
    formats::append_excel_csv_row(marks.text(), {"Ученик", "Класс", "Предмет", "Дата", "Урок",
                                                 "Отметка", "Вид работы", "Комментарий"});
    attendance.text() += formats::utf8_bom;
    formats::append_excel_csv_row(attendance.text(), {"Ученик", "Класс", "Предмет", "Дата", "Урок",
                                                      "Код", "Минуты", "Примечание"});
    const int rus = subject_index("RUS");
    std::string value, number;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const auto& l = lessons[i];
        const auto& cls = roster.classes[static_cast<std::size_t>(l.klass)];
        const auto& subject = subjects()[static_cast<std::size_t>(l.subject)];
        const bool marked = !domain::taught_without_marks(settings, cls.grade) &&
                            std::string_view(subject.scale) == "five_point";
        const std::size_t key = key_of(l);
        const std::size_t pk = key * periods + period_of(l);
        const int k = ++counter[key];
        const int left = in_period[pk] - seen[pk]++; // this lesson and the ones after it
        Work work = Work::none;
        if (last[pk] == static_cast<long>(i) || k % 12 == 0) {
            work = Work::test;
        } else if (l.subject == rus && k % 6 == 3) {
            work = Work::dictation;
        } else if (k % 7 == 4) {
            work = Work::independent;
        }
        // A teacher with one lesson a week asks each pupil more often than one with five.
        const int answer_permille = 160 + std::max(0, 24 - in_period[pk]) * 300 / 24;
        const auto& members =
            l.group >= 0 ? roster.groups[static_cast<std::size_t>(l.group)].pupils : cls.pupils;
        const std::string& date = d.text[static_cast<std::size_t>(l.day)];
        number = std::to_string(l.lesson);
        for (int p : members) {
            const auto pi = static_cast<std::size_t>(p);
            const auto& pupil = roster.pupils[pi];
            const std::size_t at = pi * n_days + static_cast<std::size_t>(l.day);
            const auto code = static_cast<Absence>(att.code[at]);
            if (code != present) {
                const char* text = code == ill ? "Б" : code == unexcused ? "Н" : "П";
                formats::append_excel_csv_row(attendance.text(),
                                              {pupil.id, cls.name, subject.code, date, number, text,
                                               "", code == ill ? "справка" : ""});
                ++(code == ill ? stats.ill : code == unexcused ? stats.unexcused : stats.excused);
                continue;
            }
            if (l.lesson == 1 && att.late[at] != 0) {
                formats::append_excel_csv_row(attendance.text(),
                                              {pupil.id, cls.name, subject.code, date, number, "ОП",
                                               std::to_string(att.late[at]), ""});
                ++stats.late;
            }
            if (!marked) {
                continue;
            }
            const std::size_t ps = pi * n_subjects + static_cast<std::size_t>(l.subject);
            const int mean = level[pi] + nudge[ps];
            const bool seldom = quiet[ps];
            int& marks_so_far = have[ps * periods + period_of(l)];
            auto give = [&](Work w, int v, int second = 0) {
                value = std::to_string(v);
                if (second != 0) {
                    value += "/" + std::to_string(second);
                }
                const char* comment = w == Work::homework && v == 2 ? "не сдана тетрадь" : "";
                formats::append_excel_csv_row(marks.text(), {pupil.id, cls.name, subject.code, date,
                                                             number, value, work_name(w), comment});
                ++stats.marks;
                ++stats.by_value[static_cast<std::size_t>(v)];
                ++marks_so_far;
            };
            if ((work == Work::test || work == Work::independent) &&
                !(seldom && rng.chance(1, 2))) {
                give(work, mark_value(rng, mean - (work == Work::test ? 20 : 0)));
            } else if (work == Work::dictation && !(seldom && rng.chance(1, 2))) {
                const int spelling = mark_value(rng, mean - 30);
                give(work, spelling, mark_value(rng, mean));
            }
            // Three marks a quarter: certain when as many lessons are left as marks missing.
            const int missing = std::max(0, 3 - marks_so_far);
            const bool catch_up = !seldom && missing > 0 &&
                                  rng.chance(static_cast<std::uint64_t>(missing),
                                             static_cast<std::uint64_t>(std::max(left, missing)));
            if (catch_up || rng.chance(static_cast<std::uint64_t>(seldom ? answer_permille / 4
                                                                         : answer_permille),
                                       1000)) {
                give(Work::answer, mark_value(rng, mean + 20));
            }
            if (rng.chance(seldom ? 2 : 70, 1000)) {
                give(Work::homework, mark_value(rng, mean + 30));
            }
        }
        marks.maybe_flush();
        attendance.maybe_flush();
    }
    marks.flush();
    attendance.flush();
    return stats;
}

} // namespace schoolctl::app::sample
