// Checksums of applied migrations (SPEC §4 fix): the ledger's stored SHA-256 of each .up.sql
// against the file as it is now.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "confiture/migrate/ledger.hpp"
#include "confiture/migrate/migration_files.hpp"

namespace confiture::migrate {

struct ChecksumMismatch {
  std::string version, name, file;
  std::string stored;  // empty: the row has no checksum
  std::string actual;
};

// {"version", "name", "file", "stored" (null when none), "actual"}
nlohmann::json to_json(const ChecksumMismatch& mismatch);

struct ChecksumCheck {
  std::vector<ChecksumMismatch> mismatches;
  std::vector<std::string> missing_files;  // applied versions with no .up.sql any more
  std::size_t verified = 0;                // rows whose file matched
};

ChecksumCheck check_checksums(const std::vector<AppliedMigration>& applied,
                              const std::vector<MigrationFile>& files);

}  // namespace confiture::migrate
