// The migration lock (SPEC §3): a session-level advisory lock per database, shared with the
// Python tool, plus a holder row that tells a waiting runner who has it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "confiture/pg/connection.hpp"

namespace confiture::migrate {

inline constexpr std::int32_t kLockClassId = 1751936052;

// First 4 bytes (big-endian) of SHA-256(database name) & 0x7FFFFFFF. The lock uses the name
// the server reports (SELECT current_database()), as the Python tool does.
std::int32_t lock_key(std::string_view database);

struct LockHolder {
  // From the confiture_lock_holder row; pid 0 and the strings empty when no row describes the
  // session that holds the lock (a runner that records none, or a stale row).
  int pid = 0;                                          // the runner's process on its own host
  std::string hostname, usename, command, acquired_at;  // acquired_at ISO 8601 UTC
  long long held_for_seconds = 0;
  // From pg_stat_activity: the server session holding the lock.
  int backend_pid = 0;
  std::string backend_usename, application_name, client_addr, backend_start, query;
};

// Holds the lock for its lifetime on `db` (session level: it dies with the connection, so a
// killed runner releases it). Must be taken while the session is idle (no open transaction).
// The constructor waits up to timeout_ms (0 = try once) with a lock_timeout local to that one
// wait, so the session's own settings are untouched afterwards, then records this process in
// confiture_lock_holder (best effort, committed at once). It throws Error LOCK_1300 (exit 6)
// naming the holder (pid, host, command, since when) from confiture_lock_holder, and the
// holding server session from pg_locks/pg_stat_activity (also when the row is missing or
// stale). The destructor removes our holder row and unlocks, best effort.
class MigrationLock {
 public:
  MigrationLock(pg::Connection& db, int timeout_ms, std::string command);
  ~MigrationLock();
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  pg::Connection& db_;
  std::int32_t key_;
  bool recorded_ = false;  // our holder row was written
};

// Who holds the lock on the database `db` is connected to, if any session does.
std::optional<LockHolder> lock_holder(pg::Connection& db);

}  // namespace confiture::migrate
