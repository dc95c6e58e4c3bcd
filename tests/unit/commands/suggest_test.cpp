#include "commands/suggest.h"

#include <catch2/catch.hpp>

using schoolctl::cli::closest;

TEST_CASE("did-you-mean suggestions", "[commands]") {
    std::vector<std::string> commands = {"init", "login", "logout", "import", "report", "audit"};
    CHECK(closest("improt", commands) == "import");
    CHECK(closest("reprot", commands) == "report");
    CHECK(closest("logot", commands) == "logout");
    CHECK_FALSE(closest("zzzzzzzz", commands).has_value());
    CHECK(closest("--dry-rnu", {"--dry-run", "--format"}) == "--dry-run");
}
