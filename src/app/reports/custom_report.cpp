#include "app/reports/custom_report.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "domain/collation.h"
#include "domain/grading.h"
#include "domain/indicators.h"
#include "domain/person_name.h"
#include "store/report_data.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using Kind = CustomField::Kind;

[[noreturn]] void fail(const formats::CustomReportSpec& spec, std::size_t line,
                       const std::string& key, const std::string& reason) {
    throw Error(ExitCode::data, Location{spec.file, line, key}, reason);
}

std::string field_list() {
    std::string out;
    for (const auto& f : custom_fields()) {
        out += (out.empty() ? "" : ", ") + f.name;
    }
    return out + ", mark:SUBJECT";
}

// A field of the file resolved: a catalogue entry, or a subject's period mark.
struct Resolved {
    std::size_t index = 0;      // into custom_fields(), when not a mark
    std::optional<std::int64_t> subject_id;
    std::string title;
    Kind kind = Kind::text;
};

// "12,5" or "12.5" or "12" in hundredths.
std::optional<std::int64_t> hundredths_of(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    auto dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
    bool negative = !whole.empty() && whole.front() == '-';
    if (negative) {
        whole.erase(0, 1);
    }
    if (whole.empty() || frac.size() > 2 ||
        !std::all_of(whole.begin(), whole.end(), ::isdigit) ||
        !std::all_of(frac.begin(), frac.end(), ::isdigit) || whole.size() > 12) {
        return std::nullopt;
    }
    frac.resize(2, '0');
    std::int64_t v = std::stoll(whole) * 100 + std::stoll(frac);
    return negative ? -v : v;
}

std::string standing_text(domain::Standing s, const Words& w) {
    switch (s) {
        case domain::Standing::excellent: return w("отличник", "all fives");
        case domain::Standing::good: return w("хорошист", "fours and fives");
        case domain::Standing::satisfactory: return w("с тройками", "with threes");
        case domain::Standing::failing: return w("неуспевающий", "failing");
        case domain::Standing::exempt: return w("освобождён", "exempt");
        case domain::Standing::unmarked:
            return w("без отметок (безотметочное обучение)", "taught without marks");
        case domain::Standing::unrated: break;
    }
    return w("без отметок", "no marks");
}

}  // namespace

const std::vector<CustomField>& custom_fields() {
    static const std::vector<CustomField> fields = {
        {"class", "Класс", Kind::text, "the class («5А»)"},
        {"pupil", "Ученик", Kind::text, "full name"},
        {"pupil_short", "Ученик", Kind::text, "surname and initials"},
        {"external_id", "Код", Kind::text, "the pupil's id in the school's files"},
        {"lessons", "Уроков", Kind::integer, "the pupil's scheduled lessons in the dates"},
        {"missed", "Пропущено уроков", Kind::integer, "lessons missed for any reason"},
        {"missed_ill", "По болезни", Kind::integer, "lessons missed through illness"},
        {"missed_excused", "По уважительной", Kind::integer, "lessons missed with a valid reason"},
        {"missed_unexcused", "Без уважительной", Kind::integer, "lessons missed without one"},
        {"days_missed", "Пропущено дней", Kind::integer, "days every lesson of which was missed"},
        {"late", "Опозданий", Kind::integer, "times late"},
        {"missed_percent", "Пропущено, %", Kind::decimal, "missed / lessons, in %"},
        {"worst_mark", "Худшая отметка", Kind::text, "the worst period mark (needs --period)"},
        {"failing_marks", "Неуд. отметок", Kind::integer, "period marks 2 or «н/а» (--period)"},
        {"standing", "Категория", Kind::text,
         "отличник, хорошист, с тройками, неуспевающий, освобождён or без отметок (--period)"},
    };
    return fields;
}

