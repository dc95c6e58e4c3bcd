#include "formats/csv_reader.h"
#include "util/error.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::CsvOptions;
using schoolctl::formats::CsvReader;
using schoolctl::formats::CsvTable;
using schoolctl::formats::max_csv_record_bytes;
using schoolctl::formats::read_csv;

namespace {

// A file with exactly these bytes, removed at the end of the test.
class TempFile {
  public:
    explicit TempFile(const std::string& bytes) {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("schoolctl-csv-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                 ".csv");
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    ~TempFile() { std::filesystem::remove(path_); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    std::string path() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

CsvTable read_bytes(const std::string& bytes, const CsvOptions& options = {}) {
    TempFile f(bytes);
    return read_csv(f.path(), options);
}

// The error read_csv throws for these bytes; fails the test when it throws nothing.
Error error_for(const std::string& bytes, const CsvOptions& options = {}) {
    TempFile f(bytes);
    try {
        read_csv(f.path(), options);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for this input");
    return Error(ExitCode::ok, "");
}

std::string sample(const std::string& relative) {
    return std::string(SCHOOLCTL_SOURCE_DIR) + "/" + relative;
}

// «Фамилия;Имя» / «Ёлкин;Пётр» in Windows-1251, typed byte by byte (not made by iconv, which
// the reader itself uses).
const std::string cp1251_header = "\xD4\xE0\xEC\xE8\xEB\xE8\xFF;\xC8\xEC\xFF";
const std::string cp1251_row = "\xA8\xEB\xEA\xE8\xED;\xCF\xB8\xF2\xF0";

} // namespace

TEST_CASE("csv: the delimiter is sniffed from the header line, outside quotes") {
    auto [text, expected] = GENERATE(table<std::string, char>({
        {"a;b;c\r\n1;2;3\r\n", ';'},
        {"a,b,c\n1,2,3\n", ','},
        {"a\tb\tc\n1\t2\t3\n", '\t'},
        {"\"x;y;z\",b,c\n1,2,3\n", ','}, // the `;` inside quotes do not count
        {"a;b,c;d\n1;2,3;4\n", ';'},     // the more frequent one wins
        {"\n\r\na,b\n1,2\n", ','},       // leading blank lines are not the header
        {"Фамилия;Имя\n", ';'},
        {"one\n1\n", ';'}, // no delimiter at all: Excel's `;`
    }));
    CAPTURE(text);
    const CsvTable t = read_bytes(text);
    CHECK(t.delimiter == expected);
}

TEST_CASE("csv: a delimiter given in the options wins over sniffing") {
    CsvOptions options;
    options.delimiter = ',';
    const CsvTable t = read_bytes("a;b,c\n1;2,3\n", options);
    CHECK(t.delimiter == ',');
    CHECK(t.header == std::vector<std::string>{"a;b", "c"});
    CHECK(t.records.at(0).fields == std::vector<std::string>{"1;2", "3"});
}

TEST_CASE("csv: a UTF-8 BOM is stripped and remembered") {
    auto [bytes, bom] = GENERATE(table<std::string, bool>({
        {"\xEF\xBB\xBF\xD0\x98\xD0\xBC\xD1\x8F;b\r\n1;2\r\n", true},
        {"\xD0\x98\xD0\xBC\xD1\x8F;b\r\n1;2\r\n", false},
    }));
    const CsvTable t = read_bytes(bytes);
    CHECK(t.header == std::vector<std::string>{"Имя", "b"});
    CHECK(t.encoding == "utf-8");
    CHECK(t.bom == bom);
}

TEST_CASE("csv: Windows-1251 is detected and decoded to UTF-8") {
    const CsvTable t = read_bytes(cp1251_header + "\r\n" + cp1251_row + "\r\n");
    CHECK(t.encoding == "windows-1251");
    CHECK_FALSE(t.bom);
    CHECK(t.header == std::vector<std::string>{"Фамилия", "Имя"});
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].fields == std::vector<std::string>{"Ёлкин", "Пётр"});
}

TEST_CASE("csv: the encoding option overrides detection") {
    auto [name, expected] = GENERATE(table<std::string, std::string>({
        {"cp1251", "windows-1251"},
        {"Windows-1251", "windows-1251"},
        {"auto", "utf-8"},
        {"UTF-8", "utf-8"},
    }));
    CsvOptions options;
    options.encoding = name;
    // «Ём» in UTF-8, which Windows-1251 reads as four other letters.
    const CsvTable t = read_bytes("h\n\xD0\x81\xD0\xBC\n", options);
    CHECK(t.encoding == expected);
    CHECK((t.records.at(0).fields[0] == "Ём") == (expected == "utf-8"));
}

TEST_CASE("csv: bytes that are not UTF-8 in a UTF-8 file are a data error at their line") {
    SECTION("utf-8 was requested") {
        CsvOptions options;
        options.encoding = "utf-8";
        const Error e = error_for("a;b\r\n1;2\r\n" + cp1251_row + "\r\n", options);
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(), Catch::Contains(".csv:3: byte 0xA8 is not valid UTF-8"));
    }
    SECTION("detection saw over a megabyte of UTF-8 first") {
        std::string text = "Имя;b\n";
        for (int i = 0; i < 60000; ++i) {
            text += "Семёнов;" + std::to_string(i) + "\n";
        }
        text += "\"x\n" + cp1251_row + "\"\n";
        const Error e = error_for(text);
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(), Catch::Contains(".csv:60003: byte 0xA8 is not valid UTF-8"));
    }
}

TEST_CASE("csv: a small file that is not all valid UTF-8 is Windows-1251") {
    // Detection looks at the first megabyte with non-ASCII text, which here is all of it.
    const CsvTable t = read_bytes("\xD0\x81;b\n" + cp1251_row + "\n"); // UTF-8 «Ё», then not
    CHECK(t.encoding == "windows-1251");
    CHECK(t.header.at(0) == "РЃ");
    CHECK(t.records.at(0).fields == std::vector<std::string>{"Ёлкин", "Пётр"});
}

TEST_CASE("csv: an unknown encoding name is a usage error") {
    CsvOptions options;
    options.encoding = "koi8-r";
    CHECK(error_for("a\n", options).code() == ExitCode::usage);
}

TEST_CASE("csv: RFC 4180 quoting") {
    auto [text, expected] = GENERATE(table<std::string, std::vector<std::string>>({
        {"h\n\"a;b\";c\n", {"a;b", "c"}},
        {"h\n\"say \"\"hi\"\"\";x\n", {"say \"hi\"", "x"}},
        {"h\n\"\";\"\"\"\"\n", {"", "\""}},
        {"h\n5 \"А\";x\n", {"5 \"А\"", "x"}}, // a quote inside an unquoted field is text
        {"h\n\"5\" А;x\n", {"5 А", "x"}},     // text after a closing quote is kept
        {"h\na;;c;\n", {"a", "", "c", ""}},
        {"h\na;b", {"a", "b"}}, // no line break at the end
        {"h\n\"a\"", {"a"}},
    }));
    CAPTURE(text);
    const CsvTable t = read_bytes(text);
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].fields == expected);
}

