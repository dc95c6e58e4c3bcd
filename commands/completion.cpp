#include "commands/completion.h"

#include "commands/cli_tree.h"
#include "commands/context.h"

namespace schoolctl::cli {

CommandInfo CompletionCommand::info() const {
    return {"completion",
            "Print shell completion (bash) or the command tree (json)",
            "Setup",
            {"schoolctl completion bash > /etc/bash_completion.d/schoolctl",
             "source <(schoolctl completion bash)"}};
}

void CompletionCommand::add_cli(CLI::App& app) {
    self_ = &app;
    app.add_option("SHELL", shell_, "bash, or json for the command tree")
        ->required()
        ->check(CLI::IsMember({"bash", "json"}));
}

int CompletionCommand::run(Context& ctx) {
    const CLI::App* root = self_->get_parent();
    nlohmann::json tree = describe_tree(*root);
    if (shell_ == "json") {
        ctx.out() << tree.dump(2) << '\n';
    } else {
        ctx.out() << bash_completion(tree);
    }
    return 0;
}

}  // namespace schoolctl::cli
