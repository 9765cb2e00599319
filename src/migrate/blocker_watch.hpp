// Who blocks a session: while a migration statement waits on a lock, a second connection polls
// pg_blocking_pids() so that a lock timeout can name the blocking sessions and their queries.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace confiture::migrate {

struct Blocker {
  int pid = 0;
  std::string usename, application_name, client, state, query;  // query: first 200 chars
  std::string transaction_started;  // ISO 8601 UTC, empty when not in a transaction
};

// Starts polling (every 50 ms) on its own connection to `dsn` for the sessions blocking the
// backend `watched_pid`, and keeps the last non-empty answer. Connection problems are swallowed:
// the watch only ever adds detail to an error. Stops and joins in the destructor.
class BlockerWatch {
 public:
  BlockerWatch(std::string dsn, int watched_pid);
  ~BlockerWatch();
  BlockerWatch(const BlockerWatch&) = delete;
  BlockerWatch& operator=(const BlockerWatch&) = delete;

  std::vector<Blocker> last_seen() const;
  // How many polls have finished, answered or failed (tests use it to see the watch at work).
  std::size_t polls() const { return polls_; }

 private:
  void run();
  std::string dsn_;
  int watched_pid_;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> polls_{0};
  mutable std::mutex mutex_;
  std::vector<Blocker> seen_;
  std::thread thread_;
};

// A query as one line: runs of whitespace become one space, leading/trailing ones go.
std::string one_line(std::string_view text);

// "pid 1234 (alice, psql, idle in transaction since 2026-11-24T10:00:00Z): UPDATE users ..."
std::string describe(const Blocker& blocker);

}  // namespace confiture::migrate
