// migrate down / down-to: the plan is made and checked in full before the first .down.sql runs.
#include "confiture/migrate/down.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "confiture/migrate/migration_script.hpp"
#include "confiture/pg/protection.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/stopwatch.hpp"
#include "migrate_session.hpp"
#include "run_migration.hpp"

namespace confiture::migrate {
namespace {

struct Step {
  AppliedMigration row;
  const MigrationFile* file;  // nullptr when the migration's files are gone
};

std::vector<Step> plan(const std::vector<AppliedMigration>& applied,
                       const std::vector<MigrationFile>& files, const DownOptions& options) {
  std::vector<Step> steps;
  if (options.to) {
    bool known = find_version(files, *options.to) != nullptr;
    for (const auto& row : applied) known = known || row.version == *options.to;
    if (!known) {
      throw Error(codes::kMigrVersionNotFound, ExitClass::kConnection,
                  fmt::format("down-to {}: no migration has that version", *options.to),
                  "`confiture migrate status` lists the versions");
    }
    for (auto it = applied.rbegin(); it != applied.rend(); ++it) {
      if (it->version > *options.to) steps.push_back({*it, find_version(files, it->version)});
    }
    return steps;
  }
  auto count = static_cast<std::size_t>(options.steps);
  for (auto it = applied.rbegin(); it != applied.rend() && steps.size() < count; ++it) {
    steps.push_back({*it, find_version(files, it->version)});
  }
  return steps;
}

std::vector<std::string> labels(const std::vector<Step>& steps) {
  std::vector<std::string> out;
  for (const auto& step : steps) out.push_back(step.row.version + "_" + step.row.name);
  return out;
}

void require_down_files(const std::vector<Step>& steps, const std::string& dir) {
  std::vector<std::string> missing;
  for (const auto& step : steps) {
    if (!step.file) {
      missing.push_back(
          fmt::format("migration {}_{} has no files in {}", step.row.version, step.row.name, dir));
    } else if (!step.file->down) {
      missing.push_back(fmt::format("{}/{}_{}.down.sql does not exist", dir, step.file->version,
                                    step.file->name));
    }
  }
  if (missing.empty()) return;
  Error error(codes::kRollbackMissingDown, ExitClass::kRollback,
              fmt::format("cannot roll back: {}; nothing was run", fmt::join(missing, "; ")),
              "write the missing .down.sql file(s), or roll back fewer migrations");
  error.details["missing"] = missing;
  throw error;
}

bool is_word_at(const std::string& text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  auto boundary = [&](std::size_t i) {
    return i >= text.size() ||
           !(std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_');
  };
  return (at == 0 || boundary(at - 1)) && boundary(at + word.size());
}

// The statements of a .down.sql that drop, truncate, delete or update, as "file:line: DROP
// TABLE t", from the parser's classification (an ALTER counts when it has a DROP clause).
std::vector<std::string> destructive_statements(const MigrationScript& script) {
  std::vector<std::string> found;
  for (const auto& s : script.statements) {
    bool destructive = s.kind.rfind("DROP", 0) == 0 || s.kind == "TRUNCATE" ||
                       s.kind == "TRUNCATE TABLE" || s.kind == "DELETE" || s.kind == "UPDATE";
    if (!destructive && s.kind.rfind("ALTER", 0) == 0) {
      const std::string text = script.sql(s);
      for (std::size_t i = 0; i < text.size() && !destructive; ++i) {
        destructive = is_word_at(text, i, "DROP");
      }
    }
    if (destructive) {
      found.push_back(fmt::format("{}:{}: {}{}", script.display, s.line, s.summary,
                                  s.kind.rfind("ALTER", 0) == 0 ? " ... DROP ..." : ""));
    }
  }
  return found;
}

}  // namespace

nlohmann::json DownReport::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : rolled_back) {
    list.push_back({{"version", m.version},
                    {"name", m.name},
                    {"file", m.file},
                    {"transactional", m.transactional},
                    {"duration_ms", m.duration_ms},
                    {"attempts", m.attempts}});
  }
  return {{"environment", environment},
          {"database", database},
          {"tracking_table", table},
          {"rolled_back", list},
          {"current", current ? nlohmann::json(*current) : nlohmann::json(nullptr)},
          {"dry_run", dry_run},
          {"total_duration_ms", total_ms},
          {"warnings", warnings}};
}

