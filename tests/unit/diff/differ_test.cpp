// The differ on hand-made catalogs: ordering by dependencies, replacement of dependents,
// hazards, privileges and declared renames, without a server.
#include "confiture/diff/differ.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace confiture;
using catalog::ObjectRef;
using catalog::QualifiedName;

namespace {

const QualifiedName kUsers{"public", "users"};

catalog::Table users(std::string email_type) {
  catalog::Table table{.name = kUsers};
  table.columns.push_back({.name = "id", .type = "integer", .not_null = true});
  table.columns.push_back({.name = "email", .type = std::move(email_type)});
  return table;
}

catalog::View emails() {
  return {.name = {"public", "emails"}, .definition = " SELECT users.email\n   FROM users;"};
}

std::size_t position(const diff::Plan& plan, std::string_view fragment) {
  for (std::size_t i = 0; i < plan.statements.size(); ++i) {
    if (plan.statements[i].sql.find(fragment) != std::string::npos) return i;
  }
  FAIL("no statement contains " << fragment);
  return 0;
}

bool has_hazard(const diff::Plan& plan, diff::Hazard hazard) {
  const auto hazards = plan.hazards();
  return std::find(hazards.begin(), hazards.end(), hazard) != hazards.end();
}

}  // namespace

TEST_CASE("hazard ids round-trip and an empty plan prints nothing") {
  for (diff::Hazard hazard : diff::all_hazards()) {
    CHECK(diff::hazard_from_id(diff::hazard_id(hazard)) == hazard);
  }
  CHECK_FALSE(diff::hazard_from_id("NOT_A_HAZARD"));
  CHECK(diff::to_sql(diff::Plan{}).empty());
}

TEST_CASE("identical catalogs give an empty plan") {
  catalog::Catalog a{.tables = {users("text")}, .views = {emails()}};
  CHECK(diff::plan_changes(a, a).empty());
}

TEST_CASE("a view over a column whose type changes is dropped before and created after") {
  const ObjectRef view{"view", {"public", "emails"}, ""};
  const ObjectRef column{"column", kUsers, "email"};
  catalog::Catalog from{.tables = {users("character varying(80)")},
                        .views = {emails()},
                        .dependencies = {{view, column}}};
  catalog::Catalog to{
      .tables = {users("integer")}, .views = {emails()}, .dependencies = {{view, column}}};
  const diff::Plan plan = diff::plan_changes(from, to);
  const std::size_t drop = position(plan, "DROP VIEW");
  const std::size_t alter = position(plan, "ALTER COLUMN \"email\" TYPE integer");
  const std::size_t create = position(plan, "CREATE VIEW");
  CHECK(drop < alter);
  CHECK(alter < create);
  CHECK(has_hazard(plan, diff::Hazard::kTableRewrite));
  CHECK(plan.statements[alter].statement_timeout_ms > plan.statements[drop].statement_timeout_ms);
}

TEST_CASE("widening a varchar is no rewrite") {
  catalog::Catalog from{.tables = {users("character varying(80)")}};
  catalog::Catalog to{.tables = {users("text")}};
  const diff::Plan plan = diff::plan_changes(from, to);
  REQUIRE(plan.statements.size() == 1);
  CHECK(plan.statements[0].hazards.empty());
}

TEST_CASE("a dropped column deletes data, a declared rename does not") {
  catalog::Catalog from{.tables = {users("text")}};
  catalog::Table renamed = users("text");
  renamed.columns[1].name = "mail";
  catalog::Catalog to{.tables = {renamed}};

  const diff::Plan guessed = diff::plan_changes(from, to);
  CHECK(has_hazard(guessed, diff::Hazard::kDeletesData));

  diff::Options options;
  options.renames.columns[{kUsers, "mail"}] = "email";
  const diff::Plan plan = diff::plan_changes(from, to, options);
  REQUIRE(plan.statements.size() == 1);
  CHECK(plan.statements[0].sql ==
        R"(ALTER TABLE "public"."users" RENAME COLUMN "email" TO "mail")");
  CHECK(plan.hazards().empty());
}

TEST_CASE("a rename naming a table the current schema lacks is refused") {
  catalog::Catalog from{.tables = {users("text")}};
  catalog::Table customers = users("text");
  customers.name = {"public", "customers"};
  catalog::Catalog to{.tables = {customers}};
  diff::Options options;
  options.renames.tables[customers.name] = "clients";
  CHECK_THROWS_WITH(diff::plan_changes(from, to, options),
                    Catch::Contains("has no table public.clients"));
}

