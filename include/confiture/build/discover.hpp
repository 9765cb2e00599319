// Finds the DDL files of an environment and puts them in build order (SPEC §2).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "confiture/config/environment.hpp"

namespace confiture::build {

struct SourceFile {
  std::filesystem::path path;  // absolute
  std::string display;         // relative to the project dir ('/'-separated): used in messages
  std::string hash_path;       // relative to the common parent of the include dirs: hashed
  bool seed = false;           // under a seeds directory: left out by --schema-only
};

// Include dirs are taken by `order` (then as listed); inside one dir, files sort by path, one
// path component at a time (alphabetical, or by uppercase hex prefix in hex mode). A file
// reached twice (the same device and inode, through two include dirs or symbolic links) keeps its
// first place. Symbolic links are followed; a directory is read once, so a link loop ends. A
// dangling or self-referencing link is left out with a message in `warnings`: every command that
// discovers the files shows them (Output::warn), so there is no form that drops them.
// Errors: a missing dir with auto_discover off (SCHEMA_201), no file at all (SCHEMA_205).
std::vector<SourceFile> discover(const config::Environment& env,
                                 std::vector<std::string>& warnings);

// The Python tool's seed rule: a directory component containing "seed" or "seeds" as a whole
// token (delimited by start/end, '_' or '-'), e.g. seeds/, 30_seed_data/, 10-seeds/.
bool is_seed_path(const std::string& relative_path);

}  // namespace confiture::build
