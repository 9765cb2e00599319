// The DDL of a build in memory: files read once, hashed with the Python tool's scheme, and
// concatenated into the generated schema file.
#pragma once

#include <string>
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

// The generated schema file: the compat header (no timestamp, so identical input gives
// identical bytes), then per file its separator and content, each ending in a newline.
std::string concatenate(const std::vector<LoadedFile>& files, const config::Environment& env,
                        const std::string& hash);

}  // namespace confiture::build
