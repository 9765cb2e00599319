// CREATE/DROP DATABASE and friends. Names always go through quote_ident/quote_literal.
#include "confiture/pg/admin.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

#include "confiture/pg/dsn.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/run_facts.hpp"

namespace confiture::pg {
namespace {

constexpr std::size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1
constexpr std::size_t kScratchHexDigits = 16;

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    std::random_device device;
    for (auto& c : raw) c = static_cast<char>(device());
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

std::string text_array(std::span<const std::string> values) {
  std::string out = "ARRAY[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += quote_literal(values[i]);
  }
  return out + "]::text[]";
}

// Objects in user schemas that no extension owns. `$ignored` is the oid set of the ignored
// tables and everything that depends on them (indexes, owned sequences).
constexpr const char* kUserObjectsQuery = R"sql(
WITH user_ns AS (
  SELECT oid FROM pg_namespace
  WHERE nspname <> 'information_schema' AND nspname !~ '^pg_'
),
ignored_tables AS (
  SELECT c.oid FROM pg_class c
  WHERE c.relnamespace IN (SELECT oid FROM user_ns) AND c.relkind IN ('r', 'p')
    AND c.relname = ANY({ignore})
),
ignored AS (
  SELECT oid FROM ignored_tables
  UNION
  SELECT d.objid FROM pg_depend d
  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.refobjid IN (SELECT oid FROM ignored_tables)
  UNION
  SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM ignored_tables)
),
extension_owned AS (
  SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
)
SELECT
  EXISTS (SELECT 1 FROM pg_class c
          WHERE c.relnamespace IN (SELECT oid FROM user_ns)
            AND c.oid NOT IN (SELECT oid FROM ignored)
            AND (c.oid NOT IN (SELECT objid FROM extension_owned
                               WHERE classid = 'pg_class'::regclass)))
  OR EXISTS (SELECT 1 FROM pg_type t
             WHERE t.typnamespace IN (SELECT oid FROM user_ns)
               AND t.typrelid = 0
               AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
               AND t.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_type'::regclass))
  OR EXISTS (SELECT 1 FROM pg_proc p
             WHERE p.pronamespace IN (SELECT oid FROM user_ns)
               AND p.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_proc'::regclass))
  OR EXISTS (SELECT 1 FROM pg_collation co
             WHERE co.collnamespace IN (SELECT oid FROM user_ns)
               AND co.oid NOT IN (SELECT objid FROM extension_owned
                                  WHERE classid = 'pg_collation'::regclass))
  OR EXISTS (SELECT 1 FROM pg_operator o
             WHERE o.oprnamespace IN (SELECT oid FROM user_ns)
               AND o.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_operator'::regclass))
  OR EXISTS (SELECT 1 FROM pg_namespace n
             WHERE n.oid IN (SELECT oid FROM user_ns) AND n.nspname <> 'public'
               AND n.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_namespace'::regclass))
)sql";

// Scratch databases of this process, by name, with the admin DSN that drops them: what an
// interrupt drops before the process ends. Never destroyed (the watcher may outlive main).
struct ScratchRegistry {
  std::mutex mutex;
  std::map<std::string, std::string> live;
};

ScratchRegistry& registry() {
  static auto* instance = new ScratchRegistry;  // NOLINT(cppcoreguidelines-owning-memory)
  return *instance;
}

// Who made a scratch database: "?" when the system cannot name this host.
std::string host_name() {
  std::string name = report::host_name();
  return name.empty() ? "?" : name;
}

constexpr std::string_view kMarkStart = "confiture scratch database, pid ";

// COMMENT ON DATABASE of every scratch database: who made it, so a later run can tell a stale
// one (its process is gone) from one in use.
std::string scratch_mark() {
  return fmt::format("{}{} host {}, created {}", kMarkStart, ::getpid(), host_name(),
                     report::utc_now_iso());
}

// A scratch database is stale when its mark says it was made on this host by a process that no
// longer runs, or more than a day ago (no diff runs that long). Unmarked: never stale.
bool is_stale(const std::string& mark) {
  static const std::regex pattern(
      R"(^confiture scratch database, pid ([0-9]+) host (.*), created ([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z$)");
  std::smatch m;
  if (!std::regex_match(mark, m, pattern)) return false;
  std::tm tm{};
  tm.tm_year = std::stoi(m[3]) - 1900;
  tm.tm_mon = std::stoi(m[4]) - 1;
  tm.tm_mday = std::stoi(m[5]);
  tm.tm_hour = std::stoi(m[6]);
  tm.tm_min = std::stoi(m[7]);
  tm.tm_sec = std::stoi(m[8]);
  constexpr double kSafeAgeSeconds = 24 * 3600;
  if (std::difftime(std::time(nullptr), timegm(&tm)) > kSafeAgeSeconds) return true;
  if (m[2] != host_name()) return false;
  const long pid = std::stol(m[1]);
  if (pid <= 0 || pid > std::numeric_limits<pid_t>::max()) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// Drops what earlier, interrupted runs left behind: same prefix, the scratch mark, stale.
void drop_stale_scratch_databases(Connection& admin, const std::string& prefix) {
  auto rows = admin.exec(
      fmt::format("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database "
                  "WHERE left(datname, {}) = {} AND length(datname) = {} "
                  "AND shobj_description(oid, 'pg_database') LIKE {}",
                  prefix.size(), quote_literal(prefix), prefix.size() + kScratchHexDigits,
                  quote_literal(std::string(kMarkStart) + "%")));
  for (const auto& row : rows) {
    if (!is_stale(row[1].as<std::string>())) continue;
    try {
      drop_database(admin, row[0].as<std::string>());
    } catch (...) {  // NOLINT(bugprone-empty-catch): another role's, or in use: leave it
    }
  }
}

// SIGINT/SIGTERM while scratch databases exist: a thread waits for them (blocked everywhere
// else), drops every live scratch database (WITH (FORCE) ends the main thread's sessions), and
// then lets the signal end the process as it would have.
void watch_interrupts() {
  static std::once_flag once;
  std::call_once(once, [] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
      int sig = 0;
      while (sigwait(&set, &sig) != 0) {
      }
      {
        std::lock_guard lock(registry().mutex);
        for (const auto& [name, dsn] : registry().live) {
          try {
            Connection admin(dsn);
            drop_database(admin, name);
          } catch (...) {  // NOLINT(bugprone-empty-catch): the mark lets a later run drop it
          }
        }
        std::signal(sig, SIG_DFL);
        pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        std::raise(sig);
      }
      std::_Exit(128 + sig);
    }).detach();
  });
}

}  // namespace

