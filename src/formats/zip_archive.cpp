#include "formats/zip_archive.h"

#include "util/crypto.h"
#include "util/error.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <unordered_map>
#include <zip.h>

namespace schoolctl::formats {
namespace {

// Small enough that a refused entry has cost little memory, big enough for zlib to run fast.
constexpr std::size_t chunk_size = std::size_t{64} << 10;
// Entries smaller than this are not held to the ratio: tiny XML parts deflate very well and
// cannot hurt anyway.
constexpr std::uint64_t ratio_grace_bytes = std::uint64_t{1} << 20;

std::string errno_text(int err) {
    return std::generic_category().message(err);
}

std::string bytes_text(std::uint64_t n) {
    constexpr std::uint64_t kib = 1024, mib = kib * 1024;
    if (n >= mib) {
        const std::string whole = std::to_string(n / mib);
        return n % mib == 0 ? whole + " MiB"
                            : whole + "." + std::to_string(n % mib * 10 / mib) + " MiB";
    }
    if (n >= kib && n % kib == 0) {
        return std::to_string(n / kib) + " KiB";
    }
    return std::to_string(n) + " bytes";
}

std::string zip_error_text(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

// Entry names are paths that a careless consumer would join to a directory: refuse those
// that would leave it ("../x", "/etc/x", "C:\x"), with either kind of slash.
bool unsafe_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') {
        return true;
    }
    if (name.size() >= 2 && name[1] == ':') {
        return true;
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/' || name[i] == '\\') {
            if (name.substr(start, i - start) == "..") {
                return true;
            }
            start = i + 1;
        }
    }
    return false;
}

struct Entry {
    zip_uint64_t index = 0;
    std::uint64_t size = 0;      // inflated, as declared
    std::uint64_t comp_size = 0; // as declared, at most the archive's size
    bool encrypted = false;
};

} // namespace

struct ZipArchive::State {
    std::string file;
    ZipLimits limits;
    int fd = -1; // our own descriptor of the opened file, for sha256()
    zip_t* zip = nullptr;
    std::vector<std::string> names;
    std::unordered_map<std::string, Entry> entries;
    mutable std::uint64_t total_read = 0;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        if (zip != nullptr) {
            zip_discard(zip);
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }

    Error error(const std::string& entry, const std::string& message) const {
        return data_error(Location{file, 0, entry}, message);
    }
    const Entry& find(const std::string& name) const {
        const auto it = entries.find(name);
        if (it == entries.end()) {
            throw error({}, "no entry \"" + name + "\" in the zip archive");
        }
        return it->second;
    }
};

struct ZipEntryStream::State {
    const ZipArchive::State* archive = nullptr;
    std::string name;
    zip_file_t* file = nullptr;
    std::uint64_t declared = 0; // at most the limits (checked in open())
    std::uint64_t produced = 0;
    bool done = false;
    std::vector<char> buffer;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        if (file != nullptr) {
            zip_fclose(file);
        }
    }
};

bool looks_like_zip(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    std::array<char, 4> magic{};
    const ssize_t n = ::read(fd, magic.data(), magic.size());
    ::close(fd);
    return n == 4 && std::string_view(magic.data(), 4) == std::string_view("PK\3\4", 4);
}

