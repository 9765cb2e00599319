// confiture build against a real PostgreSQL: each test builds into its own new database.
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "confiture/build/build_state.hpp"
#include "confiture/build/builder.hpp"
#include "confiture/build/status.hpp"
#include "confiture/migrate/ledger_maintenance.hpp"
#include "confiture/migrate/migration_files.hpp"
#include "confiture/migrate/up.hpp"
#include "confiture/pg/admin.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/pg/protection.hpp"
#include "confiture/report/error.hpp"
#include "project_files.hpp"
#include "test_database.hpp"

using namespace confiture;

namespace {

// A project plus the name of a database that does not exist yet; dropped at the end.
class BuildFixture {
 public:
  BuildFixture() : admin_(test::test_server_admin_dsn()) {
    std::random_device rd;
    name_ = "build_" + std::to_string(rd()) + std::to_string(rd());
    dsn_ = pg::with_database(admin_, name_);
    project.write("db/environments/local.yaml",
                  "database_url: ${TEST_DSN}\ninclude_dirs:\n  - db/schema\n");
    vars["TEST_DSN"] = dsn_;
  }
  ~BuildFixture() {
    try {
      pg::Connection admin(admin_);
      pg::drop_database(admin, name_);
    } catch (...) {
    }
  }

  config::EnvLookup lookup() {
    return [this](const std::string& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
  }

  build::BuildReport build(build::BuildRequest request = {}) {
    request.selection.project_dir = project.path();
    return build::run_build(request, lookup());
  }

  Error build_error(build::BuildRequest request = {}) {
    try {
      build(std::move(request));
    } catch (const Error& e) {
      return e;
    }
    FAIL("expected the build to fail");
    throw std::logic_error("unreachable");
  }

  bool exists() {
    pg::Connection admin(admin_);
    return pg::database_exists(admin, name_);
  }

  pqxx::result query(const std::string& sql) {
    pg::Connection db(dsn_);
    return db.exec(sql);
  }

  test::ProjectDir project;
  std::map<std::string, std::string> vars;

 private:
  std::string admin_, name_, dsn_;

 public:
  const std::string& admin() const { return admin_; }
  const std::string& name() const { return name_; }
  const std::string& dsn() const { return dsn_; }
};

}  // namespace

TEST_CASE("build creates the database, applies the DDL and records the hash") {
  BuildFixture f;
  f.project.write("db/schema/10_tables/users.sql",
                  "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
  f.project.write("db/schema/20_views/v.sql",
                  "CREATE VIEW user_emails AS SELECT email FROM users;");
  auto report = f.build();
  CHECK(report.apply == build::ApplyOutcome::kApplied);
  CHECK(report.created_database);
  CHECK(report.files == 2);
  CHECK(report.statements == 2);
  CHECK(f.query("SELECT count(*) FROM user_emails")[0][0].as<int>() == 0);
  CHECK(f.query("SELECT schema_hash FROM tb_confiture_build")[0][0].as<std::string>() ==
        report.hash);
  auto state = build::read_version_file(f.project.path());
  REQUIRE(state);
  CHECK(state->schema_hash == report.hash);
  CHECK(state->file_count == 2);
  CHECK(f.project.read("db/generated/schema_local.sql").find("CREATE VIEW user_emails") !=
        std::string::npos);
}

TEST_CASE("build skips an unchanged schema and refuses a changed one without --recreate") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  f.build();
  f.query("INSERT INTO t VALUES (1)");

  auto again = f.build();
  CHECK(again.apply == build::ApplyOutcome::kUnchanged);
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 1);

  f.project.write("db/schema/u.sql", "CREATE TABLE u (id int);");
  Error refused = f.build_error();
  CHECK(refused.code == "SCHEMA_209");
  CHECK(refused.exit_class == ExitClass::kSafety);
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 1);

  build::BuildRequest no_consent;
  no_consent.recreate = true;
  no_consent.confirm = [](const std::string&) { return false; };
  CHECK(f.build_error(no_consent).code == "SAFETY_1901");
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 1);

  build::BuildRequest recreate;
  recreate.recreate = true;
  recreate.yes = true;
  auto rebuilt = f.build(recreate);
  CHECK(rebuilt.recreated_database);
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 0);
  CHECK(f.query("SELECT to_regclass('u') IS NOT NULL")[0][0].as<bool>());

  build::BuildRequest force;
  force.force = true;
  force.confirm = [](const std::string&) { return true; };
  CHECK(f.build(force).recreated_database);
}

