#pragma once
// What an import did or would do, for the summary and the rejects file.
#include <cstddef>
#include <string>
#include <vector>

namespace schoolctl::app {

struct RowReject {
    std::size_t line = 0;
    std::string field;
    std::string reason;
    std::vector<std::string> original;  // the row's fields as read
};

struct ImportSummary {
    std::string file;
    std::string encoding;  // as read: "utf-8" or "windows-1251"
    char delimiter = ';';
    std::size_t rows = 0;
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t classes_created = 0;
    std::vector<RowReject> rejects;
    std::vector<std::string> warnings;
    bool dry_run = false;
    std::size_t max_rejects = 0;
    bool written = false;  // false when rejects stopped it, or on a dry run
};

}  // namespace schoolctl::app
