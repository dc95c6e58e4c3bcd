#include "app/reports/report_all.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "app/report_delivery.h"
#include "app/reports/at_risk.h"
#include "app/reports/performance.h"
#include "app/reports/report_card.h"
#include "app/reports/school_summary.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// One file to render: a shared document and where it goes.
struct Job {
    std::shared_ptr<const report::Document> doc;
    formats::ReportFormat format = formats::ReportFormat::pdf;
    std::filesystem::path path;
};

// The files waiting to be written. The documents are built on the calling thread (they read
// the database through its one connection) while the other threads already write the files of
// the documents built so far; once every document is built, the calling thread writes too.
class RenderQueue {
public:
    using Render = std::function<void(const Job&)>;

    RenderQueue(unsigned threads, Render render) : render_(std::move(render)) {
        for (unsigned t = 1; t < threads; ++t) {
            workers_.emplace_back([this] { drain(); });
        }
    }
    RenderQueue(const RenderQueue&) = delete;
    RenderQueue& operator=(const RenderQueue&) = delete;
    ~RenderQueue() { finish(); }

    void push(Job job) {
        {
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
        }
        ready_.notify_one();
    }

    // No more jobs: the calling thread helps write what is left, then every thread is joined.
    void finish() {
        {
            std::lock_guard lock(mutex_);
            if (closed_) {
                return;
            }
            closed_ = true;
        }
        ready_.notify_all();
        drain();
        workers_.clear();  // joins
    }

private:
    void drain() {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return closed_ || !jobs_.empty(); });
                if (jobs_.empty()) {
                    return;
                }
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            render_(job);
        }
    }

    Render render_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Job> jobs_;
    bool closed_ = false;
    std::vector<std::jthread> workers_;
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
    // Render on every core, starting as soon as the first document is built; a failed file is
    // recorded with its reason.
    const formats::RenderOptions options = report_render_options(session);
    std::map<std::string, std::string> failed;  // path → reason
    std::mutex mutex;
    std::size_t total = 0;
    std::atomic<std::size_t> done{0};
    unsigned threads = r.threads != 0 ? r.threads : std::max(1u, std::thread::hardware_concurrency());
    RenderQueue queue(threads, [&](const Job& job) {
        try {
            formats::write_report_file(*job.doc, job.format, job.path, options);
        } catch (const Error& e) {
            std::lock_guard lock(mutex);
            failed[job.path.string()] = e.what();
        }
        if (progress) {
            std::lock_guard lock(mutex);
            progress(++done, total);
        }
    });
    auto render = [&](Job job) {
        {
            std::lock_guard lock(mutex);
            ++total;
        }
        queue.push(std::move(job));
    };
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
                render({doc, f, dir / (kind + "." + ext)});
            }
        }
    };
    using F = formats::ReportFormat;
    // Report cards first: a file per class, a page per pupil — the most files to write, so the
    // other threads have work while the other reports are built.
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
            render({by_class[klass], F::pdf, path});
        }
    } catch (const Error& e) {
        files.push_back({(dir / "report-cards").string(), "report-card", "pdf", 0, e.what()});
    }

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
    queue.finish();
    // Listed as the man page lists them: the reports, then the report cards.
    std::stable_partition(files.begin(), files.end(),
                          [](const ReportAllFile& f) { return f.kind != "report-card"; });
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
