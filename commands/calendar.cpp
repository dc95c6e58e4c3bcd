#include "commands/calendar.h"

#include "app/calendar_import.h"
#include "app/school_calendar.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "commands/listing.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::cli {
CommandInfo CalendarCommand::info() const {
    return {"calendar",
            "The study calendar: which days are study days and why not, and loading a year's "
            "calendar or the production calendar",
            "Timetable",
            {"schoolctl calendar show --month 2026-11",
             "schoolctl calendar show --month 2027-02 --grade 1",
             "schoolctl calendar import schoolctl.toml",
             "schoolctl calendar import production-2027.csv --dry-run"}};
}

void CalendarCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    show_ = app.add_subcommand("show", "Each day of a month: study day or not, and why");
    show_->add_option("--month", month_, "YYYY-MM or MM.YYYY (default: this month)")
        ->type_name("MONTH");
    show_->add_option("--grade", grade_, "Only this grade level (1-11)")
        ->check(CLI::Range(1, 11));
    show_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    import_ = app.add_subcommand(
        "import", "Load a year's calendar (TOML with the keys of schoolctl.toml) or a "
                  "production calendar (CSV/XLSX: date; kind; name; works as)");
    import_->add_option("FILE", file_, "A .toml calendar, or a CSV/XLSX production calendar")
        ->required();
    import_->add_flag("--dry-run", dry_run_, "Check and show what would be loaded; write nothing");
    import_->add_option("--format", input_format_, "toml, csv or xlsx (default: from the file)")
        ->check(CLI::IsMember({"toml", "csv", "xlsx"}));
    import_->add_option("--encoding", encoding_, "CSV: auto, utf-8 or cp1251")
        ->check(CLI::IsMember({"auto", "utf-8", "utf8", "cp1251", "windows-1251"},
                              CLI::ignore_case))
        ->capture_default_str();
    import_->add_option("--sheet", sheet_, "XLSX: the sheet's name or number")
        ->type_name("NAME|N");
}

int CalendarCommand::run(Context& ctx) {
    return show_->parsed() ? run_show(ctx) : run_import(ctx);
}

int CalendarCommand::run_show(Context& ctx) {
    std::chrono::year_month month = month_option("--month", month_);
    app::Session& session = ctx.session();
    domain::Date middle = month / std::chrono::day{15};
    app::SchoolCalendar calendar = app::load_school_calendar(session, middle);
    print_document(ctx, app::calendar_month(calendar, month, grade_, session.school_name()),
                   format_);
    return 0;
}

int CalendarCommand::run_import(Context& ctx) {
    app::SourceOptions source;
    source.file = file_;
    source.format = input_format_ == std::optional<std::string>{"toml"}   ? app::SourceFormat::toml
                    : input_format_ == std::optional<std::string>{"xlsx"} ? app::SourceFormat::xlsx
                    : input_format_ == std::optional<std::string>{"csv"}  ? app::SourceFormat::csv
                                                                          : app::SourceFormat::automatic;
    source.encoding = encoding_;
    source.sheet = sheet_;
    app::CalendarImportSummary s =
        app::is_toml_source(source) ? app::import_calendar_toml(ctx.session(), file_, dry_run_)
                                    : app::import_production_calendar(ctx.session(), source,
                                                                      dry_run_);
    for (const auto& w : s.warnings) {
        ctx.warn(s.file + ": " + w);
    }
    std::string what;
    if (!s.replaced.empty() && s.replaced != std::vector<std::string>{"production"}) {
        what = "periods: " + std::to_string(s.periods) +
               ", holidays: " + std::to_string(s.holidays) +
               ", bell schedules: " + std::to_string(s.bell_schedules) +
               ", production-calendar days: " + std::to_string(s.production_days);
    } else {
        what = "production-calendar days: " + std::to_string(s.production_days);
    }
    std::string year = s.year.empty() ? std::string{"no academic year"} : "academic year " + s.year;
    if (s.dry_run) {
        ctx.note("Dry run: would load into " + year + (s.created_year ? " (new)" : "") + " " +
                 what + "; nothing was written.");
    } else {
        ctx.note("Loaded into " + year + (s.created_year ? " (new)" : "") + " " + what + ".");
    }
    return 0;
}

}  // namespace schoolctl::cli
