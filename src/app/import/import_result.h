#pragma once
// What an import did or would do, for the summary and the rejects file.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace schoolctl::app {

struct RowReject {
    std::size_t line = 0;
    std::string field;
    std::string reason;
    std::vector<std::string> original;  // the row's fields as read
};

struct ImportSummary {
    std::string kind;         // "students"
    std::string file;         // as errors cite it
    std::string description;  // how it was read: "CSV, utf-8, delimiter ';'"
    std::vector<std::string> header;
    std::string sha256;
    std::size_t rows = 0;
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t left = 0;  // sync: people the file no longer names, marked as left
    // Side effects worth a line of their own, in the order they first happened:
    // {"new classes", 2}, {"guardian links", 135}.
    std::vector<std::pair<std::string, std::size_t>> also;
    std::vector<RowReject> rejects;
    std::vector<std::string> warnings;  // "file:line: text"
    bool dry_run = false;
    bool sync = false;
    std::size_t max_rejects = 0;
    std::size_t max_delete = 0;
    bool needs_confirmation = false;
    bool whole_file_rejected = false;  // rows that clash with each other: nothing is written  // sync would mark more than max_delete as left
    bool written = false;  // false when rejects or a refused sync stopped it, or on a dry run

    void add_also(const std::string& what, std::size_t n = 1) {
        for (auto& [name, count] : also) {
            if (name == what) {
                count += n;
                return;
            }
        }
        also.emplace_back(what, n);
    }
};

}  // namespace schoolctl::app
