// The embedded development server: a private cluster per project, started from the installed
// PostgreSQL binaries, reachable only through a private unix socket directory.
#include "confiture/pg/embedded_server.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fstream>
#include <optional>
#include <sstream>

#include "confiture/pg/pg_binaries.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/digest.hpp"
#include "confiture/report/error.hpp"
#include "process.hpp"

namespace confiture::pg {
namespace fs = std::filesystem;
namespace {

constexpr int kPort = 5432;
constexpr const char* kSuperuser = "postgres";
// Written into the data directory last: its presence means initdb and our settings completed.
constexpr const char* kSettingsFile = "confiture.conf";
// In .confiture/: where the data lives when it could not go under the project (root case).
constexpr const char* kLocationFile = "data-location";

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  UniqueFd& operator=(UniqueFd&&) = delete;
  ~UniqueFd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void fail(const char* code, const std::string& message, std::string hint = {}) {
  throw Error(code, ExitClass::kConnection, message, std::move(hint));
}

uid_t owner_uid(const std::optional<detail::ServiceUser>& user) {
  return user ? user->uid : geteuid();
}

// A file of the project's .confiture/ (or of the data directory) opened for confiture: never
// through a symbolic link, only a regular file with one name, owned by us or by the server's
// user. A file this call creates is handed to `give_to` when given; an existing one never is,
// so a checkout cannot make confiture give away or write a file that is not its own.
UniqueFd open_own_file(const fs::path& file, int flags,
                       const std::optional<detail::ServiceUser>& user,
                       const std::optional<detail::ServiceUser>& give_to, const char* code) {
  flags |= O_NOFOLLOW | O_CLOEXEC;
  bool created = false;
  int fd = -1;
  if ((flags & O_CREAT) != 0) {
    fd = open(file.c_str(), flags | O_EXCL, 0600);
    created = fd >= 0;
    if (fd < 0 && errno == EEXIST) fd = open(file.c_str(), flags & ~O_CREAT);
  } else {
    fd = open(file.c_str(), flags);
  }
  if (fd < 0) {
    const int err = errno;
    struct stat st {};
    if (err == ELOOP || (lstat(file.c_str(), &st) == 0 && S_ISLNK(st.st_mode))) {
      throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                  file.string() + " is a symbolic link: refusing to follow it",
                  "delete it; confiture makes its own files in .confiture/ (a checkout must not "
                  "carry them)");
    }
    fail(code, "cannot open " + file.string() + ": " + std::strerror(err));
  }
  UniqueFd owned(fd);
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
    throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                file.string() +
                    " is not a plain file (a regular file with a single name): "
                    "refusing to use it",
                "delete it; confiture makes its own files in .confiture/");
  }
  if (created) {
    if (give_to && fchown(fd, give_to->uid, give_to->gid) != 0) {
      fail(code, "cannot hand " + file.string() + " to user " + give_to->name);
    }
    return owned;
  }
  const bool ours = st.st_uid == geteuid() || (user && st.st_uid == user->uid);
  const bool usable = !give_to || st.st_uid == give_to->uid;
  if (!ours || !usable) {
    throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                fmt::format("{} belongs to uid {}, not to {}: refusing to use it", file.string(),
                            st.st_uid, give_to ? give_to->name : std::string("this user")),
                "delete it if it is left over; confiture makes its own files in .confiture/");
  }
  return owned;
}

