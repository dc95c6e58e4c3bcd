#include "formats/slips_pdf.h"
#include "report_test_support.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>

using schoolctl::formats::CredentialSlip;
using schoolctl::formats::SlipGroup;
using schoolctl::formats::SlipsOptions;
using schoolctl::formats::write_slips_pdf;
namespace test = schoolctl::test;

namespace {

constexpr std::time_t created = 1795887814; // 2026-11-28T17:43:34Z
const std::string font_dir = "/usr/share/fonts/truetype/liberation2/";
const std::string hint = "Введите логин и код при первом входе и задайте свой пароль.";

SlipsOptions options() {
    return {"Школа № 1 «Ёлочка»", "https://journal.school1.ru",
            font_dir + "LiberationSans-Regular.ttf", font_dir + "LiberationSans-Bold.ttf", created};
}

CredentialSlip yelkin() {
    return {"Ёлкин Пётр Иванович", "ученик, 5А", "yelkin.petr", "ABCD-EFGH-JKMN-PQRS",
            "01.09.2027"};
}

CredentialSlip fyodorov() {
    return {"Фёдоров Фёдор Семёнович", "родитель: Фёдорова Алёна (5А), Фёдоров Артём (2Б)",
            "fyodorov.fyodor", "WXYZ-2345-6789-QRST", "15.09.2027"};
}

// Slips named «Ученик 01», «Ученик 02», … so that a page's share can be told apart.
SlipGroup numbered(const std::string& heading, std::size_t count) {
    SlipGroup group{heading, {}};
    for (std::size_t i = 1; i <= count; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        group.slips.push_back({"Ученик " + n, "ученик, " + heading, "pupil" + n,
                               "CODE-" + n + "00-0000-0000", "01.09.2027"});
    }
    return group;
}

std::filesystem::path render(const test::TempDir& dir, const std::vector<SlipGroup>& groups,
                             const SlipsOptions& opts = options(),
                             const std::string& name = "slips.pdf") {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::binary);
    write_slips_pdf(groups, opts, out);
    out.close();
    REQUIRE(out);
    return path;
}

// -raw keeps the order of drawing, so each slip's lines come out together.
std::string pdftotext(const std::filesystem::path& pdf, int page = 0) {
    const std::string range =
        page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    const auto result =
        test::run_command("pdftotext -raw" + range + " " + test::quoted(pdf) + " - 2>/dev/null");
    REQUIRE(result.status == 0);
    return result.output;
}

int page_count(const std::filesystem::path& pdf) {
    const auto result = test::run_command("pdfinfo " + test::quoted(pdf) + " 2>/dev/null");
    REQUIRE(result.status == 0);
    const auto at = result.output.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(result.output.substr(at + 6));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Word {
    std::string text;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0; // from the top left corner
};

std::vector<Word> words(const std::filesystem::path& pdf) {
    const auto result =
        test::run_command("pdftotext -bbox -f 1 -l 1 " + test::quoted(pdf) + " - 2>/dev/null");
    REQUIRE(result.status == 0);
    static const std::regex word(
        R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*)</word>)re");
    std::vector<Word> out;
    const std::string& s = result.output;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), word); it != std::sregex_iterator();
         ++it) {
        const auto& m = *it;
        out.push_back({m[5], std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])});
    }
    return out;
}


std::size_t code_points(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
}

} // namespace

TEST_CASE("Slips PDF: every text of every slip extracts, Ё included", "[formats][slips]") {
    test::TempDir dir;
    std::string text = pdftotext(render(dir, {{"Семья Фёдоровых", {yelkin(), fyodorov()}}}));
    std::replace(text.begin(), text.end(), '\n', ' '); // a long detail may wrap
    for (const auto& slip : {yelkin(), fyodorov()}) {
        CAPTURE(slip.person_name);
        // In drawing order, one slip after the other.
        const std::vector<std::string> expected = {"Школа № 1 «Ёлочка»",
                                                   slip.person_name,
                                                   slip.detail,
                                                   "Логин: " + slip.login,
                                                   "Код активации:",
                                                   slip.code,
                                                   "Действует до: " + slip.expires,
                                                   "Вход: https://journal.school1.ru",
                                                   hint};
        std::size_t at = text.rfind(expected[0], text.find(slip.person_name));
        REQUIRE(at != std::string::npos);
        for (const auto& line : expected) {
            CAPTURE(line);
            const auto found = text.find(line, at);
            CHECK(found != std::string::npos);
            at = found == std::string::npos ? at : found + line.size();
        }
    }
    CHECK(contains(text, "Семья Фёдоровых"));
    CHECK(contains(text, "стр. 1 из 1"));
}

