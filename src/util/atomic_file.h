#pragma once
// Writing a file so that nobody ever sees it half-written: reports, backups and credential
// files go to a private temporary file next to the target and are renamed over it only when
// complete and on disk.
#include <filesystem>
#include <string_view>

namespace schoolctl {

class AtomicFile {
  public:
    // Creates the temporary file (O_CREAT|O_EXCL, mode 0600) in final_path's directory.
    // Throws Error(cant_create, "cannot create PATH: reason") when that is impossible.
    explicit AtomicFile(std::filesystem::path final_path);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    // Removes the temporary file unless commit() succeeded.
    ~AtomicFile();

    const std::filesystem::path& final_path() const noexcept { return final_; }
    // For libraries that insist on opening a file by name (libxlsxwriter): they may reopen and
    // truncate it; the inode, and so the 0600 mode, stays ours.
    const std::filesystem::path& temp_path() const noexcept { return temp_; }

    void write(std::string_view bytes); // Error(io) on failure
    // fsync the file, rename it over final_path, fsync the directory.
    void commit();

  private:
    std::filesystem::path final_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
};

// The whole content at once; the common case for small files.
void write_file_atomically(const std::filesystem::path& final_path, std::string_view content);

} // namespace schoolctl
