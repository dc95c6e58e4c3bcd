#include "app/reports/attendance_tally.h"

#include "domain/indicators.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>

namespace schoolctl::app {

AbsenceIndex::AbsenceIndex(std::vector<store::AbsenceRow> rows) : rows_(std::move(rows)) {
    std::stable_sort(rows_.begin(), rows_.end(),
                     [](const auto& a, const auto& b) { return a.pupil_id < b.pupil_id; });
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        auto [it, fresh] = ranges_.try_emplace(rows_[i].pupil_id, i, i);
        it->second.second = i + 1;
    }
}

std::span<const store::AbsenceRow> AbsenceIndex::of(std::int64_t pupil_id) const {
    auto it = ranges_.find(pupil_id);
    if (it == ranges_.end()) {
        return {};
    }
    return std::span(rows_).subspan(it->second.first, it->second.second - it->second.first);
}

std::optional<std::int64_t> AttendanceTally::missed_share() const {
    return domain::ratio_hundredths(std::int64_t{missed} * 100, lessons);
}

AttendanceTally& AttendanceTally::operator+=(const AttendanceTally& o) {
    lessons += o.lessons;
    missed += o.missed;
    missed_ill += o.missed_ill;
    missed_excused += o.missed_excused;
    missed_unexcused += o.missed_unexcused;
    late += o.late;
    days += o.days;
    days_missed += o.days_missed;
    days_missed_ill += o.days_missed_ill;
    days_missed_excused += o.days_missed_excused;
    days_missed_unexcused += o.days_missed_unexcused;
    return *this;
}

int absence_day(const store::AbsenceRow& absence) {
    auto d = domain::parse_date(absence.date);
    return d ? static_cast<int>(std::chrono::sys_days(*d).time_since_epoch().count()) : -1;
}

AttendanceTally tally_attendance(const JournalLessons& lessons, std::int64_t pupil_id,
                                 const domain::Date& from, const domain::Date& to,
                                 std::span<const store::AbsenceRow> absences) {
    AttendanceTally t;
    const std::span<const LessonDay> per_day = lessons.lessons_per_day(pupil_id, from, to);
    for (const auto& d : per_day) {
        t.lessons += d.lessons;
        ++t.days;
    }
    struct Missed {
        int missed = 0;
        int ill = 0;
        int unexcused = 0;
    };
    std::vector<Missed> missed(per_day.size());  // by the day's place in per_day
    for (const auto& a : absences) {
        const int day = absence_day(a);
        auto it = std::lower_bound(per_day.begin(), per_day.end(), day,
                                   [](const LessonDay& d, int n) { return d.day < n; });
        if (it == per_day.end() || it->day != day) {
            continue;  // outside the dates, or a day the pupil had no lesson
        }
        if (a.code == "late") {
            ++t.late;
            continue;
        }
        Missed& d = missed[static_cast<std::size_t>(it - per_day.begin())];
        ++t.missed;
        ++d.missed;
        if (a.code == "ill") {
            ++t.missed_ill;
            ++d.ill;
        } else if (a.code == "excused") {
            ++t.missed_excused;
        } else {
            ++t.missed_unexcused;
            ++d.unexcused;
        }
    }
    for (std::size_t i = 0; i < per_day.size(); ++i) {
        const Missed& d = missed[i];
        if (d.missed == 0 || d.missed < per_day[i].lessons) {
            continue;
        }
        ++t.days_missed;
        if (d.ill == d.missed) {
            ++t.days_missed_ill;
        } else if (d.unexcused > 0) {
            ++t.days_missed_unexcused;
        } else {
            ++t.days_missed_excused;
        }
    }
    return t;
}

}  // namespace schoolctl::app
