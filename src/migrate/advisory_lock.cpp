// The migration lock: the Python tool's session-level advisory lock and holder row, and an
// error on contention that says who holds the lock and since when.
#include "confiture/migrate/advisory_lock.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "blocker_watch.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/digest.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/run_facts.hpp"

namespace confiture::migrate {
namespace sql {
extern const std::string_view lock_acquire;
extern const std::string_view lock_holder_table;
extern const std::string_view lock_holder_write;
extern const std::string_view lock_holder_read;
extern const std::string_view lock_holder_clear;
extern const std::string_view lock_backend;
}  // namespace sql

namespace {

// What the holder row says.
struct HolderRow {
  int pid = 0;
  std::string hostname, usename, command, acquired_at;
  long long held_for_seconds = 0;
  double acquired_epoch = 0;
};

// The server session that holds the advisory lock.
struct HolderSession {
  int pid = 0;
  std::string usename, application_name, client_addr, backend_start, state, query;
  double backend_start_epoch = 0;
};

struct LockState {
  std::optional<HolderRow> row;
  std::optional<HolderSession> session;

  // The row names a run that no longer holds the lock: nobody holds it, or the session that
  // does connected after the row was written (the writer holds the lock before writing).
  bool row_is_stale() const {
    return row && (!session || session->backend_start_epoch > row->acquired_epoch);
  }
};

std::string current_database(pg::Connection& db) {
  return db.exec("SELECT current_database()")[0][0].as<std::string>();
}

LockState read_state(pg::Connection& db, std::int32_t key) {
  LockState state;
  try {
    auto rows = db.exec(fmt::format(fmt::runtime(sql::lock_holder_read), fmt::arg("lock_id", key)));
    if (!rows.empty()) {
      const auto& r = rows[0];
      HolderRow row;
      row.pid = r["pid"].is_null() ? 0 : r["pid"].as<int>();
      row.hostname = r["hostname"].as<std::string>();
      row.usename = r["usename"].as<std::string>();
      row.command = r["command"].as<std::string>();
      row.acquired_at = r["acquired_at"].as<std::string>();
      row.held_for_seconds = r["held_for_seconds"].as<long long>();
      row.acquired_epoch = r["acquired_epoch"].as<double>();
      state.row = row;
    }
  } catch (const Error& e) {
    // No holder table (nobody recorded one yet) or no right to read it: the row is unknown.
    if (e.code != codes::kConnQueryFailed) throw;
  }
  auto rows = db.exec(fmt::format(fmt::runtime(sql::lock_backend),
                                  fmt::arg("class_id", kLockClassId), fmt::arg("lock_id", key)));
  if (!rows.empty()) {
    const auto& r = rows[0];
    HolderSession session;
    session.pid = r["pid"].as<int>();
    session.usename = r["usename"].as<std::string>();
    session.application_name = r["application_name"].as<std::string>();
    session.client_addr = r["client_addr"].as<std::string>();
    session.backend_start = r["backend_start"].as<std::string>();
    session.backend_start_epoch = r["backend_start_epoch"].as<double>();
    session.state = r["state"].as<std::string>();
    session.query = r["query"].as<std::string>();
    state.session = session;
  }
  return state;
}

// pid 4242 on host build-7 running "confiture migrate up" since 2026-11-24T10:00:00Z (12 s)
std::string describe_row(const HolderRow& row) {
  std::string text = fmt::format("pid {}", row.pid);
  if (!row.hostname.empty()) text += fmt::format(" on host {}", row.hostname);
  if (!row.command.empty()) text += fmt::format(" running \"{}\"", row.command);
  text += fmt::format(" since {} ({} s)", row.acquired_at, row.held_for_seconds);
  return text;
}

// server pid 777 (alice, psql, from 10.0.0.5, connected since ...), last query "..."
std::string describe_session(const HolderSession& session) {
  std::string who = session.usename.empty() ? "unknown user" : session.usename;
  if (!session.application_name.empty()) who += ", " + session.application_name;
  if (!session.client_addr.empty()) who += ", from " + session.client_addr;
  who += ", connected since " + session.backend_start;
  std::string text = fmt::format("server pid {} ({})", session.pid, who);
  std::string query = one_line(session.query);
  if (!query.empty()) text += fmt::format(", last query \"{}\"", query);
  return text;
}

nlohmann::json holder_json(const LockState& state) {
  if (state.row && !state.row_is_stale()) {
    const HolderRow& row = *state.row;
    return {{"pid", row.pid},
            {"hostname", row.hostname},
            {"user", row.usename},
            {"command", row.command},
            {"acquired_at", row.acquired_at},
            {"held_for_seconds", row.held_for_seconds},
            {"backend_pid", state.session->pid}};
  }
  if (!state.session) return nullptr;
  return {{"pid", nullptr},
          {"hostname", nullptr},
          {"user", state.session->usename},
          {"command", nullptr},
          {"acquired_at", nullptr},
          {"held_for_seconds", nullptr},
          {"backend_pid", state.session->pid}};
}

Error contention_error(pg::Connection& db, std::int32_t key, int timeout_ms) {
  std::string database = current_database(db);
  LockState state = read_state(db, key);
  bool stale = state.row_is_stale();
  std::string message;
  std::string hint =
      timeout_ms > 0
          ? fmt::format("wait for it to finish and retry, or raise --lock-timeout (waited {} ms)",
                        timeout_ms)
          : "wait for it to finish and retry, or pass --lock-timeout to wait for it";
  if (state.row && !stale) {
    message = fmt::format("another confiture run holds the migration lock on {}: {}", database,
                          describe_row(*state.row));
  } else if (state.session) {
    message = fmt::format("another session holds the migration lock on {}: {}", database,
                          describe_session(*state.session));
  } else {
    message = fmt::format("the migration lock on {} was busy, and was released since", database);
    hint = "retry now";
  }
  if (stale) {
    hint += fmt::format(
        "; the holder row in confiture_lock_holder ({}) is stale: that run no longer holds the "
        "lock",
        describe_row(*state.row));
  }
  Error error(codes::kLockHeld, ExitClass::kLock, message, hint);
  error.details["database"] = database;
  error.details["lock"] = {{"classid", kLockClassId}, {"objid", key}};
  error.details["timeout_ms"] = timeout_ms;
  error.details["holder"] = holder_json(state);
  error.details["stale_holder_row"] = stale;
  if (state.session) {
    const HolderSession& s = *state.session;
    error.details["session"] = {{"pid", s.pid},
                                {"user", s.usename},
                                {"application_name", s.application_name},
                                {"client_addr", s.client_addr},
                                {"backend_start", s.backend_start},
                                {"state", s.state},
                                {"query", s.query}};
  } else {
    error.details["session"] = nullptr;
  }
  return error;
}

// True when the lock is ours. Waiting is bounded by a lock_timeout local to one transaction.
bool acquire(pg::Connection& db, std::int32_t key, int timeout_ms) {
  if (timeout_ms <= 0) {
    auto rows = db.exec(fmt::format("SELECT pg_try_advisory_lock({}, {})", kLockClassId, key));
    return rows[0][0].as<bool>();
  }
  try {
    db.exec(
        fmt::format(fmt::runtime(sql::lock_acquire),
                    fmt::arg("lock_timeout", pg::quote_literal(fmt::format("{}ms", timeout_ms))),
                    fmt::arg("class_id", kLockClassId), fmt::arg("lock_id", key)));
    return true;
  } catch (const Error& e) {
    if (e.code != codes::kConnQueryFailed) throw;
    // The failed wait left the explicit transaction aborted; end it (and its SET LOCALs).
    db.exec("ROLLBACK");
    if (e.details.value("sqlstate", "") == "55P03") return false;  // lock_not_available
    throw;
  }
}

// Best effort: the lock is what protects the database; the row only explains a wait.
bool record_holder(pg::Connection& db, std::int32_t key, const std::string& command) {
  try {
    // Only create when missing: CREATE ... IF NOT EXISTS still needs CREATE on the schema.
    if (db.exec("SELECT to_regclass('confiture_lock_holder') IS NULL")[0][0].as<bool>()) {
      db.exec(sql::lock_holder_table);
    }
    db.exec(fmt::format(fmt::runtime(sql::lock_holder_write), fmt::arg("lock_id", key),
                        fmt::arg("pid", ::getpid()),
                        fmt::arg("hostname", pg::quote_literal(report::host_name())),
                        fmt::arg("command", pg::quote_literal(command))));
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

std::int32_t lock_key(std::string_view database) {
  const report::Sha256Bytes digest = report::sha256(database);
  std::uint32_t value = (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) |
                        (std::uint32_t{digest[2]} << 8) | std::uint32_t{digest[3]};
  return static_cast<std::int32_t>(value & 0x7FFFFFFFu);
}

MigrationLock::MigrationLock(pg::Connection& db, int timeout_ms, std::string command)
    : db_(db), key_(lock_key(current_database(db))) {
  if (!acquire(db_, key_, timeout_ms)) throw contention_error(db_, key_, timeout_ms);
  recorded_ = record_holder(db_, key_, command);
}

MigrationLock::~MigrationLock() {
  // The connection may be gone already (then so is the lock): nothing here may throw.
  if (recorded_) {
    try {
      db_.exec(fmt::format(fmt::runtime(sql::lock_holder_clear), fmt::arg("lock_id", key_),
                           fmt::arg("pid", ::getpid())));
    } catch (const std::exception&) {
    }
  }
  try {
    db_.exec(fmt::format("SELECT pg_advisory_unlock({}, {})", kLockClassId, key_));
  } catch (const std::exception&) {
  }
}

std::optional<LockHolder> lock_holder(pg::Connection& db) {
  LockState state = read_state(db, lock_key(current_database(db)));
  if (!state.session) return std::nullopt;
  LockHolder holder;
  if (state.row && !state.row_is_stale()) {
    holder.pid = state.row->pid;
    holder.hostname = state.row->hostname;
    holder.usename = state.row->usename;
    holder.command = state.row->command;
    holder.acquired_at = state.row->acquired_at;
    holder.held_for_seconds = state.row->held_for_seconds;
  }
  holder.backend_pid = state.session->pid;
  holder.backend_usename = state.session->usename;
  holder.application_name = state.session->application_name;
  holder.client_addr = state.session->client_addr;
  holder.backend_start = state.session->backend_start;
  holder.query = state.session->query;
  return holder;
}

}  // namespace confiture::migrate
