#include "formats/csv_reader.h"

#include "util/error.h"

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace schoolctl::formats {
namespace {

// Big enough that read(2) and the decoder run at memory speed, small enough to stay in cache.
constexpr std::size_t chunk_size = std::size_t{1} << 20;

std::string errno_text(int err) {
    return std::generic_category().message(err);
}

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

constexpr std::uint64_t ones = 0x0101010101010101ULL;

// Flags (high bit) the bytes of x below n; the lowest flag is always exact (higher ones may be
// false, from a borrow), which is all a search for the first match needs.
std::uint64_t bytes_below(std::uint64_t x, std::uint8_t n) {
    return (x - ones * n) & ~x & (ones * 0x80);
}

// The index of the first byte in [i, n) for which is_stop holds. Every stop byte must be below
// 0x0E (CR, LF, TAB) or equal `extra`: words of eight bytes with neither are skipped whole,
// which is most of the text.
template <class Stop>
std::size_t find_first(const char* p, std::size_t i, std::size_t n, char extra, Stop is_stop) {
    if constexpr (std::endian::native == std::endian::little) {
        const std::uint64_t pattern = ones * static_cast<unsigned char>(extra);
        while (i + 8 <= n) {
            std::uint64_t x;
            std::memcpy(&x, p + i, 8);
            const std::uint64_t m = bytes_below(x, 0x0E) | bytes_below(x ^ pattern, 1);
            if (m == 0) {
                i += 8;
                continue;
            }
            i += static_cast<std::size_t>(std::countr_zero(m)) / 8;
            if (is_stop(p[i])) {
                return i;
            }
            ++i;
        }
    }
    while (i < n && !is_stop(p[i])) {
        ++i;
    }
    return i;
}

// Header cells copied from Excel often carry stray spaces or no-break spaces (U+00A0).
std::string trim(const std::string& s) {
    std::string_view v = s;
    for (bool changed = true; changed;) {
        changed = false;
        if (!v.empty() && is_space(v.front())) {
            v.remove_prefix(1), changed = true;
        } else if (v.starts_with("\xC2\xA0")) {
            v.remove_prefix(2), changed = true;
        }
        if (!v.empty() && is_space(v.back())) {
            v.remove_suffix(1), changed = true;
        } else if (v.ends_with("\xC2\xA0")) {
            v.remove_suffix(2), changed = true;
        }
    }
    return std::string(v);
}

// Excel saves rows that were only formatted as ";;;;": they carry no data, like blank lines.
bool all_fields_blank(const CsvRecord& r, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        for (char c : r.fields[i]) {
            if (!is_space(c)) {
                return false;
            }
        }
    }
    return true;
}

std::string& add_field(CsvRecord& r, std::size_t& count) {
    if (count == r.fields.size()) {
        r.fields.emplace_back();
    } else {
        r.fields[count].clear();
    }
    return r.fields[count++];
}

char checked_delimiter(char d) {
    if (d == '"' || d == '\r' || d == '\n' || d == '\0') {
        throw usage_error("a CSV delimiter cannot be a quote, a line break or NUL");
    }
    return d;
}

} // namespace

CsvReader::CsvReader(const std::string& path, const CsvOptions& options)
    : decoder_(parse_text_encoding(options.encoding)), raw_(chunk_size) {
    if (path == "-") {
        file_ = "<stdin>";
        input_.fd = STDIN_FILENO;
    } else {
        file_ = path;
        input_.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (input_.fd < 0) {
            throw Error(ExitCode::no_input, "cannot open " + path + ": " + errno_text(errno));
        }
        input_.owned = true;
        struct stat st {};
        if (::fstat(input_.fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            throw Error(ExitCode::no_input, "cannot open " + path + ": " + errno_text(EISDIR));
        }
    }
    delimiter_ = options.delimiter ? checked_delimiter(*options.delimiter) : sniff_delimiter();
    stops_[static_cast<unsigned char>(delimiter_)] = true;
    stops_['\r'] = stops_['\n'] = true;
    if (!next(header_)) {
        throw data_error(Location{file_, 0, {}}, "the file is empty (expected a header line)");
    }
    for (std::string& h : header_.fields) {
        h = trim(h);
    }
}

CsvReader::Input::~Input() {
    if (owned) {
        ::close(fd);
    }
}

std::string CsvReader::encoding() const {
    return decoder_.encoding() == TextEncoding::cp1251 ? "windows-1251" : "utf-8";
}

// Decodes more input after the unparsed text; false at the end of input or at a byte the
// encoding cannot decode (the text before that byte is delivered first).
bool CsvReader::fill() {
    text_.erase(0, pos_);
    pos_ = 0;
    const std::size_t before = text_.size();
    while (!eof_ && decoder_.error().empty()) {
        const ssize_t n = ::read(input_.fd, raw_.data(), raw_.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(ExitCode::io, "cannot read " + file_ + ": " + errno_text(errno));
        }
        if (n == 0) {
            eof_ = true;
            decoder_.finish(text_);
        } else {
            std::string_view chunk(raw_.data(), static_cast<std::size_t>(n));
            hash_.update(chunk);
            decoder_.decode(chunk, text_);
        }
        if (text_.size() > before) {
            return true;
        }
    }
    return false;
}

void CsvReader::fail_decoding(std::size_t line) const {
    throw data_error(Location{file_, line, {}}, decoder_.error());
}

// The delimiter that occurs most often outside quotes on the first non-blank line; ties go to
// `;` (Russian Excel), then TAB, then `,`. A one-column file gets `;`.
char CsvReader::sniff_delimiter() {
    constexpr std::array<char, 3> candidates{';', '\t', ','};
    std::array<std::size_t, 3> counts{};
    bool started = false, quoted = false;
    for (std::size_t i = pos_; i - pos_ < max_csv_record_bytes; ++i) {
        if (i == text_.size()) {
            const std::size_t offset = i - pos_;
            if (!fill()) {
                break; // an empty file or a decoding error: the parser reports it
            }
            i = pos_ + offset;
        }
        const char c = text_[i];
        if (!started && (c == '\r' || c == '\n')) {
            continue;
        }
        started = true;
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\r' || c == '\n')) {
            break;
        } else if (!quoted) {
            for (std::size_t k = 0; k < candidates.size(); ++k) {
                counts[k] += c == candidates[k] ? 1u : 0u;
            }
        }
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < candidates.size(); ++k) {
        if (counts[k] > counts[best]) {
            best = k;
        }
    }
    return candidates[best];
}

