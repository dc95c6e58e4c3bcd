#include "app/sample/curriculum.h"

#include <stdexcept>
#include <string_view>

namespace schoolctl::app::sample {
namespace {

// Index order is the order of subjects.csv.
const std::vector<SubjectInfo> all = {
    {"RUS", "Русский язык", "five_point", "RUS", "русского языка и литературы"},
    {"LITR", "Литературное чтение", "five_point", "LITR", "начальных классов"},
    {"LIT", "Литература", "five_point", "RUS", "русского языка и литературы"},
    {"ENG", "Английский язык", "five_point", "ENG", "английского языка"},
    {"MATH", "Математика", "five_point", "MATH", "математики"},
    {"ALG", "Алгебра", "five_point", "MATH", "математики"},
    {"GEOM", "Геометрия", "five_point", "MATH", "математики"},
    {"PROB", "Вероятность и статистика", "five_point", "MATH", "математики"},
    {"INF", "Информатика", "five_point", "INF", "информатики"},
    {"OKR", "Окружающий мир", "five_point", "OKR", "начальных классов"},
    {"HIST", "История", "five_point", "HIST", "истории и обществознания"},
    {"SOC", "Обществознание", "five_point", "HIST", "истории и обществознания"},
    {"GEO", "География", "five_point", "GEO", "географии"},
    {"BIO", "Биология", "five_point", "BIO", "биологии"},
    {"PHYS", "Физика", "five_point", "PHYS", "физики"},
    {"CHEM", "Химия", "five_point", "CHEM", "химии"},
    {"MUS", "Музыка", "five_point", "MUS", "музыки"},
    {"ART", "Изобразительное искусство", "five_point", "ART", "изобразительного искусства"},
    {"TECH", "Труд (технология)", "five_point", "TECH", "труда (технологии)"},
    {"PE", "Физическая культура", "five_point", "PE", "физической культуры"},
    {"OBZR", "Основы безопасности и защиты Родины", "five_point", "OBZR", "ОБЗР"},
    {"ORKSE", "Основы религиозных культур и светской этики", "none", "HIST", "ОРКСЭ"},
    {"ODNKNR", "Основы духовно-нравственной культуры народов России", "none", "HIST", "ОДНКНР"},
    {"PROJ", "Индивидуальный проект", "five_point", "HIST", "обществознания"},
};

using Plan = std::vector<std::pair<const char*, int>>;

// Weekly hours by grade; the comment is the total against SanPiN's 5-day limit.
const Plan primary = {{"RUS", 5}, {"LITR", 4}, {"MATH", 4}, {"OKR", 2},
                      {"MUS", 1}, {"ART", 1},  {"TECH", 1}, {"PE", 2}};

Plan with(Plan base, const Plan& changes) {
    for (const auto& [code, hours] : changes) {
        bool found = false;
        for (auto& item : base) {
            if (std::string_view(item.first) == code) {
                item.second = hours;
                found = true;
            }
        }
        if (!found) {
            base.emplace_back(code, hours);
        }
    }
    return base;
}

// 10–11: a universal profile with the deeper mathematics, physics and informatics.
const Plan senior = {{"RUS", 2}, {"LIT", 3}, {"ENG", 3}, {"ALG", 4},  {"GEOM", 3},
                     {"PROB", 1}, {"INF", 2}, {"HIST", 2}, {"SOC", 2}, {"GEO", 1},
                     {"BIO", 2}, {"PHYS", 3}, {"CHEM", 2}, {"PE", 2}};

const Plan& plan_codes(int grade) {
    static const std::vector<Plan> plans = {
        with(primary, {{"PE", 3}}),                // 1: 21 (≤ 21)
        with(primary, {{"ENG", 2}, {"PE", 3}}),    // 2: 23 (≤ 23)
        with(primary, {{"ENG", 2}, {"PE", 3}}),    // 3: 23
        with(primary, {{"ENG", 2}, {"ORKSE", 1}}), // 4: 23
        {{"RUS", 5},
         {"LIT", 3},
         {"ENG", 3},
         {"MATH", 5},
         {"HIST", 2},
         {"GEO", 1},
         {"BIO", 1},
         {"MUS", 1},
         {"ART", 1},
         {"TECH", 2},
         {"PE", 2},
         {"ODNKNR", 1}}, // 5: 27 (≤ 29)
        {{"RUS", 6},
         {"LIT", 3},
         {"ENG", 3},
         {"MATH", 5},
         {"HIST", 2},
         {"SOC", 1},
         {"GEO", 1},
         {"BIO", 1},
         {"MUS", 1},
         {"ART", 1},
         {"TECH", 2},
         {"PE", 2},
         {"ODNKNR", 1}}, // 6: 29
        {{"RUS", 4},
         {"LIT", 2},
         {"ENG", 3},
         {"ALG", 3},
         {"GEOM", 2},
         {"PROB", 1},
         {"INF", 1},
         {"HIST", 2},
         {"SOC", 1},
         {"GEO", 2},
         {"BIO", 1},
         {"PHYS", 2},
         {"MUS", 1},
         {"ART", 1},
         {"TECH", 2},
         {"PE", 2}}, // 7: 30 (≤ 32)
        {{"RUS", 3},
         {"LIT", 2},
         {"ENG", 3},
         {"ALG", 3},
         {"GEOM", 2},
         {"PROB", 1},
         {"INF", 1},
         {"HIST", 2},
         {"SOC", 1},
         {"GEO", 2},
         {"BIO", 2},
         {"PHYS", 2},
         {"CHEM", 2},
         {"MUS", 1},
         {"TECH", 1},
         {"OBZR", 1},
         {"PE", 2}}, // 8: 31 (≤ 33)
        {{"RUS", 3},
         {"LIT", 3},
         {"ENG", 3},
         {"ALG", 3},
         {"GEOM", 2},
         {"PROB", 1},
         {"INF", 1},
         {"HIST", 2},
         {"SOC", 1},
         {"GEO", 2},
         {"BIO", 2},
         {"PHYS", 3},
         {"CHEM", 2},
         {"TECH", 1},
         {"OBZR", 1},
         {"PE", 2}}, // 9: 32 (≤ 33)
        senior, // 10: 32 + the pair (≤ 34)
        senior, // 11: the same
    };
    return plans.at(static_cast<std::size_t>(grade - 1));
}

} // namespace

const std::vector<SubjectInfo>& subjects() {
    return all;
}

int subject_index(const std::string& code) {
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (code == all[i].code) {
            return static_cast<int>(i);
        }
    }
    throw std::out_of_range("no subject " + code);
}

