// The migration files of a project (SPEC §4): `{version}_{name}.up.sql` with an optional
// `{version}_{name}.down.sql`, ordered by version as strings.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confiture::migrate {

struct MigrationFile {
  std::string version;       // the part of the file name before the first '_'
  std::string name;          // the rest, without `.up.sql` / `.down.sql`
  std::filesystem::path up;  // absolute
  std::string up_display;    // relative to the project dir, '/'-separated, for messages
  std::optional<std::filesystem::path> down;  // absolute, when the .down.sql exists
  std::optional<std::string> down_display;
};

// Every migration in `dir` (not recursive), sorted by version (byte-wise string order, so a
// legacy `001_x` sorts before `20260101000000_y`). Subdirectories, hidden files and files that
// are neither `.sql` nor `.py` (README.md, .gitkeep) are ignored. `__init__.py` and `.py` files
// starting with `_` are ignored too (Python package plumbing). Throws Error:
//   MIGR_110 (exit 5) the directory does not exist — names it; hint: migrate generate creates it
//   MIGR_111 (exit 4) a `.py` migration — names the file; hint: convert it to .up.sql/.down.sql
//   MIGR_112 (exit 4) a `.sql` file that is neither `.up.sql` nor `.down.sql` (orphan), or whose
//                     name is not `{version}_{name}` — names the file and the expected pattern
//   MIGR_106 (exit 3) two up files with the same version — names both
//   MIGR_113 (exit 4) a `.down.sql` without its `.up.sql` — names the file
// When several files are wrong, the error names every one (details.files; details.problems has
// {code, files, problem} per problem) so one run shows all; the code is that of the first kind
// present in the order 111, 112, 113, 106. The `.sql` / `.py` suffix is matched in any case so
// that `001_x.UP.SQL` is reported (MIGR_112) rather than silently skipped.
// `project_dir` is only used to make display paths.
std::vector<MigrationFile> find_migrations(const std::filesystem::path& dir,
                                           const std::filesystem::path& project_dir);

// Lowercase hex SHA-256 of the bytes (the ledger's checksum: SPEC §3, of the .up.sql bytes).
std::string checksum_of(std::string_view bytes);

// Reads a whole file. Throws Error MIGR_102 (exit 3) naming `display` when it cannot.
std::string read_migration_text(const std::filesystem::path& path, const std::string& display);

}  // namespace confiture::migrate
