// How a schema-qualified name is shown to people (quoted only where needed), spliced into SQL
// (always quoted) and read back from what a person wrote.
#include <string_view>

#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/dotted_name.hpp"

namespace confiture::catalog {
namespace {

// A name PostgreSQL would fold to itself unquoted: lowercase ASCII letters, digits and
// underscores, not starting with a digit. Keywords are not checked: display() is for reading.
bool is_plain_lowercase(std::string_view part) {
  if (part.empty() || (part.front() >= '0' && part.front() <= '9')) return false;
  for (char c : part) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string shown(std::string_view part) {
  return is_plain_lowercase(part) ? std::string(part) : pg::quote_ident(part);
}

}  // namespace

std::optional<QualifiedName> parse_qualified_name(std::string_view text, bool fold_bare) {
  report::NameSyntax syntax = report::kWrittenName;
  syntax.fold_bare = fold_bare;
  auto split = report::split_schema_and_name(text, syntax);
  if (!split) return std::nullopt;
  return QualifiedName{std::move(split->schema), std::move(split->name)};
}

std::string QualifiedName::display() const {
  if (schema.empty()) return shown(name);
  return shown(schema) + "." + shown(name);
}

std::string QualifiedName::quoted() const {
  if (schema.empty()) return pg::quote_ident(name);
  return pg::quote_ident(schema) + "." + pg::quote_ident(name);
}

}  // namespace confiture::catalog
