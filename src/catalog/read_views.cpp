// The views part of read_catalog: views and materialized views, in one query.
#include <cstddef>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view views;
}  // namespace sql

namespace detail {

void read_views(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::views, schemas))) {
    View& view = catalog.views.emplace_back();
    view.name = {row["schema"].as<std::string>(), row["name"].as<std::string>()};
    view.materialized = row["materialized"].as<bool>();
    view.definition = row["definition"].as<std::string>();
    view.options = text_array(row["options"]);
    view.populated = row["populated"].as<bool>();
    const std::vector<std::string> names = text_array(row["column_names"]);
    const std::vector<std::string> types = text_array(row["column_types"]);
    for (std::size_t i = 0; i < names.size(); ++i) {
      view.columns.push_back({.name = names[i], .type = types.at(i)});
    }
    view.comment = optional_text(row["comment"]);
    view.privileges = text_array(row["privileges"]);
    view.owner = row["owner"].as<std::string>();
  }
}

}  // namespace detail
}  // namespace confiture::catalog
