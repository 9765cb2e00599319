// Comparing stored checksums with the migration files.
#include "confiture/migrate/checksums.hpp"

#include "confiture/migrate/migrate_project.hpp"

namespace confiture::migrate {

nlohmann::json to_json(const ChecksumMismatch& m) {
  return {{"version", m.version},
          {"name", m.name},
          {"file", m.file},
          {"stored", m.stored.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.stored)},
          {"actual", m.actual}};
}

ChecksumCheck check_checksums(const std::vector<AppliedMigration>& applied,
                              const std::vector<MigrationFile>& files) {
  ChecksumCheck check;
  for (const auto& row : applied) {
    const MigrationFile* file = find_version(files, row.version);
    if (!file) {
      check.missing_files.push_back(row.version);
      continue;
    }
    std::string actual = checksum_of(read_migration_text(file->up, file->up_display));
    if (actual == row.checksum) {
      ++check.verified;
    } else {
      check.mismatches.push_back({row.version, row.name, file->up_display, row.checksum, actual});
    }
  }
  return check;
}

}  // namespace confiture::migrate
