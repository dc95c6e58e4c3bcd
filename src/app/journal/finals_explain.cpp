#include "app/journal/finals_explain.h"

#include "app/journal/finals_inputs.h"
#include "app/journal/finals_period.h"
#include "app/journal/pupil_select.h"
#include "domain/grading.h"
#include "store/accounts.h"
#include "store/final_marks.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::format_points;

report::Decimal points(std::int64_t hundredths) { return {hundredths, 2}; }

std::string work_type_name(const domain::Settings& settings, const std::string& code) {
    for (const auto& type : settings.work_types) {
        if (type.code == code) {
            return type.name;
        }
    }
    return code;
}

// The lesson marks of the period, a row each, with what they add up to.
domain::PeriodMark period_rows(Session& session, const PeriodChoice& period,
                               const store::PeriodPupil& pupil, const SubjectChoice& subject,
                               const domain::MarkScale& scale, report::Document& doc) {
    const auto* definition = definition_for_grade(period.definitions, pupil.grade);
    if (definition == nullptr) {
        throw Error(ExitCode::data, "grade " + std::to_string(pupil.grade) + " (" +
                                        pupil.class_name + ") has no period " + period.code);
    }
    doc.meta.push_back({"Даты", domain::format_ru(definition->dates.start) + "–" +
                                    domain::format_ru(definition->dates.end)});
    FinalsInputs inputs(session);
    report::Section& section = doc.sections.emplace_back();
    section.key = "marks";
    section.heading = "Отметки";
    section.table.columns = {{"Дата", 11},         {"Урок", 5, report::Align::right},
                             {"Вид работы", 24},    {"Вес", 5, report::Align::right},
                             {"Отметка", 8},        {"Баллы", 10, report::Align::right},
                             {"Баллы × вес", 12, report::Align::right}};
    std::vector<domain::WeightedMark> marks;
    store::FinalsScope scope{std::nullopt, pupil.pupil_id, subject.id};
    store::for_each_period_mark(
        session.db(), period.year_id, domain::format_iso(definition->dates.start),
        domain::format_iso(definition->dates.end), scope, [&](const store::PeriodMarkRow& m) {
            auto weighted = inputs.weighted(m, pupil);
            if (!weighted) {
                return;
            }
            marks.push_back(*weighted);
            std::int64_t sum = m.points + m.second_points.value_or(0);
            std::string points_text = format_points(m.points) +
                                      (m.second_points ? " + " + format_points(*m.second_points)
                                                       : std::string());
            section.table.rows.push_back({*domain::parse_date(m.date),
                                          std::int64_t{m.lesson_no},
                                          work_type_name(session.settings(), m.work_type),
                                          std::int64_t{weighted->weight}, m.value,
                                          m.second_points ? report::Cell{points_text}
                                                          : report::Cell{points(m.points)},
                                          points(sum * weighted->weight)});
        });
    inputs.check_work_types();
    return domain::compute_period_mark(marks, scale, session.settings().grading,
                                       definition->min_marks);
}

// The final marks of the periods the year mark is made of, a row each.
domain::PeriodMark year_rows(Session& session, const PeriodChoice& period,
                             const store::PeriodPupil& pupil, const SubjectChoice& subject,
                             const domain::MarkScale& scale, report::Document& doc) {
    doc.meta.push_back({"Даты", domain::format_ru(period.year_dates.start) + "–" +
                                    domain::format_ru(period.year_dates.end)});
    FinalsInputs inputs(session);
    report::Section& section = doc.sections.emplace_back();
    section.key = "periods";
    section.heading = "Отметки за периоды";
    section.table.columns = {{"Период", 8},  {"Название", 16}, {"Даты", 24},
                             {"Отметка", 8}, {"Баллы", 10, report::Align::right}};
    std::vector<domain::Mark> marks;
    for (const auto* def : periods_of_grade(period.all_periods, pupil.grade)) {
        auto row = store::find_final_mark(session.db(),
                                          {period.year_id, pupil.pupil_id, subject.id, def->code});
        std::string dates = domain::format_ru(def->dates.start) + "–" +
                            domain::format_ru(def->dates.end);
        if (!row || row->final_value.empty()) {
            section.table.rows.push_back({def->code, def->name, dates, "—", std::monostate{}});
            continue;
        }
        domain::Mark mark = inputs.final_mark(*row, scale, pupil);
        marks.push_back(mark);
        section.table.rows.push_back(
            {def->code, def->name, dates, row->final_value + (row->override_value ? " *" : ""),
             mark.counts() ? report::Cell{points(mark.points)} : report::Cell{}});
    }
    section.notes.push_back("* — отметка, выставленная учителем вместо вычисленной.");
    return domain::compute_year_mark(marks, scale, session.settings().grading);
}