std::string read_own_file(const fs::path& file, const std::optional<detail::ServiceUser>& user) {
  UniqueFd fd = open_own_file(file, O_RDONLY, user, std::nullopt, codes::kServerStartFailed);
  std::string text;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(fd.get(), buffer, sizeof buffer);
    if (n > 0) {
      text.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  return text;
}

std::string read_trimmed(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Where everything of one project's server lives.
struct Layout {
  fs::path state_dir;       // <project>/.confiture: lock file, location record, usually the data
  fs::path base_dir;        // holds pgdata/ and server.log
  fs::path data_dir;        // base_dir/pgdata
  fs::path log_file;        // base_dir/server.log
  fs::path socket_dir;      // /tmp/confiture-<hash>, short enough for sun_path (107 bytes)
  fs::path relocated_base;  // /var/tmp/confiture-<hash>, used when root cannot share the project
};

// .confiture/ itself: a directory of ours, not a symbolic link to somewhere else.
void check_state_dir(const fs::path& state_dir) {
  struct stat st {};
  if (lstat(state_dir.c_str(), &st) != 0) return;  // not made yet
  if (!S_ISDIR(st.st_mode)) {
    throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                state_dir.string() +
                    (S_ISLNK(st.st_mode) ? " is a symbolic link" : " is not a directory") +
                    ": refusing to keep the embedded server's files there",
                "delete it; confiture makes .confiture/ itself (keep it out of version control)");
  }
  if (st.st_uid != geteuid()) {
    throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                fmt::format("{} belongs to uid {}, not to this user: refusing to use it",
                            state_dir.string(), st.st_uid),
                "delete it if it is left over; confiture makes .confiture/ itself");
  }
}

// With `refuse_bad_location` false, a data-location that names a place confiture would not
// have chosen is ignored (destroy: only what is surely ours is removed) instead of refused.
Layout layout_of(const fs::path& project_dir, bool refuse_bad_location = true) {
  Layout layout;
  // Twelve hex digits keep two projects apart; the full path would not fit in sun_path.
  std::string hash = report::sha256_hex(project_dir.string()).substr(0, 12);
  layout.state_dir = project_dir / ".confiture";
  layout.socket_dir = fs::path("/tmp") / ("confiture-" + hash);
  layout.relocated_base = fs::path("/var/tmp") / ("confiture-" + hash);
  layout.base_dir = layout.state_dir;
  check_state_dir(layout.state_dir);
  const fs::path location_file = layout.state_dir / kLocationFile;
  struct stat st {};
  if (lstat(location_file.c_str(), &st) == 0) {
    std::string location = read_own_file(location_file, detail::service_user());
    while (!location.empty() && (location.back() == '\n' || location.back() == ' ')) {
      location.pop_back();
    }
    // The only place confiture itself ever records (the root case, see initialize).
    if (location == layout.relocated_base.string()) {
      layout.base_dir = layout.relocated_base;
    } else if (refuse_bad_location) {
      throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                  fmt::format("{} names {}, which is not where confiture keeps this project's "
                              "server ({}): refusing to use it",
                              location_file.string(), location, layout.relocated_base.string()),
                  "delete " + location_file.string() +
                      "; confiture writes it itself when the data must live outside the project");
    }
  }
  layout.data_dir = layout.base_dir / "pgdata";
  layout.log_file = layout.base_dir / "server.log";
  return layout;
}

bool is_initialized(const Layout& layout) {
  std::error_code ec;
  return fs::exists(layout.data_dir / kSettingsFile, ec);
}

std::string cluster_major(const Layout& layout) {
  std::error_code ec;
  if (!fs::exists(layout.data_dir / "PG_VERSION", ec)) return {};
  return read_trimmed(layout.data_dir / "PG_VERSION");
}

// The postmaster's pid when it runs: the pid in postmaster.pid is alive and that process
// works in our data directory (pids get reused after a crash or a container restart).
std::optional<int> running_pid(const Layout& layout) {
  std::ifstream in(layout.data_dir / "postmaster.pid");
  int pid = 0;
  if (!(in >> pid) || pid <= 0) return std::nullopt;
  if (kill(pid, 0) != 0 && errno != EPERM) return std::nullopt;
  std::error_code ec;
  fs::path cwd = fs::read_symlink(fs::path("/proc") / std::to_string(pid) / "cwd", ec);
  if (ec) return std::nullopt;
  fs::path data = fs::weakly_canonical(layout.data_dir, ec);
  if (ec || cwd != data) return std::nullopt;
  return pid;
}

