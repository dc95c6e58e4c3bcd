#include "domain/health.h"

#include <catch2/catch.hpp>

using namespace schoolctl;

TEST_CASE("health groups read as Roman or Arabic numerals, I to V only", "[domain][health]") {
    CHECK(domain::parse_health_group("II") == "II");
    CHECK(domain::parse_health_group("ii") == "II");
    CHECK(domain::parse_health_group(" 3 ") == "III");
    CHECK(domain::parse_health_group("5") == "V");
    CHECK_FALSE(domain::parse_health_group("VI").has_value());
    CHECK_FALSE(domain::parse_health_group("0").has_value());
    CHECK_FALSE(domain::parse_health_group("").has_value());
}

TEST_CASE("PE groups read by code, Russian name and the usual short forms", "[domain][health]") {
    CHECK(domain::parse_pe_group("Основная")->code == "main");
    CHECK(domain::parse_pe_group("preparatory")->code == "preparatory");
    CHECK(domain::parse_pe_group("СМГ")->code == "special");
    CHECK(domain::parse_pe_group("освобожден")->code == "exempt");
    CHECK(domain::parse_pe_group("Освобождена")->code == "exempt");
    CHECK_FALSE(domain::parse_pe_group("лечебная").has_value());
    CHECK(domain::pe_group_of_code("special")->name == "специальная");
    CHECK_FALSE(domain::pe_group_of_code("специальная").has_value());
}
