#include "formats/report_writer.h"

#include "formats/html_writer.h"
#include "formats/json_writer.h"
#include "formats/pdf_writer.h"
#include "formats/table_writer.h"
#include "formats/xlsx_writer.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/error.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>
#include <utility>

namespace schoolctl::formats {
namespace {

constexpr std::array<std::pair<std::string_view, ReportFormat>, 6> names{{
    {"xlsx", ReportFormat::xlsx},
    {"pdf", ReportFormat::pdf},
    {"html", ReportFormat::html},
    {"csv", ReportFormat::csv},
    {"json", ReportFormat::json},
    {"table", ReportFormat::table},
}};

std::time_t creation_time(const RenderOptions& options) {
    return options.created != 0 ? options.created : now_seconds();
}

// Streams into an AtomicFile through a buffer, so a large CSV never sits in memory whole.
class AtomicFileBuf : public std::streambuf {
  public:
    explicit AtomicFileBuf(AtomicFile& file) : file_(file) { setp(buf_, buf_ + sizeof buf_); }

  protected:
    int_type overflow(int_type ch) override {
        flush_buffer();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override {
        flush_buffer();
        return 0;
    }

  private:
    void flush_buffer() {
        file_.write({pbase(), static_cast<std::size_t>(pptr() - pbase())});
        setp(buf_, buf_ + sizeof buf_);
    }
    AtomicFile& file_;
    char buf_[64 * 1024];
};

// Text and PDF renderers write to any stream.
void render_to_stream(const report::Document& doc, ReportFormat format, std::ostream& out,
                      const RenderOptions& options) {
    switch (format) {
    case ReportFormat::pdf:
        write_pdf(doc, out, {options.font_regular, options.font_bold, creation_time(options)});
        return;
    case ReportFormat::html:
        write_html(doc, out);
        return;
    case ReportFormat::csv:
        write_csv(doc, out, options.csv_dialect);
        return;
    case ReportFormat::json:
        write_json(doc, out);
        return;
    case ReportFormat::table:
        write_table(doc, out, options.color);
        return;
    case ReportFormat::xlsx:
        break;
    }
    throw Error(ExitCode::failure, "internal: XLSX cannot be rendered to a stream directly");
}

// A private scratch file for XLSX on stdout, removed however we leave.
class ScratchFile {
  public:
    ScratchFile() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "schoolctl-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) {
            throw Error(ExitCode::cant_create,
                        "cannot create " + pattern + ": " + std::strerror(errno));
        }
        ::close(fd);
        path_ = pattern;
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    ~ScratchFile() { ::unlink(path_.c_str()); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

} // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) {
    for (const auto& [text, format] : names) {
        if (text == name) {
            return format;
        }
    }
    return std::nullopt;
}

std::string_view file_extension(ReportFormat format) {
    if (format == ReportFormat::table) {
        return "txt";
    }
    for (const auto& [text, f] : names) {
        if (f == format) {
            return text;
        }
    }
    return "txt";
}

void write_report_file(const report::Document& doc, ReportFormat format,
                       const std::filesystem::path& final_path, const RenderOptions& options) {
    AtomicFile file(final_path);
    if (format == ReportFormat::xlsx) {
        write_xlsx(doc, file.temp_path(), {creation_time(options)});
    } else {
        AtomicFileBuf buf(file);
        std::ostream out(&buf);
        // Let the AtomicFile's Error(io) out of the stream instead of a silent badbit.
        out.exceptions(std::ios::badbit);
        render_to_stream(doc, format, out, options);
        out.flush();
    }
    file.commit();
}

void write_report(const report::Document& doc, ReportFormat format, std::ostream& out,
                  const RenderOptions& options) {
    if (format == ReportFormat::xlsx) {
        ScratchFile scratch;
        write_xlsx(doc, scratch.path(), {creation_time(options)});
        std::ifstream in(scratch.path(), std::ios::binary);
        if (!(out << in.rdbuf())) {
            throw Error(ExitCode::io, "cannot write the report: output stream failed");
        }
    } else {
        render_to_stream(doc, format, out, options);
    }
    out.flush();
    if (!out) {
        throw Error(ExitCode::io, "cannot write the report: output stream failed");
    }
}

} // namespace schoolctl::formats