// The year mark and the exam mark the final mark is made of, a row each.
domain::PeriodMark final_rows(Session& session, const PeriodChoice& period,
                              const store::PeriodPupil& pupil, const SubjectChoice& subject,
                              const domain::MarkScale& scale, report::Document& doc) {
    FinalsInputs inputs(session);
    report::Section& section = doc.sections.emplace_back();
    section.key = "year-and-exam";
    section.heading = "Годовая и экзаменационная отметки";
    section.table.columns = {{"Отметка за", 12}, {"Отметка", 8},
                             {"Баллы", 10, report::Align::right}};
    auto read = [&](std::string_view code) -> std::optional<domain::Mark> {
        auto row = store::find_final_mark(
            session.db(), {period.year_id, pupil.pupil_id, subject.id, std::string(code)});
        if (!row || row->final_value.empty()) {
            return std::nullopt;
        }
        return inputs.final_mark(*row, scale, pupil);
    };
    auto year = read(year_period);
    auto exam = read(exam_period);
    for (const auto& [name, mark] : {std::pair{"год", year}, std::pair{"экзамен", exam}}) {
        section.table.rows.push_back(
            {std::string(name), mark ? mark->text : std::string("—"),
             mark && mark->counts() ? report::Cell{points(mark->points)} : report::Cell{}});
    }
    if (!year) {
        throw Error(ExitCode::data, "the final mark is made of the year mark, and " +
                                        pupil_label(pupil) + " has no year mark in " +
                                        subject.code + ": `schoolctl finals compute --period "
                                        "year` first");
    }
    return domain::compute_final_mark(*year, exam, scale);
}

}  // namespace

std::string grading_rule_text(const domain::GradingPolicy& policy, const domain::MarkScale& scale,
                              std::optional<int> min_marks) {
    std::string out;
    if (policy.rounding == domain::Rounding::thresholds && scale.uses_thresholds &&
        !policy.thresholds.empty()) {
        out = "пороги: ";
        for (std::size_t i = 0; i < policy.thresholds.size(); ++i) {
            out += (i ? ", " : "") + policy.thresholds[i].symbol + " от " +
                   format_points(policy.thresholds[i].from);
        }
    } else {
        out = "ближайшая отметка шкалы, половина — вверх";
    }
    if (min_marks) {
        out += "; меньше " + std::to_string(*min_marks) + " отметок — «н/а»";
    }
    if (policy.no_five_with_two) {
        out += "; «5» не ставится, если в периоде есть неудовлетворительная отметка";
    }
    return out;
}

