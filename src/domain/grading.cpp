#include "domain/grading.h"

#include "domain/person_name.h"

#include <algorithm>

namespace schoolctl::domain {

const std::vector<WorkType>& default_work_types() {
    static const std::vector<WorkType> types = {
        {"answer", "Ответ на уроке", 1},
        {"homework", "Домашняя работа", 1},
        {"independent", "Самостоятельная работа", 2},
        {"test", "Контрольная работа", 3},
    };
    return types;
}

std::optional<MarkScale> scale_of(const Settings& settings, std::string_view code) {
    if (auto builtin = builtin_scale(code, settings.five_point_allows_one)) {
        return builtin;
    }
    for (const auto& scale : settings.custom_scales) {
        if (scale.code == code) {
            return scale;
        }
    }
    return std::nullopt;
}

std::vector<std::string> scale_codes(const Settings& settings) {
    std::vector<std::string> codes = builtin_scale_codes();
    for (const auto& scale : settings.custom_scales) {
        codes.push_back(scale.code);
    }
    return codes;
}

const WorkType* find_work_type(const Settings& settings, std::string_view text) {
    std::string key = match_key(text);
    if (key.empty()) {
        return nullptr;
    }
    // Codes first: a name that happens to spell another type's code must not win over it.
    for (const auto& type : settings.work_types) {
        if (match_key(type.code) == key) {
            return &type;
        }
    }
    for (const auto& type : settings.work_types) {
        if (match_key(type.name) == key) {
            return &type;
        }
    }
    return nullptr;
}

std::string work_types_text(const Settings& settings) {
    std::string out;
    for (const auto& type : settings.work_types) {
        out += (out.empty() ? "" : ", ") + type.code + " (" + std::to_string(type.weight) + ")";
    }
    return out;
}

bool taught_without_marks(const Settings& settings, int grade) {
    const auto& grades = settings.unmarked_grades;
    return std::find(grades.begin(), grades.end(), grade) != grades.end();
}

Marking marking_of(const Settings& settings, int grade) {
    return taught_without_marks(settings, grade) ? Marking::unmarked : Marking::marked;
}

std::string unmarked_grades_text(const Settings& settings) {
    std::vector<int> grades = settings.unmarked_grades;
    std::sort(grades.begin(), grades.end());
    std::string out;
    for (int g : grades) {
        out += (out.empty() ? "" : ", ") + std::to_string(g);
    }
    return out;
}

MarkRules lesson_mark_rules(const Settings& settings, std::string_view subject_code) {
    std::string key = match_key(subject_code);
    const auto& doubles = settings.double_mark_subjects;
    bool allow_double = std::any_of(doubles.begin(), doubles.end(), [&](const std::string& code) {
        return match_key(code) == key;
    });
    return MarkRules{allow_double, false};
}

MarkRules final_mark_rules() {
    return MarkRules{false, true};
}

} // namespace schoolctl::domain
