// `confiture diff FROM TO`: the plan that turns FROM's schema into TO's, proven on a scratch copy
// of FROM before it is shown. FROM and TO are environments, DSNs, or DDL files/directories.
#include <fmt/format.h>

#include <future>
#include <iostream>
#include <set>

#include "command.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/gate.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "diff_sources.hpp"

namespace confiture::cli {
namespace {

struct Flags {
  std::string from, to, format = "pretty";
  std::vector<std::string> allow_hazards, schemas, exclude_schemas;
  bool exit_code = false, no_verify = false, allow_unsupported = false;
};

std::string pretty(const diff::Plan& plan) {
  if (plan.empty()) return "No differences.\n";
  std::string out =
      fmt::format("{} statement(s){}\n", plan.statements.size(),
                  plan.transactional() ? "" : " (some must run outside a transaction)");
  for (const std::string& note : plan.notes) out += "note: " + note + "\n";
  int n = 0;
  for (const diff::Statement& statement : plan.statements) {
    if (statement.new_transaction)
      out += "\n     -- commit: what comes next runs in a new transaction\n";
    out += fmt::format("\n{:>3}. {};\n", ++n, statement.sql);
    if (statement.lock.mode != diff::LockMode::kNone) {
      out += fmt::format("     lock: {}\n", diff::describe_lock(statement.lock));
    }
    for (const diff::HazardNote& note : statement.hazards) {
      out += fmt::format("     ! {}: {}\n", diff::hazard_id(note.hazard), note.message);
    }
  }
  return out;
}

}  // namespace

void add_diff_command(CLI::App& app, GlobalOptions& options, Action& action) {
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "Plan the DDL that turns FROM's schema into TO's (proven on a scratch copy)");
  cmd->add_option("FROM", flags->from, "Current schema: environment, DSN, or DDL file/directory")
      ->required();
  cmd->add_option("TO", flags->to, "Desired schema: environment, DSN, or DDL file/directory")
      ->required();
  cmd->add_option("-f,--format", flags->format,
                  "Output: pretty (default; text is the same), sql or json")
      ->check(CLI::IsMember({"pretty", "text", "sql", "json"}));
  cmd->add_option("--allow-hazards", flags->allow_hazards,
                  "Hazards to accept, e.g. DELETES_DATA (or all)")
      ->delimiter(',');
  cmd->add_flag("--exit-code", flags->exit_code,
                "Exit 1 when the schemas differ (also when the plan deletes data)");
  cmd->add_option("--schema", flags->schemas, "Compare only these schemas")->delimiter(',');
  cmd->add_option("--exclude-schema", flags->exclude_schemas, "Leave these schemas out")
      ->delimiter(',');
  cmd->add_flag("--no-verify", flags->no_verify, "Do not prove the plan on a scratch copy");
  cmd->add_flag("--allow-unsupported", flags->allow_unsupported,
                "Compare even when objects of unmodelled kinds are present");
  add_env_option(cmd, options,
                 "Not a side of the diff: when FROM and TO are both DDL, the environment whose "
                 "server holds the scratch databases they are built in (default: local)");
  add_project_dir_option(cmd, options);
  add_verbosity_options(cmd, options);
  cmd->callback([&options, &action, flags] {
    if (flags->format == "json") options.format = "json";
    action = [&options, flags](const Output& out) {
      const std::set<diff::Hazard> allowed = diff::parse_allowed_hazards(flags->allow_hazards);
      DiffSources sources(options, {flags->from, flags->to}, out);
      DiffSide from = sources.open(flags->from);
      DiffSide to = sources.open(flags->to);
      // Both sides at once: reading a catalog is mostly waiting for its server.
      auto reading_from = std::async(std::launch::async, [&] {
        return read_side(from, flags->schemas, flags->exclude_schemas);
      });
      const catalog::Catalog to_catalog = read_side(to, flags->schemas, flags->exclude_schemas);
      const catalog::Catalog from_catalog = reading_from.get();
      if (!flags->allow_unsupported) {
        refuse_unsupported(from_catalog, from.description);
        refuse_unsupported(to_catalog, to.description);
      }
      diff::Options diff_options;
      if (to.is_ddl()) diff_options.renames = declared_renames(to.files);
      const diff::Plan plan = diff::plan_changes(from_catalog, to_catalog, diff_options);
      if (!flags->no_verify && !plan.empty()) {
        prove_plan(sources, from, from_catalog, to_catalog, plan, flags->schemas,
                   flags->exclude_schemas);
      }
      // --exit-code is a drift check: the drift is reported (exit 1) whatever it would delete,
      // with the DELETES_DATA statements named on stderr instead of the DIFFER_404 refusal.
      const auto suggestions = diff::rename_suggestions(from_catalog, to_catalog, diff_options);
      if (flags->exit_code) {
        const auto refused = diff::refused_hazards(plan, allowed);
        if (!refused.empty()) {
          out.warn(
              fmt::format("the plan deletes data in {} statement(s) (applying it needs "
                          "--allow-hazards DELETES_DATA):\n{}",
                          refused.size(), fmt::join(refused, "\n")));
        }
        for (const std::string& suggestion : suggestions) out.warn(suggestion);
      } else {
        diff::refuse_hazards(plan, allowed, suggestions);
      }
      if (flags->format == "json") {
        out.result(diff::to_json(plan), {});
      } else if (flags->format == "sql") {
        std::cout << diff::to_sql(plan);
      } else {
        out.result({}, pretty(plan));
      }
      return flags->exit_code && !plan.empty() ? 1 : 0;
    };
  });
}

}  // namespace confiture::cli
