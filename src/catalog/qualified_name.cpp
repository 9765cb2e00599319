// How a schema-qualified name is shown to people (quoted only where needed), spliced into SQL
// (always quoted) and read back from what a person wrote.
#include <algorithm>
#include <string_view>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/quote.hpp"

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

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::optional<QualifiedName> parse_qualified_name(std::string_view text, bool fold_bare) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  const auto skip_blanks = [&] {
    while (i < text.size() && is_blank(text[i])) ++i;
  };
  while (true) {
    skip_blanks();
    std::string part;
    if (i < text.size() && text[i] == '"') {
      ++i;
      while (true) {
        const std::size_t quote = text.find('"', i);
        if (quote == std::string_view::npos) return std::nullopt;
        part.append(text.substr(i, quote - i));
        i = quote + 1;
        if (i >= text.size() || text[i] != '"') break;
        part += '"';
        ++i;
      }
      if (part.empty()) return std::nullopt;
      skip_blanks();
    } else {
      const std::size_t end = std::min(text.find('.', i), text.size());
      std::string_view bare = text.substr(i, end - i);
      while (!bare.empty() && is_blank(bare.back())) bare.remove_suffix(1);
      if (bare.empty() || bare.find('"') != std::string_view::npos) return std::nullopt;
      for (char c : bare) {
        part += fold_bare && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
      i = end;
    }
    parts.push_back(std::move(part));
    if (i == text.size()) break;
    if (text[i] != '.' || parts.size() == 2) return std::nullopt;
    ++i;
  }
  if (parts.size() == 1) return QualifiedName{"", parts[0]};
  return QualifiedName{parts[0], parts[1]};
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