DownReport migrate_down(const MigrateProject& project, const DownOptions& options,
                        const config::EnvLookup& lookup, const ProgressFn& progress) {
  const report::Stopwatch total;
  if (!options.to && options.steps < 1) {
    throw Error(codes::kConfigInvalidValue, ExitClass::kConfig,
                fmt::format("--steps {}: must be 1 or more", options.steps));
  }
  DownReport report;
  report.environment = project.env.name;
  report.dry_run = options.dry_run;
  std::vector<MigrationFile> files = project_migrations(project);
  MigrateSession session(
      project, /*writes=*/!options.dry_run, /*take_lock=*/!options.dry_run, options.lock,
      options.to ? "confiture migrate down-to" : "confiture migrate down", lookup);
  report.warnings = session.warnings();
  report.database = session.target().description;
  Ledger& ledger = session.ledger();
  report.table = ledger.table().display();
  std::vector<AppliedMigration> applied = ledger.applied();
  std::vector<Step> steps = plan(applied, files, options);
  require_down_files(steps, project.dir_display);

  // Parse every .down.sql before the first one runs.
  std::vector<MigrationScript> scripts;
  for (const auto& step : steps) {
    scripts.push_back(parse_migration_script(
        read_migration_text(*step.file->down, *step.file->down_display), *step.file->down_display));
    for (const auto& w : scripts.back().warnings) report.warnings.push_back(w);
  }
  if (!options.dry_run && !steps.empty()) {
    pg::DestructiveStep step;
    step.action =
        fmt::format("roll back {} migration(s) ({})", steps.size(), fmt::join(labels(steps), ", "));
    step.database = report.database;
    step.environment = project.env.name;
    step.is_protected = project.env.is_protected;
    step.named_explicitly =
        project.selection.env_name.has_value() || project.selection.config_file.has_value();
    step.target_from_environment = !project.selection.database_url.has_value();
    step.yes = options.yes;
    step.confirm = options.confirm;
    for (const auto& script : scripts) {
      for (auto& hazard : destructive_statements(script)) step.hazards.push_back(std::move(hazard));
    }
    pg::guard_destructive(session.db(), step);
    mark_if_protected(project, session, report.warnings);
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const MigrationFile& file = *steps[i].file;
    MigrationResult result;
    result.version = file.version;
    result.name = file.name;
    result.file = *file.down_display;
    result.transactional = scripts[i].transactional;
    if (!options.dry_run) {
      MigrationRef ref{file.version + "_" + file.name, "down"};
      progress(fmt::format("rolling back {} ...", ref.label));
      try {
        RunOutcome outcome = run_migration(
            session.db(), ref, scripts[i],
            [&](std::optional<int>) { return ledger.delete_sql(file.version); },
            session.run_settings(), progress);
        result.duration_ms = outcome.duration_ms;
        result.attempts = outcome.attempts;
      } catch (Error& error) {
        nlohmann::json done = nlohmann::json::array();
        for (const auto& m : report.rolled_back) done.push_back(m.version);
        error.details["rolled_back_in_this_run"] = done;
        throw;
      }
    }
    report.rolled_back.push_back(std::move(result));
  }
  for (auto it = applied.rbegin(); it != applied.rend() && !report.current; ++it) {
    bool gone = std::any_of(steps.begin(), steps.end(),
                            [&](const Step& s) { return s.row.version == it->version; });
    if (!gone) report.current = it->version;
  }
  report.total_ms = total.ms();
  return report;
}

}  // namespace confiture::migrate
