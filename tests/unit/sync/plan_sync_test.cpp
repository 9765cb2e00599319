// plan_sync on hand-made catalogs: selection, never-copied tables, order and refusals.
#include <algorithm>
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

TEST_CASE("globs select by table or schema.table, unknown patterns are refused") {
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

TEST_CASE("a rule's unknown table or column fails closed, a string strategy on an integer too") {
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

TEST_CASE("D4: a --where that is not one expression is SYNC_309 before any server is asked") {
  for (const char* condition :
       {"false) OR (true", "true) UNION SELECT 1, 'x' --", "1=1; DROP TABLE x; --", "(note = 'a'",
        "note = 'a' AND", "note = 'unterminated", "note = 'a' /* unterminated", "-- only a comment",
        "  "}) {
    INFO(condition);
    sync::PlanOptions options;
    options.never_copy = {{"public", "tb_confiture"}};
    options.where = {{"customer", condition}};
    try {
      sync::plan_sync(shop(), shop(), options);
      FAIL("accepted");
    } catch (const Error& error) {
      CHECK(error.code == codes::kSyncBadWhere);
      CHECK(error.exit_class == ExitClass::kConfig);
      CHECK_THAT(error.what(), Catch::Contains("--where public.customer"));
    }
  }
  // Parentheses and semicolons inside strings, quoted names, dollar quotes and comments do not
  // count, and a trailing comment ends at the line sync puts after the condition.
  for (const char* condition :
       {"note = 'a;b)' -- trailing comment", "note = $$)$$", "\"note\" <> 'x' /* ) ; */",
        "(id IN (SELECT 1)) OR note IS NULL"}) {
    INFO(condition);
    sync::PlanOptions options;
    options.never_copy = {{"public", "tb_confiture"}};
    options.where = {{"customer", condition}};
    auto plan = sync::plan_sync(shop(), shop(), options);
    REQUIRE(plan.conditions.size() == 1);
    CHECK(plan.conditions[0].table == QualifiedName{"public", "customer"});
    CHECK_THAT(plan.tables[0].filter, Catch::Contains("(\n" + std::string(condition) + "\n)"));
  }
}

TEST_CASE("M8: rule tables are read as SQL names, messages show them quoted") {
  catalog::Catalog weird = shop();
  weird.tables.push_back(
      table("public", "a\"b; drop table x", {column("id"), column("note", "text")}));
  sync::PlanOptions options;
  options.never_copy = {{"public", "tb_confiture"}};
  options.rules = {{R"(public."a""b; drop table x")", "note", {"redact", {}, "", ""}, "p.yaml:2"}};
  auto plan = sync::plan_sync(weird, weird, options);
  auto found = std::find_if(plan.tables.begin(), plan.tables.end(),
                            [](const auto& t) { return t.name.name == "a\"b; drop table x"; });
  REQUIRE(found != plan.tables.end());
  CHECK(found->rewrites.size() == 1);

  options.rules = {{R"(public."a""b; drop table y")", "note", {"redact", {}, "", ""}, "p.yaml:2"},
                   {R"(a"b; drop table x)", "note", {"redact", {}, "", ""}, "p.yaml:3"}};
  try {
    sync::plan_sync(weird, weird, options);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code == codes::kAnonBadRule);
    const std::string text = error.what();
    CHECK_THAT(text, Catch::Contains(R"(table public."a""b; drop table y" does not exist)"));
    CHECK_THAT(text, Catch::Contains("not a table name"));
  }
}
