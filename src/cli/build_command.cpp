// `confiture build`: DDL files -> db/generated/schema_{env}.sql -> the environment's database.
#include <fmt/format.h>

#include "command.hpp"
#include "confiture/build/builder.hpp"
#include "confiture/migrate/ledger_maintenance.hpp"

namespace confiture::cli {
namespace {

// The rebuild that "nothing to do" offers: --force drops the database, so without a terminal to
// ask on it needs --yes to succeed.
std::string rebuild_command(const GlobalOptions& options) {
  std::string command = "confiture build";
  if (options.env) command += " --env " + *options.env;
  if (options.config_file) command += " -c " + *options.config_file;
  if (options.database_url) command += " --database-url URL";  // it may hold a password
  command += " --force";
  if (!can_confirm_on_tty()) command += " --yes";
  return command;
}

std::string render(const build::BuildReport& r, bool show_hash, const GlobalOptions& options) {
  std::string text =
      fmt::format("Built {} files ({} bytes) into {}\n", r.files, r.bytes, r.output_path);
  if (r.seed_files_left_out > 0) {
    text += fmt::format("Left out {} seed files (--schema-only)\n", r.seed_files_left_out);
  }
  switch (r.apply) {
    case build::ApplyOutcome::kApplied:
      text += fmt::format("Applied {} statements to {}{} in {:.0f} ms\n", r.statements, r.database,
                          r.recreated_database ? " (recreated)"
                          : r.created_database ? " (created)"
                                               : "",
                          r.apply_ms);
      break;
    case build::ApplyOutcome::kUnchanged:
      text += fmt::format(
          "{} already holds this schema: nothing to do (`{}` drops it and builds it again)\n",
          r.database, rebuild_command(options));
      break;
    case build::ApplyOutcome::kNotRequested:
      break;
  }
  if (r.baseline && !r.baseline->versions.empty()) {
    text += fmt::format(
        "Recorded {} migration(s) as applied in {} (the DDL holds them; --no-baseline skips "
        "this)\n",
        r.baseline->versions.size(), r.baseline->table);
  }
  if (show_hash) text += fmt::format("Schema hash: {}\n", r.hash);
  return text;
}

}  // namespace

void add_build_command(CLI::App& app, GlobalOptions& options, Action& action) {
  struct Flags {
    std::string output;
    bool schema_only = false, show_hash = false, no_apply = false, recreate = false, force = false,
         yes = false, no_baseline = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Build the database from the DDL in db/schema/ (concatenate, then apply)");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->add_option("-o,--output", flags->output,
                  "Where to write the generated SQL (default db/generated/schema_{env}.sql)");
  cmd->add_flag("--schema-only", flags->schema_only, "Leave seed files out");
  cmd->add_flag("--show-hash", flags->show_hash, "Print the schema hash");
  cmd->add_flag("--no-apply", flags->no_apply, "Only write the generated file");
  cmd->add_flag("--recreate", flags->recreate, "Drop and recreate a non-empty database");
  cmd->add_flag("--force", flags->force,
                "Rebuild even when the database holds the same hash (drops a non-empty one, "
                "as --recreate)");
  cmd->add_flag("--no-baseline", flags->no_baseline,
                "Do not record the migration files as applied in the ledger");
  cmd->add_flag("-y,--yes", flags->yes, "Do not ask before dropping a database");
  cmd->callback([&options, &action, flags] {
    action = [&options, flags](const Output& out) {
      build::BuildRequest request;
      request.selection = selection_of(options);
      if (!flags->output.empty()) request.output = flags->output;
      request.schema_only = flags->schema_only;
      request.no_apply = flags->no_apply;
      request.recreate = flags->recreate;
      request.force = flags->force;
      request.yes = flags->yes;
      request.confirm = confirm_on_tty;
      if (!flags->no_baseline && !flags->no_apply) {
        // Read (and checked) before anything is written; the rows go into the build's transaction.
        auto lookup = config::process_environment();
        auto baseline = std::make_shared<migrate::BuildBaseline>(
            migrate::open_project(request.selection, lookup));
        request.baseline = [baseline](pg::Connection& db) {
          migrate::BuildBaseline::Rows rows = baseline->rows(db);
          return build::LedgerRows{rows.table, std::move(rows.statements),
                                   std::move(rows.versions)};
        };
      }
      build::BuildReport report = build::run_build(request, config::process_environment());
      for (const auto& warning : report.warnings) out.warn(warning);
      out.verbose(fmt::format(
          "timings: discover {:.1f} ms, read+hash+concat {:.1f} ms, write {:.1f} ms, parse "
          "{:.1f} ms, apply {:.1f} ms, total {:.1f} ms",
          report.discover_ms, report.read_ms, report.write_ms, report.parse_ms, report.apply_ms,
          report.total_ms));
      out.result(report.to_json(), render(report, flags->show_hash, options));
      return 0;
    };
  });
}

}  // namespace confiture::cli