TEST_CASE("Slips PDF: eight slips a page, each group from a new page", "[formats][slips]") {
    test::TempDir dir;
    const auto pdf = render(dir, {numbered("5А", 17), SlipGroup{"6Б", {}}, numbered("2Б", 3)});
    REQUIRE(page_count(pdf) == 4);
    const std::vector<std::pair<std::size_t, std::size_t>> pupils = {{1, 8}, {9, 16}, {17, 17}};
    for (int page = 1; page <= 3; ++page) {
        CAPTURE(page);
        const std::string text = pdftotext(pdf, page);
        const auto [first, last] = pupils[static_cast<std::size_t>(page - 1)];
        for (std::size_t i = 1; i <= 17; ++i) {
            const std::string login = std::string(i < 10 ? "pupil0" : "pupil") + std::to_string(i);
            CHECK(contains(text, "Логин: " + login) == (i >= first && i <= last));
        }
        CHECK(text.rfind(page == 1 ? "5А\n" : "5А (продолжение)\n", 0) == 0);
        CHECK(!contains(text, "2Б"));
        CHECK(contains(text, "стр. " + std::to_string(page) + " из 4"));
    }
    const std::string last = pdftotext(pdf, 4);
    CHECK(last.rfind("2Б\n", 0) == 0);
    CHECK(!contains(last, "5А"));
    CHECK(!contains(last, "6Б"));
    CHECK(contains(last, "Логин: pupil03"));
    CHECK(contains(last, "стр. 4 из 4"));
}

// The grid as laid out in slips_pdf.cpp: 2 × 4 slips between 28 pt side margins, 50 pt from the
// top and 40 pt from the bottom of an A4 page; pdftotext measures from the top left corner.
// Counts the words of each column, checking each one lies within its slip of the top row.
std::pair<std::size_t, std::size_t> check_top_row_words(const std::vector<Word>& all) {
    const double page_width = 595.276, page_height = 841.89;
    const double top = 50, bottom = 50 + (page_height - 50 - 40) / 4;
    const double middle = page_width / 2;
    std::size_t left = 0, right = 0;
    for (const Word& w : all) {
        if (w.y_max <= top || w.y_min >= page_height - 40) {
            continue; // the page's heading and footer
        }
        CAPTURE(w.text, w.x_min, w.y_min, w.x_max, w.y_max);
        const bool in_left = w.x_min < middle;
        (in_left ? left : right) += 1;
        CHECK(w.x_min >= (in_left ? 28 : middle));
        CHECK(w.x_max <= (in_left ? middle : page_width - 28));
        CHECK(w.y_min >= top);
        CHECK(w.y_max <= bottom);
    }
    return {left, right};
}

std::string long_name() {
    std::string name;
    for (int i = 1; code_points(name) < 200; ++i) {
        name += "Длинноимённая" + std::to_string(10 + i) + " ";
    }
    return name + "Ёлкина";
}

TEST_CASE("Slips PDF: a 200-character name is shrunk and wrapped inside its slip",
          "[formats][slips]") {
    test::TempDir dir;
    CredentialSlip slip = yelkin();
    slip.person_name = long_name();
    REQUIRE(code_points(slip.person_name) >= 200);
    const auto all = words(render(dir, {{"5А", {slip, fyodorov()}}}));
    const auto [left, right] = check_top_row_words(all);
    CHECK(left > 10);
    CHECK(right > 10);
    // Nothing cut: every word of the name and the code after it are there.
    const auto name_words = std::count_if(all.begin(), all.end(), [](const Word& w) {
        return w.text.rfind("Длинноимённая", 0) == 0 || w.text == "Ёлкина";
    });
    CHECK(name_words == std::count(slip.person_name.begin(), slip.person_name.end(), ' ') + 1);
    CHECK(std::any_of(all.begin(), all.end(),
                      [](const Word& w) { return w.text == "ABCD-EFGH-JKMN-PQRS"; }));
}

