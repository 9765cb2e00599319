// The embedded development server: a private cluster per project, started from the installed
// PostgreSQL binaries, reachable only through a private unix socket directory.
#include "confiture/pg/embedded_server.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
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

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
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

Layout layout_of(const fs::path& project_dir) {
  Layout layout;
  // Twelve hex digits keep two projects apart; the full path would not fit in sun_path.
  std::string hash = sha256_hex(project_dir.string()).substr(0, 12);
  layout.state_dir = project_dir / ".confiture";
  layout.socket_dir = fs::path("/tmp") / ("confiture-" + hash);
  layout.relocated_base = fs::path("/var/tmp") / ("confiture-" + hash);
  layout.base_dir = layout.state_dir;
  std::error_code ec;
  if (fs::exists(layout.state_dir / kLocationFile, ec)) {
    layout.base_dir = read_trimmed(layout.state_dir / kLocationFile);
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

// Serialises start/stop/destroy of one project across processes. O_CLOEXEC matters: a lock
// descriptor inherited by the postmaster would hold the lock for as long as the server runs.
class ProjectLock {
 public:
  explicit ProjectLock(const fs::path& file)
      : fd_(open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_.get() < 0) {
      fail(codes::kServerStartFailed, "cannot open the embedded server's lock file " +
                                          file.string() + ": " + std::strerror(errno));
    }
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

uid_t owner_uid(const std::optional<detail::ServiceUser>& user) {
  return user ? user->uid : geteuid();
}

// A directory only the server's user can enter. It may sit in a world-writable place (/tmp),
// so one that someone else made, or a symlink, is refused rather than used.
void ensure_private_dir(const fs::path& dir, const std::optional<detail::ServiceUser>& user,
                        const char* code) {
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    fail(code, "cannot create " + dir.string() + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    fail(code, dir.string() + " is not a directory");
  }
  if (user && st.st_uid == 0 && chown(dir.c_str(), user->uid, user->gid) != 0) {
    fail(code,
         "cannot hand " + dir.string() + " to user " + user->name + ": " + std::strerror(errno));
  }
  if (lstat(dir.c_str(), &st) != 0 || st.st_uid != owner_uid(user)) {
    fail(code, dir.string() + " belongs to another user; refusing to use it",
         "remove " + dir.string() + " if it is left over from an earlier run");
  }
  chmod(dir.c_str(), 0700);
}

// The server log, appended to by us (initdb, pg_ctl output) and by the server itself.
UniqueFd open_log(const Layout& layout, const std::optional<detail::ServiceUser>& user,
                  const char* code) {
  UniqueFd fd(open(layout.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    fail(code, "cannot open " + layout.log_file.string() + ": " + std::strerror(errno));
  }
  if (user && fchown(fd.get(), user->uid, user->gid) != 0) {
    fail(code, "cannot hand " + layout.log_file.string() + " to user " + user->name);
  }
  return fd;
}

void write_file(const fs::path& file, const std::string& text,
                const std::optional<detail::ServiceUser>& user, std::ios::openmode mode) {
  {
    std::ofstream out(file, mode);
    out << text;
    if (!out.flush()) {
      fail(codes::kServerInitFailed, "cannot write " + file.string());
    }
  }
  if (user && chown(file.c_str(), user->uid, user->gid) != 0) {
    fail(codes::kServerInitFailed, "cannot hand " + file.string() + " to user " + user->name);
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
               std::nullopt, std::ios::trunc);
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
             std::string("\ninclude = '") + kSettingsFile + "'\n", user, std::ios::app);
  write_file(layout.data_dir / kSettingsFile, settings(layout), user, std::ios::trunc);
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
  ProjectLock lock(layout.state_dir / "server.lock");
  layout = layout_of(project_dir_);
  if (running_pid(layout)) return;
  if (!is_initialized(layout)) layout = initialize(project_dir_, layout, user);

  fs::path bin = find_pg_bindir(cluster_major(layout));
  // Rewritten at every start, so a cluster made by an older confiture gets today's settings.
  write_file(layout.data_dir / kSettingsFile, settings(layout), user, std::ios::trunc);
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
  stop();
  Layout layout = layout_of(project_dir_);
  std::error_code ec;
  if (!fs::exists(layout.state_dir, ec)) return;
  {
    ProjectLock lock(layout.state_dir / "server.lock");
    layout = layout_of(project_dir_);
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
