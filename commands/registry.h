#pragma once
#include <memory>
#include <vector>

#include "commands/command.h"

namespace schoolctl::cli {

// Every command, once, in help order. No self-registering statics: this list is the registry.
std::vector<std::unique_ptr<Command>> make_commands();

}  // namespace schoolctl::cli
