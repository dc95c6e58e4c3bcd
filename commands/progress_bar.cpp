#include "commands/progress_bar.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <ostream>

namespace schoolctl::cli {
namespace {

constexpr std::size_t bar_cells = 30;
constexpr auto redraw_interval = std::chrono::milliseconds(100);

std::string clock_time(long long seconds) {
    if (seconds >= 3600) {
        return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

// Terminal columns of UTF-8 text, taking every character as one column (Cyrillic labels).
std::size_t columns(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

std::string progress_line(std::string_view label, std::size_t done, std::size_t total,
                          std::chrono::steady_clock::duration elapsed, ProgressPhase phase) {
    done = std::min(done, total);
    double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    auto filled = static_cast<std::size_t>(fraction * static_cast<double>(bar_cells));
    // Rounded, but 100% only when everything is done.
    auto percent = static_cast<int>(fraction * 100.0 + 0.5);
    if (done < total) {
        percent = std::min(percent, 99);
    }
    std::string counts = std::to_string(done);
    std::string total_text = std::to_string(total);
    counts.insert(0, total_text.size() - counts.size(), ' ');

    double seconds = std::chrono::duration<double>(elapsed).count();
    std::string tail;
    if (phase == ProgressPhase::finished) {
        tail = "in " + clock_time(std::llround(seconds));
    } else if (done == 0) {
        tail = "ETA -:--";
    } else {
        double left = seconds * static_cast<double>(total - done) / static_cast<double>(done);
        tail = "ETA " + clock_time(std::llround(left));
    }
    return fmt::format("{} [{}{}] {}/{} {:3}%  {}", label, std::string(filled, '#'),
                       std::string(bar_cells - filled, '.'), counts, total_text, percent, tail);
}

ProgressBar::ProgressBar(std::ostream& err, std::string label, std::size_t total, bool enabled,
                         Clock clock)
    : err_(err), label_(std::move(label)), total_(total), enabled_(enabled),
      clock_(clock ? std::move(clock) : [] { return std::chrono::steady_clock::now(); }),
      start_(clock_()) {}

ProgressBar::~ProgressBar() {
    std::lock_guard lock(mutex_);
    if (drawn_ && !finished_) {
        try {
            err_ << '\n' << std::flush;
        } catch (...) {  // a destructor must not throw; the line simply stays open
        }
    }
}

void ProgressBar::update(std::size_t done) {
    if (!enabled_) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (finished_) {
        return;
    }
    done_ = std::max(done_, std::min(done, total_));
    auto now = clock_();
    bool completed_now = done_ == total_ && drawn_done_ != total_;
    if (!drawn_ || completed_now || now - last_draw_ >= redraw_interval) {
        draw(now, ProgressPhase::running);
    }
}

void ProgressBar::finish() {
    if (!enabled_) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (finished_) {
        return;
    }
    draw(clock_(), ProgressPhase::finished);
    err_ << '\n' << std::flush;
    finished_ = true;
}

void ProgressBar::draw(std::chrono::steady_clock::time_point now, ProgressPhase phase) {
    std::string line = progress_line(label_, done_, total_, now - start_, phase);
    std::size_t width = columns(line);
    err_ << '\r' << line;
    if (width < drawn_width_) {
        err_ << std::string(drawn_width_ - width, ' ');
    }
    err_ << std::flush;
    drawn_width_ = width;
    drawn_done_ = done_;
    last_draw_ = now;
    drawn_ = true;
}

}  // namespace schoolctl::cli
