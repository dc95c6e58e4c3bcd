#include "commands/whoami.h"

#include <nlohmann/json.hpp>

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
        std::string scope = g.school_id ? "school " + std::to_string(*g.school_id) : "all schools";
        if (g.scope_kind != "all" && g.scope_kind != "school") {
            scope += ", " + g.scope_kind + " " + std::to_string(g.scope_id);
        }
        roles.push_back({{"role", domain::to_string(g.role)}, {"scope", scope}});
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
