// The DDL of a build in memory: files read once, hashed with the Python tool's scheme, and
// concatenated into the generated schema file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "confiture/build/discover.hpp"
#include "confiture/config/environment.hpp"

namespace confiture::build {

struct LoadedFile {
  SourceFile source;
  std::string content;
};

std::vector<LoadedFile> load_files(const std::vector<SourceFile>& files);

// Lowercase hex SHA-256 over, for each file in build order,
// hash_path (UTF-8) || 0x00 || content || 0x00 — identical to the Python tool's schema hash.
std::string schema_hash(const std::vector<LoadedFile>& files);

// The generated schema file as the byte ranges it is made of: its own header and separators,
// and the files' contents in place (not copied; the files must outlive it), ready for writev.
class GeneratedSchema {
 public:
  GeneratedSchema() = default;
  GeneratedSchema(const GeneratedSchema&) = delete;  // parts_ point into own_
  GeneratedSchema(GeneratedSchema&&) = default;      // own_ is never short: its buffer moves
  GeneratedSchema& operator=(const GeneratedSchema&) = delete;
  GeneratedSchema& operator=(GeneratedSchema&&) = default;
  const std::vector<std::string_view>& parts() const { return parts_; }
  std::size_t size() const { return size_; }
  std::string text() const;

 private:
  friend GeneratedSchema concatenate(const std::vector<LoadedFile>&, const config::Environment&,
                                     const std::string&);
  std::string own_;
  std::vector<std::string_view> parts_;
  std::size_t size_ = 0;
};

// The compat header (no timestamp, so identical input gives identical bytes), then per file
// its separator and content, each ending in a newline.
GeneratedSchema concatenate(const std::vector<LoadedFile>& files, const config::Environment& env,
                            const std::string& hash);

// Whether `file` starts with the header concatenate() writes: a file `build -o` may replace.
bool is_generated_schema(const std::filesystem::path& file);

}  // namespace confiture::build
