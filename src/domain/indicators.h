#pragma once
// The indicators a school reports for a class, a subject, a teacher or the whole school
// (DOMAIN.md «Indicators»): успеваемость, качество знаний, СОУ and средний балл from the counts
// of period marks, and the class teacher's categories of pupils (отличники, хорошисты, «с одной
// 4», «с одной 3», неуспевающие).
//
// Everything is integer arithmetic: a percentage or a mean is kept in hundredths, rounded half
// up once at the end, so the worked example's СОУ is exactly 58.04 and never 58.039999.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace schoolctl::domain {

// What a final mark counts as. Five-point marks count as themselves (a «1» as a 2); «н/а» is
// not attested and counts as failing; «осв» is exempt and out of N; «незач» fails like a 2;
// «зач» passes and is left out of the counts, like a mark on any scale that is not five-point
// (a pass/fail subject says nothing about quality); an empty mark is no mark.
// «unmarked» is any mark of a pupil whose grade is taught without marks (marks.unmarked_grades):
// out of N like no mark, and never «н/а» or failing, whatever an older computation stored.
enum class MarkCategory { five, four, three, two, not_attested, exempt, passed, none, unmarked };

// Whether the pupil's grade is taught with marks (безотметочное обучение is `unmarked`).
enum class Marking { marked, unmarked };

MarkCategory categorise_mark(std::string_view final_mark, Marking marking = Marking::marked);

// The counts the formulas use. N = n5 + n4 + n3 + n2 + nна: exempt pupils, pupils without a
// mark and pupils taught without marks are counted apart and are not in N.
struct MarkTally {
    int n5 = 0;
    int n4 = 0;
    int n3 = 0;
    int n2 = 0;
    int not_attested = 0;
    int exempt = 0;
    int no_marks = 0;
    int unmarked = 0;  // of a grade taught without marks

    int rated() const { return n5 + n4 + n3 + n2 + not_attested; }  // N
    void add(MarkCategory category);
    MarkTally& operator+=(const MarkTally& other);
    bool operator==(const MarkTally&) const = default;
};

// Each in hundredths (9200 = 92 %, 379 = 3.79); none when its denominator is zero.
struct Indicators {
    std::optional<std::int64_t> success;  // успеваемость, %: (n5 + n4 + n3) / N
    std::optional<std::int64_t> quality;  // качество знаний, %: (n5 + n4) / N
    // СОУ (степень обученности, Simonov), %: (100·n5 + 64·n4 + 36·n3 + 16·n2 + 7·nна) / N
    std::optional<std::int64_t> sou;
    // средний балл: (5·n5 + 4·n4 + 3·n3 + 2·n2) / (n5 + n4 + n3 + n2); «н/а» is not a number
    std::optional<std::int64_t> average;

    bool operator==(const Indicators&) const = default;
};

Indicators indicators_of(const MarkTally& tally);

// numerator / denominator in hundredths, rounded half up once (7 / 8 → 88; 100·81 / 210 →
// 3857, a share of 38.57 %); none for a zero denominator. Both non-negative.
std::optional<std::int64_t> ratio_hundredths(std::int64_t numerator, std::int64_t denominator);

// How a pupil stands over all subjects of a period, from the pupil's final marks.
enum class Standing {
    excellent,     // отличник: every counted mark 5
    good,          // хорошист: 4s and 5s, at least one 4
    satisfactory,  // at least one 3, nothing failing
    failing,       // неуспевающий: any 2 or «н/а»
    exempt,        // every mark «осв»
    unrated,       // no counted mark
    unmarked,      // a grade taught without marks: neither attested nor failing
};

struct PupilStanding {
    Standing standing = Standing::unrated;
    // The pupil's worst mark: what the pupil counts as in a class's indicators by pupils.
    MarkCategory worst = MarkCategory::none;
    bool one_four = false;   // «с одной 4»: all 5 but exactly one 4 (a хорошист)
    bool one_three = false;  // «с одной 3»: 4s and 5s but exactly one 3
    // Indices into the marks given: the one 4 or the one 3 for those categories, the failing
    // marks (2, «н/а», «незач») for неуспевающие.
    std::vector<std::size_t> subjects;
};

// A pupil taught without marks stands `unmarked` (worst mark `unmarked`) whatever the marks.
PupilStanding standing_of(std::span<const MarkCategory> marks, Marking marking = Marking::marked);

}  // namespace schoolctl::domain
