#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::cli {

// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace schoolctl::cli