// Serialises start/stop/destroy of one project across processes. O_CLOEXEC matters: a lock
// descriptor inherited by the postmaster would hold the lock for as long as the server runs.
class ProjectLock {
 public:
  explicit ProjectLock(const fs::path& file)
      : fd_(open_own_file(file, O_RDWR | O_CREAT, detail::service_user(), std::nullopt,
                          codes::kServerStartFailed)) {
    while (flock(fd_.get(), LOCK_EX) != 0) {
      if (errno != EINTR) {
        fail(codes::kServerStartFailed,
             "cannot lock " + file.string() + ": " + std::strerror(errno));
      }
    }
  }

 private:
  UniqueFd fd_;
};

std::string log_tail(const fs::path& log_file, std::size_t max_lines = 20) {
  std::ifstream in(log_file);
  std::deque<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
    if (lines.size() > max_lines) lines.pop_front();
  }
  std::string tail;
  for (const auto& l : lines) tail += "\n  " + l;
  return tail.empty() ? std::string("\n  (the log is empty)") : tail;
}

// A directory only the server's user can enter. It may sit in a world-writable place (/tmp),
// so one that someone else made, or a symlink, is refused rather than used. Only a directory
// this call made is handed to the server's user; an existing one must already be its, mode 0700.
void ensure_private_dir(const fs::path& dir, const std::optional<detail::ServiceUser>& user,
                        const char* code) {
  const bool created = mkdir(dir.c_str(), 0700) == 0;
  if (!created && errno != EEXIST) {
    fail(code, "cannot create " + dir.string() + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    fail(code, dir.string() + " is not a directory");
  }
  if (created) {
    if (user && lchown(dir.c_str(), user->uid, user->gid) != 0) {
      fail(code,
           "cannot hand " + dir.string() + " to user " + user->name + ": " + std::strerror(errno));
    }
    return;
  }
  if (st.st_uid != owner_uid(user) || (st.st_mode & 077) != 0) {
    throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                fmt::format("{} already exists and {}: refusing to use it", dir.string(),
                            st.st_uid != owner_uid(user)
                                ? fmt::format("belongs to uid {}, not to {}", st.st_uid,
                                              user ? user->name : std::string("this user"))
                                : std::string("others may enter it (mode is not 0700)")),
                "remove " + dir.string() + " if it is left over from an earlier run");
  }
}

// The data directory of an initialised cluster: a real directory of the server's user.
void check_data_dir(const Layout& layout, const std::optional<detail::ServiceUser>& user) {
  struct stat st {};
  // Mode 0700 as confiture makes it: a cluster that came with a checkout has the umask's mode.
  if (lstat(layout.data_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) ||
      st.st_uid != owner_uid(user) || (st.st_mode & 077) != 0) {
    throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                layout.data_dir.string() +
                    " is not a private directory of the embedded server's user (a symbolic "
                    "link, someone else's, or not mode 0700): refusing to use it",
                "delete it; confiture makes the cluster itself (keep .confiture/ out of version "
                "control)");
  }
}

// The server log, appended to by us (initdb, pg_ctl output) and by the server itself.
UniqueFd open_log(const Layout& layout, const std::optional<detail::ServiceUser>& user,
                  const char* code) {
  return open_own_file(layout.log_file, O_WRONLY | O_CREAT | O_APPEND, user, user, code);
}

