#include "domain/bell_choice.h"

#include <algorithm>

namespace schoolctl::domain {
namespace {

template <typename T> bool contains(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// How specific the schedule is for this class and day; -1 when it does not apply.
int specificity(const BellSchedule& b, const std::string& class_name, int grade, int weekday,
                const std::optional<Date>& on) {
    int score = 0;
    if (!b.classes.empty()) {
        if (!contains(b.classes, class_name)) {
            return -1;
        }
        score += 8;
    } else if (!b.grades.empty()) {
        if (!contains(b.grades, grade)) {
            return -1;
        }
        score += 4;
    }
    if (!b.weekdays.empty()) {
        if (!contains(b.weekdays, weekday)) {
            return -1;
        }
        score += 2;
    }
    if (b.from || b.to) {
        if (on && ((b.from && *on < *b.from) || (b.to && *b.to < *on))) {
            return -1;
        }
        score += 1;
    }
    return score;
}

}  // namespace

const BellSchedule* bell_schedule_for(const std::vector<BellSchedule>& bells,
                                      const std::string& class_name, int grade, int weekday,
                                      std::optional<Date> on) {
    const BellSchedule* best = nullptr;
    int best_score = -1;
    for (const auto& b : bells) {
        int score = specificity(b, class_name, grade, weekday, on);
        if (score > best_score) {
            best = &b;
            best_score = score;
        }
    }
    return best;
}

std::optional<Bell> bell_for(const std::vector<BellSchedule>& bells, const std::string& class_name,
                             int grade, int weekday, int number, std::optional<Date> on) {
    const BellSchedule* schedule = bell_schedule_for(bells, class_name, grade, weekday, on);
    if (schedule == nullptr) {
        return std::nullopt;
    }
    for (const auto& bell : schedule->lessons) {
        if (bell.number == number) {
            return bell;
        }
    }
    return std::nullopt;
}

}  // namespace schoolctl::domain
