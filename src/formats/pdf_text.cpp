#include "formats/pdf_text.h"

#include <algorithm>

namespace schoolctl::formats {
namespace {

struct Piece {
    std::string_view text;
    bool space_before = false;
};

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

// Words split at spaces (runs collapse, as in print), then after each hyphen that follows a
// character, so «-1» stays whole but «Петрова-Водкина» may break after the hyphen.
std::vector<Piece> pieces(std::string_view paragraph) {
    std::vector<Piece> out;
    std::size_t pos = 0;
    while (pos < paragraph.size()) {
        const std::size_t stop = std::min(paragraph.find(' ', pos), paragraph.size());
        std::string_view word = paragraph.substr(pos, stop - pos);
        pos = stop + 1;
        bool space_before = true;
        while (!word.empty()) {
            std::size_t cut = word.size();
            for (std::size_t i = 1; i + 1 < word.size(); ++i) {
                if (word[i] == '-' && word[i - 1] != '-') {
                    cut = i + 1;
                    break;
                }
            }
            out.push_back({word.substr(0, cut), space_before});
            word.remove_prefix(cut);
            space_before = false;
        }
    }
    if (!out.empty()) {
        out.front().space_before = false;
    }
    return out;
}

// A piece wider than the line, split between characters; each line holds at least one.
void split_piece(const PdfCanvas& canvas, std::string_view piece, Face face, float size,
                 float max_width, std::vector<std::string>& lines, std::string& line) {
    float line_width = canvas.text_width(line, face, size);
    std::size_t start = 0;
    for (std::size_t i = 1; i <= piece.size(); ++i) {
        if (i < piece.size() && is_continuation(piece[i])) {
            continue;
        }
        const std::string_view character = piece.substr(start, i - start);
        const float w = canvas.text_width(character, face, size);
        if (line_width + w > max_width && !line.empty()) {
            lines.push_back(std::move(line));
            line.clear();
            line_width = 0;
        }
        line.append(character);
        line_width += w;
        start = i;
    }
}

} // namespace

std::vector<std::string> wrap_lines(const PdfCanvas& canvas, std::string_view text, Face face,
                                    float size, float max_width) {
    std::vector<std::string> lines;
    if (text.empty()) {
        return lines;
    }
    const float space = canvas.text_width(" ", face, size);
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line;
        float line_width = 0;
        for (const Piece& piece : pieces(text.substr(start, end - start))) {
            // libharu applies no kerning, so widths simply add up.
            const float w = canvas.text_width(piece.text, face, size);
            const float gap = piece.space_before ? space : 0;
            if (!line.empty() && line_width + gap + w <= max_width) {
                line.append(piece.space_before ? " " : "").append(piece.text);
                line_width += gap + w;
                continue;
            }
            if (!line.empty()) {
                lines.push_back(std::move(line));
                line.clear();
            }
            if (w <= max_width) {
                line.assign(piece.text);
            } else {
                split_piece(canvas, piece.text, face, size, max_width, lines, line);
            }
            line_width = canvas.text_width(line, face, size);
        }
        lines.push_back(std::move(line));
        if (end >= text.size()) {
            break;
        }
        start = end + 1;
    }
    return lines;
}

float widest_piece(const PdfCanvas& canvas, std::string_view text, Face face, float size) {
    float widest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        for (const Piece& piece : pieces(text.substr(start, end - start))) {
            widest = std::max(widest, canvas.text_width(piece.text, face, size));
        }
        start = end + 1;
    }
    return widest;
}

} // namespace schoolctl::formats
