#include "util/error.h"

namespace schoolctl {

std::string Location::str() const {
    std::string out = file;
    if (line > 0) {
        out += (out.empty() ? "line " : ":") + std::to_string(line);
    }
    if (!field.empty()) {
        out += (out.empty() ? "" : ": ") + field;
    }
    return out;
}

std::string Error::prefix(const Location& where) {
    std::string p = where.str();
    return p.empty() ? p : p + ": ";
}

}  // namespace schoolctl
