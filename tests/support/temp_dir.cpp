// TempDir: mkdtemp + recursive removal.
#include "temp_dir.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <string>

namespace confiture::test {

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TempDir make_temp_dir(std::string_view prefix) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  return TempDir(pattern);
}

}  // namespace confiture::test
