#include "domain/password_policy.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "domain/common_passwords.h"

using namespace schoolctl::domain;

namespace {

const PasswordContext no_context{};
const PasswordRules default_rules{};

std::optional<std::string> problem(const std::string& password,
                                   const PasswordContext& context = no_context,
                                   const PasswordRules& rules = default_rules) {
    auto normalized = normalize_password(password);
    REQUIRE(normalized.has_value());
    return password_problem(*normalized, context, rules);
}

PasswordContext petrov() {
    PasswordContext c;
    c.login = "ivanov.petr";
    c.name_parts = {"Иванов", "Пётр", "Сергеевич"};
    return c;
}

}  // namespace

TEST_CASE("the older overload checks length in characters and the login", "[domain][password]") {
    auto [password, acceptable] = GENERATE(table<std::string, bool>({
        {"correct-horse-battery", true},
        {"ёлка-ёжик-шесть", true},  // 15 characters, 27 bytes
        {"short", false},
        {"ёлкаёлка", false},           // 8 characters even though 16 bytes
        {"aaaaaaaaaaaa", false},
        {"my-admin-password", false},  // contains the login
        {"qwertyuiop123", false},      // a common password
    }));
    CAPTURE(password);
    CHECK(!password_problem(password, "admin", 10).has_value() == acceptable);
}

TEST_CASE("normalisation gives one form for composed and decomposed letters",
          "[domain][password]") {
    std::string composed = "ёлка-на-опушке";             // ё is U+0451
    std::string decomposed = "е\xCC\x88лка-на-опушке";  // е followed by U+0308
    REQUIRE(composed != decomposed);
    CHECK(normalize_password(decomposed) == composed);
    CHECK(normalize_password(composed) == composed);
    CHECK(problem(decomposed) == problem(composed));
    CHECK_FALSE(problem(decomposed).has_value());
}

TEST_CASE("normalisation refuses text that is not UTF-8", "[domain][password]") {
    auto bytes = GENERATE(as<std::string>{}, "\xFF", "ok\xD0", "\xC0\xAF overlong",
                          "\xED\xA0\x80 surrogate", "\xF4\x90\x80\x80 past U+10FFFF");
    CAPTURE(bytes);
    CHECK_FALSE(normalize_password(bytes).has_value());
    CHECK(password_problem(bytes, no_context, default_rules).value_or("").find("UTF-8") !=
          std::string::npos);
}

TEST_CASE("length is counted in characters, at least 12 by default", "[domain][password]") {
    CHECK_FALSE(problem("лесполерекаг").has_value());  // 12 letters, 24 bytes
    auto eleven = problem("лесполерека");
    REQUIRE(eleven.has_value());
    CHECK(eleven->find("at least 12 characters") != std::string::npos);
    CHECK_FALSE(problem("twelve chars").has_value());
    CHECK(problem("eleven char").has_value());
}

TEST_CASE("a minimum below 8 counts as 8", "[domain][password]") {
    PasswordRules rules;
    rules.min_length = 6;
    CHECK(problem("sevenzz", no_context, rules).value_or("").find("at least 8") !=
          std::string::npos);
    CHECK_FALSE(problem("eightzzz", no_context, rules).has_value());
    CHECK(password_problem("sevenzz", "", 6).has_value());
}

TEST_CASE("long passphrases are accepted up to the maximum", "[domain][password]") {
    std::string phrase = "в лесу родилась ёлочка, в лесу она росла; ";
    std::string long64;
    for (int i = 0; long64.size() < 64; ++i) {
        long64 += static_cast<char>('a' + i % 26);
    }
    CHECK_FALSE(problem(long64).has_value());

    std::string long200;
    for (int i = 0; i < 200; ++i) {
        long200 += static_cast<char>('a' + (i * 7) % 26);
        if (i % 9 == 8) {
            long200.back() = ' ';
        }
    }
    REQUIRE(long200.size() == 200);
    CHECK_FALSE(problem(long200).has_value());
    CHECK_FALSE(problem(phrase + phrase + phrase).has_value());  // 126 characters

    std::string too_long(1025, 'x');
    too_long.back() = 'y';
    CHECK(problem(too_long).value_or("").find("at most 1024") != std::string::npos);

    PasswordRules tight;
    tight.max_length = 16;  // counts as 64
    CHECK_FALSE(problem(long64, no_context, tight).has_value());
    CHECK(problem(long64 + "z", no_context, tight).value_or("").find("at most 64") !=
          std::string::npos);
}

