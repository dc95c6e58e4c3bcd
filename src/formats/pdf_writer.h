#pragma once
// A report as a PDF to print: A4, embedded Liberation Sans (Cyrillic with Ё), each section from a
// new page, ruled tables whose header repeats after a page break, «стр. N из M» in the footer.
#include "report/document.h"

#include <ctime>
#include <ostream>
#include <string>

namespace schoolctl::formats {

struct PdfOptions {
    std::string font_regular; // TrueType files; DejaVu Sans loses Ё in libharu 2.3.0
    std::string font_bold;
    std::time_t created = 0; // CreationDate in the PDF info
};

void write_pdf(const report::Document& doc, std::ostream& out, const PdfOptions& options);

} // namespace schoolctl::formats
