#include "util/atomic_file.h"

#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace schoolctl {
namespace {

std::string reason(int err) {
    return std::strerror(err);
}

Error cant_create(const std::filesystem::path& p, int err) {
    return {ExitCode::cant_create, "cannot create " + p.string() + ": " + reason(err)};
}

Error io_error(const std::string& what, const std::filesystem::path& p, int err) {
    return {ExitCode::io, "cannot " + what + " " + p.string() + ": " + reason(err)};
}

std::filesystem::path directory_of(const std::filesystem::path& p) {
    auto dir = p.parent_path();
    return dir.empty() ? std::filesystem::path(".") : dir;
}

// A hidden name next to the target, so the rename stays within one file system.
std::filesystem::path temp_name(const std::filesystem::path& final_path, unsigned salt) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string suffix(8, '0');
    for (auto& c : suffix) {
        c = hex[salt & 0xFu];
        salt >>= 4;
    }
    return directory_of(final_path) / ("." + final_path.filename().string() + ".tmp-" + suffix);
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path final_path) : final_(std::move(final_path)) {
    if (final_.filename().empty()) {
        throw cant_create(final_, EISDIR);
    }
    std::random_device rd;
    // EEXIST means a leftover or a concurrent writer took the name: draw another one.
    for (int attempt = 0; attempt < 16; ++attempt) {
        temp_ = temp_name(final_, rd());
        fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd_ >= 0) {
            // The umask may have cleared bits, never added them; make the mode exact anyway.
            ::fchmod(fd_, 0600);
            return;
        }
        if (errno != EEXIST) {
            throw cant_create(final_, errno);
        }
    }
    throw cant_create(final_, EEXIST);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
    if (!committed_) {
        ::unlink(temp_.c_str());
    }
}

void AtomicFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw io_error("write", final_, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFile::commit() {
    if (::fsync(fd_) != 0) {
        throw io_error("write", final_, errno);
    }
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        throw io_error("write", final_, errno);
    }
    if (::rename(temp_.c_str(), final_.c_str()) != 0) {
        throw cant_create(final_, errno);
    }
    committed_ = true;
    // The rename itself is only durable once the directory entry is on disk.
    auto dir = directory_of(final_);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        throw io_error("sync directory", dir, errno);
    }
    int rc = ::fsync(dfd);
    int err = errno;
    ::close(dfd);
    // Some file systems cannot sync a directory (EINVAL); the data itself is already synced.
    if (rc != 0 && err != EINVAL) {
        throw io_error("sync directory", dir, err);
    }
}

void write_file_atomically(const std::filesystem::path& final_path, std::string_view content) {
    AtomicFile file(final_path);
    file.write(content);
    file.commit();
}

} // namespace schoolctl
