#include "domain/collation.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using schoolctl::domain::compare_names;
using schoolctl::domain::PersonName;
using schoolctl::domain::RussianCollator;

namespace Catch {
template <> struct StringMaker<PersonName> {
    static std::string convert(const PersonName& n) { return schoolctl::domain::full_name(n); }
};
} // namespace Catch

TEST_CASE("collation: Russian alphabetical order, ё with е") {
    // The order a Russian reader expects, written out by hand.
    const std::vector<std::string> expected{
        "Абрамова", "Алёшин", "Алиев",   "Белов",  "Вишневский", "Егоров", "Ежов",
        "Елисеев",  "Ёлкин",  "Ёлкина",  "Ершова", "Жуков",      "Ильин",  "Иткин",
        "Йошкин", // й is a letter of its own after и, not и with a mark
        "Эмиль",    "Юдин",   "Яковлев", "Müller", "Smith",
    };
    std::vector<std::string> names = expected;
    std::reverse(names.begin(), names.end());
    const RussianCollator c;
    std::sort(names.begin(), names.end(),
              [&](const std::string& a, const std::string& b) { return c.less(a, b); });
    CHECK(names == expected);
}

TEST_CASE("collation: pairs") {
    auto [a, b, sign] = GENERATE(table<std::string, std::string, int>({
        {"Ёлкин", "Абрамов", 1},  // byte order would put Ё first
        {"Елисеев", "Ёлкин", -1}, // ё is е at the first level
        {"Елка", "Ёлка", -1},     // and decides only between otherwise equal words
        {"Ёлка", "Елкин", -1},
        {"иванов", "Иванов", -1},          // case likewise
        {"Семёнов", "Семе\xCC\x88нов", 0}, // decomposed ё is the same letter
        {"Иванов", "Иванов", 0},
        {"Яковлев", "Smith", -1}, // Cyrillic before Latin
    }));
    CAPTURE(a, b);
    const RussianCollator& c = RussianCollator::instance();
    const int r = c.compare(a, b);
    CHECK((r > 0) - (r < 0) == sign);
    // Sort keys order the same way, as plain bytes.
    const int k = c.sort_key(a).compare(c.sort_key(b));
    CHECK((k > 0) - (k < 0) == sign);
}

TEST_CASE("collation: people by surname, then first name, then patronymic") {
    std::vector<PersonName> people{
        {"Смирнов", "Александр", "Андреевич"}, {"Ёлкин", "Пётр", "Сергеевич"},
        {"Ёлкина", "Дарья", "Сергеевна"},      {"Смирнов", "Александр", ""},
        {"Елисеев", "Лев", "Ильич"},           {"Смирнова", "Алёна", "Витальевна"},
        {"Смирнов", "Алексей", "Юрьевич"},
    };
    std::sort(people.begin(), people.end(),
              [](const PersonName& a, const PersonName& b) { return compare_names(a, b) < 0; });
    const std::vector<PersonName> expected{
        {"Елисеев", "Лев", "Ильич"},           {"Ёлкин", "Пётр", "Сергеевич"},
        {"Ёлкина", "Дарья", "Сергеевна"},      {"Смирнов", "Александр", ""},
        {"Смирнов", "Александр", "Андреевич"}, {"Смирнов", "Алексей", "Юрьевич"},
        {"Смирнова", "Алёна", "Витальевна"},
    };
    CHECK(people == expected);
    CHECK(compare_names({"Иванов", "Иван", "Иванович"}, {"Иванов", "Иван", "Иванович"}) == 0);
}
