// The one "is this a connection string" test, shared by database_url and the command line.
#include <catch2/catch.hpp>

#include "confiture/config/environment.hpp"

using confiture::config::looks_like_dsn;

TEST_CASE("looks_like_dsn: libpq URIs and key=value strings, nothing else") {
  CHECK(looks_like_dsn("postgresql://u@h:5432/app"));
  CHECK(looks_like_dsn("postgres:///app"));
  CHECK(looks_like_dsn("host=db dbname=app"));
  CHECK(looks_like_dsn("dbname=app"));
  CHECK_FALSE(looks_like_dsn("production"));
  CHECK_FALSE(looks_like_dsn("db/schema"));
  CHECK_FALSE(looks_like_dsn("mysql://u@h/app"));
  CHECK_FALSE(looks_like_dsn(""));
}