report::Document build_custom_report(Session& session, const ReportScope& scope,
                                     const formats::CustomReportSpec& spec) {
    const Words& w = scope.words;
    store::Database& db = session.db();
    auto subjects = store::list_subjects(db, session.school_id());
    bool needs_marks = false;
    auto resolve = [&](const std::string& name, std::size_t line,
                       const std::string& key) -> Resolved {
        Resolved r;
        if (name.rfind("mark:", 0) == 0) {
            std::string code = domain::match_key(name.substr(5));
            for (const auto& s : subjects) {
                if (domain::match_key(s.code) == code) {
                    r.subject_id = s.id;
                    r.title = s.name;
                }
            }
            if (!r.subject_id) {
                std::string codes;
                for (const auto& s : subjects) {
                    codes += (codes.empty() ? "" : ", ") + s.code;
                }
                fail(spec, line, key, "\"" + name + "\": the school has no subject with that "
                                      "code (codes: " + codes + ")");
            }
            needs_marks = true;
            return r;
        }
        const auto& fields = custom_fields();
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const CustomField& f) { return f.name == name; });
        if (it == fields.end()) {
            fail(spec, line, key, "\"" + name + "\" is not a field (fields: " + field_list() + ")");
        }
        r.index = static_cast<std::size_t>(it - fields.begin());
        r.title = it->title;
        r.kind = it->kind;
        needs_marks = needs_marks || name == "worst_mark" || name == "failing_marks" ||
                      name == "standing";
        return r;
    };
    std::vector<Resolved> columns;
    for (const auto& c : spec.columns) {
        columns.push_back(resolve(c.text, c.line, c.key));
        for (const auto& [field, title] : spec.titles) {
            if (field == c.text) {
                columns.back().title = title;
            }
        }
    }
    struct Condition {
        Resolved field;
        formats::SpecCondition spec;
        std::optional<std::int64_t> number;
    };
    std::vector<Condition> where;
    for (const auto& c : spec.where) {
        Condition cond{resolve(c.field, c.line, c.key), c, std::nullopt};
        if (cond.field.kind != Kind::text) {
            cond.number = hundredths_of(c.value);
            if (!cond.number) {
                fail(spec, c.line, c.key, c.field + " is a number: \"" + c.value +
                                              "\" cannot be compared with it");
            }
        } else if (c.op != "=" && c.op != "!=") {
            fail(spec, c.line, c.key, c.field + " is text: compare it with = or !=");
        }
        where.push_back(std::move(cond));
    }
    std::vector<Resolved> sort;
    for (const auto& s : spec.sort) {
        sort.push_back(resolve(s.text, s.line, s.key));
    }
    if (needs_marks && !scope.period) {
        throw Error(ExitCode::usage, spec.file + ": the report shows period marks: use --period, "
                                                 "not --from/--to");
    }

    // The subjects whose marks a column, a condition or the order reads.
    std::set<std::int64_t> mark_subjects;
    for (const auto& c : columns) {
        if (c.subject_id) {
            mark_subjects.insert(*c.subject_id);
        }
    }
    for (const auto& c : where) {
        if (c.field.subject_id) {
            mark_subjects.insert(*c.field.subject_id);
        }
    }
    for (const auto& c : sort) {
        if (c.subject_id) {
            mark_subjects.insert(*c.subject_id);
        }
    }
    std::optional<PeriodMarksGrid> grid;
    if (needs_marks) {
        grid.emplace(session, scope, std::vector<std::string>{scope.period->code});
    }
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    // One row per pupil: every catalogue field, then the marks the file names.
    struct Row {
        std::string klass;
        std::vector<report::Cell> values;          // by catalogue index
        std::map<std::int64_t, std::string> marks;  // by subject
        std::size_t order = 0;
    };
    std::vector<Row> rows;
    for (const auto& klass : scope.classes) {
        domain::DateRange dates = scope.dates_for(klass.grade);
        ClassRoll roll = class_roll(rolls, klass.id, dates);
        std::vector<store::SubjectRow> class_subjects;
        const domain::Marking marking = domain::marking_of(session.settings(), klass.grade);
        if (grid && marking == domain::Marking::marked) {
            std::vector<std::int64_t> ids;
            for (const auto& p : roll.pupils) {
                ids.push_back(p.pupil_id);
            }
            class_subjects = grid->subjects_of(ids);
        }
        for (const auto& p : roll.pupils) {
            AttendanceTally t = tally_attendance(lessons, p.pupil_id, p.from,
                                                 std::min(p.to, scope.today),
                                                 absences.of(p.pupil_id));
            Row row;
            row.klass = klass.name();
            row.order = rows.size();
            row.values = {klass.name(),
                          domain::full_name(p.name),
                          domain::short_name(p.name),
                          p.external_id,
                          std::int64_t{t.lessons},
                          std::int64_t{t.missed},
                          std::int64_t{t.missed_ill},
                          std::int64_t{t.missed_excused},
                          std::int64_t{t.missed_unexcused},
                          std::int64_t{t.days_missed},
                          std::int64_t{t.late},
                          hundredths_cell(t.missed_share()),
                          report::Cell{},
                          report::Cell{},
                          report::Cell{}};
            if (grid) {
                std::vector<domain::MarkCategory> cats;
                std::int64_t failing = 0;
                std::string worst;
                for (const auto& s : class_subjects) {
                    const std::string& m = grid->mark(p.pupil_id, s.id, scope.period->code);
                    cats.push_back(domain::categorise_mark(m));
                    failing += cats.back() == domain::MarkCategory::two ||
                                       cats.back() == domain::MarkCategory::not_attested
                                   ? 1
                                   : 0;
                }
                auto standing = domain::standing_of(cats, marking);
                for (std::size_t i = 0; i < cats.size(); ++i) {
                    if (cats[i] == standing.worst && worst.empty()) {
                        worst = grid->mark(p.pupil_id, class_subjects[i].id, scope.period->code);
                    }
                }
                row.values[12] = worst.empty() ? report::Cell{} : report::Cell{worst};
                row.values[13] = failing;
                row.values[14] = standing_text(standing.standing, w);
                if (marking == domain::Marking::marked) {
                    for (std::int64_t subject_id : mark_subjects) {
                        row.marks[subject_id] =
                            grid->mark(p.pupil_id, subject_id, scope.period->code);
                    }
                }
            }
            rows.push_back(std::move(row));
        }
    }

    auto value = [](const Row& row, const Resolved& f) -> report::Cell {
        if (f.subject_id) {
            auto it = row.marks.find(*f.subject_id);
            return it == row.marks.end() || it->second.empty() ? report::Cell{}
                                                               : report::Cell{it->second};
        }
        return row.values[f.index];
    };
    auto number = [](const report::Cell& c) -> std::optional<std::int64_t> {
        if (const auto* i = std::get_if<std::int64_t>(&c)) {
            return *i * 100;
        }
        if (const auto* d = std::get_if<report::Decimal>(&c)) {
            return d->scaled;
        }
        return std::nullopt;
    };
    auto text = [](const report::Cell& c) {
        const auto* s = std::get_if<std::string>(&c);
        return s ? *s : std::string();
    };
    std::erase_if(rows, [&](const Row& row) {
        for (const auto& c : where) {
            report::Cell v = value(row, c.field);
            bool holds = false;
            if (c.number) {
                auto n = number(v);
                const std::string& op = c.spec.op;
                holds = n && (op == "=" ? *n == *c.number
                              : op == "!=" ? *n != *c.number
                              : op == "<"  ? *n < *c.number
                              : op == "<=" ? *n <= *c.number
                              : op == ">"  ? *n > *c.number
                                           : *n >= *c.number);
            } else {
                bool equal = domain::match_key(text(v)) == domain::match_key(c.spec.value);
                holds = c.spec.op == "=" ? equal : !equal;
            }
            if (!holds) {
                return true;
            }
        }
        return false;
    });
    const auto& collator = domain::RussianCollator::instance();
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        for (std::size_t i = 0; i < sort.size(); ++i) {
            report::Cell x = value(a, sort[i]);
            report::Cell y = value(b, sort[i]);
            int c = 0;
            auto nx = number(x);
            auto ny = number(y);
            if (nx || ny) {
                c = !nx ? -1 : !ny ? 1 : (*nx < *ny ? -1 : *nx > *ny ? 1 : 0);
            } else {
                c = collator.compare(text(x), text(y));
            }
            if (c != 0) {
                return spec.descending[i] ? c > 0 : c < 0;
            }
        }
        return a.order < b.order;
    });

    std::string title = spec.title.empty()
                            ? std::filesystem::path(spec.file).stem().string()
                            : spec.title;
    report::Document doc = period_document(session, scope, "custom", title);
    doc.signatures.clear();
    doc.orientation = columns.size() > 8 ? report::Orientation::landscape
                                         : report::Orientation::portrait;
    std::map<std::string, std::size_t> section_of;
    auto section_for = [&](const std::string& klass) -> report::Section& {
        std::string key = spec.group_by == "class" ? klass : std::string(w("Все", "All"));
        auto [it, fresh] = section_of.try_emplace(key, doc.sections.size());
        if (fresh) {
            report::Section& s = doc.sections.emplace_back();
            s.key = key;
            s.heading = spec.group_by == "class" ? w("Класс ", "Class ") + key : title;
            for (const auto& c : columns) {
                report::Column col(c.title, c.kind == Kind::text ? 20 : 8,
                                   c.kind == Kind::text ? report::Align::left
                                                        : report::Align::right);
                s.table.columns.push_back(std::move(col));
            }
        }
        return doc.sections[it->second];
    };
    if (spec.group_by == "class") {
        for (const auto& klass : scope.classes) {
            section_for(klass.name());  // every class, in order, even one with no rows
        }
    } else {
        section_for("");
    }
    for (const auto& row : rows) {
        std::vector<report::Cell> cells;
        for (const auto& c : columns) {
            cells.push_back(value(row, c));
        }
        section_for(row.klass).table.rows.push_back(std::move(cells));
    }
    doc.footnotes.push_back(w("Отчёт по описанию ", "Defined in ") +
                            std::filesystem::path(spec.file).filename().string());
    return doc;
}

}  // namespace schoolctl::app
