// The project's private development PostgreSQL: a cluster under <project>/.confiture/, run from
// the installed binaries, reachable only through a private unix socket (SPEC §6).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace confiture::pg {

struct ServerStatus {
  bool initialized = false;
  bool running = false;
  int pid = 0;                                         // the postmaster's, 0 when not running
  std::string data_dir, socket_dir, bin_dir, version;  // version: the cluster's major version
};

class EmbeddedServer {
 public:
  explicit EmbeddedServer(std::filesystem::path project_dir);

  ServerStatus status() const;
  void start();    // creates the cluster on first use; no-op when running; waits until ready
  void stop();     // fast shutdown; no-op when not running
  void destroy();  // stop, then delete the cluster, its log and its socket directory

  // libpq URI of `database` on this server: postgresql:///DB?host=<socket dir>&port=5432&user=...
  std::string url(std::string_view database) const;
  std::string admin_url() const { return url("postgres"); }

  const std::filesystem::path& project_dir() const { return project_dir_; }

 private:
  std::filesystem::path project_dir_;
};

}  // namespace confiture::pg
