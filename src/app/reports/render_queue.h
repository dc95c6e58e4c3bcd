#pragma once
// Files waiting to be written, and the threads that write them while the documents are still
// being built. Any number of producers push jobs; each says when it is done. The workers (and
// the caller, once it has built its own documents) write until every producer is done and
// every job is written, the largest waiting file first: a long file started last would leave
// the other threads idle at the end.
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "formats/report_writer.h"
#include "report/document.h"

namespace schoolctl::app {

// One file to write: a shared document and where it goes.
struct RenderJob {
    std::shared_ptr<const report::Document> doc;
    formats::ReportFormat format = formats::ReportFormat::pdf;
    std::filesystem::path path;
};

class RenderQueue {
public:
    using Render = std::function<void(const RenderJob&)>;

    // `threads` writers in all, the caller among them (it joins in finish()). The caller is
    // the first producer.
    RenderQueue(unsigned threads, Render render);
    RenderQueue(const RenderQueue&) = delete;
    RenderQueue& operator=(const RenderQueue&) = delete;
    ~RenderQueue();

    void add_producer();
    void producer_done();
    void push(RenderJob job);

    // The caller pushes no more: it writes with the others until every producer is done and
    // every job is written, then the workers are joined.
    void finish();

private:
    void drain();

    Render render_;
    std::mutex mutex_;
    std::condition_variable ready_;
    struct Waiting {
        RenderJob job;
        std::size_t cost = 0;  // an estimate, in table cells
    };
    std::vector<Waiting> jobs_;
    int producers_ = 1;
    bool finished_ = false;
    std::vector<std::jthread> workers_;
};

}  // namespace schoolctl::app
