#include "app/import/row_source.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "formats/toml_records.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

class CsvSource final : public RowSource {
public:
    explicit CsvSource(const SourceOptions& o) : reader_(o.file, csv_options(o)) {}

    const std::string& file() const override { return reader_.file(); }
    const formats::CsvRecord& header() const override { return reader_.header(); }
    bool next(formats::CsvRecord& record) override { return reader_.next(record); }
    std::string sha256() override { return reader_.sha256(); }
    std::string description() const override {
        char d = reader_.delimiter();
        return "CSV, " + reader_.encoding() + ", delimiter " +
               (d == '\t' ? std::string("TAB") : "'" + std::string(1, d) + "'");
    }

private:
    static formats::CsvOptions csv_options(const SourceOptions& o) {
        formats::CsvOptions options;
        options.encoding = o.encoding;
        options.delimiter = o.delimiter;
        return options;
    }
    formats::CsvReader reader_;
};

class TomlSource final : public RowSource {
public:
    explicit TomlSource(const SourceOptions& o)
        : file_(o.file), read_(formats::read_toml_records(o.file, o.toml_array)),
          array_(o.toml_array) {}

    const std::string& file() const override { return file_; }
    const formats::CsvRecord& header() const override { return read_.header; }
    bool next(formats::CsvRecord& record) override {
        if (next_ == read_.records.size()) {
            return false;
        }
        record = read_.records[next_++];
        return true;
    }
    std::string sha256() override { return read_.sha256; }
    std::string description() const override { return "TOML, [[" + array_ + "]] tables"; }

private:
    std::string file_;
    formats::TomlRecords read_;
    std::string array_;
    std::size_t next_ = 0;
};

enum class Magic { csv_text, zip, ole };

// The first bytes tell a workbook from text: XLSX is a zip ("PK\3\4"); the Excel 97-2003 .xls
// is an OLE compound file.
Magic sniff(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ExitCode::no_input, "cannot open " + path + ": " + std::strerror(errno));
    }
    char bytes[4] = {};
    in.read(bytes, 4);
    if (in.gcount() == 4) {
        if (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return Magic::zip;
        }
        if (static_cast<unsigned char>(bytes[0]) == 0xD0 &&
            static_cast<unsigned char>(bytes[1]) == 0xCF && bytes[2] == 0x11 &&
            static_cast<unsigned char>(bytes[3]) == 0xE0) {
            return Magic::ole;
        }
    }
    return Magic::csv_text;
}

}  // namespace

bool is_toml_source(const SourceOptions& options) {
    const std::string& f = options.file;
    return options.format == SourceFormat::toml ||
           (options.format == SourceFormat::automatic && f.size() > 5 &&
            f.compare(f.size() - 5, 5, ".toml") == 0);
}

std::unique_ptr<RowSource> open_xlsx_source(const SourceOptions& options);  // xlsx_source.cpp

std::unique_ptr<RowSource> open_row_source(const SourceOptions& options) {
    if (options.file == "-") {
        if (options.format == SourceFormat::xlsx) {
            throw Error(ExitCode::usage, "an XLSX workbook cannot be read from standard input; "
                                         "give its path");
        }
        return std::make_unique<CsvSource>(options);
    }
    if (is_toml_source(options)) {
        return std::make_unique<TomlSource>(options);
    }
    Magic magic = sniff(options.file);
    SourceFormat format = options.format;
    if (format == SourceFormat::automatic) {
        format = magic == Magic::csv_text ? SourceFormat::csv : SourceFormat::xlsx;
    }
    if (format == SourceFormat::xlsx) {
        // The XLSX reader tells an old .xls from a password-protected workbook (both OLE files).
        if (magic == Magic::csv_text) {
            throw Error(ExitCode::data, options.file + ": not an XLSX workbook (an .xlsx file "
                                                       "is a zip archive; this one is not)");
        }
        return open_xlsx_source(options);
    }
    if (magic != Magic::csv_text) {
        throw Error(ExitCode::data, options.file + ": is a workbook or an archive, not CSV "
                                                   "text; leave out --format csv");
    }
    if (options.sheet) {
        throw Error(ExitCode::usage, "--sheet applies to XLSX workbooks; " + options.file +
                                         " is CSV");
    }
    return std::make_unique<CsvSource>(options);
}

}  // namespace schoolctl::app
