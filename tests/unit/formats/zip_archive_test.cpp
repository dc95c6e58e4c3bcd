#include "formats/zip_archive.h"
#include "formats/zip_test_support.h"
#include "support/temp_dir.h"
#include "util/crypto.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::looks_like_zip;
using schoolctl::formats::ZipArchive;
using schoolctl::formats::ZipLimits;
using schoolctl::test::TempDir;
using schoolctl::test::write_zip;
using schoolctl::test::ZipPart;

namespace {

// The error opening (and, with `entry`, reading) the archive throws; fails the test when it
// throws nothing.
Error error_for(const std::string& path, const std::string& entry = {},
                const ZipLimits& limits = {}) {
    try {
        const ZipArchive zip(path, limits);
        if (!entry.empty()) {
            zip.read(entry);
        }
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for " << path);
    return Error(ExitCode::ok, "");
}

std::string zeros(std::size_t n) {
    return std::string(n, '\0');
}

} // namespace

TEST_CASE("zip: entries are listed in archive order and read whole or in pieces", "[zip]") {
    TempDir dir;
    const std::string path = dir / "bundle.zip";
    std::string big;
    for (int i = 0; i < 30000; ++i) {
        big += "строка " + std::to_string(i) + "\n"; // over 64 KiB: several pieces
    }
    write_zip(path,
              {{"manifest.csv", "a,b\n"}, {"data/big.txt", big}, {"stored.txt", "as is", true}});

    const ZipArchive zip(path);
    CHECK(zip.file() == path);
    CHECK(zip.names() == std::vector<std::string>{"manifest.csv", "data/big.txt", "stored.txt"});
    CHECK(zip.contains("data/big.txt"));
    CHECK_FALSE(zip.contains("data"));
    CHECK(zip.declared_size("data/big.txt") == big.size());
    CHECK(zip.read("manifest.csv") == "a,b\n");
    CHECK(zip.read("stored.txt") == "as is");
    CHECK(zip.read("data/big.txt") == big);

    std::string joined;
    int pieces = 0;
    zip.read_chunks("data/big.txt", [&](std::string_view chunk) {
        joined.append(chunk);
        ++pieces;
    });
    CHECK(joined == big);
    CHECK(pieces > 1);

    auto stream = zip.open("manifest.csv");
    std::string_view chunk;
    REQUIRE(stream.next(chunk));
    CHECK(chunk == "a,b\n");
    CHECK_FALSE(stream.next(chunk));
    CHECK_FALSE(stream.next(chunk));
}

TEST_CASE("zip: an empty archive has no entries", "[zip]") {
    TempDir dir;
    const std::string path = dir / "empty.zip";
    // libzip writes nothing for an archive without entries; this is the 22-byte empty zip.
    schoolctl::test::set_file_bytes(path, std::string("PK\5\6", 4) + zeros(18));
    CHECK(ZipArchive(path).names().empty());
}

TEST_CASE("zip: looks_like_zip checks the magic bytes, not the name", "[zip]") {
    TempDir dir;
    write_zip(dir / "book.csv", {{"a", "1"}});
    schoolctl::test::set_file_bytes(dir / "table.xlsx", "a;b\n1;2\n");
    schoolctl::test::set_file_bytes(dir / "short", "PK");
    CHECK(looks_like_zip(dir / "book.csv"));
    CHECK_FALSE(looks_like_zip(dir / "table.xlsx"));
    CHECK_FALSE(looks_like_zip(dir / "short"));
    CHECK_FALSE(looks_like_zip(dir / "missing"));
}

TEST_CASE("zip: a missing file or a directory is 'no input'", "[zip]") {
    TempDir dir;
    for (const std::string& path : {(dir / "missing.zip").string(), dir.path().string()}) {
        const Error e = error_for(path);
        CHECK(e.code() == ExitCode::no_input);
        CHECK_THAT(e.what(), Catch::StartsWith("cannot open " + path + ": "));
    }
}

TEST_CASE("zip: a file that is not a zip, or a damaged one, is a data error naming it", "[zip]") {
    TempDir dir;
    const std::string text = dir / "roster.csv";
    schoolctl::test::set_file_bytes(text, "id;name\n1;Ёлкин\n");
    Error e = error_for(text);
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == text + ": not a zip archive");

