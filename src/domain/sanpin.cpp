#include "domain/sanpin.h"

namespace schoolctl::domain {

int weekly_lesson_limit(int grade, int days_per_week) {
    struct Limit {
        int five_day;
        int six_day;
    };
    static const Limit limits[] = {{0, 0},   {21, 21}, {23, 26}, {23, 26}, {23, 26}, {29, 32},
                                   {30, 33}, {32, 35}, {33, 36}, {33, 36}, {34, 37}, {34, 37}};
    if (grade < 1 || grade > 11) {
        return 0;
    }
    const Limit& l = limits[grade];
    return days_per_week >= 6 ? l.six_day : l.five_day;
}

int daily_lesson_limit(int grade, bool has_pe) {
    if (grade < 1 || grade > 11) {
        return 0;
    }
    if (grade == 1) {
        return has_pe ? 5 : 4;
    }
    if (grade <= 4) {
        return has_pe ? 6 : 5;
    }
    return grade <= 6 ? 6 : 7;
}

}  // namespace schoolctl::domain
