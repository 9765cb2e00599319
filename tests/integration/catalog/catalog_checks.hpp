// What the catalog tests share: lookups by name, and whether the server lets a test make objects
// members of an extension (as an extension script would).
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::test {

using Names = std::vector<std::string>;

template <typename Item>
const Item& find_named(const std::vector<Item>& items, const catalog::QualifiedName& name) {
  auto found =
      std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.name == name; });
  INFO(name.display());
  REQUIRE(found != items.end());
  return *found;
}

template <typename Item>
Names display_names(const std::vector<Item>& items) {
  Names names;
  for (const Item& item : items) names.push_back(item.name.display());
  return names;
}

inline const catalog::Table& table_of(const catalog::Catalog& cat,
                                      const catalog::QualifiedName& name) {
  const catalog::Table* table = cat.table(name);
  INFO(name.display());
  REQUIRE(table != nullptr);
  return *table;
}

inline std::string current_user(pg::Connection& conn) {
  return conn.exec("SELECT current_user")[0][0].as<std::string>();
}

// plpgsql is in every database and no extension shipped with the server creates tables, so tests
// of extension membership add objects to plpgsql; that needs plpgsql and a superuser.
inline bool can_extend_plpgsql(pg::Connection& conn) {
  auto ready = conn.exec(
      "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'plpgsql'), "
      "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)");
  if (ready[0][0].as<bool>() && ready[0][1].as<bool>()) return true;
  WARN("plpgsql missing or not a superuser: extension membership not tested");
  return false;
}

}  // namespace confiture::test
