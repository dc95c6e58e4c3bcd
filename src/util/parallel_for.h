#pragma once
// Runs body(i) for i in [0, n) on `threads` threads (0: one per core), for CPU-bound work such as
// password hashing. Each index runs exactly once; the first exception a body throws is rethrown
// here after all threads have stopped, and the remaining indexes are skipped.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace schoolctl {

template <typename Body>
void parallel_for(std::size_t n, unsigned threads, Body&& body) {
    if (threads == 0) {
        threads = std::max(1u, std::thread::hardware_concurrency());
    }
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i = next++; i < n && !failed; i = next++) {
            try {
                body(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) {
                    error = std::current_exception();
                }
                failed = true;
            }
        }
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(work);
    }
    work();
    pool.clear();  // joins
    if (error) {
        std::rethrow_exception(error);
    }
}

}  // namespace schoolctl
