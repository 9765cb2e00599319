// Per-test databases on the shared test server: each TestDatabase is a fresh database cloned
// from `confiture_test_template`, dropped again when the test ends, pass or fail.
#pragma once

#include <string>

#include "confiture/pg/admin.hpp"

namespace confiture::test {

inline constexpr const char* kTemplateDatabase = "confiture_test_template";

// Starts the test server when it is not running yet (so a test binary also works when run by
// hand, outside ctest), makes sure the template database exists, and returns the DSN of the
// server's "postgres" database.
std::string test_server_admin_dsn();

class TestDatabase {
 public:
  TestDatabase();

  const std::string& dsn() const { return database_.dsn(); }
  const std::string& admin_dsn() const { return admin_dsn_; }
  const std::string& name() const { return database_.name(); }

 private:
  std::string admin_dsn_;
  pg::ScratchDatabase database_;
};

}  // namespace confiture::test
