// fork + exec with privilege drop. The child only makes async-signal-safe calls before exec,
// because the parent may have threads (test runners do).
#include "process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace confiture::pg::detail {
namespace {

std::optional<ServiceUser> lookup_user(const char* name) {
  const passwd* pw = getpwnam(name);
  if (!pw) return std::nullopt;
  ServiceUser user{pw->pw_name, pw->pw_uid, pw->pw_gid, {}};
  int count = 64;
  user.groups.resize(static_cast<std::size_t>(count));
  if (getgrouplist(pw->pw_name, pw->pw_gid, user.groups.data(), &count) < 0) {
    user.groups.resize(static_cast<std::size_t>(count));
    getgrouplist(pw->pw_name, pw->pw_gid, user.groups.data(), &count);
  }
  user.groups.resize(static_cast<std::size_t>(count));
  return user;
}

// Everything the child needs, prepared before fork so the child does not allocate.
struct ExecArgs {
  std::vector<std::string> storage;
  std::vector<char*> argv;
  explicit ExecArgs(const std::vector<std::string>& args) : storage(args) {
    for (auto& arg : storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
  }
};

// In the child: becomes `user`; returns false on failure.
bool drop_privileges(const std::optional<ServiceUser>& user) {
  if (!user) return true;
  return setgroups(user->groups.size(), user->groups.data()) == 0 && setgid(user->gid) == 0 &&
         setuid(user->uid) == 0;
}

// In the child: a program starts with no signal blocked, whatever the parent blocked (the
// scratch-database watcher blocks SIGINT and SIGTERM; exec would pass that on).
void unblock_signals() {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 127;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 127;
}

std::optional<std::string> find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start);
    if (!candidate.empty()) {
      candidate += "/" + program;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ServiceUser> service_user() {
  if (geteuid() != 0) return std::nullopt;
  if (auto user = lookup_user("postgres")) return user;
  if (auto user = lookup_user("nobody")) return user;
  return std::nullopt;
}

int run_program(const std::vector<std::string>& argv, const std::optional<ServiceUser>& user,
                int output_fd) {
  ExecArgs args(argv);
  pid_t pid = fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    if (output_fd >= 0) {
      dup2(output_fd, STDOUT_FILENO);
      dup2(output_fd, STDERR_FILENO);
    }
    close_range(3, ~0U, 0);
    unblock_signals();
    if (!drop_privileges(user) || chdir("/") != 0) _exit(127);
    execv(args.argv[0], args.argv.data());
    _exit(127);
  }
  return wait_for(pid);
}

std::optional<std::string> capture_output(const std::vector<std::string>& argv) {
  auto program = find_on_path(argv.at(0));
  if (!program) return std::nullopt;
  std::vector<std::string> resolved = argv;
  resolved[0] = *program;
  ExecArgs args(resolved);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
      dup2(devnull, STDIN_FILENO);
      dup2(devnull, STDERR_FILENO);
    }
    dup2(fds[1], STDOUT_FILENO);
    close_range(3, ~0U, 0);
    unblock_signals();
    execv(args.argv[0], args.argv.data());
    _exit(127);
  }
  close(fds[1]);
  std::string output;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n > 0) {
      output.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  if (wait_for(pid) != 0) return std::nullopt;
  return output;
}

bool can_traverse(const ServiceUser& user, const std::filesystem::path& dir) {
  std::string path = dir.string();
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    if (!drop_privileges(user)) _exit(2);
    _exit(access(path.c_str(), X_OK) == 0 ? 0 : 1);
  }
  return wait_for(pid) == 0;
}

}  // namespace confiture::pg::detail
