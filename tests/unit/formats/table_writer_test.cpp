#include "formats/table_writer.h"
#include "report_test_support.h"

#include <catch2/catch.hpp>
#include <sstream>

using schoolctl::formats::display_width;
using schoolctl::formats::write_table;
namespace report = schoolctl::report;

TEST_CASE("display width counts code points, not bytes", "[formats][table]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("Ёлкин") == 5);
    CHECK(display_width("№ «5А» — €") == 10);
    CHECK(display_width("и\xCC\x86") == 1); // «й» as и + combining breve
}

TEST_CASE("terminal table aligns Cyrillic by display width", "[formats][table]") {
    std::ostringstream out;
    write_table(schoolctl::test::small_document(), out);
    const std::string expected = "Список класса\n"
                                 "Школа № 1 & Co\n"
                                 "Учебный год: 2026/27\n"
                                 "\n"
                                 "Класс 5А\n"
                                 "Классный руководитель: Смирнова О. В.\n"
                                 "№  ФИО            Дата рождения   Балл  Примечание\n"
                                 "-  -------------  -------------  -----  ----------\n"
                                 "1  Ёлкин Пётр      01.03.2014     4,58  =1+2\n"
                                 "2  Иванова \"Аня\"   31.12.2013    58,10  a;b, <c>\n"
                                 "Сверено.\n"
                                 "\n"
                                 "Класс 5Б\n"
                                 "№  ФИО         Дата рождения   Балл  Примечание\n"
                                 "-  ----------  -------------  -----  ----------\n"
                                 "1  Юдин Семён                 -0,05  -1\n"
                                 "\n"
                                 "* на 28.11.2026\n";
    CHECK(out.str() == expected);
}

TEST_CASE("terminal table right-aligns a column of numbers", "[formats][table]") {
    report::Document doc;
    report::Section s;
    s.key = "5А";
    s.table.columns = {{"Имя"}, {"Пропуски"}};
    s.table.rows = {{std::string("Ёж"), std::int64_t{7}},
                    {std::string("Аня\tи\nЯ"), std::int64_t{120}}};
    doc.sections = {s};
    std::ostringstream out;
    write_table(doc, out);
    CHECK(out.str() == "5А\n"
                       "Имя      Пропуски\n"
                       "-------  --------\n"
                       "Ёж              7\n"
                       "Аня и Я       120\n");
}

TEST_CASE("terminal table: group heading line, plain text by default", "[formats][table]") {
    auto doc = schoolctl::test::featured_document();
    std::ostringstream out;
    write_table(doc, out);
    const std::string text = out.str();
    CHECK(text.find("Параллель 5\n"
                    "         Математика\n"
                    "Класс     I    II  год  Качество, %  Пропуски, %\n"
                    "-----  ----  ----  ---  -----------  -----------\n"
                    "5А     4,20  3,80    4        62,50        12,10\n") != std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("terminal table widens a column for a long group title", "[formats][table]") {
    report::Document doc;
    report::Section s;
    s.table.columns = {{"А"}, {"Б"}};
    s.table.groups = {{"Длинная группа", 0, 2}};
    s.table.rows = {{std::string("1"), std::string("2")}};
    doc.sections = {s};
    std::ostringstream out;
    write_table(doc, out);
    CHECK(out.str() == "Длинная группа\n"
                       "А  Б\n"
                       "-  -----------\n"
                       "1  2\n");
}

TEST_CASE("terminal table in colour: caught cells bold", "[formats][table]") {
    std::ostringstream out;
    write_table(schoolctl::test::featured_document(), out, true);
    const std::string text = out.str();
    CHECK(text.find("5Б     \x1b[1m2,90\x1b[0m  \x1b[1m н/а\x1b[0m  \x1b[1m  2\x1b[0m") !=
          std::string::npos);
    CHECK(text.find("5В     3,50  4,10    3        55,00        29,99\n") != std::string::npos);
}
