// The indexes part of read_catalog: every index that backs no constraint, in one query.
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view indexes;
}  // namespace sql

namespace detail {

void read_indexes(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::indexes, schemas))) {
    catalog.indexes.push_back(
        {.name = {row["schema"].as<std::string>(), row["name"].as<std::string>()},
         .table = {row["table_schema"].as<std::string>(), row["table_name"].as<std::string>()},
         .unique = row["is_unique"].as<bool>(),
         .method = row["method"].as<std::string>(),
         .definition = row["definition"].as<std::string>(),
         .predicate = optional_text(row["predicate"]),
         .key_columns = text_array(row["key_columns"]),
         .include_columns = text_array(row["include_columns"]),
         .inherited = row["inherited"].as<bool>(),
         .comment = optional_text(row["comment"])});
  }
}

}  // namespace detail
}  // namespace confiture::catalog
