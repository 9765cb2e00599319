// Anonymisation in the stream: deterministic across runs and tables (joins still work), unique
// where promised, NULL kept, and no original value left in the target.
#include <catch2/catch.hpp>

#include "sync_fixture.hpp"

using namespace confiture;

namespace {

sync::ColumnRule rule(const std::string& table, const std::string& column,
                      const std::string& strategy) {
  return {table, column, {strategy, {}, "", ""}, "--anonymize"};
}

}  // namespace

TEST_CASE("anonymised values are deterministic across runs and tables, unique, NULL kept") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE customer (id int PRIMARY KEY, email text UNIQUE, name text, phone text);
    CREATE TABLE newsletter (id int PRIMARY KEY, email text);
  )sql");
  f.source_conn.exec(R"sql(
    INSERT INTO customer SELECT g, 'person' || g || '@corp.example', 'Real Name ' || g,
                                '+33 6 12 34 ' || lpad(g::text, 2, '0')
    FROM generate_series(1, 2000) g;
    UPDATE customer SET email = NULL, phone = NULL WHERE id % 10 = 0;
    INSERT INTO newsletter SELECT id, email FROM customer WHERE id % 3 = 0;
  )sql");
  f.options.plan.rules = {rule("customer", "email", "email"), rule("customer", "name", "name"),
                          rule("customer", "phone", "phone"), rule("newsletter", "email", "email")};
  auto report = f.run();
  REQUIRE(report.tables.size() == 2);
  CHECK(report.tables[0].strategies ==
        std::vector<std::string>{"email: email", "name: name", "phone: phone"});

  // No original value survives.
  CHECK(f.target_scalar("SELECT count(*) FROM customer WHERE email LIKE '%corp.example%' OR "
                        "name LIKE 'Real Name%' OR phone LIKE '+33 6 12 34%'") == "0");
  // NULL stays NULL, and only NULL is NULL.
  CHECK(f.target_scalar("SELECT count(*) FROM customer WHERE email IS NULL") == "200");
  CHECK(f.target_scalar("SELECT count(*) FROM customer WHERE phone IS NULL") == "200");
  // Unique inputs stay unique (the target has a UNIQUE constraint too).
  CHECK(f.target_scalar("SELECT count(DISTINCT email) FROM customer") == "1800");
  // The same input gives the same output in another table: the join still works.
  CHECK(f.target_scalar("SELECT count(*) FROM newsletter n JOIN customer c USING (email)") ==
        f.source_scalar("SELECT count(*) FROM newsletter n JOIN customer c USING (email)"));

  // ... and in another run.
  const std::string first = f.target_scalar(
      "SELECT string_agg(email || name || phone, ',' "
      "ORDER BY id) FROM customer");
  f.run();
  CHECK(f.target_scalar("SELECT string_agg(email || name || phone, ',' ORDER BY id) FROM "
                        "customer") == first);
  // A different key gives different values.
  f.key = "another-key";
  f.run();
  CHECK(f.target_scalar("SELECT string_agg(email || name || phone, ',' ORDER BY id) FROM "
                        "customer") != first);
}

TEST_CASE("values with tabs, newlines and backslashes survive the stream") {
  test::SyncFixture f;
  f.both("CREATE TABLE note (id int PRIMARY KEY, body text, secret text, data bytea)");
  f.source_conn.exec(
      "INSERT INTO note VALUES (1, E'a\\tb\\nc\\\\d', E'x\\ty', '\\x00ff'), "
      "(2, E'mail me: bob@corp.example\\nthanks', NULL, NULL)");
  f.options.plan.rules = {rule("note", "secret", "hash"), rule("note", "body", "text_redact")};
  f.run();
  CHECK(f.target_scalar("SELECT body FROM note WHERE id = 1") == "a\tb\nc\\d");
  CHECK(f.target_scalar("SELECT body FROM note WHERE id = 2") == "mail me: [EMAIL]\nthanks");
  CHECK(f.target_scalar("SELECT length(secret) FROM note WHERE id = 1") == "32");
  CHECK(f.target_scalar("SELECT secret IS NULL FROM note WHERE id = 2") == "t");
  CHECK(f.target_scalar("SELECT encode(data, 'hex') FROM note WHERE id = 1") == "00ff");
}
