// `confiture migrate baseline --through V` and `migrate verify [--fix]`.
#include <fmt/format.h>

#include "confiture/migrate/ledger_maintenance.hpp"
#include "migrate_commands.hpp"

namespace confiture::cli {
namespace {

std::string render(const migrate::BaselineReport& r) {
  std::string text =
      r.marked.empty()
          ? fmt::format("Nothing to record: every migration through {} is already in {}\n",
                        r.through, r.table)
          : fmt::format("{} {} migration(s) through {} as applied in {} on {} (none was run):\n",
                        r.dry_run ? "Would record" : "Recorded", r.marked.size(), r.through,
                        r.table, r.database);
  for (const auto& version : r.marked) text += fmt::format("  {}\n", version);
  if (!r.already_applied.empty()) {
    text += fmt::format("{} were already recorded.\n", r.already_applied.size());
  }
  return text;
}

std::string render(const migrate::VerifyReport& r) {
  std::string text;
  for (const auto& m : r.check.mismatches) {
    text += fmt::format("  {} changed since it was applied: stored {}, file {}{}\n", m.file,
                        m.stored.empty() ? "(none)" : m.stored.substr(0, 16) + "...",
                        m.actual.substr(0, 16) + "...", r.fixed ? " (fixed)" : "");
  }
  for (const auto& version : r.check.missing_files) {
    text += fmt::format("  {} is recorded as applied but its .up.sql is gone\n", version);
  }
  if (r.exit_code() == 0 && r.check.mismatches.empty()) {
    return fmt::format("All {} applied migration(s) match their files.\n", r.check.verified);
  }
  if (r.exit_code() == 0) {
    return text + fmt::format("Stored the files' checksums for {} migration(s).\n",
                              r.check.mismatches.size());
  }
  std::string hint = r.check.mismatches.empty() || r.fixed
                         ? ""
                         : "Restore the files, or record their new checksums with --fix.\n";
  return text + hint;
}

}  // namespace

void add_migrate_ledger_commands(CLI::App& migrate, GlobalOptions& options, Action& action) {
  struct BaselineFlags {
    std::string through;
    bool dry_run = false;
    migrate::LockOptions lock;
  };
  auto b = std::make_shared<BaselineFlags>();
  CLI::App* baseline = migrate.add_subcommand(
      "baseline", "Record migrations up to a version as applied without running them");
  add_project_options(baseline, options);
  add_output_options(baseline, options);
  baseline->add_option("-t,--through", b->through, "The last version to record")->required();
  baseline->add_flag("--dry-run", b->dry_run, "Show what would be recorded");
  add_ledger_lock_options(baseline, b->lock);
  baseline->callback([&options, &action, b] {
    action = [&options, b](const Output& out) {
      auto lookup = config::process_environment();
      auto project = migrate::open_project(selection_of(options), lookup);
      auto report = migrate::baseline(project, b->through, b->dry_run, b->lock, lookup);
      out.result(report.to_json(), render(report));
      return 0;
    };
  });

  struct VerifyFlags {
    bool fix = false;
    migrate::LockOptions lock;
  };
  auto v = std::make_shared<VerifyFlags>();
  CLI::App* verify = migrate.add_subcommand(
      "verify",
      "Check applied migrations' files against their stored checksums (exit 1 on a "
      "difference)");
  add_project_options(verify, options);
  add_output_options(verify, options);
  verify->add_flag("--fix", v->fix, "Store the files' current checksums");
  add_ledger_lock_options(verify, v->lock);
  verify->callback([&options, &action, v] {
    action = [&options, v](const Output& out) {
      auto lookup = config::process_environment();
      auto project = migrate::open_project(selection_of(options), lookup);
      auto report = migrate::verify(project, v->fix, v->lock, lookup);
      out.result(report.to_json(), render(report));
      return report.exit_code();
    };
  });
}

}  // namespace confiture::cli
