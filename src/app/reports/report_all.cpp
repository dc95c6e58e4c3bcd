#include "app/reports/report_all.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "app/report_delivery.h"
#include "app/reports/at_risk.h"
#include "app/reports/performance.h"
#include "app/reports/report_card.h"
#include "app/reports/school_summary.h"
#include "util/error.h"
#include "util/parallel_for.h"

namespace schoolctl::app {
namespace {

// One file to render: a shared document and where it goes.
struct Job {
    std::shared_ptr<const report::Document> doc;
    formats::ReportFormat format = formats::ReportFormat::pdf;
    std::filesystem::path path;
};

}  // namespace

std::vector<ReportAllFile> build_all_reports(
    Session& session, const ReportAllRequest& r,
    const std::function<void(std::size_t, std::size_t)>& progress) {
    const std::filesystem::path dir = r.out_dir;
    std::error_code ec;
    std::filesystem::create_directories(dir / "report-cards", ec);
    if (ec) {
        throw Error(ExitCode::cant_create, "cannot create " + dir.string() + ": " + ec.message());
    }
    ReportScope scope = resolve_report_scope(session, r.scope);
    const bool in_progress = scope.period && !scope.period->is_year();

    std::vector<ReportAllFile> files;
    std::vector<Job> jobs;
    auto add = [&](const std::string& kind, auto&& build,
                   std::initializer_list<formats::ReportFormat> formats_wanted) {
        std::shared_ptr<const report::Document> doc;
        std::string error;
        try {
            doc = std::make_shared<const report::Document>(build());
        } catch (const Error& e) {
            error = e.what();
        }
        for (auto f : formats_wanted) {
            std::string ext(formats::file_extension(f));
            files.push_back({(dir / (kind + "." + ext)).string(), kind, ext,
                             doc ? row_count(*doc) : 0, error});
            if (doc) {
                jobs.push_back({doc, f, dir / (kind + "." + ext)});
            }
        }
    };
    using F = formats::ReportFormat;
    add("performance", [&] { return build_performance_report(session, scope); }, {F::xlsx, F::pdf});
    add("attendance", [&] { return build_attendance_report(session, scope, r.attendance); },
        {F::xlsx, F::pdf});
    add("class-summary", [&] { return build_class_summary(session, scope, r.summary); },
        {F::xlsx, F::pdf});
    add("school-summary", [&] { return build_school_summary(session, scope, r.summary); },
        {F::xlsx, F::pdf});
    if (in_progress) {
        add("at-risk", [&] { return build_at_risk_report(session, scope, AtRiskOptions{}); },
            {F::xlsx, F::pdf});
    }
    // Report cards: a file per class, a page per pupil.
    try {
        ReportCards cards = build_report_cards(session, scope);
        // The heading of every class's file is the combined document's, without its sections.
        std::vector<report::Section> sections = std::move(cards.document.sections);
        cards.document.sections.clear();
        std::map<std::string, std::shared_ptr<report::Document>> by_class;
        std::vector<std::string> order;
        for (std::size_t i = 0; i < sections.size(); ++i) {
            std::string klass = cards.file_keys[i].substr(0, cards.file_keys[i].find('-'));
            auto& doc = by_class[klass];
            if (!doc) {
                doc = std::make_shared<report::Document>(cards.document);
                order.push_back(klass);
            }
            doc->sections.push_back(std::move(sections[i]));
        }
        for (const auto& klass : order) {
            auto path = dir / "report-cards" / ("report-card-" + klass + ".pdf");
            files.push_back({path.string(), "report-card", "pdf", row_count(*by_class[klass]), ""});
            jobs.push_back({by_class[klass], F::pdf, path});
        }
    } catch (const Error& e) {
        files.push_back({(dir / "report-cards").string(), "report-card", "pdf", 0, e.what()});
    }

    // Render on every core; a failed file is recorded with its reason.
    formats::RenderOptions options = report_render_options(session);
    std::map<std::string, std::string> failed;  // path → reason
    std::mutex mutex;
    std::atomic<std::size_t> done{0};
    parallel_for(jobs.size(), r.threads, [&](std::size_t i) {
        const Job& job = jobs[i];
        try {
            formats::write_report_file(*job.doc, job.format, job.path, options);
        } catch (const Error& e) {
            std::lock_guard lock(mutex);
            failed[job.path.string()] = e.what();
        }
        if (progress) {
            progress(++done, jobs.size());
        }
    });

    store::Transaction tx(session.db());
    for (auto& f : files) {
        if (auto it = failed.find(f.path); it != failed.end()) {
            f.error = it->second;
        }
        if (f.error.empty()) {
            audit_export(session, f.kind, f.format, f.path, f.rows);
        }
    }
    tx.commit();
    return files;
}

}  // namespace schoolctl::app
