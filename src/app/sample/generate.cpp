#include "app/sample/generate.h"

#include "app/sample/district.h"
#include "app/sample/roster.h"
#include "util/error.h"
#include "util/parallel_for.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <sys/stat.h>

namespace schoolctl::app::sample {
namespace {

namespace fs = std::filesystem;

constexpr int most_schools = 2000;

void check(const SampleRequest& r) {
    if (r.pupils < 1) {
        throw usage_error("--pupils must be at least 1");
    }
    if (r.schools < 1 || r.schools > most_schools) {
        throw usage_error("--schools must be between 1 and " + std::to_string(most_schools));
    }
    if (r.pupils < r.schools) {
        throw usage_error("--pupils " + std::to_string(r.pupils) + " cannot fill " +
                          std::to_string(r.schools) + " schools: every school needs a pupil");
    }
    const long most = static_cast<long>(max_school_pupils()) * r.schools;
    if (r.pupils > most) {
        throw usage_error("--pupils " + std::to_string(r.pupils) + " is more than " +
                          std::to_string(r.schools) + (r.schools == 1 ? " school" : " schools") +
                          " can hold (" + std::to_string(max_school_pupils()) +
                          " a school: 11 grades of 27 classes of 25); add --schools");
    }
    const auto& periods = sample_periods();
    if (std::find(periods.begin(), periods.end(), r.period) == periods.end()) {
        throw usage_error("--period \"" + r.period + "\" is not one of Q1, Q2, Q3, Q4, year, none");
    }
}

// Creates the folder unless it exists (mode 0700; its parent must exist).
void make_folder(const fs::path& folder) {
    std::error_code ec;
    const auto status = fs::status(folder, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status)) {
            throw Error(ExitCode::cant_create,
                        "cannot write into " + folder.string() + ": it is not a folder");
        }
        return;
    }
    if (::mkdir(folder.c_str(), 0700) != 0) {
        throw Error(ExitCode::cant_create,
                    "cannot create " + folder.string() + ": " + std::strerror(errno));
    }
}

void prepare_out(const SampleRequest& r) {
    make_folder(r.out);
    std::error_code ec;
    const bool empty = fs::is_empty(r.out, ec);
    if (ec) {
        throw Error(ExitCode::cant_create,
                    "cannot read the folder " + r.out.string() + ": " + ec.message());
    }
    if (!empty && !r.force) {
        throw Error(ExitCode::cant_create,
                    r.out.string() + " is not empty; choose an empty or new folder, or add "
                                     "--force to replace the files of the same names in it");
    }
}

std::optional<domain::DateRange> journal_days(const std::string& period) {
    const domain::Settings settings = school_settings({});
    if (period == "none") {
        return std::nullopt;
    }
    if (period == "year") {
        return *settings.year_dates;
    }
    for (const auto& p : settings.periods) {
        if (p.code == period) {
            return p.dates;
        }
    }
    return *settings.year_dates;
}

std::string school_folder(int index, int schools) {
    std::string digits = std::to_string(index + 1);
    const std::size_t width = std::max<std::size_t>(3, std::to_string(schools).size());
    digits.insert(0, width - std::min(width, digits.size()), '0');
    return "school-" + digits;
}

} // namespace

const std::vector<std::string>& sample_periods() {
    static const std::vector<std::string> periods = {"Q1", "Q2", "Q3", "Q4", "year", "none"};
    return periods;
}

SampleSummary generate_sample(const SampleRequest& request, const SampleProgress& progress) {
    check(request);
    prepare_out(request);
    Random district(request.seed);
    const auto shares =
        share_district(district, request.pupils, request.schools, max_school_pupils());
    SampleSummary summary;
    summary.out = request.out;
    summary.period = request.period;
    summary.journal = journal_days(request.period);
    std::vector<SchoolSpec> specs;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        SchoolSpec spec;
        spec.identity.number = shares[i].number;
        if (request.schools > 1) {
            spec.identity.id_prefix = std::to_string(shares[i].number) + "-";
            spec.folder = request.out / school_folder(static_cast<int>(i), request.schools);
            make_folder(spec.folder);
        } else {
            spec.folder = request.out;
        }
        spec.pupils = shares[i].pupils;
        spec.seed = request.seed;
        spec.stream = i + 1;
        spec.journal = summary.journal;
        specs.push_back(std::move(spec));
    }
    summary.schools.resize(specs.size());
    std::mutex mutex;
    std::size_t done = 0;
    parallel_for(specs.size(), request.threads, [&](std::size_t i) {
        SchoolSummary s = write_school(specs[i]);
        std::lock_guard lock(mutex);
        summary.schools[i] = std::move(s);
        if (progress) {
            progress(++done, specs.size());
        }
    });
    return summary;
}

} // namespace schoolctl::app::sample
