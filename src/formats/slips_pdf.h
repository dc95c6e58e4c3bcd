#pragma once
// Credential slips to cut out and hand over: A4 portrait, eight slips a page (2 × 4) between
// dashed cut lines, each class or family from a new page. The PDF holds live activation codes,
// so callers write it through AtomicFile (mode 0600), never straight to a shared path.
#include <ctime>
#include <ostream>
#include <string>
#include <vector>

namespace schoolctl::formats {

struct CredentialSlip {
    std::string person_name; // «Ёлкин Пётр Иванович»
    std::string detail; // «ученик, 5А», «родитель: Ёлкин Пётр (5А)»; may be empty
    std::string login;   // ascii, e.g. yelkin.petr
    std::string code;    // one-time activation code, e.g. ABCD-EFGH-JKMN-PQRS
    std::string expires; // already formatted, DD.MM.YYYY
};

// A class or a family: each group starts on a new page under its heading.
struct SlipGroup {
    std::string heading; // «5А», «Семья Ёлкиных»; repeated at the top of each of its pages
    std::vector<CredentialSlip> slips;
};

struct SlipsOptions {
    std::string school_name;  // printed on every slip
    std::string login_url;    // printed on every slip; empty leaves the line out
    std::string font_regular; // TrueType files; DejaVu Sans loses Ё in libharu 2.3.0
    std::string font_bold;
    std::time_t created = 0; // CreationDate in the PDF info, for reproducible output
};

// Empty groups are skipped; with no slips at all the PDF is one page saying so. Text too long
// for a slip is shrunk, wrapped and at worst cut with «…», never drawn outside the slip.
void write_slips_pdf(const std::vector<SlipGroup>& groups, const SlipsOptions& options,
                     std::ostream& out);

} // namespace schoolctl::formats
