// `confiture migrate status` (exit 0 up to date, 1 pending, 2 no ledger, 3 no connection) and
// `migrate current`.
#include <fmt/format.h>

#include <algorithm>

#include "confiture/migrate/status.hpp"
#include "migrate_commands.hpp"

namespace confiture::cli {
namespace {

std::string render(const migrate::StatusReport& r) {
  std::string text = fmt::format("Environment:  {}\n", environment_label(r.environment));
  text += r.reachable ? fmt::format("Database:     {}\n", r.database)
                      : fmt::format("Database:     unreachable ({})\n", r.unreachable);
  if (r.reachable) {
    text += r.ledger_exists
                ? fmt::format("Ledger:       {} ({} applied)\n", r.table, r.applied.size())
                : fmt::format("Ledger:       {} does not exist yet\n", r.table);
  }
  text += fmt::format("Migrations:   {}{}\n", r.directory,
                      r.directory_exists ? "" : " (no such directory)");
  if (r.migrations.empty()) return text + "\nNo migrations.\n";
  std::size_t width = 7;
  std::size_t name_width = 4;
  for (const auto& m : r.migrations) {
    width = std::max(width, m.version.size());
    name_width = std::max(name_width, m.name.size());
  }
  text += fmt::format("\n  {:<{}}  {:<{}}  {:<24}  {:<20}  {}\n", "VERSION", width, "NAME",
                      name_width, "STATUS", "APPLIED AT", "DOWN");
  for (const auto& m : r.migrations) {
    text += fmt::format("  {:<{}}  {:<{}}  {:<24}  {:<20}  {}\n", m.version, width, m.name,
                        name_width, m.state, m.applied_at.value_or(""),
                        m.file.empty() ? ""
                        : m.has_down   ? "yes"
                                       : "missing");
  }
  text += "\n";
  if (!r.reachable) return text + "State unknown: the database could not be reached.\n";
  if (!r.without_down.empty()) {
    text +=
        fmt::format("No .down.sql (cannot be rolled back): {}\n", fmt::join(r.without_down, ", "));
  }
  if (!r.modified.empty()) {
    text += fmt::format(
        "Modified since applied: {}: `confiture migrate up` refuses to run; restore the "
        "file(s), or record the new checksums with `confiture migrate verify --fix`.\n",
        fmt::join(r.modified, ", "));
  }
  if (r.pending.empty()) {
    return text + (r.modified.empty()
                       ? fmt::format("Up to date (current: {}).\n", r.current.value_or("none"))
                       : fmt::format("Nothing pending (current: {}), but applied files were "
                                     "modified.\n",
                                     r.current.value_or("none")));
  }
  if (!r.ledger_exists && r.built) {
    return text + fmt::format(
                      "No ledger, and the database was built from the DDL: record the "
                      "migrations it holds with `confiture migrate baseline --through V` "
                      "(latest: {}).\n",
                      r.pending.back());
  }
  return text + fmt::format("{} applied, {} pending: run `confiture migrate up`.\n",
                            r.applied.size(), r.pending.size());
}

}  // namespace

void add_migrate_status_commands(CLI::App& migrate, GlobalOptions& options, Action& action) {
  CLI::App* status = migrate.add_subcommand(
      "status",
      "Which migrations are applied and which are pending (exit 0 up to date, "
      "1 pending or an applied file modified, 2 no ledger, 3 no connection)");
  add_project_options(status, options);
  add_output_options(status, options);
  status->callback([&options, &action] {
    action = [&options](const Output& out) {
      auto lookup = config::process_environment();
      auto project = migrate::open_project(selection_of(options), lookup);
      migrate::StatusReport report = migrate::migration_status(project, lookup);
      for (const auto& warning : report.warnings) out.warn(warning);
      if (!report.reachable) {
        return out.unreachable(report.to_json(), render(report), report.unreachable);
      }
      out.result(report.to_json(), render(report));
      return report.exit_code();
    };
  });

  CLI::App* current =
      migrate.add_subcommand("current", "Print the version of the latest applied migration");
  add_project_options(current, options);
  add_output_options(current, options);
  current->callback([&options, &action] {
    action = [&options](const Output& out) {
      auto lookup = config::process_environment();
      auto project = migrate::open_project(selection_of(options), lookup);
      auto row = migrate::current_migration(project, lookup);
      auto or_null = [&](auto member) {
        return row ? nlohmann::json((*row).*member) : nlohmann::json(nullptr);
      };
      nlohmann::json doc = {{"revision", or_null(&migrate::AppliedMigration::version)},
                            {"name", or_null(&migrate::AppliedMigration::name)},
                            {"applied_at", or_null(&migrate::AppliedMigration::applied_at)},
                            {"checksum", or_null(&migrate::AppliedMigration::checksum)}};
      out.result(doc, (row ? row->version : std::string()) + "\n");
      return 0;
    };
  });
}

}  // namespace confiture::cli
