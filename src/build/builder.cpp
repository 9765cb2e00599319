// Orchestrates a build: source -> generated file -> database, never leaving a half-built one.
#include "confiture/build/builder.hpp"

#include <fmt/format.h>

#include "confiture/build/build_state.hpp"
#include "confiture/build/discover.hpp"
#include "confiture/build/schema_apply.hpp"
#include "confiture/build/schema_source.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/run_facts.hpp"
#include "confiture/report/stopwatch.hpp"

namespace confiture::build {
namespace {

const char* outcome_name(ApplyOutcome outcome) {
  switch (outcome) {
    case ApplyOutcome::kApplied:
      return "applied";
    case ApplyOutcome::kUnchanged:
      return "unchanged";
    case ApplyOutcome::kNotRequested:
      break;
  }
  return "not_requested";
}

bool is_within(const std::filesystem::path& path, const std::filesystem::path& dir) {
  auto rel = path.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

std::filesystem::path resolved(const std::filesystem::path& project_dir, const std::string& p) {
  std::filesystem::path path(p);
  if (path.is_relative()) path = project_dir / path;
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path.lexically_normal() : canonical;
}

// `-o FILE` writes only where it cannot destroy a source: not inside an include dir, the
// migrations or the seeds (after resolving `..` and symbolic links), and not over an existing
// file that confiture build did not write (it starts with the generated header).
void check_output(const std::filesystem::path& output, const config::Environment& env) {
  const std::filesystem::path target = resolved(env.project_dir, output.string());
  const std::string shown = config::display_path(output, env.project_dir);
  auto refuse = [&](const std::string& why, const std::string& hint) {
    Error error(codes::kSchemaUnsafeOutput, ExitClass::kSafety,
                fmt::format("refusing to write the generated schema to {}: {}", shown, why), hint);
    error.details = {{"output", shown}};
    throw error;
  };
  const std::string elsewhere =
      "write it elsewhere, e.g. under db/generated/ (nothing was written)";
  for (const auto& inc : env.include_dirs) {
    if (is_within(target, resolved(env.project_dir, inc.path))) {
      refuse(fmt::format("it is inside the include directory {}, a source of this build", inc.path),
             elsewhere);
    }
  }
  for (const std::string& dir :
       {env.migration.directory, std::string("db/migrations"), std::string("db/seeds")}) {
    if (is_within(target, resolved(env.project_dir, dir))) {
      refuse(fmt::format("it is inside {}, which holds sources of the project", dir), elsewhere);
    }
  }
  std::error_code ec;
  auto status = std::filesystem::status(target, ec);
  if (ec || status.type() == std::filesystem::file_type::not_found) return;
  if (status.type() != std::filesystem::file_type::regular) {
    refuse("it exists and is not a regular file", elsewhere);
  }
  if (std::filesystem::file_size(target, ec) == 0 && !ec) return;  // nothing to lose
  if (!is_generated_schema(target)) {
    refuse(
        "the file exists and was not written by `confiture build` (it does not start with "
        "the generated header)",
        "remove it first if it may be replaced, or choose another path (nothing was written)");
  }
}

}  // namespace

nlohmann::json BuildReport::to_json() const {
  return {{"environment", environment},
          {"files", files},
          {"seed_files_left_out", seed_files_left_out},
          {"statements", statements},
          {"bytes", bytes},
          {"hash", hash},
          {"output", output_path},
          {"apply", outcome_name(apply)},
          {"database", database.empty() ? nlohmann::json(nullptr) : nlohmann::json(database)},
          {"created_database", created_database},
          {"recreated_database", recreated_database},
          {"baseline", baseline ? nlohmann::json{{"tracking_table", baseline->table},
                                                 {"recorded", baseline->versions}}
                                : nlohmann::json(nullptr)},
          {"durations_ms",
           {{"discover", discover_ms},
            {"read", read_ms},
            {"parse", parse_ms},
            {"write", write_ms},
            {"apply", apply_ms},
            {"total", total_ms}}},
          {"warnings", warnings}};
}

BuildReport run_build(const BuildRequest& request, const config::EnvLookup& lookup) {
  const report::Stopwatch total;
  BuildReport report;
  config::Environment env = config::select_environment(request.selection, lookup);
  report.environment = env.name;
  report.warnings = env.warnings;

  if (request.output) check_output(*request.output, env);

  report::Stopwatch t;
  std::vector<SourceFile> files = discover(env, report.warnings);
  if (request.schema_only) {
    std::erase_if(files, [&](const SourceFile& f) {
      report.seed_files_left_out += f.seed ? 1 : 0;
      return f.seed;
    });
  }
  report.discover_ms = t.ms();

  t.restart();
  std::vector<LoadedFile> loaded = load_files(files);
  report.files = loaded.size();
  report.hash = schema_hash(loaded);
  GeneratedSchema schema = concatenate(loaded, env, report.hash);
  report.read_ms = t.ms();

  t.restart();
  std::filesystem::path output = request.output ? *request.output
                                                : env.project_dir / "db" / "generated" /
                                                      fmt::format("schema_{}.sql", env.name);
  if (output.is_relative()) output = env.project_dir / output;
  write_file_atomically(output, schema.parts());
  report.bytes = schema.size();
  report.output_path = output.lexically_normal().string();
  report.write_ms = t.ms();

  if (!request.no_apply) {
    t.restart();
    ParsedSchema parsed = parse_schema(loaded);
    report.statements = parsed.statements.size();
    for (auto& w : parsed.warnings) report.warnings.push_back(std::move(w));
    report.parse_ms = t.ms();

    config::Target target = config::resolve_target(request.selection, env, /*writes=*/true, lookup);
    pg::ResolvedTarget resolved = pg::resolve_target_dsn(target, env.project_dir);
    report.database = resolved.description;

    BuildState state{env.name, report.hash, loaded.size(), report::utc_now_iso(),
                     CONFITURE_VERSION};
    ApplyPolicy policy;
    policy.recreate = request.recreate;
    policy.force = request.force;
    policy.consent.yes = request.yes;
    policy.consent.is_protected = env.is_protected;
    policy.consent.named_explicitly =
        request.selection.env_name.has_value() || request.selection.config_file.has_value();
    policy.consent.target_from_environment =
        target.origin == config::Target::Origin::kEnvironmentFile;
    policy.consent.environment = env.name;
    policy.consent.confirm = request.confirm;
    policy.record_mark = env.is_protected && policy.consent.named_explicitly &&
                         policy.consent.target_from_environment;
    policy.baseline = request.baseline;

    // The version file is written after the commit: find out now, before anything is dropped,
    // whether it can be.
    check_version_file_writable(env.project_dir);

    t.restart();
    ApplyResult applied = apply_schema(resolved, parsed, state, policy);
    for (auto& w : applied.warnings) report.warnings.push_back(std::move(w));
    report.apply_ms = t.ms();
    report.apply = applied.unchanged ? ApplyOutcome::kUnchanged : ApplyOutcome::kApplied;
    report.created_database = applied.created;
    report.recreated_database = applied.recreated;
    if (applied.sessions_ended > 0) {
      report.warnings.push_back(
          fmt::format("--recreate ended {} other session(s) connected to {} (DROP DATABASE ... "
                      "WITH (FORCE))",
                      applied.sessions_ended, report.database));
    }
    report.baseline = std::move(applied.baseline);
    if (!applied.unchanged) {
      try {
        write_version_file(env.project_dir, state);
      } catch (const Error& error) {
        Error built(error.code, error.exit_class,
                    fmt::format("{} was built and committed; only the version file failed: {}",
                                report.database, error.what()),
                    "the database is up to date; make db/ writable and run `confiture build "
                    "--force` to write the version file");
        built.details = error.details;
        built.details["database_built"] = true;
        throw built;
      }
    }
  }
  report.total_ms = total.ms();
  return report;
}

}  // namespace confiture::build
