// A fresh private directory under the system temp dir, deleted with everything in it when the
// owning TempDir goes away.
#pragma once

#include <filesystem>
#include <string_view>

namespace confiture::test {

class TempDir {
 public:
  explicit TempDir(std::filesystem::path path) : path_(std::move(path)) {}
  TempDir(TempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }
  operator const std::filesystem::path&() const { return path_; }  // NOLINT: reads naturally

 private:
  std::filesystem::path path_;
};

// mkdtemp under std::filesystem::temp_directory_path(), mode 0700.
TempDir make_temp_dir(std::string_view prefix = "confiture-test-");

}  // namespace confiture::test
