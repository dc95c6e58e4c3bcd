#include "app/import/row_source.h"
#include "util/error.h"

namespace schoolctl::app {

// Replaced by the XLSX reader.
std::unique_ptr<RowSource> open_xlsx_source(const SourceOptions& options) {
    throw Error(ExitCode::data, options.file + ": XLSX workbooks are not read yet; save it as CSV");
}

}  // namespace schoolctl::app
