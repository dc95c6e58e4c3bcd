// The floor `schoolctl report all` is measured against: the same workbooks, sheets and cells
// with the same values written with libxlsxwriter, and the same PDF files and pages with the
// same text written with libharu, with nothing else — no database, no report model, no layout,
// no styles beyond a border for blank boxes. Each PDF page is a ruled grid: each line of text
// of the report's page a row, each piece of it a cell with its box, in embedded Liberation
// Sans (bold for the page's first line, as a report's header), with fonts of the kind the
// report's file has (Unicode CID fonts, or single-byte Windows-1251 TrueType fonts).
// Not written: merged cells, column widths, frozen panes, print setup, conditional formats
// and charts, which the report's workbooks have.
// The files are written on as many threads as the report run used, one file per task.
//
//     bench_raw_reports [--threads N] MANIFEST OUT_DIR
//
// MANIFEST is what scripts/report_manifest.py writes from the report run: every cell and every
// line of text of every file (see there). Prints the files, cells and pages written and the
// wall time in seconds.
#include <hpdf.h>
#include <iconv.h>
#include <malloc.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Cell {
    int col = 0;
    char kind = 'b';    // n: number, s: text, b: blank box
    std::string text;   // s
    double number = 0;  // n
};

struct Row {
    int index = 0;
    std::vector<Cell> cells;
};

struct Sheet {
    std::string title;
    std::vector<Row> rows;
};

using Line = std::vector<std::string>;  // the pieces of a line of text
using Page = std::vector<Line>;

struct Task {
    bool pdf = false;
    std::string name;
    std::vector<Sheet> sheets;  // xlsx
    std::vector<Page> pages;    // pdf
    bool cp1251 = false;        // single-byte fonts instead of Unicode ones
};

const char* const font_path = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
const char* const bold_path = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
        if (tab == std::string::npos) {
            return out;
        }
        start = tab + 1;
    }
}

std::string unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            char c = text[++i];
            out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::vector<Task> read_manifest(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::vector<Task> tasks;
    std::string line;
    int line_no = 0;
    auto fail = [&](const std::string& why) {
        throw std::runtime_error(path + ":" + std::to_string(line_no) + ": " + why);
    };
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty()) {
            continue;
        }
        if (line.rfind("xlsx ", 0) == 0) {
            tasks.push_back(Task{false, line.substr(5), {}, {}, false});
        } else if (line.rfind("pdf ", 0) == 0) {
            std::size_t space = line.rfind(' ');
            std::string fonts = line.substr(space + 1);
            if (space <= 4 || (fonts != "unicode" && fonts != "cp1251")) {
                fail("a pdf line is `pdf NAME unicode|cp1251`");
            }
            tasks.push_back(Task{true, line.substr(4, space - 4), {}, {}, fonts == "cp1251"});
        } else if (tasks.empty()) {
            fail("content before the first file");
        } else if (line.rfind("sheet\t", 0) == 0 && !tasks.back().pdf) {
            tasks.back().sheets.push_back({unescape(line.substr(6)), {}});
        } else if (line.rfind("row\t", 0) == 0 && !tasks.back().pdf &&
                   !tasks.back().sheets.empty()) {
            std::vector<std::string> fields = split_tabs(line);
            Row row;
            row.index = std::atoi(fields[1].c_str());
            for (std::size_t i = 2; i < fields.size(); ++i) {
                const std::string& f = fields[i];
                std::size_t comma = f.find(',');
                if (comma == std::string::npos || comma + 1 >= f.size()) {
                    fail("a cell is COL,nNUMBER, COL,sTEXT or COL,b");
                }
                Cell c;
                c.col = std::atoi(f.c_str());
                c.kind = f[comma + 1];
                if (c.kind == 'n') {
                    c.number = std::strtod(f.c_str() + comma + 2, nullptr);
                } else if (c.kind == 's') {
                    c.text = unescape(f.substr(comma + 2));
                }
                row.cells.push_back(std::move(c));
            }
            tasks.back().sheets.back().rows.push_back(std::move(row));
        } else if (line == "page" && tasks.back().pdf) {
            tasks.back().pages.emplace_back();
        } else if (line.rfind("line\t", 0) == 0 && tasks.back().pdf &&
                   !tasks.back().pages.empty()) {
            std::vector<std::string> pieces = split_tabs(line.substr(5));
            for (auto& p : pieces) {
                p = unescape(p);
            }
            tasks.back().pages.back().push_back(std::move(pieces));
        } else {
            fail("unexpected line \"" + line.substr(0, 40) + "\"");
        }
    }
    return tasks;
}

long write_workbook(const Task& t, const std::string& dir) {
    lxw_workbook_options options{};
    lxw_workbook* wb = workbook_new_opt((dir + "/" + t.name).c_str(), &options);
    if (wb == nullptr) {
        throw std::runtime_error("cannot create " + t.name);
    }
    lxw_format* box = workbook_add_format(wb);
    format_set_border(box, LXW_BORDER_THIN);
    long cells = 0;
    for (const auto& s : t.sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, s.title.c_str());
        for (const auto& r : s.rows) {
            auto row = static_cast<lxw_row_t>(r.index);
            for (const auto& c : r.cells) {
                auto col = static_cast<lxw_col_t>(c.col);
                if (c.kind == 'n') {
                    worksheet_write_number(ws, row, col, c.number, nullptr);
                } else if (c.kind == 's') {
                    worksheet_write_string(ws, row, col, c.text.c_str(), nullptr);
                } else {
                    worksheet_write_blank(ws, row, col, box);
                }
                ++cells;
            }
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) {
        throw std::runtime_error("cannot write " + t.name);
    }
    return cells;
}