// Writes (kTruncate) or appends to a file of ours; a file it creates goes to `give_to`.
enum class WriteMode { kTruncate, kAppend };
void write_file(const fs::path& file, const std::string& text,
                const std::optional<detail::ServiceUser>& give_to, WriteMode mode) {
  UniqueFd fd =
      open_own_file(file, O_WRONLY | O_CREAT | (mode == WriteMode::kAppend ? O_APPEND : 0),
                    detail::service_user(), give_to, codes::kServerInitFailed);
  if (mode == WriteMode::kTruncate && ftruncate(fd.get(), 0) != 0) {
    fail(codes::kServerInitFailed, "cannot write " + file.string() + ": " + std::strerror(errno));
  }
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      fail(codes::kServerInitFailed, "cannot write " + file.string() + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
}

std::string settings(const Layout& layout) {
  return "# Written by confiture for the embedded development server (docs/embedded-server.md).\n"
         "# Durability is off on purpose: a crash can lose or corrupt these databases.\n"
         "listen_addresses = ''\n"
         "port = " +
         std::to_string(kPort) +
         "\n"
         "unix_socket_directories = '" +
         layout.socket_dir.string() +
         "'\n"
         "unix_socket_permissions = 0700\n"
         "max_connections = 100\n"
         "# A whole schema is built in one transaction: thousands of tables take thousands of\n"
         "# locks, more than the default lock table (64 per connection) holds.\n"
         "max_locks_per_transaction = 1024\n"
         "fsync = off\n"
         "synchronous_commit = off\n"
         "full_page_writes = off\n"
         "logging_collector = off\n";
}

// initdb + our settings. Runs under the project lock; a half-made cluster from a crash is
// wiped first (the settings file, written last, is missing from it).
Layout initialize(const fs::path& project_dir, Layout layout,
                  const std::optional<detail::ServiceUser>& user) {
  std::error_code ec;
  if (user && layout.base_dir == layout.state_dir &&
      !detail::can_traverse(*user, layout.state_dir)) {
    // initdb and postgres run as `user`, who cannot reach into this project (e.g. under
    // /root): keep the cluster in /var/tmp and remember where.
    ensure_private_dir(layout.relocated_base, user, codes::kServerInitFailed);
    write_file(layout.state_dir / kLocationFile, layout.relocated_base.string() + "\n",
               std::nullopt, WriteMode::kTruncate);
    layout = layout_of(project_dir);
  }
  if (layout.base_dir != layout.state_dir) {
    ensure_private_dir(layout.base_dir, user, codes::kServerInitFailed);
  }
  fs::remove_all(layout.data_dir, ec);
  ensure_private_dir(layout.data_dir, user, codes::kServerInitFailed);

  fs::path bin = find_pg_bindir();
  UniqueFd log = open_log(layout, user, codes::kServerInitFailed);
  int rc = detail::run_program(
      {(bin / "initdb").string(), "-D", layout.data_dir.string(), "--auth=trust",
       std::string("--username=") + kSuperuser, "--encoding=UTF8", "--locale=C", "--no-sync"},
      user, log.get());
  if (rc != 0) {
    fail(codes::kServerInitFailed,
         "initdb failed (exit " + std::to_string(rc) + "); last lines of " +
             layout.log_file.string() + ":" + log_tail(layout.log_file),
         "see " + layout.log_file.string());
  }
  write_file(layout.data_dir / "postgresql.conf",
             std::string("\ninclude = '") + kSettingsFile + "'\n", user, WriteMode::kAppend);
  write_file(layout.data_dir / kSettingsFile, settings(layout), user, WriteMode::kTruncate);
  return layout;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

EmbeddedServer::EmbeddedServer(fs::path project_dir)
    : project_dir_(fs::weakly_canonical(fs::absolute(project_dir))) {}

ServerStatus EmbeddedServer::status() const {
  Layout layout = layout_of(project_dir_);
  ServerStatus status;
  status.initialized = is_initialized(layout);
  if (auto pid = running_pid(layout)) {
    status.running = true;
    status.pid = *pid;
  }
  status.data_dir = layout.data_dir.string();
  status.socket_dir = layout.socket_dir.string();
  status.version = cluster_major(layout);
  try {
    status.bin_dir = find_pg_bindir(status.version).string();
  } catch (const Error&) {
    status.bin_dir.clear();  // status reports; start() is where missing binaries are an error
  }
  return status;
}

void EmbeddedServer::start() {
  auto user = detail::service_user();
  if (geteuid() == 0 && !user) {
    fail(codes::kServerInitFailed,
         "running as root, and neither a `postgres` nor a `nobody` user exists to run the "
         "embedded server as (PostgreSQL refuses to run as root)",
         "create a `postgres` system user, or run confiture as an ordinary user");
  }
  Layout layout = layout_of(project_dir_);
  std::error_code ec;
  fs::create_directories(layout.state_dir, ec);
  if (ec) {
    fail(codes::kServerStartFailed,
         "cannot create " + layout.state_dir.string() + ": " + ec.message());
  }
  check_state_dir(layout.state_dir);
  ProjectLock lock(layout.state_dir / "server.lock");
  layout = layout_of(project_dir_);
  if (running_pid(layout)) return;
  if (!is_initialized(layout)) layout = initialize(project_dir_, layout, user);

  check_data_dir(layout, user);
  fs::path bin = find_pg_bindir(cluster_major(layout));
  // Rewritten at every start, so a cluster made by an older confiture gets today's settings.
  write_file(layout.data_dir / kSettingsFile, settings(layout), user, WriteMode::kTruncate);
  // The pid file of a crashed server names a dead process, or one that is not ours
  // (running_pid said so): postgres itself would refuse to start on it.
  fs::remove(layout.data_dir / "postmaster.pid", ec);
  ensure_private_dir(layout.socket_dir, user, codes::kServerStartFailed);
  UniqueFd log = open_log(layout, user, codes::kServerStartFailed);
  int rc =
      detail::run_program({(bin / "pg_ctl").string(), "start", "-D", layout.data_dir.string(), "-l",
                           layout.log_file.string(), "-w", "-t", "120", "-s", "-o",
                           "-k " + layout.socket_dir.string() + " -p " + std::to_string(kPort)},
                          user, log.get());
  if (rc != 0) {
    fail(codes::kServerStartFailed,
         "the embedded server did not start (pg_ctl exit " + std::to_string(rc) +
             "); last lines of " + layout.log_file.string() + ":" + log_tail(layout.log_file),
         "see " + layout.log_file.string() +
             "; `confiture server stop` and deleting .confiture/ resets the server");
  }
}

void EmbeddedServer::stop() {
  Layout layout = layout_of(project_dir_);
  std::error_code ec;
  if (!fs::exists(layout.state_dir, ec)) return;
  ProjectLock lock(layout.state_dir / "server.lock");
  layout = layout_of(project_dir_);
  if (!running_pid(layout)) return;
  auto user = detail::service_user();
  fs::path bin = find_pg_bindir(cluster_major(layout));
  UniqueFd log = open_log(layout, user, codes::kServerStopFailed);
  int rc = detail::run_program({(bin / "pg_ctl").string(), "stop", "-D", layout.data_dir.string(),
                                "-m", "fast", "-w", "-t", "60", "-s"},
                               user, log.get());
  if (rc != 0) {
    fail(codes::kServerStopFailed,
         "the embedded server did not stop (pg_ctl exit " + std::to_string(rc) +
             "); last lines of " + layout.log_file.string() + ":" + log_tail(layout.log_file),
         "see " + layout.log_file.string());
  }
  fs::remove(layout.socket_dir, ec);  // empty once the server is gone
}

void EmbeddedServer::destroy() {
  try {
    stop();
  } catch (const Error& error) {
    // A data-location naming somewhere else was never ours to run or remove: drop the record.
    if (error.code != codes::kServerUnsafeFile) throw;
  }
  Layout layout = layout_of(project_dir_, /*refuse_bad_location=*/false);
  std::error_code ec;
  if (!fs::exists(layout.state_dir, ec)) return;
  {
    ProjectLock lock(layout.state_dir / "server.lock");
    layout = layout_of(project_dir_, /*refuse_bad_location=*/false);
    // Only what we made is removed, never whatever a tampered location file might name.
    fs::remove_all(layout.data_dir, ec);
    fs::remove(layout.log_file, ec);
    if (layout.base_dir != layout.state_dir) fs::remove(layout.base_dir, ec);
    fs::remove(layout.state_dir / kLocationFile, ec);
    fs::remove(layout.socket_dir, ec);
    fs::remove(layout.state_dir / "server.lock", ec);
  }
  fs::remove(layout.state_dir, ec);  // only when nothing else of the project is in it
}

std::string EmbeddedServer::url(std::string_view database) const {
  Layout layout = layout_of(project_dir_);
  return "postgresql:///" + percent_encode(database) +
         "?host=" + percent_encode(layout.socket_dir.string()) + "&port=" + std::to_string(kPort) +
         "&user=" + kSuperuser;
}

}  // namespace confiture::pg
