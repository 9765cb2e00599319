// Parse-then-apply of the built schema, with failures located in the original source files.
#include "confiture/build/schema_apply.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "confiture/pg/admin.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/pg/protection.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sql/source_position.hpp"

namespace confiture::build {
namespace {

Error located(const char* code, ExitClass exit, const std::string& message, const LoadedFile& file,
              std::size_t byte_offset) {
  Error error(code, exit, message);
  auto pos = sql::line_column(file.content, byte_offset);
  error.location = SourceLocation{file.source.display, pos.line, pos.column};
  return error;
}

// A connection to the server's maintenance database, for CREATE/DROP DATABASE.
pg::Connection connect_admin(const std::string& dsn) {
  try {
    return pg::Connection(pg::with_database(dsn, "postgres"));
  } catch (const Error&) {
    return pg::Connection(pg::with_database(dsn, "template1"));
  }
}

// Builds of one database take turns: a session-level advisory lock on the maintenance
// connection, keyed on the database name, held until the build is over (the connection closes).
// Class id "CFB1"; the migration lock uses another class.
constexpr int kBuildLockClassId = 0x43464231;

void lock_build(pg::Connection& admin, const pg::ResolvedTarget& target) {
  auto rows = admin.exec(fmt::format("SELECT pg_try_advisory_lock({}, hashtext({}))",
                                     kBuildLockClassId, pg::quote_literal(target.database)));
  if (rows[0][0].as<bool>()) return;
  throw Error(codes::kLockBuildRunning, ExitClass::kLock,
              fmt::format("another `confiture build` of {} is running: not building it twice at "
                          "once",
                          target.description),
              "wait for the other build to finish, then run this one again");
}

// The one rule of every destructive command (pg/protection.hpp), with the mark of the database
// that is about to be dropped.
void require_consent(pg::Connection& db, const pg::ResolvedTarget& target,
                     const ApplyPolicy& policy, std::size_t sessions) {
  pg::DestructiveStep step;
  static_cast<pg::Consent&>(step) = policy.consent;
  step.action = fmt::format(
      "drop and recreate the database from the DDL (all its data is lost{})",
      sessions == 0
          ? std::string()
          : fmt::format(", and the {} other session(s) connected to it are ended", sessions));
  step.database = target.description;
  step.hazards = {fmt::format("DROP DATABASE {}", pg::quote_ident(target.database))};
  pg::guard_destructive(db, step);
}

std::string first_line(std::string_view text) {
  auto end = text.find('\n');
  std::string line(text.substr(0, end));
  return end == std::string_view::npos ? line : line + " ...";
}

std::vector<pg::ScriptStatement> script_of(const ParsedSchema& schema) {
  std::vector<pg::ScriptStatement> script;
  script.reserve(schema.statements.size() + 2);
  for (const auto& s : schema.statements) {
    std::string_view text((*schema.files)[s.file].content);
    script.push_back(
        {text.substr(s.statement.offset, s.statement.length), s.statement.needs_autocommit});
  }
  return script;
}

// A failed statement of the schema, located in its own file at the server's error position.
Error located_failure(const ParsedSchema& schema, const std::vector<pg::ScriptStatement>& script,
                      const pg::StatementFailure& failure, const std::string& left) {
  const ParsedStatement& where = schema.statements[failure.index];
  const LoadedFile& file = (*schema.files)[where.file];
  std::string_view text = script[failure.index].sql;
  std::size_t offset = where.statement.offset;
  if (failure.position > 0) {
    offset += sql::byte_offset_of_character(text, static_cast<std::size_t>(failure.position - 1));
  }
  Error error =
      located(codes::kSchemaStatementFailed, ExitClass::kSchema,
              fmt::format("{} failed: {}", where.statement.kind, failure.message), file, offset);
  error.hint = failure.hint.empty() ? left : failure.hint + " (" + left + ")";
  error.details = {{"sqlstate", failure.sqlstate},
                   {"statement", first_line(text)},
                   {"detail", failure.detail},
                   {"context", failure.context},
                   {"database", left}};
  return error;
}

}  // namespace

ParsedSchema parse_schema(const std::vector<LoadedFile>& files) {
  // Parsing is the costliest client-side step (~50 ms per MB): split files on every core
  // (libpg_query keeps its memory per thread), then merge in build order.
  std::vector<sql::SplitResult> results(files.size());
  const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      results[i] = sql::split(files[i].content);
    }
  };
  std::vector<std::jthread> threads;
  for (std::size_t w = 1; w < workers && w < files.size(); ++w) threads.emplace_back(work);
  work();
  threads.clear();

  ParsedSchema parsed;
  parsed.files = &files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const LoadedFile& file = files[i];
    sql::SplitResult& result = results[i];
    if (result.error) {
      Error error =
          located(codes::kSchemaSyntax, ExitClass::kSchema,
                  fmt::format("syntax error in {}: {}", file.source.display, result.error->message),
                  file, result.error->offset);
      error.details["source_line"] = sql::line_at(file.content, result.error->offset);
      error.hint = "nothing was sent to the database; fix the file and run the command again";
      throw error;
    }
    for (auto& statement : result.statements) {
      if (statement.transaction_control) {
        auto pos = sql::line_column(file.content, statement.offset);
        parsed.warnings.push_back(
            fmt::format("{}:{}: ignored top-level {}: the build runs in its own transaction",
                        file.source.display, pos.line, statement.kind));
        continue;
      }
      parsed.statements.push_back({i, std::move(statement)});
    }
  }
  return parsed;
}

