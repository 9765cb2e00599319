// Table globs and references for sync.
#include "table_patterns.hpp"

#include <fnmatch.h>

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
  auto dot = reference.find('.');
  if (dot != std::string_view::npos) {
    catalog::QualifiedName name{std::string(reference.substr(0, dot)),
                                std::string(reference.substr(dot + 1))};
    for (const catalog::Table* table : tables) {
      if (table->name == name) return table;
    }
    return nullptr;
  }
  std::vector<const catalog::Table*> found;
  for (const catalog::Table* table : tables) {
    if (table->name.name == reference) found.push_back(table);
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
