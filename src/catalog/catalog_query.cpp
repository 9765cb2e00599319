// The shared pieces of read_catalog's readers: the schema filter and text[] fields.
#include "catalog_query.hpp"

#include <cstddef>

#include "confiture/pg/quote.hpp"

namespace confiture::catalog::detail {

namespace {
constexpr std::string_view kSchemasVariable = ":schemas";
}

std::string schemas_value(const std::vector<std::string>& schemas) {
  if (schemas.empty()) return "NULL::pg_catalog.text[]";
  std::string value = "ARRAY[";
  for (std::size_t i = 0; i < schemas.size(); ++i) {
    if (i > 0) value += ", ";
    value += pg::quote_literal(schemas[i]);
  }
  return value + "]::pg_catalog.text[]";
}

std::string bind_schemas(std::string_view query, const std::string& value) {
  std::string text;
  std::size_t from = 0;
  for (std::size_t at = query.find(kSchemasVariable); at != std::string_view::npos;
       at = query.find(kSchemasVariable, at + 1)) {
    if (at > 0 && query[at - 1] == ':') continue;
    text.append(query.substr(from, at - from)).append(value);
    from = at + kSchemasVariable.size();
  }
  return text.append(query.substr(from));
}

std::vector<std::string> text_array(const pqxx::field& field) {
  std::vector<std::string> values;
  pqxx::array_parser parser = field.as_array();
  for (;;) {
    auto [juncture, value] = parser.get_next();
    if (juncture == pqxx::array_parser::done) break;
    if (juncture == pqxx::array_parser::string_value) values.push_back(std::move(value));
  }
  return values;
}

}  // namespace confiture::catalog::detail
