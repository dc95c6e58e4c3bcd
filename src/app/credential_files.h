#pragma once
// Where issued codes go: the slips PDF and the mail-merge CSV, and only there. Both are written
// to private temporary files first and renamed into place just before the database commits;
// if the commit fails they are removed again, so there are never slips whose codes the
// database does not know, nor codes without their slips.
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/session.h"
#include "domain/person_name.h"
#include "formats/slips_pdf.h"
#include "util/atomic_file.h"

namespace schoolctl::app {

struct IssuedCredential {
    formats::CredentialSlip slip;
    domain::PersonName name;
    std::string email;  // guardians: for mail merge
};

struct CredentialSheet {  // a class or a family: one heading, its own pages
    std::string heading;
    std::vector<IssuedCredential> credentials;
};

class CredentialFiles {
public:
    // Renders both outputs into their temporary files. Exit 64 for "-" (codes are never
    // printed in bulk), 73 if a file cannot be created.
    CredentialFiles(Session& session, const std::vector<CredentialSheet>& sheets,
                    const std::optional<std::filesystem::path>& slips_pdf,
                    const std::optional<std::filesystem::path>& csv, std::time_t now);

    const std::vector<std::filesystem::path>& paths() const { return paths_; }
    // The absolute paths, for the audit row (never the contents).
    nlohmann::json audit_paths() const;
    // Renames the files into place, then commits; removes them again if the commit fails.
    void publish_with(store::Transaction& tx);

private:
    std::vector<std::unique_ptr<AtomicFile>> files_;
    std::vector<std::filesystem::path> paths_;
};

}  // namespace schoolctl::app
