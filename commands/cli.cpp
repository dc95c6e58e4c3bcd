#include "commands/cli.h"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "commands/context.h"
#include "commands/registry.h"
#include "commands/suggest.h"
#include "store/database.h"
#include "util/error.h"
#include "version.h"

namespace schoolctl::cli {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& g) {
    app.add_option("--db", g.db, "Database file (else $SCHOOLCTL_DB, database.path, ./school.db)")
        ->type_name("PATH");
    app.add_option("--config", g.config, "Configuration file (else $SCHOOLCTL_CONFIG)")
        ->type_name("FILE");
    app.add_option("--school", g.school,
                   "School to act on when the database holds several (id, external id or name)")
        ->type_name("SCHOOL");
    app.add_flag("-q,--quiet", g.quiet, "Print only data and errors");
    app.add_flag("-v,--verbose", g.verbose, "Print more about what is done (repeat for more)");
    app.add_option("--color", g.color, "Colour in messages (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("--no-progress", g.no_progress, "Never draw progress bars");
}

std::string prefix(bool color) { return color ? "\033[31mschoolctl:\033[0m " : "schoolctl: "; }

// CLI11 reports an unknown command as unexpected extra arguments; say what was meant instead.
int unknown_command(const std::vector<std::string>& extras,
                    const std::vector<std::unique_ptr<Command>>& commands, std::ostream& err,
                    bool color) {
    std::vector<std::string> names;
    for (const auto& c : commands) {
        names.push_back(c->info().name);
    }
    err << prefix(color) << "unknown command \"" << extras.front() << "\"";
    if (auto guess = closest(extras.front(), names)) {
        err << "; did you mean \"" << *guess << "\"?";
    }
    err << "\nRun `schoolctl --help` for the list of commands.\n";
    return static_cast<int>(ExitCode::usage);
}

// The deepest subcommand the user reached, and its path ("import students").
std::pair<CLI::App*, std::string> deepest(CLI::App& app) {
    CLI::App* at = &app;
    std::string path;
    for (CLI::App* next = chosen(*at); next != nullptr; next = chosen(*at)) {
        at = next;
        path += (path.empty() ? "" : " ") + at->get_name();
    }
    return {at, path};
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* opt : app.get_options()) {
        for (const auto& l : opt->get_lnames()) {
            names.push_back("--" + l);
        }
    }
    return names;
}

int usage_error(CLI::App& app, const CLI::ParseError& e, std::ostream& err, bool color) {
    auto [at, path] = deepest(app);
    err << prefix(color) << (path.empty() ? "" : path + ": ") << e.what();
    for (const std::string& extra : app.remaining()) {
        if (extra.rfind("--", 0) == 0) {
            std::string flag = extra.substr(0, extra.find('='));
            std::vector<std::string> names = option_names(*at);
            for (const auto& n : option_names(app)) {
                names.push_back(n);
            }
            if (auto guess = closest(flag, names)) {
                err << "; did you mean \"" << *guess << "\"?";
            }
            break;
        }
    }
    err << "\nRun `schoolctl " << (path.empty() ? "" : path + " ") << "--help`.\n";
    return static_cast<int>(ExitCode::usage);
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
            std::istream& in) {
    CLI::App app{"schoolctl — administer a school's electronic journal: rosters, accounts, "
                 "timetables, marks and reports",
                 "schoolctl"};
    app.set_version_flag("--version", std::string("schoolctl ") + SCHOOLCTL_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.footer("\nRun `schoolctl COMMAND --help` for a command's options; man schoolctl for more.");
    GlobalOptions global;
    add_global_options(app, global);

    auto commands = make_commands();
    std::vector<std::pair<CLI::App*, Command*>> subs;
    for (auto& c : commands) {
        CommandInfo info = c->info();
        CLI::App* sub = app.add_subcommand(info.name, info.summary);
        sub->group(info.group);
        describe(*sub, info);
        c->add_cli(*sub);
        for (CLI::App* inner : sub->get_subcommands({})) {
            inner->group("Subcommands");
        }
        subs.emplace_back(sub, c.get());
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        if (app.get_subcommands().empty() && !app.remaining().empty()) {
            return unknown_command(app.remaining(), commands, err, color_enabled(global));
        }
        return usage_error(app, e, err, color_enabled(global));
    }

    Context ctx(global, out, err, in);
    for (auto& [sub, command] : subs) {
        if (!sub->parsed()) {
            continue;
        }
        // "import students": the command path as the user typed it, for error messages.
        std::string name = sub->get_name();
        for (CLI::App* inner = chosen(*sub); inner != nullptr; inner = chosen(*inner)) {
            name += " " + inner->get_name();
        }
        try {
            return command->run(ctx);
        } catch (const Error& e) {
            err << prefix(ctx.color()) << name << ": " << e.what() << '\n';
            return static_cast<int>(e.code());
        } catch (const std::bad_alloc&) {
            err << prefix(ctx.color()) << name << ": out of memory\n";
            return static_cast<int>(ExitCode::failure);
        } catch (const std::filesystem::filesystem_error& e) {
            err << prefix(ctx.color()) << name << ": " << e.what() << '\n';
            return static_cast<int>(ExitCode::io);
        } catch (const std::exception& e) {
            err << prefix(ctx.color()) << name << ": internal error: " << e.what()
                << '\n';
            return static_cast<int>(ExitCode::failure);
        }
    }
    return static_cast<int>(ExitCode::usage);
}

void report_statement_steps(std::ostream& err) {
    const char* mode = std::getenv("SCHOOLCTL_KILL_AT_STATEMENT");
    if (mode != nullptr && std::string_view(mode) == "0") {
        err << "schoolctl: statements: " << store::statement_steps() << '\n';
    }
}

}  // namespace schoolctl::cli
