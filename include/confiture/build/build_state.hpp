// What a build leaves behind: db/.confiture_version.json in the project and a row in
// public.tb_confiture_build in the database it built.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/pg/connection.hpp"
#include "confiture/pg/own_tables.hpp"
#include "confiture/pg/protection.hpp"

namespace confiture::build {

using pg::kBuildRecordTable;

// The tables build disregards when it checks that a database is empty, and status with it (the
// same question): what building that database leaves in it, its record and the protection mark.
inline std::vector<std::string> tables_a_build_leaves() {
  return {kBuildRecordTable, pg::kProtectionTable};
}

struct BuildState {
  std::string environment;
  std::string schema_hash;
  std::size_t file_count = 0;
  std::string built_at;  // ISO 8601 UTC
  std::string tool_version;
};

std::filesystem::path version_file_path(const std::filesystem::path& project_dir);
void write_version_file(const std::filesystem::path& project_dir, const BuildState& state);
// Throws SCHEMA_207 when write_version_file would fail (the path is a directory, db/ is not
// writable): checked before a build drops or changes anything.
void check_version_file_writable(const std::filesystem::path& project_dir);
std::optional<BuildState> read_version_file(const std::filesystem::path& project_dir);

// SQL that creates the record table if needed and records this build (run inside the build's
// transaction, so the record exists exactly when the schema does).
std::string record_table_sql();
std::string record_insert_sql(const BuildState& state);

// The last build recorded in this database; nullopt when it was never built.
struct RecordedBuild {
  std::string schema_hash;
  std::string built_at;  // ISO 8601 UTC
  std::string environment;
};
std::optional<RecordedBuild> recorded_build(pg::Connection& db);

// The hash recorded by the last build of this database; nullopt when it was never built.
std::optional<std::string> recorded_hash(pg::Connection& db);

// Writes bytes to path through a temporary file and a rename, so a reader never sees half.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);
void write_file_atomically(const std::filesystem::path& path,
                           std::span<const std::string_view> parts);

}  // namespace confiture::build
