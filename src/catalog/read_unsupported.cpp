// The unsupported part of read_catalog: every object of a kind the model does not cover, in one
// query.
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view unsupported;
}  // namespace sql

namespace detail {

void read_unsupported(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::unsupported, schemas))) {
    catalog.unsupported.push_back({.kind = row["kind"].as<std::string>(),
                                   .schema = optional_text(row["schema"]).value_or(""),
                                   .name = row["name"].as<std::string>()});
  }
}

}  // namespace detail
}  // namespace confiture::catalog
