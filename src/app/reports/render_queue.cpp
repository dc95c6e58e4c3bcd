#include "app/reports/render_queue.h"

#include <algorithm>

namespace schoolctl::app {
namespace {

// What writing the file takes, roughly: its cells, a page's heading per section and the fonts
// or the package every file has.
std::size_t cost_of(const report::Document& doc) {
    std::size_t cells = 300;
    for (const auto& s : doc.sections) {
        cells += 50 + (s.table.rows.size() + 1) * s.table.columns.size();
    }
    return cells;
}

}  // namespace

RenderQueue::RenderQueue(unsigned threads, Render render) : render_(std::move(render)) {
    for (unsigned t = 1; t < threads; ++t) {
        workers_.emplace_back([this] { drain(); });
    }
}

RenderQueue::~RenderQueue() { finish(); }

void RenderQueue::add_producer() {
    std::lock_guard lock(mutex_);
    ++producers_;
}

void RenderQueue::producer_done() {
    {
        std::lock_guard lock(mutex_);
        --producers_;
    }
    ready_.notify_all();
}

void RenderQueue::push(RenderJob job) {
    const std::size_t cost = job.doc ? cost_of(*job.doc) : 0;
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back({std::move(job), cost});
    }
    ready_.notify_one();
}

void RenderQueue::finish() {
    {
        std::lock_guard lock(mutex_);
        if (finished_) {
            return;
        }
        finished_ = true;
    }
    producer_done();
    drain();
    workers_.clear();  // joins
}

void RenderQueue::drain() {
    for (;;) {
        RenderJob job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return producers_ == 0 || !jobs_.empty(); });
            if (jobs_.empty()) {
                return;  // every producer is done, and every job taken
            }
            // The first of the largest, so files of one size go in the order they came.
            auto largest = std::max_element(
                jobs_.begin(), jobs_.end(),
                [](const Waiting& a, const Waiting& b) { return a.cost < b.cost; });
            job = std::move(largest->job);
            jobs_.erase(largest);
        }
        render_(job);
    }
}

}  // namespace schoolctl::app
