// Running a plan on a scratch database the way a migration runs it.
#include "confiture/diff/verify.hpp"

#include <fmt/format.h>

#include "confiture/pg/connection.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::diff {
void apply_plan(pg::Connection& conn, const Plan& plan) {
  const bool autocommit = !plan.transactional();
  std::vector<pg::ScriptStatement> script;
  const std::string bodies = "SET check_function_bodies = off";
  if (plan.sets_check_function_bodies) script.push_back({bodies, autocommit});
  for (const Statement& statement : plan.statements) {
    script.push_back({statement.sql, autocommit || !statement.transactional});
  }
  auto failure = pg::run_script(conn, script);
  if (!failure) return;
  const std::size_t offset = plan.sets_check_function_bodies ? 1 : 0;
  const std::string sql =
      failure->index >= offset ? plan.statements[failure->index - offset].sql : bodies;
  Error error(
      codes::kDifferUnverified, ExitClass::kSchema,
      fmt::format("the plan failed on a scratch copy of the current schema: {}", failure->message),
      "this is a bug in confiture's differ: please report it with both schemas; "
      "--no-verify prints the plan unproven");
  error.details = {
      {"statement", sql}, {"sqlstate", failure->sqlstate}, {"detail", failure->detail}};
  throw error;
}

}  // namespace confiture::diff
