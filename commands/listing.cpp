#include "commands/listing.h"

#include "commands/context.h"
#include "formats/report_writer.h"
#include "util/error.h"

namespace schoolctl::cli {

void print_document(Context& ctx, const report::Document& doc, const std::string& format) {
    auto parsed = formats::parse_report_format(format);
    if (!parsed) {
        throw Error(ExitCode::usage, "unknown --format \"" + format + "\"");
    }
    formats::RenderOptions options;
    // Listings are for machines when not table: plain RFC 4180 CSV.
    options.csv_dialect = formats::CsvDialect::rfc4180;
    formats::write_report(doc, *parsed, ctx.out(), options);
}

}  // namespace schoolctl::cli
