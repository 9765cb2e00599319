// Orchestrates a build: source -> generated file -> database, never leaving a half-built one.
#include "confiture/build/builder.hpp"

#include <fmt/format.h>

#include <ctime>

#include "confiture/build/build_state.hpp"
#include "confiture/build/discover.hpp"
#include "confiture/build/schema_apply.hpp"
#include "confiture/build/schema_source.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/stopwatch.hpp"

namespace confiture::build {
namespace {

std::string utc_now_iso() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

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

  report::Stopwatch t;
  std::vector<SourceFile> files = discover(env);
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

    BuildState state{env.name, report.hash, loaded.size(), utc_now_iso(), CONFITURE_VERSION};
    ApplyPolicy policy;
    policy.recreate = request.recreate;
    policy.force = request.force;
    policy.yes = request.yes;
    policy.is_protected = env.is_protected;
    policy.named_explicitly =
        request.selection.env_name.has_value() || request.selection.config_file.has_value();
    policy.target_from_environment = target.origin == config::Target::Origin::kEnvironmentFile;
    policy.environment = env.name;
    policy.record_mark =
        env.is_protected && policy.named_explicitly && policy.target_from_environment;
    policy.confirm = request.confirm;

    t.restart();
    ApplyResult applied = apply_schema(resolved, parsed, state, policy);
    for (auto& w : applied.warnings) report.warnings.push_back(std::move(w));
    report.apply_ms = t.ms();
    report.apply = applied.unchanged ? ApplyOutcome::kUnchanged : ApplyOutcome::kApplied;
    report.created_database = applied.created;
    report.recreated_database = applied.recreated;
    if (!applied.unchanged) write_version_file(env.project_dir, state);
  }
  report.total_ms = total.ms();
  return report;
}

}  // namespace confiture::build
