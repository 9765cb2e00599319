// migrate status / current: read-only views of files against the ledger.
#include "confiture/migrate/status.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "confiture/migrate/checksums.hpp"
#include "confiture/migrate/ledger_maintenance.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "migrate_session.hpp"

namespace confiture::migrate {

int StatusReport::exit_code() const {
  if (!reachable) return static_cast<int>(ExitClass::kConnection);
  if (!ledger_exists) return static_cast<int>(ExitClass::kNoLedger);
  return pending.empty() && modified.empty() ? 0 : static_cast<int>(ExitClass::kFailure);
}

nlohmann::json StatusReport::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : migrations) {
    list.push_back(
        {{"version", m.version},
         {"name", m.name},
         {"file", m.file.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.file)},
         {"status", m.state},
         {"applied_at", m.applied_at ? nlohmann::json(*m.applied_at) : nlohmann::json(nullptr)},
         {"modified", m.modified},
         {"has_down", m.has_down}});
  }
  return {
      {"environment", environment.empty() ? nlohmann::json(nullptr) : nlohmann::json(environment)},
      {"database", database},
      {"tracking_table", table},
      {"migrations_dir", directory},
      {"reachable", reachable},
      {"unreachable", reachable ? nlohmann::json(nullptr) : nlohmann::json(unreachable)},
      {"ledger_exists", ledger_exists},
      {"built", built},
      {"applied", applied},
      {"pending", pending},
      {"current", current ? nlohmann::json(*current) : nlohmann::json(nullptr)},
      {"modified", modified},
      {"without_down", without_down},
      {"migrations", list},
      {"lock_holder", lock_holder ? nlohmann::json{{"pid", lock_holder->pid},
                                                   {"hostname", lock_holder->hostname},
                                                   {"command", lock_holder->command},
                                                   {"acquired_at", lock_holder->acquired_at},
                                                   {"backend_pid", lock_holder->backend_pid}}
                                  : nlohmann::json(nullptr)},
      {"summary",
       {{"applied", applied.size()}, {"pending", pending.size()}, {"total", migrations.size()}}},
      {"warnings", warnings}};
}

StatusReport migration_status(const MigrateProject& project, const config::EnvLookup& lookup) {
  StatusReport report;
  // The built-in default (no environment file, a DSN from the command line or the process
  // environment) is no environment: it has a name only so that files can be named after it.
  if (!project.env.file.empty()) report.environment = project.env.name;
  report.directory = project.dir_display;
  report.table = tracking_table(project).display();
  std::vector<MigrationFile> files;
  if (std::filesystem::is_directory(project.dir)) {
    files = project_migrations(project);
  } else {
    report.directory_exists = false;
    report.warnings.push_back(fmt::format("no migrations directory {} yet", project.dir_display));
  }

  std::vector<AppliedMigration> rows;
  try {
    MigrateSession session(project, /*writes=*/false, /*take_lock=*/false, {},
                           "confiture migrate status", lookup);
    report.database = session.target().description;
    report.reachable = true;
    report.ledger_exists = session.ledger().exists();
    if (!report.ledger_exists) report.built = was_built(session.db());
    if (report.ledger_exists) rows = session.ledger().applied();
    report.lock_holder = lock_holder(session.db());
  } catch (const Error& error) {
    if (error.exit_class != ExitClass::kConnection) throw;
    report.unreachable = error.what();
  }
  if (report.lock_holder) {
    const LockHolder& h = *report.lock_holder;
    report.warnings.push_back(
        h.pid ? fmt::format("a migration run holds the lock: pid {} on host {} running \"{}\" "
                            "since {}; this status may change under it",
                            h.pid, h.hostname, h.command, h.acquired_at)
              : fmt::format("server session {} ({}) holds the migration lock", h.backend_pid,
                            h.application_name));
  }
  if (report.reachable && !report.ledger_exists && report.built) {
    report.warnings.push_back(fmt::format(
        "{} does not exist in this database, which `confiture build` made: record the "
        "migrations its DDL holds with `confiture migrate baseline --through V` (`migrate up` "
        "refuses until then)",
        report.table));
  } else if (report.reachable && !report.ledger_exists) {
    report.warnings.push_back(fmt::format(
        "{} does not exist in this database: every migration is pending; if the schema is "
        "already there, run `confiture migrate baseline --through <version>` first",
        report.table));
  }

  std::map<std::string, MigrationStatus> by_version;
  const std::string unapplied = report.reachable ? "pending" : "unknown";
  for (const auto& f : files) {
    by_version[f.version] = {f.version, f.name, f.up_display,      unapplied,
                             {},        false,  f.down.has_value()};
  }
  for (const auto& row : rows) {
    auto [it, added] = by_version.try_emplace(row.version);
    it->second.version = row.version;
    it->second.name = row.name;
    it->second.state = added ? "applied (file missing)" : "applied";
    it->second.applied_at = row.applied_at;
    report.applied.push_back(row.version);
  }
  if (!rows.empty()) report.current = rows.back().version;
  for (const auto& m : check_checksums(rows, files).mismatches) {
    auto it = by_version.find(m.version);
    if (it == by_version.end()) continue;
    it->second.modified = true;
    it->second.state = "applied (modified)";
    report.modified.push_back(m.version);
  }
  if (!report.modified.empty()) {
    report.warnings.push_back(fmt::format(
        "{} applied migration(s) changed since they were applied: {}; `confiture migrate up` "
        "refuses to run until the files are restored (or `confiture migrate verify --fix` "
        "records the new checksums)",
        report.modified.size(), fmt::join(report.modified, ", ")));
  }
  for (auto& [version, status] : by_version) {
    if (status.state == "pending") report.pending.push_back(version);
    if (!status.has_down && !status.file.empty()) report.without_down.push_back(version);
    report.migrations.push_back(std::move(status));
  }
  return report;
}

std::optional<AppliedMigration> current_migration(const MigrateProject& project,
                                                  const config::EnvLookup& lookup) {
  MigrateSession session(project, /*writes=*/false, /*take_lock=*/false, {},
                         "confiture migrate current", lookup);
  auto rows = session.ledger().applied();
  if (rows.empty()) return std::nullopt;
  return rows.back();
}

}  // namespace confiture::migrate