TEST_CASE("csv: records know the physical line they start on") {
    auto [eol, name] = GENERATE(table<std::string, std::string>({
        {"\r\n", "CRLF"},
        {"\n", "LF"},
        {"\r", "CR"},
    }));
    CAPTURE(name);
    const std::string text = "h1;h2" + eol + "\"multi" + eol + "line\";x" + eol + eol + "next;y" +
                             eol + "\"a" + eol + eol + "b\";z" + eol + "last;w";
    const CsvTable t = read_bytes(text);
    CHECK(t.header_line == 1);
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[0].line == 2);
    CHECK(t.records[0].fields[0] == "multi" + eol + "line");
    CHECK(t.records[1].line == 5); // line 4 is blank
    CHECK(t.records[1].fields == std::vector<std::string>{"next", "y"});
    CHECK(t.records[2].line == 6);
    CHECK(t.records[2].fields[0] == "a" + eol + eol + "b");
    CHECK(t.records[3].line == 9);
}

TEST_CASE("csv: blank lines and rows of empty fields are skipped") {
    const CsvTable t = read_bytes("\r\na;b;c\r\n\r\n;;\r\n1;2;3\r\n \t; ;\r\n\r\n");
    CHECK(t.header_line == 2);
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].line == 5);
}

TEST_CASE("csv: a row with another number of fields is not the reader's business") {
    const CsvTable t = read_bytes("a;b;c\n1;2\n1;2;3;4\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields.size() == 2);
    CHECK(t.records[1].fields.size() == 4);
}

TEST_CASE("csv: header fields are trimmed, data fields are not") {
    const CsvTable t = read_bytes(" Фамилия ;\tИмя\xC2\xA0\n Иванов ;Иван\n");
    CHECK(t.header == std::vector<std::string>{"Фамилия", "Имя"});
    CHECK(t.records.at(0).fields[0] == " Иванов ");
}

TEST_CASE("csv: an unterminated quoted field is a data error at the line it opens") {
    const Error e = error_for("h1;h2\r\nok;1\r\nx;\"broken\r\nmore\r\n");
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::EndsWith(".csv:3: unterminated quoted field"));
}

