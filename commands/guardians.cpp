#include "commands/guardians.h"

#include "app/guardian_links.h"
#include "commands/context.h"

namespace schoolctl::cli {

CommandInfo GuardiansCommand::info() const {
    return {"guardians",
            "Link a guardian to a child, or unlink them, between roster imports",
            "Data",
            {"schoolctl guardians link G-0001 S-0002 --relation мать",
             "schoolctl guardians unlink abramova.natalya S-0002"}};
}

void GuardiansCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    link_ = app.add_subcommand("link", "Let a guardian see a child's marks and attendance");
    unlink_ = app.add_subcommand("unlink", "Take a child away from a guardian's view at once");
    for (CLI::App* sub : {link_, unlink_}) {
        sub->add_option("GUARDIAN", guardian_,
                        "The guardian's external id, or the login of their account")
            ->required();
        sub->add_option("PUPIL", pupil_, "The pupil's external id")->required();
    }
    link_->add_option("--relation", relation_, "мать, отец, бабушка, опекун, ...");
}

int GuardiansCommand::run(Context& ctx) {
    app::LinkRequest request{guardian_, pupil_, relation_};
    if (link_->parsed()) {
        bool changed = app::link_guardian(ctx.session(), request);
        ctx.note(changed ? "Linked " + guardian_ + " to " + pupil_ + "."
                         : guardian_ + " is already linked to " + pupil_ + "; nothing changed.");
        return 0;
    }
    bool changed = app::unlink_guardian(ctx.session(), request);
    ctx.note(changed ? "Unlinked " + guardian_ + " from " + pupil_ + "."
                     : guardian_ + " was not linked to " + pupil_ + "; nothing changed.");
    return 0;
}

}  // namespace schoolctl::cli
