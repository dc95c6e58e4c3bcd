#include "commands/purge.h"

#include <iomanip>

#include "app/purge.h"
#include "commands/context.h"
#include "commands/date_options.h"

namespace schoolctl::cli {
namespace {

const char* kind_label(const std::string& kind) {
    return kind == "pupil" ? "ученик" : kind == "staff" ? "сотрудник" : "родитель";
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_counts(Context& ctx, const app::PurgeSummary& s) {
    auto line = [&](const char* what, auto n) {
        ctx.out() << "  " << std::left << std::setw(24) << what << n << '\n';
    };
    line("pupils", s.pupils);
    line("staff", s.staff);
    line("guardians", s.guardians);
    line("accounts deleted", s.accounts);
    line("consents deleted", s.consents);
    line("remarks deleted", s.remarks);
    line("guardian links removed", s.guardian_links);
    line("health records deleted", s.health_records);
    line("texts cleared", s.texts_cleared);
    line("audit rows redacted", static_cast<long long>(s.audit_rows_redacted));
}

}  // namespace

CommandInfo PurgeCommand::info() const {
    return {"purge",
            "Remove for good the personal data of pupils and staff who left before a date",
            "Data",
            {"schoolctl purge --left-before 01.09.2021 --dry-run",
             "schoolctl purge --left-before 01.09.2021"}};
}

void PurgeCommand::add_cli(CLI::App& app) {
    app.add_option("--left-before", left_before_,
                   "Purge the pupils and staff who left before this day (DD.MM.YYYY or "
                   "YYYY-MM-DD)")
        ->required()
        ->type_name("DATE");
    app.add_flag("--dry-run", dry_run_,
                 "List who would be purged and count what would go; change nothing");
}

int PurgeCommand::run(Context& ctx) {
    const domain::Date before = date_option("--left-before", left_before_);
    app::PurgeSummary s = app::purge_left_people(ctx.session(), {before, dry_run_});
    const std::string date = domain::format_ru(before);
    if (s.people.empty()) {
        ctx.note("No one who left before " + date + " is left to purge.");
        return 0;
    }
    if (s.dry_run) {
        for (const auto& p : s.people) {
            ctx.out() << kind_label(p.kind) << '\t' << p.name << '\t'
                      << (p.left_on ? domain::format_ru(*p.left_on) : "") << '\n';
        }
    }
    ctx.out() << (s.dry_run ? "would purge, of those who left before " : "purged, of those who left before ")
              << date << ":\n";
    print_counts(ctx, s);
    if (s.dry_run) {
        ctx.note("Dry run: nothing was changed.");
    } else {
        ctx.note("Purged " + plural(s.people.size(), "person", "people") +
                 "; the database file was compacted. Backups made before now still hold their "
                 "data: replace them.");
    }
    return 0;
}

}  // namespace schoolctl::cli
