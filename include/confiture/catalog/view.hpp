// A view or materialized view in the catalog model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

struct ViewColumn {
  std::string name{};
  std::string type{};  // format_type with typmod
};

struct View {
  QualifiedName name{};
  bool materialized = false;
  std::string definition{};            // pg_get_viewdef: the SELECT, as the server prints it
  std::vector<std::string> options{};  // reloptions: "check_option=local", "fillfactor=50"
  bool populated = true;               // false: a materialized view created WITH NO DATA
  std::vector<ViewColumn> columns{};   // in order
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
};

}  // namespace confiture::catalog
