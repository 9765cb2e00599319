// The embedded server on throwaway project directories: lifecycle, isolation between projects,
// the root case (what CI runs as), stale pid files and concurrent starts.
#include "confiture/pg/embedded_server.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "confiture/pg/connection.hpp"
#include "confiture/pg/pg_binaries.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "temp_dir.hpp"

using namespace confiture;
namespace fs = std::filesystem;

namespace {

// Removes the cluster even when a check fails half-way.
struct ServerGuard {
  pg::EmbeddedServer& server;
  ~ServerGuard() {
    try {
      server.destroy();
    } catch (...) {  // NOLINT(bugprone-empty-catch): cleanup in a test must not mask the failure
    }
  }
};

std::string show(pg::Connection& conn, const std::string& setting) {
  return conn.exec("SHOW " + setting)[0][0].as<std::string>();
}

}  // namespace

TEST_CASE("embedded server: start, status, url, stop, destroy") {
  auto project = test::make_temp_dir();
  pg::EmbeddedServer server(project.path());
  ServerGuard guard{server};

  auto before = server.status();
  CHECK_FALSE(before.initialized);
  CHECK_FALSE(before.running);
  CHECK(before.pid == 0);

  server.start();
  auto running = server.status();
  CHECK(running.initialized);
  CHECK(running.running);
  CHECK(running.pid > 0);
  CHECK(pg::is_pg_bindir(running.bin_dir));
  CHECK(running.socket_dir.rfind("/tmp/confiture-", 0) == 0);
  CHECK(running.socket_dir.size() == std::string("/tmp/confiture-").size() + 12);

  pg::Connection conn(server.admin_url());
  CHECK(conn.database() == "postgres");
  // The major version of the binaries in use (Debian's 15, or CONFITURE_PG_BINDIR's).
  CHECK(running.version == std::to_string(conn.server_version() / 10000));
  CHECK(show(conn, "fsync") == "off");
  CHECK(show(conn, "synchronous_commit") == "off");
  CHECK(show(conn, "full_page_writes") == "off");
  CHECK(show(conn, "listen_addresses").empty());
  CHECK(show(conn, "server_encoding") == "UTF8");
  CHECK(conn.exec("SELECT current_user")[0][0].as<std::string>() == "postgres");

  server.start();  // a no-op while running
  CHECK(server.status().pid == running.pid);

  server.stop();
  auto stopped = server.status();
  CHECK(stopped.initialized);
  CHECK_FALSE(stopped.running);
  CHECK(stopped.pid == 0);
  server.stop();  // a no-op when stopped

  server.start();  // the data survives a restart
  CHECK(server.status().running);

  server.destroy();
  auto gone = server.status();
  CHECK_FALSE(gone.initialized);
  CHECK_FALSE(gone.running);
  CHECK_FALSE(fs::exists(gone.data_dir));
  CHECK_FALSE(fs::exists(gone.socket_dir));
  CHECK_FALSE(fs::exists(project.path() / ".confiture"));
}

TEST_CASE("embedded server: url percent-encodes the database and the socket dir") {
  auto project = test::make_temp_dir();
  pg::EmbeddedServer server(project.path());
  std::string url = server.url("my db/ü");
  CHECK(url.rfind("postgresql:///my%20db%2F%C3%BC?host=%2Ftmp%2Fconfiture-", 0) == 0);
  CHECK(url.find("&port=5432&user=postgres") != std::string::npos);
  CHECK(server.admin_url() == server.url("postgres"));
}

TEST_CASE("embedded server: two projects get their own socket and cluster, both running") {
  auto first_dir = test::make_temp_dir();
  auto second_dir = test::make_temp_dir();
  pg::EmbeddedServer first(first_dir.path());
  pg::EmbeddedServer second(second_dir.path());
  ServerGuard first_guard{first};
  ServerGuard second_guard{second};
  first.start();
  second.start();
  auto a = first.status();
  auto b = second.status();
  CHECK(a.running);
  CHECK(b.running);
  CHECK(a.socket_dir != b.socket_dir);
  CHECK(a.data_dir != b.data_dir);
  CHECK(a.pid != b.pid);

  pg::Connection conn_a(first.admin_url());
  pg::Connection conn_b(second.admin_url());
  conn_a.exec("CREATE DATABASE only_in_first");
  CHECK(conn_b.exec("SELECT count(*) FROM pg_database WHERE datname = 'only_in_first'")[0][0]
            .as<int>() == 0);
}

