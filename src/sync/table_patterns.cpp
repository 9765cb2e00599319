// Table globs and references for sync.
#include "table_patterns.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <optional>
#include <string>

namespace confiture::sync {
namespace {

bool glob(std::string_view pattern, const std::string& text) {
  return fnmatch(std::string(pattern).c_str(), text.c_str(), 0) == 0;
}

}  // namespace

bool table_matches(std::string_view pattern, const catalog::QualifiedName& table) {
  auto dot = pattern.find('.');
  if (dot == std::string_view::npos) return glob(pattern, table.name);
  return glob(pattern.substr(0, dot), table.schema) && glob(pattern.substr(dot + 1), table.name);
}

const catalog::Table* find_table(const std::vector<const catalog::Table*>& tables,
                                 std::string_view reference, std::vector<std::string>* ambiguous) {
  const std::optional<catalog::QualifiedName> name =
      catalog::parse_qualified_name(reference, false);
  if (!name) return nullptr;
  if (!name->schema.empty()) {
    for (const catalog::Table* table : tables) {
      if (table->name == *name) return table;
    }
    return nullptr;
  }
  std::vector<const catalog::Table*> found;
  for (const catalog::Table* table : tables) {
    if (table->name.name == name->name) found.push_back(table);
  }
  if (found.size() == 1) return found.front();
  for (const catalog::Table* table : found) {
    if (table->name.schema == "public") return table;
  }
  if (ambiguous) {
    for (const catalog::Table* table : found) ambiguous->push_back(table->name.display());
  }
  return nullptr;
}

std::string reference_display(std::string_view reference) {
  const std::optional<catalog::QualifiedName> name =
      catalog::parse_qualified_name(reference, false);
  if (!name) {
    return fmt::format(
        "'{}' (not a table name: quote a part that holds dots or quotes, "
        "\"like\"\"this\", or write schema.table)",
        reference);
  }
  return name->display();
}

bool has_selected_ancestor(const catalog::Catalog& catalog, const catalog::Table& table,
                           const std::function<bool(const catalog::QualifiedName&)>& selected) {
  for (auto parent = table.partition_of; parent;) {
    if (selected(*parent)) return true;
    const catalog::Table* up = catalog.table(*parent);
    parent = up ? up->partition_of : std::nullopt;
  }
  return false;
}

}  // namespace confiture::sync
