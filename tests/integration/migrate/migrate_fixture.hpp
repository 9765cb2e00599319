// A project with migration files and its own database on the test server, for the migrate
// integration tests: the commands run through the library exactly as the CLI calls them.
#pragma once

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include "confiture/migrate/down.hpp"
#include "confiture/migrate/migrate_project.hpp"
#include "confiture/migrate/up.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/report/error.hpp"
#include "project_files.hpp"
#include "test_database.hpp"

namespace confiture::test {

class MigrateFixture {
 public:
  MigrateFixture() { project.write("db/migrations/.gitkeep", ""); }

  // Writes db/migrations/{stem}.up.sql (and .down.sql when given).
  void migration(const std::string& stem, const std::string& up,
                 const std::optional<std::string>& down = std::nullopt) {
    project.write("db/migrations/" + stem + ".up.sql", up);
    if (down) project.write("db/migrations/" + stem + ".down.sql", *down);
  }

  config::EnvLookup lookup() const {
    return [this](const std::string& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
  }

  migrate::MigrateProject open() const {
    config::Selection selection;
    selection.project_dir = project.path();
    if (!use_env_file) selection.database_url = db.dsn();
    return migrate::open_project(selection, lookup());
  }

  migrate::UpReport up(migrate::UpOptions options = {}) {
    return migrate::migrate_up(open(), options, lookup(), [](const std::string&) {});
  }

  // `confirmed`: as if --yes was given (the tests of the confirmation itself pass false).
  migrate::DownReport down(migrate::DownOptions options = {}, bool confirmed = true) {
    if (confirmed) options.yes = true;
    return migrate::migrate_down(open(), options, lookup(), [](const std::string&) {});
  }

  template <typename F>
  Error error_of(F&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e;
    }
    FAIL("expected an Error");
    return Error("", ExitClass::kOk, "");
  }

  bool exists(const std::string& relation) {
    return conn().exec("SELECT to_regclass('" + relation + "') IS NOT NULL")[0][0].as<bool>();
  }

  int scalar(const std::string& sql) { return conn().exec(sql)[0][0].as<int>(); }

  pg::Connection& conn() {
    if (!conn_) conn_.emplace(db.dsn());
    return *conn_;
  }

  ProjectDir project;
  TestDatabase db;
  std::map<std::string, std::string> vars;
  bool use_env_file = false;  // true: the test wrote db/environments/local.yaml itself

 private:
  std::optional<pg::Connection> conn_;
};

// Waits until a session of `application` runs a query containing `text`; returns its pid.
inline int wait_for_backend(pg::Connection& admin, const std::string& application,
                            const std::string& text) {
  for (int i = 0; i < 200; ++i) {
    auto rows =
        admin.exec("SELECT pid FROM pg_stat_activity WHERE application_name = '" + application +
                   "' AND state = 'active' AND position('" + text + "' in query) > 0");
    if (!rows.empty()) return rows[0][0].as<int>();
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  FAIL("no backend ran " << text);
  return 0;
}

}  // namespace confiture::test
