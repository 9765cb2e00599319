// `confiture diff FROM TO`: the plan that turns FROM's schema into TO's, proven on a scratch copy
// of FROM before it is shown. FROM and TO are environments, DSNs, or DDL files/directories.
#include <fmt/format.h>

#include <iostream>
#include <set>

#include "command.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/verify.hpp"
#include "confiture/pg/connection.hpp"
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

std::set<diff::Hazard> allowed_hazards(const std::vector<std::string>& names) {
  std::set<diff::Hazard> allowed;
  for (const std::string& name : names) {
    if (name == "all") {
      const auto& every = diff::all_hazards();
      allowed.insert(every.begin(), every.end());
      continue;
    }
    auto hazard = diff::hazard_from_id(name);
    if (!hazard) {
      std::vector<std::string> known;
      for (diff::Hazard h : diff::all_hazards()) known.emplace_back(diff::hazard_id(h));
      throw Error(codes::kConfigUsage, ExitClass::kConfig,
                  fmt::format("unknown hazard {} in --allow-hazards", name),
                  fmt::format("known hazards: {}, or all", fmt::join(known, ", ")));
    }
    allowed.insert(*hazard);
  }
  return allowed;
}

void refuse_unsupported(const catalog::Catalog& catalog, const std::string& side) {
  if (catalog.unsupported.empty()) return;
  nlohmann::json objects = nlohmann::json::array();
  std::vector<std::string> names;
  for (const auto& object : catalog.unsupported) {
    const std::string name =
        object.schema.empty() ? object.name : object.schema + "." + object.name;
    objects.push_back({{"kind", object.kind}, {"schema", object.schema}, {"name", object.name}});
    if (names.size() < 10) names.push_back(object.kind + " " + name);
  }
  Error error(codes::kDifferUnsupported, ExitClass::kSchema,
              fmt::format("{} has {} object(s) the differ does not model: {}{}", side,
                          catalog.unsupported.size(), fmt::join(names, ", "),
                          catalog.unsupported.size() > names.size() ? ", ..." : ""),
              "a diff that ignored them could report \"no changes\" for schemas that differ; "
              "pass --allow-unsupported to compare everything else, or --exclude-schema");
  error.details = {{"side", side}, {"objects", std::move(objects)}};
  throw error;
}

// The statements whose hazards are not allowed.
void refuse_hazards(const diff::Plan& plan, const std::set<diff::Hazard>& allowed) {
  nlohmann::json statements = nlohmann::json::array();
  std::vector<std::string> lines;
  for (const diff::Statement& statement : plan.statements) {
    for (const diff::HazardNote& note : statement.hazards) {
      if (note.hazard != diff::Hazard::kDeletesData || allowed.count(note.hazard) > 0) continue;
      statements.push_back({{"sql", statement.sql},
                            {"hazard", diff::hazard_id(note.hazard)},
                            {"message", note.message}});
      lines.push_back(fmt::format("  {}: {}", diff::hazard_id(note.hazard), note.message));
    }
  }
  if (lines.empty()) return;
  Error error(codes::kDifferHazards, ExitClass::kSafety,
              fmt::format("the plan deletes data in {} statement(s):\n{}", lines.size(),
                          fmt::join(lines, "\n")),
              "review them, then pass --allow-hazards DELETES_DATA (or all) to accept");
  error.details = {{"statements", std::move(statements)}};
  throw error;
}

std::string pretty(const diff::Plan& plan) {
  if (plan.empty()) return "No differences.\n";
  std::string out =
      fmt::format("{} statement(s){}\n", plan.statements.size(),
                  plan.transactional() ? "" : " (some must run outside a transaction)");
  for (const std::string& note : plan.notes) out += "note: " + note + "\n";
  int n = 0;
  for (const diff::Statement& statement : plan.statements) {
    out += fmt::format("\n{:>3}. {};\n", ++n, statement.sql);
    for (const diff::HazardNote& note : statement.hazards) {
      out += fmt::format("     ! {}: {}\n", diff::hazard_id(note.hazard), note.message);
    }
  }
  return out;
}