void on_pdf_error(HPDF_STATUS error, HPDF_STATUS detail, void*) {
    throw std::runtime_error("libharu error " + std::to_string(error) + "/" +
                             std::to_string(detail));
}

// UTF-8 text in Windows-1251, as a single-byte font draws it (iconv, characters outside the
// code page dropped: the report's file had none, or it would have Unicode fonts).
class ToCp1251 {
public:
    ToCp1251() : cd_(iconv_open("CP1251//IGNORE", "UTF-8")) {
        if (cd_ == reinterpret_cast<iconv_t>(-1)) {
            throw std::runtime_error("iconv cannot convert UTF-8 to CP1251");
        }
    }
    ~ToCp1251() { iconv_close(cd_); }
    ToCp1251(const ToCp1251&) = delete;
    ToCp1251& operator=(const ToCp1251&) = delete;
    std::string operator()(const std::string& utf8) {
        std::string out(utf8.size(), '\0');
        char* in = const_cast<char*>(utf8.data());
        std::size_t in_left = utf8.size();
        char* to = out.data();
        std::size_t out_left = out.size();
        iconv(cd_, &in, &in_left, &to, &out_left);
        out.resize(out.size() - out_left);
        return out;
    }

private:
    iconv_t cd_;
};

void write_pdf(const Task& t, const std::string& dir) {
    HPDF_Doc pdf = HPDF_New(on_pdf_error, nullptr);
    try {
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        const char* encoder = t.cp1251 ? "CP1251" : "UTF-8";
        HPDF_Font font =
            HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, font_path, HPDF_TRUE), encoder);
        HPDF_Font bold =
            HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, bold_path, HPDF_TRUE), encoder);
        ToCp1251 to_cp1251;
        for (const Page& lines : t.pages) {
            HPDF_Page page = HPDF_AddPage(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
            const float left = 36, top = 559, width = 770;
            const float row_h =
                std::min(20.0F, 520.0F / static_cast<float>(std::max<std::size_t>(1, lines.size())));
            // A ruled grid: every cell's box, as a report's table draws it.
            HPDF_Page_SetLineWidth(page, 0.5);
            for (std::size_t r = 0; r < lines.size(); ++r) {
                const float col_w = width / static_cast<float>(lines[r].size());
                for (std::size_t c = 0; c < lines[r].size(); ++c) {
                    HPDF_Page_Rectangle(page, left + static_cast<float>(c) * col_w,
                                        top - static_cast<float>(r + 1) * row_h, col_w, row_h);
                }
            }
            HPDF_Page_Stroke(page);
            HPDF_Page_BeginText(page);
            for (std::size_t r = 0; r < lines.size(); ++r) {
                HPDF_Page_SetFontAndSize(page, r == 0 ? bold : font, std::min(9.0F, row_h * 0.7F));
                const float col_w = width / static_cast<float>(lines[r].size());
                float y = top - static_cast<float>(r + 1) * row_h + row_h * 0.25F;
                for (std::size_t c = 0; c < lines[r].size(); ++c) {
                    const std::string& text = lines[r][c];
                    HPDF_Page_TextOut(page, left + 2 + static_cast<float>(c) * col_w, y,
                                      t.cp1251 ? to_cp1251(text).c_str() : text.c_str());
                }
            }
            HPDF_Page_EndText(page);
        }
        HPDF_SaveToFile(pdf, (dir + "/" + t.name).c_str());
    } catch (...) {
        HPDF_Free(pdf);
        throw;
    }
    HPDF_Free(pdf);
}

}  // namespace

int main(int argc, char** argv) {
    // As schoolctl does: keep freed memory for the next file (LIBRARY-NOTES, "Memory").
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TOP_PAD, 16 * 1024 * 1024);
    int threads = 2;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc) {
            threads = std::max(1, std::atoi(argv[++i]));
        } else {
            args.push_back(a);
        }
    }
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: bench_raw_reports [--threads N] MANIFEST OUT_DIR\n");
        return 64;
    }
    try {
        std::vector<Task> tasks = read_manifest(args[0]);
        const std::string& dir = args[1];
        std::atomic<std::size_t> next{0};
        std::atomic<long> cells{0};
        std::atomic<long> pages{0};
        std::vector<std::string> errors(static_cast<std::size_t>(threads));
        auto start = std::chrono::steady_clock::now();
        auto work = [&](std::size_t me) {
            try {
                for (std::size_t i = next++; i < tasks.size(); i = next++) {
                    if (tasks[i].pdf) {
                        write_pdf(tasks[i], dir);
                        pages += static_cast<long>(tasks[i].pages.size());
                    } else {
                        cells += write_workbook(tasks[i], dir);
                    }
                }
            } catch (const std::exception& e) {
                errors[me] = e.what();
            }
        };
        std::vector<std::thread> pool;
        for (int i = 1; i < threads; ++i) {
            pool.emplace_back(work, static_cast<std::size_t>(i));
        }
        work(0);
        for (auto& t : pool) {
            t.join();
        }
        double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (const auto& e : errors) {
            if (!e.empty()) {
                std::fprintf(stderr, "bench_raw_reports: %s\n", e.c_str());
                return 70;
            }
        }
        std::printf("%zu files, %ld cells, %ld pages, %d threads: %.2f s\n", tasks.size(),
                    cells.load(), pages.load(), threads, wall);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_raw_reports: %s\n", e.what());
        return 66;
    }
    return 0;
}
