#pragma once
// Issuing credentials in bulk: an account for every selected pupil, guardian or member of staff
// who lacks one, each with a one-time activation code, and the codes written only to the slips
// PDF and the mail-merge CSV. The database keeps an Argon2id hash of each code.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"

namespace schoolctl::app {

enum class IssueRole { student, guardian, staff };

struct IssueRequest {
    IssueRole role = IssueRole::student;
    std::optional<std::string> class_name;  // --class 5А; else the whole school (--all)
    bool reset = false;       // new codes for accounts that are active or hold a live code
    bool per_family = false;  // slips grouped by family instead of by class
    std::optional<std::filesystem::path> slips_pdf;
    std::optional<std::filesystem::path> csv;
    unsigned threads = 0;  // hashing threads; 0: one per core
    // Called from the hashing threads as codes are hashed: (done, total).
    std::function<void(std::size_t, std::size_t)> progress;
};

struct IssueResult {
    std::size_t created = 0;   // new accounts
    std::size_t renewed = 0;   // pending accounts whose code had expired
    std::size_t reset = 0;     // codes replaced because of --reset
    std::size_t kept = 0;      // left alone: active, or holding a live code
    std::size_t disabled = 0;  // left alone: disabled accounts
    std::string expires_on;    // DD.MM.YYYY, the codes' last day
    std::vector<std::filesystem::path> written;
    std::size_t issued() const { return created + renewed + reset; }
};

// Needs credentials.issue for the class (or school) for pupils and guardians, accounts.manage for
// staff. Everything is written in one transaction together with the output files: if a file
// cannot be written, no account changes.
IssueResult issue_credentials(Session& session, const IssueRequest& request);

std::string_view to_string(IssueRole role);

}  // namespace schoolctl::app