// A copy of FROM's schema to prove the plan on: its DDL loaded again, or (for a live database)
// rebuilt by the differ from nothing and itself checked against FROM first.
std::unique_ptr<pg::ScratchDatabase> copy_of(DiffSources& sources, const DiffSide& from,
                                             const catalog::Catalog& from_catalog,
                                             const Flags& flags) {
  if (from.is_ddl()) return sources.load(from.files);
  auto scratch = sources.empty_scratch();
  DiffSide copy{.description = "a copy of " + from.description, .dsn = scratch->dsn()};
  const catalog::Catalog empty = read_side(copy, flags.schemas, flags.exclude_schemas);
  pg::Connection conn(scratch->dsn());
  diff::apply_plan(conn, diff::plan_changes(empty, from_catalog));
  const diff::Plan left =
      diff::plan_changes(read_side(copy, flags.schemas, flags.exclude_schemas), from_catalog);
  if (!left.empty()) {
    throw Error(codes::kDifferUnverified, ExitClass::kSchema,
                fmt::format("could not rebuild {} in a scratch database to prove the plan on "
                            "({} statement(s) still differ, first: {})",
                            from.description, left.statements.size(), left.statements[0].sql),
                "pass --no-verify to print the plan unproven, and please report this");
  }
  return scratch;
}

void verify(DiffSources& sources, const DiffSide& from, const catalog::Catalog& from_catalog,
            const catalog::Catalog& to_catalog, const diff::Plan& plan, const Flags& flags) {
  auto scratch = copy_of(sources, from, from_catalog, flags);
  {
    pg::Connection conn(scratch->dsn());
    diff::apply_plan(conn, plan);
  }
  DiffSide applied{.description = "the scratch copy", .dsn = scratch->dsn()};
  const diff::Plan left =
      diff::plan_changes(read_side(applied, flags.schemas, flags.exclude_schemas), to_catalog);
  if (left.empty()) return;
  std::vector<std::string> remaining;
  for (const auto& statement : left.statements) remaining.push_back(statement.sql);
  Error error(codes::kDifferUnverified, ExitClass::kSchema,
              fmt::format("the plan does not reach the desired schema: after applying it to a "
                          "scratch copy, {} statement(s) still differ, first: {}",
                          remaining.size(), remaining[0]),
              "this is a bug in confiture's differ: please report it with both schemas; "
              "--no-verify prints the plan unproven");
  error.details = {{"remaining", remaining}};
  throw error;
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
  cmd->add_option("--format", flags->format, "Output: pretty (default), sql or json")
      ->check(CLI::IsMember({"pretty", "sql", "json"}));
  cmd->add_option("--allow-hazards", flags->allow_hazards,
                  "Hazards to accept, e.g. DELETES_DATA (or all)")
      ->delimiter(',');
  cmd->add_flag("--exit-code", flags->exit_code, "Exit 1 when the schemas differ");
  cmd->add_option("--schema", flags->schemas, "Compare only these schemas")->delimiter(',');
  cmd->add_option("--exclude-schema", flags->exclude_schemas, "Leave these schemas out")
      ->delimiter(',');
  cmd->add_flag("--no-verify", flags->no_verify, "Do not prove the plan on a scratch copy");
  cmd->add_flag("--allow-unsupported", flags->allow_unsupported,
                "Compare even when objects of unmodelled kinds are present");
  cmd->add_option("--env", options.env, "Environment whose server holds scratch databases");
  cmd->add_option("--project-dir", options.project_dir, "Project directory (default: .)");
  cmd->add_flag("-q,--quiet", options.quiet, "Print only errors");
  cmd->add_flag("-v,--verbose", options.verbose, "Print timings and details");
  cmd->callback([&options, &action, flags] {
    if (flags->format == "json") options.format = "json";
    action = [&options, flags](const Output& out) {
      const std::set<diff::Hazard> allowed = allowed_hazards(flags->allow_hazards);
      DiffSources sources(options, {flags->from, flags->to});
      DiffSide from = sources.open(flags->from);
      DiffSide to = sources.open(flags->to);
      const catalog::Catalog from_catalog = read_side(from, flags->schemas, flags->exclude_schemas);
      const catalog::Catalog to_catalog = read_side(to, flags->schemas, flags->exclude_schemas);
      if (!flags->allow_unsupported) {
        refuse_unsupported(from_catalog, from.description);
        refuse_unsupported(to_catalog, to.description);
      }
      diff::Options diff_options;
      if (to.is_ddl()) diff_options.renames = declared_renames(to.files);
      const diff::Plan plan = diff::plan_changes(from_catalog, to_catalog, diff_options);
      if (!flags->no_verify && !plan.empty()) {
        verify(sources, from, from_catalog, to_catalog, plan, *flags);
      }
      refuse_hazards(plan, allowed);
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
