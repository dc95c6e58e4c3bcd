#include "domain/common_passwords.h"

namespace schoolctl::domain {

std::vector<std::string_view> common_password_entries() {
    std::string_view text = common_passwords_text();
    std::vector<std::string_view> entries;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (!line.empty() && line.front() != '#') {
            entries.push_back(line);
        }
    }
    return entries;
}

}  // namespace schoolctl::domain
