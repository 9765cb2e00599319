// Refusals happen before anything is written: shapes, same database, strict PII, keys.
#include <catch2/catch.hpp>
#include <utility>

#include "confiture/pg/dsn.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "sync_fixture.hpp"

using namespace confiture;

TEST_CASE("shape mismatches are all reported before anything is truncated") {
  test::SyncFixture f;
  f.source_conn.exec(R"sql(
    CREATE TABLE person (id int PRIMARY KEY, email text, age int, nickname text);
    CREATE TABLE pet (id int PRIMARY KEY);
    CREATE TABLE note (id int PRIMARY KEY, body text, total int GENERATED ALWAYS AS (id * 2) STORED);
    INSERT INTO person VALUES (1, 'a@b.c', 3, 'x');
    INSERT INTO note (id, body) VALUES (1, 'new');
  )sql");
  f.target_conn.exec(R"sql(
    CREATE TABLE person (id int PRIMARY KEY, email text, age date, extra text NOT NULL);
    CREATE TABLE note (id int PRIMARY KEY, body text, total int);
    INSERT INTO person VALUES (7, 'keep@me', '2020-01-01', 'x');
    INSERT INTO note VALUES (7, 'keep', 1);
  )sql");
  auto error = f.error_of();
  CHECK(error.code == codes::kSyncShapeMismatch);
  CHECK(error.exit_class == ExitClass::kSchema);
  const std::string text = error.what();
  CHECK_THAT(text, Catch::Contains("public.person.age is integer in the source but date"));
  CHECK_THAT(text, Catch::Contains("public.person.nickname (text) is missing in the target"));
  CHECK_THAT(text, Catch::Contains("public.person.extra is NOT NULL without a default"));
  CHECK_THAT(text, Catch::Contains("table public.pet is missing in the target"));
  CHECK(error.details["problems"].size() == 4);
  CHECK(f.target_scalar("SELECT count(*) FROM person") == "1");
  CHECK(f.target_scalar("SELECT count(*) FROM note") == "1");
}

TEST_CASE("the same database as source and target is refused") {
  test::SyncFixture f;
  f.source_conn.exec("CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
  Error error(codes::kSyncCopyFailed, ExitClass::kFailure, "");
  try {
    sync::run_sync(
        {f.source.dsn(), "a"}, {f.source.dsn() + " application_name=other", "b"}, f.options,
        [](const std::string&) { return std::nullopt; }, [](const std::string&) { return true; },
        {}, nullptr);
    FAIL("synced a database into itself");
  } catch (const Error& e) {
    error = e;
  }
  CHECK(error.code == codes::kSafetySameDatabase);
  CHECK(error.exit_class == ExitClass::kSafety);
  CHECK(f.source_scalar("SELECT count(*) FROM t") == "1");
}

TEST_CASE("D1: sync refuses the same database reached through another role") {
  test::SyncFixture f;
  f.source_conn.exec("CREATE TABLE precious (id int PRIMARY KEY); INSERT INTO precious VALUES (1)");
  // A plain role, not a member of pg_read_all_stats: pg_stat_activity hides the details of the
  // superuser's sessions from it (their backend_start is NULL).
  const std::string role = f.source.name() + "_app";
  f.source_conn.exec("CREATE ROLE " + pg::quote_ident(role) + " LOGIN");
  struct DropRole {
    pg::Connection& admin;
    std::string role;
    ~DropRole() {
      try {
        admin.exec("DROP OWNED BY " + pg::quote_ident(role) + "; DROP ROLE " +
                   pg::quote_ident(role));
      } catch (...) {
        // A leftover role only clutters the test server.
      }
    }
  } drop{f.source_conn, role};
  const std::string as_app =
      pg::with_database(f.source.admin_dsn(), f.source.name()) + " user=" + pg::quote_literal(role);
  {
    pg::Connection app(as_app);
    REQUIRE(app.exec("SELECT count(backend_start) FROM pg_stat_activity WHERE usename <> "
                     "current_user")[0][0]
                .as<int>() == 0);
  }
  for (const auto& [from, to] :
       {std::pair{f.source.dsn(), as_app}, std::pair{as_app, f.source.dsn()},
        std::pair{as_app, as_app + " application_name=other"}}) {
    try {
      sync::run_sync(
          {from, "a"}, {to, "b"}, f.options, [](const std::string&) { return std::nullopt; },
          [](const std::string&) { return true; }, {}, nullptr);
      FAIL("synced a database into itself");
    } catch (const Error& e) {
      CHECK(e.code == codes::kSafetySameDatabase);
    }
    CHECK(f.source_scalar("SELECT count(*) FROM precious") == "1");
  }
  // Another database of the same server is not the same database.
  f.target_conn.exec("CREATE TABLE precious (id int PRIMARY KEY)");
  f.run();
  CHECK(f.target_scalar("SELECT count(*) FROM precious") == "1");
}

TEST_CASE("strict mode lists every PII-looking column without a rule and changes nothing") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE account (id int PRIMARY KEY, email text, phone_number text, bio text,
                          last_login_ip inet, password_hash text, plan text);
  )sql");
  f.source_conn.exec("INSERT INTO account VALUES (1, 'a@b.c', '555', 'x', '10.0.0.1', 'h', 'p')");
  f.target_conn.exec("INSERT INTO account (id) VALUES (99)");
  f.options.plan.strict = true;
  f.options.plan.rules = {{"account", "email", {"email", {}, "", ""}, "--anonymize"},
                          {"account", "password_hash", {"preserve", {}, "", ""}, "--anonymize"}};
  auto error = f.error_of();
  CHECK(error.code == codes::kAnonUnlabelledPii);
  CHECK(error.exit_class == ExitClass::kSafety);
  const std::string text = error.what();
  CHECK_THAT(text, Catch::Contains("public.account.phone_number"));
  CHECK_THAT(text, Catch::Contains("public.account.last_login_ip"));
  CHECK_THAT(text, !Catch::Contains("account.email"));
  CHECK_THAT(text, !Catch::Contains("password_hash"));  // preserve: a deliberate pass
  CHECK_THAT(text, !Catch::Contains("account.plan"));
  CHECK(f.target_scalar("SELECT count(*) FROM account") == "1");
}

