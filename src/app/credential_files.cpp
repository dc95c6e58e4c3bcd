#include "app/credential_files.h"

#include <sstream>

#include "formats/csv_writer.h"
#include "report/listing.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// The mail-merge table, in slip order.
report::Document credentials_table(const std::vector<CredentialSheet>& sheets,
                                   const std::string& login_url) {
    report::Document doc = report::listing(
        "credentials", "Credentials",
        {{"group", 16}, {"last_name", 16}, {"first_name", 12}, {"middle_name", 16},
         {"detail", 24}, {"login", 18}, {"activation_code", 20}, {"valid_until", 10},
         {"login_url", 24}, {"email", 24}});
    for (const auto& sheet : sheets) {
        for (const auto& c : sheet.credentials) {
            report::listing_rows(doc).push_back({sheet.heading, c.name.last, c.name.first,
                                                 c.name.middle, c.slip.detail, c.slip.login,
                                                 c.slip.code, c.slip.expires, login_url,
                                                 c.email});
        }
    }
    return doc;
}

void refuse_stdout(const std::optional<std::filesystem::path>& path, const char* option) {
    if (path && *path == "-") {
        throw Error(ExitCode::usage, std::string(option) +
                                         " -: activation codes are written to a file only "
                                         "(mode 0600), never to standard output");
    }
}

}  // namespace

CredentialFiles::CredentialFiles(Session& s, const std::vector<CredentialSheet>& sheets,
                                 const std::optional<std::filesystem::path>& slips_pdf,
                                 const std::optional<std::filesystem::path>& csv,
                                 std::time_t now) {
    refuse_stdout(slips_pdf, "--out");
    refuse_stdout(csv, "--csv");
    if (slips_pdf) {
        std::vector<formats::SlipGroup> groups;
        for (const auto& sheet : sheets) {
            formats::SlipGroup group{sheet.heading, {}};
            for (const auto& c : sheet.credentials) {
                group.slips.push_back(c.slip);
            }
            groups.push_back(std::move(group));
        }
        std::ostringstream pdf;
        formats::write_slips_pdf(groups,
                                 {s.school_name(), s.settings().login_url,
                                  s.settings().font_regular, s.settings().font_bold, now},
                                 pdf);
        files_.push_back(std::make_unique<AtomicFile>(*slips_pdf));
        files_.back()->write(pdf.str());
    }
    if (csv) {
        std::ostringstream out;
        formats::write_csv(credentials_table(sheets, s.settings().login_url), out,
                           s.settings().csv_dialect == "rfc4180" ? formats::CsvDialect::rfc4180
                                                                 : formats::CsvDialect::excel);
        files_.push_back(std::make_unique<AtomicFile>(*csv));
        files_.back()->write(out.str());
    }
    for (const auto& f : files_) {
        paths_.push_back(f->final_path());
    }
}

nlohmann::json CredentialFiles::audit_paths() const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : paths_) {
        out.push_back(std::filesystem::absolute(p).string());
    }
    return out;
}

void CredentialFiles::publish_with(store::Transaction& tx) {
    for (auto& f : files_) {
        f->commit();
    }
    try {
        tx.commit();
    } catch (...) {
        for (const auto& path : paths_) {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
        throw;
    }
}

}  // namespace schoolctl::app
