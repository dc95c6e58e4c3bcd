#pragma once
// The shared string table (xl/sharedStrings.xml): the text of most cells, which refer to it by
// index. Held whole while a sheet is read, so it has its own limit. Internal to the XLSX reader.
#include "formats/zip_archive.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats::xlsx {

// Packed into one buffer: a workbook may have a million strings, and a std::string each
// would cost 32 bytes and an allocation apiece.
class SharedStrings {
  public:
    // Refuses a part that inflates past `max_bytes` and a string over Excel's cell limit.
    void load(const ZipArchive& zip, const std::string& part, std::uint64_t max_bytes);
    std::size_t size() const { return ends_.size(); }
    std::string_view at(std::size_t index) const;

  private:
    std::string text_;
    std::vector<std::uint32_t> ends_; // the end of each string in text_ (text_ < 4 GiB)
};

} // namespace schoolctl::formats::xlsx
