#pragma once
// A one-line progress bar on stderr for long imports and exports:
// «label [#####.....] 1234/2000  62%  ETA 0:12», redrawn in place with '\r'.
#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>

namespace schoolctl::cli {

enum class ProgressPhase { running, finished };

// One drawing of the bar: the estimate while running, the time taken once finished.
std::string progress_line(std::string_view label, std::size_t done, std::size_t total,
                          std::chrono::steady_clock::duration elapsed, ProgressPhase phase);

// Draws only when `enabled` (the caller passes Context::show_progress(): stderr a terminal and
// neither --quiet nor --no-progress), at most ten times a second. update() may be called from
// several threads at once.
class ProgressBar {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // `clock` defaults to std::chrono::steady_clock; tests pass their own.
    ProgressBar(std::ostream& err, std::string label, std::size_t total, bool enabled,
                Clock clock = {});
    // Ends a line left open (say, by an exception) so that what follows starts on its own line.
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // `done` items of `total` so far; a smaller number than one already reported is ignored, so
    // workers may report out of order.
    void update(std::size_t done);
    // Draws the final state and ends the line. Later calls do nothing.
    void finish();

private:
    void draw(std::chrono::steady_clock::time_point now, ProgressPhase phase);

    std::ostream& err_;
    const std::string label_;
    const std::size_t total_;
    const bool enabled_;
    const Clock clock_;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
    std::size_t done_ = 0;
    std::size_t drawn_done_ = 0;
    std::size_t drawn_width_ = 0;  // characters of the last line, to blank a longer one
    bool drawn_ = false;
    bool finished_ = false;
};

}  // namespace schoolctl::cli
