#include "formats/text_decoder.h"

#include "util/error.h"

#include <array>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iconv.h>

namespace schoolctl::formats {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
    return buf;
}

// The upper half of Windows-1251 in UTF-8, taken once from glibc iconv (so the mapping is the
// system's, not a hand-typed table). len 0 marks the one undefined byte, 0x98.
struct Cp1251Table {
    std::array<std::array<char, 4>, 128> utf8{};
    std::array<unsigned char, 128> len{};
};

Cp1251Table build_cp1251_table() {
    iconv_t cd = iconv_open("UTF-8", "CP1251");
    if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        throw Error(ExitCode::failure,
                    std::string("Windows-1251 decoding is unavailable: iconv: ") +
                        std::strerror(errno));
    }
    Cp1251Table t;
    for (std::size_t i = 0; i < 128; ++i) {
        char in = static_cast<char>(0x80 + i);
        char* inp = &in;
        std::size_t in_left = 1;
        char* outp = t.utf8[i].data();
        std::size_t out_left = t.utf8[i].size();
        iconv(cd, nullptr, nullptr, nullptr, nullptr); // reset after a failed byte
        if (iconv(cd, &inp, &in_left, &outp, &out_left) != static_cast<std::size_t>(-1)) {
            t.len[i] = static_cast<unsigned char>(t.utf8[i].size() - out_left);
        }
    }
    iconv_close(cd);
    return t;
}

const Cp1251Table& cp1251_table() {
    static const Cp1251Table table = build_cp1251_table();
    return table;
}

} // namespace

TextEncoding parse_text_encoding(std::string_view name) {
    std::string n = lower_ascii(name);
    if (n == "auto") {
        return TextEncoding::auto_detect;
    }
    if (n == "utf-8" || n == "utf8") {
        return TextEncoding::utf8;
    }
    if (n == "cp1251" || n == "windows-1251") {
        return TextEncoding::cp1251;
    }
    throw usage_error("unknown encoding \"" + std::string(name) +
                      "\" (expected auto, utf-8, cp1251 or windows-1251)");
}

std::string_view encoding_name(TextEncoding e) {
    switch (e) {
    case TextEncoding::utf8:
        return "utf-8";
    case TextEncoding::cp1251:
        return "windows-1251";
    case TextEncoding::auto_detect:
        break;
    }
    return "auto";
}

std::size_t valid_utf8_prefix(std::string_view bytes, bool& truncated) {
    truncated = false;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned c = p[i];
        if (c < 0x80) {
            // Skip ASCII eight bytes at a time, up to the next non-ASCII byte.
            std::uint64_t word;
            if (std::endian::native == std::endian::little && i + 8 <= n) {
                std::memcpy(&word, p + i, 8);
                const std::uint64_t high = word & 0x8080808080808080ULL;
                i += high == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(high)) / 8;
            } else {
                ++i;
            }
            continue;
        }
        // Two-byte sequences (all of Cyrillic) take the short way.
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
            if ((p[i + 1] & 0xC0u) != 0x80u) {
                return i;
            }
            i += 2;
            continue;
        }
        // Well-formed sequences, Unicode table 3-7: the second byte's range depends on the lead.
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c == 0xE0) {
            len = 3, lo = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            len = 3;
        } else if (c == 0xED) {
            len = 3, hi = 0x9F;
        } else if (c == 0xF0) {
            len = 4, lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            len = 4;
        } else if (c == 0xF4) {
            len = 4, hi = 0x8F;
        } else {
            return i;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if (i + k == n) {
                truncated = true;
                return i;
            }
            const unsigned b = p[i + k];
            if (b < (k == 1 ? lo : 0x80u) || b > (k == 1 ? hi : 0xBFu)) {
                return i;
            }
        }
        i += len;
    }
    return n;
}

