// migrate baseline / verify: ledger rows written under the lock, in one transaction.
#include "confiture/migrate/ledger_maintenance.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "migrate_session.hpp"

namespace confiture::migrate {
namespace {

// Runs ledger statements in one transaction; any failure leaves the ledger as it was.
void run_ledger_statements(pg::Connection& db, const std::vector<std::string>& texts,
                           const std::string& what) {
  std::vector<pg::ScriptStatement> statements;
  for (const auto& text : texts) statements.push_back({text, false});
  if (auto failure = pg::run_script(db, statements)) {
    Error error(codes::kMigrFailed, ExitClass::kConnection,
                fmt::format("{} failed: {}", what, failure->message),
                "nothing was changed: the ledger is as it was");
    error.details = {{"sqlstate", failure->sqlstate}, {"detail", failure->detail}};
    throw error;
  }
}

}  // namespace

nlohmann::json BaselineReport::to_json() const {
  return {{"environment", environment}, {"database", database},
          {"tracking_table", table},    {"through", through},
          {"marked", marked},           {"already_applied", already_applied},
          {"dry_run", dry_run},         {"ledger_created", ledger_created}};
}

BaselineReport baseline(const MigrateProject& project, const std::string& through, bool dry_run,
                        const LockOptions& lock, const config::EnvLookup& lookup) {
  BaselineReport report;
  report.environment = project.env.name;
  report.through = through;
  report.dry_run = dry_run;
  std::vector<MigrationFile> files = project_migrations(project);
  if (!find_version(files, through)) {
    throw Error(codes::kMigrVersionNotFound, ExitClass::kConnection,
                fmt::format("--through {}: no migration with that version in {}", through,
                            project.dir_display),
                "`confiture migrate status` lists the versions");
  }
  MigrateSession session(project, !dry_run, !dry_run, lock, "confiture migrate baseline", lookup);
  report.database = session.target().description;
  Ledger& ledger = session.ledger();
  report.table = ledger.table().display();
  bool exists = ledger.exists();
  std::set<std::string> applied;
  if (exists) {
    for (const auto& row : ledger.applied()) applied.insert(row.version);
  }
  std::vector<std::string> inserts;
  for (const auto& file : files) {
    if (file.version > through) break;
    if (applied.count(file.version)) {
      report.already_applied.push_back(file.version);
      continue;
    }
    report.marked.push_back(file.version);
    if (!dry_run) {
      if (!exists) {
        ledger.ensure();
        exists = report.ledger_created = true;
      }
      std::string checksum = checksum_of(read_migration_text(file.up, file.up_display));
      inserts.push_back(ledger.insert_sql(file.version, file.name, checksum, 0, "baseline"));
    }
  }
  if (!inserts.empty()) run_ledger_statements(session.db(), inserts, "recording the baseline");
  return report;
}

BuildBaseline::BuildBaseline(const MigrateProject& project) : table_(tracking_table(project)) {
  if (!std::filesystem::is_directory(project.dir)) return;  // no migrations yet
  for (const auto& file : project_migrations(project)) {
    files_.push_back(
        {file.version, file.name, checksum_of(read_migration_text(file.up, file.up_display))});
  }
}

BuildBaseline::Rows BuildBaseline::rows(pg::Connection& db) const {
  Ledger ledger(db, table_);
  Rows rows;
  rows.table = ledger.table().display();
  std::set<std::string> applied;
  if (ledger.exists()) {
    for (const auto& row : ledger.applied()) applied.insert(row.version);
  } else {
    rows.statements = ledger.create_statements();
  }
  for (const auto& file : files_) {
    if (applied.count(file.version)) continue;
    rows.statements.push_back(
        ledger.insert_sql(file.version, file.name, file.checksum, 0, "baseline"));
    rows.versions.push_back(file.version);
  }
  return rows;
}

bool was_built(pg::Connection& db) {
  // The build's record table (confiture::build owns it; a medium does not include another).
  return db.exec("SELECT to_regclass('public.tb_confiture_build') IS NOT NULL")[0][0].as<bool>();
}

int VerifyReport::exit_code() const {
  bool problems = !check.missing_files.empty() || (!fixed && !check.mismatches.empty());
  return problems ? static_cast<int>(ExitClass::kFailure) : 0;
}

nlohmann::json VerifyReport::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : check.mismatches) list.push_back(migrate::to_json(m));
  return {{"environment", environment},
          {"database", database},
          {"tracking_table", table},
          {"verified", check.verified},
          {"mismatches", list},
          {"missing_files", check.missing_files},
          {"fixed", fixed}};
}

VerifyReport verify(const MigrateProject& project, bool fix, const LockOptions& lock,
                    const config::EnvLookup& lookup) {
  VerifyReport report;
  report.environment = project.env.name;
  std::vector<MigrationFile> files = project_migrations(project);
  MigrateSession session(project, fix, fix, lock, "confiture migrate verify --fix", lookup);
  report.database = session.target().description;
  Ledger& ledger = session.ledger();
  report.table = ledger.table().display();
  report.check = check_checksums(ledger.applied(), files);
  if (fix && !report.check.mismatches.empty()) {
    std::vector<std::string> updates;
    for (const auto& m : report.check.mismatches) {
      updates.push_back(ledger.update_checksum_sql(m.version, m.actual));
    }
    run_ledger_statements(session.db(), updates, "rewriting the checksums");
    report.fixed = true;
  }
  return report;
}

}  // namespace confiture::migrate
