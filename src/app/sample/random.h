#pragma once
// The generator's own random numbers: xoshiro256** seeded through splitmix64, and the integer
// helpers built on it. The standard distributions are not used on purpose: their algorithms
// differ between standard libraries, and the same seed must give the same files everywhere.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace schoolctl::app::sample {

// One step of splitmix64: the next state and its output. Also mixes seeds into stream seeds.
std::uint64_t splitmix64(std::uint64_t& state);

class Random {
  public:
    explicit Random(std::uint64_t seed);
    // The generator of an independent stream (say, school k of a district) of the same seed.
    static Random stream(std::uint64_t seed, std::uint64_t stream);

    std::uint64_t next();
    // Uniform in [0, n); n ≥ 1. Unbiased (Lemire's multiply-and-reject).
    std::uint64_t below(std::uint64_t n);
    // Uniform in [lo, hi], inclusive.
    int between(int lo, int hi);
    // True with probability num / den.
    bool chance(std::uint64_t num, std::uint64_t den);
    // An index drawn with the given cumulative weights (ascending, the last is the total).
    std::size_t pick_cumulative(const std::vector<std::uint32_t>& cumulative);
    // An index drawn with the given weights (each ≥ 0, total > 0).
    std::size_t pick_weighted(const std::vector<int>& weights);

    template <typename T> void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }
    template <typename T> const T& choice(const std::vector<T>& items) {
        return items[below(items.size())];
    }

  private:
    std::uint64_t s_[4];
};

// Running sums of weights, for Random::pick_cumulative.
std::vector<std::uint32_t> cumulative(const std::vector<std::uint32_t>& weights);

} // namespace schoolctl::app::sample