    const std::string cut = dir / "cut.zip";
    write_zip(cut, {{"a.txt", std::string(5000, 'a')}});
    const std::string bytes = schoolctl::test::file_bytes(cut);
    schoolctl::test::set_file_bytes(cut, bytes.substr(0, bytes.size() - 30));
    e = error_for(cut);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(cut + ": "));
}

TEST_CASE("zip: more entries than the limit are refused when the archive is opened", "[zip]") {
    TempDir dir;
    SECTION("the default limit of 10,000") {
        std::vector<ZipPart> parts;
        for (int i = 0; i <= 10000; ++i) {
            parts.push_back({"e" + std::to_string(i), {}, true});
        }
        write_zip(dir / "many.zip", parts);
        const Error e = error_for(dir / "many.zip");
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(),
                   Catch::EndsWith("many.zip: 10001 entries in the zip archive, more than 10000"));
    }
    SECTION("a lower limit") {
        write_zip(dir / "four.zip", {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}});
        ZipLimits limits;
        limits.max_entries = 4;
        CHECK(ZipArchive(dir / "four.zip", limits).names().size() == 4);
        limits.max_entries = 3;
        CHECK(error_for(dir / "four.zip", {}, limits).code() == ExitCode::data);
    }
}

TEST_CASE("zip: entry names that would leave a directory are refused", "[zip]") {
    auto name = GENERATE(as<std::string>{}, "../evil.txt", "/etc/passwd", "xl/../../evil.xml",
                         "..\\evil.txt", "\\evil.txt", "C:\\evil.txt", "xl/..", "/");
    CAPTURE(name);
    TempDir dir;
    const std::string path = dir / "evil.xlsx";
    write_zip(path, {{"ok.txt", "fine"}, {name, "x"}}); // libzip writes any name it is given
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": "));
    CHECK_THAT(e.what(), Catch::EndsWith(": unsafe entry name (absolute, or with \"..\")"));
    CHECK_THAT(e.what(), Catch::Contains(": " + name + ": "));
}

TEST_CASE("zip: an entry name that appears twice is refused", "[zip]") {
    TempDir dir;
    const std::string path = dir / "twice.zip";
    write_zip(path, {{"xl/workbook.xml", "<a/>"}, {"xl/workbook.xmm", "<b/>"}});
    schoolctl::test::replace_bytes(path, "xl/workbook.xmm", "xl/workbook.xml");
    const Error e = error_for(path);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::Contains("xl/workbook.xml: the entry appears twice"));
}

TEST_CASE("zip: an entry larger than the caller's or the archive's limit is refused", "[zip]") {
    TempDir dir;
    const std::string path = dir / "big.zip";
    write_zip(path, {{"part.xml", std::string(5000, 'x')}});
    const ZipArchive zip(path);
    CHECK(zip.read("part.xml", 5000).size() == 5000);
    try {
        zip.read("part.xml", 4999);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK(std::string(e.what()) ==
              path + ": part.xml: inflates to 5000 bytes, more than the limit of 4999 bytes");
    }
    ZipLimits limits;
    limits.max_entry_bytes = 4 * 1024;
    const Error e = error_for(path, "part.xml", limits);
    CHECK_THAT(e.what(), Catch::EndsWith("more than the limit of 4 KiB"));
}

TEST_CASE("zip: a bomb that admits its size is refused before inflating", "[zip]") {
    TempDir dir;
    const std::string path = dir / "bomb.xlsx";
    write_zip(path, {{"xl/worksheets/sheet1.xml", zeros(std::size_t{20} << 20)},
                     {"small.xml", zeros(std::size_t{512} << 10)}});
    const ZipArchive zip(path);
    // Under a megabyte the ratio is not held against an entry.
    CHECK(zip.read("small.xml").size() == std::size_t{512} << 10);
    std::size_t delivered = 0;
    try {
        zip.read_chunks("xl/worksheets/sheet1.xml",
                        [&](std::string_view chunk) { delivered += chunk.size(); });
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/worksheets/sheet1.xml: compressed "
                                                      "more than 200:1"));
        CHECK_THAT(e.what(), Catch::EndsWith("inflate to 20 MiB): a zip bomb?"));
    }
    CHECK(delivered == 0);
}

