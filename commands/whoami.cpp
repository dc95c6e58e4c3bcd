#include "commands/whoami.h"

#include <nlohmann/json.hpp>

#include "app/grant_text.h"
#include "commands/context.h"

namespace schoolctl::cli {

CommandInfo WhoamiCommand::info() const {
    return {"whoami", "Show the acting account, its roles and the school", "Setup",
            {"schoolctl whoami", "SCHOOLCTL_TOKEN=... schoolctl whoami --format json"}};
}

void WhoamiCommand::add_cli(CLI::App& app) {
    app.add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
}

int WhoamiCommand::run(Context& ctx) {
    app::Session& s = ctx.session(store::SchemaPolicy::allow_older);
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& g : s.actor().grants) {
        roles.push_back(
            {{"role", domain::to_string(g.role)}, {"scope", app::describe_scope(s.db(), g)}});
    }
    if (format_ == "json") {
        nlohmann::json j = {{"login", s.actor().login},
                            {"school", s.school_name()},
                            {"roles", roles}};
        ctx.out() << j.dump(2) << '\n';
        return 0;
    }
    ctx.out() << s.actor().login << '\n' << "  school: " << s.school_name() << '\n';
    for (const auto& r : roles) {
        ctx.out() << "  role:   " << r["role"].get<std::string>() << " ("
                  << r["scope"].get<std::string>() << ")\n";
    }
    return 0;
}

}  // namespace schoolctl::cli
