// Source-versus-database comparison for `confiture status`.
#include "confiture/build/status.hpp"

#include <optional>
#include <string_view>

#include "confiture/build/build_state.hpp"
#include "confiture/build/discover.hpp"
#include "confiture/build/schema_source.hpp"
#include "confiture/pg/admin.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/pg/embedded_server.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::build {
namespace {

// The server is up but the database is not there yet (`build` creates it). Asked of the
// maintenance database once connecting to the database itself has failed.
bool database_missing(const pg::ResolvedTarget& target) {
  try {
    pg::Connection admin(pg::with_database(target.dsn, "postgres"));
    return !pg::database_exists(admin, target.database);
  } catch (const Error&) {
    return false;  // the connection error of the database itself is the one to report
  }
}

}  // namespace

nlohmann::json StatusReport::to_json() const {
  using nlohmann::json;
  return {{"environment", environment.empty() ? json(nullptr) : json(environment)},
          {"target", target},
          {"reachable", reachable},
          {"unreachable_reason", reachable ? json(nullptr) : json(unreachable)},
          {"has_ddl", has_ddl},
          {"files", files},
          {"source_hash", has_ddl ? json(source_hash) : json(nullptr)},
          {"built_hash", built ? json(built->schema_hash) : json(nullptr)},
          {"last_build", built ? json(built->built_at) : json(nullptr)},
          {"built_environment", built ? json(built->environment) : json(nullptr)},
          {"database_missing", database_missing},
          {"database_empty", database_empty}};
}

StatusReport schema_status(const config::Selection& selection, const config::EnvLookup& lookup) {
  StatusReport report;
  config::Environment env = config::select_environment(selection, lookup);
  if (!env.file.empty()) report.environment = env.name;  // the built-in default is none
  try {
    auto loaded = load_files(discover(env, report.warnings));
    report.files = loaded.size();
    report.source_hash = schema_hash(loaded);
    report.has_ddl = true;
  } catch (const Error& error) {
    // A project that only uses migrations has no DDL (SPEC §2): not an error for status.
    const std::string_view code = error.code;
    if (code != codes::kSchemaNoFiles && code != codes::kSchemaDirNotFound) throw;
  }

  config::Target target = config::resolve_target(selection, env, /*writes=*/false, lookup);
  if (target.embedded_database && !pg::EmbeddedServer(env.project_dir).status().running) {
    report.target = *target.embedded_database + " on the embedded server";
    report.unreachable = "the embedded server is not running";
    report.server_stopped = true;
    return report;
  }
  try {
    pg::ResolvedTarget resolved = pg::resolve_target_dsn(target, env.project_dir);
    report.target = resolved.description;
    std::optional<pg::Connection> connection;
    try {
      connection.emplace(resolved.dsn);
    } catch (const Error&) {
      if (!database_missing(resolved)) throw;
      report.reachable = report.database_missing = true;
      return report;
    }
    pg::Connection& db = *connection;
    report.reachable = true;
    report.built = recorded_build(db);
    // The same test `build` applies before it runs the DDL on an existing database.
    report.database_empty = pg::database_is_empty(db, tables_a_build_leaves());
  } catch (const Error& error) {
    report.unreachable = error.what();
  }
  return report;
}

}  // namespace confiture::build
