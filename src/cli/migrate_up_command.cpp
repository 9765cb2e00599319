// `confiture migrate up`: apply pending migrations, or show (--dry-run) or try
// (--dry-run-execute) them.
#include <fmt/format.h>

#include "confiture/migrate/up.hpp"
#include "migrate_commands.hpp"

namespace confiture::cli {
namespace {

std::string plan_text(const migrate::MigrationResult& m) {
  std::string text =
      fmt::format("  {}_{}  ({}, {})\n", m.version, m.name, m.file,
                  m.transactional ? "one transaction" : "no transaction: statement by statement");
  for (const auto& s : m.statements)
    text += fmt::format("      line {:<5} {}\n", s.line, s.summary);
  if (m.statements.empty()) text += "      (no statements)\n";
  return text;
}

std::string render(const migrate::UpReport& r) {
  std::string text;
  const std::string current = r.current ? *r.current : "none";
  if (r.dry_run) {
    if (r.applied.empty()) return fmt::format("Nothing to apply: {} is up to date\n", r.database);
    text = fmt::format("Would apply {} migration(s) to {}:\n", r.applied.size(), r.database);
    for (const auto& m : r.applied) text += plan_text(m);
    return text;
  }
  if (r.dry_run_execute) {
    text = fmt::format(
        "Ran {} migration(s) on {} in one transaction and rolled it all back ({:.0f} ms): they "
        "apply cleanly\n",
        r.applied.size(), r.database, r.total_ms);
    for (const auto& m : r.applied) text += fmt::format("  {}_{}\n", m.version, m.name);
    if (!r.sequences_restored.empty()) {
      text += fmt::format("Set back sequence(s) they advanced (sequences ignore a rollback): {}\n",
                          fmt::join(r.sequences_restored, ", "));
    }
    if (!r.skipped.empty()) {
      text += "Not tried (they run without a transaction, so they cannot be rolled back):\n";
      for (const auto& m : r.skipped) text += fmt::format("  {}_{}\n", m.version, m.name);
    }
    return text;
  }
  if (r.applied.empty()) {
    return fmt::format("Nothing to apply: {} is up to date (current: {})\n", r.database, current);
  }
  text = fmt::format("Applied {} migration(s) to {} in {:.0f} ms:\n", r.applied.size(), r.database,
                     r.total_ms);
  for (const auto& m : r.applied) {
    text += fmt::format("  {}_{}  {:.0f} ms{}\n", m.version, m.name, m.duration_ms,
                        m.attempts > 1 ? fmt::format(" ({} attempts)", m.attempts) : "");
  }
  text += fmt::format("Current: {}", current);
  if (!r.pending.empty()) text += fmt::format(" ({} still pending)", r.pending.size());
  return text + "\n";
}

}  // namespace

void add_migrate_up_command(CLI::App& migrate, GlobalOptions& options, Action& action) {
  struct Flags {
    migrate::UpOptions up;
    std::string on_mismatch = "fail";
    std::string target;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = migrate.add_subcommand("up", "Apply the pending migrations");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->add_option("-t,--target", flags->target, "Apply pending migrations up to this version");
  auto* dry = cmd->add_flag("--dry-run", flags->up.dry_run,
                            "List what would run, statement by statement; change nothing");
  cmd->add_flag("--dry-run-execute", flags->up.dry_run_execute,
                "Run everything in one transaction, then roll it all back")
      ->excludes(dry);
  cmd->add_option("--on-checksum-mismatch", flags->on_mismatch,
                  "When an applied file changed: fail (default), warn or ignore")
      ->check(CLI::IsMember({"fail", "warn", "ignore"}));
  add_lock_options(cmd, flags->up.lock, /*with_no_lock=*/true);
  cmd->callback([&options, &action, flags] {
    action = [&options, flags](const Output& out) {
      migrate::UpOptions up = flags->up;
      if (!flags->target.empty()) up.target = flags->target;
      up.on_checksum_mismatch = flags->on_mismatch == "warn"     ? migrate::ChecksumPolicy::kWarn
                                : flags->on_mismatch == "ignore" ? migrate::ChecksumPolicy::kIgnore
                                                                 : migrate::ChecksumPolicy::kFail;
      auto lookup = config::process_environment();
      auto project = migrate::open_project(selection_of(options), lookup);
      migrate::UpReport report = migrate::migrate_up(project, up, lookup, progress_of(out));
      for (const auto& warning : report.warnings) out.warn(warning);
      out.result(report.to_json(), render(report));
      return 0;
    };
  });
}

}  // namespace confiture::cli