TEST_CASE("zip: a bomb that hides its size is caught while inflating", "[zip]") {
    TempDir dir;
    const std::string path = dir / "bomb.xlsx";
    write_zip(path, {{"xl/sharedStrings.xml", zeros(std::size_t{64} << 20)}});
    schoolctl::test::forge_declared_size(path, "xl/sharedStrings.xml", 100000);
    const ZipArchive zip(path);
    CHECK(zip.declared_size("xl/sharedStrings.xml") == 100000);
    std::size_t delivered = 0;
    try {
        zip.read_chunks("xl/sharedStrings.xml",
                        [&](std::string_view chunk) { delivered += chunk.size(); });
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(), Catch::StartsWith(path + ": xl/sharedStrings.xml: "));
    }
    // Stopped within one piece of the size it admitted, not after 64 MiB.
    CHECK(delivered <= 100000);
}

TEST_CASE("zip: a forged size over the limit is refused without inflating", "[zip]") {
    TempDir dir;
    const std::string path = dir / "bomb.xlsx";
    write_zip(path, {{"xl/worksheets/sheet1.xml", zeros(std::size_t{1} << 20)}});
    schoolctl::test::forge_declared_size(path, "xl/worksheets/sheet1.xml", 0xC0000000u);
    const Error e = error_for(path, "xl/worksheets/sheet1.xml");
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::EndsWith("xl/worksheets/sheet1.xml: inflates to 3072 MiB, more "
                                         "than the limit of 256 MiB"));
}

TEST_CASE("zip: all reads from one archive share a budget", "[zip]") {
    TempDir dir;
    const std::string path = dir / "parts.zip";
    write_zip(path, {{"a", std::string(1000, 'a')}, {"b", std::string(1000, 'b')}});
    ZipLimits limits;
    limits.max_total_bytes = 1500;
    const ZipArchive zip(path, limits);
    CHECK(zip.read("a").size() == 1000);
    try {
        zip.read("b");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::data);
        CHECK(std::string(e.what()) ==
              path + ": b: the zip archive inflates to more than 1500 bytes in all");
    }
}

TEST_CASE("zip: damaged entry data is a data error naming the entry", "[zip]") {
    TempDir dir;
    const std::string path = dir / "crc.zip";
    write_zip(path, {{"data.txt", "Ёлкин Пётр, 5А", true}});
    schoolctl::test::replace_bytes(path, "5А", "5Б"); // stored bytes no longer match the CRC
    const Error e = error_for(path, "data.txt");
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::StartsWith(path + ": data.txt: damaged entry"));
}

TEST_CASE("zip: an encrypted entry is refused", "[zip]") {
    TempDir dir;
    const std::string path = dir / "secret.zip";
    write_zip(path, {{"open.csv", "a;b\n"}, {"users.csv", "Ёлкин;Пётр\n", false, "пароль"}});
    const ZipArchive zip(path);
    CHECK(zip.read("open.csv") == "a;b\n");
    const Error e = error_for(path, "users.csv");
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + ": users.csv: the entry is encrypted");
}

TEST_CASE("zip: reading an entry that is not there is a data error", "[zip]") {
    TempDir dir;
    const std::string path = dir / "a.zip";
    write_zip(path, {{"a", "1"}});
    const Error e = error_for(path, "xl/workbook.xml");
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()) == path + ": no entry \"xl/workbook.xml\" in the zip archive");
}

TEST_CASE("zip: the hash covers the file's bytes", "[zip]") {
    TempDir dir;
    const std::string path = dir / "a.zip";
    write_zip(path, {{"a", std::string(3 << 20, 'q')}});
    const ZipArchive zip(path);
    CHECK(zip.sha256() == schoolctl::crypto::sha256_hex(schoolctl::test::file_bytes(path)));
    CHECK(zip.sha256() == zip.sha256());
}
