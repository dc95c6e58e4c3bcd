// The floor `schoolctl report all` is measured against: the same workbooks, sheets and cells
// written with libxlsxwriter, and the same PDF files and pages written with libharu, with
// nothing else — no database, no report model, no layout, no styles beyond a bold header.
// Each sheet holds rows × columns cells (two text columns, the rest numbers); each PDF page a
// ruled grid of Cyrillic text in embedded Liberation Sans (regular, and bold for the first
// line, as a report's header), as many lines, cells a line and characters a cell as the
// report's pages have on average, with fonts of the kind the report's file has (Unicode CID
// fonts, or single-byte Windows-1251 TrueType fonts).
// The files are written on as many threads as the report run used, one file per task.
//
//     bench_raw_reports [--threads N] MANIFEST OUT_DIR
//
// MANIFEST has one line per file (scripts/bench-reports.sh writes it from the report run):
//     xlsx NAME ROWSxCOLS [ROWSxCOLS ...]     one sheet each
//     pdf NAME PAGES LINES_PER_PAGE CELLS_PER_LINE CHARS_PER_CELL [unicode|cp1251]
// Prints the files, cells and pages written and the wall time in seconds.
#include <hpdf.h>
#include <malloc.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Sheet {
    int rows = 0;
    int cols = 0;
};

struct Task {
    bool pdf = false;
    std::string name;
    std::vector<Sheet> sheets;  // xlsx
    int pages = 0;              // pdf
    int lines = 0;
    int cells = 0;
    int chars = 0;
    bool cp1251 = false;  // single-byte fonts instead of Unicode ones
};

const char* const font_path = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
const char* const bold_path = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
// Text for the cells, cut to each cell's length: Cyrillic with Ё, digits and punctuation.
const std::u32string text_pool =
    U"Ёлкин Пётр Сергеевич 5А Математика н/а 4 5 3 92,00 Щукина Дарья 01.09.2026 Успеваемость";
const char* const surnames[] = {"Ёлкин Пётр", "Иванова Мария", "Соколов Артём", "Щукина Дарья",
                                "Фёдоров Илья", "Кузнецова Алёна", "Смирнов Егор"};

std::string utf8(const std::u32string& text) {
    std::string out;
    for (char32_t cp : text) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else {  // the pool is Cyrillic and ASCII: two bytes at most
            out += static_cast<char>(0xC0u | (cp >> 6));
            out += static_cast<char>(0x80u | (cp & 0x3Fu));
        }
    }
    return out;
}

// The pool's text in Windows-1251: ASCII, А..я, Ё and ё.
std::string windows_1251(const std::u32string& text) {
    std::string out;
    for (char32_t cp : text) {
        out += static_cast<char>(cp < 0x80    ? cp
                                 : cp == U'Ё' ? 0xA8
                                 : cp == U'ё' ? 0xB8
                                              : cp - 0x0410 + 0xC0);
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
    while (std::getline(in, line)) {
        ++line_no;
        std::istringstream words(line);
        std::string kind;
        Task t;
        if (!(words >> kind >> t.name)) {
            continue;
        }
        if (kind == "xlsx") {
            std::string dims;
            while (words >> dims) {
                Sheet s;
                if (std::sscanf(dims.c_str(), "%dx%d", &s.rows, &s.cols) != 2) {
                    throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                             ": sheet size \"" + dims + "\" is not ROWSxCOLS");
                }
                t.sheets.push_back(s);
            }
        } else if (kind == "pdf") {
            t.pdf = true;
            if (!(words >> t.pages >> t.lines >> t.cells >> t.chars)) {
                throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                         ": a pdf line needs PAGES, LINES_PER_PAGE, "
                                         "CELLS_PER_LINE and CHARS_PER_CELL");
            }
            std::string fonts;
            if (words >> fonts && fonts != "unicode" && fonts != "cp1251") {
                throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                         ": fonts \"" + fonts + "\" is not unicode or cp1251");
            }
            t.cp1251 = fonts == "cp1251";
        } else {
            throw std::runtime_error(path + ":" + std::to_string(line_no) + ": unknown kind \"" +
                                     kind + "\"");
        }
        tasks.push_back(std::move(t));
    }
    return tasks;
}

long write_workbook(const Task& t, const std::string& dir) {
    lxw_workbook_options options{};
    lxw_workbook* wb = workbook_new_opt((dir + "/" + t.name).c_str(), &options);
    if (wb == nullptr) {
        throw std::runtime_error("cannot create " + t.name);
    }
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    long cells = 0;
    int n = 0;
    for (const auto& s : t.sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, ("Лист" + std::to_string(++n)).c_str());
        for (int c = 0; c < s.cols; ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), "Заголовок", bold);
        }
        for (int r = 1; r < s.rows; ++r) {
            worksheet_write_number(ws, static_cast<lxw_row_t>(r), 0, r, nullptr);
            worksheet_write_string(ws, static_cast<lxw_row_t>(r), 1, surnames[r % 7], nullptr);
            for (int c = 2; c < s.cols; ++c) {
                worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                       2 + (r * 7 + c) % 4, nullptr);
            }
        }
        cells += static_cast<long>(s.rows) * s.cols;
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
        std::vector<std::string> texts;  // a cell's text for each start in the pool
        for (std::size_t i = 0; i < text_pool.size(); ++i) {
            const std::u32string text = text_pool.substr(i, static_cast<std::size_t>(t.chars));
            texts.push_back(t.cp1251 ? windows_1251(text) : utf8(text));
        }
        const int cols = std::max(1, t.cells);
        for (int p = 0; p < t.pages; ++p) {
            HPDF_Page page = HPDF_AddPage(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
            const float left = 36, top = 559, width = 770;
            const float row_h = std::min(20.0F, 520.0F / static_cast<float>(std::max(1, t.lines)));
            const float col_w = width / static_cast<float>(cols);
            // A ruled grid: every cell's box, as a report's table draws it.
            HPDF_Page_SetLineWidth(page, 0.5);
            for (int r = 0; r < t.lines; ++r) {
                for (int c = 0; c < cols; ++c) {
                    HPDF_Page_Rectangle(page, left + static_cast<float>(c) * col_w,
                                        top - static_cast<float>(r + 1) * row_h, col_w, row_h);
                }
            }
            HPDF_Page_Stroke(page);
            HPDF_Page_BeginText(page);
            for (int r = 0; r < t.lines; ++r) {
                HPDF_Page_SetFontAndSize(page, r == 0 ? bold : font, std::min(9.0F, row_h * 0.7F));
                float y = top - static_cast<float>(r + 1) * row_h + row_h * 0.25F;
                for (int c = 0; c < cols; ++c) {
                    HPDF_Page_TextOut(page, left + 2 + static_cast<float>(c) * col_w, y,
                                      texts[static_cast<std::size_t>(r * 7 + c) % texts.size()]
                                          .c_str());
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
                        pages += tasks[i].pages;
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
