#include "formats/oneroster_source.h"

#include "formats/zip_archive.h"
#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace schoolctl::formats {
namespace {

std::string errno_text(int err) {
    return std::generic_category().message(err);
}

// Closes the descriptor on every way out of read().
struct Fd {
    int fd;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

} // namespace

FolderSource::FolderSource(std::filesystem::path folder) : folder_(std::move(folder)) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(folder_, ec);
    if (ec || !fs::exists(st)) {
        throw Error(ExitCode::no_input, "cannot open " + folder_.string() + ": " +
                                            (ec ? ec.message() : errno_text(ENOENT)));
    }
    if (!fs::is_directory(st)) {
        throw Error(ExitCode::data, folder_.string() +
                                        " is not a folder (expected a OneRoster bundle unpacked "
                                        "in a folder)");
    }
    fs::directory_iterator it(folder_, ec);
    if (ec) {
        throw Error(ExitCode::no_input, "cannot list " + folder_.string() + ": " + ec.message());
    }
    // Incremented with an error_code: a range-for would throw filesystem_error instead.
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;
        if (it->is_regular_file(entry_ec)) {
            names_.push_back(it->path().filename().string());
        }
    }
    if (ec) {
        throw Error(ExitCode::no_input, "cannot list " + folder_.string() + ": " + ec.message());
    }
    std::sort(names_.begin(), names_.end());
}

std::string FolderSource::read(const std::string& name) const {
    const std::filesystem::path path = folder_ / name;
    Fd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.fd < 0) {
        throw Error(ExitCode::io, "cannot open " + path.string() + ": " + errno_text(errno));
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) {
        throw Error(ExitCode::io, "cannot read " + path.string() + ": " + errno_text(errno));
    }
    if (st.st_size > 0 && static_cast<std::size_t>(st.st_size) > max_bundle_file_bytes) {
        throw Error(ExitCode::data, path.string() + " is larger than " +
                                        std::to_string(max_bundle_file_bytes >> 20) + " MiB");
    }
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(ExitCode::io, "cannot read " + path.string() + ": " + errno_text(errno));
        }
        if (n == 0) {
            return bytes;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bundle_file_bytes) { // it grew while being read
            throw Error(ExitCode::data, path.string() + " is larger than " +
                                            std::to_string(max_bundle_file_bytes >> 20) + " MiB");
        }
    }
}

ZipSource::ZipSource(const std::string& path)
    : path_(path), zip_(std::make_unique<ZipArchive>(path)) {
    auto top_level = [&](const std::string& prefix) {
        std::vector<std::string> out;
        for (const auto& name : zip_->names()) {
            if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
                name.find('/', prefix.size()) == std::string::npos) {
                out.push_back(name.substr(prefix.size()));
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    names_ = top_level("");
    if (!std::binary_search(names_.begin(), names_.end(), "manifest.csv")) {
        for (const auto& name : zip_->names()) {
            auto slash = name.find('/');
            if (slash != std::string::npos && name.substr(slash + 1) == "manifest.csv") {
                prefix_ = name.substr(0, slash + 1);
                names_ = top_level(prefix_);
                break;
            }
        }
    }
}

ZipSource::~ZipSource() = default;

std::string ZipSource::read(const std::string& name) const {
    return zip_->read(prefix_ + name, max_bundle_file_bytes);
}

std::string ZipSource::sha256() const { return zip_->sha256(); }

} // namespace schoolctl::formats
