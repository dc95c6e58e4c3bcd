#include "commands/init.h"

#include "app/init.h"
#include "commands/context.h"

namespace schoolctl::cli {

CommandInfo InitCommand::info() const {
    return {"init",
            "Create the database, the school and its calendar from config, and the first "
            "administrator",
            "Setup",
            {"schoolctl init --config samples/schoolctl.toml",
             "schoolctl --db /srv/school/school.db init --config /etc/schoolctl/school.toml"}};
}

void InitCommand::add_cli(CLI::App& /*app*/) {
    // Everything init needs comes from the global --db and --config.
}

int InitCommand::run(Context& ctx) {
    app::InitResult r = app::init_database(ctx.db_path(), ctx.settings());
    ctx.note("Created " + r.db_path.string() + " for " + r.school_name + ", academic year " +
             r.year_name + ".");
    ctx.out() << "Administrator login: " << r.admin_login << '\n'
              << "One-time password:   " << r.one_time_password << '\n';
    ctx.note("Write the password down now: it is shown only once, and must be replaced at the "
             "first `schoolctl login " + r.admin_login + "`.");
    return 0;
}

}  // namespace schoolctl::cli
