// Statement constructors and list formatting for the differ's SQL.
#include "sql_text.hpp"

namespace confiture::diff {

Statement catalog_change(std::string sql, std::string object) {
  Statement statement;
  statement.sql = std::move(sql);
  statement.object = std::move(object);
  statement.statement_timeout_ms = kCatalogTimeoutMs;
  return statement;
}

Statement data_change(std::string sql, std::string object) {
  Statement statement = catalog_change(std::move(sql), std::move(object));
  statement.statement_timeout_ms = kDataTimeoutMs;
  return statement;
}

Statement& with_hazard(Statement& statement, Hazard hazard, std::string message) {
  statement.hazards.push_back({hazard, std::move(message)});
  return statement;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace confiture::diff
