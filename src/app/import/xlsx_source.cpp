#include "app/import/row_source.h"
#include "formats/xlsx_reader.h"

namespace schoolctl::app {
namespace {

class XlsxSource final : public RowSource {
public:
    explicit XlsxSource(const SourceOptions& o) : reader_(o.file, read_options(o)) {}

    const std::string& file() const override { return reader_.file(); }
    const formats::CsvRecord& header() const override { return reader_.header(); }

    // A sheet drops the empty cells at the end of a row; the rows come out as long as the
    // header, as a CSV file's would.
    bool next(formats::CsvRecord& record) override {
        if (!reader_.next(record)) {
            return false;
        }
        if (record.fields.size() < reader_.header().fields.size()) {
            record.fields.resize(reader_.header().fields.size());
        }
        return true;
    }
    std::string sha256() override { return reader_.sha256(); }
    std::string description() const override { return "XLSX, sheet «" + reader_.sheet() + "»"; }

private:
    static formats::XlsxReadOptions read_options(const SourceOptions& o) {
        formats::XlsxReadOptions options;
        options.sheet = o.sheet;
        return options;
    }
    formats::XlsxReader reader_;
};

}  // namespace

std::unique_ptr<RowSource> open_xlsx_source(const SourceOptions& options) {
    return std::make_unique<XlsxSource>(options);
}

}  // namespace schoolctl::app
