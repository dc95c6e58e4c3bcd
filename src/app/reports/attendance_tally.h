#pragma once
// A pupil's attendance over dates, as the forms count it (DOMAIN.md «Attendance»): lessons
// missed, days missed (a day counts when every lesson the pupil had that day was missed), each
// in all and by illness, with a valid reason and without one; lateness; and the share of the
// pupil's lessons missed.
#include <cstdint>
#include <optional>
#include <map>
#include <span>
#include <utility>
#include <vector>

#include "app/journal/journal_lessons.h"
#include "domain/date.h"
#include "store/report_data.h"

namespace schoolctl::app {

struct AttendanceTally {
    int lessons = 0;  // the pupil's scheduled lessons in the dates
    int missed = 0;   // lessons missed, for any reason
    int missed_ill = 0;
    int missed_excused = 0;
    int missed_unexcused = 0;
    int late = 0;
    int days = 0;  // school days: days the pupil had lessons
    int days_missed = 0;
    // A missed day is by illness when every absence that day is by illness, unexcused when any
    // is unexcused, excused otherwise.
    int days_missed_ill = 0;
    int days_missed_excused = 0;
    int days_missed_unexcused = 0;

    // missed / lessons in hundredths of a per cent, rounded half up; none without lessons.
    std::optional<std::int64_t> missed_share() const;
    AttendanceTally& operator+=(const AttendanceTally& other);
};

// The absences of a date range (store::absences_between, by pupil) found by pupil.
class AbsenceIndex {
public:
    explicit AbsenceIndex(std::vector<store::AbsenceRow> rows);
    std::span<const store::AbsenceRow> of(std::int64_t pupil_id) const;

private:
    std::vector<store::AbsenceRow> rows_;
    std::map<std::int64_t, std::pair<std::size_t, std::size_t>> ranges_;  // [first, last)
};

// The absence's date as a day number, as LessonDay counts days (-1 for no date).
int absence_day(const store::AbsenceRow& absence);

// The pupil's tally for [from, to]. `absences` are the pupil's rows (any order); rows outside
// the dates, or on a day the pupil had no lesson, are not counted.
AttendanceTally tally_attendance(const JournalLessons& lessons, std::int64_t pupil_id,
                                 const domain::Date& from, const domain::Date& to,
                                 std::span<const store::AbsenceRow> absences);

}  // namespace schoolctl::app
