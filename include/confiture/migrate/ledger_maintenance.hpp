// Commands that change the ledger without running migrations: `migrate baseline --through V`
// (record migrations whose changes are already in the database) and `migrate verify [--fix]`
// (stored checksums against the files; --fix stores the files' checksums).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "confiture/config/env_lookup.hpp"
#include "confiture/migrate/checksums.hpp"
#include "confiture/migrate/migrate_project.hpp"
#include "confiture/migrate/up.hpp"

namespace confiture::migrate {

struct BaselineReport {
  std::string environment, database, table, through;
  std::vector<std::string> marked;           // versions recorded now (or, dry run, that would be)
  std::vector<std::string> already_applied;  // versions <= through that were in the ledger
  bool dry_run = false;
  bool ledger_created = false;
  nlohmann::json to_json() const;
};

// Records every file with version <= through that is not in the ledger, in one transaction,
// under the lock: checksum of the file, execution_time_ms 0, slug suffix "_baseline". Creates
// the ledger when missing. MIGR_100 when no file has version `through`.
BaselineReport baseline(const MigrateProject& project, const std::string& through, bool dry_run,
                        const LockOptions& lock, const config::EnvLookup& lookup);

// The baseline a build records with the schema it applies (SPEC §6, auto-baseline): every
// migration file present is marked applied, with exactly the rows `migrate baseline --through
// <latest>` writes (checksum of the file, execution_time_ms 0, slug suffix "_baseline"). The
// files are read and checksummed when this is made, so a bad migration file stops the build
// before anything is written.
class BuildBaseline {
 public:
  explicit BuildBaseline(const MigrateProject& project);

  struct Rows {
    std::string table;                    // the tracking table, for messages
    std::vector<std::string> statements;  // ledger creation (when missing), then one INSERT each
    std::vector<std::string> versions;    // the migrations they record
  };
  // The statements to run on `db` (the database being built) inside the build's transaction.
  // The ledger is created even when there is no migration file yet, so a migration written
  // later is pending there (not mistaken for one the DDL already holds).
  Rows rows(pg::Connection& db) const;

 private:
  struct File {
    std::string version, name, checksum;
  };
  TableName table_;
  std::vector<File> files_;
};

// True when the database was made by `confiture build` (it has public.tb_confiture_build).
bool was_built(pg::Connection& db);

struct VerifyReport {
  std::string environment, database, table;
  ChecksumCheck check;
  bool fixed = false;  // --fix rewrote the mismatching checksums
  // 0 when every applied file matches (or was fixed), 1 otherwise (SPEC §5: a check found
  // problems); missing files stay a problem even with --fix.
  int exit_code() const;
  nlohmann::json to_json() const;
};

VerifyReport verify(const MigrateProject& project, bool fix, const LockOptions& lock,
                    const config::EnvLookup& lookup);

}  // namespace confiture::migrate
