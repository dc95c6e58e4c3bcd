#include "formats/csv_writer.h"
#include "report_test_support.h"

#include <catch2/catch.hpp>
#include <sstream>

using schoolctl::formats::CsvDialect;
using schoolctl::formats::write_csv;
namespace report = schoolctl::report;

namespace {

std::string csv(const report::Document& doc, CsvDialect dialect) {
    std::ostringstream out;
    write_csv(doc, out, dialect);
    return out.str();
}

report::Document one_column(const std::vector<std::string>& texts) {
    report::Document doc;
    report::Section s;
    s.table.columns = {{"Текст"}};
    for (const auto& t : texts) {
        s.table.rows.push_back({t});
    }
    doc.sections = {s};
    return doc;
}

} // namespace

TEST_CASE("CSV excel dialect: BOM, ';', CRLF, decimal comma, Russian dates", "[formats][csv]") {
    const std::string expected = "\xEF\xBB\xBF"
                                 "Класс;№;ФИО;Дата рождения;Балл;Примечание\r\n"
                                 "5А;1;Ёлкин Пётр;01.03.2014;4,58;'=1+2\r\n"
                                 "5А;2;\"Иванова \"\"Аня\"\"\";31.12.2013;58,10;\"a;b, <c>\"\r\n"
                                 "5Б;1;Юдин Семён;;-0,05;'-1\r\n";
    CHECK(csv(schoolctl::test::small_document(), CsvDialect::excel) == expected);
}

TEST_CASE("CSV RFC 4180 dialect: ',', no BOM, ISO dates, decimal point", "[formats][csv]") {
    const std::string expected = "Класс,№,ФИО,Дата рождения,Балл,Примечание\r\n"
                                 "5А,1,Ёлкин Пётр,2014-03-01,4.58,'=1+2\r\n"
                                 "5А,2,\"Иванова \"\"Аня\"\"\",2013-12-31,58.10,\"a;b, <c>\"\r\n"
                                 "5Б,1,Юдин Семён,,-0.05,'-1\r\n";
    CHECK(csv(schoolctl::test::small_document(), CsvDialect::rfc4180) == expected);
}

TEST_CASE("CSV never lets text start like a formula", "[formats][csv]") {
    const auto doc = one_column(
        {"=HYPERLINK(\"x\")", "+7 999", "-", "@SUM(A1)", "\tx", "\rx", "a=b", " =1", "обычный"});
    const std::string expected = "Текст\r\n"
                                 "\"'=HYPERLINK(\"\"x\"\")\"\r\n"
                                 "'+7 999\r\n"
                                 "'-\r\n"
                                 "'@SUM(A1)\r\n"
                                 "'\tx\r\n"
                                 "\"'\rx\"\r\n"
                                 "a=b\r\n"
                                 " =1\r\n"
                                 "обычный\r\n";
    CHECK(csv(doc, CsvDialect::rfc4180) == expected);
}

TEST_CASE("CSV numbers are not text: a negative number keeps its sign", "[formats][csv]") {
    report::Document doc;
    report::Section s;
    s.table.columns = {{"n"}, {"d"}};
    s.table.rows = {{std::int64_t{-3}, report::Decimal{-150, 1}}};
    doc.sections = {s};
    CHECK(csv(doc, CsvDialect::rfc4180) == "n,d\r\n-3,-15.0\r\n");
}

TEST_CASE("CSV quotes line breaks and the dialect's delimiter only", "[formats][csv]") {
    const auto doc = one_column({"две\nстроки", "a,b", "a;b"});
    CHECK(csv(doc, CsvDialect::rfc4180) == "Текст\r\n\"две\nстроки\"\r\n\"a,b\"\r\na;b\r\n");
    CHECK(csv(doc, CsvDialect::excel) ==
          "\xEF\xBB\xBFТекст\r\n\"две\nстроки\"\r\na,b\r\n\"a;b\"\r\n");
}

TEST_CASE("CSV without a section title has no section column", "[formats][csv]") {
    auto doc = schoolctl::test::small_document();
    doc.section_key_title.clear();
    const std::string out = csv(doc, CsvDialect::rfc4180);
    CHECK(out.rfind("№,ФИО,Дата рождения,Балл,Примечание\r\n1,Ёлкин Пётр,", 0) == 0);
}

TEST_CASE("CSV flattens sections with different columns by title", "[formats][csv]") {
    report::Document doc;
    doc.section_key_title = "Класс";
    report::Section a, b;
    a.key = "5А";
    a.table.columns = {{"ФИО"}, {"Оценка"}, {"Оценка"}};
    a.table.rows = {{std::string("Ёлкин"), std::int64_t{5}, std::int64_t{4}}};
    b.key = "5Б";
    b.table.columns = {{"ФИО"}, {"Пропуски"}, {"Оценка"}};
    b.table.rows = {{std::string("Юдин"), std::int64_t{2}, std::int64_t{3}}};
    doc.sections = {a, b};
    CHECK(csv(doc, CsvDialect::rfc4180) == "Класс,ФИО,Оценка,Оценка,Пропуски\r\n"
                                           "5А,Ёлкин,5,4,\r\n"
                                           "5Б,Юдин,3,,2\r\n");
}

TEST_CASE("CSV of an empty document", "[formats][csv]") {
    CHECK(csv(report::Document{}, CsvDialect::rfc4180).empty());
    CHECK(csv(report::Document{}, CsvDialect::excel) == "\xEF\xBB\xBF");
}

TEST_CASE("CSV names grouped columns «Group: Title»", "[formats][csv]") {
    auto doc = schoolctl::test::featured_document();
    doc.sections[0].table.groups = {{"=Математика", 1, 2}};
    const std::string out = csv(doc, CsvDialect::excel);
    CHECK(out.rfind("\xEF\xBB\xBFПараллель;Класс;'=Математика: I;'=Математика: II;год;", 0) == 0);
    doc.sections[0].table.groups = {{"Математика", 1, 3}};
    CHECK(csv(doc, CsvDialect::rfc4180)
              .rfind("Параллель,Класс,Математика: I,Математика: II,Математика: год,", 0) == 0);
}
