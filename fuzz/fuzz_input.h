#pragma once
// What every fuzz target shares: the input as a file (the readers take paths, as users give
// them) and the one outcome besides success a reader may have — schoolctl::Error, the clear
// message with an exit code. Anything else escaping (std::out_of_range, a crash, a leak, a
// hang) is a bug the fuzzer reports.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "util/error.h"

namespace schoolctl::fuzz {

// A file holding the input, rewritten for each run: one per process, in /dev/shm when there is
// one, so a million runs do not wear a disk. The folder goes when the process ends.
inline std::filesystem::path input_file(std::string_view data, const std::string& suffix) {
    struct Folder {
        std::filesystem::path path;
        Folder() {
            std::filesystem::path base = std::filesystem::exists("/dev/shm")
                                             ? std::filesystem::path("/dev/shm")
                                             : std::filesystem::temp_directory_path();
            path = base / ("schoolctl-fuzz-" + std::to_string(::getpid()));
            std::filesystem::create_directories(path);
        }
        Folder(const Folder&) = delete;
        Folder& operator=(const Folder&) = delete;
        ~Folder() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const Folder folder;
    std::filesystem::path path = folder.path / ("input" + suffix);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    return path;
}

// Runs `read`; a schoolctl::Error is the reader refusing the input properly.
template <typename Read>
void refused_or_read(Read&& read) {
    try {
        read();
    } catch (const schoolctl::Error&) {
    }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace schoolctl::fuzz
