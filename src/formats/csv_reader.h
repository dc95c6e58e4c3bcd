#pragma once
// Reads the CSV files schools really have: Excel's "CSV" (Windows-1251, `;`), "CSV UTF-8" (BOM),
// RFC 4180 files from other systems, TAB-separated exports. Fields come out as UTF-8 text;
// what the columns mean is the import layer's business, so a short or long row is not an error
// here.
#include "formats/text_decoder.h"
#include "util/crypto.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::formats {

// No record of a roster file comes near this (an XLSX cell holds at most 32,767 characters); a
// longer one is a file that is not CSV, or a quote left open, and is refused before it can take
// the memory a 1 GB "line" would.
inline constexpr std::size_t max_csv_record_bytes = std::size_t{16} << 20;

struct CsvOptions {
    std::string encoding = "auto"; // auto | utf-8 | cp1251 | windows-1251 (any case)
    std::optional<char> delimiter; // sniffed from the header line when absent
};

struct CsvRecord {
    std::size_t line = 0; // 1-based physical line where the record starts (quoted fields may
                          // span lines, so this is not the record's index)
    std::vector<std::string> fields;
};

struct CsvTable {
    std::string file; // the name errors cite: the path as given, "<stdin>" for "-"
    char delimiter = ';';
    std::string encoding; // "utf-8" or "windows-1251"
    bool bom = false;     // the file began with a UTF-8 BOM (write rejects back the same way)
    std::string sha256;   // of the file's bytes, for the import history
    std::size_t header_line = 0;
    std::vector<std::string> header; // trimmed
    std::vector<CsvRecord> records;  // untrimmed; blank lines and all-empty rows left out
};

// Streams records one at a time, reading the input in large chunks; for files too big to hold.
// Errors: a missing or unreadable file is ExitCode::no_input; a read failure ExitCode::io;
// an empty file, an unterminated quoted field, a record over max_csv_record_bytes or bytes
// invalid in the encoding ExitCode::data, with the file and line.
class CsvReader {
  public:
    // `path` "-" reads standard input. Reads up to and including the header line.
    explicit CsvReader(const std::string& path, const CsvOptions& options = {});

    const std::string& file() const { return file_; }
    char delimiter() const { return delimiter_; }
    // "utf-8" or "windows-1251"; a file that is all ASCII so far reads the same either way and
    // is reported as "utf-8" until a non-ASCII byte decides.
    std::string encoding() const;
    bool bom() const { return decoder_.had_bom(); }
    // SHA-256 (hex) of every byte read; call after next() has returned false.
    std::string sha256() { return hash_.hex_digest(); }
    const CsvRecord& header() const { return header_; }

    // The next non-blank record into `record` (its storage is reused); false at the end.
    bool next(CsvRecord& record);

  private:
    enum class State { record_start, field_start, unquoted, quoted, quote_in_quoted };

    // Closes the file (never stdin) also when the constructor throws.
    struct Input {
        int fd = -1;
        bool owned = false;
        Input() = default;
        Input(const Input&) = delete;
        Input& operator=(const Input&) = delete;
        ~Input();
    };

    bool fill();
    [[noreturn]] void fail_decoding(std::size_t line) const;
    void refuse_oversized(const CsvRecord& record, std::size_t count) const;
    char sniff_delimiter();
    void end_line(char c);
    void count_line_breaks(std::size_t from, std::size_t to);

    std::string file_;
    Input input_;
    bool eof_ = false;
    TextDecoder decoder_;
    crypto::Sha256 hash_;  // of the raw bytes, for the import history
    std::vector<char> raw_;
    std::string text_; // decoded text not yet parsed starts at pos_
    std::size_t pos_ = 0;
    char delimiter_ = ';';
    std::array<bool, 256> stops_{}; // bytes that end an unquoted run: delimiter, CR, LF
    std::size_t line_ = 1;          // physical line at pos_
    bool prev_cr_ = false;          // the last byte consumed was CR (so an LF is not a new line)
    CsvRecord header_;
};

// Reads the whole file: header and records.
CsvTable read_csv(const std::string& path, const CsvOptions& options = {});

} // namespace schoolctl::formats
