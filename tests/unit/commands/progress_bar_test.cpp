#include "commands/progress_bar.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <sstream>
#include <thread>
#include <vector>

using namespace schoolctl::cli;
using namespace std::chrono_literals;

namespace {

// A clock that moves only when the test says so.
struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    ProgressBar::Clock clock() {
        return [this] { return now; };
    }
};

std::size_t redraws(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\r'));
}

}  // namespace

TEST_CASE("a progress line shows bar, counts, percent and estimate", "[commands][progress]") {
    auto [done, total, elapsed, phase, expected] =
        GENERATE(table<std::size_t, std::size_t, std::chrono::seconds, ProgressPhase,
                       std::string>({
            {1234, 2000, 20s, ProgressPhase::running,
             "Импорт [##################............] 1234/2000  62%  ETA 0:12"},
            {0, 2000, 0s, ProgressPhase::running,
             "Импорт [..............................]    0/2000   0%  ETA -:--"},
            {1999, 2000, 3600s, ProgressPhase::running,
             "Импорт [#############################.] 1999/2000  99%  ETA 0:02"},
            {500, 1000, 4000s, ProgressPhase::running,
             "Импорт [###############...............]  500/1000  50%  ETA 1:06:40"},
            {2000, 2000, 75s, ProgressPhase::finished,
             "Импорт [##############################] 2000/2000 100%  in 1:15"},
            {0, 0, 0s, ProgressPhase::finished,
             "Импорт [##############################] 0/0 100%  in 0:00"},
        }));
    CHECK(progress_line("Импорт", done, total, elapsed, phase) == expected);
}

TEST_CASE("an enabled bar redraws in place and ends its line", "[commands][progress]") {
    std::ostringstream err;
    FakeClock t;
    ProgressBar bar(err, "pupils", 2000, true, t.clock());
    bar.update(0);
    t.now += 10s;
    bar.update(1234);
    std::string drawn = err.str();
    CHECK(drawn.starts_with("\rpupils [...."));
    CHECK(drawn.find("1234/2000  62%  ETA 0:06") != std::string::npos);
    CHECK(redraws(drawn) == 2);

    bar.finish();
    std::string all = err.str();
    CHECK(all.find("1234/2000  62%  in 0:10") != std::string::npos);
    CHECK(all.ends_with("\n"));
    bar.update(2000);  // after finish: nothing more
    bar.finish();
    CHECK(err.str() == all);
}

TEST_CASE("redraws are throttled to ten a second", "[commands][progress]") {
    std::ostringstream err;
    FakeClock t;
    ProgressBar bar(err, "rows", 1000, true, t.clock());
    for (std::size_t i = 1; i <= 999; ++i) {
        t.now += 1ms;  // 999 updates in just under a second
        bar.update(i);
    }
    // The first update draws, then one every 100 ms.
    CHECK(redraws(err.str()) == 10);
    bar.update(1000);  // completion is always shown
    CHECK(redraws(err.str()) == 11);
    CHECK(err.str().find("1000/1000 100%") != std::string::npos);
}

TEST_CASE("a bar never goes back and never passes the total", "[commands][progress]") {
    std::ostringstream err;
    FakeClock t;
    ProgressBar bar(err, "rows", 10, true, t.clock());
    bar.update(7);
    t.now += 1s;
    bar.update(3);
    t.now += 1s;
    bar.update(25);
    bar.finish();
    CHECK(err.str().find(" 3/10") == std::string::npos);
    CHECK(err.str().find("10/10 100%  in 0:02") != std::string::npos);
    CHECK(err.str().ends_with("\n"));
}

TEST_CASE("a shorter redraw blanks the rest of the longer one", "[commands][progress]") {
    std::ostringstream err;
    FakeClock t;
    ProgressBar bar(err, "rows", 1000, true, t.clock());
    t.now += 4000s;
    bar.update(500);  // ETA 1:06:40
    t.now += 1s;
    bar.update(999);  // ETA 0:04, three characters shorter
    CHECK(err.str().ends_with("ETA 0:04   "));
}

TEST_CASE("a disabled bar writes nothing", "[commands][progress]") {
    std::ostringstream err;
    {
        ProgressBar bar(err, "rows", 100, false);
        bar.update(10);
        bar.update(100);
        bar.finish();
    }
    CHECK(err.str().empty());
}

TEST_CASE("a bar left unfinished ends its line when destroyed", "[commands][progress]") {
    std::ostringstream err;
    {
        ProgressBar bar(err, "rows", 100, true);
        bar.update(10);
    }
    CHECK(err.str().ends_with("\n"));
    CHECK(err.str().find("10/100") != std::string::npos);
}

TEST_CASE("workers may update one bar at the same time", "[commands][progress]") {
    std::ostringstream err;
    constexpr std::size_t per_worker = 2000;
    constexpr std::size_t workers = 4;
    ProgressBar bar(err, "rows", per_worker * workers, true);
    std::atomic<std::size_t> done{0};
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
        threads.emplace_back([&] {
            for (std::size_t i = 0; i < per_worker; ++i) {
                bar.update(++done);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    bar.finish();
    CHECK(err.str().find("8000/8000 100%") != std::string::npos);
    CHECK(err.str().ends_with("\n"));
}
