#pragma once
// Zip files made inside a test with libzip's write API: small workbooks written part by part,
// and the hostile archives the readers must refuse (forged sizes, duplicate and unsafe names).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <zip.h>

namespace schoolctl::test {

struct ZipPart {
    std::string name;
    std::string data;
    bool store = false;        // no compression
    std::string password = {}; // AES-256 encryption when not empty
};

inline void write_zip(const std::filesystem::path& path, const std::vector<ZipPart>& parts) {
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (z == nullptr) {
        throw std::runtime_error("zip_open failed");
    }
    for (const ZipPart& p : parts) {
        zip_source_t* source = zip_source_buffer(z, p.data.data(), p.data.size(), 0);
        const zip_int64_t index =
            source == nullptr ? -1 : zip_file_add(z, p.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            zip_discard(z);
            throw std::runtime_error("zip_file_add failed for " + p.name);
        }
        zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                                 p.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
        if (!p.password.empty() &&
            zip_file_set_encryption(z, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256,
                                    p.password.c_str()) != 0) {
            zip_discard(z);
            throw std::runtime_error("zip_file_set_encryption failed for " + p.name);
        }
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        throw std::runtime_error("zip_close failed");
    }
}

inline std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void set_file_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline void put_u32(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (std::size_t i = 0; i < 4; ++i) {
        bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    }
}

inline std::size_t get_u16(const std::string& bytes, std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
}

// Rewrites the inflated size that the local header and the central directory declare for
// `entry`: the forged archive a zip bomb is, whose data inflates far past what it admits.
inline void forge_declared_size(const std::filesystem::path& path, std::string_view entry,
                                std::uint32_t size) {
    std::string bytes = file_bytes(path);
    for (std::size_t at = 0; (at = bytes.find("PK", at)) != std::string::npos; ++at) {
        if (bytes.compare(at, 4, "PK\3\4") == 0 && at + 30 <= bytes.size() &&
            std::string_view(bytes).substr(at + 30, get_u16(bytes, at + 26)) == entry) {
            put_u32(bytes, at + 22, size);
        } else if (bytes.compare(at, 4, "PK\1\2") == 0 && at + 46 <= bytes.size() &&
                   std::string_view(bytes).substr(at + 46, get_u16(bytes, at + 28)) == entry) {
            put_u32(bytes, at + 24, size);
        }
    }
    set_file_bytes(path, bytes);
}

// Replaces every occurrence of `from` in the file by `to` (same length): renames entries in
// ways libzip's writer would refuse ("b" -> "a" for a duplicate).
inline void replace_bytes(const std::filesystem::path& path, std::string_view from,
                          std::string_view to) {
    std::string bytes = file_bytes(path);
    for (std::size_t at = 0; (at = bytes.find(from, at)) != std::string::npos; at += to.size()) {
        bytes.replace(at, from.size(), to);
    }
    set_file_bytes(path, bytes);
}

} // namespace schoolctl::test