const std::vector<Hours>& weekly_plan(int grade) {
    static const std::vector<std::vector<Hours>> plans = [] {
        std::vector<std::vector<Hours>> out;
        for (int g = 1; g <= 11; ++g) {
            auto& plan = out.emplace_back();
            for (const auto& [code, hours] : plan_codes(g)) {
                plan.push_back({subject_index(code), hours});
            }
        }
        return out;
    }();
    return plans.at(static_cast<std::size_t>(grade - 1));
}

std::vector<int> alternating_pair(int grade) {
    if (grade >= 10) {
        return {subject_index("OBZR"), subject_index("PROJ")};
    }
    return {};
}

int weekly_slots(int grade) {
    int total = alternating_pair(grade).empty() ? 0 : 1;
    for (const auto& h : weekly_plan(grade)) {
        total += h.hours;
    }
    return total;
}

bool split_subject(int grade, int subject) {
    const std::string_view code = all[static_cast<std::size_t>(subject)].code;
    return (code == "ENG" && grade >= 2) || (code == "TECH" && grade >= 5 && grade <= 9) ||
           (code == "INF" && grade >= 7);
}

bool class_teacher_subject(int grade, int subject) {
    if (grade > 4) {
        return false;
    }
    const std::string_view code = all[static_cast<std::size_t>(subject)].code;
    for (const char* c : {"RUS", "LITR", "MATH", "OKR", "ART", "TECH", "ORKSE"}) {
        if (code == c) {
            return true;
        }
    }
    return false;
}

} // namespace schoolctl::app::sample
