// `confiture migrate preflight --against ENV|DSN`: would deploying the pending migrations there
// leave exactly db/schema/? A scratch copy of that database's schema gets the migrations its
// ledger lacks, then is diffed against the DDL: an empty diff is safe to deploy; anything else is
// drift, listed as the statements that would still be needed.
#include <fmt/format.h>

#include "confiture/diff/differ.hpp"
#include "confiture/migrate/ledger.hpp"
#include "confiture/migrate/migration_files.hpp"
#include "confiture/pg/connection.hpp"
#include "migrate_commands.hpp"
#include "schema_states.hpp"

namespace confiture::cli {
namespace {

std::vector<std::string> applied_versions(const migrate::MigrateProject& project,
                                          const std::string& dsn) {
  pg::Connection conn(dsn);
  migrate::Ledger ledger(conn, migrate::tracking_table(project));
  std::vector<std::string> versions;
  if (!ledger.exists()) return versions;
  for (const auto& row : ledger.applied()) versions.push_back(row.version);
  return versions;
}

int preflight(const Output& out, const GlobalOptions& options, const std::string& against) {
  auto project = migrate::open_project(selection_of(options), config::process_environment());
  DiffSources sources(options, {against}, out);
  DiffSide target = sources.open(against);
  const std::vector<std::string> applied = applied_versions(project, target.dsn);
  std::vector<std::string> pending;
  for (const auto& file : migrate::project_migrations(project)) {
    if (std::find(applied.begin(), applied.end(), file.version) == applied.end()) {
      pending.push_back(file.version + "_" + file.name);
    }
  }
  const catalog::Catalog live = read_side(target, {}, {});
  refuse_unsupported(live, target.description);
  auto scratch = scratch_copy(sources, target, live, {}, {});
  replay_migrations(project, scratch->dsn(), applied);
  DiffSide replayed;
  replayed.dsn = scratch->dsn();
  DiffSide desired = desired_schema(sources, project);
  const diff::Plan drift =
      diff::plan_changes(read_side(replayed, {}, {}), read_side(desired, {}, {}));
  nlohmann::json document = {{"target", target.description},
                             {"pending", pending},
                             {"safe", drift.empty()},
                             {"drift", diff::to_json(drift)}};
  std::string text = fmt::format("{}: {} pending migration(s) replayed on a scratch copy.\n",
                                 target.description, pending.size());
  if (drift.empty()) {
    text += "Safe to deploy: the result matches db/schema/.\n";
  } else {
    text += fmt::format(
        "Drift: the result differs from db/schema/; {} statement(s) would still "
        "be needed:\n",
        drift.statements.size());
    for (const auto& statement : drift.statements) text += "  " + statement.sql + ";\n";
  }
  out.result(document, text);
  return drift.empty() ? 0 : 1;
}

}  // namespace

void add_migrate_preflight_command(CLI::App& migrate, GlobalOptions& options, Action& action) {
  auto against = std::make_shared<std::string>();
  CLI::App* cmd = migrate.add_subcommand(
      "preflight",
      "Replay pending migrations on a scratch copy of a database and diff the "
      "result against db/schema/");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->add_option("--against", *against, "The database to check: environment name or DSN")
      ->required();
  cmd->callback([&options, &action, against] {
    action = [&options, against](const Output& out) { return preflight(out, options, *against); };
  });
}

}  // namespace confiture::cli