TEST_CASE("B8: build --force on a database that holds the schema rebuilds it, with consent") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  f.build();
  f.query("INSERT INTO t VALUES (1)");
  REQUIRE(f.build().apply == build::ApplyOutcome::kUnchanged);  // what says "--force rebuilds"

  build::BuildRequest no_consent;
  no_consent.force = true;
  no_consent.confirm = [](const std::string&) { return false; };
  Error refused = f.build_error(no_consent);
  CHECK(refused.code == "SAFETY_1901");  // not SCHEMA_209: --force means "rebuild"
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 1);

  build::BuildRequest force;
  force.force = true;
  force.yes = true;
  auto rebuilt = f.build(force);
  CHECK(rebuilt.apply == build::ApplyOutcome::kApplied);
  CHECK(rebuilt.recreated_database);
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 0);
}

namespace {

// The auto-baseline the CLI passes to the build: the migrate module's rows.
build::RecordLedger migrate_baseline(BuildFixture& f) {
  config::Selection selection;
  selection.project_dir = f.project.path();
  auto baseline =
      std::make_shared<migrate::BuildBaseline>(migrate::open_project(selection, f.lookup()));
  return [baseline](pg::Connection& db) {
    migrate::BuildBaseline::Rows rows = baseline->rows(db);
    return build::LedgerRows{rows.table, std::move(rows.statements), std::move(rows.versions)};
  };
}

// Ledger rows with what differs by time taken out of the slug ({name}_{timestamp}_baseline).
std::vector<std::string> ledger_rows(BuildFixture& f) {
  std::vector<std::string> rows;
  for (const auto& row :
       f.query("SELECT version, name, checksum, execution_time_ms, applied_by = current_user, "
               "regexp_replace(slug, '_[0-9]{8}_[0-9]{6}_', '_T_') FROM tb_confiture ORDER BY "
               "version")) {
    std::string line;
    for (const auto& field : row) line += std::string(field.c_str()) + "|";
    rows.push_back(line);
  }
  return rows;
}

}  // namespace

TEST_CASE("M6: build records the migration files as applied, exactly as migrate baseline does") {
  const std::string up1 = "CREATE TABLE t (id int);\n";
  const std::string up2 = "ALTER TABLE t ADD COLUMN note text;\n";
  std::vector<std::string> by_build, by_baseline;
  for (bool auto_baseline : {true, false}) {
    BuildFixture f;
    f.project.write("db/schema/t.sql", "CREATE TABLE t (id int, note text);");
    f.project.write("db/migrations/001_create_t.up.sql", up1);
    f.project.write("db/migrations/002_add_note.up.sql", up2);
    build::BuildRequest request;
    if (auto_baseline) request.baseline = migrate_baseline(f);
    auto report = f.build(request);
    config::Selection selection;
    selection.project_dir = f.project.path();
    auto project = migrate::open_project(selection, f.lookup());
    if (auto_baseline) {
      REQUIRE(report.baseline);
      CHECK(report.baseline->versions == std::vector<std::string>{"001", "002"});
      CHECK(report.baseline->table == "tb_confiture");
      // Recorded with the build: same transaction, same instant.
      CHECK(f.query("SELECT count(*) FROM tb_confiture c, tb_confiture_build b "
                    "WHERE c.applied_at = b.built_at")[0][0]
                .as<int>() == 2);
      by_build = ledger_rows(f);
      // `migrate up` on the freshly built database has nothing to do.
      auto up = migrate::migrate_up(project, {}, f.lookup(), [](const std::string&) {});
      CHECK(up.applied.empty());
      CHECK(up.pending.empty());
    } else {
      CHECK_FALSE(report.baseline);  // --no-baseline
      CHECK_FALSE(f.query("SELECT to_regclass('tb_confiture') IS NOT NULL")[0][0].as<bool>());
      migrate::baseline(project, "002", false, {}, f.lookup());
      by_baseline = ledger_rows(f);
    }
  }
  REQUIRE(by_build.size() == 2);
  CHECK(by_build == by_baseline);
  CHECK(by_build[0].find(migrate::checksum_of(up1)) != std::string::npos);
  CHECK(by_build[0].find("|0|t|create_t_T_baseline|") != std::string::npos);
}

TEST_CASE("M6: build creates the ledger even with no migration yet, so a later one is pending") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  build::BuildRequest request;
  request.baseline = migrate_baseline(f);
  auto report = f.build(request);
  REQUIRE(report.baseline);
  CHECK(report.baseline->versions.empty());
  CHECK(f.query("SELECT count(*) FROM tb_confiture")[0][0].as<int>() == 0);

  f.project.write("db/migrations/001_add_note.up.sql", "ALTER TABLE t ADD COLUMN note text;\n");
  config::Selection selection;
  selection.project_dir = f.project.path();
  auto up = migrate::migrate_up(migrate::open_project(selection, f.lookup()), {}, f.lookup(),
                                [](const std::string&) {});
  CHECK(up.applied.size() == 1);
}

