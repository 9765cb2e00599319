// `confiture migrate down [--steps N]` and `migrate down-to V`.
#include <fmt/format.h>

#include "confiture/migrate/down.hpp"
#include "migrate_commands.hpp"

namespace confiture::cli {
namespace {

std::string render(const migrate::DownReport& r) {
  const std::string current = r.current ? *r.current : "none";
  if (r.rolled_back.empty()) {
    return fmt::format("Nothing to roll back on {} (current: {})\n", r.database, current);
  }
  std::string text = r.dry_run ? fmt::format("Would roll back {} migration(s) on {}:\n",
                                             r.rolled_back.size(), r.database)
                               : fmt::format("Rolled back {} migration(s) on {} in {:.0f} ms:\n",
                                             r.rolled_back.size(), r.database, r.total_ms);
  for (const auto& m : r.rolled_back) {
    text += r.dry_run ? fmt::format("  {}_{}  ({})\n", m.version, m.name, m.file)
                      : fmt::format("  {}_{}  {:.0f} ms\n", m.version, m.name, m.duration_ms);
  }
  return text + fmt::format("Current{}: {}\n", r.dry_run ? " afterwards" : "", current);
}

Action down_action(GlobalOptions& options, std::shared_ptr<migrate::DownOptions> down) {
  return [&options, down](const Output& out) {
    auto lookup = config::process_environment();
    auto project = migrate::open_project(selection_of(options), lookup);
    migrate::DownReport report = migrate::migrate_down(project, *down, lookup, progress_of(out));
    for (const auto& warning : report.warnings) out.warn(warning);
    out.result(report.to_json(), render(report));
    return 0;
  };
}

}  // namespace

void add_migrate_down_commands(CLI::App& migrate, GlobalOptions& options, Action& action) {
  auto down = std::make_shared<migrate::DownOptions>();
  CLI::App* cmd = migrate.add_subcommand(
      "down", "Roll back the last applied migration(s) with their .down.sql");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->add_option("-n,--steps", down->steps, "How many migrations to roll back (default 1)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--dry-run", down->dry_run, "List what would be rolled back; change nothing");
  add_lock_options(cmd, down->lock, /*with_no_lock=*/true);
  cmd->callback([&options, &action, down] { action = down_action(options, down); });

  auto to = std::make_shared<migrate::DownOptions>();
  auto version = std::make_shared<std::string>();
  CLI::App* cmd_to = migrate.add_subcommand(
      "down-to",
      "Roll back every migration applied after VERSION (refuses when a .down.sql is "
      "missing)");
  add_project_options(cmd_to, options);
  add_output_options(cmd_to, options);
  cmd_to->add_option("VERSION", *version, "The version to go back to (it stays applied)")
      ->required();
  cmd_to->add_flag("--dry-run", to->dry_run, "List what would be rolled back; change nothing");
  add_lock_options(cmd_to, to->lock, /*with_no_lock=*/true);
  cmd_to->callback([&options, &action, to, version] {
    to->to = *version;
    action = down_action(options, to);
  });
}

}  // namespace confiture::cli