ApplyResult apply_schema(const pg::ResolvedTarget& target, const ParsedSchema& schema,
                         const BuildState& state, const ApplyPolicy& policy) {
  ApplyResult result;
  const std::string& name = target.database;
  pg::Connection admin = connect_admin(target.dsn);
  lock_build(admin, target);
  std::optional<pg::Connection> db;  // the session the script runs on, once the database is kept

  if (pg::database_exists(admin, name)) {
    db.emplace(target.dsn);
    auto built = recorded_hash(*db);
    if (built && *built == state.schema_hash && !policy.force) {
      result.unchanged = true;
      if (policy.record_mark) {
        if (auto failed = pg::record_protection_mark(*db, policy.consent.environment)) {
          result.warnings.push_back(
              fmt::format("could not record the protection mark of '{}' in {}: {}",
                          policy.consent.environment, target.description, *failed));
        }
      }
      return result;
    }
    if (!pg::database_is_empty(*db, tables_a_build_leaves())) {
      if (!policy.recreate && !policy.force) {
        throw Error(codes::kSchemaDatabaseNotEmpty, ExitClass::kSafety,
                    fmt::format("database {} is not empty", target.description),
                    "to keep its data, change it with migrations (`confiture status` says "
                    "whether any are missing); to rebuild it from the DDL, pass --recreate "
                    "(its data is lost; it asks first, or pass --yes)");
      }
      // DROP ... WITH (FORCE) ends every other session on the database: say how many.
      const int own_pid = db->exec("SELECT pg_backend_pid()")[0][0].as<int>();
      require_consent(*db, target, policy, pg::other_sessions(admin, name, own_pid));
      result.sessions_ended = pg::other_sessions(admin, name, own_pid);
      db.reset();
      pg::drop_database(admin, name);
      pg::create_database(admin, name);
      result.recreated = true;
    }
  } else {
    pg::create_database(admin, name);
    result.created = true;
  }

  std::vector<pg::ScriptStatement> script = script_of(schema);
  const std::string record_table = record_table_sql();
  const std::string record_row = record_insert_sql(state);
  script.push_back({record_table, false});
  script.push_back({record_row, false});
  // In the build's transaction: a protected environment's database is marked once it exists.
  const std::vector<std::string> mark =
      policy.record_mark ? pg::protection_mark_statements(policy.consent.environment)
                         : std::vector<std::string>{};
  for (const auto& statement : mark) script.push_back({statement, false});

  // A database this build made is dropped again on any failure: nothing half-built is left.
  const bool ours = result.created || result.recreated;
  std::optional<pg::StatementFailure> failure;
  try {
    if (!db) db.emplace(target.dsn);
    // A build whose client is gone must not commit: the server checks the socket during long
    // statements (as migrate does), and COMMIT is only sent once every result came back.
    if (db->server_version() >= 140000) db->exec("SET client_connection_check_interval = '1s'");
    if (policy.baseline) {
      result.baseline = policy.baseline(*db);
      for (const auto& sql : result.baseline->statements) script.push_back({sql, false});
    }
    failure = pg::run_script(*db, script, pg::TransactionEnd::kCommitAfterResults);
  } catch (const Error&) {
    if (ours) pg::drop_database(admin, name);
    throw;
  }
  if (!failure) return result;

  db.reset();
  if (ours) pg::drop_database(admin, name);
  const std::string left = ours ? "the database was dropped again: nothing half-built is left"
                                : "the transaction was rolled back: the database is as it was";
  if (failure->index >= schema.statements.size()) {
    const bool ledger = failure->index >= schema.statements.size() + 2;
    throw Error(
        codes::kSchemaStatementFailed, ExitClass::kSchema,
        fmt::format("recording the {} failed: {}",
                    ledger ? "migrations in " + result.baseline->table : "build", failure->message),
        left);
  }
  throw located_failure(schema, script, *failure, left);
}

void load_schema(pg::Connection& conn, const ParsedSchema& schema) {
  const std::vector<pg::ScriptStatement> script = script_of(schema);
  if (auto failure = pg::run_script(conn, script)) {
    throw located_failure(schema, script, *failure, "the transaction was rolled back");
  }
}

}  // namespace confiture::build