// CRLF, LF and a lone CR each end one physical line.
void CsvReader::end_line(char c) {
    if (c == '\r') {
        ++line_;
        prev_cr_ = true;
    } else {
        line_ += prev_cr_ ? 0 : 1;
        prev_cr_ = false;
    }
}

void CsvReader::count_line_breaks(std::size_t from, std::size_t to) {
    const auto is_break = [](char c) { return c == '\r' || c == '\n'; };
    for (std::size_t i = from; i < to;) {
        const std::size_t at = find_first(text_.data(), i, to, '\n', is_break);
        if (at > i) {
            prev_cr_ = false;
        }
        if (at == to) {
            return;
        }
        end_line(text_[at]);
        i = at + 1;
    }
}

// Checked each time the buffer runs out inside a record, so a record grows at most one read
// past the limit.
void CsvReader::refuse_oversized(const CsvRecord& record, std::size_t count) const {
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < count; ++i) {
        bytes += record.fields[i].size();
    }
    if (bytes > max_csv_record_bytes) {
        throw data_error(Location{file_, record.line, {}},
                         "a record longer than " + std::to_string(max_csv_record_bytes >> 20) +
                             " MiB: not a CSV file of records, or a quote never closed");
    }
}

bool CsvReader::next(CsvRecord& record) {
    std::size_t count = 0;
    std::string* field = nullptr;
    std::size_t quote_line = 0;
    State state = State::record_start;
    for (;;) {
        if (pos_ == text_.size() && state != State::record_start) {
            refuse_oversized(record, count);
        }
        if (pos_ == text_.size() && !fill()) {
            if (!decoder_.error().empty()) {
                fail_decoding(line_);
            }
            if (state == State::record_start) {
                return false;
            }
            if (state == State::quoted) {
                throw data_error(Location{file_, quote_line, {}}, "unterminated quoted field");
            }
            // The last line had no line break.
            if (all_fields_blank(record, count)) {
                return false;
            }
            record.fields.resize(count);
            return true;
        }
        const char c = text_[pos_];
        switch (state) {
        case State::record_start:
            if (c == '\r' || c == '\n') {
                ++pos_;
                end_line(c); // a blank line, or the LF of the previous record's CRLF
                continue;
            }
            record.line = line_;
            prev_cr_ = false;
            field = &add_field(record, count);
            state = State::field_start;
            continue;
        case State::field_start:
            if (c == '"') {
                ++pos_;
                quote_line = line_;
                state = State::quoted;
                continue;
            }
            state = State::unquoted;
            [[fallthrough]];
        case State::unquoted: {
            const std::size_t end =
                find_first(text_.data(), pos_, text_.size(), delimiter_,
                           [this](char ch) { return stops_[static_cast<unsigned char>(ch)]; });
            field->append(text_.data() + pos_, end - pos_);
            pos_ = end;
            if (pos_ == text_.size()) {
                continue; // the field goes on in the next chunk
            }
            const char stop = text_[pos_++];
            if (stop == delimiter_) {
                field = &add_field(record, count);
                state = State::field_start;
                continue;
            }
            end_line(stop);
            if (all_fields_blank(record, count)) {
                count = 0;
                state = State::record_start;
                continue;
            }
            record.fields.resize(count);
            return true;
        }
        case State::quoted: {
            const auto* quote = static_cast<const char*>(
                std::memchr(text_.data() + pos_, '"', text_.size() - pos_));
            const std::size_t end =
                quote ? static_cast<std::size_t>(quote - text_.data()) : text_.size();
            count_line_breaks(pos_, end);
            field->append(text_.data() + pos_, end - pos_);
            pos_ = end;
            if (quote) {
                ++pos_;
                prev_cr_ = false;
                state = State::quote_in_quoted;
            }
            continue;
        }
        case State::quote_in_quoted:
            if (c == '"') { // "" inside quotes is one quote
                field->push_back('"');
                ++pos_;
                state = State::quoted;
                continue;
            }
            // Text after a closing quote (`"5" А`) is kept as written rather than refused.
            state = State::unquoted;
            continue;
        }
    }
}

CsvTable read_csv(const std::string& path, const CsvOptions& options) {
    CsvReader reader(path, options);
    CsvTable table;
    table.file = reader.file();
    table.delimiter = reader.delimiter();
    table.header_line = reader.header().line;
    table.header = reader.header().fields;
    CsvRecord record;
    record.fields.reserve(table.header.size());
    while (reader.next(record)) {
        table.records.push_back(std::move(record));
        record = CsvRecord{};
        record.fields.reserve(table.header.size()); // one allocation per record, not four
    }
    table.encoding = reader.encoding();
    table.bom = reader.bom();
    table.sha256 = reader.sha256();
    return table;
}

} // namespace schoolctl::formats
