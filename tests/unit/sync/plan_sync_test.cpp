// plan_sync on hand-made catalogs: selection, never-copied tables, order and refusals.
#include <catch2/catch.hpp>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/plan.hpp"

using namespace confiture;
using catalog::QualifiedName;

namespace {

catalog::Column column(const std::string& name, const std::string& type = "integer",
                       bool not_null = false) {
  catalog::Column c;
  c.name = name;
  c.type = c.base_type = type;
  c.type_category = type == "text" ? 'S' : 'N';
  c.not_null = not_null;
  return c;
}

catalog::Table table(const std::string& schema, const std::string& name,
                     std::vector<catalog::Column> columns) {
  catalog::Table t;
  t.name = {schema, name};
  t.columns = std::move(columns);
  t.primary_key = {"id"};
  return t;
}

catalog::ForeignKey fk(const std::string& column, QualifiedName to) {
  catalog::ForeignKey key;
  key.name = column + "_fkey";
  key.columns = {column};
  key.referenced = std::move(to);
  key.referenced_columns = {"id"};
  return key;
}

catalog::Catalog shop() {
  catalog::Catalog c;
  c.tables.push_back(
      table("public", "customer", {column("id", "integer", true), column("note", "text")}));
  c.tables.push_back(
      table("sales", "order", {column("id", "integer", true), column("customer_id")}));
  c.tables.back().foreign_keys.push_back(fk("customer_id", {"public", "customer"}));
  c.tables.push_back(table("public", "tb_confiture", {column("id")}));
  return c;
}

}  // namespace

TEST_CASE("parents come first and never-copied tables are left out") {
  sync::PlanOptions options;
  options.never_copy = {{"public", "tb_confiture"}};
  auto plan = sync::plan_sync(shop(), shop(), options);
  REQUIRE(plan.tables.size() == 2);
  CHECK(plan.tables[0].name.name == "customer");
  CHECK(plan.tables[1].name.name == "order");
  CHECK(plan.tables[1].after == std::vector<std::size_t>{0});
  CHECK(plan.tables[0].columns == std::vector<std::string>{"id", "note"});
}

TEST_CASE("globs select by table or schema.table; unknown patterns are refused") {
  sync::PlanOptions options;
  options.tables = {"sales.*", "cust*"};
  options.exclude = {"tb_*"};
  CHECK(sync::plan_sync(shop(), shop(), options).tables.size() == 2);
  options.tables = {"nothing*"};
  try {
    sync::plan_sync(shop(), shop(), options);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code == codes::kSyncNoTables);
    CHECK_THAT(error.what(), Catch::Contains("--tables nothing*"));
  }
}

TEST_CASE("a rule's unknown table or column fails closed; a string strategy on an integer too") {
  sync::PlanOptions options;
  options.never_copy = {{"public", "tb_confiture"}};
  options.rules = {{"customer", "notes", {"redact", {}, "", ""}, "p.yaml:2"},
                   {"nope", "x", {"redact", {}, "", ""}, "p.yaml:3"},
                   {"sales.order", "customer_id", {"email", {}, "", ""}, "p.yaml:4"}};
  try {
    sync::plan_sync(shop(), shop(), options);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code == codes::kAnonBadRule);
    CHECK(error.details["problems"].size() == 3);
  }
}
