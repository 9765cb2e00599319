// Splitting a migration file into statements: kinds and lines, the outer BEGIN/COMMIT stripped,
// transaction control refused, autocommit files, syntax errors, and -- confiture:commit.
#include "confiture/migrate/migration_script.hpp"

#include <catch2/catch.hpp>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

using namespace confiture;
using migrate::parse_migration_script;

namespace {

const std::string kFile = "db/migrations/001_x.up.sql";

// The Error thrown by parsing `text`; fails the test when nothing is thrown.
Error error_of(const std::string& text) {
  try {
    parse_migration_script(text, kFile);
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error for: " << text);
  throw std::logic_error("unreachable");
}

std::vector<std::string> summaries(const migrate::MigrationScript& script) {
  std::vector<std::string> out;
  for (const auto& s : script.statements) out.push_back(s.summary);
  return out;
}

}  // namespace

TEST_CASE("migration script: statements with kind, line, summary and exact text") {
  auto script = parse_migration_script(
      "-- users\nCREATE TABLE public.users (id int);\n\n"
      "CREATE INDEX idx_users_id ON users (id);\nDO $$ BEGIN PERFORM 1; END $$;\n"
      "INSERT INTO users VALUES (1);\nSELECT 1\n",
      kFile);
  REQUIRE(script.statements.size() == 5);
  CHECK(summaries(script) == std::vector<std::string>{"CREATE TABLE public.users",
                                                      "CREATE INDEX idx_users_id", "DO block",
                                                      "INSERT users", "SELECT"});
  CHECK(script.statements[0].line == 2);
  CHECK(script.statements[1].line == 4);
  CHECK(script.statements[4].line == 7);
  CHECK(script.sql(script.statements[0]) == "CREATE TABLE public.users (id int)");
  CHECK(script.sql(script.statements[4]) == "SELECT 1");
  CHECK(script.transactional);
  CHECK_FALSE(script.no_transaction_directive);
  CHECK(script.warnings.empty());
  CHECK(script.display == kFile);
}

TEST_CASE("migration script: an empty file or one with only comments is valid and does nothing") {
  for (const std::string text : {"", "\n  \n", "-- nothing yet\n/* later */\n", ";;\n"}) {
    auto script = parse_migration_script(text, kFile);
    CHECK(script.statements.empty());
    CHECK(script.transactional);
  }
}

TEST_CASE("migration script: the file's own outer BEGIN/COMMIT is stripped with a warning") {
  auto script = parse_migration_script(
      "-- add users\nBEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n", kFile);
  REQUIRE(script.statements.size() == 1);
  CHECK(script.statements[0].kind == "CREATE TABLE");
  CHECK(script.transactional);
  REQUIRE(script.warnings.size() == 1);
  CHECK(script.warnings[0] ==
        "db/migrations/001_x.up.sql:2: stripped the file's own BEGIN/COMMIT — confiture runs each "
        "migration in its own transaction; leave them out");
}

TEST_CASE("migration script: START TRANSACTION / END and lowercase forms are stripped too") {
  for (const std::string text :
       {"START TRANSACTION;\nCREATE TABLE t (id int);\nEND;", "begin work;\nselect 1;\ncommit;",
        "BEGIN TRANSACTION; SELECT 1; END TRANSACTION;", "BEGIN; /* nothing */ COMMIT;"}) {
    auto script = parse_migration_script(text, kFile);
    CHECK(script.warnings.size() == 1);
    for (const auto& s : script.statements) CHECK(s.kind != "BEGIN");
    CHECK(script.statements.size() <= 1);
  }
}

TEST_CASE("migration script: savepoints are allowed in a transactional file") {
  auto script = parse_migration_script(
      "SAVEPOINT a;\nCREATE TABLE t (id int);\nROLLBACK TO SAVEPOINT a;\nRELEASE SAVEPOINT a;\n",
      kFile);
  CHECK(script.statements.size() == 4);
  CHECK(script.transactional);
  CHECK(script.warnings.empty());
}

TEST_CASE("migration script: a COMMIT inside the file is MIGR_107 with its line and column") {
  auto e = error_of(
      "CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n\n-- done with a\n\n  COMMIT;\n"
      "CREATE TABLE b (id int);\n");
  CHECK(e.code == codes::kMigrTransactionControl);
  CHECK(e.exit_class == ExitClass::kConnection);
  CHECK(std::string(e.what()) ==
        "COMMIT at db/migrations/001_x.up.sql:7:3 would end confiture's transaction in the middle "
        "of the migration");
  REQUIRE(e.location);
  CHECK(e.location->file == kFile);
  CHECK(e.location->line == 7);
  CHECK(e.location->column == 3);
  CHECK(e.details["statement"] == "COMMIT");
  CHECK_THAT(e.hint, Catch::Contains("split the file"));
  CHECK_THAT(e.hint, Catch::Contains("-- confiture:no-transaction"));
}

TEST_CASE("migration script: other transaction control is MIGR_107 before anything runs") {
  struct Case {
    std::string text;
    int line;
    std::string says;
  };
  const Case cases[] = {
      {"CREATE TABLE a (id int);\nROLLBACK;\n", 2, "ROLLBACK at"},
      {"CREATE TABLE a (id int);\nABORT;\n", 2, "ROLLBACK at"},
      {"CREATE TABLE a (id int);\nEND;\n", 2, "COMMIT at"},
      {"CREATE TABLE a (id int);\nCOMMIT;\n", 2, "would end confiture's transaction"},
      {"BEGIN;\nCREATE TABLE a (id int);\n", 1, "does not COMMIT as its last statement"},
      {"BEGIN;\n", 1, "does not COMMIT"},
      {"BEGIN;\nCREATE TABLE a (id int);\nROLLBACK;\n", 1, "does not COMMIT"},
      {"CREATE TABLE a (id int);\nBEGIN;\nSELECT 1;\nCOMMIT;\n", 2, "would start a transaction"},
      {"BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nCOMMIT;\n", 3, "COMMIT at"},
      {"SELECT 1;\nPREPARE TRANSACTION 'x';\n", 2, "PREPARE TRANSACTION at"},
      {"BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n", 1,
       "BEGIN ISOLATION LEVEL SERIALIZABLE at db/migrations/001_x.up.sql:1:1 sets transaction "
       "options"},
      {"START TRANSACTION READ ONLY;\nSELECT 1;\nCOMMIT;\n", 1, "sets transaction options"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto e = error_of(c.text);
    CHECK(e.code == codes::kMigrTransactionControl);
    REQUIRE(e.location);
    CHECK(e.location->line == c.line);
    CHECK_THAT(std::string(e.what()), Catch::Contains(c.says));
  }
}

TEST_CASE("migration script: bodies with COMMIT or BEGIN are single statements, left intact") {
  const std::string do_block =
      "DO $$\nBEGIN\n  INSERT INTO t VALUES (1);\n  COMMIT;\nEND\n$$;\nSELECT 1;\n";
  auto script = parse_migration_script(do_block, kFile);
  REQUIRE(script.statements.size() == 2);
  CHECK(script.statements[0].summary == "DO block");
  CHECK(script.sql(script.statements[0]) == do_block.substr(0, do_block.find("$$;") + 2));
  CHECK(script.warnings.empty());

  const std::string procedure =
      "CREATE PROCEDURE batch() LANGUAGE plpgsql AS $body$\nBEGIN\n  COMMIT;\n  ROLLBACK;\nEND\n"
      "$body$";
  script = parse_migration_script(procedure + ";\n", kFile);
  REQUIRE(script.statements.size() == 1);
  CHECK(script.statements[0].summary == "CREATE PROCEDURE batch");
  CHECK(script.sql(script.statements[0]) == procedure);
  CHECK(script.transactional);

  const std::string atomic =
      "CREATE FUNCTION one() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\n"
      "END";
  script = parse_migration_script("BEGIN;\n" + atomic + ";\nCOMMIT;\n", kFile);
  REQUIRE(script.statements.size() == 1);
  CHECK(script.statements[0].kind == "CREATE FUNCTION");
  CHECK(script.sql(script.statements[0]) == atomic);
  CHECK(script.statements[0].line == 2);
  CHECK(script.warnings.size() == 1);  // the outer pair, not the body
}

TEST_CASE("migration script: CREATE INDEX CONCURRENTLY makes the file run in autocommit") {
  auto script = parse_migration_script(
      "CREATE TABLE t (email text);\n"
      "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n"
      "DROP INDEX CONCURRENTLY IF EXISTS old_idx;\n",
      kFile);
  CHECK_FALSE(script.transactional);
  CHECK_FALSE(script.no_transaction_directive);
  REQUIRE(script.statements.size() == 3);
  CHECK_FALSE(script.statements[0].needs_autocommit);
  CHECK(script.statements[1].needs_autocommit);
  CHECK(script.statements[1].summary == "CREATE INDEX CONCURRENTLY idx_users_email");
  CHECK(script.statements[2].summary == "DROP INDEX CONCURRENTLY old_idx");
}

TEST_CASE("migration script: the no-transaction directive makes the file run in autocommit") {
  auto script = parse_migration_script("-- confiture:no-transaction\nUPDATE t SET x = 1;\n", kFile);
  CHECK_FALSE(script.transactional);
  CHECK(script.no_transaction_directive);
  REQUIRE(script.statements.size() == 1);
  CHECK(script.statements[0].line == 2);

  script = parse_migration_script("-- confiture:no-transaction\n", kFile);
  CHECK(script.statements.empty());
  CHECK_FALSE(script.transactional);
}

TEST_CASE(
    "migration script: an autocommit file may not control transactions, even the outer pair") {
  auto e = error_of("-- confiture:no-transaction\nBEGIN;\nUPDATE t SET x = 1;\nCOMMIT;\n");
  CHECK(e.code == codes::kMigrTransactionControl);
  REQUIRE(e.location);
  CHECK(e.location->line == 2);
  CHECK_THAT(std::string(e.what()), Catch::Contains("-- confiture:no-transaction"));

  e = error_of("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (x);\nCOMMIT;\n");
  CHECK(e.code == codes::kMigrTransactionControl);
  CHECK_THAT(std::string(e.what()),
             Catch::Contains("CREATE INDEX CONCURRENTLY i at db/migrations/001_x.up.sql:2:1 "
                             "cannot run inside a transaction"));

  e = error_of("VACUUM t;\nSAVEPOINT a;\n");
  CHECK(e.location->line == 2);
  CHECK_THAT(std::string(e.what()), Catch::StartsWith("SAVEPOINT at"));

  e = error_of("COMMIT PREPARED 'x';\n");
  CHECK(e.code == codes::kMigrTransactionControl);
  CHECK_THAT(std::string(e.what()), Catch::Contains("prepared transaction"));
}

TEST_CASE("migration script: a syntax error is MIGR_114 with file, line, column and message") {
  auto e = error_of("CREATE TABLE a (id int);\n\n  SELEC 1;\n");
  CHECK(e.code == codes::kMigrSyntax);
  CHECK(e.exit_class == ExitClass::kSchema);
  REQUIRE(e.location);
  CHECK(e.location->file == kFile);
  CHECK(e.location->line == 3);
  CHECK(e.location->column == 3);
  CHECK_THAT(std::string(e.what()), Catch::Contains("line 3, column 3"));
  CHECK_THAT(std::string(e.what()), Catch::Contains("syntax error at or near \"SELEC\""));
  CHECK(e.details["source_line"] == "  SELEC 1;");
}

TEST_CASE("migration script: a file ending inside a dollar quote is MIGR_114 where it opens") {
  auto e = error_of("SELECT 1;\nDO $$\nBEGIN\n  PERFORM 1;\nEND;\n");
  CHECK(e.code == codes::kMigrSyntax);
  REQUIRE(e.location);
  CHECK(e.location->line == 2);
  CHECK(e.location->column == 4);
  CHECK_THAT(std::string(e.what()), Catch::Contains("unterminated dollar-quoted string"));
}

TEST_CASE("B2: a -- confiture:commit line splits a transactional file into transactions") {
  const auto script = parse_migration_script(
      "ALTER TABLE t ADD CONSTRAINT c CHECK (v > 0) NOT VALID;\n"
      "\n-- confiture:commit\n\n"
      "-- VALIDATION_MAY_FAIL: ...\n"
      "ALTER TABLE t VALIDATE CONSTRAINT c;\n"
      "--   confiture:commit  \n"
      "ALTER TABLE t ALTER COLUMN v SET NOT NULL;\n"
      "-- not confiture:commit\n"
      "ALTER TABLE t DROP CONSTRAINT c;\n",
      kFile);
  CHECK(script.transactional);
  const auto parts = script.parts();
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == std::pair<std::size_t, std::size_t>{0, 1});
  CHECK(parts[1] == std::pair<std::size_t, std::size_t>{1, 2});
  CHECK(parts[2] == std::pair<std::size_t, std::size_t>{2, 4});
  // In an autocommit file every statement commits on its own: the line changes nothing.
  const auto autocommit = parse_migration_script(
      "-- confiture:no-transaction\nCREATE TABLE a (i int);\n-- confiture:commit\n"
      "CREATE INDEX CONCURRENTLY a_i ON a (i);\n",
      kFile);
  CHECK(autocommit.parts().size() == 1);
  // A string holding the words is not a directive.
  CHECK(parse_migration_script("SELECT '\n-- confiture:commit\n';\nSELECT 1;\n", kFile)
            .parts()
            .size() == 1);
}
