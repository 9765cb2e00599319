// Two fresh databases on the test server, a source and a target with the same DDL, and a way
// to run a sync between them through the library.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "confiture/pg/connection.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/sync.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace confiture::test {

class SyncFixture {
 public:
  SyncFixture() : source_conn(source.dsn()), target_conn(target.dsn()) {
    options.checkpoint = dir.path() / "checkpoint.json";
    options.jobs = 2;
  }

  void both(const std::string& ddl) {
    source_conn.exec(ddl);
    target_conn.exec(ddl);
  }

  sync::SyncReport run() {
    auto env = [this](const std::string& name) -> std::optional<std::string> {
      if (name == "CONFITURE_ANON_KEY") return key;
      return std::nullopt;
    };
    return sync::run_sync(
        {source.dsn(), "source"}, {target.dsn(), "target"}, options, env,
        [](const std::string&) { return true; }, {}, nullptr);
  }

  Error error_of() {
    try {
      run();
    } catch (const Error& error) {
      return error;
    }
    FAIL("the sync succeeded");
    throw;
  }

  std::string target_scalar(const std::string& query) {
    auto result = target_conn.exec(query);
    return result[0][0].is_null() ? "NULL" : result[0][0].c_str();
  }
  std::string source_scalar(const std::string& query) {
    auto result = source_conn.exec(query);
    return result[0][0].is_null() ? "NULL" : result[0][0].c_str();
  }

  TempDir dir = make_temp_dir("confiture-sync-");
  TestDatabase source, target;
  pg::Connection source_conn, target_conn;
  sync::SyncOptions options;
  std::string key = "test-key-0123456789";
};

}  // namespace confiture::test
