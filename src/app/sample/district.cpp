#include "app/sample/district.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace schoolctl::app::sample {

std::vector<SchoolShare> share_district(Random& rng, int pupils, int schools, int most) {
    const auto n = static_cast<std::size_t>(schools);
    std::vector<SchoolShare> out(n);
    // Numbers: a partial shuffle of 1 … 2500, sorted.
    std::vector<int> numbers(2500);
    std::iota(numbers.begin(), numbers.end(), 1);
    for (std::size_t i = 0; i < n; ++i) {
        std::swap(numbers[i], numbers[i + rng.below(numbers.size() - i)]);
    }
    std::sort(numbers.begin(), numbers.begin() + static_cast<std::ptrdiff_t>(n));
    std::vector<std::int64_t> weight(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i].number = numbers[i];
        weight[i] = rng.between(40, 160);
    }
    if (n == 1) {
        out[0].pupils = pupils;
        return out;
    }
    const std::int64_t total = std::accumulate(weight.begin(), weight.end(), std::int64_t{0});
    std::vector<std::pair<std::int64_t, std::size_t>> remainders; // (−remainder, index)
    int given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t exact = static_cast<std::int64_t>(pupils) * weight[i];
        out[i].pupils = static_cast<int>(exact / total);
        given += out[i].pupils;
        remainders.emplace_back(-(exact % total), i);
    }
    std::sort(remainders.begin(), remainders.end());
    for (std::size_t k = 0; given < pupils; k = (k + 1) % n) {
        ++out[remainders[k].second].pupils;
        ++given;
    }
    // Every school has a pupil, and none more than `most`: move the surplus to the others.
    for (std::size_t pass = 0; pass < 2; ++pass) {
        for (auto& s : out) {
            while (s.pupils < 1) {
                auto donor = std::max_element(out.begin(), out.end(),
                                              [](auto& a, auto& b) { return a.pupils < b.pupils; });
                --donor->pupils;
                ++s.pupils;
            }
            while (s.pupils > most) {
                auto taker = std::min_element(out.begin(), out.end(),
                                              [](auto& a, auto& b) { return a.pupils < b.pupils; });
                --s.pupils;
                ++taker->pupils;
            }
        }
    }
    return out;
}

} // namespace schoolctl::app::sample
