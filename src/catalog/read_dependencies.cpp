// The dependency part of read_catalog: pg_depend between user objects, one query.
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view dependencies;
}  // namespace sql

namespace detail {
namespace {

ObjectRef object_of(const pqxx::row& row, const std::string& prefix) {
  return {
      .kind = row[prefix + "kind"].as<std::string>(),
      .name = {row[prefix + "schema"].as<std::string>(), row[prefix + "name"].as<std::string>()},
      .member = row[prefix + "member"].as<std::string>()};
}

}  // namespace

void read_dependencies(pg::Connection& conn, Catalog& catalog) {
  for (const auto& row : conn.exec(std::string(sql::dependencies))) {
    catalog.dependencies.push_back({object_of(row, ""), object_of(row, "ref_")});
  }
}

}  // namespace detail
}  // namespace confiture::catalog
