#include "domain/indicators.h"

namespace schoolctl::domain {
namespace {

// Worse first: the order a pupil's worst mark is chosen by.
int badness(MarkCategory c) {
    switch (c) {
        case MarkCategory::not_attested:
            return 6;
        case MarkCategory::two:
            return 5;
        case MarkCategory::three:
            return 4;
        case MarkCategory::four:
            return 3;
        case MarkCategory::five:
            return 2;
        case MarkCategory::passed:
        case MarkCategory::exempt:
        case MarkCategory::none:
        case MarkCategory::unmarked:
            break;
    }
    return 0;
}

}  // namespace

MarkCategory categorise_mark(std::string_view m, Marking marking) {
    if (marking == Marking::unmarked) {
        return MarkCategory::unmarked;
    }
    if (m == "5") {
        return MarkCategory::five;
    }
    if (m == "4") {
        return MarkCategory::four;
    }
    if (m == "3") {
        return MarkCategory::three;
    }
    if (m == "2" || m == "1" || m == "незач") {
        return MarkCategory::two;
    }
    if (m == "н/а") {
        return MarkCategory::not_attested;
    }
    if (m == "осв") {
        return MarkCategory::exempt;
    }
    if (m.empty()) {
        return MarkCategory::none;
    }
    return MarkCategory::passed;  // «зач», or a mark of a 10- or 100-point or custom scale
}

void MarkTally::add(MarkCategory c) {
    switch (c) {
        case MarkCategory::five:
            ++n5;
            break;
        case MarkCategory::four:
            ++n4;
            break;
        case MarkCategory::three:
            ++n3;
            break;
        case MarkCategory::two:
            ++n2;
            break;
        case MarkCategory::not_attested:
            ++not_attested;
            break;
        case MarkCategory::exempt:
            ++exempt;
            break;
        case MarkCategory::passed:
        case MarkCategory::none:
            ++no_marks;
            break;
        case MarkCategory::unmarked:
            ++unmarked;
            break;
    }
}

MarkTally& MarkTally::operator+=(const MarkTally& o) {
    n5 += o.n5;
    n4 += o.n4;
    n3 += o.n3;
    n2 += o.n2;
    not_attested += o.not_attested;
    exempt += o.exempt;
    no_marks += o.no_marks;
    unmarked += o.unmarked;
    return *this;
}

std::optional<std::int64_t> ratio_hundredths(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) {
        return std::nullopt;
    }
    return (numerator * 100 * 2 + denominator) / (denominator * 2);
}

Indicators indicators_of(const MarkTally& t) {
    const std::int64_t n = t.rated();
    Indicators out;
    out.success = ratio_hundredths(100LL * (t.n5 + t.n4 + t.n3), n);
    out.quality = ratio_hundredths(100LL * (t.n5 + t.n4), n);
    out.sou = ratio_hundredths(100LL * t.n5 + 64LL * t.n4 + 36LL * t.n3 + 16LL * t.n2 +
                             7LL * t.not_attested,
                         n);
    out.average = ratio_hundredths(5LL * t.n5 + 4LL * t.n4 + 3LL * t.n3 + 2LL * t.n2,
                             t.n5 + t.n4 + t.n3 + t.n2);
    return out;
}

PupilStanding standing_of(std::span<const MarkCategory> marks, Marking marking) {
    PupilStanding out;
    if (marking == Marking::unmarked) {
        out.standing = Standing::unmarked;
        out.worst = MarkCategory::unmarked;
        return out;
    }
    int fours = 0;
    int threes = 0;
    int counted = 0;
    bool any_exempt = false;
    std::size_t the_four = 0;
    std::size_t the_three = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        MarkCategory c = marks[i];
        any_exempt = any_exempt || c == MarkCategory::exempt;
        if (badness(c) == 0) {
            continue;
        }
        ++counted;
        if (badness(c) > badness(out.worst)) {
            out.worst = c;
        }
        if (c == MarkCategory::four) {
            ++fours;
            the_four = i;
        } else if (c == MarkCategory::three) {
            ++threes;
            the_three = i;
        } else if (c == MarkCategory::two || c == MarkCategory::not_attested) {
            out.subjects.push_back(i);
        }
    }
    if (counted == 0) {
        bool all_exempt = any_exempt;
        for (MarkCategory c : marks) {
            all_exempt = all_exempt && (c == MarkCategory::exempt || c == MarkCategory::none);
        }
        out.standing = all_exempt ? Standing::exempt : Standing::unrated;
        out.worst = all_exempt ? MarkCategory::exempt : MarkCategory::none;
        return out;
    }
    if (!out.subjects.empty()) {
        out.standing = Standing::failing;
        return out;
    }
    if (threes > 0) {
        out.standing = Standing::satisfactory;
        if (threes == 1) {
            out.one_three = true;
            out.subjects = {the_three};
        }
        return out;
    }
    if (fours > 0) {
        out.standing = Standing::good;
        if (fours == 1) {
            out.one_four = true;
            out.subjects = {the_four};
        }
        return out;
    }
    out.standing = Standing::excellent;
    return out;
}

}  // namespace schoolctl::domain