TEST_CASE("no composition rules: one kind of character is enough", "[domain][password]") {
    CHECK_FALSE(problem("кот пьёт молоко утром").has_value());
    CHECK_FALSE(problem("horsebatterystaple").has_value());
    CHECK_FALSE(problem("8305 1946 2271").has_value());
}

TEST_CASE("a password on the common list is refused in any case", "[domain][password]") {
    auto listed = GENERATE(as<std::string>{}, "qwertyuiop123", "QWERTYUIOP123", "1Q2w3E4r5T6y",
                           "ЙЦУКЕНГШЩЗХЪ", "ПарольПароль", "gfhjkm123456",
                           "ｑｗｅｒｔｙｕｉｏｐ１２３");  // full-width forms
    CAPTURE(listed);
    CHECK(problem(listed).value_or("").find("commonly used") != std::string::npos);
    CHECK(is_common_password(*normalize_password(listed)));
    CHECK_FALSE(problem("qwertyuiop-лес-ночью").has_value());
    CHECK_FALSE(is_common_password("qwertyuiop-лес-ночью"));
}

TEST_CASE("the shipped list is embedded and only has usable entries", "[domain][password]") {
    CHECK(common_passwords_text().starts_with("# Common passwords"));
    auto entries = common_password_entries();
    CHECK(entries.size() > 15000);
    for (std::string_view entry : entries) {
        auto normalized = normalize_password(entry);
        REQUIRE(normalized.has_value());
        CHECK(*normalized == entry);
        CHECK(is_common_password(*normalized));
        // Shorter entries could never match: the length rule refuses them first.
        auto why = problem(*normalized, no_context, PasswordRules{8, 1024});
        REQUIRE(why.has_value());
        CHECK(why->find("at least") == std::string::npos);
        CHECK(why->find("control") == std::string::npos);
    }
    for (std::string_view must : {"password", "1q2w3e4r5t6y", "йцукенгшщз", "пароль123"}) {
        CHECK(std::find(entries.begin(), entries.end(), must) != entries.end());
    }
}

TEST_CASE("a password must not contain the login", "[domain][password]") {
    PasswordContext context;
    context.login = "admin";
    CHECK(problem("my-Admin-horse-staple", context).value_or("").find("login") !=
          std::string::npos);
    CHECK_FALSE(problem("my-adm-horse-staple", context).has_value());
    context.login = "li";  // too short to refuse anything
    CHECK_FALSE(problem("reliable-horse-staple", context).has_value());
}

TEST_CASE("a password must not contain a part of the name, ё or е", "[domain][password]") {
    auto context = petrov();
    context.login = "";
    auto [password, word] = GENERATE(table<std::string, std::string>({
        {"петр-и-волк-1957", "Пётр"},
        {"Pёtr-ПЁТР-пётр-1957", "Пётр"},
        {"мой-ИВАНОВ-навсегда", "Иванов"},
        {"сергеевич-и-компания", "Сергеевич"},
    }));
    CAPTURE(password);
    CHECK(problem(password, context).value_or("").find('"' + word + '"') != std::string::npos);
    CHECK_FALSE(problem("три-белых-коня-зимой", context).has_value());
}

TEST_CASE("name parts are split into words, stored ё matched as е", "[domain][password]") {
    PasswordContext context;
    context.name_parts = {"Лебедева-Краснова", "Ян", "Фёдор"};
    CHECK(problem("краснова-лето-вечер", context).has_value());
    CHECK(problem("лебедева-лето-вечер", context).has_value());
    CHECK(problem("федор-идет-домой", context).has_value());
    CHECK_FALSE(problem("янтарный-берег-моря", context).has_value());  // Ян is too short

    context.name_parts = {"Пе\xCC\x88тр"};  // stored decomposed
    CHECK(problem("петр-и-волк-1957", context).has_value());
}

TEST_CASE("a repeated character or short pattern is refused", "[domain][password]") {
    auto repeated = GENERATE(as<std::string>{}, "аааааааааааа", "aAaAaAaAaAaA", "abababababab",
                             "абвгабвгабвг", "123123123123");
    CAPTURE(repeated);
    CHECK(problem(repeated).value_or("").find("repeated") != std::string::npos);
    CHECK_FALSE(problem("abcdeabcdeab").has_value());
}

TEST_CASE("control characters are refused, spaces are fine", "[domain][password]") {
    CHECK(problem("correct\thorse battery").value_or("").find("control characters") !=
          std::string::npos);
    CHECK(problem("correct horse\nbattery").has_value());
    CHECK(problem(std::string("correct horse\0battery", 21)).has_value());
    CHECK_FALSE(problem("correct horse battery").has_value());
}
