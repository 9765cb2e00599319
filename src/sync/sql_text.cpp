// Quoted column lists and relation names for sync's SQL.
#include "sql_text.hpp"

#include <fmt/format.h>

#include "confiture/pg/quote.hpp"

namespace confiture::sync {

std::string quoted_columns(const std::vector<std::string>& columns, std::string_view alias) {
  std::string text;
  for (const std::string& column : columns) {
    if (!text.empty()) text += ", ";
    if (!alias.empty()) text += fmt::format("{}.", alias);
    text += pg::quote_ident(column);
  }
  return text;
}

std::string relation(const catalog::QualifiedName& name, char kind) {
  return (kind == 'p' ? "" : "ONLY ") + name.quoted();
}

}  // namespace confiture::sync
