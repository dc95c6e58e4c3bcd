#pragma once
// Excel's rules for worksheet names, applied to section keys: at most 31 characters, none of
// []:*?/\, no apostrophe at either end, unique without regard to case, not "History".
#include <string>
#include <vector>

namespace schoolctl::formats {

// One valid, unique name per key, in order; an empty key becomes «Лист N».
std::vector<std::string> sheet_names(const std::vector<std::string>& keys);

} // namespace schoolctl::formats
