#include "app/reports/render_queue.h"

namespace schoolctl::app {

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
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
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
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        render_(job);
    }
}

}  // namespace schoolctl::app
