#pragma once
// The journal test school with marks: a few lessons of the first quarter and helpers to give
// marks, compute a period and read a stored period mark.
#include <optional>
#include <string>

#include "app/journal/finals_compute.h"
#include "journal_school.h"
#include "store/final_marks.h"
#include "store/marks.h"

namespace schoolctl::test {

// 5А: mathematics on 07.09, 14.09, 21.09 and 05.10; Russian on 08.09; English in 5А's subgroup
// (Борисов only) on 09.09. Абрамова and Борисов are in 5А during Q1; Ветров joins 5Б later.
struct FinalsSchool : JournalSchool {
    std::int64_t m1 = 0, m2 = 0, m3 = 0, m4 = 0, r1 = 0, e1 = 0;

    explicit FinalsSchool(app::Actor actor = administrator(),
                          domain::Settings settings = journal_settings())
        : JournalSchool(std::move(actor), std::move(settings)) {
        m1 = lesson(c5a, std::nullopt, math, "2026-09-07", 1);
        m2 = lesson(c5a, std::nullopt, math, "2026-09-14", 1);
        m3 = lesson(c5a, std::nullopt, math, "2026-09-21", 1);
        m4 = lesson(c5a, std::nullopt, math, "2026-10-05", 1);
        r1 = lesson(c5a, std::nullopt, rus, "2026-09-08", 2);
        e1 = lesson(std::nullopt, english1, eng, "2026-09-09", 3);
    }

    std::int64_t mark(std::int64_t lesson_id, std::int64_t pupil_id, const std::string& value,
                      int points, const std::string& work_type = "answer",
                      std::optional<int> second = std::nullopt) {
        store::Transaction tx(db());
        store::MarkRow m;
        m.lesson_id = lesson_id;
        m.pupil_id = pupil_id;
        m.work_type = work_type;
        m.slot = store::next_mark_slot(db(), lesson_id, pupil_id, work_type);
        m.value = value;
        m.points = points;
        m.second_points = second;
        m.created_at = m.updated_at = "2026-10-01T09:00:00Z";
        auto id = store::insert_mark(db(), m);
        tx.commit();
        return id;
    }

    app::ComputeSummary compute(const std::string& period = "Q1",
                                std::optional<std::string> klass = std::nullopt,
                                bool dry_run = false) {
        return app::compute_finals(*session, {period, std::move(klass), dry_run});
    }

    std::optional<store::FinalMarkRow> stored(std::int64_t pupil, std::int64_t subject,
                                              const std::string& period = "Q1") {
        return store::find_final_mark(db(), {year, pupil, subject, period});
    }
};

}  // namespace schoolctl::test
