// Identifier and literal quoting: the only way names and values enter SQL built by the library.
#include "confiture/pg/quote.hpp"

namespace confiture::pg {

std::string quote_ident(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '"';
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string quote_literal(std::string_view value) {
  const bool has_backslash = value.find('\\') != std::string_view::npos;
  std::string out;
  out.reserve(value.size() + 3);
  // E'' keeps the meaning independent of standard_conforming_strings, as PQescapeLiteral does.
  if (has_backslash) out += 'E';
  out += '\'';
  for (char c : value) {
    if (c == '\'' || (has_backslash && c == '\\')) out += c;
    out += c;
  }
  out += '\'';
  return out;
}

std::string quote_list(const std::vector<std::string>& names, std::string_view alias) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    if (!alias.empty()) (out += alias) += '.';
    out += quote_ident(name);
  }
  return out;
}

}  // namespace confiture::pg
