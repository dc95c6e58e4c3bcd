#include "formats/oneroster_writer.h"

#include "util/atomic_file.h"
#include "util/error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace schoolctl::formats {
namespace {

namespace fs = std::filesystem;

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

std::string errno_text(int err) {
    return std::generic_category().message(err);
}

// The folder being written; removed with its files unless it was published.
class TempFolder {
  public:
    explicit TempFolder(const fs::path& target) {
        std::string pattern =
            (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) { // mode 0700
            throw Error(ExitCode::cant_create,
                        "cannot create " + target.string() + ": " + errno_text(errno));
        }
        path_ = pattern;
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    ~TempFolder() {
        if (!path_.empty()) {
            std::error_code ec;
            fs::remove_all(path_, ec);
        }
    }

    const fs::path& path() const { return path_; }
    void release() { path_.clear(); }

  private:
    fs::path path_;
};

// Only an empty folder or a OneRoster bundle may be replaced: a mistyped --out must not wipe
// someone's documents.
void check_replaceable(const fs::path& target) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(target, ec);
    if (ec || !fs::exists(st)) {
        return;
    }
    const auto refuse = [&](const std::string& why) {
        throw Error(ExitCode::cant_create, "will not replace " + target.string() + ": " + why);
    };
    if (!fs::is_directory(st)) {
        refuse("it is not a folder");
    }
    bool manifest = false, empty = true;
    fs::directory_iterator it(target, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        empty = false;
        const std::string name = it->path().filename().string();
        std::error_code entry_ec;
        if (it->is_symlink(entry_ec) || !it->is_regular_file(entry_ec) || !name.ends_with(".csv")) {
            refuse("it holds " + in_quotes(name) + ", so it is not just a OneRoster bundle");
        }
        manifest = manifest || name == "manifest.csv";
    }
    if (ec) {
        refuse(ec.message());
    }
    if (!empty && !manifest) {
        refuse("it is not empty and has no manifest.csv");
    }
}

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(ExitCode::io, "cannot sync " + folder.string() + ": " + errno_text(errno));
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL) { // some file systems cannot sync a folder
        throw Error(ExitCode::io, "cannot sync " + folder.string() + ": " + errno_text(err));
    }
}

// Moves the finished folder to `target`. An existing target (already checked to be a bundle or
// empty) is swapped out in one step and then removed.
void publish(TempFolder& temp, const fs::path& target) {
    const auto fail = [&](int err) {
        throw Error(ExitCode::cant_create,
                    "cannot create " + target.string() + ": " + errno_text(err));
    };
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(target, ec))) {
        if (::rename(temp.path().c_str(), target.c_str()) != 0) {
            fail(errno);
        }
        temp.release();
        return;
    }
    if (::renameat2(AT_FDCWD, temp.path().c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) ==
        0) {
        return; // the temporary name now holds the old bundle, which TempFolder removes
    }
    if (errno != EINVAL && errno != ENOSYS) {
        fail(errno);
    }
    // No exchange on this file system: move the old one aside, then the new one in.
    TempFolder old(target); // an empty folder, which rename(2) may replace
    if (::rename(target.c_str(), old.path().c_str()) != 0) {
        fail(errno);
    }
    if (::rename(temp.path().c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::rename(old.path().c_str(), target.c_str()); // put it back
        old.release();
        fail(err);
    }
    temp.release();
}

} // namespace

void write_oneroster_folder(const OneRosterBundle& bundle, OneRosterVersion version,
                            const fs::path& folder) {
    // Everything is rendered before anything touches the disk: a refusal leaves no trace.
    const std::vector<OneRosterFileText> files = render_oneroster(bundle, version);
    fs::path target = folder.lexically_normal();
    if (!target.has_filename()) {
        target = target.parent_path(); // "out/" names the folder "out"
    }
    if (target.empty() || target.filename() == "." || target.filename() == "..") {
        throw Error(ExitCode::cant_create,
                    "cannot create " + folder.string() + ": name a folder for the bundle");
    }
    if (target.parent_path().empty()) {
        target = fs::path(".") / target;
    }
    check_replaceable(target);
    TempFolder temp(target);
    for (const OneRosterFileText& f : files) {
        write_file_atomically(temp.path() / f.name, f.bytes); // 0600, synced
    }
    publish(temp, target);
    sync_folder(target.parent_path());
}

} // namespace schoolctl::formats