bool database_exists(Connection& admin, std::string_view name) {
  auto rows =
      admin.exec(fmt::format("SELECT 1 FROM pg_database WHERE datname = {}", quote_literal(name)));
  return !rows.empty();
}

void create_database(Connection& admin, std::string_view name, std::string_view template_name) {
  std::string sql = "CREATE DATABASE " + quote_ident(name);
  if (!template_name.empty()) sql += " TEMPLATE " + quote_ident(template_name);
  admin.exec(sql);
}

void drop_database(Connection& admin, std::string_view name) {
  std::string sql = "DROP DATABASE IF EXISTS " + quote_ident(name);
  if (admin.server_version() >= 130000) sql += " WITH (FORCE)";
  admin.exec(sql);
}

std::size_t other_sessions(Connection& admin, std::string_view name, int also_ours) {
  auto rows = admin.exec(fmt::format(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = {} AND pid <> pg_backend_pid() "
      "AND pid <> {} AND backend_type = 'client backend'",
      quote_literal(name), also_ours));
  return rows[0][0].as<std::size_t>();
}

bool database_is_empty(Connection& target, std::span<const std::string> ignore_tables) {
  auto rows =
      target.exec(fmt::format(kUserObjectsQuery, fmt::arg("ignore", text_array(ignore_tables))));
  return !rows[0][0].as<bool>();
}

ScratchDatabase::ScratchDatabase(std::string admin_dsn, std::string prefix,
                                 std::string template_name)
    : admin_dsn_(std::move(admin_dsn)) {
  if (prefix.size() > kMaxIdentifierBytes - kScratchHexDigits) {
    prefix.resize(kMaxIdentifierBytes - kScratchHexDigits);
  }
  name_ = prefix + random_hex(kScratchHexDigits / 2);
  watch_interrupts();
  Connection admin(admin_dsn_);
  drop_stale_scratch_databases(admin, prefix);
  // Registered before it exists and made under the registry's lock: an interrupt either comes
  // first (nothing to drop yet, DROP IF EXISTS) or waits for the database and its mark.
  std::lock_guard lock(registry().mutex);
  registry().live[name_] = admin_dsn_;
  try {
    create_database(admin, name_, template_name);
    admin.exec(fmt::format("COMMENT ON DATABASE {} IS {}", quote_ident(name_),
                           quote_literal(scratch_mark())));
  } catch (...) {
    try {
      drop_database(admin, name_);
    } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
    }
    registry().live.erase(name_);
    throw;
  }
  dsn_ = with_database(admin_dsn_, name_);
}

ScratchDatabase::~ScratchDatabase() {
  std::lock_guard lock(registry().mutex);
  try {
    Connection admin(admin_dsn_);
    drop_database(admin, name_);
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the database
                   // carries the scratch mark, so a later run drops it once we are gone
  }
  registry().live.erase(name_);
}

}  // namespace confiture::pg
