#pragma once
// Listing commands print a report document, so table, CSV and JSON come from the same writers
// as the reports.
#include <string>

#include "report/document.h"

namespace schoolctl::cli {

class Context;

void print_document(Context& ctx, const report::Document& doc, const std::string& format);

}  // namespace schoolctl::cli
