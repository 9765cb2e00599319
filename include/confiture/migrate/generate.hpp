// `confiture migrate generate NAME`: a new, empty {UTC YYYYMMDDHHMMSS}_{name}.up.sql /
// .down.sql pair with a header that says how the file will run.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "confiture/migrate/migrate_project.hpp"

namespace confiture::migrate {

struct GeneratedMigration {
  std::string version, name, up_file, down_file;  // display paths
  bool created_directory = false;
  std::vector<std::string> warnings;  // e.g. another migration already has this name
  nlohmann::json to_json() const;
};

// NAME must be snake_case (`^[a-z0-9_]+$`, as the Python tool requires): MIGR_116 (exit 5)
// otherwise. The version is `now` in UTC; when it is not above every existing version (two
// generates in one second, a clock behind), the next free second after the newest is used, so
// the new migration always sorts last. Creates the migrations directory when missing. Never
// overwrites: MIGR_004 (exit 3) when a file exists.
// `bodies`, when given, are written instead of the empty templates (migrate generate
// --auto-detect): each whole file as it should read.
struct MigrationBodies {
  std::string up;
  std::string down;
};
GeneratedMigration generate_migration(const MigrateProject& project, const std::string& name,
                                      std::chrono::system_clock::time_point now,
                                      const std::optional<MigrationBodies>& bodies = {});

}  // namespace confiture::migrate