ZipArchive::ZipArchive(const std::string& path, const ZipLimits& limits)
    : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.file = path;
    s.limits = limits;
    s.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (s.fd < 0) {
        throw Error(ExitCode::no_input, "cannot open " + path + ": " + errno_text(errno));
    }
    struct stat st {};
    if (::fstat(s.fd, &st) != 0) {
        throw Error(ExitCode::io, "cannot read " + path + ": " + errno_text(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        throw Error(ExitCode::no_input, "cannot open " + path + ": " + errno_text(EISDIR));
    }
    // libzip takes over the descriptor it is given; ours stays for hashing.
    const int zip_fd = ::fcntl(s.fd, F_DUPFD_CLOEXEC, 0);
    if (zip_fd < 0) {
        throw Error(ExitCode::io, "cannot read " + path + ": " + errno_text(errno));
    }
    int code = 0;
    s.zip = zip_fdopen(zip_fd, 0, &code);
    if (s.zip == nullptr) {
        ::close(zip_fd);
        switch (code) {
        case ZIP_ER_NOZIP:
            throw s.error({}, "not a zip archive");
        case ZIP_ER_READ:
        case ZIP_ER_SEEK:
        case ZIP_ER_MEMORY:
            throw Error(ExitCode::io, "cannot read " + path + ": " + zip_error_text(code));
        default:
            throw s.error({}, "damaged zip archive (" + zip_error_text(code) + ")");
        }
    }

    const zip_int64_t count = zip_get_num_entries(s.zip, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
        throw s.error({}, std::to_string(count) + " entries in the zip archive, more than " +
                              std::to_string(limits.max_entries));
    }
    const auto archive_size = static_cast<std::uint64_t>(st.st_size);
    s.names.reserve(static_cast<std::size_t>(count));
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        zip_stat_t zs;
        zip_stat_init(&zs);
        if (zip_stat_index(s.zip, i, 0, &zs) != 0 || zs.name == nullptr) {
            throw s.error({}, "damaged zip archive (entry " + std::to_string(i + 1) +
                                  " cannot be read: " + zip_strerror(s.zip) + ")");
        }
        const std::string name = zs.name;
        if (unsafe_name(name)) {
            throw s.error(name, "unsafe entry name (absolute, or with \"..\")");
        }
        Entry e;
        e.index = i;
        e.size = (zs.valid & ZIP_STAT_SIZE) != 0 ? zs.size : 0;
        e.comp_size = std::min((zs.valid & ZIP_STAT_COMP_SIZE) != 0 ? zs.comp_size : archive_size,
                               archive_size);
        e.encrypted =
            (zs.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && zs.encryption_method != ZIP_EM_NONE;
        // Two entries of one name would let a check read one and a consumer the other.
        if (!s.entries.emplace(name, e).second) {
            throw s.error(name, "the entry appears twice in the zip archive");
        }
        s.names.push_back(name);
    }
}

ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

const std::string& ZipArchive::file() const {
    return state_->file;
}

const std::vector<std::string>& ZipArchive::names() const {
    return state_->names;
}

bool ZipArchive::contains(const std::string& name) const {
    return state_->entries.count(name) != 0;
}

std::uint64_t ZipArchive::declared_size(const std::string& name) const {
    const auto it = state_->entries.find(name);
    return it == state_->entries.end() ? 0 : it->second.size;
}

ZipEntryStream ZipArchive::open(const std::string& name, std::uint64_t max_bytes) const {
    const State& s = *state_;
    const Entry& e = s.find(name);
    max_bytes = std::min(max_bytes, s.limits.max_entry_bytes);
    if (e.encrypted) {
        throw s.error(name, "the entry is encrypted");
    }
    // Refuse what the archive admits to before inflating anything; what it hides is caught
    // while inflating (below).
    if (e.size > max_bytes) {
        throw s.error(name, "inflates to " + bytes_text(e.size) + ", more than the limit of " +
                                bytes_text(max_bytes));
    }
    if (e.size > ratio_grace_bytes &&
        e.size / std::max<std::uint64_t>(e.comp_size, 1) > s.limits.max_ratio) {
        throw s.error(name, "compressed more than " + std::to_string(s.limits.max_ratio) + ":1 (" +
                                bytes_text(e.comp_size) + " inflate to " + bytes_text(e.size) +
                                "): a zip bomb?");
    }
    auto st = std::make_unique<ZipEntryStream::State>();
    st->archive = &s;
    st->name = name;
    st->declared = e.size;
    st->file = zip_fopen_index(s.zip, e.index, 0);
    if (st->file == nullptr) {
        throw s.error(name, "cannot be read: " + std::string(zip_strerror(s.zip)));
    }
    st->buffer.resize(chunk_size);
    return ZipEntryStream(std::move(st));
}

std::string ZipArchive::read(const std::string& name, std::uint64_t max_bytes) const {
    ZipEntryStream stream = open(name, max_bytes);
    std::string out;
    out.reserve(static_cast<std::size_t>(declared_size(name))); // bounded by open()
    std::string_view chunk;
    while (stream.next(chunk)) {
        out.append(chunk);
    }
    return out;
}

void ZipArchive::read_chunks(const std::string& name,
                             const std::function<void(std::string_view)>& sink,
                             std::uint64_t max_bytes) const {
    ZipEntryStream stream = open(name, max_bytes);
    std::string_view chunk;
    while (stream.next(chunk)) {
        sink(chunk);
    }
}

std::string ZipArchive::sha256() const {
    crypto::Sha256 hash;
    std::vector<char> buffer(std::size_t{1} << 20);
    for (off_t offset = 0;;) {
        const ssize_t n = ::pread(state_->fd, buffer.data(), buffer.size(), offset);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(ExitCode::io, "cannot read " + state_->file + ": " + errno_text(errno));
        }
        if (n == 0) {
            return hash.hex_digest();
        }
        hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        offset += n;
    }
}

ZipEntryStream::ZipEntryStream(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipEntryStream::ZipEntryStream(ZipEntryStream&&) noexcept = default;
ZipEntryStream& ZipEntryStream::operator=(ZipEntryStream&&) noexcept = default;
ZipEntryStream::~ZipEntryStream() = default;

bool ZipEntryStream::next(std::string_view& chunk) {
    State& s = *state_;
    const ZipArchive::State& a = *s.archive;
    if (s.done) {
        return false;
    }
    const zip_int64_t n = zip_fread(s.file, s.buffer.data(), s.buffer.size());
    if (n < 0) {
        // A CRC mismatch, bad deflate data or a short entry; all are the file's fault.
        throw a.error(s.name, "damaged entry (" +
                                  std::string(zip_error_strerror(zip_file_get_error(s.file))) +
                                  ")");
    }
    if (n == 0) {
        s.done = true;
        if (s.produced != s.declared) {
            throw a.error(s.name, "damaged entry (inflates to " + bytes_text(s.produced) +
                                      ", declared " + bytes_text(s.declared) + ")");
        }
        return false;
    }
    const auto got = static_cast<std::uint64_t>(n);
    s.produced += got;
    a.total_read += got;
    // The declared size passed the limits in open(), so an entry that inflates past it is
    // lying about its size: stop at once rather than trust the rest.
    if (s.produced > s.declared) {
        throw a.error(s.name, "inflates past its declared size of " + bytes_text(s.declared) +
                                  ": a zip bomb?");
    }
    if (a.total_read > a.limits.max_total_bytes) {
        throw a.error(s.name, "the zip archive inflates to more than " +
                                  bytes_text(a.limits.max_total_bytes) + " in all");
    }
    chunk = std::string_view(s.buffer.data(), static_cast<std::size_t>(got));
    return true;
}

} // namespace schoolctl::formats
