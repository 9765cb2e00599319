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
// unless `force`; and, unless `force` or `bare`, when db/schema/ or db/migrations/ already hold
// .sql files of their own (an existing project gets no sample files mixed into it). `bare` writes
// only the environments and .gitignore, and creates db/schema/ and db/migrations/.
InitResult init_project(const std::filesystem::path& dir, bool force, bool bare = false);

}  // namespace confiture::config
