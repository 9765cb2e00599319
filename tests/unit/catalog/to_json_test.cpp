// to_json on catalogs built by hand: names, optionals and "char" codes as the header promises,
// and every list of the model present.
#include "confiture/catalog/to_json.hpp"

#include <catch2/catch.hpp>

using namespace confiture::catalog;
using nlohmann::json;

TEST_CASE("to_json of an empty catalog has every list, empty") {
  const json document = to_json(Catalog{.server_version = 150004});
  CHECK(document["server_version"] == 150004);
  for (const char* list : {"schemas", "extensions", "enum_types", "domains", "composite_types",
                           "range_types", "tables", "sequences", "indexes", "views", "routines",
                           "triggers", "policies", "unsupported"}) {
    INFO(list);
    REQUIRE(document.contains(list));
    CHECK(document[list] == json::array());
  }
}

TEST_CASE("to_json writes names as objects, unset optionals as null and char codes as strings") {
  Catalog catalog;
  catalog.tables.push_back(
      {.name = {"app", "users"},
       .kind = 'p',
       .columns = {{.name = "id", .type = "integer", .identity = 'a'},
                   {.name = "name", .type = "text", .collation = QualifiedName{"pg_catalog", "C"}}},
       .primary_key = {"id"},
       .constraints = {{.name = "users_pkey", .kind = 'p', .columns = {"id"}}},
       .partition_key = "RANGE (id)",
       .inherits = {{"app", "base"}}});
  catalog.routines.push_back(
      {.name = {"app", "total"},
       .identity_arguments = "integer",
       .kind = 'a',
       .aggregate = AggregateParts{.transition_function = "int4pl", .state_type = "integer"}});
  catalog.unsupported.push_back({.kind = "publication", .name = "everything"});

  const json document = to_json(catalog);
  const json& users = document["tables"][0];
  CHECK(users["name"] == json{{"schema", "app"}, {"name", "users"}});
  CHECK(users["kind"] == "p");
  CHECK_FALSE(users.contains("oid"));
  CHECK(users["partition_of"].is_null());
  CHECK(users["partition_key"] == "RANGE (id)");
  CHECK(users["partition_bound"].is_null());
  CHECK(users["inherits"] == json::array({json{{"schema", "app"}, {"name", "base"}}}));
  CHECK(users["columns"][0]["identity"] == "a");
  CHECK(users["columns"][0]["generated"].is_null());
  CHECK(users["columns"][0]["collation"].is_null());
  CHECK(users["columns"][1]["collation"] == json{{"schema", "pg_catalog"}, {"name", "C"}});
  CHECK(users["primary_key"] == json::array({"id"}));
  CHECK(users["constraints"][0]["kind"] == "p");

  const json& total = document["routines"][0];
  CHECK(total["kind"] == "a");
  CHECK(total["definition"].is_null());
  CHECK(total["aggregate"]["transition_function"] == "int4pl");
  CHECK(total["aggregate"]["final_function"].is_null());

  CHECK(document["unsupported"][0] ==
        json{{"kind", "publication"}, {"schema", ""}, {"name", "everything"}});
  CHECK(to_json(catalog) == document);
}

TEST_CASE("Routine::signature joins the display name and the identity arguments") {
  const Routine routine{.name = {"Sales", "add"}, .identity_arguments = "a integer, b integer"};
  CHECK(routine.signature() == "\"Sales\".add(a integer, b integer)");
}
