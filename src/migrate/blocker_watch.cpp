// BlockerWatch: a background thread with its own session, asking pg_blocking_pids() who blocks
// the watched backend, so that a lock timeout can say whom it waited for.
#include "blocker_watch.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <string_view>

#include "confiture/pg/connection.hpp"

namespace confiture::migrate {
namespace sql {
extern const std::string_view blockers;
}  // namespace sql

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(50);
constexpr auto kRetryInterval = std::chrono::seconds(1);  // after a failed connect or query
constexpr auto kSleepSlice = std::chrono::milliseconds(10);

}  // namespace

BlockerWatch::BlockerWatch(std::string dsn, int watched_pid)
    : dsn_(std::move(dsn)), watched_pid_(watched_pid) {
  thread_ = std::thread([this] { run(); });
}

BlockerWatch::~BlockerWatch() {
  stop_ = true;
  thread_.join();
}

std::vector<Blocker> BlockerWatch::last_seen() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

void BlockerWatch::run() {
  std::optional<pg::Connection> conn;
  const std::string query = fmt::format(fmt::runtime(sql::blockers), fmt::arg("pid", watched_pid_));
  while (!stop_) {
    auto pause = std::chrono::steady_clock::duration(kPollInterval);
    try {
      if (!conn) {
        conn.emplace(dsn_);
        conn->exec("SET application_name = 'confiture blocker watch'");
      }
      auto rows = conn->exec(query);
      if (!rows.empty()) {
        std::vector<Blocker> found;
        for (const auto& row : rows) {
          Blocker b;
          b.pid = row["pid"].as<int>();
          b.usename = row["usename"].as<std::string>();
          b.application_name = row["application_name"].as<std::string>();
          b.client = row["client"].as<std::string>();
          b.state = row["state"].as<std::string>();
          b.query = row["query"].as<std::string>();
          b.transaction_started = row["transaction_started"].as<std::string>();
          found.push_back(std::move(b));
        }
        std::lock_guard lock(mutex_);
        seen_ = std::move(found);
      }
    } catch (...) {
      // The watch only adds detail to an error: never let it fail anything. Reconnect later.
      conn.reset();
      pause = kRetryInterval;
    }
    ++polls_;
    for (auto slept = std::chrono::steady_clock::duration::zero(); slept < pause && !stop_;
         slept += kSleepSlice) {
      std::this_thread::sleep_for(kSleepSlice);
    }
  }
}

std::string describe(const Blocker& blocker) {
  std::string who = blocker.usename;
  if (!blocker.client.empty() && blocker.client != "local") who += "@" + blocker.client;
  std::vector<std::string> parts;
  if (!who.empty()) parts.push_back(who);
  if (!blocker.application_name.empty()) parts.push_back(blocker.application_name);
  std::string state = blocker.state;
  if (!blocker.transaction_started.empty()) {
    state += (state.empty() ? "in a transaction since " : " since ") + blocker.transaction_started;
  }
  if (!state.empty()) parts.push_back(state);
  std::string text = fmt::format("pid {}", blocker.pid);
  if (!parts.empty()) text += fmt::format(" ({})", fmt::join(parts, ", "));
  std::string query = one_line(blocker.query);
  if (!query.empty()) text += ": " + query;
  return text;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace confiture::migrate