bool TextDecoder::decode(std::string_view chunk, std::string& out) {
    if (!error_.empty()) {
        return false;
    }
    if (carry_.empty()) {
        return step(chunk, false, out);
    }
    std::string joined = std::move(carry_);
    carry_.clear();
    joined.append(chunk);
    return step(joined, false, out);
}

bool TextDecoder::finish(std::string& out) {
    if (!error_.empty()) {
        return false;
    }
    std::string rest = std::move(carry_);
    carry_.clear();
    return step(rest, true, out);
}

bool TextDecoder::step(std::string_view bytes, bool at_end, std::string& out) {
    if (!started_ && encoding_ != TextEncoding::cp1251) {
        // A pipe may hand over the BOM in pieces.
        if (!at_end && bytes.size() < utf8_bom.size() && utf8_bom.starts_with(bytes)) {
            carry_.assign(bytes);
            return true;
        }
        if (bytes.starts_with(utf8_bom)) {
            bom_ = true;
            encoding_ = TextEncoding::utf8;
            bytes.remove_prefix(utf8_bom.size());
        }
    }
    started_ = true;
    if (encoding_ == TextEncoding::auto_detect && !decide(bytes, at_end, out)) {
        return true; // still only ASCII (emitted) or a cut-off sequence (carried)
    }
    return encoding_ == TextEncoding::utf8 ? decode_utf8(bytes, at_end, out)
                                           : decode_cp1251(bytes, out);
}

bool TextDecoder::decide(std::string_view bytes, bool at_end, std::string& out) {
    std::size_t first = 0;
    while (first < bytes.size() && static_cast<unsigned char>(bytes[first]) < 0x80) {
        ++first;
    }
    if (first == bytes.size()) {
        out.append(bytes);
        return false;
    }
    bool truncated = false;
    const std::size_t valid = valid_utf8_prefix(bytes.substr(first), truncated);
    if (first + valid == bytes.size() || (truncated && valid > 0)) {
        encoding_ = TextEncoding::utf8;
    } else if (truncated && !at_end) {
        out.append(bytes.substr(0, first));
        carry_.assign(bytes.substr(first));
        return false;
    } else {
        encoding_ = TextEncoding::cp1251;
    }
    detected_ = true;
    return true;
}

bool TextDecoder::decode_utf8(std::string_view bytes, bool at_end, std::string& out) {
    bool truncated = false;
    const std::size_t valid = valid_utf8_prefix(bytes, truncated);
    out.append(bytes.substr(0, valid));
    if (valid == bytes.size()) {
        return true;
    }
    if (truncated && !at_end) {
        carry_.assign(bytes.substr(valid));
        return true;
    }
    if (truncated) {
        error_ = "the file ends in the middle of a UTF-8 character";
    } else {
        error_ =
            "byte " + hex_byte(static_cast<unsigned char>(bytes[valid])) + " is not valid UTF-8";
    }
    error_ += detected_ ? ", though the text before it was (mixed encodings?)"
                        : " (is the file in Windows-1251?)";
    return false;
}

bool TextDecoder::decode_cp1251(std::string_view bytes, std::string& out) {
    const Cp1251Table& table = cp1251_table();
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t ascii_end = i;
        while (ascii_end < bytes.size() && static_cast<unsigned char>(bytes[ascii_end]) < 0x80) {
            ++ascii_end;
        }
        out.append(bytes.substr(i, ascii_end - i));
        if (ascii_end == bytes.size()) {
            break;
        }
        const auto b = static_cast<unsigned char>(bytes[ascii_end]);
        const std::size_t k = b - 0x80u;
        if (table.len[k] == 0) {
            error_ = "byte " + hex_byte(b) + " is not a Windows-1251 character";
            if (detected_) {
                error_ += " (and the file is not valid UTF-8 either)";
            }
            return false;
        }
        out.append(table.utf8[k].data(), table.len[k]);
        i = ascii_end + 1;
    }
    return true;
}

} // namespace schoolctl::formats
