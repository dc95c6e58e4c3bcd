#pragma once
// A zip container opened read-only, for the formats that are zips of parts: XLSX workbooks and
// OneRoster bundles. Zips come from outside and cost little to forge, so nothing here trusts
// what an archive declares: entry names are checked when the archive is opened, and every read
// is bounded while it inflates (a 40 KB file can expand to gigabytes; counting after the fact
// would already have spent the memory).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

struct ZipLimits {
    std::size_t max_entries = 10'000;
    std::uint64_t max_entry_bytes = std::uint64_t{256} << 20; // one entry, inflated
    std::uint64_t max_total_bytes = std::uint64_t{1} << 30;   // every read from one archive
    // Inflated : compressed. XML deflates about 10:1 and a sheet of empty styled cells about
    // 100:1; a bomb's layers reach 1000:1. Entries under 1 MiB are not held to it.
    std::uint64_t max_ratio = 200;
};

// True when the file starts with a zip local file header ("PK\3\4"), so that an import can
// tell a workbook from a CSV by content. False for anything else, including a file that
// cannot be read (opening it says why).
bool looks_like_zip(const std::string& path);

class ZipArchive;

// One entry being inflated, a piece at a time. Must not outlive its archive.
class ZipEntryStream {
  public:
    ZipEntryStream(ZipEntryStream&&) noexcept;
    ZipEntryStream& operator=(ZipEntryStream&&) noexcept;
    ~ZipEntryStream();

    // The next piece of the entry, valid until the next call; false at its end.
    bool next(std::string_view& chunk);

  private:
    friend class ZipArchive;
    struct State;
    explicit ZipEntryStream(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// Errors: a missing or unreadable file is ExitCode::no_input; a read failure ExitCode::io;
// everything about the content (not a zip, damaged, encrypted, too many entries, an absolute or
// "../" entry name, an entry past a limit or inflating past its declared size) is
// ExitCode::data, and the message names the file and, where there is one, the entry.
class ZipArchive {
  public:
    static constexpr std::uint64_t no_limit = std::numeric_limits<std::uint64_t>::max();

    explicit ZipArchive(const std::string& path, const ZipLimits& limits = {});
    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ~ZipArchive();

    const std::string& file() const;               // the path as given, for messages
    const std::vector<std::string>& names() const; // in archive order
    bool contains(const std::string& name) const;
    // What the archive says the entry inflates to (reads enforce it). 0 for an unknown name.
    std::uint64_t declared_size(const std::string& name) const;

    // The whole entry. Every read is refused past `max_bytes` and the archive's limits; an
    // entry not in the archive is ExitCode::data.
    std::string read(const std::string& name, std::uint64_t max_bytes = no_limit) const;
    // The entry in pieces of up to 64 KiB, for parts too big to hold.
    void read_chunks(const std::string& name, const std::function<void(std::string_view)>& sink,
                     std::uint64_t max_bytes = no_limit) const;
    // The same as a pull stream, for a reader that hands out rows on demand.
    ZipEntryStream open(const std::string& name, std::uint64_t max_bytes = no_limit) const;

    // SHA-256 (hex) of the archive file's bytes, read again through the descriptor that was
    // opened (so a file renamed or replaced since is not what gets hashed).
    std::string sha256() const;

  private:
    friend class ZipEntryStream;
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace schoolctl::formats