TEST_CASE("Slips PDF: everything too long at once still stays inside the slip",
          "[formats][slips]") {
    test::TempDir dir;
    CredentialSlip absurd;
    absurd.person_name = long_name() + " " + long_name();
    absurd.detail = "родитель: " + long_name();
    absurd.login = std::string(80, 'x');
    absurd.code = std::string(60, 'W');
    absurd.expires = std::string(40, '9');
    SlipsOptions opts = options();
    opts.school_name = "Муниципальное бюджетное общеобразовательное учреждение «Средняя "
                       "общеобразовательная школа № 1 с углублённым изучением отдельных предметов "
                       "имени Героя Советского Союза Ивана Ивановича Ёлкина» городского округа";
    opts.login_url = "https://journal.school1.ru/" + std::string(150, 'a');
    const auto [left, right] =
        check_top_row_words(words(render(dir, {{"5А", {absurd, absurd}}}, opts)));
    CHECK(left > 10);
    CHECK(right > 10);
}

TEST_CASE("Slips PDF: without a login URL the line is left out", "[formats][slips]") {
    test::TempDir dir;
    SlipsOptions opts = options();
    CHECK(contains(pdftotext(render(dir, {{"5А", {yelkin()}}}, opts)), "Вход:"));
    opts.login_url.clear();
    const std::string text = pdftotext(render(dir, {{"5А", {yelkin()}}}, opts));
    CHECK(!contains(text, "Вход:"));
    CHECK(contains(text, "Действует до: 01.09.2027"));
    CHECK(contains(text, hint));
}

TEST_CASE("Slips PDF: no slips still make a one-page PDF saying so", "[formats][slips]") {
    test::TempDir dir;
    const std::vector<SlipGroup> none, empty_groups = {{"5А", {}}, {"5Б", {}}};
    for (const auto* groups : {&none, &empty_groups}) {
        CAPTURE(groups->size());
        const auto pdf = render(dir, *groups);
        CHECK(page_count(pdf) == 1);
        const std::string text = pdftotext(pdf);
        CHECK(contains(text, "Нет учётных записей для выдачи"));
        CHECK(contains(text, "стр. 1 из 1"));
        CHECK(!contains(text, "5А"));
    }
}

// pdftotext reads the ToUnicode map, not the glyphs: only the picture shows that Ё has its dots.
TEST_CASE("Slips PDF: draws Ё as a glyph, not as a bare diaeresis", "[formats][slips]") {
    test::TempDir dir;
    CredentialSlip yo = yelkin(), ye = yelkin();
    yo.person_name = "ЁЁЁЁЁЁ ёёёёёё";
    ye.person_name = "ЕЕЕЕЕЕ ееееее";
    const auto ink_yo = test::dark_pixels(render(dir, {{"5А", {yo}}}, options(), "yo.pdf"));
    const auto ink_ye = test::dark_pixels(render(dir, {{"5А", {ye}}}, options(), "ye.pdf"));
    CAPTURE(ink_yo, ink_ye);
    CHECK(ink_yo > ink_ye);
}

TEST_CASE("Slips PDF: reproducible with a fixed creation time", "[formats][slips]") {
    test::TempDir dir;
    const std::vector<SlipGroup> groups = {{"5А", {yelkin(), fyodorov()}}};
    const auto a = render(dir, groups, options(), "a.pdf");
    const auto b = render(dir, groups, options(), "b.pdf");
    CHECK(test::read_file(a) == test::read_file(b));
    const auto info = test::run_command("pdfinfo -isodates " + test::quoted(a) + " 2>/dev/null");
    CHECK(contains(info.output, "CreationDate:    2026-11-28T17:43:34Z"));
    CHECK(contains(info.output, "Page size:       595.276 x 841.89 pts (A4)"));
}