TEST_CASE("privileges become GRANT and REVOKE, the owner compared as the owner") {
  catalog::Table before = users("text");
  before.owner = "alice";
  before.privileges = {"alice=arwdDxt/alice", "reader=r/alice", "writer=arw/alice"};
  catalog::Table after = users("text");
  after.owner = "bob";  // another owner: its own full rights are no change
  after.privileges = {"bob=arwdDxt/bob", "reader=r*/bob", "auditor=r/bob"};
  const diff::Plan plan = diff::plan_changes({.tables = {before}}, {.tables = {after}});
  std::vector<std::string> sql;
  for (const auto& statement : plan.statements) sql.push_back(statement.sql);
  CHECK(sql == std::vector<std::string>{
                   R"(GRANT SELECT ON TABLE "public"."users" TO "auditor")",
                   R"(GRANT SELECT ON TABLE "public"."users" TO "reader" WITH GRANT OPTION)",
                   R"(REVOKE INSERT, SELECT, UPDATE ON TABLE "public"."users" FROM "writer")"});
  CHECK(has_hazard(plan, diff::Hazard::kAuthzUpdate));
}

TEST_CASE("an index on an existing table is built concurrently, outside a transaction") {
  catalog::Catalog from{.tables = {users("text")}};
  catalog::Catalog to = from;
  to.indexes.push_back(
      {.name = {"public", "users_email"},
       .table = kUsers,
       .method = "btree",
       .definition = "CREATE INDEX users_email ON public.users USING btree (email)"});
  const diff::Plan plan = diff::plan_changes(from, to);
  REQUIRE(plan.statements.size() == 1);
  CHECK(plan.statements[0].sql ==
        "CREATE INDEX CONCURRENTLY users_email ON public.users USING btree (email)");
  CHECK_FALSE(plan.transactional());
  CHECK(diff::to_sql(plan).rfind("-- confiture:no-transaction\n", 0) == 0);
}

TEST_CASE("B6: a rewrite of a large table gets a note naming no command, of a small one, none") {
  catalog::Table big = users("character varying(80)");
  big.estimated_bytes = 5LL << 30;
  big.estimated_rows = 40'000'000;
  const diff::Plan plan = diff::plan_changes({.tables = {big}}, {.tables = {users("integer")}});
  REQUIRE(plan.notes.size() == 1);
  CHECK_THAT(plan.notes[0],
             Catch::Contains("public.users is large") && Catch::Contains("maintenance window"));
  // `migrate schema-to-schema` does not exist (yet): no advice may name it.
  CHECK_THAT(plan.notes[0], !Catch::Contains("schema-to-schema") && !Catch::Contains("confiture"));
  const diff::Plan small = diff::plan_changes({.tables = {users("character varying(80)")}},
                                              {.tables = {users("integer")}});
  CHECK(small.notes.empty());
}

TEST_CASE("a function is created after the table its body reads, found in its own schema first") {
  catalog::Catalog to;
  to.schemas = {{.name = "public"}, {.name = "zeta"}};
  to.tables.push_back({.name = {"public", "rates"}});
  to.tables.push_back({.name = {"zeta", "rates"}});
  to.routines.push_back(
      {.name = {"zeta", "convert"},
       .definition = "CREATE OR REPLACE FUNCTION zeta.convert()\n RETURNS numeric\n LANGUAGE "
                     "plpgsql\nAS $function$ BEGIN RETURN (SELECT max(1) FROM rates); END "
                     "$function$\n",
       .language = "plpgsql",
       .return_type = "numeric"});
  const diff::Plan plan = diff::plan_changes({}, to);
  CHECK(position(plan, "\"public\".\"rates\"") < position(plan, "\"zeta\".\"rates\""));
  CHECK(position(plan, "\"zeta\".\"rates\"") < position(plan, "FUNCTION zeta.convert"));
  CHECK(plan.notes.empty());
}

TEST_CASE("what a body reads gives way when it would close a cycle") {
  catalog::Catalog to;
  to.schemas = {{.name = "public"}};
  catalog::Table tickets{.name = {"public", "tickets"}};
  tickets.columns.push_back({.name = "number", .type = "integer", .default_expr = "next_ticket()"});
  to.tables.push_back(tickets);
  to.routines.push_back(
      {.name = {"public", "next_ticket"},
       .definition = "CREATE OR REPLACE FUNCTION public.next_ticket()\n RETURNS integer\n "
                     "LANGUAGE sql\nAS $function$ SELECT count(*)::int FROM tickets $function$\n",
       .language = "sql",
       .return_type = "integer"});
  to.dependencies.push_back({.dependent = {"default", {"public", "tickets"}, "number"},
                             .referenced = {"routine", {"public", "next_ticket"}, ""}});
  const diff::Plan plan = diff::plan_changes({}, to);
  CHECK(position(plan, "FUNCTION public.next_ticket") < position(plan, "CREATE TABLE"));
  CHECK(plan.notes.empty());
}