report::Document explain_final_mark(Session& session, const ExplainRequest& request) {
    PeriodChoice period = select_period(session, request.period, true);
    if (period.is_exam()) {
        throw Error(ExitCode::usage, "an exam mark is entered by the teacher, not computed: "
                                     "`schoolctl finals list --period exam` shows them");
    }
    PupilRef pupil_ref = select_pupil(session, request.pupil);
    SubjectChoice subject = select_subject(session, request.subject);
    session.require(domain::Permission::marks_read,
                    pupil_subject_target(session, pupil_ref.person_id, subject.id),
                    subject.code + " of " + pupil_ref.short_name);
    domain::MarkScale scale = scale_for(session.settings(), subject.code, subject.scale);
    if (!scale.takes_marks()) {
        throw Error(ExitCode::data, subject.code + " («" + subject.name + "») is on the scale «" +
                                        scale.name + "», which takes no marks");
    }
    store::FinalsScope scope{std::nullopt, pupil_ref.person_id, std::nullopt};
    auto pupils = store::period_pupils(session.db(), period.year_id,
                                       domain::format_iso(period.dates.start),
                                       domain::format_iso(period.dates.end), scope);
    if (pupils.empty()) {
        throw Error(ExitCode::data, pupil_ref.short_name + " was in no class during " +
                                        period.label());
    }
    const store::PeriodPupil& pupil = pupils.front();
    const domain::GradingPolicy& policy = session.settings().grading;

    report::Document doc;
    doc.kind = "finals-explain";
    doc.title = period.is_year()    ? "Расчёт годовой отметки"
                : period.is_final() ? "Расчёт итоговой отметки"
                                    : "Расчёт отметки за период";
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.meta.push_back({"Ученик", pupil_ref.name + " (" + pupil.class_name + ")"});
    doc.meta.push_back({"Предмет", subject.name + " (" + subject.code + ")"});
    doc.meta.push_back({"Период", period.of_whole_year()
                                      ? period.name + " " + period.year_name
                                      : period.code + " «" + period.name + "»"});
    if (domain::taught_without_marks(session.settings(), pupil.grade)) {
        report::Section& section = doc.sections.emplace_back();
        section.key = "unmarked";
        section.heading = "Без отметок";
        section.table.columns = {{"Класс", 6}, {"Обучение", 24}};
        section.table.rows.push_back({pupil.class_name, "безотметочное обучение"});
        section.notes.push_back(std::to_string(pupil.grade) +
                                " класс обучается без отметок (безотметочное обучение, "
                                "marks.unmarked_grades): отметка не вычисляется и не "
                                "выставляется.");
        return doc;
    }
    domain::PeriodMark now =
        period.is_year()    ? year_rows(session, period, pupil, subject, scale, doc)
        : period.is_final() ? final_rows(session, period, pupil, subject, scale, doc)
                            : period_rows(session, period, pupil, subject, scale, doc);
    std::optional<int> min_marks;
    if (!period.of_whole_year()) {
        const auto* def = definition_for_grade(period.definitions, pupil.grade);
        min_marks = def->min_marks.value_or(policy.min_marks);
    }
    doc.meta.push_back({"Шкала", scale.name});
    doc.meta.push_back({"Правило", period.is_final()
                                       ? std::string("без экзамена — годовая; с экзаменом — "
                                                     "среднее годовой и экзаменационной, "
                                                     "половина — вверх; неудовлетворительный "
                                                     "экзамен — его отметка до пересдачи")
                                       : grading_rule_text(policy, scale, min_marks)});

    std::vector<std::string>& notes = doc.sections.front().notes;
    bool any_double = false;
    for (const auto& row : doc.sections.front().table.rows) {
        // Only a «4/3» has its points as text («4.00 + 3.00»); the year's rows have no such column.
        any_double = any_double ||
                     (!period.of_whole_year() && std::holds_alternative<std::string>(row[5]));
    }
    notes.push_back("Отметок: " + std::to_string(now.count) +
                    (any_double ? " («4/3» считается за две)" : ""));
    notes.push_back("Σ баллы × вес = " + format_points(static_cast<int>(now.weighted_sum)) +
                    "; Σ вес = " + std::to_string(now.weight_sum));
    notes.push_back("Среднее: " + (now.mean ? format_points(*now.mean) +
                                                  " (Σ баллы × вес / Σ вес, доли сотой "
                                                  "отброшены)"
                                            : std::string("нет")));
    notes.push_back("Как получена: " + now.reason);
    notes.push_back("Вычисленная сейчас: " + (now.symbol.empty() ? "—" : now.symbol));

    auto row = store::find_final_mark(session.db(),
                                      {period.year_id, pupil.pupil_id, subject.id, period.code});
    if (!row || !row->computed_at) {
        notes.push_back("Сохранённой вычисленной отметки нет: `schoolctl finals compute --period " +
                        period.code + "`");
    } else if (row->computed.computed != now.symbol || row->computed.reason != now.reason) {
        notes.push_back("Сохранённая вычисленная: " + row->computed.computed + " (" +
                        *row->computed_at + "); отметки или настройки с тех пор изменились: "
                        "`schoolctl finals compute --period " + period.code + "`");
    } else {
        notes.push_back("Сохранённая вычисленная: " + row->computed.computed + " (" +
                        *row->computed_at + ")");
    }
    if (row && row->override_value) {
        std::string who = "account #" + std::to_string(row->override_by.value_or(0));
        if (row->override_by) {
            if (auto account = store::find_account(session.db(), *row->override_by)) {
                who = account->login;
            }
        }
        notes.push_back("Выставлена учителем: " + *row->override_value + " (" + who + ", " +
                        row->override_at.value_or("") +
                        (row->override_reason.empty() ? "" : "; причина: " + row->override_reason) +
                        ")");
    }
    std::string final_value = row ? row->final_value : std::string();
    notes.push_back("Итоговая отметка: " + (final_value.empty() ? "—" : final_value));
    return doc;
}

}  // namespace schoolctl::app
