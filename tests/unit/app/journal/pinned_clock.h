#pragma once
// "Now" pinned for one test through SOURCE_DATE_EPOCH (what util/clock reads), restored after.
#include <stdlib.h>

#include <optional>
#include <string>

namespace schoolctl::test {

class PinnedClock {
public:
    explicit PinnedClock(long long epoch) {
        if (const char* old = ::getenv("SOURCE_DATE_EPOCH")) {
            old_ = old;
        }
        ::setenv("SOURCE_DATE_EPOCH", std::to_string(epoch).c_str(), 1);
    }
    PinnedClock(const PinnedClock&) = delete;
    PinnedClock& operator=(const PinnedClock&) = delete;
    ~PinnedClock() {
        if (old_) {
            ::setenv("SOURCE_DATE_EPOCH", old_->c_str(), 1);
        } else {
            ::unsetenv("SOURCE_DATE_EPOCH");
        }
    }

private:
    std::optional<std::string> old_;
};

// Tuesday 17.11.2026, 12:00 in Moscow.
inline constexpr long long tuesday_17_november = 1794906000;

}  // namespace schoolctl::test
