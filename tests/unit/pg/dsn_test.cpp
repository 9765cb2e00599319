// DSN parsing and rewriting, and password redaction (SPEC §2: passwords never appear in output).
#include "confiture/pg/dsn.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

using namespace confiture::pg;

TEST_CASE("redact hides the password of a URI") {
  CHECK(redact("postgresql://u:secret@h/db") == "postgresql://u:***@h/db");
  CHECK(redact("postgres://u:secret@h:5432,h2:5433/db?sslmode=require") ==
        "postgres://u:***@h:5432,h2:5433/db?sslmode=require");
  CHECK(redact("postgresql://:secret@h/db") == "postgresql://:***@h/db");
  CHECK(redact("postgresql://u@h/db") == "postgresql://u@h/db");
  CHECK(redact("postgresql://u:p%40ss@h/db") == "postgresql://u:***@h/db");
  CHECK(redact("POSTGRESQL://u:secret@h/db") == "POSTGRESQL://u:***@h/db");
}

TEST_CASE("redact hides a password given as a URI query parameter") {
  CHECK(redact("postgresql://h/db?user=u&password=secret&sslmode=require") ==
        "postgresql://h/db?user=u&password=***&sslmode=require");
  CHECK(redact("postgresql:///db?password=secret") == "postgresql:///db?password=***");
}

TEST_CASE("redact hides key=value passwords, quoted or not") {
  CHECK(redact("host=h password=secret dbname=x") == "host=h password=*** dbname=x");
  CHECK(redact("host=h password='se cret' dbname=x") == "host=h password=*** dbname=x");
  CHECK(redact("host=h password = 'it\\'s' dbname=x") == "host=h password=*** dbname=x");
  CHECK(redact("sslpassword=k host=h") == "sslpassword=*** host=h");
  CHECK(redact("PGPASSWORD=secret psql") == "PGPASSWORD=*** psql");
}

TEST_CASE("redact works inside longer messages and leaves other text alone") {
  CHECK(redact("cannot connect to postgresql://app:hunter2@db:5432/app: timeout") ==
        "cannot connect to postgresql://app:***@db:5432/app: timeout");
  CHECK(redact("nothing secret here: host=db port=5432") ==
        "nothing secret here: host=db port=5432");
  CHECK(redact("password authentication failed for user \"app\"") ==
        "password authentication failed for user \"app\"");
  CHECK(redact("") == "");
}

TEST_CASE("with_database keeps every option and changes the database") {
  auto dsn =
      with_database("postgresql://app:s3cr%20et@db.internal:6543/app?sslmode=require", "postgres");
  auto parsed = parse_dsn(dsn);
  CHECK(parsed.at("dbname") == "postgres");
  CHECK(parsed.at("host") == "db.internal");
  CHECK(parsed.at("port") == "6543");
  CHECK(parsed.at("user") == "app");
  CHECK(parsed.at("password") == "s3cr et");
  CHECK(parsed.at("sslmode") == "require");
}

TEST_CASE("with_database quotes awkward values") {
  auto dsn = with_database("host=/tmp/a\\ b dbname=x password='it\\'s'", "my db");
  auto parsed = parse_dsn(dsn);
  CHECK(parsed.at("host") == "/tmp/a b");
  CHECK(parsed.at("password") == "it's");
  CHECK(parsed.at("dbname") == "my db");
}

TEST_CASE("database_name follows libpq's defaults") {
  CHECK(database_name("postgresql://u@h/app") == "app");
  CHECK(database_name("host=h dbname=app2") == "app2");
  unsetenv("PGDATABASE");
  CHECK(database_name("postgresql://someone@h") == "someone");
  setenv("PGDATABASE", "fromenv", 1);
  CHECK(database_name("host=h user=x") == "fromenv");
  unsetenv("PGDATABASE");
}

TEST_CASE("build_dsn quotes values and rejects unknown keywords") {
  auto dsn = build_dsn({{"host", "localhost"}, {"dbname", "a b"}, {"password", ""}});
  auto parsed = parse_dsn(dsn);
  CHECK(parsed.at("dbname") == "a b");
  CHECK(parsed.at("password").empty());
  CHECK_THROWS_AS(build_dsn({{"bogus", "1"}}), confiture::Error);
}

TEST_CASE("an invalid DSN is a configuration error that never shows the password") {
  for (const char* bad : {"host=h password secret", "postgresql://u:secret@h/db?bogus=1",
                          "postgresql://u:secret@h/db?password=%zz"}) {
    try {
      with_database(bad, "x");
      FAIL("accepted " << bad);
    } catch (const confiture::Error& e) {
      CHECK(e.code == confiture::codes::kConfigBadDatabaseUrl);
      CHECK(e.exit_class == confiture::ExitClass::kConfig);
      CHECK(std::string(e.what()).find("secret") == std::string::npos);
      CHECK(std::string(e.what()).find("%zz") == std::string::npos);
    }
  }
}

TEST_CASE("describe_target names host, port and database but no password") {
  auto text = describe_target("postgresql://app:secret@db.internal:6543/app");
  CHECK(text == "database \"app\" at db.internal:6543");
}
