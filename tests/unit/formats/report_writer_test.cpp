#include "formats/report_writer.h"
#include "report_test_support.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/resource.h>

using namespace schoolctl::formats;
namespace fs = std::filesystem;
namespace test = schoolctl::test;

namespace {

// Lowers this process's file size limit for the scope; SIGXFSZ is ignored so that write()
// returns EFBIG instead of killing the test.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &old_);
        old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = old_;
        lower.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lower);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, old_handler_);
    }

  private:
    rlimit old_{};
    void (*old_handler_)(int) = nullptr;
};

RenderOptions fixed_options() {
    RenderOptions options;
    options.created = 1795887814;
    return options;
}

} // namespace

TEST_CASE("report format names and extensions", "[formats][report_writer]") {
    auto [name, format, extension] = GENERATE(table<std::string, ReportFormat, std::string>({
        {"xlsx", ReportFormat::xlsx, "xlsx"},
        {"pdf", ReportFormat::pdf, "pdf"},
        {"html", ReportFormat::html, "html"},
        {"csv", ReportFormat::csv, "csv"},
        {"json", ReportFormat::json, "json"},
        {"table", ReportFormat::table, "txt"},
    }));
    CHECK(parse_report_format(name) == format);
    CHECK(file_extension(format) == extension);
}

TEST_CASE("unknown report formats", "[formats][report_writer]") {
    CHECK(!parse_report_format("docx"));
    CHECK(!parse_report_format(""));
    CHECK(!parse_report_format("XLSX"));
}

TEST_CASE("every format to a file: same bytes as to a stream, mode 0600, no leftovers",
          "[formats][report_writer]") {
    const auto format = GENERATE(ReportFormat::pdf, ReportFormat::html, ReportFormat::csv,
                                 ReportFormat::json, ReportFormat::table);
    CAPTURE(file_extension(format));
    test::TempDir dir;
    const auto path = dir / ("report." + std::string(file_extension(format)));
    write_report_file(test::small_document(), format, path, fixed_options());
    std::ostringstream direct;
    write_report(test::small_document(), format, direct, fixed_options());
    CHECK(test::read_file(path) == direct.str());
    CHECK((fs::status(path).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("XLSX to a file and to a stream", "[formats][report_writer]") {
    test::TempDir dir;
    const auto path = dir / "report.xlsx";
    write_report_file(test::small_document(), ReportFormat::xlsx, path, fixed_options());
    const std::string file = test::read_file(path);
    CHECK(file.rfind("PK\x03\x04", 0) == 0);
    CHECK((fs::status(path).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    std::ostringstream direct;
    write_report(test::small_document(), ReportFormat::xlsx, direct, fixed_options());
    CHECK(direct.str() == file); // fixed creation time: the same workbook
}

TEST_CASE("CSV dialect comes from the options", "[formats][report_writer]") {
    auto options = fixed_options();
    options.csv_dialect = CsvDialect::rfc4180;
    std::ostringstream out;
    write_report(test::small_document(), ReportFormat::csv, out, options);
    CHECK(out.str().rfind("Класс,№,", 0) == 0);
}

TEST_CASE("a report into a missing directory is cant_create and leaves nothing",
          "[formats][report_writer]") {
    const auto format = GENERATE(ReportFormat::xlsx, ReportFormat::pdf, ReportFormat::csv);
    test::TempDir dir;
    const auto path = dir / "missing" / "report.out";
    try {
        write_report_file(test::small_document(), format, path, fixed_options());
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::cant_create);
        CHECK(std::string(e.what()).rfind("cannot create " + path.string() + ": ", 0) == 0);
    }
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("a failed render leaves neither the file nor its temporary", "[formats][report_writer]") {
    test::TempDir dir;
    auto options = fixed_options();
    options.font_regular = (dir / "missing.ttf").string();
    const auto path = dir / "report.pdf";
    CHECK_THROWS_AS(write_report_file(test::small_document(), ReportFormat::pdf, path, options),
                    schoolctl::Error);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("a failing output stream is an I/O error", "[formats][report_writer]") {
    std::ofstream full("/dev/full");
    REQUIRE(full.is_open());
    try {
        write_report(test::small_document(), ReportFormat::csv, full, fixed_options());
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::io);
    }
}

TEST_CASE("a failing write is an I/O error and keeps the old file", "[formats][report_writer]") {
    test::TempDir dir;
    const auto path = dir / "report.csv";
    std::ofstream(path) << "old";
    auto doc = test::small_document();
    for (int i = 0; i < 2000; ++i) {
        doc.sections[0].table.rows.push_back(doc.sections[0].table.rows[0]);
    }
    {
        // A file size limit makes write() fail with EFBIG, like a full disk would.
        FileSizeLimit limit(4096);
        try {
            write_report_file(doc, ReportFormat::csv, path, fixed_options());
            FAIL("no error");
        } catch (const schoolctl::Error& e) {
            CHECK(e.code() == schoolctl::ExitCode::io);
            CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
        }
    }
    CHECK(test::read_file(path) == "old");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}
