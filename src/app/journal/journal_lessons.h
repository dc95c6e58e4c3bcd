#pragma once
// Which dated lesson a mark or an absence belongs to: the lesson of a subject a pupil has on a
// date, through the class or the groups the pupil is in on that date (not today: a pupil who
// moved from 5А to 5Б in November has 5А's lessons in October). Loaded once per command or
// import, so a file of a million marks resolves each row with a few map lookups.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "app/session.h"
#include "domain/date.h"
#include "domain/settings.h"

namespace schoolctl::app {

struct JournalLesson {
    std::int64_t lesson_id = 0;
    std::string date;  // ISO
    int lesson_no = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // the rule's class, or
    std::optional<std::int64_t> group_id;  // its group
    std::int64_t teacher_id = 0;           // who gives it: the substitute when there is one
};

// Why no lesson was found, with what would help: the field at fault ("pupil", "subject",
// "date", "lesson") and a reason that carries the hint (the nearest lesson dates of that subject
// for the pupil, or the lesson numbers of that day).
struct LessonMiss {
    std::string field;
    std::string reason;
};

// A day the pupil had lessons, and how many.
struct LessonDay {
    int day = 0;  // days since 01.01.1970 (std::chrono::sys_days)
    int lessons = 0;
};

class JournalLessons {
public:
    // The lessons of the academic year `year_id` and who was in which class and group when.
    // With `dates`, only the lessons dated within them: a report of a quarter reads a quarter of
    // the year's lessons, and asks of no others.
    JournalLessons(store::Database& db, std::int64_t year_id,
                   const std::optional<domain::DateRange>& dates = std::nullopt);

    // The pupil's lesson of the subject on the date; with `lesson_no` the one at that number
    // (needed only when the pupil has two lessons of the subject that day). A cancelled lesson,
    // a pupil in no class that day, and a day without that subject are misses.
    std::variant<JournalLesson, LessonMiss> find(std::int64_t pupil_id, std::int64_t subject_id,
                                                 const domain::Date& date,
                                                 std::optional<int> lesson_no = std::nullopt) const;

    // The lesson with this id when the pupil was in its class or group on its date.
    std::variant<JournalLesson, LessonMiss> find_by_id(std::int64_t pupil_id,
                                                       std::int64_t lesson_id) const;

    // Every scheduled lesson the pupil had on the date, by lesson number.
    std::vector<JournalLesson> day_of(std::int64_t pupil_id, const domain::Date& date) const;

    // How many scheduled lessons (cancelled ones not counted) the pupil had on each day of
    // [from, to] while in a class: what a missed day and the share of missed lessons are
    // measured against. Days without a lesson are left out; the days are in order, and stay
    // valid as long as this object. Safe to call from several threads.
    std::span<const LessonDay> lessons_per_day(std::int64_t pupil_id, const domain::Date& from,
                                               const domain::Date& to) const;

    // How many scheduled lessons of the subject the pupil has in [from, to] (not cancelled), in
    // the classes and groups the pupil is in on each date.
    int subject_lessons(std::int64_t pupil_id, std::int64_t subject_id, const domain::Date& from,
                        const domain::Date& to) const;

    // The pupils in a class or group on the date (a class: its members; a group: its members).
    std::vector<std::int64_t> members_on(const JournalLesson& lesson) const;

    // The class the pupil was in on the date (its grade decides the attestation periods).
    std::optional<std::int64_t> class_on(std::int64_t pupil_id, const domain::Date& date) const;

private:
    // Dates are ISO text here, which compares in date order, and for the lookups made per row
    // of a file also a day number (days since 1970), which compares in one instruction.
    struct Membership {
        std::int64_t target = 0;  // class or group id
        std::string from;
        std::optional<std::string> to;  // the last day in it
        int from_day = 0;
        int to_day = 0;  // the largest int when open
        bool covers(const std::string& date) const {
            return from <= date && (!to || date <= *to);
        }
        bool covers(int day) const { return from_day <= day && day <= to_day; }
    };
    struct Key {
        bool group = false;
        std::int64_t target = 0;
        std::int64_t subject_id = 0;
        auto operator<=>(const Key&) const = default;
    };
    struct Entry {
        JournalLesson lesson;
        int day = 0;  // lesson.date as a day number
        bool cancelled = false;
    };
    struct Place {
        bool group = false;
        std::int64_t target = 0;
    };

    // The one lesson that fits, without building the lists a miss needs: the common case.
    // Every day the pupil had lessons among those loaded, counted once and kept.
    const std::vector<LessonDay>& lesson_days(std::int64_t pupil_id) const;
    std::vector<LessonDay> count_lesson_days(std::int64_t pupil_id) const;
    std::optional<const Entry*> only_lesson(std::int64_t pupil_id, std::int64_t subject_id,
                                            int day, std::optional<int> lesson_no) const;
    std::vector<Place> places_on(std::int64_t pupil_id, const std::string& date) const;
    bool was_in(std::int64_t pupil_id, const Place& place, const std::string& date) const;
    std::string where_text(const std::vector<Place>& places) const;
    std::string classes_text(std::int64_t pupil_id) const;
    std::string subject_text(std::int64_t subject_id) const;
    std::string lesson_text(const JournalLesson& lesson) const;
    LessonMiss no_lesson_that_day(std::int64_t pupil_id, std::int64_t subject_id,
                                  const std::string& date,
                                  const std::vector<Place>& places) const;

    std::map<std::int64_t, std::vector<Membership>> classes_of_;  // by pupil
    std::map<std::int64_t, std::vector<Membership>> groups_of_;   // by pupil
    // (pupil, membership) by class and by group, for members_on.
    std::map<std::int64_t, std::vector<std::pair<std::int64_t, Membership>>> class_members_;
    std::map<std::int64_t, std::vector<std::pair<std::int64_t, Membership>>> group_members_;
    std::map<Key, std::vector<Entry>> lessons_;  // by date, then number; cancelled ones too
    std::map<std::int64_t, std::pair<Key, std::size_t>> by_id_;
    std::map<std::int64_t, std::string> class_names_;
    std::map<std::int64_t, std::string> subject_names_;
    std::map<std::int64_t, std::string> group_names_;
    mutable std::mutex days_lock_;  // guards days_of_
    mutable std::unordered_map<std::int64_t, std::vector<LessonDay>> days_of_;
};

}  // namespace schoolctl::app
