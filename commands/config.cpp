#include "commands/config.h"

#include "app/config_loader.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "report/listing.h"
#include "util/error.h"

namespace schoolctl::cli {
namespace {

// A terminal table stays readable: long values (the calendar's arrays) are cut there, and
// shown whole in CSV and JSON.
std::string shorten(const std::string& value, std::size_t limit) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if ((static_cast<unsigned char>(value[i]) & 0xC0) != 0x80 && ++chars > limit) {
            return value.substr(0, i) + "…";
        }
    }
    return value;
}

report::Document origins_document(const app::LoadedConfig& config, bool for_terminal) {
    report::Document doc = report::listing("config", "Effective configuration",
                                           {{"key", 28}, {"value", 40}, {"source", 40}});
    for (const auto& [key, origin] : config.origins) {
        report::listing_rows(doc).push_back(
            {key, for_terminal ? shorten(origin.value, 48) : origin.value, origin.source});
    }
    return doc;
}

}  // namespace

CommandInfo ConfigCommand::info() const {
    return {"config",
            "Show the effective configuration and where each value came from, or check it",
            "Setup",
            {"schoolctl config show", "schoolctl --config school.toml config check"}};
}

void ConfigCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    show_ = app.add_subcommand("show", "Every key's effective value and its source");
    show_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    check_ = app.add_subcommand("check", "Report every problem with file:line; exit 78 if any");
}

int ConfigCommand::run(Context& ctx) {
    if (show_->parsed()) {
        print_document(ctx, origins_document(ctx.config(), format_ == "table"), format_);
        return 0;
    }
    std::optional<std::filesystem::path> file;
    if (ctx.options().config) {
        file = *ctx.options().config;
    }
    auto sources = app::sources_from_environment(file, ctx.options().db);
    std::vector<std::string> problems = app::check_config(sources);
    for (const auto& p : problems) {
        ctx.err() << p << '\n';
    }
    if (!problems.empty()) {
        throw Error(ExitCode::config, std::to_string(problems.size()) +
                                          " problem(s) in the configuration");
    }
    app::LoadedConfig loaded = app::load_config(sources);
    ctx.out() << "configuration is valid";
    if (!loaded.files.empty()) {
        ctx.out() << " (";
        for (std::size_t i = 0; i < loaded.files.size(); ++i) {
            ctx.out() << (i ? ", " : "") << loaded.files[i].string();
        }
        ctx.out() << ")";
    }
    ctx.out() << '\n';
    return 0;
}

}  // namespace schoolctl::cli