TEST_CASE("embedded server: as root, the cluster runs as an unprivileged user") {
  if (geteuid() != 0) return;
  auto project = test::make_temp_dir();  // mode 0700, root's: the server user cannot enter
  pg::EmbeddedServer server(project.path());
  ServerGuard guard{server};
  server.start();
  auto status = server.status();
  CHECK(status.running);
  // The data had to go elsewhere; .confiture/ records where.
  CHECK(status.data_dir.rfind(project.path().string(), 0) != 0);
  CHECK(fs::exists(project.path() / ".confiture" / "data-location"));
  struct stat st {};
  REQUIRE(stat(status.data_dir.c_str(), &st) == 0);
  CHECK(st.st_uid != 0);
  REQUIRE(stat(status.socket_dir.c_str(), &st) == 0);
  CHECK(st.st_uid != 0);
  CHECK((st.st_mode & 0777) == 0700);

  server.stop();
  pg::EmbeddedServer again(project.path());  // a new process would find it the same way
  again.start();
  CHECK(again.status().data_dir == status.data_dir);
}

TEST_CASE("embedded server: a project the server user can enter keeps its data inside") {
  auto project = test::make_temp_dir();
  fs::permissions(project.path(), fs::perms(0755));
  pg::EmbeddedServer server(project.path());
  ServerGuard guard{server};
  server.start();
  auto status = server.status();
  CHECK(status.running);
  CHECK(status.data_dir == (project.path() / ".confiture" / "pgdata").string());
  CHECK(fs::exists(project.path() / ".confiture" / "server.log"));
}

TEST_CASE("embedded server: a stale postmaster.pid does not prevent starting") {
  auto project = test::make_temp_dir();
  pg::EmbeddedServer server(project.path());
  ServerGuard guard{server};
  server.start();
  server.stop();
  {
    // What a crash leaves behind, naming a live process that is not the server (pid reuse).
    std::ofstream pid_file(fs::path(server.status().data_dir) / "postmaster.pid");
    pid_file << getpid() << "\n" << server.status().data_dir << "\n";
  }
  CHECK_FALSE(server.status().running);
  server.start();
  CHECK(server.status().running);
  pg::Connection conn(server.admin_url());
  CHECK(conn.exec("SELECT 1")[0][0].as<int>() == 1);
}

TEST_CASE("embedded server: concurrent starts make one server") {
  auto project = test::make_temp_dir();
  pg::EmbeddedServer guard_server(project.path());
  ServerGuard guard{guard_server};
  std::exception_ptr errors[2];
  auto start = [&](int i) {
    try {
      pg::EmbeddedServer(project.path()).start();
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::thread a(start, 0);
  std::thread b(start, 1);
  a.join();
  b.join();
  CHECK_FALSE(errors[0]);
  CHECK_FALSE(errors[1]);
  CHECK(guard_server.status().running);
}

TEST_CASE("embedded server: CONFITURE_PG_BINDIR must hold the server programs") {
  auto project = test::make_temp_dir();
  const char* old = std::getenv("CONFITURE_PG_BINDIR");
  std::string saved = old ? old : "";
  setenv("CONFITURE_PG_BINDIR", project.path().c_str(), 1);
  bool no_binaries = false;
  try {
    pg::EmbeddedServer(project.path()).start();
  } catch (const Error& e) {
    no_binaries = e.code == codes::kServerNoBinaries && e.exit_class == ExitClass::kConnection &&
                  e.hint.find("apt-get install postgresql") != std::string::npos;
  }
  if (old) {
    setenv("CONFITURE_PG_BINDIR", saved.c_str(), 1);
  } else {
    unsetenv("CONFITURE_PG_BINDIR");
  }
  CHECK(no_binaries);
  pg::EmbeddedServer(project.path()).destroy();
}
