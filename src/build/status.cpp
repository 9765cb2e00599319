// Source-versus-database comparison for `confiture status`.
#include "confiture/build/status.hpp"

#include "confiture/build/build_state.hpp"
#include "confiture/build/discover.hpp"
#include "confiture/build/schema_source.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/embedded_server.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/error.hpp"

namespace confiture::build {

nlohmann::json StatusReport::to_json() const {
  using nlohmann::json;
  return {{"environment", environment.empty() ? json(nullptr) : json(environment)},
          {"target", target},
          {"reachable", reachable},
          {"unreachable_reason", reachable ? json(nullptr) : json(unreachable)},
          {"files", files},
          {"source_hash", source_hash},
          {"built_hash", built_hash ? json(*built_hash) : json(nullptr)},
          {"last_build", last_build ? json(*last_build) : json(nullptr)},
          {"up_to_date", up_to_date()}};
}

StatusReport schema_status(const config::Selection& selection, const config::EnvLookup& lookup) {
  StatusReport report;
  config::Environment env = config::select_environment(selection, lookup);
  if (!env.file.empty()) report.environment = env.name;  // the built-in default is none
  auto loaded = load_files(discover(env));
  report.files = loaded.size();
  report.source_hash = schema_hash(loaded);
  if (auto state = read_version_file(env.project_dir)) report.last_build = state->built_at;

  config::Target target = config::resolve_target(selection, env, /*writes=*/false, lookup);
  if (target.embedded_database && !pg::EmbeddedServer(env.project_dir).status().running) {
    report.target = *target.embedded_database + " on the embedded server";
    report.unreachable = "the embedded server is not running (confiture server start)";
    return report;
  }
  try {
    pg::ResolvedTarget resolved = pg::resolve_target_dsn(target, env.project_dir);
    report.target = resolved.description;
    pg::Connection db(resolved.dsn);
    report.reachable = true;
    report.built_hash = recorded_hash(db);
  } catch (const Error& error) {
    report.unreachable = error.what();
  }
  return report;
}

}  // namespace confiture::build