TEST_CASE("csv: a record over the size limit is refused at its line, header or not") {
    const std::string huge(max_csv_record_bytes + (std::size_t{2} << 20), 'a');
    SECTION("a line with no end") {
        const Error e = error_for("h1;h2\r\nok;1\r\nx;" + huge);
        CHECK(e.code() == ExitCode::data);
        CHECK_THAT(e.what(), Catch::Contains(".csv:3: a record longer than 16 MiB"));
    }
    SECTION("a quote never closed, over many lines") {
        std::string lines;
        while (lines.size() <= max_csv_record_bytes) {
            lines += "Иванов Иван Иванович\r\n";
        }
        const Error e = error_for("h1;h2\r\nx;\"" + lines);
        CHECK_THAT(e.what(), Catch::Contains(".csv:2: a record longer than 16 MiB"));
    }
    SECTION("the header itself") {
        const Error e = error_for(huge + "\r\n");
        CHECK_THAT(e.what(), Catch::Contains(".csv:1: a record longer than 16 MiB"));
    }
}

TEST_CASE("csv: an empty file is a data error") {
    auto bytes = GENERATE(as<std::string>{}, "", "\xEF\xBB\xBF", "\r\n\r\n", ";;\n");
    const Error e = error_for(bytes);
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::EndsWith(".csv: the file is empty (expected a header line)"));
}

TEST_CASE("csv: a missing file or a directory is 'no input'") {
    const std::string missing = (std::filesystem::temp_directory_path() / "no-such-file.csv");
    for (const std::string& path : {missing, std::filesystem::temp_directory_path().string()}) {
        try {
            read_csv(path);
            FAIL("no error for " << path);
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::no_input);
            CHECK_THAT(e.what(), Catch::StartsWith("cannot open " + path + ": "));
        }
    }
}

TEST_CASE("csv: \"-\" reads standard input") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const std::string text = "a;b\n1;2\n";
    REQUIRE(::write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    ::close(fds[1]);
    const int saved = ::dup(STDIN_FILENO);
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    CsvTable t;
    try {
        t = read_csv("-");
    } catch (...) {
        ::dup2(saved, STDIN_FILENO);
        throw;
    }
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    CHECK(t.file == "<stdin>");
    CHECK(t.records.at(0).fields == std::vector<std::string>{"1", "2"});
}

TEST_CASE("csv: records, characters and quoted fields that cross the read chunks") {
    // Over 1 MiB, so the reader's chunk boundaries fall inside letters and quoted fields.
    auto encoding = GENERATE(as<std::string>{}, "utf-8", "windows-1251");
    struct Spelling {
        std::string header, name, note;
    };
    // The same text in each encoding; the note is a quoted field with a line break inside.
    const Spelling s =
        encoding == "utf-8"
            ? Spelling{"Имя;Заметка;№", "Семёнов Пётр", "две\r\n;\"\"строки\"\""}
            : Spelling{cp1251_header + ";\xB9", "\xD1\xE5\xEC\xB8\xED\xEE\xE2 \xCF\xB8\xF2\xF0",
                       "\xE4\xE2\xE5\r\n;\"\"\xF1\xF2\xF0\xEE\xEA\xE8\"\""};
    const std::size_t rows = 40000;
    std::string text = s.header + "\r\n";
    for (std::size_t i = 0; i < rows; ++i) {
        text += s.name + ";\"" + s.note + "\";" + std::to_string(i) + "\r\n";
    }
    REQUIRE(text.size() > (std::size_t{1} << 20) + 1000);
    const CsvTable t = read_bytes(text);
    CHECK(t.encoding == encoding);
    REQUIRE(t.records.size() == rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto& r = t.records[i];
        REQUIRE(r.line == 2 + 2 * i);
        REQUIRE(r.fields ==
                std::vector<std::string>{"Семёнов Пётр", "две\r\n;\"строки\"", std::to_string(i)});
    }
}

TEST_CASE("csv: the streaming reader reuses the record it is given") {
    TempFile f("a;b\n1;2;3\n4\n");
    CsvReader reader(f.path());
    CHECK(reader.header().fields == std::vector<std::string>{"a", "b"});
    schoolctl::formats::CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.fields.size() == 3);
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"4"});
    CHECK(r.line == 3);
    CHECK_FALSE(reader.next(r));
}

TEST_CASE("csv: the sample school reads as Excel wrote it") {
    const CsvTable t = read_csv(sample("samples/students.csv"));
    CHECK(t.encoding == "utf-8");
    CHECK(t.bom);
    CHECK(t.delimiter == ';');
    CHECK(t.header == std::vector<std::string>{"Идентификатор", "Фамилия", "Имя", "Отчество",
                                               "Дата рождения", "Класс"});
    CHECK(t.records.size() == 100);
    for (const auto& r : t.records) {
        REQUIRE(r.fields.size() == 6);
    }

    const CsvTable cp = read_csv(sample("tests/data/students-cp1251.csv"));
    CHECK(cp.encoding == "windows-1251");
    CHECK_FALSE(cp.bom);
    CHECK(cp.header == t.header);
    REQUIRE(cp.records.size() == 10);
    for (std::size_t i = 0; i < cp.records.size(); ++i) {
        CHECK(cp.records[i].fields == t.records[i].fields);
        CHECK(cp.records[i].line == t.records[i].line);
    }
}