TEST_CASE("M6: a DDL that creates the ledger itself (the Python tool's layout) is baselined too") {
  BuildFixture f;
  f.project.write("db/schema/00_common/01_tb_confiture.sql",
                  "CREATE TABLE tb_confiture (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), "
                  "pk_confiture BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, slug TEXT NOT NULL "
                  "UNIQUE, version VARCHAR(255) NOT NULL UNIQUE, name VARCHAR(255) NOT NULL, "
                  "applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), execution_time_ms INTEGER, "
                  "checksum VARCHAR(64), applied_by TEXT);\n");
  f.project.write("db/schema/10_t.sql", "CREATE TABLE t (id int);\n");
  f.project.write("db/migrations/001_create_t.up.sql", "CREATE TABLE t (id int);\n");
  build::BuildRequest request;
  request.baseline = migrate_baseline(f);
  auto report = f.build(request);
  REQUIRE(report.baseline);
  CHECK(report.baseline->versions == std::vector<std::string>{"001"});
  CHECK(f.query("SELECT count(*) FROM tb_confiture WHERE version = '001'")[0][0].as<int>() == 1);
}

TEST_CASE("M6: a bad migration file stops the build before the database is created") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  f.project.write("db/migrations/001_x.py", "print('no')\n");
  config::Selection selection;
  selection.project_dir = f.project.path();
  try {
    migrate::BuildBaseline baseline(migrate::open_project(selection, f.lookup()));
    FAIL("expected MIGR_111");
  } catch (const Error& e) {
    CHECK(e.code == "MIGR_111");
  }
  CHECK_FALSE(f.exists());
}

TEST_CASE("C2: migrate up on a built database without a ledger stops before touching it") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int, note text);");
  f.project.write("db/migrations/001_add_note.up.sql", "ALTER TABLE t ADD COLUMN note text;\n");
  f.build();  // no baseline: an older confiture, or --no-baseline
  config::Selection selection;
  selection.project_dir = f.project.path();
  auto project = migrate::open_project(selection, f.lookup());
  for (bool dry_run : {false, true}) {
    migrate::UpOptions options;
    options.dry_run = dry_run;
    try {
      migrate::migrate_up(project, options, f.lookup(), [](const std::string&) {});
      FAIL("expected PRECON_1002");
    } catch (const Error& e) {
      CHECK(e.code == "PRECON_1002");
      CHECK(e.exit_class == ExitClass::kNoLedger);
      CHECK(e.hint.find("confiture migrate baseline --through V") != std::string::npos);
      CHECK(e.hint.find("001") != std::string::npos);
    }
    // Nothing created: no empty ledger, no lock holder row.
    CHECK_FALSE(f.query("SELECT to_regclass('tb_confiture') IS NOT NULL")[0][0].as<bool>());
    CHECK_FALSE(
        f.query("SELECT to_regclass('confiture_lock_holder') IS NOT NULL")[0][0].as<bool>());
  }
  // The advised command works, and then `up` has nothing left to do.
  migrate::baseline(project, "001", false, {}, f.lookup());
  auto up = migrate::migrate_up(project, {}, f.lookup(), [](const std::string&) {});
  CHECK(up.applied.empty());
}

TEST_CASE("build refuses to recreate a protected environment unless named and --yes") {
  BuildFixture f;
  f.project.write("db/environments/local.yaml", "database_url: ${TEST_DSN}\nprotected: true\n");
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  f.build();
  f.project.write("db/schema/u.sql", "CREATE TABLE u (id int);");

  build::BuildRequest request;
  request.recreate = true;
  request.yes = true;  // but the protected environment was picked by default, not named
  CHECK(f.build_error(request).code == "SAFETY_1900");

  request.selection.env_name = "local";
  request.yes = false;
  request.confirm = [](const std::string&) { return true; };  // a TTY "yes" is not enough
  CHECK(f.build_error(request).code == "SAFETY_1900");
  CHECK(f.query("SELECT to_regclass('u') IS NULL")[0][0].as<bool>());

  request.yes = true;
  CHECK(f.build(request).recreated_database);
  CHECK(f.query("SELECT to_regclass('u') IS NOT NULL")[0][0].as<bool>());
}

