#pragma once
// A private temporary directory removed when the test ends.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace schoolctl::test {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "schoolctl-test-XXXXXX");
        char* made = ::mkdtemp(pattern.data());
        path_ = made ? made : throw std::runtime_error("mkdtemp failed");
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace schoolctl::test
