// The writers of `report all`: every job pushed by any producer is written exactly once, the
// writers keep going while a producer is still building, and finish() returns only when every
// producer is done and every job written.
#include "app/reports/render_queue.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

using schoolctl::app::RenderJob;
using schoolctl::app::RenderQueue;

TEST_CASE("every job of every producer is written once, and finish waits for the producers",
          "[app][reports]") {
    std::mutex mutex;
    std::multiset<std::string> written;
    std::atomic<int> writing{0};
    std::atomic<int> most_at_once{0};
    {
        RenderQueue queue(3, [&](const RenderJob& job) {
            const int now = ++writing;
            int seen = most_at_once.load();
            while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            --writing;
            std::lock_guard lock(mutex);
            written.insert(job.path.string());
        });
        queue.add_producer();
        std::jthread side([&] {
            for (int i = 0; i < 40; ++i) {
                queue.push({nullptr, schoolctl::formats::ReportFormat::pdf,
                            "side-" + std::to_string(i)});
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            queue.producer_done();
        });
        for (int i = 0; i < 40; ++i) {
            queue.push({nullptr, schoolctl::formats::ReportFormat::pdf,
                        "main-" + std::to_string(i)});
        }
        queue.finish();  // returns only after the side producer's 40 jobs are written too
        std::lock_guard lock(mutex);
        CHECK(written.size() == 80);
    }
    std::set<std::string> unique(written.begin(), written.end());
    CHECK(unique.size() == 80);
    CHECK(most_at_once.load() >= 2);  // the writers did write side by side
}

TEST_CASE("a queue with nothing pushed finishes at once", "[app][reports]") {
    int calls = 0;
    RenderQueue queue(2, [&](const RenderJob&) { ++calls; });
    queue.finish();
    queue.finish();  // a second finish changes nothing
    CHECK(calls == 0);
}
