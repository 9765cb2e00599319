// `confiture init`: writes the SPEC §1 project layout with a sample schema that builds at once
// on the embedded server.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace confiture::config {

struct InitResult {
  std::vector<std::string> written;  // relative to the project dir
  std::vector<std::string> kept;     // existing files left alone (already identical)
};

// Refuses (CONFIG_013, nothing written) when a file it would write exists with other content,
// unless `force`.
InitResult init_project(const std::filesystem::path& dir, bool force);

}  // namespace confiture::config
