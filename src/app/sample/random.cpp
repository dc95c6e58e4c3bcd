#include "app/sample/random.h"

#include <algorithm>

namespace schoolctl::app::sample {
namespace {

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

// GCC and Clang have 128-bit integers; __extension__ keeps -Wpedantic quiet about them.
__extension__ typedef unsigned __int128 u128;

} // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Random::Random(std::uint64_t seed) {
    for (auto& word : s_) {
        word = splitmix64(seed);
    }
}

Random Random::stream(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t mixed = seed;
    std::uint64_t a = splitmix64(mixed);
    std::uint64_t b = stream * 0xD1B54A32D192ED03ULL;
    return Random(a ^ splitmix64(b));
}

std::uint64_t Random::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Random::below(std::uint64_t n) {
    // Lemire: the high half of a 128-bit product, rejecting the few low halves that bias it.
    u128 m = static_cast<u128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<u128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

int Random::between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

bool Random::chance(std::uint64_t num, std::uint64_t den) {
    return below(den) < num;
}

std::size_t Random::pick_cumulative(const std::vector<std::uint32_t>& cumulative) {
    const std::uint64_t x = below(cumulative.back());
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return static_cast<std::size_t>(it - cumulative.begin());
}

std::size_t Random::pick_weighted(const std::vector<int>& weights) {
    std::uint64_t total = 0;
    for (int w : weights) {
        total += static_cast<std::uint64_t>(w);
    }
    std::uint64_t x = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const auto w = static_cast<std::uint64_t>(weights[i]);
        if (x < w) {
            return i;
        }
        x -= w;
    }
    return weights.size() - 1;
}

std::vector<std::uint32_t> cumulative(const std::vector<std::uint32_t>& weights) {
    std::vector<std::uint32_t> out;
    out.reserve(weights.size());
    std::uint32_t sum = 0;
    for (auto w : weights) {
        sum += w;
        out.push_back(sum);
    }
    return out;
}

} // namespace schoolctl::app::sample