TEST_CASE("a failing statement is reported in its own file and line, nothing is left") {
  BuildFixture f;
  f.project.write("db/schema/10_a.sql", "CREATE TABLE a (id int);\n");
  f.project.write("db/schema/20_b.sql",
                  "-- views\n"
                  "CREATE VIEW ok AS SELECT 1 AS one;\n"
                  "CREATE VIEW bad AS\n"
                  "  SELECT id FROM missing_table;\n");
  Error e = f.build_error();
  CHECK(e.code == "SCHEMA_208");
  CHECK(e.exit_class == ExitClass::kSchema);
  REQUIRE(e.location);
  CHECK(e.location->file == "db/schema/20_b.sql");
  CHECK(e.location->line == 4);
  CHECK(e.location->column == 18);
  CHECK(std::string(e.what()).find("missing_table") != std::string::npos);
  CHECK(e.details["statement"] == "CREATE VIEW bad AS ...");
  CHECK(e.details["sqlstate"] == "42P01");
  CHECK_FALSE(f.exists());
}

TEST_CASE("a file ending inside a comment is reported before anything reaches the server") {
  BuildFixture f;
  f.project.write("db/schema/a.sql", "CREATE TABLE a (id int);\n");
  f.project.write("db/schema/b.sql", "CREATE TABLE b (id int);\n/* unfinished\ncomment\n");
  Error e = f.build_error();
  CHECK(e.code == "SCHEMA_200");
  REQUIRE(e.location);
  CHECK(e.location->file == "db/schema/b.sql");
  CHECK(e.location->line == 2);
  CHECK_FALSE(f.exists());
}

TEST_CASE("schema-only builds leave seed files out") {
  BuildFixture f;
  f.project.write("db/environments/local.yaml",
                  "database_url: ${TEST_DSN}\n"
                  "include_dirs:\n"
                  "  - db/schema\n"
                  "  - {path: db/seeds/development, order: 20}\n");
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  f.project.write("db/seeds/development/t.sql", "INSERT INTO t VALUES (1);");

  build::BuildRequest request;
  request.schema_only = true;
  auto report = f.build(request);
  CHECK(report.files == 1);
  CHECK(report.seed_files_left_out == 1);
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 0);

  build::BuildRequest with_seeds;
  with_seeds.recreate = true;
  with_seeds.yes = true;
  CHECK(f.build(with_seeds).files == 2);
  CHECK(f.query("SELECT count(*) FROM t")[0][0].as<int>() == 1);
}

TEST_CASE("statements that cannot run in a transaction run alone, in order") {
  BuildFixture f;
  f.project.write("db/schema/t.sql",
                  "CREATE TABLE t (id int);\n"
                  "CREATE INDEX CONCURRENTLY t_id ON t (id);\n"
                  "CREATE VIEW v AS SELECT id FROM t;\n");
  auto report = f.build();
  CHECK(report.statements == 3);
  CHECK(f.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id'::regclass")[0][0]
            .as<bool>());
}

TEST_CASE("top-level BEGIN/COMMIT in a DDL file are dropped with a warning") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n");
  auto report = f.build();
  CHECK(report.statements == 1);
  REQUIRE(report.warnings.size() == 2);
  CHECK(report.warnings[0].find("db/schema/t.sql:1") != std::string::npos);
}

TEST_CASE("no-apply only writes the file, byte-identical for identical input") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  build::BuildRequest request;
  request.no_apply = true;
  request.output = f.project.path() / "out.sql";
  auto first = f.build(request);
  std::string bytes = f.project.read("out.sql");
  auto second = f.build(request);
  CHECK(first.apply == build::ApplyOutcome::kNotRequested);
  CHECK(f.project.read("out.sql") == bytes);
  CHECK(first.hash == second.hash);
  CHECK_FALSE(f.exists());
}

TEST_CASE("an unset ${VAR} in the environment file names the variable and the file") {
  BuildFixture f;
  f.project.write("db/schema/t.sql", "CREATE TABLE t (id int);");
  f.vars.clear();
  Error e = f.build_error();
  CHECK(e.code == "CONFIG_007");
  CHECK(std::string(e.what()).find("TEST_DSN") != std::string::npos);
  CHECK(std::string(e.what()).find("local.yaml") != std::string::npos);
}

TEST_CASE("status_and_build_agree_on_an_empty_database: a protection mark alone leaves it empty") {
  BuildFixture f;
  f.project.write("db/schema/users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
  {
    pg::Connection admin(f.admin());
    pg::create_database(admin, f.name());
    pg::Connection db(f.dsn());
    REQUIRE_FALSE(pg::record_protection_mark(db, "prod"));
  }
  config::Selection selection;
  selection.project_dir = f.project.path();
  CHECK(build::schema_status(selection, f.lookup()).database_empty);
  CHECK(f.build().apply == build::ApplyOutcome::kApplied);  // no --recreate needed
}
