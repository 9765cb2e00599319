// Lookups on a catalog built by hand, as callers' unit tests build them.
#include "confiture/catalog/catalog.hpp"

#include <catch2/catch.hpp>

using namespace confiture::catalog;

TEST_CASE("Table::column finds a column by exact name") {
  Table table;
  table.columns = {{.name = "id", .number = 1}, {.name = "Name", .number = 3}};
  REQUIRE(table.column("Name") != nullptr);
  CHECK(table.column("Name")->number == 3);
  CHECK(table.column("name") == nullptr);
  CHECK(table.column("missing") == nullptr);
}

TEST_CASE("Catalog::table finds a table by schema and name, sorted or not") {
  Catalog catalog;
  catalog.tables.push_back({.name = {"public", "users"}, .oid = 2});
  catalog.tables.push_back({.name = {"app", "users"}, .oid = 1});
  REQUIRE(catalog.table({"app", "users"}) != nullptr);
  CHECK(catalog.table({"app", "users"})->oid == 1);
  CHECK(catalog.table({"public", "users"})->oid == 2);
  CHECK(catalog.table({"other", "users"}) == nullptr);
  CHECK(Catalog{}.table({"public", "users"}) == nullptr);
}