TEST_CASE("a rule naming an unknown column fails closed") {
  test::SyncFixture f;
  f.both("CREATE TABLE account (id int PRIMARY KEY, email text)");
  f.options.plan.rules = {{"account", "e_mail", {"email", {}, "", ""}, "profile.yaml:3"}};
  auto error = f.error_of();
  CHECK(error.code == codes::kAnonBadRule);
  CHECK_THAT(error.what(), Catch::Contains("profile.yaml:3: column public.account.e_mail"));
}

TEST_CASE("keyed strategies refuse to run without a key") {
  test::SyncFixture f;
  f.both("CREATE TABLE account (id int PRIMARY KEY, email text)");
  f.options.plan.rules = {{"account", "email", {"email", {}, "", ""}, "--anonymize"}};
  f.key.clear();
  auto error = f.error_of();
  CHECK(error.code == codes::kAnonNoKey);
  CHECK_THAT(error.what(), Catch::Contains("$CONFITURE_ANON_KEY"));
}

TEST_CASE("D4: a --where the source refuses is SYNC_309 and leaves the target untouched") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE customers (id int PRIMARY KEY, country text);
    CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
    CREATE TABLE x (id int PRIMARY KEY);
  )sql");
  f.source_conn.exec(R"sql(
    INSERT INTO customers VALUES (1, 'FR'), (2, 'DE');
    INSERT INTO orders VALUES (1, 1), (2, 2);
    INSERT INTO x VALUES (1);
  )sql");
  f.target_conn.exec(R"sql(
    INSERT INTO customers VALUES (7, 'keep');
    INSERT INTO orders VALUES (7, 7);
    INSERT INTO x VALUES (7);
  )sql");
  for (const char* condition : {"contry = 'FR'", "id IN (SELECT id FROM nowhere)",
                                "country = 1::date", "nextval('no_such_seq') > 0"}) {
    INFO(condition);
    f.options.plan.where = {{"customers", condition}};
    auto error = f.error_of();
    CHECK(error.code == codes::kSyncBadWhere);
    CHECK(error.exit_class == ExitClass::kConfig);
    CHECK_THAT(error.what(), Catch::Contains("--where public.customers"));
    CHECK(f.target_scalar("SELECT count(*) FROM customers") == "1");
    CHECK(f.target_scalar("SELECT count(*) FROM orders") == "1");
    CHECK(f.target_scalar("SELECT count(*) FROM x") == "1");
    CHECK_FALSE(std::filesystem::exists(f.options.checkpoint));
  }
  f.options.plan.where = {{"customers", "contry = 'FR'"}};
  CHECK_THAT(f.error_of().what(), Catch::Contains("column \"contry\" does not exist"));
  // A dry run checks it too.
  f.options.dry_run = true;
  CHECK(f.error_of().code == codes::kSyncBadWhere);
}
