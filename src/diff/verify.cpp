// Running a plan on a scratch database the way a migration runs it.
#include "confiture/diff/verify.hpp"

#include <fmt/format.h>

#include "confiture/pg/connection.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::diff {
namespace {

constexpr const char* kCannotCoerce = "42846";      // cannot cast type X to Y
constexpr const char* kDatatypeMismatch = "42804";  // column cannot be cast automatically

Error failure_error(const pg::StatementFailure& failure, const std::string& sql) {
  const bool type_change = sql.find(" TYPE ") != std::string::npos;
  if (type_change && (failure.sqlstate == kCannotCoerce || failure.sqlstate == kDatatypeMismatch)) {
    Error error(codes::kDifferNoCast, ExitClass::kSchema,
                fmt::format("a column type change has no conversion confiture can write: {}",
                            failure.message),
                "PostgreSQL has no cast between these types; write the migration by hand with "
                "the conversion you mean: ALTER TABLE ... ALTER COLUMN ... TYPE ... USING "
                "<expression> (for example `USING arr[1]` for an array to its element type)");
    error.details = {
        {"statement", sql}, {"sqlstate", failure.sqlstate}, {"detail", failure.detail}};
    return error;
  }
  Error error(
      codes::kDifferUnverified, ExitClass::kSchema,
      fmt::format("the plan failed on a scratch copy of the current schema: {}", failure.message),
      "this is a bug in confiture's differ: please report it with both schemas; "
      "--no-verify prints the plan unproven");
  error.details = {{"statement", sql}, {"sqlstate", failure.sqlstate}, {"detail", failure.detail}};
  return error;
}

}  // namespace

void apply_plan(pg::Connection& conn, const Plan& plan) {
  const bool autocommit = !plan.transactional();
  const std::string bodies = "SET check_function_bodies = off";
  // One transaction per part: a `new_transaction` statement commits what came before it.
  std::vector<pg::ScriptStatement> script;
  std::vector<std::string> sqls;  // what each entry of `script` is, for the message
  auto run = [&]() {
    auto failure = pg::run_script(conn, script);
    if (failure) throw failure_error(*failure, sqls[failure->index]);
    script.clear();
    sqls.clear();
  };
  if (plan.sets_check_function_bodies) {
    // Session-level: it holds for every part that follows.
    script.push_back({bodies, autocommit});
    sqls.push_back(bodies);
  }
  for (const Statement& statement : plan.statements) {
    if (statement.new_transaction && !script.empty()) run();
    script.push_back({statement.sql, autocommit || !statement.transactional});
    sqls.push_back(statement.sql);
  }
  if (!script.empty()) run();
}

}  // namespace confiture::diff
