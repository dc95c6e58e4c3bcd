#include "app/reports/report_all.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "app/report_delivery.h"
#include "app/reports/at_risk.h"
#include "app/reports/performance.h"
#include "app/reports/render_queue.h"
#include "app/reports/report_card.h"
#include "app/reports/school_summary.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// The order `report all` lists its files in, as the man page does.
int kind_order(const std::string& kind) {
    static const char* const kinds[] = {"performance", "attendance", "class-summary",
                                        "school-summary", "at-risk", "report-card"};
    for (int i = 0; i < 6; ++i) {
        if (kind == kinds[i]) {
            return i;
        }
    }
    return 6;
}

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
    // Write on every core, starting as soon as the first document is built; a failed file is
    // recorded with its reason.
    const formats::RenderOptions options = report_render_options(session);
    std::map<std::string, std::string> failed;  // path → reason
    std::mutex mutex;                          // files, failed, the progress counts
    std::size_t total = 0;
    std::size_t done = 0;
    const unsigned threads =
        r.threads != 0 ? r.threads : std::max(1u, std::thread::hardware_concurrency());
    RenderQueue queue(threads, [&](const RenderJob& job) {
        try {
            formats::write_report_file(*job.doc, job.format, job.path, options);
        } catch (const Error& e) {
            std::lock_guard lock(mutex);
            failed[job.path.string()] = e.what();
        }
        std::lock_guard lock(mutex);
        ++done;
        if (progress) {
            progress(done, total);
        }
    });
    using F = formats::ReportFormat;
    // A file of a document: listed, and queued to be written (from any building thread).
    using DocumentPtr = std::shared_ptr<const report::Document>;
    auto publish_file = [&](const std::string& kind, const DocumentPtr& doc,
                            const std::string& error, F format,
                            const std::filesystem::path& path) {
        {
            std::lock_guard lock(mutex);
            files.push_back({path.string(), kind, std::string(formats::file_extension(format)),
                             doc ? row_count(*doc) : 0, error});
            total += doc ? 1U : 0U;
        }
        if (doc) {
            queue.push({doc, format, path});
        }
    };
    auto publish = [&](const std::string& kind, const DocumentPtr& doc, const std::string& error,
                       std::initializer_list<F> formats_wanted) {
        for (auto f : formats_wanted) {
            publish_file(kind, doc, error, f,
                         dir / (kind + "." + std::string(formats::file_extension(f))));
        }
    };
    auto add = [&](const std::string& kind, auto&& build, std::initializer_list<F> formats_wanted) {
        DocumentPtr doc;
        std::string error;
        try {
            doc = std::make_shared<const report::Document>(build());
        } catch (const Error& e) {
            error = e.what();
        }
        publish(kind, doc, error, formats_wanted);
    };

    // With a second core, the early warning (it reads the quarter's marks: the slowest document
    // to build) and the school summary (every period's marks, for its trend) are built beside
    // the others on a connection of their own. The scope's shared caches are filled by whichever
    // builder asks first, and every builder only reads the database.
    std::exception_ptr side_failure;
    std::jthread side;
    // The early warning first: its files are the larger, and the last document built is the
    // last written.
    auto side_reports = [&](Session& reader) {
        if (in_progress) {
            add("at-risk", [&] { return build_at_risk_report(reader, scope, AtRiskOptions{}); },
                {F::xlsx, F::pdf});
        }
        add("school-summary", [&] { return build_school_summary(reader, scope, r.summary); },
            {F::xlsx, F::pdf});
    };
    if (threads > 1) {
        queue.add_producer();
        side = std::jthread([&, reader = session.second_connection()] {
            try {
                side_reports(*reader);
            } catch (...) {
                side_failure = std::current_exception();
            }
            queue.producer_done();
        });
    }

    // Report cards first: a file per class, a page per pupil — the most files to write, so the
    // other threads have work while the other reports are built. Each class's file is queued as
    // soon as its cards are built; a class without pupils has none.
    try {
        build_report_cards(session, scope, [&](ReportCards&& cards, const std::string& klass) {
            if (cards.document.sections.empty()) {
                return;
            }
            publish_file("report-card",
                         std::make_shared<const report::Document>(std::move(cards.document)), "",
                         F::pdf, dir / "report-cards" / ("report-card-" + klass + ".pdf"));
        });
    } catch (const Error& e) {
        publish_file("report-card", nullptr, e.what(), F::pdf, dir / "report-cards");
    }
    add("performance", [&] { return build_performance_report(session, scope); }, {F::xlsx, F::pdf});
    add("attendance", [&] { return build_attendance_report(session, scope, r.attendance); },
        {F::xlsx, F::pdf});
    add("class-summary", [&] { return build_class_summary(session, scope, r.summary); },
        {F::xlsx, F::pdf});
    if (threads <= 1) {
        side_reports(session);
    }
    queue.finish();  // this thread writes too, until the side builder and every file are done
    if (side.joinable()) {
        side.join();
    }
    if (side_failure) {
        std::rethrow_exception(side_failure);
    }
    // Listed as the man page lists them, whichever thread built them first.
    std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return kind_order(a.kind) < kind_order(b.kind);
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
