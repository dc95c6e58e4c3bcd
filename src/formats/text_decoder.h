#pragma once
// Turns the bytes of a text file, chunk by chunk, into UTF-8: the files schools have are UTF-8
// (with or without a BOM) or Windows-1251 (Russian Excel's "CSV").
#include <cstddef>
#include <string>
#include <string_view>

namespace schoolctl::formats {

enum class TextEncoding { auto_detect, utf8, cp1251 };

// "auto", "utf-8"/"utf8", "cp1251"/"windows-1251" (any case); throws a usage Error otherwise.
TextEncoding parse_text_encoding(std::string_view name);

// The canonical name: "utf-8" or "windows-1251" ("auto" before detection).
std::string_view encoding_name(TextEncoding e);

// Length of the longest prefix of `bytes` that is well-formed UTF-8 (no overlongs, surrogates
// or code points past U+10FFFF). `truncated` tells whether it stopped at a sequence that is
// valid so far but cut off by the end of `bytes` (the rest may arrive in the next chunk).
std::size_t valid_utf8_prefix(std::string_view bytes, bool& truncated);

// Decodes successive chunks. In auto mode the choice is made at the first non-ASCII text
// (a BOM means UTF-8): if the rest of that chunk is valid UTF-8 the file is UTF-8, otherwise
// Windows-1251. Real Windows-1251 Cyrillic is almost never valid UTF-8 (two lower-case letters
// in a row already are not), so one chunk decides reliably; a later invalid byte in a file taken
// as UTF-8 is reported, not silently re-read as mojibake.
class TextDecoder {
  public:
    explicit TextDecoder(TextEncoding requested) : encoding_(requested) {}

    // Appends the UTF-8 text of `chunk` to `out`. Stops at the first byte that cannot be decoded
    // and returns false; error() then says why. Call finish() after the last chunk.
    bool decode(std::string_view chunk, std::string& out);
    bool finish(std::string& out);

    TextEncoding encoding() const { return encoding_; } // auto_detect until decided
    bool had_bom() const { return bom_; }
    const std::string& error() const { return error_; }

  private:
    bool step(std::string_view bytes, bool at_end, std::string& out);
    // Chooses the encoding in auto mode; false while undecided (the bytes are then handled).
    bool decide(std::string_view bytes, bool at_end, std::string& out);
    bool decode_utf8(std::string_view bytes, bool at_end, std::string& out);
    bool decode_cp1251(std::string_view bytes, std::string& out);

    TextEncoding encoding_;
    bool started_ = false;
    bool bom_ = false;
    bool detected_ = false; // the encoding was guessed, not requested
    std::string carry_;     // an incomplete UTF-8 sequence (or BOM) left from the previous chunk
    std::string error_;
};

} // namespace schoolctl::formats
