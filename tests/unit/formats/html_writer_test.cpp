#include "formats/html_writer.h"
#include "report_test_support.h"

#include <catch2/catch.hpp>
#include <sstream>

using schoolctl::formats::html_escape;
using schoolctl::formats::write_html;
namespace report = schoolctl::report;

namespace {

std::string html(const report::Document& doc) {
    std::ostringstream out;
    write_html(doc, out);
    return out.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos;
         pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("html_escape", "[formats][html]") {
    CHECK(html_escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    CHECK(html_escape("Ёлкин") == "Ёлкин");
}

TEST_CASE("HTML is one self-contained Russian page", "[formats][html]") {
    const std::string out = html(schoolctl::test::small_document());
    CHECK(out.rfind("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">", 0) ==
          0);
    CHECK(out.find("<title>Список класса — Школа № 1 &amp; Co</title>") != std::string::npos);
    CHECK(out.find("<link") == std::string::npos);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.substr(out.size() - 8) == "</html>\n");
}

TEST_CASE("HTML escapes every cell and shows numbers the Russian way", "[formats][html]") {
    const std::string out = html(schoolctl::test::small_document());
    CHECK(out.find("<td>Иванова &quot;Аня&quot;</td>") != std::string::npos);
    CHECK(out.find("<td>a;b, &lt;c&gt;</td>") != std::string::npos);
    CHECK(out.find("<c>") == std::string::npos);
    CHECK(out.find("<td class=\"r n\">58,10</td>") != std::string::npos);
    CHECK(out.find("<td class=\"c\">01.03.2014</td>") != std::string::npos);
    CHECK(out.find("<td class=\"r n\">-0,05</td>") != std::string::npos);
    CHECK(out.find("<th class=\"r\">№</th><th>ФИО</th><th class=\"c\">Дата рождения</th>") !=
          std::string::npos);
    CHECK(out.find("<p class=\"meta\"><span class=\"label\">Классный руководитель:</span> "
                   "Смирнова О. В.</p>") != std::string::npos);
    CHECK(out.find("<p class=\"note\">Сверено.</p>") != std::string::npos);
    CHECK(out.find("<p class=\"footnote\">* на 28.11.2026</p>") != std::string::npos);
}

TEST_CASE("HTML prints like the paper form", "[formats][html]") {
    auto doc = schoolctl::test::small_document();
    std::string out = html(doc);
    CHECK(out.find("@page { size: A4 portrait; margin: 12mm; }") != std::string::npos);
    CHECK(out.find("section + section { page-break-before: always; break-before: page; }") !=
          std::string::npos);
    CHECK(out.find("thead { display: table-header-group; }") != std::string::npos);
    CHECK(out.find("font-family: \"Liberation Sans\", Arial, sans-serif;") != std::string::npos);
    CHECK(count(out, "<section>") == 2);
    CHECK(count(out, "<thead>") == 2);
    CHECK(out.find("<col style=\"width: 6.25%\"><col style=\"width: 31.25%\"><col style=\"width: "
                   "18.75%\"><col style=\"width: 12.50%\"><col style=\"width: 31.25%\">") !=
          std::string::npos);

    doc.orientation = report::Orientation::landscape;
    out = html(doc);
    CHECK(out.find("@page { size: A4 landscape; margin: 12mm; }") != std::string::npos);
}

TEST_CASE("HTML groups: a first heading row with colspan", "[formats][html]") {
    const std::string out = html(schoolctl::test::featured_document());
    CHECK(out.find("<thead>\n<tr><th></th><th colspan=\"3\" class=\"g\">Математика</th><th></th>"
                   "<th></th></tr>\n<tr><th>Класс</th>") != std::string::npos);
}

TEST_CASE("HTML highlights exactly the cells the rules catch", "[formats][html]") {
    const std::string out = html(schoolctl::test::featured_document());
    // 5Б: 2,90 (below 3), «н/а», 2 (text "2"), 41,00 (below 50), 30,00 (at least 30).
    CHECK(count(out, " hl\"") == 5);
    CHECK(out.find("<td class=\"r n hl\">2,90</td><td class=\"r hl\">н/а</td>"
                   "<td class=\"r n hl\">2</td><td class=\"r n hl\">41,00</td>"
                   "<td class=\"r n hl\">30,00</td>") != std::string::npos);
    CHECK(out.find("<td class=\"r n\">29,99</td>") != std::string::npos);
    CHECK(out.find("<td class=\"r n\">3,00</td>") == std::string::npos);
    CHECK(out.find("td.hl {") != std::string::npos);
    CHECK(out.find("print-color-adjust: exact;") != std::string::npos);
}

TEST_CASE("HTML charts are inline SVG, signatures end each section", "[formats][html]") {
    const std::string out = html(schoolctl::test::featured_document());
    CHECK(count(out, "<svg ") == 2);
    CHECK(count(out, "</svg>") == 2);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find(">Качество знаний по классам, %</text>") != std::string::npos);
    CHECK(out.find("<polyline ") != std::string::npos);
    CHECK(out.find(">5Ё</text>") != std::string::npos);
    const auto signatures = out.find("<div class=\"signatures\">");
    REQUIRE(signatures != std::string::npos);
    CHECK(signatures > out.rfind("</svg>"));
    CHECK(signatures < out.find("</section>"));
    CHECK(out.find("<span class=\"label\">Директор</span><span class=\"line\"></span>"
                   "<span class=\"value\">Ёлкина А. П.</span>") != std::string::npos);
}

TEST_CASE("HTML without the additions has none of their style", "[formats][html]") {
    const std::string out = html(schoolctl::test::small_document());
    for (const char* absent : {"td.hl", "th.g", "figure.chart", ".signature", "colspan", "<svg"}) {
        CAPTURE(absent);
        CHECK(out.find(absent) == std::string::npos);
    }
}
