#pragma once
// Where a OneRoster bundle's files come from. The spec ships a bundle as a zip; schools and
// tests also have it unpacked in a folder. The reader only needs the names at the top level and
// each file's bytes, so a zip source is a few lines over formats/zip_archive.h.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace schoolctl::formats {

// No file of a bundle may be larger: a district's users.csv (100 schools, ~200k people) is well
// under it, and a zip entry that claims more is refused before it is inflated.
inline constexpr std::size_t max_bundle_file_bytes = std::size_t{1} << 30;

class BundleSource {
  public:
    BundleSource() = default;
    BundleSource(const BundleSource&) = delete;
    BundleSource& operator=(const BundleSource&) = delete;
    virtual ~BundleSource() = default;

    // The names of the files at the top of the bundle ("manifest.csv", "users.csv"), sorted.
    virtual std::vector<std::string> names() const = 0;
    // The bytes of one of them. Error(io) when it cannot be read, Error(data) when it is larger
    // than max_bundle_file_bytes.
    virtual std::string read(const std::string& name) const = 0;
    // What messages call the bundle: its path as given.
    virtual std::string label() const = 0;
};

// A bundle unpacked in a folder. Only regular files at the top level count; subfolders (a zip
// unpacked with its folder) are not looked into.
class FolderSource : public BundleSource {
  public:
    // Error(no_input) when `folder` does not exist or cannot be listed, Error(data) when it is
    // not a folder.
    explicit FolderSource(std::filesystem::path folder);

    std::vector<std::string> names() const override { return names_; }
    std::string read(const std::string& name) const override;
    std::string label() const override { return folder_.string(); }

  private:
    std::filesystem::path folder_;
    std::vector<std::string> names_;
};

class ZipArchive;

// A bundle as the spec ships it: a zip with the files at its top, or inside one folder (a
// folder zipped with its name). Error(data) for a file that is not a zip or breaks the archive
// limits of formats/zip_archive.h.
class ZipSource : public BundleSource {
  public:
    explicit ZipSource(const std::string& path);
    ~ZipSource() override;

    std::vector<std::string> names() const override { return names_; }
    std::string read(const std::string& name) const override;
    std::string label() const override { return path_; }
    // SHA-256 of the zip file's bytes: what the import history records.
    std::string sha256() const;

  private:
    std::string path_;
    std::unique_ptr<ZipArchive> zip_;
    std::string prefix_; // "bundle/" when the files are inside one folder
    std::vector<std::string> names_;
};

} // namespace schoolctl::formats
