#include "domain/password_policy.h"

#include <catch2/catch.hpp>

using schoolctl::domain::password_problem;

TEST_CASE("password policy", "[domain]") {
    auto [password, acceptable] = GENERATE(table<std::string, bool>({
        {"correct-horse-battery", true},
        {"ёлка-ёжик-шесть", true},  // 15 characters, 27 bytes
        {"short", false},
        {"ёлкаёлка", false},        // 8 characters even though 16 bytes
        {"aaaaaaaaaaaa", false},
        {"my-admin-password", false},  // contains the login
    }));
    CAPTURE(password);
    CHECK(!password_problem(password, "admin", 10).has_value() == acceptable);
}
